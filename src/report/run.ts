/** The result of one run over one or more dossiers: what every formatter reads. */
import { detached } from '../core/detached.js';
import { INTEGRITY_CODES, type Claims } from '../core/integrity.js';
import type { IsoDate } from '../core/dates.js';
import type { TierResult } from '../core/evaluate.js';
import type { TierLapse } from '../core/lapses.js';
import type { Materials } from '../core/materials.js';
import type { KeepRenewal, Plan } from '../core/plan.js';
import type { Obligation } from '../core/obligations.js';
import type { Deadline } from '../core/calendar.js';
import { OWN_STANDARD, type Finding } from '../core/findings.js';

/** One dossier's outcome, as the pipeline produces it and every formatter reads it. */
export interface DossierReport {
  file: string;
  partner: string | null;
  /** The standard id the dossier was checked against (null when none could be loaded). */
  standard: string | null;
  asOf: IsoDate | null;
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
  tiers: TierResult[];
  highestTier: string | null;
  requiredTier: string | null;
  pass: boolean;
  /** The rating held now, when the dossier declares one: the tier, its issue date and its last valid day. */
  currentRating?: { tier: string; issued: IsoDate; validUntil: IsoDate };
  /**
   * The staffing obligations of the rating year, located in the dossier:
   * present only for a dossier that declares its current rating (empty when
   * nothing is owed), with `obligationsMet` false when one is breached.
   */
  obligations?: Array<Obligation & { line?: number; column?: number }>;
  obligationsMet?: boolean;
  /** Every dated deadline of the dossier, for the calendar output (valid dossiers only). */
  deadlines?: Deadline[];
  /** The tier met now that is lost first, and when; null when none is (or none is met). */
  firstLapse: TierLapse | null;
  /** With --materials: what the submission holds and lacks (its "Submission materials" section). */
  materials?: Materials;
  /** The fewest actions that reach the planned tier (--plan, else the required tier when missed); absent when it is met. */
  plan?: Plan;
  /** Renewals that keep the highest tier met through the current rating's end (else a year); valid dossiers only. */
  keep?: KeepRenewal[];
  /** The partner's id, country and channel and the application date, as the dossier gives them (an invalid one too, as far as it was read). */
  applicant?: { id?: string; country?: string; channel?: string; date?: string };
  /** What the batch's cross-dossier checks compare (valid dossiers only); formatters never read it. */
  claims?: Claims;
}

/**
 * What a batch keeps of a dossier once each output has its part: enough for
 * the summary, the exit code and the document around the parts, and nothing
 * more — ten thousand of them stay in memory until the batch is over.
 */
export interface DossierOutline {
  file: string;
  partner: string | null;
  standard: string | null;
  valid: boolean;
  pass: boolean;
  highestTier: string | null;
  requiredTier: string | null;
  /** Each tier's id and gaps, in the standard's order: the verdict names the next tier up and its gaps. */
  tiers: Array<{ id: string; gaps: number }>;
  /** Why the dossier is invalid: printed on standard error whatever the format. Empty for a valid one. */
  errors: Finding[];
  warningCount: number;
  /** The integrity warnings (a certificate or engineer claimed by another dossier), which --quiet still prints. */
  integrity: Finding[];
  /** Checked against a standard file the dossier supplied itself (the warning own-standard). */
  ownStandard: boolean;
  /** What fails it besides its required tier (see shortfallsOf), counted: its verdict names them. */
  breached?: number;
  missingMaterials?: number;
}

/** What fails a dossier besides its required tier's gaps: its breached obligations and (with --materials) the materials it lacks. */
export function shortfallsOf(report: Pick<DossierReport, 'obligations' | 'materials'>): { breached: number; missingMaterials: number } {
  return { breached: (report.obligations ?? []).filter((o) => o.status === 'breached').length, missingMaterials: report.materials?.missing.length ?? 0 };
}

/** Whether a dossier was checked against a standard file it supplied itself (the warning own-standard). */
export function againstOwnStandard(report: Pick<DossierReport, 'warnings'>): boolean {
  return report.warnings.some((w) => w.code === OWN_STANDARD);
}

export function outlineOf(report: DossierReport): DossierOutline {
  return {
    file: report.file,
    partner: report.partner === null ? null : detached(report.partner),
    standard: report.standard,
    valid: report.valid,
    pass: report.pass,
    highestTier: report.highestTier,
    requiredTier: report.requiredTier === null ? null : detached(report.requiredTier),
    tiers: report.tiers.map((t) => ({ id: t.id, gaps: t.gaps })),
    errors: report.errors,
    warningCount: report.warnings.length,
    integrity: report.warnings.filter((w) => INTEGRITY_CODES.has(w.code)),
    ownStandard: againstOwnStandard(report),
    ...shortfallsOf(report),
  };
}

export interface RunResult {
  tool: { name: 'starcheck'; version: string };
  /**
   * The standard named on the command line, or the default; null when some
   * dossier named another of its own. Each dossier also says its own.
   */
  standard: { id: string | null; title: string };
  dossiers: DossierReport[];
  summary: { total: number; passed: number; failed: number; invalid: number };
}

export interface FormatOptions {
  color: boolean;
  quiet: boolean;
  /** Columns the text report fits (60 to 160); default 80. The CLI gives the terminal's, 80 when not a terminal. */
  width?: number;
  /** Tiers shown in full: by default the one the reader needs (see view.ts focusTier), `all`, or those ids. */
  tiers?: 'all' | readonly string[];
  /**
   * The whole report, as for a file (`--format markdown=file`). Without it
   * a batch's Markdown is its summary and the gaps of the dossiers that
   * fail, cut to fit a GitHub comment.
   */
  whole?: boolean;
}

/** The run as the document around the dossiers' parts sees it: outlines, not reports. */
export type RunOutline = Omit<RunResult, 'dossiers'> & { dossiers: DossierOutline[] };

/**
 * The text around a run's parts: `head` before the first, `separator`
 * between two, `tail` after the last. An empty part is left out, and so is
 * its separator; with `omitParts` (a quiet batch's text report) every part is.
 * A head or tail that lists every dossier (a summary table) is given as
 * pieces, made one after another as the output is written, so a large run
 * never holds it as one string.
 */
export interface Assembly {
  head: string | Iterable<string>;
  separator: string;
  tail: string | Iterable<string>;
  omitParts?: boolean;
  /** Each part as it is written, in the dossiers' order: what an earlier part already says left out (iCalendar's events of one UID). */
  distinct?: (part: string) => string;
}

/**
 * The text around a document's parts, for a format that renders the
 * document whole with one placeholder line where the parts go (`line`, which
 * no other line of it can read as): everything up to that line, and from its
 * line break on. A document without the line (no parts) is all head.
 */
export function aroundLine(text: string, line: string, separator: string): Assembly {
  const at = text.indexOf(`\n${line}\n`);
  if (at < 0) return { head: text, separator: '', tail: '' };
  return { head: text.slice(0, at + 1), separator, tail: text.slice(at + 1 + line.length) };
}

/**
 * Values as the elements of a JSON array in a document stringified with an
 * indent of 2, where the elements stand `indent` deep: each indented for its
 * place, one after another with ",\n" (a JSON string holds no raw newline).
 */
export function jsonElements(values: readonly unknown[], indent: string): string {
  return values.map((value) => `${indent}${JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`)}`).join(',\n');
}

/**
 * A formatter turns a run into the text of one output; it never
 * re-evaluates. Each dossier's `part` is rendered on its own, where the
 * dossier was checked, and `assemble` puts the text around the parts from
 * the run's outline. What the text around needs of each dossier beyond its
 * outline (JUnit's totals, SARIF's rules) the formatter takes as a
 * `note` per dossier: plain data (JSON), which a batch keeps with the parts
 * rather than in memory, handed back to `assemble` in the dossiers' order,
 * to be iterated once.
 *
 * Adding a format: one file with such an object, an entry in index.ts, a
 * golden test.
 */
export interface Formatter<Note = unknown> {
  part(d: DossierReport, options: FormatOptions): string;
  note?(d: DossierReport, options: FormatOptions): Note;
  assemble(run: RunOutline, options: FormatOptions, notes: Iterable<Note>): Assembly;
}

/** The output as pieces in order: the head, the parts with separators between them (empty ones left out), the tail. */
export function* pieces(assembly: Assembly, parts: Iterable<string | Uint8Array>): Generator<string | Uint8Array> {
  yield* typeof assembly.head === 'string' ? [assembly.head] : assembly.head;
  if (assembly.omitParts !== true) {
    let first = true;
    const decoder = new TextDecoder();
    for (const given of parts) {
      const part = assembly.distinct === undefined ? given : assembly.distinct(typeof given === 'string' ? given : decoder.decode(given));
      if (part.length === 0) continue;
      if (!first) yield assembly.separator;
      first = false;
      yield part;
    }
  }
  yield* typeof assembly.tail === 'string' ? [assembly.tail] : assembly.tail;
}

/** One output as a single string: for a run small enough to hold it, and for tests. */
export function render(formatter: Formatter, run: RunResult, options: FormatOptions): string {
  const outline = { ...run, dossiers: run.dossiers.map(outlineOf) };
  // Each part before its note, as a batch renders them (sarif's note reads what its part used).
  const parts = run.dossiers.map((d) => formatter.part(d, options));
  const notes = formatter.note ? run.dossiers.map((d) => formatter.note!(d, options)) : [];
  return [...pieces(formatter.assemble(outline, options, notes), parts)].join('');
}

export function summarise(dossiers: readonly DossierOutline[]): RunResult['summary'] {
  const invalid = dossiers.filter((d) => !d.valid).length;
  const passed = dossiers.filter((d) => d.valid && d.pass).length;
  return { total: dossiers.length, passed, failed: dossiers.length - passed - invalid, invalid };
}

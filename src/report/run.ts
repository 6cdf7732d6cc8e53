/** The result of one run over one or more dossiers: what every formatter reads. */
import { detached } from '../core/detached.js';
import type { Claims } from '../core/integrity.js';
import type { IsoDate } from '../core/dates.js';
import type { TierResult } from '../core/evaluate.js';
import type { TierLapse } from '../core/lapses.js';
import { OWN_STANDARD, type Finding } from '../findings.js';

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
  /** The tier met now that is lost first, and when; null when none is (or none is met). */
  firstLapse: TierLapse | null;
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
  /** Checked against a standard file the dossier supplied itself (the warning own-standard). */
  ownStandard: boolean;
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
    ownStandard: report.warnings.some((w) => w.code === OWN_STANDARD),
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
}

/** The run as the document around the dossiers' parts sees it. */
export type RunOutline = Omit<RunResult, 'dossiers'> & { dossiers: DossierOutline[] };

/**
 * A formatter turns a run into the text of one output; it never re-evaluates.
 * Most render each dossier's share on its own (`part`), where the dossier was
 * checked — in a batch, on its worker thread — so only text crosses threads
 * and no report outlives its dossier; `assemble` then puts the document
 * around the parts, from outlines. A format whose every part depends on the
 * others (SARIF numbers its rules across the run) renders the whole run.
 */
export type Formatter =
  | {
      part(d: DossierReport, options: FormatOptions): string;
      /**
       * The same part as UTF-8, for a batch, which keeps parts as bytes: a
       * view that holds until the next call, starting at `phase` (0 to 7) in
       * an eight-byte word of its buffer (see SpoolWriter.phase).
       */
      bytes?(d: DossierReport, options: FormatOptions, phase?: number): Uint8Array;
      /** What `assemble` puts between two parts, as UTF-8, when it is always the same. */
      between?: Uint8Array;
      /**
       * The output as pieces to write one after another: its own text and the
       * parts, which it passes along as they are (a batch keeps them as bytes
       * or in a file, not as text).
       */
      assemble<P>(run: RunOutline, parts: readonly P[], options: FormatOptions): Array<P | string>;
    }
  | { whole(run: RunResult, options: FormatOptions): string };

/** One output as a single string: for a run small enough to hold it, and for tests. */
export function render(formatter: Formatter, run: RunResult, options: FormatOptions): string {
  if ('whole' in formatter) return formatter.whole(run, options);
  const parts = run.dossiers.map((d) => formatter.part(d, options));
  return formatter.assemble({ ...run, dossiers: run.dossiers.map(outlineOf) }, parts, options).join('');
}

export function summarise(dossiers: readonly DossierOutline[]): RunResult['summary'] {
  const invalid = dossiers.filter((d) => !d.valid).length;
  const passed = dossiers.filter((d) => d.valid && d.pass).length;
  return { total: dossiers.length, passed, failed: dossiers.length - passed - invalid, invalid };
}

/**
 * `--format text` (the default): for people. A verdict line per dossier,
 * then the tier the reader needs (the required one, or the next one up)
 * with its table and its gaps in words, then a line per other tier. Fits
 * the terminal (80 columns when not a terminal).
 */
import { printable, printableLines } from '../core/findings.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import type { DossierReport } from './run.js';
import { locatedMessage, outcome, owedText, pathChoice, rowLabel, rowStatus, show, tiersShown, tierState, verdict, tierRole } from './view.js';
import type { FormatOptions, Formatter, RunOutline } from './run.js';
import { summaryTable } from './summary.js';
import { planText } from './plan-section.js';
import { integrityTail } from './quiet-warnings.js';
import { fixedTable } from './table.js';
import { materialsText } from './materials.js';
import { obligationsText } from './obligations.js';

/** Whitespace that separates words for `wrap`. */
const isBreak = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Greedy word wrap: words (runs of anything but spaces, tabs and line
 * breaks) joined by single spaces into lines of at most `width` characters,
 * a longer word alone on its line; `indent` prefixes continuation lines.
 * Scanned in place rather than split, as every finding of every dossier of
 * a text report comes through here.
 */
export function wrap(text: string, width: number, indent: string): string {
  let out = '';
  let lineLength = -1;
  for (let i = 0; i < text.length; ) {
    if (isBreak(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < text.length && !isBreak(text.charCodeAt(end))) end++;
    const word = text.slice(i, end);
    if (lineLength < 0) {
      out = word;
      lineLength = word.length;
    } else if (lineLength + 1 + word.length > width) {
      out += `\n${indent}${word}`;
      lineLength = indent.length + word.length;
    } else {
      out += ` ${word}`;
      lineLength += 1 + word.length;
    }
    i = end;
  }
  return out;
}

/** The columns a text report fits: the caller's (a terminal's), within 60 to 160; 80 by default. */
export function textWidth(options: Pick<FormatOptions, 'width'>): number {
  return Math.min(160, Math.max(60, Math.floor(options.width ?? 80)));
}

/**
 * "PASS file: verdict (required: tier)". With --quiet it stays one line per
 * dossier, for grep; in the full report it wraps at the report's width.
 */
function verdictLine(d: DossierReport, c: ChalkInstance, quiet: boolean, width: number): string {
  const status = outcome(d);
  const paint = status === 'PASS' ? c.green.bold : c.red.bold;
  // A no-break space keeps "(required: tier)" whole when the line wraps.
  const required = d.valid ? ` (required:\u00a0${d.requiredTier})` : '';
  const file = printable(d.file);
  const plain = `${status} ${file}: ${verdict(d)}${required}`;
  // Colour goes on after wrapping, so escape codes never count as columns.
  const lines = (quiet ? plain : wrap(plain, width, '    ')).replace(/\u00a0/g, ' ');
  const head = `${status} ${file}:`;
  return lines.startsWith(head) ? `${paint(status)} ${c.bold(file)}:${lines.slice(head.length)}` : `${paint(status)}${lines.slice(status.length)}`;
}

// Text from the standard (tier and path names, labels) is made printable field by field, before colour and
// table layout, as dossier text is: a standard can be a dossier's own, and as hostile.
function tierHeading(d: DossierReport, tier: TierResult, c: ChalkInstance): string {
  const name = `${c.bold(printable(tier.name))}${tierRole(d, tier)}`;
  const state = printable(tierState(tier));
  return `${name} — ${tier.met ? c.green(state) : c.red(state)}`;
}

const TIER_HEAD = ['Requirement', 'Have', 'Need', ''];

/** Column widths (padding included) of a tier table within `width` columns, borders and a margin included. */
function tierWidths(width: number): number[] {
  const value = width >= 100 ? 14 : 11;
  return [width - 4 - 5 - 2 * value - 9, value, value, 9];
}

function tierTable(tier: TierResult, c: ChalkInstance, width: number): string {
  const rows = tier.requirements.map((r) => {
    const status = rowStatus(tier, r);
    if (status === 'owed') return [printable(rowLabel(r)), '–', printable(show(r.need)), c.cyan('○ owed')];
    const mark = status === 'met' ? c.green('✔ met') : status === 'gap' ? c.red('✗ gap') : c.dim('– unmet');
    return [printable(rowLabel(r)), printable(show(r.have)), printable(show(r.need)), mark];
  });
  return fixedTable(TIER_HEAD, tierWidths(width), c).draw(rows);
}

/** Where in the dossier a gap is about, as ESLint's stylish format leads its lines: "34:9 ". */
const at = (r: RequirementResult): string => (r.line !== undefined ? `${r.line}:${r.column} ` : '');

/** A tier in full: its heading, how its paths stand, its table, its gaps and what it owes. */
function tierSection(d: DossierReport, tier: TierResult, c: ChalkInstance, width: number): string[] {
  const out = ['', tierHeading(d, tier, c)];
  const choice = pathChoice(tier);
  if (choice !== undefined) out.push(`  ${wrap(printable(`Paths: ${choice}.`), width - 2, '    ')}`);
  out.push(tierTable(tier, c, width));
  for (const r of tier.requirements) {
    const status = rowStatus(tier, r);
    // A met tier's unmet rows belong to a path it does not need; another path's are shown as the alternative they are.
    if (status === 'gap' && r.gap !== undefined) out.push(`  ${c.red('✗')} ${wrap(printable(`${at(r)}${rowLabel(r)}: ${r.gap}`), width - 4, '    ')}`);
    if (status === 'alternative' && !tier.met && r.gap !== undefined) out.push(`  ${c.dim('–')} ${wrap(printable(`${at(r)}${rowLabel(r)}: ${r.gap}`), width - 4, '    ')}`);
    const note = r.owed !== undefined ? `${owedText(r)} — ${r.note ?? ''}` : r.note;
    if (note !== undefined) out.push(`  ${c.cyan('i')} ${wrap(printable(`${r.label}: ${note}`), width - 4, '    ')}`);
  }
  return out;
}

/** The tiers not shown in full, a line each. */
function otherTiers(d: DossierReport, shown: ReadonlySet<TierResult>, c: ChalkInstance): string[] {
  const others = d.tiers.filter((t) => !shown.has(t));
  if (others.length === 0) return [];
  return ['', c.bold('Other tiers'), ...others.map((t) => `  ${tierHeading(d, t, c)}`)];
}

function dossierText(d: DossierReport, c: ChalkInstance, options: FormatOptions): string {
  const width = textWidth(options);
  const out = [verdictLine(d, c, options.quiet, width)];
  if (options.quiet) return out.join('\n');
  if (!d.valid) {
    for (const error of d.errors) out.push(`  ${wrap(locatedMessage(d.file, error), width - 2, '    ')}`);
    return out.join('\n');
  }
  out.push(`  ${wrap(printable(`${d.partner ?? ''} · ${d.standard} standard · application date ${d.asOf}`), width - 2, '    ')}`);
  if (d.currentRating) out.push(`  ${wrap(`current rating: ${d.currentRating.tier}, issued ${d.currentRating.issued}, valid until ${d.currentRating.validUntil}`, width - 2, '    ')}`);
  for (const w of d.warnings) out.push(`  ${c.yellow('warning')} ${wrap(locatedMessage(d.file, w), width - 10, '    ')}`);
  out.push(...obligationsText(d, c, (t, width, indent) => wrap(printable(t), width, indent), width));
  // The reader's tier first; then a line for each other tier. A new section is one more push here.
  const shown = tiersShown(d, options.tiers);
  for (const tier of d.tiers) if (shown.has(tier)) out.push(...tierSection(d, tier, c, width));
  // The plan follows the gaps it closes; the submission's materials follow the tiers.
  out.push(...planText(d, (line) => wrap(printable(line), width - 5, '     ')));
  out.push(...otherTiers(d, shown, c));
  out.push(...materialsText(d, c, wrap, width));
  return out.join('\n');
}

const chalkFor = (options: FormatOptions): ChalkInstance => new Chalk({ level: options.color ? 1 : 0 });

/** A batch's tail: the summary table, a piece at a time. */
function* summaryTail(run: RunOutline, options: FormatOptions, before: string): Generator<string> {
  yield before;
  for (const piece of summaryTable(run, chalkFor(options), textWidth(options))) yield printableLines(piece, { colour: options.color });
  yield '\n';
}

export const text: Formatter = {
  part: (d, options) => printableLines(dossierText(d, chalkFor(options), options), { colour: options.color }),
  assemble: (run, options) => {
    // A batch ends with its summary table; quiet, a batch is only that table.
    const batch = run.dossiers.length > 1;
    const separator = options.quiet ? '\n' : '\n\n';
    const omitParts = batch && options.quiet;
    const before = omitParts || run.dossiers.length === 0 ? '' : separator;
    const tail = batch ? summaryTail(run, options, before) : '\n';
    return { head: '', separator, tail: options.quiet ? integrityTail(tail, run, chalkFor(options), options.color) : tail, omitParts };
  },
};

/**
 * `--format text` (the default): for people. A verdict line per dossier,
 * then per tier a table of requirements and the gaps in words. Fits an
 * 80-column terminal.
 */
import { printable, printableLines } from '../core/findings.js';
import { Chalk, type ChalkInstance } from 'chalk';
import type { TierResult } from '../core/evaluate.js';
import { plural } from '../core/words.js';
import type { DossierReport } from './run.js';
import { locatedMessage, metPaths, outcome, rowLabel, show, verdict } from './view.js';
import type { FormatOptions, Formatter, RunOutline } from './run.js';
import { summaryTable } from './summary.js';
import { planText } from './plan-section.js';
import { integrityTail } from './quiet-warnings.js';
import { fixedTable } from './table.js';
import { materialsText } from './materials.js';
import { obligationsText } from './obligations.js';

const WIDTH = 80;

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

/**
 * "PASS file: verdict (required: tier)". With --quiet it stays one line per
 * dossier, for grep; in the full report it wraps at 80 columns.
 */
function verdictLine(d: DossierReport, c: ChalkInstance, quiet: boolean): string {
  const status = outcome(d);
  const paint = status === 'PASS' ? c.green.bold : c.red.bold;
  // A no-break space keeps "(required: tier)" whole when the line wraps.
  const required = d.valid ? ` (required:\u00a0${d.requiredTier})` : '';
  const file = printable(d.file);
  const plain = `${status} ${file}: ${verdict(d)}${required}`;
  // Colour goes on after wrapping, so escape codes never count as columns.
  const lines = (quiet ? plain : wrap(plain, WIDTH, '    ')).replace(/\u00a0/g, ' ');
  const head = `${status} ${file}:`;
  return lines.startsWith(head) ? `${paint(status)} ${c.bold(file)}:${lines.slice(head.length)}` : `${paint(status)}${lines.slice(status.length)}`;
}

// Text from the standard (tier and path names, labels) is made printable field by field, before colour and
// table layout, as dossier text is: a standard can be a dossier's own, and as hostile.
function tierHeading(tier: TierResult, c: ChalkInstance): string {
  const name = c.bold(printable(tier.name));
  if (!tier.met) {
    return `${name} — ${c.red('not met')}, ${plural(tier.gaps, 'gap')}`;
  }
  const holds = typeof tier.holdsUntil === 'string' ? `, holds until ${tier.holdsUntil}` : '';
  const via = metPaths(tier);
  const paths = via !== undefined ? ` (via ${printable(via)})` : '';
  return `${name} — ${c.green('met')}${paths}${holds}`;
}

const TIER_HEAD = ['Requirement', 'Have', 'Need', ''];
const TIER_WIDTHS = [42, 10, 10, 9];

function tierTable(tier: TierResult, c: ChalkInstance): string {
  const rows = tier.requirements.map((r) => {
    // A met tier has no gaps: an unmet row there belongs to an alternative path it did not need.
    const status = r.met ? c.green('✔ met') : tier.met ? c.dim('– unmet') : c.red('✗ gap');
    return [printable(rowLabel(r)), printable(show(r.have)), printable(show(r.need)), status];
  });
  return fixedTable(TIER_HEAD, TIER_WIDTHS, c).draw(rows);
}

function dossierText(d: DossierReport, c: ChalkInstance, options: FormatOptions): string {
  const out = [verdictLine(d, c, options.quiet)];
  if (options.quiet) return out.join('\n');
  if (!d.valid) {
    for (const error of d.errors) out.push(`  ${wrap(locatedMessage(d.file, error), WIDTH - 2, '    ')}`);
    return out.join('\n');
  }
  out.push(`  ${printable(d.partner ?? '')} · ${d.standard} standard · application date ${d.asOf}`);
  if (d.currentRating) out.push(`  current rating: ${d.currentRating.tier}, issued ${d.currentRating.issued}, valid until ${d.currentRating.validUntil}`);
  for (const w of d.warnings) out.push(`  ${c.yellow('warning')} ${wrap(locatedMessage(d.file, w), WIDTH - 10, '    ')}`);
  out.push(...obligationsText(d, c, (t, width, indent) => wrap(printable(t), width, indent), WIDTH));
  for (const tier of d.tiers) {
    out.push('', tierHeading(tier, c), tierTable(tier, c));
    for (const r of tier.requirements) {
      // A met tier's unmet rows belong to a path it does not need.
      if (!tier.met && r.gap !== undefined) out.push(`  ${c.red('✗')} ${wrap(printable(`${rowLabel(r)}: ${r.gap}`), WIDTH - 4, '    ')}`);
      if (r.note !== undefined) out.push(`  ${c.cyan('i')} ${wrap(printable(`${r.label}: ${r.note}`), WIDTH - 4, '    ')}`);
    }
    if (tier.id === d.requiredTier) out.push(...planText(d, (line) => wrap(printable(line), WIDTH - 5, '     ')));
  }
  out.push(...materialsText(d, c, wrap, WIDTH));
  return out.join('\n');
}

const chalkFor = (options: FormatOptions): ChalkInstance => new Chalk({ level: options.color ? 1 : 0 });

/** A batch's tail: the summary table, a piece at a time. */
function* summaryTail(run: RunOutline, options: FormatOptions, before: string): Generator<string> {
  yield before;
  for (const piece of summaryTable(run, chalkFor(options))) yield printableLines(piece, { colour: options.color });
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

/**
 * The summary of a batch, for people: one row per dossier, then how many
 * dossiers reached each tier. It follows the per-dossier reports, or stands
 * alone with --quiet, which is how a vendor reads a thousand dossiers.
 */
import { printable } from '../core/findings.js';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { plural } from '../core/words.js';
import type { DossierOutline, RunOutline } from './run.js';
import { fixedTable } from './table.js';
import { outcome, shortfallWords, summaryLine } from './view.js';

const NO_TIER = 'no tier met';
const INVALID = 'invalid';

function result(d: DossierOutline, c: ChalkInstance): string {
  const word = outcome(d);
  return word === 'PASS' ? c.green(word) : c.red(word);
}

/** A count for a table cell: blank when there is none. */
function count(n: number, noun: string): string {
  return n === 0 ? '' : plural(n, noun);
}

/** Column widths (padding included) that keep the table within `width` columns with its borders: the file's column takes what is left. */
function widths(width: number): number[] {
  return [Math.max(9, width - 51), 12, 12, 9, 12];
}

/** The totals' table, its columns as wide as their contents. */
function table(head: string[], c: ChalkInstance): Table.Table {
  return new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [], compact: true } });
}

/** The tier each dossier reached, in the standards' own order (highest first), then no tier, then invalid. */
function totals(dossiers: readonly DossierOutline[]): Array<[string, number]> {
  const order: string[] = [];
  for (const d of dossiers) for (const t of d.tiers) if (!order.includes(t.id)) order.push(t.id);
  order.push(NO_TIER, INVALID);
  const counts = new Map(order.map((id) => [id, 0]));
  for (const d of dossiers) {
    const key = !d.valid ? INVALID : (d.highestTier ?? NO_TIER);
    counts.set(key, counts.get(key)! + 1);
  }
  return order.filter((id) => counts.get(id)! > 0).map((id) => [id, counts.get(id)!]);
}

/** A long path broken into lines that fit its column (paths have no spaces to wrap at). */
function breakPath(file: string, column: number): string {
  const width = column - 2;
  const lines: string[] = [];
  for (let i = 0; i < file.length; i += width) lines.push(file.slice(i, i + width));
  return lines.join('\n');
}

/** The summary's row of a dossier. */
function row(d: DossierOutline, run: RunOutline, c: ChalkInstance, column: number): string[] {
  // A dossier checked against a standard other than the run's, above all one it supplied itself, says so in its row.
  const standard = d.ownStandard ? c.yellow(`own standard ${d.standard}`) : d.standard !== null && d.standard !== run.standard.id ? c.dim(`standard ${d.standard}`) : undefined;
  return [
    [breakPath(printable(d.file), column), ...(d.partner ? [c.dim(printable(d.partner))] : []), ...(standard ? [standard] : [])].join('\n'),
    d.valid ? (d.highestTier ?? '–') : '–',
    d.requiredTier ?? '–',
    result(d, c),
    d.valid ? [...shortfallWords(d), count(d.warningCount, 'warning')].filter((n) => n !== '').join('\n') : count(d.errors.length, 'error'),
  ];
}

/**
 * The summary in pieces, each row drawn as it is written, every piece
 * whole lines (so each can be made printable on its own): a batch's summary
 * is never held as one string.
 */
export function* summaryTable(run: RunOutline, c: ChalkInstance, width: number): Generator<string> {
  yield `${c.bold('Summary')}\n`;
  const columns = widths(width);
  const rows = (function* () {
    for (const d of run.dossiers) yield row(d, run, c, columns[0]!);
  })();
  yield* fixedTable(['Dossier, partner', 'Highest', 'Required', 'Result', 'Notes'], columns, c).drawn(rows);
  const tiers = table(['Highest tier', 'Dossiers'], c);
  for (const [tier, count] of totals(run.dossiers)) tiers.push([tier, String(count)]);
  yield `\n${tiers.toString()}\n${summaryLine(run.summary)}`;
}

/**
 * The summary of a batch, for people: one row per dossier, then how many
 * dossiers reached each tier. It follows the per-dossier reports, or stands
 * alone with --quiet, which is how a vendor reads a thousand dossiers.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { plural } from '../core/words.js';
import type { DossierOutline, RunOutline } from './run.js';
import { outcome, summaryLine } from './view.js';

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

/** Column widths (padding included) that keep the table within 80 columns with its borders. */
const WIDTHS = [29, 12, 12, 9, 12];

function table(head: string[], c: ChalkInstance, colWidths?: number[]): Table.Table {
  return new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [], compact: true },
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
  });
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
function breakPath(file: string): string {
  const width = WIDTHS[0]! - 2;
  const lines: string[] = [];
  for (let i = 0; i < file.length; i += width) lines.push(file.slice(i, i + width));
  return lines.join('\n');
}

/**
 * Rows per cli-table3 table. Its layout compares every cell with every cell
 * above it, so one table of ten thousand rows takes seconds; the rows are
 * laid out in slices of this many, which line up (the column widths are
 * fixed and a compact table draws no line between rows) and are stitched into
 * the one table cli-table3 would have drawn.
 */
export const ROWS_PER_SLICE = 100;

export function stitchedTable(head: string[], rows: string[][], c: ChalkInstance, perSlice = ROWS_PER_SLICE): string {
  const lines: string[] = [];
  for (let start = 0; start === 0 || start < rows.length; start += perSlice) {
    const slice = table(start === 0 ? head : [], c, WIDTHS);
    slice.push(...rows.slice(start, start + perSlice));
    const drawn = slice.toString().split('\n');
    // A later slice's top border and an earlier slice's bottom border would fall inside the table.
    const last = start + perSlice >= rows.length;
    lines.push(...drawn.slice(start === 0 ? 0 : 1, last ? drawn.length : -1));
  }
  return lines.join('\n');
}

export function summaryTable(run: RunOutline, c: ChalkInstance): string {
  const rows: string[][] = [];
  for (const d of run.dossiers) {
    rows.push([
      d.partner ? `${breakPath(d.file)}\n${c.dim(d.partner)}` : breakPath(d.file),
      d.valid ? (d.highestTier ?? '–') : '–',
      d.requiredTier ?? '–',
      result(d, c),
      d.valid ? count(d.warningCount, 'warning') : count(d.errors.length, 'error'),
    ]);
  }
  const tiers = table(['Highest tier', 'Dossiers'], c);
  for (const [tier, count] of totals(run.dossiers)) tiers.push([tier, String(count)]);
  return [
    c.bold('Summary'),
    stitchedTable(['Dossier, partner', 'Highest', 'Required', 'Result', 'Notes'], rows, c),
    tiers.toString(),
    summaryLine(run.summary),
  ].join('\n');
}

/**
 * cli-table3 tables of fixed column widths, drawn a cell at a time.
 *
 * cli-table3 spends about a millisecond on every table it lays out (it merges
 * its options into every cell and measures every cell against the others),
 * and a batch's text report draws three tier tables per dossier and a
 * summary row per dossier. In a compact table (no line between rows) whose
 * columns have fixed widths and wrap their words, though, a cell's lines
 * depend on its text and its column's width alone, and a row is its cells'
 * lines side by side between the borders, as many lines as its tallest cell.
 * So the borders and the head are drawn by cli-table3 once, and so is every
 * distinct cell — as a table of that one cell — except the plainest: text
 * that fits its column as it is, line by line, in characters one column
 * wide each, which cli-table3 draws as the text padded with spaces
 * (test/report/table.test.ts holds both ways to cli-table3's own tables).
 * Only for speed, and it pays (issue 15's rule): drawing each table whole
 * with cli-table3 made the text report of 1,000 generated dossiers take 59%
 * more CPU (2.55 s against 1.60 s, --jobs 1, medians of 3 interleaved
 * rounds); one dossier: 0.08 s either way.
 */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { ONE_COLUMN_EACH } from './columns.js';

/** Cells kept drawn per column: far more than the texts a tier table's columns have, a bound for the texts that never recur (file names). */
const MAX_KEPT_CELLS = 4096;

/** A line cli-table3's word wrap keeps: one with a word in it. */
const HAS_WORD = /[^ ]/;

/** How cli-table3 draws a table of this shape, its heads already styled. */
function cliTable(head: string[], colWidths: number[]): Table.Table {
  return new Table({ head, colWidths, wordWrap: true, style: { head: [], border: [], compact: true } });
}

export class FixedTable {
  /** The lines above the first row (top border, head, the line under it) and below the last (bottom border). */
  private readonly top: string;
  private readonly bottom: string;
  /** Per column, the lines of each cell text drawn, between the borders. */
  private readonly kept: Array<Map<string, string[]>>;
  private readonly blanks: string[];

  constructor(
    private readonly head: string[],
    private readonly colWidths: number[],
  ) {
    this.kept = colWidths.map(() => new Map());
    this.blanks = colWidths.map((width) => ' '.repeat(width));
    // The line under the head is what cli-table3 draws as the top of the first row: a table of the
    // head and a row one line high, less that line, is what stands above and below every row.
    const withRow = cliTable(head, colWidths);
    withRow.push(colWidths.map(() => 'x'));
    const lines = withRow.toString().split('\n');
    this.bottom = lines.pop()!;
    lines.pop();
    this.top = lines.join('\n');
  }

  /** The table of these rows, exactly as cli-table3 draws it. */
  draw(rows: readonly string[][]): string {
    return [...this.drawn(rows)].join('');
  }

  /**
   * The same table in pieces, each row drawn as it is taken: the top, then
   * a piece per row (its lines, each after a newline), then the bottom after
   * a newline. A summary of a hundred thousand rows is never one string.
   */
  *drawn(rows: Iterable<readonly string[]>): Generator<string> {
    let none = true;
    for (const cells of rows) {
      if (none) yield this.top;
      none = false;
      yield this.row(cells);
    }
    // Without rows, the head's bottom border is the table's, with no line under the head.
    yield none ? cliTable(this.head, this.colWidths).toString() : `\n${this.bottom}`;
  }

  /** A row's lines, each after a newline. */
  private row(cells: readonly string[]): string {
    const blocks = cells.map((text, x) => this.cell(text, x));
    let height = 1;
    for (const block of blocks) height = Math.max(height, block.length);
    let out = '';
    for (let line = 0; line < height; line++) {
      out += '\n│';
      for (let x = 0; x < blocks.length; x++) out += `${blocks[x]![line] ?? this.blanks[x]!}│`;
    }
    return out;
  }

  /** The lines of a cell of column `x`, padding included, without the borders. */
  private cell(text: string, x: number): string[] {
    const kept = this.kept[x]!;
    let lines = kept.get(text);
    if (lines === undefined) {
      lines = this.plainCell(text, x) ?? this.cliCell(text, x);
      if (kept.size < MAX_KEPT_CELLS) kept.set(text, lines);
    }
    return lines;
  }

  /**
   * Plain text that fits: each line with a word in it, padded to the column
   * (cli-table3's word wrap drops empty and blank lines); undefined for any
   * other text.
   */
  private plainCell(text: string, x: number): string[] | undefined {
    const room = this.colWidths[x]! - 2;
    const lines: string[] = [];
    for (const line of text.split('\n')) {
      if (line.length > room || !ONE_COLUMN_EACH.test(line)) return undefined;
      if (HAS_WORD.test(line)) lines.push(` ${line}${' '.repeat(room - line.length)} `);
    }
    return lines;
  }

  /** Any text, as cli-table3 draws it in a table of that one cell. */
  private cliCell(text: string, x: number): string[] {
    const alone = cliTable([], [this.colWidths[x]!]);
    alone.push([text]);
    // Between the table's top and bottom borders, and its left and right ones.
    return alone
      .toString()
      .split('\n')
      .slice(1, -1)
      .map((line) => line.slice(1, -1));
  }
}

/** Tables by colour level and shape, made on first use: a shape's head and borders are drawn once a run. */
const tables = new Map<string, FixedTable>();

/** The table of `head` (styled bold here) and `colWidths` for this colour level. */
export function fixedTable(head: readonly string[], colWidths: readonly number[], c: ChalkInstance): FixedTable {
  const key = `${c.level}\u0000${head.join('\u0000')}\u0000${colWidths.join(',')}`;
  let table = tables.get(key);
  if (table === undefined) {
    table = new FixedTable(
      head.map((h) => c.bold(h)),
      [...colWidths],
    );
    tables.set(key, table);
  }
  return table;
}

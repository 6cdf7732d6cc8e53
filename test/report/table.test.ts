/**
 * FixedTable (src/report/table.ts) draws its tables a cell at a time, plain
 * cells by itself; every table it draws must be the one cli-table3 draws
 * from the same rows in one piece.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { random } from '../bench/generate.mjs';
import { FixedTable, fixedTable } from '../../src/report/table.js';

const WIDTHS = [29, 12, 12, 9, 12];
const HEAD = ['Dossier, partner', 'Highest', 'Required', 'Result', 'Notes'];

/** The table as cli-table3 draws it whole. */
function whole(head: string[], colWidths: number[], rows: string[][]): string {
  const table = new Table({ head, colWidths, wordWrap: true, style: { head: [], border: [], compact: true } });
  table.push(...rows);
  return table.toString();
}

/** Words and spaces cli-table3 has to wrap, truncate or drop, and some it keeps as they are. */
function cellText(next: () => number, c: ChalkInstance): string {
  const pieces = [
    'a', 'gap', 'H3CSE-RS', '✔ met', '– unmet', '✗', '…', 'x'.repeat(9), 'y'.repeat(10), 'z'.repeat(27), 'w'.repeat(28), 'dossiers/d000123.yaml',
    ' ', '  ', '\n', '\n\n', ' \n', '华为', 'Ünïcödé', '\t', '😀', 'e\u0301', '',
    c.red('FAIL'), c.dim('Partner Sdn Bhd'), c.bold('x'), `${c.green('✔')} met`,
  ];
  let text = '';
  const n = Math.floor(next() * 6);
  for (let i = 0; i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
  return text;
}

describe('a table drawn a cell at a time', () => {
  it.each([0, 1])('is exactly the table cli-table3 draws from the same rows (colour level %i)', (level) => {
    const c = new Chalk({ level: level as 0 | 1 });
    const next = random(level + 7);
    for (let round = 0; round < 40; round++) {
      const rows = Array.from({ length: 1 + Math.floor(next() * 12) }, () => WIDTHS.map(() => cellText(next, c)));
      const head = HEAD.map((h) => c.bold(h));
      expect(new FixedTable(head, WIDTHS).draw(rows)).toBe(whole(head, WIDTHS, rows));
    }
  });

  it('draws the rows of a real summary and tier table as cli-table3 does, kept cells and all', () => {
    const c = new Chalk({ level: 0 });
    const table = fixedTable(HEAD, WIDTHS, c);
    const rows = Array.from({ length: 250 }, (_, i): string[] => [
      // Some rows two lines high, some three (a long path broken into lines), as real rows are.
      i % 3 === 0 ? `dossiers/d${i}.yaml\nPartner ${i}` : i % 3 === 1 ? `dossiers/${'x'.repeat(19)}\n${i}.yaml` : `d${i}.yaml`,
      i % 2 ? 'two-star' : '–',
      'four-star',
      i % 5 ? 'FAIL' : 'PASS',
      i % 7 ? '' : '2 warnings',
    ]);
    const expected = whole(HEAD, WIDTHS, rows);
    expect(table.draw(rows)).toBe(expected);
    // Again, from the cells kept the first time.
    expect(table.draw(rows)).toBe(expected);
    expect(expected.split('\n').filter((l) => l.includes('dossiers/d'))).toHaveLength(Math.ceil(rows.length / 3));
  });

  it('draws a table without rows as cli-table3 does: the head, then the bottom border', () => {
    const head = ['Requirement', 'Have', 'Need', ''];
    expect(new FixedTable(head, [42, 10, 10, 9]).draw([])).toBe(whole(head, [42, 10, 10, 9], []));
  });

  it('draws in pieces of whole lines, a row each, taking the rows one at a time', () => {
    const head = ['Requirement', 'Have', 'Need', ''];
    const rows = [['a', '1', '2', 'x'], ['b\nc', '3', '4', 'y']];
    let taken = 0;
    const lazily = (function* () {
      for (const row of rows) {
        taken++;
        yield row;
      }
    })();
    const table = new FixedTable(head, [42, 10, 10, 9]);
    const pieces = table.drawn(lazily);
    pieces.next();
    expect(taken).toBe(1);
    const rest = [...pieces];
    expect(rest).toHaveLength(rows.length + 1);
    expect(rest.every((piece) => piece.startsWith('\n│') || piece.startsWith('\n└'))).toBe(true);
    expect([...table.drawn([])].join('')).toBe(whole(head, [42, 10, 10, 9], []));
  });

  it('keeps one table a shape and colour level', () => {
    const plain = new Chalk({ level: 0 });
    expect(fixedTable(HEAD, WIDTHS, plain)).toBe(fixedTable(HEAD, WIDTHS, plain));
    expect(fixedTable(HEAD, WIDTHS, new Chalk({ level: 1 }))).not.toBe(fixedTable(HEAD, WIDTHS, plain));
  });
});

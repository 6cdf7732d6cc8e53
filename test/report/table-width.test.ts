/**
 * The bundle (src/build/bundle.mjs) lets cli-table3 measure printable ASCII,
 * and the symbols the text report draws, as one column per character,
 * skipping string-width's ANSI and emoji scans. That holds only while
 * string-width agrees; this checks it does, so an upgrade that changes its
 * mind fails here instead of misaligning tables.
 */
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { dossierText } from '../bench/generate.mjs';
import { ONE_COLUMN_EACH } from '../../src/report/columns.js';

const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
/** ✔ ✗ – from the text report's status column, … from cli-table3's truncation: the bundle's ONE_COLUMN_EACH besides printable ASCII. */
const symbols = ['\u2714', '\u2717', '\u2013', '\u2026'];

describe('printable ASCII in tables', () => {
  it('is one column per character for string-width: every pair and triple of keycap characters', () => {
    for (const a of printable) {
      for (const b of printable) {
        expect(stringWidth(a + b)).toBe(2);
        for (const c of '#*0123456789') expect(stringWidth(a + b + c)).toBe(3);
      }
    }
  });

  it('is one column per character for string-width: whole dossier lines', () => {
    for (let i = 0; i < 20; i++) {
      for (const line of dossierText(5, i).text.split('\n').filter((l) => /^[\x20-\x7e]*$/.test(l))) expect(stringWidth(line)).toBe(line.length);
    }
  });
});

describe('the report symbols in tables', () => {
  it('are one column each for string-width, alone, together and next to any printable ASCII character', () => {
    for (const s of symbols) {
      expect(stringWidth(s)).toBe(1);
      for (const t of symbols) expect(stringWidth(s + t)).toBe(2);
      for (const a of [...printable, ...symbols]) {
        expect(stringWidth(s + a)).toBe(2);
        expect(stringWidth(a + s)).toBe(2);
        for (const c of '#*0123456789') expect(stringWidth(s + a + c)).toBe(3);
      }
    }
  });

  it('are one column each for string-width in the cells the text report draws', () => {
    for (const cell of ['\u2714 met', '\u2717 gap', '\u2013 unmet', 'H3CNE, or a higher certificate replacing it\u2026']) expect(stringWidth(cell)).toBe(cell.length);
  });
});

describe('ONE_COLUMN_EACH', () => {
  it('takes exactly the characters checked above: printable ASCII and the report symbols', () => {
    expect(ONE_COLUMN_EACH.test([...printable, ...symbols].join(''))).toBe(true);
    for (const other of ['\t', '\n', '\u00a0', '\u001b', '华', '😀', 'e\u0301', '\u2713']) expect(ONE_COLUMN_EACH.test(`a${other}`)).toBe(false);
  });
});

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
const keycaps = '#*0123456789';

/**
 * The texts that string-width does not measure as one column per UTF-16
 * unit (all characters here are single units). Tens of thousands of texts are measured: one expect for them all
 * instead of one each (which took ten times as long as the measuring), and a
 * failure still lists every text measured otherwise.
 */
function notOneColumnEach(texts: Iterable<string>): string[] {
  const wrong: string[] = [];
  for (const text of texts) if (stringWidth(text) !== text.length) wrong.push(text);
  return wrong;
}

describe('printable ASCII in tables', () => {
  it('is one column per character for string-width: every pair and triple of keycap characters', () => {
    const texts = printable.flatMap((a) => printable.flatMap((b) => [a + b, ...[...keycaps].map((c) => a + b + c)]));
    expect(texts).toHaveLength(95 * 95 * 13);
    expect(notOneColumnEach(texts)).toEqual([]);
    // The measure itself tells wide characters and escapes apart.
    expect(notOneColumnEach(['ab', 'a\u534e', '\u001b[31m', 'e\u0301'])).toEqual(['a\u534e', '\u001b[31m', 'e\u0301']);
  });

  it('is one column per character for string-width: whole dossier lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => dossierText(5, i).text.split('\n').filter((l) => /^[\x20-\x7e]*$/.test(l))).flat();
    expect(lines.length).toBeGreaterThan(1000);
    expect(notOneColumnEach(lines)).toEqual([]);
  });
});

describe('the report symbols in tables', () => {
  it('are one column each for string-width, alone, together and next to any printable ASCII character', () => {
    const texts = symbols.flatMap((s) => [s, ...symbols.map((t) => s + t), ...[...printable, ...symbols].flatMap((a) => [s + a, a + s, ...[...keycaps].map((c) => s + a + c)])]);
    expect(texts).toHaveLength(4 * (1 + 4 + 99 * 14));
    expect(notOneColumnEach(texts)).toEqual([]);
  });

  it('are one column each for string-width in the cells the text report draws', () => {
    expect(notOneColumnEach(['\u2714 met', '\u2717 gap', '\u2013 unmet', 'H3CNE, or a higher certificate replacing it\u2026'])).toEqual([]);
  });
});

describe('ONE_COLUMN_EACH', () => {
  it('takes exactly the characters checked above: printable ASCII and the report symbols', () => {
    expect(ONE_COLUMN_EACH.test([...printable, ...symbols].join(''))).toBe(true);
    for (const other of ['\t', '\n', '\u00a0', '\u001b', '华', '😀', 'e\u0301', '\u2713']) expect(ONE_COLUMN_EACH.test(`a${other}`)).toBe(false);
  });
});

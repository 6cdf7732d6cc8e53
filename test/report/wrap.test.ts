/**
 * The text report's word wrap scans its text in place; it must wrap exactly
 * as the plain definition does: split at runs of whitespace, then fill
 * lines greedily.
 */
import { describe, expect, it } from 'vitest';
import { random } from '../bench/generate.mjs';
import { wrap } from '../../src/report/text.js';

/** The definition, as the text report first had it. */
function wrapByDefinition(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}

describe('wrap', () => {
  it('wraps random texts of words, spaces, tabs and line breaks as the definition does', () => {
    const next = random(11);
    const pieces = ['a', 'word', 'H3CSE-RS', 'x'.repeat(30), 'y'.repeat(81), ' ', '  ', '\t', '\n', '\r\n', 'Ünïcödé', '华为', '😀', '\u00a0', ''];
    for (let round = 0; round < 3000; round++) {
      let text = '';
      for (let n = Math.floor(next() * 25); n > 0; n--) text += pieces[Math.floor(next() * pieces.length)];
      const width = 1 + Math.floor(next() * 90);
      const indent = ['', '  ', '    '][Math.floor(next() * 3)]!;
      expect(wrap(text, width, indent)).toBe(wrapByDefinition(text, width, indent));
    }
  });

  it('keeps a word longer than the width whole, on a line of its own', () => {
    expect(wrap(`see ${'x'.repeat(12)} here`, 8, '  ')).toBe(`see\n  ${'x'.repeat(12)}\n  here`);
    expect(wrap(' \t\n', 10, '  ')).toBe('');
  });
});

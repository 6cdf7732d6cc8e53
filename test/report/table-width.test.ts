/**
 * The bundle (src/build/bundle.mjs) lets cli-table3 measure printable ASCII as
 * one column per character, skipping string-width's ANSI and emoji scans.
 * That holds only while string-width agrees; this checks it does, so an
 * upgrade that changes its mind fails here instead of misaligning tables.
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { dossierText } from '../bench/generate.mjs';

const printable = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));

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

/**
 * detached copies a piece so it keeps no source alive. That it lets the
 * source go is a memory figure, not an assertion: a heap delta depends on the
 * collector, and a heap snapshot costs over a second of test time, so it
 * belongs with the peak-memory figures of `npm run bench`. Here: it is the
 * same text, whatever the text.
 */
import { describe, expect, it } from 'vitest';
import { detached } from '../../src/core/detached.js';

describe('detached', () => {
  it('is the same text', () => {
    for (const text of ['', 'a', 'Example Networks Sdn Bhd', '工程师 engineer — 12', 'x'.repeat(100)]) expect(detached(text)).toBe(text);
  });

  it('is the same text when cut from a larger one, as a parser hands it over', () => {
    const source = `${'partner: Example Networks Sdn Bhd\n'.repeat(600)}工程师 😀 engineer`;
    for (const [start, end] of [[0, 0], [9, 33], [0, source.length], [source.length - 20, source.length], [100, 9000]] as const) {
      const piece = source.slice(start, end);
      expect(detached(piece)).toBe(piece);
      expect(detached(piece).length).toBe(end - start);
    }
  });
});

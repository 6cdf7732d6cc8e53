import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { detached } from '../../src/core/detached.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap bytes still in use after keeping a 40-character piece of each of 50 sources of 200 KB. */
function heldByPieces(keep: (piece: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 50; i++) {
    const source = `${String(i).padStart(6, '0')}${'partner: Example Networks Sdn Bhd\n'.repeat(6000)}`;
    kept.push(keep(source.slice(16, 56)));
  }
  gc();
  const held = process.memoryUsage().heapUsed - before;
  expect(kept.every((piece) => piece.length === 40)).toBe(true);
  return held;
}

describe('detached', () => {
  it('is the same text', () => {
    for (const text of ['', 'a', 'Example Networks Sdn Bhd', '工程师 engineer — 12', 'x'.repeat(100)]) expect(detached(text)).toBe(text);
  });

  it('lets the text it was cut from go: kept pieces hold kilobytes, not their sources', () => {
    // Plain slices keep every 200 KB source alive (10 MB); detached pieces keep only themselves.
    expect(heldByPieces((piece) => piece)).toBeGreaterThan(5_000_000);
    expect(heldByPieces(detached)).toBeLessThan(500_000);
  });
});

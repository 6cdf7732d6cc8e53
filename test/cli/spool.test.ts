/**
 * The store a batch keeps its parts in (memory up to a budget, then one
 * temporary file), and the writer that streams an output's pieces: every
 * byte comes back as it went in, wherever a part landed.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/output.js';
import { PartStore } from '../../src/check/spool.js';
import { scratchDirectory } from '../helpers.js';

const utf8 = new TextEncoder();
const decoder = new TextDecoder();

/** Text of `length` code units mixing ASCII, two-byte, three-byte and four-byte (surrogate pair) characters. */
function mixed(seed: number, length: number): string {
  const alphabet = ['a', 'Z', ' ', '\n', 'ë', '—', '✔', '😀', '"'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += alphabet[(seed * 7 + i * 13) % alphabet.length];
  return text;
}

/** A dossier's parts for three outputs, as the batch hands them to the store. */
function partsOf(seed: number): { texts: string[]; bytes: Uint8Array; lengths: number[] } {
  const texts = [mixed(seed, 10 + seed), '', mixed(seed + 1, 3 * seed)];
  return { texts, bytes: utf8.encode(texts.join('')), lengths: texts.map((t) => Buffer.byteLength(t)) };
}

describe('the part store', () => {
  it('gives back every output part as kept, from memory within the budget and from its file past it', () => {
    const store = new PartStore(200);
    try {
      const dossiers = Array.from({ length: 40 }, (_, i) => partsOf(i));
      const kept = dossiers.map(({ bytes, lengths }) => store.keep(bytes, lengths));
      expect(store.spilled).toBe(true);
      expect(kept.filter((k) => k.bytes !== undefined).length).toBeGreaterThan(0);
      expect(kept.filter((k) => k.bytes === undefined).length).toBeGreaterThan(0);
      dossiers.forEach(({ texts }, i) => texts.forEach((text, k) => expect(decoder.decode(store.part(kept[i]!, k))).toBe(text)));
    } finally {
      store.close();
    }
  });

  it('keeps everything in memory, and makes no file, within the budget', () => {
    const store = new PartStore();
    const { bytes, lengths } = partsOf(3);
    store.keep(bytes, lengths);
    expect(store.spilled).toBe(false);
    store.close();
  });

  it('leaves no file behind in the temporary directory, even while open', () => {
    // A temporary directory of the test's own (os.tmpdir() reads TMPDIR), which no other run writes into;
    // the test is synchronous, so no other test of this process runs while TMPDIR is changed.
    const dir = scratchDirectory('spill');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    const store = new PartStore(0);
    try {
      expect(tmpdir()).toBe(dir);
      const { bytes, lengths } = partsOf(5);
      store.keep(bytes, lengths);
      expect(store.spilled).toBe(true);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      store.close();
    }
  });
});

describe('writing pieces', () => {
  it('writes text and bytes in order, in chunks, whole characters included', async () => {
    const pieces = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? mixed(i, 5000) : utf8.encode(mixed(i, 7000))));
    const chunks: Uint8Array[] = [];
    await writePieces(pieces, (bytes) => chunks.push(bytes));
    expect(chunks.length).toBeGreaterThan(1);
    expect(decoder.decode(Buffer.concat(chunks))).toBe(pieces.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join(''));
  });
});

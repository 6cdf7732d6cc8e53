/**
 * The spool a large batch keeps its parts in (memory slabs up to a budget,
 * then a file), and the writer that streams an output's pieces through one
 * reused buffer: every byte comes back as it went in, whatever the sizes,
 * the order, the characters or the tier a part landed in.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writePieces } from '../../src/cli/output.js';
import { closeSpool, openSpool, SpoolReader, SpoolWriter, type KeptPart, type SpoolHandle, type SpooledPart } from '../../src/cli/spool.js';

const decoder = new TextDecoder();
let spools: SpoolHandle[] = [];

/** A spool with `budget` bytes of memory; 0 sends every part to the file. */
function spool(budget = 0): SpoolHandle {
  const handle = openSpool(budget);
  if (handle === undefined) throw new Error(`no spool could be made in ${tmpdir()}`);
  spools.push(handle);
  return handle;
}

afterEach(() => {
  for (const handle of spools) closeSpool(handle);
  spools = [];
});

/** Text of `length` code units mixing ASCII, two-byte, three-byte and four-byte (surrogate pair) characters. */
function mixed(seed: number, length: number): string {
  const alphabet = ['a', 'Z', ' ', '\n', 'ë', '—', '✔', '😀', '"'];
  let text = '';
  for (let i = 0; text.length < length; i++) text += alphabet[(seed * 7 + i * 13) % alphabet.length];
  return text;
}

/** Keeps text as bytes, which the caller overwrites at once: the writer must have copied them. A Buffer, whose `slice` copies nothing. */
function keepBytes(writer: SpoolWriter, text: string): KeptPart {
  const bytes = Buffer.from(text);
  const part = writer.keepBytes(bytes);
  bytes.fill(0);
  return part;
}

describe('the spool', () => {
  it('leaves no file behind, even while open', () => {
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('.starcheck-'));
    spool();
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('.starcheck-'))).toEqual(before);
  });

  it('gives back every part as written, as text or as bytes, from writers taking turns, across flushes, and parts larger than any buffer', () => {
    const handle = spool();
    const writers = [new SpoolWriter(handle), new SpoolWriter(handle)];
    const written: Array<{ part: SpooledPart; text: string }> = [];
    for (let i = 0; i < 400; i++) {
      // Mostly small parts, now and then one of megabytes.
      const text = mixed(i, i % 97 === 5 ? 1_500_000 : 1 + ((i * 7919) % 20_000));
      const writer = writers[i % 2]!;
      const part = i % 3 === 0 ? keepBytes(writer, text) : writer.keep(text);
      // With no memory budget, every part goes to the file.
      if (part instanceof Uint8Array) throw new Error(`part ${i} was kept in memory`);
      written.push({ part, text });
      if (i % 31 === 0) writer.flush();
    }
    for (const writer of writers) writer.flush();
    // Both writers' parts lie in one file without overlapping.
    const spans = written.map(({ part }) => [part.offset, part.offset + part.length] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    const reader = new SpoolReader(handle);
    // In order and out of order: each read must see its own bytes.
    for (const { part, text } of [...written, ...[...written].reverse()]) expect(decoder.decode(reader.bytes(part))).toBe(text);
  });
});

describe('the memory budget', () => {
  it('packs parts into shared slabs until the threads together reach the budget, then writes the rest to the file', () => {
    // Two slabs of 4 MiB fit, a third does not.
    const handle = spool(9 << 20);
    const writers = [new SpoolWriter(handle), new SpoolWriter(handle)];
    const written: Array<{ part: KeptPart; text: string }> = [];
    for (let i = 0; i < 300; i++) {
      const text = mixed(i, 1 + ((i * 7919) % 60_000));
      const writer = writers[i % 2]!;
      written.push({ part: i % 3 === 0 ? keepBytes(writer, text) : writer.keep(text), text });
    }
    for (const writer of writers) writer.flush();
    const inMemory = written.filter(({ part }) => part instanceof Uint8Array);
    expect(inMemory.length).toBeGreaterThan(0);
    expect(inMemory.length).toBeLessThan(written.length);
    // Views of shared memory, which a worker posts to the main thread without a copy.
    for (const { part } of inMemory) expect((part as Uint8Array).buffer).toBeInstanceOf(SharedArrayBuffer);
    const slabs = new Set(inMemory.map(({ part }) => (part as Uint8Array).buffer));
    expect(slabs.size).toBe(2);
    const reader = new SpoolReader(handle);
    for (const { part, text } of written) expect(decoder.decode(part instanceof Uint8Array ? part : reader.bytes(part))).toBe(text);
  });

  it('sends a part too large for what is left of the budget to the file alone, and gives its reservation back', () => {
    const handle = spool(9 << 20);
    const writer = new SpoolWriter(handle);
    const small = mixed(1, 100);
    // Three bytes a code unit at most: 2M code units ask for 6 MiB, past the 5 MiB left after the first slab.
    const large = mixed(2, 2_000_000);
    const parts = [writer.keep(small), writer.keep(large), writer.keep(small)];
    writer.flush();
    expect(parts.map((part) => part instanceof Uint8Array)).toEqual([true, false, true]);
    // Another writer still gets a slab of its own from the rest of the budget.
    expect(new SpoolWriter(handle).keep(small)).toBeInstanceOf(Uint8Array);
    const reader = new SpoolReader(handle);
    expect(parts.map((part) => decoder.decode(part instanceof Uint8Array ? part : reader.bytes(part)))).toEqual([small, large, small]);
  });

  it('gives a part larger than a slab a slab of its own', () => {
    const writer = new SpoolWriter(spool(64 << 20));
    const small = mixed(1, 100);
    const large = mixed(2, 3_000_000);
    const parts = [writer.keep(small), writer.keep(large), writer.keep(small)];
    expect(parts.every((part) => part instanceof Uint8Array)).toBe(true);
    expect(parts.map((part) => decoder.decode(part as Uint8Array))).toEqual([small, large, small]);
  });
});

describe('a spool that cannot be written (a full temporary directory)', () => {
  it('keeps the parts in memory instead, and the batch goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starcheck-spool-'));
    writeFileSync(join(dir, 'read-only'), '');
    // A descriptor open for reading only: every write to it fails, as one to a full disk does.
    const handle: SpoolHandle = { fd: openSync(join(dir, 'read-only'), 'r'), end: new SharedArrayBuffer(16), budget: 0 };
    try {
      const writer = new SpoolWriter(handle);
      const before = [mixed(1, 1000), mixed(2, 50)];
      const parts = before.map((text) => writer.keep(text));
      writer.flush();
      const after = [mixed(3, 2000), mixed(4, 300)];
      parts.push(writer.keep(after[0]!), keepBytes(writer, after[1]!));
      writer.flush();
      const reader = new SpoolReader(handle);
      expect(parts.map((part) => decoder.decode(reader.bytes(part as SpooledPart)))).toEqual([...before, ...after]);
      expect(parts.every((part) => !(part instanceof Uint8Array) && part.bytes !== undefined)).toBe(true);
    } finally {
      closeSync(handle.fd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('writing an output in pieces', () => {
  it('writes text, bytes and spooled parts in order, whole characters across every buffer boundary', async () => {
    const handle = spool();
    const writer = new SpoolWriter(handle);
    const texts = [mixed(1, 700_000), mixed(2, 10), mixed(3, 2_500_000), mixed(4, 1)];
    const spooled = texts.map((text) => writer.keep(text));
    writer.flush();
    const reader = new SpoolReader(handle);
    const pieces: Array<string | KeptPart> = ['{', spooled[0]!, mixed(5, 1_200_000), spooled[1]!, new TextEncoder().encode('—bytes—'), spooled[2]!, ',', spooled[3]!, '}\n'];
    const chunks: Uint8Array[] = [];
    // The sink must copy: the writer reuses its buffer once the sink returns.
    await writePieces(pieces, (piece) => (piece instanceof Uint8Array ? piece : reader.bytes(piece)), (bytes) => chunks.push(Uint8Array.from(bytes)));
    const expected = ['{', texts[0], mixed(5, 1_200_000), texts[1], '—bytes—', texts[2], ',', texts[3], '}\n'].join('');
    expect(decoder.decode(Buffer.concat(chunks))).toBe(expected);
    // Each chunk is whole UTF-8 on its own: no character is split between two writes.
    for (const chunk of chunks) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(chunk)).not.toThrow();
    // Large outputs go out in bounded writes, not as one buffer.
    expect(chunks.length).toBeGreaterThan(3);
  });
});

describe('parts kept one after another in a slab', () => {
  const utf8 = new TextEncoder();
  /** Pieces as the JSON output assembles them: a head, the parts with BETWEEN between them, a tail. */
  const assembled = (parts: KeptPart[], between: string): Array<string | KeptPart> => ['[\n', ...parts.flatMap((p, i) => (i === 0 ? [p] : [between, p])), '\n]\n'];
  /** The output as written, and each chunk the sink was handed as it was handed (the write buffer is reused). */
  const write = async (pieces: Array<string | KeptPart>): Promise<{ text: string; chunks: Array<{ bytes: Uint8Array; text: string }> }> => {
    const chunks: Array<{ bytes: Uint8Array; text: string }> = [];
    await writePieces(pieces, (piece) => piece as Uint8Array, (bytes) => chunks.push({ bytes, text: decoder.decode(bytes) }));
    return { text: chunks.map((c) => c.text).join(''), chunks };
  };
  /** Where two long texts first differ, -1 if nowhere: a failure names a place rather than printing both. */
  const firstDifference = (a: string, b: string): number => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
    return -1;
  };

  it('keeps the trailer after the part, outside it, and tells where the next part starts in a word', () => {
    const writer = new SpoolWriter(spool(1 << 30));
    const first = writer.keepBytes(utf8.encode('abc'), utf8.encode(',\n')) as Uint8Array;
    expect(decoder.decode(first)).toBe('abc');
    expect(writer.phase()).toBe((first.byteOffset + 5) % 8);
    const second = writer.keepBytes(utf8.encode('de')) as Uint8Array;
    expect(second.byteOffset).toBe(first.byteOffset + 5);
    expect(decoder.decode(new Uint8Array(first.buffer, first.byteOffset, 7))).toBe('abc,\nde');
  });

  it('writes a long run of them as the slab holds it, without a copy, and the output is the same as copied', async () => {
    const writer = new SpoolWriter(spool(1 << 30));
    const texts = Array.from({ length: 40 }, (_, i) => `{ "n": ${i}, "text": "${mixed(i, 3000).replace(/["\n\\]/g, '.')}" }`);
    const parts = texts.map((t) => writer.keepBytes(utf8.encode(t), utf8.encode(',\n')));
    const { text, chunks } = await write(assembled(parts, ',\n'));
    expect(firstDifference(text, `[\n${texts.join(',\n')}\n]\n`)).toBe(-1);
    // The head, one run of every part and what lies between them, the tail.
    expect(chunks).toHaveLength(3);
    expect(chunks[1]!.bytes.buffer).toBe((parts[0] as Uint8Array).buffer);
  });

  it('copies what the slab does not hold between two parts, and a short run, as before', async () => {
    const writer = new SpoolWriter(spool(1 << 30));
    // Kept with another trailer than the output puts between them, or none, or a non-ASCII one that
    // matches the memory byte for code unit (é is 0xE9 in Latin-1, two bytes in UTF-8).
    const parts = [
      writer.keepBytes(utf8.encode('x'.repeat(70_000)), utf8.encode(';\n')),
      writer.keepBytes(utf8.encode('y'.repeat(70_000))),
      writer.keepBytes(utf8.encode('z'.repeat(70_000)), new Uint8Array([0xe9])),
      writer.keepBytes(utf8.encode('w'.repeat(10))),
    ];
    const { text, chunks } = await write(['[', parts[0]!, ',\n', parts[1]!, parts[2]!, 'é', parts[3]!, ']']);
    expect(firstDifference(text, `[${'x'.repeat(70_000)},\n${'y'.repeat(70_000)}${'z'.repeat(70_000)}é${'w'.repeat(10)}]`)).toBe(-1);
    // x alone, then y and z as one run (adjacent in the slab), none of them spanning a separator the slab does not hold.
    const runs = chunks.filter((c) => c.bytes.buffer === (parts[0] as Uint8Array).buffer).map((c) => [c.text[0], c.text.length]);
    expect(runs).toEqual([
      ['x', 70_000],
      ['y', 140_000],
    ]);
  });
});

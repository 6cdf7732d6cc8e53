/**
 * Where a large batch keeps its dossiers' rendered parts until the batch is
 * over — sorted output and the cross-dossier warnings both need every dossier
 * checked before the first byte is written.
 *
 * Up to a memory budget, parts are packed into large shared slabs: a part is
 * a view of its slab, which moves between threads without a copy, and
 * thousands of parts cost a few allocations the garbage collector never
 * scans. (A temporary file for every part, which this replaced, spent a sixth
 * of a 10,000-dossier run in writes to the file system.) Past the budget —
 * batches of thousands of huge dossiers — parts go to a temporary file,
 * unlinked as soon as it is opened (nothing is left behind, whatever happens
 * to the run), written by every thread itself through one reused buffer, at
 * offsets reserved on a counter the threads share.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a thread needs to keep parts: the file, and the shared counts of bytes reserved in it and held in memory. */
export interface SpoolHandle {
  fd: number;
  /** Two 64-bit counters: bytes reserved in the file, bytes of slabs allocated in memory. */
  end: SharedArrayBuffer;
  /** Bytes of slabs the threads may allocate together before parts go to the file. */
  budget: number;
}

/** Memory a batch may hold its parts in: a gibibyte, or an eighth of the memory it may use (a container's limit, else the machine's) if that is less. */
export function memoryBudget(): number {
  // 0 or undefined where no limit is set; a limit can also be larger than the machine.
  const limit = process.constrainedMemory?.() || Infinity;
  return Math.min(2 ** 30, Math.floor(Math.min(limit, totalmem()) / 8));
}

/**
 * A part in the spool. Its offset is final once the writer that handed it
 * out has flushed; a part the spool could not take (a full disk) holds its
 * bytes itself instead.
 */
export interface SpooledPart {
  offset: number;
  length: number;
  bytes?: Uint8Array;
}

/** A temporary file for the parts, already unlinked, and a memory budget; undefined where no file can be made (memory serves then). */
export function openSpool(budget = memoryBudget()): SpoolHandle | undefined {
  // Web Crypto's generator, which loads only here: node:crypto at start-up would cost every one-dossier run.
  const name = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');
  const path = join(tmpdir(), `.starcheck-${name}.spool`);
  let fd: number;
  try {
    fd = openSync(path, 'wx+', 0o600);
  } catch {
    return undefined;
  }
  try {
    unlinkSync(path);
  } catch {
    // A file that cannot be unlinked would outlive the run: do without.
    closeSync(fd);
    return undefined;
  }
  return { fd, end: new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT), budget };
}

export function closeSpool(spool: SpoolHandle): void {
  closeSync(spool.fd);
}

const utf8 = new TextEncoder();
/** Bytes staged before one positioned write; a UTF-16 code unit takes at most three. */
const STAGE_BYTES = 1 << 20;
/** Bytes of one memory slab: few allocations, and little left unused at the end of each (an untouched page costs nothing). */
export const SLAB_BYTES = 4 << 20;
const NO_SLAB = new Uint8Array(new SharedArrayBuffer(0));

/** A kept part: a view of the memory slab it was packed into, or its place in the file. */
export type KeptPart = Uint8Array | SpooledPart;

/**
 * One thread's way into the spool: parts are encoded (or copied, those
 * rendered as bytes) into this thread's memory slab while the budget lasts;
 * then into a reused buffer written to the file a buffer at a time. Should a
 * write fail (the temporary directory is full), this writer keeps its parts
 * in memory from then on, as a small batch does: the batch goes on.
 */
export class SpoolWriter {
  private slab = NO_SLAB;
  private slabUsed = 0;
  /** Set once the budget would not stretch to another slab: from then on this thread writes to the file. */
  private overBudget = false;
  private stage = NO_SLAB as Uint8Array;
  private used = 0;
  private staged: SpooledPart[] = [];
  private inMemory = false;
  private readonly end: BigInt64Array;

  /** `supply` hands over slabs made ahead (see slab-supply.ts), already reserved in the budget; undefined when none is ready. */
  constructor(
    private readonly spool: SpoolHandle,
    private readonly supply?: () => Uint8Array<SharedArrayBuffer> | undefined,
  ) {
    this.end = new BigInt64Array(spool.end);
  }

  keep(text: string): KeptPart {
    if (this.inMemory) return heldPart(utf8.encode(text));
    const slab = this.slabRoom(text.length * 3);
    if (slab !== undefined) return this.packed(utf8.encodeInto(text, slab).written);
    const { written } = utf8.encodeInto(text, this.room(text.length * 3));
    return this.handOut(written);
  }

  /**
   * Keeps a copy of `bytes`; `trailer`, when given, is kept right after them
   * in a slab, outside the part (see `writePieces`: parts kept one after
   * another with the text their output puts between them are then one run
   * of memory, written without a copy).
   */
  keepBytes(bytes: Uint8Array, trailer?: Uint8Array): KeptPart {
    if (this.inMemory) return heldPart(new Uint8Array(bytes));
    const extra = trailer?.length ?? 0;
    const slab = this.slabRoom(bytes.length + extra);
    if (slab !== undefined) {
      slab.set(bytes);
      if (trailer !== undefined) slab.set(trailer, bytes.length);
      const part = this.packed(bytes.length);
      this.slabUsed += extra;
      return part;
    }
    this.room(bytes.length).set(bytes);
    return this.handOut(bytes.length);
  }

  /**
   * Where in an eight-byte word the next part would start in this thread's
   * slab. V8 copies into or out of shared memory a word at a time only when
   * source and destination lie alike in their words, and byte by byte
   * otherwise, about ten times the instructions: a part rendered at this
   * phase (see JsonWriter.begin) is copied by words. (Measured: byte by byte,
   * the copies took 8% of a 10,000-dossier batch.)
   */
  phase(): number {
    return this.slabUsed & 7;
  }

  /** Room for `most` bytes in this thread's slab, a new one if need be; undefined once the budget is spent. */
  private slabRoom(most: number): Uint8Array | undefined {
    if (this.slabUsed + most <= this.slab.length) return this.slab.subarray(this.slabUsed);
    const size = Math.max(SLAB_BYTES, most);
    // A slab made ahead is reserved already: it serves even once this writer's own reservations are refused.
    const supplied = size === SLAB_BYTES ? this.supply?.() : undefined;
    if (supplied !== undefined) {
      this.slab = supplied;
      this.slabUsed = 0;
      return supplied;
    }
    if (this.overBudget) return undefined;
    // Reserved before it is allocated, so threads together never pass the budget.
    if (Number(Atomics.add(this.end, 1, BigInt(size))) + size > this.spool.budget) {
      // Given back, so a refused reservation keeps no other thread from its slabs; a part too large
      // for what is left goes to the file alone, and only a budget without room for a plain slab is spent.
      const left = this.spool.budget - (Number(Atomics.sub(this.end, 1, BigInt(size))) - size);
      if (size === SLAB_BYTES || left < SLAB_BYTES) this.overBudget = true;
      return undefined;
    }
    this.slab = new Uint8Array(new SharedArrayBuffer(size));
    this.slabUsed = 0;
    return this.slab;
  }

  /** The part of `length` bytes just packed into the slab. */
  private packed(length: number): Uint8Array {
    const part = this.slab.subarray(this.slabUsed, this.slabUsed + length);
    this.slabUsed += length;
    return part;
  }

  /** The stage from where the next part goes, with room for `most` bytes. */
  private room(most: number): Uint8Array {
    if (this.used + most > this.stage.length) {
      this.flush();
      // Made on first use, a batch held in memory never needs it. A part larger than the buffer (a dossier of thousands of engineers) gets a buffer of its size.
      if (most > this.stage.length) this.stage = new Uint8Array(Math.max(STAGE_BYTES, most));
    }
    return this.stage.subarray(this.used);
  }

  /** The part of `length` bytes just put on the stage. */
  private handOut(length: number): SpooledPart {
    const part = { offset: this.used, length };
    this.used += length;
    this.staged.push(part);
    return part;
  }

  /** Writes what is staged at the end of the spool; every part handed out so far then has its offset. */
  flush(): void {
    if (this.used === 0) return;
    const at = Number(Atomics.add(this.end, 0, BigInt(this.used)));
    try {
      for (let done = 0; done < this.used; ) done += writeSync(this.spool.fd, this.stage, done, this.used - done, at + done);
      for (const part of this.staged) part.offset += at;
    } catch {
      // The reserved bytes stay a hole in the file that no part points into.
      this.inMemory = true;
      for (const part of this.staged) part.bytes = this.stage.slice(part.offset, part.offset + part.length);
    }
    this.staged = [];
    this.used = 0;
  }
}

/** A part that holds its bytes itself. */
function heldPart(bytes: Uint8Array): SpooledPart {
  return { offset: -1, length: bytes.length, bytes };
}

/** Reads parts back through one reused window, so parts written one after another come back in one read. */
export class SpoolReader {
  // Made on the first read from the file: a batch held in memory never reads one.
  private window = new Uint8Array(0);
  private start = 0;
  private filled = 0;

  constructor(private readonly spool: SpoolHandle) {}

  /** The part's bytes: a view that holds only until the next call. */
  bytes(part: SpooledPart): Uint8Array {
    if (part.bytes) return part.bytes;
    const from = part.offset - this.start;
    if (from < 0 || from + part.length > this.filled) {
      if (part.length > this.window.length) this.window = new Uint8Array(Math.max(4 * STAGE_BYTES, part.length));
      this.start = part.offset;
      this.filled = 0;
      for (let n = -1; n !== 0 && this.filled < this.window.length; this.filled += n) {
        n = readSync(this.spool.fd, this.window, this.filled, this.window.length - this.filled, this.start + this.filled);
      }
      if (this.filled < part.length) throw new Error(`the batch's temporary file ends before byte ${part.offset + part.length}`);
      return this.window.subarray(0, part.length);
    }
    return this.window.subarray(from, from + part.length);
  }
}

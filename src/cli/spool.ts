/**
 * Where a large batch keeps its dossiers' rendered parts until the batch is
 * over — sorted output and the cross-dossier warnings both need every dossier
 * checked before the first byte is written. Kept in memory, ten thousand
 * dossiers' JSON is a hundred megabytes of fresh pages, and on a virtual
 * machine each fresh page costs a fault that takes longer than writing it to
 * the kernel's page cache and reading it back. So the parts go to a temporary
 * file, unlinked as soon as it is opened (nothing is left behind, whatever
 * happens to the run), written by every thread itself through one reused
 * buffer, at offsets reserved on a counter the threads share.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a thread needs to write parts: the file, and the shared count of bytes reserved in it. */
export interface SpoolHandle {
  fd: number;
  end: SharedArrayBuffer;
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

/** A temporary file for the parts, already unlinked; undefined where none can be made (memory serves then). */
export function openSpool(): SpoolHandle | undefined {
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
  return { fd, end: new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT) };
}

export function closeSpool(spool: SpoolHandle): void {
  closeSync(spool.fd);
}

const utf8 = new TextEncoder();
/** Bytes staged before one positioned write; a UTF-16 code unit takes at most three. */
const STAGE_BYTES = 1 << 20;

/**
 * One thread's way into the spool: parts are encoded (or copied, those
 * rendered as bytes) into a reused buffer and written a buffer at a time.
 * Should a write fail (the temporary directory is full), this writer keeps
 * its parts in memory from then on, as a small batch does: the batch goes on.
 */
export class SpoolWriter {
  private stage = new Uint8Array(STAGE_BYTES);
  private used = 0;
  private staged: SpooledPart[] = [];
  private inMemory = false;
  private readonly end: BigInt64Array;

  constructor(private readonly spool: SpoolHandle) {
    this.end = new BigInt64Array(spool.end);
  }

  keep(text: string): SpooledPart {
    if (this.inMemory) return heldPart(utf8.encode(text));
    const { written } = utf8.encodeInto(text, this.room(text.length * 3));
    return this.handOut(written);
  }

  keepBytes(bytes: Uint8Array): SpooledPart {
    if (this.inMemory) return heldPart(new Uint8Array(bytes));
    this.room(bytes.length).set(bytes);
    return this.handOut(bytes.length);
  }

  /** The stage from where the next part goes, with room for `most` bytes. */
  private room(most: number): Uint8Array {
    if (this.used + most > this.stage.length) {
      this.flush();
      // A part larger than the buffer (a dossier of thousands of engineers) gets a buffer of its size.
      if (most > this.stage.length) this.stage = new Uint8Array(most);
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
  private window = new Uint8Array(4 * STAGE_BYTES);
  private start = 0;
  private filled = 0;

  constructor(private readonly spool: SpoolHandle) {}

  /** The part's bytes: a view that holds only until the next call. */
  bytes(part: SpooledPart): Uint8Array {
    if (part.bytes) return part.bytes;
    const from = part.offset - this.start;
    if (from < 0 || from + part.length > this.filled) {
      if (part.length > this.window.length) this.window = new Uint8Array(part.length);
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

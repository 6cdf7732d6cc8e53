/**
 * Where a batch keeps its dossiers' rendered parts until every dossier is
 * checked: sorted output and the cross-dossier warnings both need the whole
 * batch before the first byte is written. Parts stay in memory up to a
 * budget; past it they go to one temporary file, which is unlinked as soon
 * as it is open, so nothing is left behind whatever ends the run (a signal,
 * a crash, even SIGKILL). Only the main thread writes it, in the order the
 * parts arrive; each dossier remembers where its parts are.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Bytes of parts a batch holds in memory before it spills to its temporary
 * file: 4 MB. Parts held are memory the garbage collector weighs too, so the
 * heap grows past them: at 100,000 dossiers to SARIF, peak RSS 471 MB with
 * 4 MB against 528 MB with 16 MB (and 16 MB had measured 452 MB against
 * 555 MB for 64 MB), and no slower at 10,000 to JSON (5.0–5.3 s CPU either way).
 */
export const MEMORY_BUDGET = 4 << 20;

/** One dossier's parts, every output's one after another: in memory, or at `offset` in the file. */
export interface KeptParts {
  bytes?: Uint8Array;
  offset: number;
  lengths: number[];
}

export class PartStore {
  private held = 0;
  private fd: number | undefined;
  private end = 0;
  /** Set when no file could be made or written (a full temporary directory): memory serves then. */
  private noFile = false;

  constructor(private readonly budget = MEMORY_BUDGET) {}

  keep(parts: Uint8Array, lengths: number[]): KeptParts {
    if (this.held + parts.length <= this.budget || this.noFile) {
      this.held += parts.length;
      return { bytes: parts, offset: 0, lengths };
    }
    try {
      const fd = (this.fd ??= openSpill());
      for (let done = 0; done < parts.length; ) done += writeSync(fd, parts, done, parts.length - done, this.end + done);
    } catch {
      this.noFile = true;
      return this.keep(parts, lengths);
    }
    this.end += parts.length;
    return { offset: this.end - parts.length, lengths };
  }

  /** Output number `k`'s part of a dossier. */
  part(kept: KeptParts, k: number): Uint8Array {
    let from = 0;
    for (let i = 0; i < k; i++) from += kept.lengths[i]!;
    const length = kept.lengths[k]!;
    if (kept.bytes !== undefined) return kept.bytes.subarray(from, from + length);
    const bytes = new Uint8Array(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.fd!, bytes, done, length - done, kept.offset + from + done);
      if (n === 0) throw new Error(`the batch's temporary file ends before byte ${kept.offset + from + length}`);
      done += n;
    }
    return bytes;
  }

  /** Whether any part went to the file. */
  get spilled(): boolean {
    return this.fd !== undefined;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A new temporary file no other process can have made or can open by name: created exclusively, then unlinked. */
function openSpill(): number {
  const name = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(8))).toString('hex');
  const path = join(tmpdir(), `.starcheck-${name}.spill`);
  const fd = openSync(path, 'wx+', 0o600);
  try {
    unlinkSync(path);
  } catch (error) {
    // A file that cannot be unlinked would outlive the run.
    closeSync(fd);
    throw error;
  }
  return fd;
}

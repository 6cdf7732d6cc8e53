/**
 * A submission material a dossier names (a certificate's electronic edition,
 * the application form), looked at without reading it whole: it must be a
 * regular file, PDF, JPEG or PNG by its first bytes (a name says nothing:
 * notes.txt renamed .pdf is still text), not empty and at most 10 MB, the
 * vendor's mailbox being the limit that matters. It is opened without
 * blocking and refused unless regular, as readSource does, so a FIFO
 * cannot hang a run; what it is, its size and its content hash are all
 * taken from that one open file, so nothing can be swapped between a look
 * and a read.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { MaterialKind } from '../core/materials.js';

/** 10 MB: a scanned certificate is a few hundred kilobytes, and an e-mail of several such files must still go through. */
export const MAX_MATERIAL_BYTES = 10 * 1000 * 1000;

export type Inspected = { ok: true; kind: MaterialKind; bytes: number; hash?: string } | { ok: false; message: string };

/** Each kind's first bytes, as its format defines them. */
const MAGIC: ReadonlyArray<[MaterialKind, readonly number[]]> = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
];
const HEAD = 8;

/** The kind the first bytes of a file announce, if any. */
export function kindOfBytes(head: Uint8Array): MaterialKind | undefined {
  return MAGIC.find(([, magic]) => magic.every((byte, i) => head[i] === byte))?.[0];
}

/** A buffer for hashing, shared as reads are synchronous. */
let chunk: Buffer | undefined;

/**
 * Looks at the file at `path` (already confined). With `hash`, its content's
 * SHA-256 too, read in chunks: only for a certificate's file, and only once
 * it has passed every other test, so at most 10 MB are read.
 */
export function inspectMaterial(path: string, { hash = false }: { hash?: boolean } = {}): Inspected {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isDirectory()) return { ok: false, message: 'is a directory, not a file' };
    if (!info.isFile()) return { ok: false, message: 'is not a regular file (a FIFO, socket or device)' };
    if (info.size === 0) return { ok: false, message: 'is an empty file; expected a PDF, JPEG or PNG file' };
    if (info.size > MAX_MATERIAL_BYTES) return { ok: false, message: `is ${info.size} bytes, over the 10 MB limit (${MAX_MATERIAL_BYTES} bytes); scan it at a lower resolution` };
    const head = Buffer.alloc(HEAD);
    const got = readSync(fd, head, 0, HEAD, 0);
    const kind = kindOfBytes(head.subarray(0, got));
    if (kind === undefined) return { ok: false, message: 'is not a PDF, JPEG or PNG file by its content (its first bytes), whatever its name says' };
    if (!hash) return { ok: true, kind, bytes: info.size };
    chunk ??= Buffer.allocUnsafeSlow(1 << 16);
    const digest = createHash('sha256');
    // Up to the size fstat told: a file growing meanwhile is hashed as it was when looked at.
    for (let at = 0; at < info.size; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, info.size - at), at);
      if (n === 0) break;
      digest.update(chunk.subarray(0, n));
      at += n;
    }
    return { ok: true, kind, bytes: info.size, hash: digest.digest('hex') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, message: 'cannot be read (permission denied)' };
    if (code === 'ENXIO') return { ok: false, message: 'is not a regular file (a socket)' };
    return { ok: false, message: `cannot be read (${code ?? String(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A regular file's whole content, at most `max` bytes, for packing: opened
 * without blocking and refused (undefined) unless it is still a regular file
 * of at most that size, whatever was swapped in since it was looked at.
 */
export function readRegularFile(path: string, max: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > max) return undefined;
    const content = Buffer.alloc(info.size);
    for (let at = 0; at < info.size; ) {
      const n = readSync(fd, content, at, info.size - at, at);
      if (n === 0) return undefined;
      at += n;
    }
    return content;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

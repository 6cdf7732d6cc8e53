/**
 * Reading a dossier or standard file as text, with the limits that keep a
 * hostile file from costing time or memory: a size cap, UTF-8 only, no
 * binary content.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding } from '../core/findings.js';

/**
 * A four-engineer dossier is about 2 KB and a thousand engineers fit in
 * 300 KB, so 1 MiB is plenty. The cap also bounds parse time on hostile
 * text (a megabyte of syntax errors still parses in about a second).
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** `source` is the path a file was read from (none for standard input): what a dossier names is found beside it. */
export type ReadResult = { ok: true; text: string; source?: string | Buffer } | { ok: false; error: Finding };

function readError(message: string, code = 'read-error', position?: { line: number; column: number }): ReadResult {
  return { ok: false, error: { code, severity: 'error', message, ...position } };
}

const tooLarge = (what: string): ReadResult =>
  readError(`${what} is over the 1 MiB limit (${MAX_SOURCE_BYTES} bytes); dossiers and standards are far smaller`, 'too-large');

/** The offset of the first byte that breaks UTF-8, or -1. */
export function invalidUtf8At(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trailing = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0;
    if (trailing === 0) return i;
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k <= trailing; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += trailing + 1;
  }
  return -1;
}

/** Line and column (in characters) of a byte offset. */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Decodes bytes as UTF-8 text, refusing binary and non-UTF-8 content. A BOM is dropped. */
export function decodeSource(bytes: Uint8Array): ReadResult {
  if (bytes.length > MAX_SOURCE_BYTES) return tooLarge(`the file (${bytes.length} bytes)`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return readError('binary content (a NUL byte); a dossier is YAML or JSON text', 'binary', bytePosition(bytes, nul));
  if (!isUtf8(bytes)) {
    const at = invalidUtf8At(bytes);
    return readError(
      `not UTF-8 text${at >= 0 ? ` (byte 0x${bytes[at]!.toString(16).padStart(2, '0')})` : ''}; save the file as UTF-8`,
      'encoding',
      at >= 0 ? bytePosition(bytes, at) : undefined,
    );
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8');
  // Whitespace as trim() knows it: nothing else in the file is empty too.
  if (!/\S/.test(text)) return readError('the file is empty; start from `starcheck init`', 'empty', { line: 1, column: 1 });
  return { ok: true, text };
}

/**
 * The buffer every file is read into: reads are synchronous, so no two ever
 * share it, and a batch allocates it once instead of once per file. One byte
 * past the limit is how a file shows it is too large without being asked its
 * size.
 */
let scratch: Buffer | undefined;

/**
 * The file's bytes, or undefined past the limit: read until its end or one
 * byte past the limit, so an endless device (/dev/zero) costs nothing. No
 * fstat first: the read that finds the end is a system call too, but builds
 * no Stats object, and means the same for a file, a FIFO or a device. The
 * bytes are only good until the next read.
 */
function readBounded(fd: number): Uint8Array | undefined {
  scratch ??= Buffer.allocUnsafeSlow(MAX_SOURCE_BYTES + 1);
  let size = 0;
  while (size < scratch.length) {
    const bytesRead = readSync(fd, scratch, size, scratch.length - size, null);
    if (bytesRead === 0) break;
    size += bytesRead;
  }
  return size > MAX_SOURCE_BYTES ? undefined : scratch.subarray(0, size);
}

/**
 * Reads a dossier or standard file as text. Synchronous on purpose: a
 * dossier is a few kilobytes, and one open, two reads and a close cost far
 * less than the same calls through the thread pool. A directory fails its
 * read with EISDIR.
 *
 * Only a path the user named on the command line may be a FIFO or a device
 * (`<(…)`, /dev/stdin): anything a directory walk, a glob or a dossier
 * reached is `regularOnly`, opened without blocking and refused unless it
 * is a regular file, so a FIFO with no writer cannot hang the run.
 */
export function readSource(file: string | Buffer, { regularOnly = false }: { regularOnly?: boolean } = {}): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(file, regularOnly ? constants.O_RDONLY | constants.O_NONBLOCK : constants.O_RDONLY);
    if (regularOnly) {
      const info = fstatSync(fd);
      if (info.isDirectory()) return readError('is a directory', 'read-error');
      if (!info.isFile()) return readError('not a regular file (a FIFO, socket or device); only files named on the command line may be one', 'read-error');
    }
    const bytes = readBounded(fd);
    if (bytes !== undefined) {
      const read = decodeSource(bytes);
      return read.ok ? { ...read, source: file } : read;
    }
    // Only a file too large to read learns its size, for the message.
    const info = fstatSync(fd);
    return tooLarge(info.isFile() ? `the file (${info.size} bytes)` : 'the file');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return readError('no such file', 'not-found');
    if (code === 'EISDIR') return readError('is a directory', 'read-error');
    if (code === 'EACCES' || code === 'EPERM') return readError('permission denied', 'read-error');
    if (code === 'ELOOP') return readError('a loop of symbolic links', 'read-error');
    // A socket cannot be opened as a file.
    if (code === 'ENXIO') return readError('not a regular file (a socket)', 'read-error');
    return readError(`cannot read the file (${code ?? String(error)})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads standard input to the end, stopping early past the size limit. */
export async function readStdin(stream: AsyncIterable<Uint8Array>): Promise<ReadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_SOURCE_BYTES) return tooLarge('standard input');
    chunks.push(chunk);
  }
  return decodeSource(Buffer.concat(chunks));
}

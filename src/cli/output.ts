/** Writing outputs: stdout, or a file replaced atomically so a failed run never leaves half a file. */
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../check/errors.js';
import { writeTo, type CliIo, type Temporaries } from './io.js';

// Loaded by the runs that write a file: most print to stdout, and a single check is mostly start-up.
const files = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises');

/** A name beside `file` that no other run picks. */
async function temporaryFor(file: string): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Bytes handed to one write: few writes, and never a buffer the size of a whole batch's output. */
const WRITE_BYTES = 1 << 20;

/** Where an output's bytes go, a chunk at a time; the chunk is the sink's to keep. */
export type ByteSink = (bytes: Uint8Array) => unknown;

/** Writes pieces (text, or UTF-8 bytes) in order to `sink`, gathered into chunks of about a mebibyte. */
export async function writePieces(pieces: Iterable<string | Uint8Array>, sink: ByteSink): Promise<void> {
  let chunk: Uint8Array[] = [];
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    chunk.push(bytes);
    size += bytes.length;
    if (size >= WRITE_BYTES) {
      await sink(Buffer.concat(chunk, size));
      chunk = [];
      size = 0;
    }
  }
  if (size > 0) await sink(Buffer.concat(chunk, size));
}

/** Symbolic links a path may go through before it is taken for a loop (Linux's own limit). */
const MAX_LINKS = 40;

/**
 * Where an output named `file` goes, and how. A regular file, or a name not
 * yet taken, is replaced atomically at its real place: through a symbolic
 * link (even one whose target does not exist yet), never over the link
 * itself. Anything else that exists — a FIFO, a device, /dev/stdout, a
 * process substitution — is written into as it is: renaming a file over it
 * would replace the device or the pipe, not feed it (as root, /dev/null
 * itself).
 */
export async function destinationOf(file: string): Promise<{ path: string; direct: boolean }> {
  const { readlink, realpath, stat } = await files();
  const info = await stat(file).catch(() => undefined);
  if (info !== undefined && !info.isFile()) return { path: file, direct: true };
  const real = await realpath(file).catch(() => undefined);
  if (real !== undefined) return { path: real, direct: false };
  // A regular file reached through a link realpath cannot follow (/proc's): written where it is.
  if (info !== undefined) return { path: file, direct: true };
  // Not there yet, perhaps behind a dangling link: the file the link will name once written.
  let path = file;
  for (let links = 0; links < MAX_LINKS; links++) {
    const target = await readlink(path).catch(() => undefined);
    if (target === undefined) break;
    path = resolve(dirname(path), target);
  }
  return { path, direct: false };
}

/**
 * Writes `file` from what `fill` sinks into it, all or nothing where it is a
 * file: a failed run never leaves half a file. What is not a file (see
 * `destinationOf`) is written into directly. The hidden temporary file is in
 * `temporaries` while it exists, for a signal to remove.
 */
export async function writeAtomically(file: string, fill: (sink: ByteSink) => Promise<void>, temporaries?: Temporaries): Promise<void> {
  const { open, rename, rm } = await files();
  const { path, direct } = await destinationOf(file);
  if (direct) {
    const handle = await open(path, 'w');
    try {
      await fill((bytes) => handle.writeFile(bytes));
    } finally {
      await handle.close();
    }
    return;
  }
  const temporary = await temporaryFor(path);
  temporaries?.add(temporary);
  try {
    const handle = await open(temporary, 'wx');
    try {
      // writeFile writes all it is given, from where the previous write ended.
      await fill((bytes) => handle.writeFile(bytes));
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    temporaries?.delete(temporary);
  }
}

/**
 * `--color` and `--no-color` decide; without either, colour only on a
 * terminal, never with NO_COLOR; FORCE_COLOR turns it on.
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY === true && env.TERM !== 'dumb';
}

/**
 * Writes a file that must not exist yet, all or nothing: the content goes to
 * a temporary file, which is then hard-linked into place (linking fails if
 * the name is taken, so an existing file is never replaced, even in a race).
 * Returns false when the file already exists.
 */
export async function writeNewFile(file: string, content: string | Uint8Array, temporaries?: Temporaries): Promise<boolean> {
  const { link, rm, writeFile } = await files();
  const temporary = await temporaryFor(file);
  // Listed before it exists, so a signal at any moment removes it.
  temporaries?.add(temporary);
  await writeFile(temporary, content, { flag: 'wx' });
  try {
    await link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
  } finally {
    await rm(temporary, { force: true });
    temporaries?.delete(temporary);
  }
  // A file system without hard links: exclusive creation still never replaces a file.
  try {
    await writeFile(file, content, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Writes an output file atomically; a file that cannot be written is a problem with how starcheck was called, not a bug. */
export async function writeOutput(file: string, fill: (sink: ByteSink) => Promise<void>, io: CliIo): Promise<void> {
  try {
    await writeAtomically(file, fill, io.temporaries);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot write ${file} (${reason}); the file is left as it was`);
  }
}

/** One output: to standard output, or with `-o file` (not `-`) to that file, atomically. */
export async function writeResult(text: string, file: string | undefined, io: CliIo): Promise<void> {
  if (file === '') throw new UsageError('--output: the file name is missing');
  const fill = (sink: ByteSink): Promise<void> => writePieces([text], sink);
  if (file === undefined || file === '-') await fill((bytes) => writeTo(io.stdout, bytes));
  else await writeOutput(file, fill, io);
}

/** Writing outputs: stdout, or a file replaced atomically so a failed run never leaves half a file. */
import { basename, dirname, join } from 'node:path';
import type { Piece } from '../report/index.js';

// Loaded by the runs that write a file: most print to stdout, and a single check is mostly start-up.
const files = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises');

/** A name beside `file` that no other run picks. */
async function temporaryFor(file: string): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Bytes, roughly, handed to one write: few writes, and never one buffer the size of a whole batch's output. */
const CHUNK_SIZE = 1 << 20;

/** Pieces of output as UTF-8, joined into writes of about CHUNK_SIZE bytes. */
export function* chunks(pieces: readonly Piece[]): Generator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let size = 0;
  for (const piece of pieces) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
    pending.push(bytes);
    size += bytes.byteLength;
    if (size >= CHUNK_SIZE) {
      yield Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield Buffer.concat(pending, size);
}

/** Writes `file` from pieces, all or nothing: a failed run never leaves half a file. */
export async function writeAtomically(file: string, pieces: readonly Piece[]): Promise<void> {
  const { open, rename, rm } = await files();
  const temporary = await temporaryFor(file);
  try {
    const handle = await open(temporary, 'wx');
    try {
      // writeFile writes all of a chunk, from where the previous one ended.
      for (const chunk of chunks(pieces)) await handle.writeFile(chunk);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Colour only on a terminal, never with NO_COLOR or --no-color; FORCE_COLOR turns it on. */
export function useColor(flag: boolean, env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  if (!flag) return false;
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
export async function writeNewFile(file: string, content: string): Promise<boolean> {
  const { link, rm, writeFile } = await files();
  const temporary = await temporaryFor(file);
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

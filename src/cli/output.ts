/** Writing outputs: stdout, or a file replaced atomically so a failed run never leaves half a file. */
import { basename, dirname, join, resolve } from 'node:path';

// Loaded by the runs that write a file: most print to stdout, and a single check is mostly start-up.
const files = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises');

/** A name beside `file` that no other run picks. */
async function temporaryFor(file: string): Promise<string> {
  const { randomBytes } = await import('node:crypto');
  return join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Bytes handed to one write: few writes, and never a buffer the size of a whole batch's output. */
const WRITE_BYTES = 1 << 20;
const utf8 = new TextEncoder();

/** Where an output's bytes go; done with them when it returns or settles, as the buffer is then reused. */
export type ByteSink = (bytes: Uint8Array) => unknown;

/** A run of slab memory at least this long is handed to the sink as it is; a shorter one is copied into the write buffer. */
const DIRECT_BYTES = 64 << 10;

/** Whether `memory` holds `text`, in ASCII, at `at`. */
function holdsAt(memory: Uint8Array, at: number, text: string): boolean {
  if (at + text.length > memory.length) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 || c !== memory[at + i]) return false;
  }
  return true;
}

/**
 * Writes an output's pieces in order, as UTF-8, through one reused buffer:
 * text, bytes, or a reference `bytesOf` resolves (a part kept in the spool).
 * Parts kept one after another in a spool slab, with the text between them
 * kept after each (see SpoolWriter.keepBytes), are one run of memory: a long
 * run goes to the sink as it is. Copying it would cost more than it seems, as
 * V8 copies shared memory byte by byte unless source and destination lie
 * alike in their words.
 */
export async function writePieces<P>(pieces: readonly P[], bytesOf: (piece: Exclude<P, string>) => Uint8Array, sink: ByteSink): Promise<void> {
  // No larger than the output can be (a one-dossier report is a few kilobytes): fresh memory costs page faults.
  let most = 0;
  for (const piece of pieces) most += typeof piece === 'string' ? 3 * piece.length : WRITE_BYTES;
  const buffer = new Uint8Array(Math.min(WRITE_BYTES, most));
  let used = 0;
  const flush = async (): Promise<void> => {
    if (used > 0) await sink(buffer.subarray(0, used));
    used = 0;
  };
  const put = async (bytes: Uint8Array): Promise<void> => {
    if (used + bytes.length > buffer.length) await flush();
    if (bytes.length > buffer.length) await sink(bytes);
    else {
      buffer.set(bytes, used);
      used += bytes.length;
    }
  };
  // The run being gathered: its whole slab, and where in it the run starts and ends.
  let slab: Uint8Array | undefined;
  let from = 0;
  let to = 0;
  const endRun = async (): Promise<void> => {
    if (slab === undefined) return;
    const run = slab.subarray(from, to);
    slab = undefined;
    if (run.length < DIRECT_BYTES) return put(run);
    await flush();
    await sink(run);
  };
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (typeof piece === 'string') {
      // Text between two parts of a run that the slab holds already, right after the first.
      const next = pieces[i + 1];
      if (slab !== undefined && next !== undefined && typeof next !== 'string' && holdsAt(slab, to, piece)) {
        const bytes = bytesOf(next as Exclude<P, string>);
        if (bytes.buffer === slab.buffer && bytes.byteOffset === to + piece.length) {
          to += piece.length + bytes.length;
          i++;
          continue;
        }
      }
      await endRun();
      for (let rest: string = piece; rest.length > 0; ) {
        const { read, written } = utf8.encodeInto(rest, buffer.subarray(used));
        used += written;
        rest = rest.slice(read);
        if (rest.length > 0) await flush();
      }
      continue;
    }
    const bytes = bytesOf(piece as Exclude<P, string>);
    if (!(bytes.buffer instanceof SharedArrayBuffer)) {
      await endRun();
      await put(bytes);
      continue;
    }
    if (slab !== undefined && bytes.buffer === slab.buffer && bytes.byteOffset === to) {
      to += bytes.length;
      continue;
    }
    await endRun();
    slab = new Uint8Array(bytes.buffer);
    from = bytes.byteOffset;
    to = from + bytes.length;
  }
  await endRun();
  await flush();
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
 * `destinationOf`) is written into directly.
 */
export async function writeAtomically(file: string, fill: (sink: ByteSink) => Promise<void>): Promise<void> {
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

import { rmSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { shownName } from '../check/paths.js';

/**
 * The temporary files a run has made and not yet removed. A run removes its
 * own as it goes; when a signal ends it early, bin/ calls `removeAll`.
 */
export class Temporaries {
  private readonly paths = new Set<string>();

  add(path: string): void {
    this.paths.add(path);
  }

  delete(path: string): void {
    this.paths.delete(path);
  }

  /** Removes every file still listed, synchronously: a signal handler has no later turn. */
  removeAll(): void {
    for (const path of this.paths) rmSync(path, { force: true });
    this.paths.clear();
  }
}

/** A stream the CLI writes to, as Node's process.stdout is one; `write` returns false when the caller should wait for 'drain'. */
export interface OutputStream {
  /** Takes text or UTF-8 bytes, and keeps the bytes. (A property, not a method, so a writer that takes only strings does not type-check.) */
  write: (output: string | Uint8Array) => unknown;
  isTTY?: boolean;
  /** A terminal's width in columns. */
  columns?: number;
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  removeListener?(event: 'drain' | 'close', listener: () => void): unknown;
  destroyed?: boolean;
}

/** What the CLI needs from the outside world, injected so tests can run it in-process. */
export interface CliIo {
  stdout: OutputStream;
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<Uint8Array>;
  env: Record<string, string | undefined>;
  now: () => Date;
  cwd: string;
  /** Where the run lists its temporary files, for bin/ to remove on a signal. */
  temporaries?: Temporaries;
  /**
   * The command line as the bytes the process was given (Linux's
   * /proc/self/cmdline: NUL-separated, the arguments last), for the names
   * that are not UTF-8, which argv's strings have lost.
   */
  commandLine?: () => Uint8Array | undefined;
  /** Arguments that are not UTF-8, as `main` shows them (\xHH), to the bytes they name. */
  rawPaths?: ReadonlyMap<string, Buffer>;
}

/** Options whose value is the next argument: a value is no path to find by its bytes. */
const VALUED = new Set(['--standard', '--as-of', '--require', '--plan', '-f', '--format', '-o', '--output', '--warn-within', '--jobs', '--tiers', '--holidays', '--remind', '--ignore', '--config']);

/**
 * The arguments with every path that is not UTF-8 shown as \xHH where it
 * stood (argv has it with U+FFFD, so two such names read alike), and those
 * shown names mapped to their bytes. Only paths: an option or its value
 * (an output file, a standard) stays as argv has it. An argument is taken
 * from the command line's bytes only if those bytes decode to it exactly,
 * and the bytes are asked for only when some argument needs them.
 */
export function rawArguments(argv: readonly string[], commandLine: (() => Uint8Array | undefined) | undefined): { argv: string[]; raw: Map<string, Buffer> } {
  const raw = new Map<string, Buffer>();
  const bytes = argv.some((arg) => arg.includes('\uFFFD')) ? commandLine?.() : undefined;
  if (bytes === undefined) return { argv: [...argv], raw };
  const all = Buffer.from(bytes).toString('latin1').split('\0');
  if (all[all.length - 1] === '') all.pop();
  const tail = all.slice(all.length - argv.length).map((arg) => Buffer.from(arg, 'latin1'));
  if (tail.length !== argv.length) return { argv: [...argv], raw };
  return {
    argv: argv.map((arg, i) => {
      const given = tail[i]!;
      const path = !arg.startsWith('-') && (i === 0 || !VALUED.has(argv[i - 1]!));
      if (!path || !arg.includes('\uFFFD') || isUtf8(given) || given.toString('utf8') !== arg) return arg;
      const shown = shownName(given);
      raw.set(shown, given);
      return shown;
    }),
    raw,
  };
}

/** Writes to a stream, waiting while it asks the writer to (a pipe read slowly); a stream closed meanwhile takes nothing more. */
export async function writeTo(stream: OutputStream, bytes: Uint8Array): Promise<void> {
  if (stream.write(bytes) !== false || stream.once === undefined || stream.destroyed === true) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.removeListener?.('drain', done);
      stream.removeListener?.('close', done);
      resolve();
    };
    stream.once!('drain', done);
    stream.once!('close', done);
  });
}

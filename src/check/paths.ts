/**
 * The paths given on the command line, expanded into dossier files: files as
 * they are, directories recursed for dossier extensions, quoted globs
 * expanded here (so they work the same in every shell), `-` for standard
 * input. A path or glob that matches nothing is kept as an unmatched target,
 * so the batch reports it as a dossier that could not be found (exit 2)
 * instead of passing silently.
 *
 * Directories and globs go through one walk, so they agree on everything a
 * hostile tree can hold: links are followed and each real directory walked
 * once (a loop ends), a broken or looping link named like a dossier is kept
 * (reading it reports it), a FIFO, socket or device is never a dossier (it
 * would block the batch), a folder that cannot be read is a row of its own,
 * and a name that is not UTF-8 keeps its own bytes (readdir's strings would
 * turn `\xff.yaml` and `\xfe.yaml` into one `�.yaml`). A glob is matched by
 * picomatch against the paths the walk finds below its static base.
 */
import { isUtf8 } from 'node:buffer';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import picomatch from 'picomatch';
import { invalidUtf8At, readSource, type ReadResult } from '../load/read.js';
import { STDIN_NAME } from './dossier.js';
import { ignoreNothing, type Ignored } from './ignore.js';

/** The extensions a directory is searched for. */
export const DOSSIER_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export type DossierTarget =
  /**
   * A file to read; `file` is how reports name it (as given, or the directory or glob base joined with the match),
   * `path` its bytes when its name is not UTF-8 (then `file` shows the odd bytes as \xHH),
   * `walked` the directory or glob (as given) whose walk found it: such a file is skipped if it is no dossier.
   */
  | { kind: 'file'; file: string; path?: Buffer; readOnce?: true; walked?: string }
  | { kind: 'stdin'; file: typeof STDIN_NAME }
  /** A directory or glob that matched no dossier (code no-match), or a directory that cannot be read (read-error). */
  | { kind: 'unmatched'; file: string; message: string; code?: 'read-error' };

/**
 * Reads a file target: by its bytes where its name has odd ones, and, but
 * for a FIFO or device the user named (`readOnce`), only if it is a regular
 * file, so nothing a walk or a glob found can block the run.
 */
export function readTarget(target: { file: string; path?: Buffer; readOnce?: true }): ReadResult {
  return readSource(target.path ?? target.file, { regularOnly: target.readOnce !== true });
}

/** A file name as reports show it: UTF-8 as it is, any other byte as \xHH. */
export function shownName(bytes: Buffer): string {
  let shown = '';
  let rest = bytes;
  for (let at = invalidUtf8At(rest); at >= 0; at = invalidUtf8At(rest)) {
    shown += `${rest.subarray(0, at).toString('utf8')}\\x${rest[at]!.toString(16).padStart(2, '0')}`;
    rest = rest.subarray(at + 1);
  }
  return shown + rest.toString('utf8');
}

function join(base: string, relative: string): string {
  return base === '' || base === '.' ? relative : `${base.replace(/\/+$/, '')}/${relative}`;
}

const SLASH = Buffer.from('/');
/** `name` in the folder `folder` (which is `/` itself at the root), as bytes. */
function childOf(folder: Buffer, name: Buffer): Buffer {
  return folder[folder.length - 1] === 0x2f ? Buffer.concat([folder, name]) : Buffer.concat([folder, SLASH, name]);
}

/** Code-unit order: the same on every machine, whatever its locale or file system. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a path is; statSync follows symbolic links, so a link is what it points at. `other` is a FIFO, socket or device. */
function kindOf(path: string | Buffer): 'file' | 'directory' | 'other' | 'missing' {
  try {
    const info = statSync(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/** A dossier the walk found, or a folder it could not read (`unreadable` says why); `key` tells files apart however they were named. */
interface Found {
  file: string;
  /** Where it lies, absolute, as bytes. */
  path: Buffer;
  key: string;
  unreadable?: string;
  /** Found through a symbolic link to the file: the file's own name, when the walk finds that too, is the one reported. */
  link?: true;
}

/** A key for a real path's bytes: one string per byte sequence. */
const keyOf = (real: Buffer): string => real.toString('latin1');

/** The real path of a file, its own links resolved too; a missing file by its folder's real path; as bytes. */
function realPath(path: Buffer): Buffer {
  try {
    return realpathSync(path, { encoding: 'buffer' });
  } catch {
    const slash = path.lastIndexOf(0x2f);
    try {
      return slash < 0 ? path : childOf(realpathSync(path.subarray(0, Math.max(slash, 1)), { encoding: 'buffer' }), path.subarray(slash + 1));
    } catch {
      return path;
    }
  }
}

/** Which files a walk keeps, by their path below where it started, and how deep it may go. */
interface Filter {
  wanted(relative: string): boolean;
  maxDepth: number;
  /** What --ignore and the config leave out, by absolute path. */
  ignored: Ignored;
}

/** The JSON report `starcheck pack` puts beside the dossier (check/pack.ts): an unpacked submission is one dossier. */
const PACKED_REPORT = 'starcheck-report.json';
const isDossierFile = (relative: string): boolean =>
  DOSSIER_EXTENSIONS.some((extension) => relative.endsWith(extension)) && !(relative === PACKED_REPORT || relative.endsWith(`/${PACKED_REPORT}`));

/** Never a dossier folder, and often thousands of YAML and JSON files: skipped as hidden folders are. */
const NODE_MODULES = Buffer.from('node_modules');

/**
 * The files under `directory` (as reports name it; `start` is where it lies)
 * that `filter` wants, as `directory/relative/path`: hidden entries (.git,
 * editor backups), node_modules and what is ignored skipped, symbolic links followed, each real directory
 * walked once and by its own name where it has one here (a directory's
 * links are followed after its folders). Only regular files count, and
 * links that lead nowhere or round in a loop, so that reading them says so.
 */
function walk(directory: string, start: Buffer, filter: Filter): Found[] {
  const found: Found[] = [];
  const walked = new Set<string>();
  const visit = (relative: string, absolute: Buffer, depth: number): void => {
    let real: Buffer | undefined;
    let entries: Array<Dirent<Buffer>>;
    try {
      real = realpathSync(absolute, { encoding: 'buffer' });
      if (walked.has(keyOf(real))) return;
      walked.add(keyOf(real));
      entries = readdirSync(absolute, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      // Gone since it was listed: nothing there to check.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      const where = relative === '' ? directory : join(directory, relative);
      found.push(unreadableFolder(where, real ?? absolute, error as NodeJS.ErrnoException));
      return;
    }
    // In name order, links last, so which name a twice-reached directory is walked by does not depend on the file system.
    const named = entries
      .filter((entry) => entry.name[0] !== 0x2e && !entry.name.equals(NODE_MODULES))
      .map((entry) => ({ entry, name: shownName(entry.name) }))
      .sort((a, b) => Number(a.entry.isSymbolicLink()) - Number(b.entry.isSymbolicLink()) || byCodeUnits(a.name, b.name));
    for (const { entry, name } of named) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const child = childOf(absolute, entry.name);
      const kind = entry.isSymbolicLink() ? kindOf(child) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if ((kind === 'directory' || kind === 'file' || kind === 'missing') && filter.ignored(child.toString())) continue;
      if (kind === 'directory') {
        if (depth < filter.maxDepth) visit(path, child, depth + 1);
      } else if ((kind === 'file' || kind === 'missing') && filter.wanted(path)) {
        // A link is told apart by the file it leads to, so a dossier linked beside itself is checked once.
        const key = keyOf(entry.isSymbolicLink() ? realPath(child) : childOf(real, entry.name));
        found.push({ file: join(directory, path), path: child, key, ...(entry.isSymbolicLink() ? { link: true as const } : {}) });
      }
    }
  };
  visit('', start, 0);
  return found;
}

/** A folder the walk could not look into, as `file` names it; `key` tells it apart. */
function unreadableFolder(file: string, real: Buffer, error: NodeJS.ErrnoException): Found {
  const reason = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : (error.code ?? error.message);
  return { file, path: real, key: `unreadable:${keyOf(real)}`, unreadable: `cannot read the directory (${reason})` };
}

/** The files a glob matches: a walk from its static base, each path below it matched against the rest. */
function globbed(cwd: string, pattern: string, ignored: Ignored): Found[] {
  const { base, glob } = picomatch.scan(pattern);
  const match = picomatch(glob, { dot: false });
  // Only `**` reaches deeper than the glob has segments.
  const maxDepth = glob.includes('**') ? Infinity : glob.split('/').length - 1;
  const directory = base === '' && isAbsolute(pattern) ? '/' : base;
  const start = Buffer.from(resolve(cwd, directory === '' ? '.' : directory));
  if (kindOf(start) !== 'directory') return [];
  return walk(directory, start, { wanted: match, maxDepth, ignored });
}

/**
 * Expands command-line paths into dossier targets, without duplicates: in the
 * order the paths were given, each directory or glob in sorted order, so the
 * output is the same however the file system lists files or threads finish.
 * A missing plain path stays a file target: reading it reports "no such file".
 * `ignored` leaves files out of walks and globs, never a file named outright.
 */
export async function expandPaths(
  paths: readonly string[],
  cwd: string,
  rawPaths: ReadonlyMap<string, Buffer> = new Map(),
  ignored: Ignored = ignoreNothing,
): Promise<DossierTarget[]> {
  const targets = new Map<string, DossierTarget>();
  const add = (target: DossierTarget, key: string): void => {
    if (!targets.has(key)) targets.set(key, target);
  };
  for (const path of paths) {
    if (path === '-') {
      add({ kind: 'stdin', file: STDIN_NAME }, 'stdin');
      continue;
    }
    // A name that is not UTF-8 is found by its bytes (shown as \xHH in `path`), and is no glob.
    const bytes = rawPaths.get(path);
    const absolute = bytes === undefined ? Buffer.from(resolve(cwd, path)) : bytes[0] === 0x2f ? bytes : childOf(Buffer.from(cwd), bytes);
    const kind = kindOf(absolute);
    // A FIFO or device named on the command line (`<(…)`, /dev/stdin) is read as asked.
    if (kind === 'file' || kind === 'other' || (kind === 'missing' && (bytes !== undefined || !picomatch.scan(path).isGlob))) {
      // A FIFO or device gives its bytes once, and /dev/stdin or /dev/fd/N can stand for a descriptor whose
      // offset a second opening shares (macOS, BSD): should the batch need their bytes again, it keeps them.
      const once = kind === 'other' || /^\/(dev|proc)\//.test(absolute.toString('latin1'));
      const target: DossierTarget = { kind: 'file', file: path, ...(bytes !== undefined ? { path: absolute } : {}), ...(once ? { readOnce: true as const } : {}) };
      // Files are told apart by their real path, however the command line named them.
      add(target, keyOf(realPath(absolute)));
      continue;
    }
    const found = kind === 'directory' ? walk(path, absolute, { wanted: isDossierFile, maxDepth: Infinity, ignored }) : globbed(cwd, path, ignored);
    if (found.length === 0) {
      const message = kind === 'directory' ? `directory holds no dossier (no ${DOSSIER_EXTENSIONS.join(', ')} file)` : 'glob matches no file';
      add({ kind: 'unmatched', file: path, message }, `unmatched:${path}`);
    }
    found.sort((a, b) => byCodeUnits(a.file, b.file));
    const named = new Map<string, Found>();
    for (const f of found) if (!named.has(f.key) || (named.get(f.key)!.link && !f.link)) named.set(f.key, f);
    for (const f of found.filter((f) => named.get(f.key) === f)) {
      if (f.unreadable !== undefined) add({ kind: 'unmatched', file: f.file, message: f.unreadable, code: 'read-error' }, f.key);
      // A name that is not UTF-8 is read by its bytes; every other by the name reports show.
      else add(isUtf8(f.path) ? { kind: 'file', file: f.file, walked: path } : { kind: 'file', file: f.file, path: f.path, walked: path }, f.key);
    }
  }
  return [...targets.values()];
}

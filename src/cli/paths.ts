/**
 * The paths given on the command line, expanded into dossier files: files as
 * they are, directories recursed for dossier extensions, quoted globs
 * expanded here (so they work the same in every shell), `-` for standard
 * input. A path or glob that matches nothing is kept as an unmatched target,
 * so the batch reports it as a dossier that could not be found (exit 2)
 * instead of passing silently.
 */
import { readdir as fsReaddir, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { STDIN_NAME } from '../pipeline.js';

// tinyglobby loads only for a glob: checking one file or a directory should not pay for it.
const globbing = (): Promise<typeof import('tinyglobby')> => import('tinyglobby');

/** The extensions a directory is searched for. */
export const DOSSIER_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

export type DossierTarget =
  /** A file to read; `file` is how reports name it (as given, or the directory or glob base joined with the match). */
  | { kind: 'file'; file: string; readOnce?: true }
  | { kind: 'stdin'; file: typeof STDIN_NAME }
  /** A directory or glob that matched no dossier (code no-match), or a directory that cannot be read (read-error). */
  | { kind: 'unmatched'; file: string; message: string; code?: 'read-error' };

function join(base: string, relative: string): string {
  return base === '' || base === '.' ? relative : `${base.replace(/\/+$/, '')}/${relative}`;
}

/** The leading segments of a glob without magic characters: where to start walking. */
function staticBase(pattern: string, isDynamicPattern: (p: string) => boolean): { base: string; rest: string } {
  const segments = pattern.split('/');
  let i = 0;
  while (i < segments.length - 1 && !isDynamicPattern(segments[i]!)) i++;
  const base = segments.slice(0, i).join('/');
  return { base: base === '' && pattern.startsWith('/') ? '/' : base, rest: segments.slice(i).join('/') };
}

/** Characters that may make a path a glob; tinyglobby decides exactly which part is. */
const GLOB_MAGIC = /[*?[\]{}()!+@]/;

async function globbed(cwd: string, pattern: string): Promise<Found[]> {
  const { isDynamicPattern } = await globbing();
  const { base, rest } = staticBase(pattern, isDynamicPattern);
  return walk(cwd, base, rest);
}

/** Code-unit order: the same on every machine, whatever its locale or file system. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `name` in the absolute `folder` (which is `/` itself at the root). */
function childOf(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

/** What a path is; statSync follows symbolic links, so a link is what it points at. `other` is a FIFO, socket or device. */
function kindOf(path: string): 'file' | 'directory' | 'other' | 'missing' {
  try {
    const info = statSync(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/**
 * The dossier files under a directory, as `base/relative/path`: hidden
 * entries (.git, editor backups) skipped, symbolic links followed, each real
 * directory walked once (a link loop ends) and by its own name where it has
 * one here (a directory's links are followed after its folders). A
 * directory that cannot be read is found too, as what it is: its dossiers
 * must not pass unseen. Only regular files count: a FIFO named like a
 * dossier would block the batch. A directory is the common batch, and a
 * plain walk lists ten thousand files in a fraction of what matching each
 * name against a glob takes. `absolute` goes through the directories' real
 * paths, so a file reached twice (`check dir dir/sub`) is checked once.
 */
function dossiersUnder(cwd: string, directory: string): Found[] {
  const found: Found[] = [];
  const walked = new Set<string>();
  const visit = (relative: string): void => {
    const absolute = resolve(cwd, directory, relative);
    let real;
    let entries;
    try {
      real = realpathSync(absolute);
      if (walked.has(real)) return;
      walked.add(real);
      // In name order, links last, so which name a twice-reached directory is walked by does not depend on the file system.
      entries = readdirSync(absolute, { withFileTypes: true }).sort(
        (a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || byCodeUnits(a.name, b.name),
      );
    } catch (error) {
      // Gone since it was listed: nothing there to check.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      found.push(unreadableFolder(relative === '' ? directory : join(directory, relative), real ?? absolute, error as NodeJS.ErrnoException));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const kind = entry.isSymbolicLink() ? kindOf(resolve(absolute, entry.name)) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if (kind === 'directory') visit(path);
      // A dangling link named like a dossier is kept: reading it says what is wrong, rather than it passing unseen.
      else if ((kind === 'file' || kind === 'missing') && DOSSIER_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) {
        // A link is told apart by the file it leads to, so a dossier linked beside itself is checked once.
        found.push(
          entry.isSymbolicLink()
            ? { file: join(directory, path), absolute: realFolder(resolve(absolute, entry.name)), link: true }
            : { file: join(directory, path), absolute: childOf(real, entry.name) },
        );
      }
    }
  };
  visit('');
  return found;
}

/** A dossier a directory walk found, or a directory it could not read (`unreadable` says why). */
interface Found {
  file: string;
  absolute: string;
  unreadable?: string;
  /** Found through a symbolic link to the file: the file's own name, when the walk finds that too, is the one reported. */
  link?: true;
}

/** A folder the directory walk or a glob could not look into, as `file` names it; `absolute` tells it apart. */
function unreadableFolder(file: string, absolute: string, error: NodeJS.ErrnoException): Found {
  const reason = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied' : (error.code ?? error.message);
  return { file, absolute: `unreadable:${absolute}`, unreadable: `cannot read the directory (${reason})` };
}

async function walk(cwd: string, base: string, pattern: string): Promise<Found[]> {
  const { glob } = await globbing();
  const root = resolve(cwd, base === '' ? '.' : base);
  // The glob passes over folders it cannot read; they are noted here, to be reported as the directory walk reports them.
  const unreadable: Found[] = [];
  const readdir = ((path: string, options: object, callback: (error: NodeJS.ErrnoException | null, entries: unknown) => void) =>
    fsReaddir(path, options, (error, entries) => {
      // Gone, or not a folder at all (a pattern's base that names a file): nothing to look into.
      if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') {
        const inside = relative(root, path).replace(/\/+$/, '');
        // A folder reached through a link lies outside the base: named by where it is.
        const where = inside.startsWith('..') || isAbsolute(inside) ? resolve(root, path) : inside;
        unreadable.push(unreadableFolder(where === '' ? (base === '' ? '.' : base) : isAbsolute(where) ? where : join(base, where), resolve(root, path), error));
      }
      callback(error, entries);
    })) as unknown as typeof fsReaddir;
  // Hidden files and folders (.git, editor backups) are never dossiers.
  const matches = await glob(pattern, { cwd: root, onlyFiles: true, dot: false, expandDirectories: false, fs: { readdir } });
  return [...matches.map((m) => ({ file: join(base, m), absolute: realFolder(resolve(cwd, join(base, m))) })), ...unreadable];
}

/** A path with its symbolic links resolved, the file's own too; a missing file by its folder's real path. */
function realFolder(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return childOf(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/**
 * Expands command-line paths into dossier targets, without duplicates: in the
 * order the paths were given, each directory or glob in sorted order, so the
 * output is the same however the file system lists files or threads finish.
 * A missing plain path stays a file target: reading it reports "no such file".
 */
export async function expandPaths(paths: readonly string[], cwd: string): Promise<DossierTarget[]> {
  const targets = new Map<string, DossierTarget>();
  // Files are told apart by their folder's real path and their name, however the command line named them.
  const add = (target: DossierTarget, key = target.kind === 'file' ? realFolder(resolve(cwd, target.file)) : `${target.kind}:${target.file}`): void => {
    if (!targets.has(key)) targets.set(key, target);
  };
  for (const path of paths) {
    if (path === '-') {
      add({ kind: 'stdin', file: STDIN_NAME });
      continue;
    }
    const kind = kindOf(resolve(cwd, path));
    // A FIFO or device named on the command line (`<(…)`, /dev/stdin) is read as asked.
    if (kind === 'file' || kind === 'other' || (kind === 'missing' && !GLOB_MAGIC.test(path))) {
      // A FIFO or device gives its bytes once, and /dev/stdin or /dev/fd/N can stand for a descriptor whose
      // offset a second opening shares (macOS, BSD): should the batch need their bytes again, it keeps them.
      const once = kind === 'other' || /^\/(dev|proc)\//.test(resolve(cwd, path));
      add(once ? { kind: 'file', file: path, readOnce: true } : { kind: 'file', file: path });
      continue;
    }
    const found: Found[] = kind === 'directory' ? dossiersUnder(cwd, path) : await globbed(cwd, path);
    if (found.length === 0) {
      const message =
        kind === 'directory'
          ? `directory holds no dossier (no ${DOSSIER_EXTENSIONS.join(', ')} file)`
          : 'glob matches no file';
      add({ kind: 'unmatched', file: path, message });
    }
    found.sort((a, b) => byCodeUnits(a.file, b.file));
    const named = new Map<string, Found>();
    for (const f of found) if (!named.has(f.absolute) || (named.get(f.absolute)!.link && !f.link)) named.set(f.absolute, f);
    for (const { file, absolute, unreadable } of found.filter((f) => named.get(f.absolute) === f)) add(unreadable === undefined ? { kind: 'file', file } : { kind: 'unmatched', file, message: unreadable, code: 'read-error' }, absolute);
  }
  return [...targets.values()];
}

/**
 * What a dossier may read besides itself. A dossier travels: a partner
 * sends it to vendor staff, a pull request brings it to CI. So a file it
 * names (its own standard, certificate files, the application form) may be only a
 * regular file inside the dossier's own folder or below it, after every
 * symbolic link is resolved: not `../secret.yaml`, not `/etc/passwd`, not a
 * link beside the dossier that leads elsewhere, not a FIFO. A refused file
 * is never opened, so nothing of it can be quoted back in a report.
 */
import { isUtf8 } from 'node:buffer';
import { realpathSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';

export type Confined = { ok: true; path: string } | { ok: false; message: string };

/** A kind of file a dossier may name, by how its name ends: the name as given and the file's own name after links alike. */
export interface NamedKind {
  pattern: RegExp;
  /** The extensions in words, for messages: "a .yaml, .yml or .json file". */
  words: string;
}

/** A dossier's own standard: the extensions a directory walk takes, as they are written. */
export const STANDARD_FILE: NamedKind = { pattern: /\.(ya?ml|json)$/, words: 'a .yaml, .yml or .json file' };

/**
 * A certificate's electronic edition or the application form. In any case:
 * scanners write SCAN.PDF. The name is only the first gate; what the file is
 * is told by its first bytes (see material.ts).
 */
export const MATERIAL_FILE: NamedKind = { pattern: /\.(pdf|jpe?g|png)$/i, words: 'a .pdf, .jpg, .jpeg or .png file' };

/**
 * Where `ref`, as a dossier in `folder` names it, may be read, or why not.
 * `folder` is the real path of the dossier's folder; undefined for a dossier
 * read from standard input, which has none and so may name no file. The
 * check that it is a regular file is the read's own (see readSource's
 * `regularOnly`), where no one can swap it between the look and the open.
 */
export function confinedPath(folder: string | undefined, ref: string, kind?: NamedKind): Confined {
  if (kind !== undefined && !kind.pattern.test(ref)) return { ok: false, message: `is not ${kind.words}` };
  if (folder === undefined) return { ok: false, message: "cannot be looked for: the dossier has no folder that can be told (standard input, or a folder whose real path cannot be found or is not UTF-8), so it may name no file" };
  if (ref.includes('\u0000')) return { ok: false, message: 'holds a NUL character, which no file name can' };
  if (isAbsolute(ref)) return { ok: false, message: "is an absolute path; a dossier may name only files inside its own folder" };
  let real: string;
  try {
    real = realpathSync(resolve(folder, ref));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, message: "no such file in the dossier's folder" };
    if (code === 'ELOOP') return { ok: false, message: 'a loop of symbolic links' };
    return { ok: false, message: `cannot be resolved (${code ?? String(error)})` };
  }
  if (!real.startsWith(folder.endsWith(sep) ? folder : folder + sep)) {
    return { ok: false, message: "lies outside the dossier's folder (after resolving links); a dossier may name only files inside its own folder or below it" };
  }
  if (kind !== undefined && !kind.pattern.test(real)) return { ok: false, message: `leads to a file that is not ${kind.words} (after resolving links)` };
  return { ok: true, path: real };
}

/**
 * The real path of the folder a dossier file is named in, or undefined when
 * it cannot be told (or is no UTF-8 text, which no `ref` could name).
 */
export function realFolderOf(file: string | Buffer): string | undefined {
  const bytes = typeof file === 'string' ? Buffer.from(file) : file;
  const slash = bytes.lastIndexOf(0x2f);
  const folder = slash < 0 ? Buffer.from('.') : bytes.subarray(0, Math.max(slash, 1));
  try {
    const real = realpathSync(folder, { encoding: 'buffer' });
    return isUtf8(real) ? real.toString() : undefined;
  } catch {
    return undefined;
  }
}

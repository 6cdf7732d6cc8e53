/**
 * What a directory walk or a glob leaves out: `--ignore <glob>` (from the
 * working directory) and the config file's `ignore` (from the config's
 * folder). A pattern without a slash matches a name at any depth, as in
 * .gitignore (`--ignore package-lock.json`); one with a slash matches the
 * path from its folder (`--ignore 'fixtures/**'`). A directory that matches
 * is not walked at all. A file named on the command line is always checked.
 */
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { SLOW_GLOB, SLOW_GLOB_RULE } from '../schemas/config-schema.js';
import { UsageError } from './errors.js';

/** A glob and the folder it is written from (absolute). */
export interface IgnorePattern {
  pattern: string;
  base: string;
}

/** Whether a walk leaves out the file or directory at an absolute path. */
export type Ignored = (absolute: string) => boolean;

export const ignoreNothing: Ignored = () => false;

export function ignoreMatcher(patterns: readonly IgnorePattern[]): Ignored {
  if (patterns.length === 0) return ignoreNothing;
  // The config's patterns were checked as it was read, with a place; these are the command line's.
  const tooSlow = patterns.find(({ pattern }) => SLOW_GLOB.test(pattern));
  if (tooSlow !== undefined) throw new UsageError(`--ignore "${tooSlow.pattern}": ${SLOW_GLOB_RULE}`);
  const matchers = patterns.map(({ pattern, base }) => {
    const glob = pattern.replace(/^\.\//, '');
    // picomatch's own `basename` option would also change how patterns with a slash match.
    return { base, byName: !glob.includes('/'), match: picomatch(glob, { dot: true }) };
  });
  return (absolute) =>
    matchers.some(({ base, byName, match }) => {
      const path = relative(base, absolute).split(sep).join('/');
      // Only what lies below the pattern's folder.
      if (path === '' || path === '..' || path.startsWith('../')) return false;
      return match(byName ? path.slice(path.lastIndexOf('/') + 1) : path);
    });
}

/**
 * bin/load-bundle.js: the bundle with the code cache the build wrote, and
 * without it when the cache is stale or from another Node. Run under the Node
 * that ran `npm run build` (npm test builds first); the e2e tests, which CI
 * also runs under Node 24 with a cache V8 refuses, cover the refused case.
 */
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { root, scratchDirectory } from '../helpers.js';

type LoadBundle = () => { exports: { main?: unknown }; script: Script };

/** A copy of bin/load-bundle.js and the bundle, with `cache` as the bundle's cache file. */
function copyWithCache(cache: Uint8Array | 'the build\'s', olderThanBundle = false): LoadBundle {
  const dir = scratchDirectory('load-bundle');
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'dist', 'bundle'), { recursive: true });
  copyFileSync(join(root, 'bin', 'load-bundle.js'), join(dir, 'bin', 'load-bundle.cjs'));
  const bundle = join(dir, 'dist', 'bundle', 'main.cjs');
  copyFileSync(join(root, 'dist', 'bundle', 'main.cjs'), bundle);
  if (cache === "the build's") copyFileSync(`${join(root, 'dist', 'bundle', 'main.cjs')}.cache`, `${bundle}.cache`);
  else writeFileSync(`${bundle}.cache`, cache);
  if (olderThanBundle) utimesSync(`${bundle}.cache`, new Date('2020-01-01'), new Date('2020-01-01'));
  return (createRequire(import.meta.url)(join(dir, 'bin', 'load-bundle.cjs')) as { loadBundle: LoadBundle }).loadBundle;
}

describe('bin/load-bundle.js', () => {
  it("hands V8 the build's code cache, which V8 takes", () => {
    const { exports, script } = copyWithCache("the build's")();
    expect(script.cachedDataRejected).toBe(false);
    expect(typeof exports.main).toBe('function');
  });

  it('compiles the bundle as usual when V8 refuses the cache', () => {
    const { exports, script } = copyWithCache(new Uint8Array(64).fill(7))();
    expect(script.cachedDataRejected).toBe(true);
    expect(typeof exports.main).toBe('function');
  });

  it('does not read a cache older than its bundle', () => {
    const { exports, script } = copyWithCache(new Uint8Array(64).fill(7), true)();
    // cachedDataRejected is set only when a cache was given.
    expect(script.cachedDataRejected).toBeUndefined();
    expect(typeof exports.main).toBe('function');
  });
});

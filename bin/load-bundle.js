'use strict';
/**
 * Loads dist/bundle/main.cjs as require does, but hands V8 the code cache
 * `npm run bundle` wrote beside it (main.cjs.cache, made after a warm-up
 * check, so it holds the compiled code of every function a check runs). A
 * one-dossier run past Node's own start-up is mostly compiling the bundle
 * and then each function it calls; the cache skips both. Measured side by
 * side (four-star example, medians of 41 interleaved runs, CPU time, Node 20,
 * 2 shared cores): 76 ms with the cache, 97 ms without, 57 ms for
 * `node -e 0` (wall: 1.37x against 1.71x node -e 0); Node 24: 46 ms
 * against 71 ms, 23 ms for node -e 0. Node's own module.enableCompileCache
 * (Node 22 and later) keeps only the top-level code: 57 ms on Node 24, and
 * next to this cache it gained 0 to 6%, so it is not used. Deferring what a
 * check does not use gains too little to split the bundle: with every other
 * formatter and the pack, init, rules, schema and validate commands stubbed
 * out (434 KB, cache 526 KB, against 523 and 587), a one-dossier run took
 * 1.4 ms less from bin's start to exit (medians of 101 interleaved runs),
 * 2% of its CPU time, and a split would give some of that back. V8
 * refuses a cache made by another Node version or with other flags, and
 * one older than its bundle is not read: either way the bundle compiles as
 * it would through require.
 */
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');

function cacheOf(bundle) {
  try {
    return statSync(`${bundle}.cache`).mtimeMs >= statSync(bundle).mtimeMs ? readFileSync(`${bundle}.cache`) : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle's exports, and the script they came from (the build makes the cache from it). */
function loadBundle({ cache = true } = {}) {
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData: cache ? cacheOf(file) : undefined });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

module.exports = { file, loadBundle };

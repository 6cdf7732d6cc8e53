'use strict';
/**
 * Loads a CommonJS file of dist/bundle/ as require would, but through a
 * vm.Script, which can take V8's code cache: `npm run bundle` writes
 * `<name>.cjs.cache` after a warm-up check, holding the compiled code of what
 * a check runs, so a run neither scans the whole bundle nor compiles those
 * functions again. A cache older than its bundle is ignored, and V8 itself
 * refuses one from another Node version or other flags; either way the
 * bundle compiles as usual.
 */
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

function loadBundle(name, { cache = true } = {}) {
  const file = join(__dirname, '..', 'dist', 'bundle', `${name}.cjs`);
  let cachedData;
  if (cache) {
    try {
      if (statSync(`${file}.cache`).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(`${file}.cache`);
    } catch {
      // No cache: compile.
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

module.exports = { loadBundle };

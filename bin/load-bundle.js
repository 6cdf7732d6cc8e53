'use strict';
/**
 * Loads dist/bundle/main.cjs as require would, but through a vm.Script, which
 * can take V8's code cache: `npm run bundle` writes `main.cjs.cache` after a
 * warm-up check, holding the compiled code of what a check runs, so a run
 * neither scans the whole bundle nor compiles those functions again. A cache
 * older than its bundle is ignored, and V8 itself refuses one from another
 * Node version or other flags; either way the bundle compiles as usual.
 *
 * `npm run bundle` stores the file already wrapped as `wrap` does it, the
 * function expression require builds around a module, and in ASCII only: it
 * is read as latin1 straight into the string V8 compiles. Decoding UTF-8 and
 * then copying the source into a wrapper would touch twice the memory, and
 * on a fresh process every new page is a page fault.
 */
const { readFileSync, statSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

/** A CommonJS module's source as a function expression of what require passes it. */
function wrap(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

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
  const script = new Script(readFileSync(file, 'latin1'), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

module.exports = { loadBundle, wrap };

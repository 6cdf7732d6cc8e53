#!/usr/bin/env node
'use strict';
// The only place that touches the process: run the CLI, set the exit code.
// CommonJS (bin/package.json), like the bundle it loads: an ES module entry
// would start Node's ES module loader, a tenth of a one-dossier run.
const { loadBundle } = require('./load-bundle.js');

const { main } = loadBundle('main').exports;

let cwd;
try {
  cwd = process.cwd();
} catch {
  // The working directory was removed under us: say so, as a usage error, not with a stack.
  process.stderr.write('starcheck: the current directory no longer exists; cd somewhere that does\n');
  process.exit(3);
}

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // process.stdin sets up a stream on first touch; only a run that reads "-" should pay for it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  env: process.env,
  now: () => new Date(),
  cwd,
}).then((code) => {
  process.exitCode = code;
});

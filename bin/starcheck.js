#!/usr/bin/env node
'use strict';
// The only place that touches the process: run the CLI, set the exit code.
// CommonJS (bin/package.json), like the bundle it loads: an ES module entry
// would start Node's ES module loader, a tenth of a one-dossier run.
const { loadBundle } = require('./load-bundle.js');

const { main } = loadBundle('main').exports;

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // process.stdin sets up a stream on first touch; only a run that reads "-" should pay for it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  env: process.env,
  now: () => new Date(),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});

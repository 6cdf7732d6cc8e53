#!/usr/bin/env node
// The only place that touches the process: runs the CLI, sets the exit code, ends cleanly on a signal or a failed write.
const { main, Temporaries } = require('./load-bundle.js').loadBundle().exports;

const temporaries = new Temporaries();
const end = (code) => {
  temporaries.removeAll();
  process.exit(code);
};
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(signal, () => end(code));
// A reader that stops early (`| head`) closes the pipe: the rest is dropped quietly. Any other failed write ends the run.
process.stdout.on('error', (e) => e.code === 'EPIPE' || (process.stderr.write(`starcheck: cannot write to standard output (${e.code ?? e.message})\n`), end(3)));
process.stderr.on('error', (e) => e.code === 'EPIPE' || end(3));
let cwd;
try {
  cwd = process.cwd();
} catch {
  process.stderr.write('starcheck: the current directory no longer exists; cd somewhere that does\n');
  end(3);
}
// process.stdin sets up a stream on first touch; only a run that reads "-" pays for it. The command line's own bytes hold names argv lost (not UTF-8).
const stdin = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };
const commandLine = () => (process.platform === 'linux' ? require('node:fs').readFileSync('/proc/self/cmdline') : undefined);
const io = { stdout: process.stdout, stderr: process.stderr, stdin, env: process.env, now: () => new Date(), cwd, temporaries, commandLine };
main(process.argv.slice(2), io).then((code) => (process.exitCode = code));

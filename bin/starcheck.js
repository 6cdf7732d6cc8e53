#!/usr/bin/env node
'use strict';
// The only place that touches the process: run the CLI, set the exit code.
// CommonJS (bin/package.json), like the bundle it loads: an ES module entry
// would start Node's ES module loader, a tenth of a one-dossier run.
const { fstatSync, statSync, writeSync } = require('node:fs');
const { loadBundle } = require('./load-bundle.js');

const { main } = loadBundle('main').exports;

/**
 * Standard output or error as the CLI writes to it. Node builds
 * process.stdout on first touch as a stream, loading the stream modules (and
 * net for a pipe): for the one write of a one-dossier check, a noticeable part
 * of the run. A file, a pipe, a socket or /dev/null is no terminal and takes a
 * plain blocking write, which is what Node's stream does there too. A
 * terminal, or any descriptor a write fails on (non-blocking, closed), goes
 * through Node's stream, from the byte where the plain write stopped, so
 * errors surface as they always did.
 */
function output(fd, stream) {
  // A stream keeps what it is given until it has written it; the CLI reuses its buffers, so it gets a copy.
  const copy = (chunk) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk));
  // A reader that stops early (`| head`) closes the pipe: the rest of this output is dropped, quietly,
  // and the run goes on (its files are still written, its exit code stands).
  let closed = false;
  let guarded;
  const open = () => {
    if (!guarded) {
      guarded = stream();
      guarded.on('error', (error) => {
        if (error.code !== 'EPIPE') throw error;
        closed = true;
      });
    }
    return guarded;
  };
  let direct;
  try {
    const stat = fstatSync(fd);
    direct = stat.isFile() || stat.isFIFO() || stat.isSocket() || (stat.isCharacterDevice() && stat.rdev === statSync('/dev/null').rdev);
  } catch {
    direct = false;
  }
  return {
    // Whether everything written has reached the descriptor: no stream holds any of it back.
    get settled() {
      return guarded === undefined;
    },
    // Only a terminal asks Node's stream; a descriptor written directly is none.
    get isTTY() {
      return direct ? false : stream().isTTY;
    },
    write(chunk) {
      if (closed) return true;
      if (!direct) return open().write(copy(chunk));
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
      } catch (error) {
        if (error.code === 'EPIPE') {
          closed = true;
          return true;
        }
        direct = false;
        return open().write(Buffer.from(bytes.subarray(written)));
      }
      return true;
    },
  };
}

let cwd;
try {
  cwd = process.cwd();
} catch {
  // The working directory was removed under us: say so, as a usage error, not with a stack.
  process.stderr.write('starcheck: the current directory no longer exists; cd somewhere that does\n');
  process.exit(3);
}

const stdout = output(1, () => process.stdout);
const stderr = output(2, () => process.stderr);
main(process.argv.slice(2), {
  stdout,
  stderr,
  // process.stdin sets up a stream on first touch; only a run that reads "-" should pay for it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  env: process.env,
  now: () => new Date(),
  cwd,
}).then((code) => {
  // All written straight to its descriptors (no stream still writing), the run ends at once: tearing
  // down the heap of a large batch would take longer than some of its checking did.
  if (stdout.settled && stderr.settled) process.exit(code);
  process.exitCode = code;
});

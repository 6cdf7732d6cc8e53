#!/usr/bin/env node
// The only place that touches the process: run the CLI, set the exit code.
// The CLI is one bundled CommonJS file (npm run build), loaded with require:
// importing it would make Node scan the whole bundle for its exports first.
import { createRequire } from 'node:module';

const { main } = createRequire(import.meta.url)('../dist/bundle/main.cjs');

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // process.stdin sets up a stream on first touch; only a run that reads "-" should pay for it.
  stdin: { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() },
  env: process.env,
  now: () => new Date(),
  cwd: process.cwd(),
});

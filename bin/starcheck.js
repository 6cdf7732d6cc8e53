#!/usr/bin/env node
// The only place that touches the process: run the CLI, set the exit code.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  now: () => new Date(),
  cwd: process.cwd(),
});

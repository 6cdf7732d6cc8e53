/**
 * `npm run bench [-- --dossiers N] [-- --ajv-cli]`: how fast starcheck is,
 * measured side by side in one run. It prints figures and asserts nothing
 * (timings depend on the machine and its load).
 *
 * 1. N synthetic dossiers from a fixed seed, written to a temporary folder.
 * 2. A bare single-thread loop over them: read, `yaml.parse`, ajv validate
 *    (the floor a naive checker starts from), in dossiers per second.
 * 3. `starcheck check <folder> --format json` (everything a report needs,
 *    positions included) with the default threads and with --jobs 1; and
 *    `--quiet`, the summary table a vendor reads a batch by.
 * 4. With --ajv-cli: `ajv validate` with the project's schema on the same
 *    files. ajv-cli is installed into the run's temporary folder, not into
 *    the project: it is a yardstick, and its old dependency tree (js-yaml 3,
 *    glob 7) has no business in starcheck's lock file.
 * 5. One dossier: the wall time of `starcheck check one.yaml` next to a bare
 *    `node -e 0`, interleaved so both see the same machine load.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { dossierText } from './generate.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/starcheck.js');
const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--dossiers') + 1] ?? 0) || 10_000;
const withAjvCli = args.includes('--ajv-cli');
const SEED = 1;

const rate = (n, ms) => `${Math.round((n / ms) * 1000)} dossiers/s`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(fn) {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}

const dir = mkdtempSync(join(tmpdir(), 'starcheck-bench-'));
try {
  const data = join(dir, 'dossiers');
  mkdirSync(data);
  for (let i = 0; i < count; i++) {
    const { extension, text } = dossierText(SEED, i);
    writeFileSync(join(data, `d${String(i).padStart(6, '0')}.${extension}`), text);
  }
  const files = readdirSync(data).map((f) => join(data, f));
  console.log(`${count} dossiers (seed ${SEED}) in ${data}; ${availableParallelism()} cores; node ${process.version}\n`);

  // The bare loop, with ajv compiling the same schema sources the build compiles.
  const { createAjv } = await import(join(root, 'dist/schemas/compile.js'));
  const { dossierSchema } = await import(join(root, 'dist/schemas/dossier-schema.js'));
  const validate = createAjv().compile(dossierSchema);
  const bare = timed(() => files.filter((f) => validate(parse(readFileSync(f, 'utf8')))).length);
  console.log(`bare loop, 1 thread (read + yaml.parse + ajv):   ${rate(count, bare.ms)}   (${bare.result} valid)`);

  const check = (extra) => timed(() => spawnSync(process.execPath, [bin, 'check', data, '--format', 'json', ...extra], { stdio: ['ignore', 'ignore', 'inherit'] }).status);
  const full = check([]);
  console.log(`starcheck check --format json, default jobs:    ${rate(count, full.ms)}   (exit ${full.result})`);
  const single = check(['--jobs', '1']);
  console.log(`starcheck check --format json, --jobs 1:        ${rate(count, single.ms)}   (exit ${single.result})`);
  console.log(`  ratio to the bare loop: ${(bare.ms / full.ms).toFixed(2)}× (default jobs), ${(bare.ms / single.ms).toFixed(2)}× (1 thread)`);
  // How vendor staff read a batch: the summary table only.
  const quiet = timed(() => spawnSync(process.execPath, [bin, 'check', data, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] }).status);
  console.log(`starcheck check --quiet (summary table), default jobs: ${rate(count, quiet.ms)}   (exit ${quiet.result})`);

  if (withAjvCli) {
    const prefix = join(dir, 'ajv-cli');
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', 'ajv-cli@5', 'ajv-formats@3'], { stdio: 'inherit' });
    const ajvBin = join(prefix, 'node_modules/.bin/ajv');
    const run = timed(() =>
      spawnSync(ajvBin, ['validate', '-s', join(root, 'schemas/dossier.schema.json'), '-d', `${data}/*.{yaml,json}`, '-c', 'ajv-formats', '--all-errors'], {
        stdio: 'ignore',
        cwd: prefix,
      }).status,
    );
    console.log(`ajv-cli validate (same schema, same files):     ${rate(count, run.ms)}   (exit ${run.result})`);
  }

  // One dossier, as CI runs it.
  const one = join(root, 'examples/four-star.yaml');
  const node0 = [];
  const starcheck = [];
  for (let i = 0; i < 21; i++) {
    node0.push(timed(() => spawnSync(process.execPath, ['-e', '0'])).ms);
    starcheck.push(timed(() => spawnSync(process.execPath, [bin, 'check', one], { stdio: 'ignore' })).ms);
  }
  const [a, b] = [median(node0), median(starcheck)];
  console.log(`\none dossier: starcheck check ${Math.round(b)} ms, node -e 0 ${Math.round(a)} ms (median of 21, interleaved): ${(b / a).toFixed(2)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm run bench [-- --dossiers N] [-- --no-ajv-cli] [-- --memory N]`: how
 * fast starcheck is, measured side by side in one run. It prints figures and
 * asserts nothing (timings depend on the machine and its load).
 *
 * 1. N synthetic dossiers from a fixed seed, written to a temporary folder.
 * 2. A bare single-thread loop over them: read, `yaml.parse`, ajv validate
 *    (the floor a naive checker starts from), in dossiers per second.
 * 3. `starcheck check <folder> --format json` (everything a report needs,
 *    positions included) with the default threads and with --jobs 1; the
 *    text report (the default format); and `--quiet`, the summary table a
 *    vendor reads a batch by.
 * 4. Unless --no-ajv-cli: `ajv validate` with the project's schema on the same
 *    files. ajv-cli is installed into the run's temporary folder, not into
 *    the project: it is a yardstick, and its old dependency tree (js-yaml 3,
 *    glob 7) has no business in starcheck's lock file.
 * 5. One dossier: the wall time of `starcheck check one.yaml` next to a bare
 *    `node -e 0`, interleaved so both see the same machine load: the ratio
 *    of their medians, and each run's ratio to the run before it (median and
 *    range). Run under another Node (`PATH=/path/to/node24/bin:$PATH npm run
 *    bench`) to measure that one: the build, and so the bundle's code cache,
 *    is that Node's too.
 *
 * 6. The plan (issue 18) on dossiers of 20, 200 and 2,000 engineers, and the
 *    renewals that keep a tier on one of 200 (test/bench/plan.mjs, also run alone).
 *
 * 7. With --memory N: N dossiers (100,000 for the issue's bound), checked
 *    once per format with the output to /dev/null, each run's peak RSS (as
 *    /usr/bin/time measures it) and wall time; instead of steps 2 to 5.
 *
 * Steps 2 to 4 run in rounds, every contender once a round, each in a
 * process of its own, a round starting with the next contender. Each
 * contender's best and median rounds are printed, and check's ratio to
 * ajv-cli round by round (the two ran within seconds of each other): on a
 * shared machine one round's ratio says little, their spread says more.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dossierText } from './generate.mjs';
import { benchPlan } from './plan.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/starcheck.js');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const memory = option('--memory');
const count = memory ?? (option('--dossiers') || 10_000);
const withAjvCli = !args.includes('--no-ajv-cli');
const SEED = 1;
const ROUNDS = 5;

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
  console.log(`${count} dossiers (seed ${SEED}) in ${data}; ${availableParallelism()} cores; node ${process.version}\n`);
  if (memory !== undefined) {
    measureMemory(data);
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }

  // The bare loop runs in a child process like every other contender: run here, its heap and its
  // garbage collector's leftover work would slow whichever contender comes next.
  const bareLoop = () => {
    const { stdout } = spawnSync(process.execPath, [join(root, 'test/bench/bare-loop.mjs'), root, data], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
    const { valid, ms } = JSON.parse(stdout);
    return { ms, result: valid };
  };

  // starcheck's errors would show (none are expected); ajv-cli's are every YAML dossier's, so they are dropped.
  const run = (command, commandArgs, cwd = root, stderr = 'inherit') => () => timed(() => spawnSync(command, commandArgs, { stdio: ['ignore', 'ignore', stderr], cwd }).status);
  const contenders = [
    { name: 'bare loop, 1 thread (read + yaml.parse + ajv)', measure: bareLoop },
    { name: 'starcheck check --format json, default jobs', measure: run(process.execPath, [bin, 'check', data, '--format', 'json']) },
    { name: 'starcheck check --format json, --jobs 1', measure: run(process.execPath, [bin, 'check', data, '--format', 'json', '--jobs', '1']) },
    // How people read a batch: the text report (the default format), or the summary table only.
    { name: 'starcheck check (text report), default jobs', measure: run(process.execPath, [bin, 'check', data]) },
    { name: 'starcheck check --quiet (summary table)', measure: run(process.execPath, [bin, 'check', data, '--quiet']) },
  ];
  if (withAjvCli) {
    const prefix = join(dir, 'ajv-cli');
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--silent', 'ajv-cli@5', 'ajv-formats@3'], { stdio: 'inherit' });
    const ajvArgs = ['validate', '-s', join(root, 'schemas/dossier.schema.json'), '-d', `${data}/*.{yaml,json}`, '-c', 'ajv-formats', '--all-errors'];
    contenders.push({ name: 'ajv-cli validate (same schema, same files)', measure: run(join(prefix, 'node_modules/.bin/ajv'), ajvArgs, prefix, 'ignore') });
  }
  // Rounds of every contender in turn, each one's best round kept: a machine shared with others
  // slows whole stretches of time, and interleaving spreads that over every contender alike.
  const rounds = contenders.map(() => []);
  const results = contenders.map(() => undefined);
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with another contender, so none always runs right after the same one.
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const { ms, result } = contenders[i].measure();
      rounds[i].push(ms);
      results[i] ??= result;
    }
  }
  const best = rounds.map((all) => Math.min(...all));
  contenders.forEach(({ name }, i) => {
    const what = i === 0 ? `${results[i]} valid` : `exit ${results[i]}`;
    console.log(`${`${name}:`.padEnd(52)} ${rate(count, best[i]).padStart(18)} best, ${rate(count, median(rounds[i])).padStart(18)} median   (${what}; ${ROUNDS} rounds)`);
  });
  const [bare, full, single] = best;
  console.log(`  check against the bare loop (best rounds): ${(bare / full).toFixed(2)}× (default jobs), ${(bare / single).toFixed(2)}× (1 thread)`);
  if (withAjvCli) {
    const ajv = rounds.at(-1);
    const against = (mine) => {
      const ratios = mine.map((ms, r) => ajv[r] / ms);
      return `${median(ratios).toFixed(2)}× median (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`;
    };
    console.log(`  check against ajv-cli, round by round: ${against(rounds[1])} default jobs, ${against(rounds[2])} 1 thread`);
    console.log(`  check against ajv-cli, best rounds: ${(best.at(-1) / full).toFixed(2)}× (default jobs), ${(best.at(-1) / single).toFixed(2)}× (1 thread)`);
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
  // Each run's ratio to the node -e 0 run just before it: their spread says how much the machine's load moved.
  const ratios = starcheck.map((ms, i) => ms / node0[i]);
  const span = (values) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
  console.log(`\none dossier: starcheck check ${Math.round(b)} ms (${span(starcheck)}), node -e 0 ${Math.round(a)} ms (${span(node0)}); medians of 21, interleaved: ${(b / a).toFixed(2)}×`);
  console.log(`  run by run: ${median(ratios).toFixed(2)}× median (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`);
  console.log('');
  benchPlan();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** Peak RSS and wall time of `check` over the folder, once per format, the output thrown away. */
function measureMemory(data) {
  for (const format of ['text', 'json', 'markdown', 'junit', 'sarif', 'github', 'csv', 'html', 'quiet']) {
    const what = format === 'quiet' ? ['--quiet'] : ['--format', format];
    const start = performance.now();
    const { status, stderr } = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'check', data, ...what], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    const kb = Number(stderr.trim().split('\n').at(-1));
    console.log(`${`check ${what.join(' ')}:`.padEnd(28)} peak RSS ${`${Math.round(kb / 1024)} MB`.padStart(8)}, ${(ms / 1000).toFixed(1).padStart(6)} s (exit ${status})`);
  }
}

/**
 * Time and peak memory of the built binary on each hostile case of
 * test/load/hostile-inputs.mjs, alone and in a batch beside ordinary
 * dossiers, under /usr/bin/time -v (Linux). Run after `npm run build`:
 *
 *   node test/bench/hostile.mjs [case …]
 *
 * The target is at most 5 s and 512 MB per case. Not a test: timings are
 * the machine's, and tests assert outcomes only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CASES } from '../load/hostile-inputs.mjs';

const bin = fileURLToPath(new URL('../../bin/starcheck.js', import.meta.url));
const examples = fileURLToPath(new URL('../../examples/', import.meta.url));
const names = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'starcheck-hostile-'));

function measure(args) {
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, bin, 'check', '--format', 'json', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 40_000 });
  const field = (name) => run.stderr.split('\n').find((line) => line.trim().startsWith(name))?.split(': ').pop();
  const [m, s] = (field('Elapsed (wall clock)') ?? '0:0').split(':').map(Number);
  let summary = '';
  try {
    const report = JSON.parse(run.stdout);
    summary = report.dossiers.map((d) => `${d.valid ? (d.pass ? 'pass' : 'fail') : `invalid ${d.errors[0]?.code}${d.errors.length > 1 ? `+${d.errors.length - 1}` : ''}`}`).join(' ');
  } catch {
    summary = run.stderr.split('\n')[0];
  }
  const cpu = Number(field('User time (seconds)')) + Number(field('System time (seconds)'));
  return { cpu, seconds: m * 60 + s, mb: Math.round(Number(field('Maximum resident set size')) / 1024), exit: run.error ? 'timeout' : field('Exit status'), summary };
}

try {
  for (const [name, make] of Object.entries(CASES)) {
    if (names.length > 0 && !names.includes(name)) continue;
    const made = make();
    const alone = join(dir, name);
    mkdirSync(alone);
    for (const [file, text] of Object.entries(made.files)) writeFileSync(join(alone, file), text);
    const one = measure([join(alone, 'dossier.yaml')]);
    // A batch: the hostile folder beside the shipped examples.
    const batch = join(dir, `${name}-batch`);
    mkdirSync(join(batch, 'hostile'), { recursive: true });
    for (const [file, text] of Object.entries(made.files)) writeFileSync(join(batch, 'hostile', file.replace('dossier.yaml', 'dossier.yaml')), text);
    const many = measure([join(batch, 'hostile', 'dossier.yaml'), examples]);
    console.log(`${made.case.padEnd(18)} n=${String(made.links).padEnd(6)} alone ${one.seconds.toFixed(2)} s (cpu ${one.cpu.toFixed(2)} s) ${one.mb} MB exit ${one.exit} [${one.summary}]  batch ${many.seconds.toFixed(2)} s (cpu ${many.cpu.toFixed(2)} s) ${many.mb} MB exit ${many.exit} [${many.summary.slice(0, 60)}]`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

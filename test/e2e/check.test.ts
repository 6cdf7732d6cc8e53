/** End to end: the built binary against the shipped examples, as a partner or a CI job runs it. */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, root, runBin, runCli, scratchDirectory, type RunOutput } from '../helpers.js';

/** runBin, once per set of arguments in this file: a run of the same arguments gives the same output (the tests below prove it of files, pipes, zones and locales). */
const runs = new Map<string, RunOutput>();
function runOnce(args: string[]): RunOutput {
  const key = JSON.stringify(args);
  let run = runs.get(key);
  if (run === undefined) runs.set(key, (run = runBin(args)));
  return run;
}

describe('starcheck check (built binary)', () => {
  it('passes the four-star example with exit 0 and a verdict first', () => {
    const { code, stdout, stderr } = runOnce(['check', 'examples/four-star.yaml']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')[0]).toBe('PASS examples/four-star.yaml: four-star — the highest tier (required: four-star)');
    expect(stdout).toContain('Four-star (required) — met, holds until 2027-02-28');
    expect(stdout).not.toMatch(/\x1b\[/);
  });

  it('writes the same report and errors to files as to pipes (bin/ writes those directly, not through Node streams)', () => {
    const dir = scratchDirectory('out');
    for (const args of [['check', 'examples/four-star.yaml'], ['check', 'examples/invalid.yaml', '--format', 'json']]) {
      const piped = runOnce(args);
      const [out, err] = [openSync(join(dir, 'out'), 'w'), openSync(join(dir, 'err'), 'w')];
      const filed = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', out, err], env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      closeSync(out);
      closeSync(err);
      expect(filed.status).toBe(piped.code);
      expect(readFileSync(join(dir, 'out'), 'utf8')).toBe(piped.stdout);
      expect(readFileSync(join(dir, 'err'), 'utf8')).toBe(piped.stderr);
    }
  });

  it('prints the JSON contract', () => {
    const { code, stdout } = runBin(['check', 'examples/four-star.yaml', '--format', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.tool.name).toBe('starcheck');
    expect(doc.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.standard.id).toBe('classic');
    expect(doc.summary).toEqual({ total: 1, passed: 1, failed: 0, invalid: 0 });
    const [d] = doc.dossiers;
    expect(d).toMatchObject({ file: 'examples/four-star.yaml', partner: 'Acme Networks Sdn Bhd', asOf: '2026-12-01', valid: true, errors: [], highestTier: 'four-star', requiredTier: 'four-star', pass: true });
    // Lee's H3CNE drops inside the three-month margin 90 days on, taking four-star with it.
    expect(d.warnings.map((w: { code: string }) => w.code)).toEqual(['certificate-lapses', 'tier-lapses']);
    expect(d.tiers.map((t: { id: string }) => t.id)).toEqual(['four-star', 'three-star', 'two-star']);
    expect(d.tiers[0]).toMatchObject({ met: true, holdsUntil: '2027-02-28' });
    for (const r of d.tiers[0].requirements) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'met', 'have', 'need']));
      expect(r.met).toBe(true);
    }
  });

  it('exits 1 when the required tier is missed, and names the gap', () => {
    const { code, stdout } = runBin(['check', 'examples/three-star.yaml', '--require', 'four-star']);
    expect(code).toBe(1);
    // The verdict wraps at 80 columns; its continuation is indented by four.
    expect(stdout.replace(/\n {4}/g, ' ').split('\n')[0]).toBe('FAIL examples/three-star.yaml: three-star — 3 gaps to four-star (required: four-star)');
    // Gaps wrap at 80 columns; compare the words.
    expect(stdout.replace(/\s+/g, ' ')).toContain('Bo Lim (E02): PMP expires 2027-03-01, not more than 3 months after 2026-12-01');
  });

  it('exits 2 with file:line:column errors for an invalid dossier, and no stack trace', () => {
    const { code, stdout, stderr } = runBin(['check', 'examples/invalid.yaml']);
    expect(code).toBe(2);
    expect(stdout.replace(/\s+/g, ' ')).toContain('examples/invalid.yaml:19:18: engineer S1 (Grace Ong), certificate 1 (H3CSE-R&S): expires is "2027-02-30", not a calendar date');
    expect(stdout).toMatch(/examples\/invalid\.yaml:21:5: unknown field "nmae"/);
    expect(stdout + stderr).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('reports errors on stderr as well when stdout carries JSON', () => {
    const { code, stdout, stderr } = runOnce(['check', 'examples/invalid.yaml', '--format', 'json']);
    expect(code).toBe(2);
    const d = JSON.parse(stdout).dossiers[0];
    expect(d.valid).toBe(false);
    expect(d.errors[0]).toMatchObject({ line: 19, column: 18, path: '/engineers/0/certificates/0/expires' });
    expect(stderr).toContain('examples/invalid.yaml:19:18:');
  });

  it('gives byte-identical output in distant time zones and locales', () => {
    // Each run writes JSON to standard output and the text report to a file of its own.
    const dir = scratchDirectory('zones');
    const args = (text: string): string[] => ['check', 'examples/three-star.yaml', '--as-of', '2026-11-30', '--format', 'json', '--format', `text=${join(dir, text)}`];
    const east = runBin(args('east.txt'), { env: { TZ: 'Pacific/Kiritimati', LANG: 'th_TH.UTF-8', LC_ALL: 'th_TH.UTF-8' } });
    const west = runBin(args('west.txt'), { env: { TZ: 'America/Adak', LANG: 'de_DE.UTF-8' } });
    expect(east.stdout).toBe(west.stdout);
    const [eastText, westText] = [readFileSync(join(dir, 'east.txt'), 'utf8'), readFileSync(join(dir, 'west.txt'), 'utf8')];
    expect(eastText).toContain('PASS examples/three-star.yaml');
    expect(eastText).toBe(westText);
    expect(JSON.parse(east.stdout).dossiers[0].asOf).toBe('2026-11-30');
  });

  it('reads a dossier from standard input', () => {
    const { code, stdout } = runBin(['check', '-', '--quiet'], { input: 'schemaVersion: 1\npartner: {name: P}\nengineers: []\napplication: {date: 2026-12-01}\n' });
    expect(code).toBe(1);
    expect(stdout).toBe('FAIL <stdin>: no tier met — 4 gaps to two-star (required: two-star)\n');
  });

  it('prints help and version with exit 0', () => {
    expect(runBin(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runBin(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--as-of');
    expect(help.stdout).toContain('Exit codes');
  });
});

describe('usage errors exit 3', () => {
  it.each([
    [['check', 'examples/four-star.yaml', '--bogus'], /unknown option '--bogus'/],
    [['check'], /missing required argument/],
    [['chekc', 'x'], /unknown command 'chekc'[\s\S]*check/],
    [['check', 'examples/four-star.yaml', '--format', 'yml'], /unknown format "yml"/],
    [['check', 'examples/four-star.yaml', '--as-of', '2026-02-30'], /--as-of "2026-02-30" is not a calendar date/],
    [['check', 'examples/four-star.yaml', '--require', 'five-star'], /"five-star" is not a tier of the classic standard/],
    [['check', 'examples/four-star.yaml', '--standard', 'clasic'], /no standard "clasic" — did you mean "classic"\?/],
    // Caught before any dossier is read, so an invalid dossier cannot turn it into exit 2.
    [['check', 'examples/invalid.yaml', '--standard', 'classic', '--require', 'five-star'], /"five-star" is not a tier of the classic standard/],
  ])('%o', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(3);
    expect(stderr).toMatch(message);
  });
});

describe('options', () => {
  it('--as-of overrides the dossier date and moves holdsUntil along', async () => {
    const { code, stdout } = await runCli(['check', 'examples/four-star.yaml', '--as-of', '2027-03-01', '--format', 'json']);
    const d = JSON.parse(stdout).dossiers[0];
    expect(code).toBe(1);
    expect(d.asOf).toBe('2027-03-01');
    expect(d.tiers[0].met).toBe(false);
    expect(d.tiers[0].holdsUntil).toBeNull();
  });

  it('defaults the date to today when neither --as-of nor the dossier gives one', async () => {
    const input = 'schemaVersion: 1\npartner: {name: P}\nengineers: []\n';
    const { stdout } = await runCli(['check', '-', '--format', 'json'], { stdin: input, now: new Date(2027, 0, 15, 12) });
    expect(JSON.parse(stdout).dossiers[0].asOf).toBe('2027-01-15');
  });

  it('colours only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const tty = await runCli(['check', 'examples/four-star.yaml'], { isTTY: true });
    expect(tty.stdout).toMatch(/\x1b\[/);
    expect((await runCli(['check', 'examples/four-star.yaml'], { isTTY: false })).stdout).not.toMatch(/\x1b\[/);
    expect((await runCli(['check', 'examples/four-star.yaml'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
    expect((await runCli(['check', 'examples/four-star.yaml', '--no-color'], { isTTY: true })).stdout).not.toMatch(/\x1b\[/);
  });

  it('writes --format json=file and text to stdout in one run', async () => {
    const dir = scratchDirectory();
    const out = join(dir, 'report.json');
    const { code, stdout } = await runCli(['check', 'examples/two-star.yaml', '--format', 'text', '--format', `json=${out}`]);
    expect(code).toBe(0);
    expect(stdout).toContain('PASS examples/two-star.yaml');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(out, 'utf8')).dossiers[0].highestTier).toBe('two-star');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('writes no output file when the run fails on a usage error', async () => {
    const dir = scratchDirectory();
    const out = join(dir, 'report.json');
    const { code } = await runCli(['check', 'examples/two-star.yaml', '--format', `json=${out}`, '--standard', 'nope']);
    expect(code).toBe(3);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes an output through a symbolic link into the file it names, leaving the link', async () => {
    const dir = scratchDirectory();
    writeFileSync(join(dir, 'real.json'), 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    symlinkSync('later.json', join(dir, 'dangling.json'));
    expect((await runCli(['check', 'examples/two-star.yaml', '--format', `json=${join(dir, 'link.json')}`])).code).toBe(0);
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8')).summary.total).toBe(1);
    expect((await runCli(['check', 'examples/two-star.yaml', '--format', `json=${join(dir, 'dangling.json')}`])).code).toBe(0);
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'later.json'), 'utf8')).summary.total).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['dangling.json', 'later.json', 'link.json', 'real.json']);
  });

  it('writes into a FIFO or a device rather than replacing it', async () => {
    const dir = scratchDirectory();
    const fifo = join(dir, 'report.json');
    spawnSync('mkfifo', [fifo]);
    // The reader must be there before the writer opens the FIFO.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    expect((await runCli(['check', 'examples/two-star.yaml', '--format', `json=${fifo}`])).code).toBe(0);
    await done;
    expect(JSON.parse(read).summary.total).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect((await runCli(['check', 'examples/two-star.yaml', '--format', 'json=/dev/null'])).code).toBe(0);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses, exit 3, an output over a dossier of the run or two outputs into one file', async () => {
    const dir = scratchDirectory();
    const dossier = join(dir, 'd.yaml');
    writeFileSync(dossier, readFileSync(join(root, 'examples/two-star.yaml')));
    const over = await runCli(['check', dir, '--format', `json=${dossier}`]);
    expect(over.code).toBe(3);
    expect(over.stderr).toContain('would overwrite');
    expect(readFileSync(dossier, 'utf8')).toBe(readFileSync(join(root, 'examples/two-star.yaml'), 'utf8'));
    // Named through a link, the dossier is still the file the output would replace.
    symlinkSync(dossier, join(dir, 'alias.yaml'));
    expect((await runCli(['check', join(dir, 'alias.yaml'), '--format', `json=${dossier}`])).code).toBe(3);
    expect(readFileSync(dossier, 'utf8')).toBe(readFileSync(join(root, 'examples/two-star.yaml'), 'utf8'));
    rmSync(join(dir, 'alias.yaml'));
    const twice = await runCli(['check', dossier, '--format', `json=${join(dir, 'out')}`, '--format', `csv=${join(dir, 'out')}`]);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain('write the same file');
    expect(readdirSync(dir)).toEqual(['d.yaml']);
  });

  it('reports a missing file as a dossier error, exit 2', async () => {
    const { code, stdout } = await runCli(['check', 'examples/nope.yaml']);
    expect(code).toBe(2);
    expect(stdout).toContain('examples/nope.yaml: no such file');
  });

  it('takes the worst exit code over several dossiers', async () => {
    const dir = scratchDirectory();
    writeFileSync(join(dir, 'broken.yaml'), 'schemaVersion: [1\n');
    expect((await runCli(['check', 'examples/four-star.yaml', 'examples/two-star.yaml'])).code).toBe(0);
    expect((await runCli(['check', 'examples/four-star.yaml', 'examples/three-star.yaml', '--require', 'four-star'])).code).toBe(1);
    expect((await runCli(['check', 'examples/three-star.yaml', join(dir, 'broken.yaml'), '--require', 'four-star'])).code).toBe(2);
  });
});

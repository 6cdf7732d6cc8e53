/** Batches: many paths, one row per dossier, the worst exit code, the same output however many threads. */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTargets, FILES_PER_WORKER } from '../../src/check/batch.js';
import { PartStore } from '../../src/check/spool.js';
import { runCheck } from '../../src/cli/commands/check.js';
import { expandPaths } from '../../src/check/paths.js';
import { progressBar } from '../../src/cli/progress.js';
import { dossierText } from '../bench/generate.mjs';
import { bin, root, runBin, runCli, scratchDirectory } from '../helpers.js';

/** The summary table's dossier rows: the first cell's lines joined, then the other cells. */
function summaryRows(stdout: string): Array<{ dossier: string; cells: string[] }> {
  const rows: Array<{ dossier: string; cells: string[] }> = [];
  const summary = stdout.slice(stdout.lastIndexOf('Summary\n'));
  const table = summary.slice(summary.indexOf('├'), summary.indexOf('└'));
  for (const line of table.split('\n').filter((l) => l.startsWith('│'))) {
    const [dossier, ...cells] = line.split('│').slice(1, -1).map((cell) => cell.trim());
    if (cells[2] !== '') rows.push({ dossier: dossier!, cells });
    else rows.at(-1)!.dossier += dossier;
  }
  return rows;
}

/** A dossier of one engineer with one certificate, its claims (partner, e-mail, certificate number) given. */
const base = (partner: string, email: string, number: string): string =>
  [
    'schemaVersion: 1',
    `partner: {name: ${partner}}`,
    'application: {date: 2026-12-01}',
    'engineers:',
    '  - id: E1',
    '    name: Someone',
    `    email: ${email}`,
    '    certificates:',
    '      - type: H3CNE',
    `        number: ${number}`,
    '        expires: 2028-01-01',
    '',
  ].join('\n');

function scratch(): string {
  return scratchDirectory('batch');
}

/** Good, failing and broken dossiers side by side. */
function mixedBatch(): string {
  const dir = scratch();
  copyFileSync(join(root, 'examples/four-star.yaml'), join(dir, 'a-four-star.yaml'));
  copyFileSync(join(root, 'examples/three-star.yaml'), join(dir, 'b-three-star.yaml'));
  copyFileSync(join(root, 'examples/invalid.yaml'), join(dir, 'c-invalid.yaml'));
  writeFileSync(join(dir, 'd-broken.yaml'), 'schemaVersion: [1\n');
  writeFileSync(join(dir, 'e-binary.json'), Buffer.from([0x7b, 0x00, 0x7d]));
  writeFileSync(join(dir, 'notes.txt'), 'not a dossier');
  return dir;
}

describe('a batch of good, failing and broken dossiers', () => {
  it('reports every dossier, never stopping, and exits with the worst code', async () => {
    const dir = mixedBatch();
    const { code, stdout } = await runCli(['check', dir, '--require', 'four-star', '--format', 'json']);
    expect(code).toBe(2);
    const doc = JSON.parse(stdout);
    expect(doc.dossiers.map((d: { file: string }) => d.file)).toEqual(
      ['a-four-star.yaml', 'b-three-star.yaml', 'c-invalid.yaml', 'd-broken.yaml', 'e-binary.json'].map((f) => `${dir}/${f}`),
    );
    expect(doc.dossiers.map((d: { valid: boolean; pass: boolean }) => [d.valid, d.pass])).toEqual([
      [true, true],
      [true, false],
      [false, false],
      [false, false],
      [false, false],
    ]);
    expect(doc.summary).toEqual({ total: 5, passed: 1, failed: 1, invalid: 3 });
  });

  it('ends the text report with a summary table, one row per dossier and totals per tier; --quiet keeps only the summary', async () => {
    const dir = mixedBatch();
    const full = await runCli(['check', dir]);
    const quiet = await runCli(['check', dir, '--quiet']);
    expect(full.code).toBe(2);
    expect(full.stdout).toContain('Four-star (required) — met');
    expect(quiet.stdout).not.toContain('Four-star (required) — met');
    expect(full.stdout.endsWith(quiet.stdout)).toBe(true);
    expect(quiet.stdout.split('\n')[0]).toBe('Summary');
    expect(summaryRows(quiet.stdout)).toEqual([
      // The four-star example warns of what lapses soon.
      { dossier: `${dir}/a-four-star.yamlAcme Networks Sdn Bhd`, cells: ['four-star', 'four-star', 'PASS', '2 warnings'] },
      { dossier: `${dir}/b-three-star.yamlBorneo Netcom Sdn Bhd`, cells: ['three-star', 'three-star', 'PASS', ''] },
      { dossier: `${dir}/c-invalid.yamlTypo Trading Pte Ltd`, cells: ['–', '–', 'INVALID', '4 errors'] },
      { dossier: `${dir}/d-broken.yaml`, cells: ['–', '–', 'INVALID', '1 error'] },
      { dossier: `${dir}/e-binary.json`, cells: ['–', '–', 'INVALID', '1 error'] },
    ]);
    expect(quiet.stdout).toMatch(/│ four-star\s*│ 1\s*│\n│ three-star\s*│ 1\s*│\n│ invalid\s*│ 3\s*│/);
    expect(quiet.stdout.split('\n').at(-2)).toBe('5 dossiers: 2 passed, 0 failed, 3 invalid');
    for (const line of full.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it('prints no summary for a single dossier', async () => {
    const { stdout } = await runCli(['check', 'examples/four-star.yaml']);
    expect(stdout).not.toContain('Summary');
  });
});

describe('threads', () => {
  it('gives the same bytes in every format when its parts spill to the temporary file as when they stay in memory', async () => {
    const dir = scratch();
    for (let i = 0; i < 60; i++) {
      const { extension, text } = dossierText(11, i);
      writeFileSync(join(dir, `s${String(i).padStart(4, '0')}.${extension}`), text);
    }
    // Two dossiers claiming the same certificates: the warned ones are rendered again, after others spilled.
    writeFileSync(join(dir, 's9999-copy.yaml'), dossierText(11, 2).text);
    const formats = ['text', 'json', 'markdown', 'junit', 'sarif', 'github', 'csv', 'html'];
    const run = async (memoryBudget?: number): Promise<unknown[]> => {
      const out = scratch();
      const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: (async function* () {})(), env: {}, now: () => new Date('2026-12-01T12:00:00Z'), cwd: root };
      const flags = { format: formats.map((f) => `${f}=${out}/${f}`), color: false, quiet: false, asOf: '2026-12-01', jobs: '1' };
      const code = await runCheck([dir], flags, io, '0.0.0', memoryBudget === undefined ? {} : { memoryBudget });
      return [code, ...formats.map((f) => readFileSync(`${out}/${f}`, 'utf8'))];
    };
    const inMemory = await run();
    const spilled = await run(1000);
    expect(inMemory[2]).toContain('certificate-claimed-elsewhere');
    spilled.forEach((output, i) => expect(output, ['exit code', ...formats][i]).toBe(inMemory[i]));
  });

  it('gives byte-identical output with --jobs 1 and --jobs 4, a directory in sorted order, and finds a claim shared by dossiers on different threads', async () => {
    const dir = scratch();
    // Enough dossiers for several workers, written in reverse so listing order is not sorted order.
    const count = 2 * FILES_PER_WORKER + 20;
    for (let i = count - 1; i >= 0; i--) {
      const { extension, text } = dossierText(7, i);
      writeFileSync(join(dir, `g${String(i).padStart(3, '0')}.${extension}`), text);
    }
    writeFileSync(join(dir, 'g040-broken.yaml'), 'engineers: {\n');
    // No dossier, skipped in the workers as on this thread: counted on stderr, no row.
    writeFileSync(join(dir, 'g050-package.json'), '{"name": "x"}\n');
    // The first and the last dossier: different chunks, so different threads with --jobs 4.
    writeFileSync(join(dir, 'a-first.yaml'), base('Alpha', 'a@a.example', 'SHARED-7'));
    writeFileSync(join(dir, 'z-last.yaml'), base('Omega', 'z@z.example', 'shared-7'));
    // JSON for this many dossiers is large: written to files, with the text and markdown reports too.
    const out = scratch();
    const outputs = (jobs: string): string[] => ['json', 'text', 'markdown'].flatMap((format) => ['--format', `${format}=${out}/${jobs}.${format}`]);
    // In-process: the workers are real threads running the built bundle all the same.
    const one = await runCli(['check', dir, '--jobs', '1', ...outputs('1')]);
    const four = await runCli(['check', dir, '--jobs', '4', ...outputs('4')]);
    expect(one.code).toBe(2);
    expect(four.code).toBe(one.code);
    expect(four.stderr).toBe(one.stderr);
    expect(one.stderr).toContain('starcheck: 1 file skipped: not a dossier');
    for (const format of ['json', 'text', 'markdown']) expect(readFileSync(`${out}/4.${format}`, 'utf8'), format).toBe(readFileSync(`${out}/1.${format}`, 'utf8'));
    const dossiers = JSON.parse(readFileSync(`${out}/4.json`, 'utf8')).dossiers;
    const files = dossiers.map((d: { file: string }) => d.file);
    expect(files).toHaveLength(count + 3);
    expect(files).toEqual([...files].sort());
    expect(readFileSync(`${out}/4.text`, 'utf8')).toContain(`${count + 3} dossiers: `);
    const [first, last] = [dossiers[0], dossiers.at(-1)];
    expect(first.warnings.map((w: { message: string }) => w.message)).toEqual([expect.stringContaining(`also claimed in ${dir}/z-last.yaml`)]);
    expect(last.warnings.map((w: { message: string }) => w.message)).toEqual([expect.stringContaining(`also claimed in ${dir}/a-first.yaml`)]);
    expect(readFileSync(`${out}/4.text`, 'utf8').replace(/\s+/g, ' ')).toContain(`warning ${dir}/z-last.yaml:10:17: certificate number "shared-7" is also claimed in ${dir}/a-first.yaml`);
    expect(readFileSync(`${out}/4.markdown`, 'utf8')).toContain(`${dir}/a-first.yaml:10:17: certificate number "SHARED-7" is also claimed`);
  }, 120_000);

  it.each(['0', '-2', '1.5', 'many'])('refuses --jobs %s as a usage error', async (jobs) => {
    const { code, stderr } = await runCli(['check', 'examples/four-star.yaml', '--jobs', jobs]);
    expect(code).toBe(3);
    expect(stderr).toContain(`--jobs "${jobs}" is not a whole number`);
  });

  it('stops with exit 3 when a worker meets a usage error', async () => {
    const dir = scratch();
    for (let i = 0; i < 2 * FILES_PER_WORKER; i++) writeFileSync(join(dir, `d${i}.yaml`), dossierText(3, i).text);
    const { code, stderr } = await runCli(['check', dir, '--jobs', '2', '--require', 'five-star']);
    expect(code).toBe(3);
    expect(stderr).toContain('"five-star" is not a tier of the classic standard');
  }, 60_000);
});

describe('a reader that stops early', () => {
  it('gets what it read; the rest is dropped quietly, with no stack trace, and the exit code stands', async () => {
    const dir = scratch();
    for (let i = 0; i < 150; i++) writeFileSync(join(dir, `d${String(i).padStart(3, '0')}.yaml`), dossierText(8, i).text);
    const out = scratch();
    // Larger than a spawned run's output buffer: the whole output goes to a file, in a run beside the other.
    const whole = promisify(execFile)(process.execPath, [bin, 'check', dir, '--format', `json=${out}/all.json`], { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (failed: { code: number; stderr: string }) => ({ code: failed.code, stderr: failed.stderr }),
    );
    // Like `starcheck check dir --format json | head -c 1000`: read a little, then close the pipe.
    const child = spawn(process.execPath, [bin, 'check', dir, '--format', 'json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const first = await new Promise<Buffer>((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const expected = await whole;
    expect(first.length).toBeGreaterThan(0);
    expect(readFileSync(`${out}/all.json`).subarray(0, first.length).equals(first)).toBe(true);
    expect(code).toBe(expected.code);
    expect(stderr).toBe(expected.stderr);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  }, 60_000);
});

describe('paths', () => {
  it('expands quoted globs itself, recursing with **', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'asia/my'), { recursive: true });
    copyFileSync(join(root, 'examples/four-star.yaml'), join(dir, 'asia/my/acme.yaml'));
    copyFileSync(join(root, 'examples/two-star.yaml'), join(dir, 'asia/two.yaml'));
    writeFileSync(join(dir, 'asia/two.json'), '{}');
    const { code, stdout } = await runCli(['check', `${dir}/**/*.yaml`, '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).dossiers.map((d: { file: string }) => d.file)).toEqual([`${dir}/asia/my/acme.yaml`, `${dir}/asia/two.yaml`]);
  });

  it('recurses directories for .yaml, .yml and .json only, skipping hidden files, in argument order, each expansion sorted, without duplicates', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'sub'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'node_modules'));
    for (const name of ['b.yml', 'sub/a.json', 'c.yaml', 'readme.md', '.hidden.yaml', '.git/x.yaml', 'node_modules/package.json']) writeFileSync(join(dir, name), 'x: 1\n');
    const targets = await expandPaths([dir, `${dir}/c.yaml`, '-', `${dir}/*.yml`], '/');
    // Arguments in their order, each directory or glob sorted; c.yaml and b.yml only once; node_modules skipped as .git is.
    expect(targets).toEqual([
      { kind: 'file', file: `${dir}/b.yml`, walked: dir },
      { kind: 'file', file: `${dir}/c.yaml`, walked: dir },
      { kind: 'file', file: `${dir}/sub/a.json`, walked: dir },
      { kind: 'stdin', file: '<stdin>' },
    ]);
    expect((await expandPaths(['-', `${dir}/sub`, `${dir}/*.yml`, dir], '/')).map((t) => t.file)).toEqual([
      '<stdin>',
      `${dir}/sub/a.json`,
      `${dir}/b.yml`,
      `${dir}/c.yaml`,
    ]);
  });

  it('follows symbolic links in a directory, walking each real directory once, so a link loop ends', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real', 'a.yaml'), 'x: 1\n');
    symlinkSync(join(dir, 'real'), join(dir, 'linked'));
    symlinkSync(join(dir, 'real', 'a.yaml'), join(dir, 'b.yaml'));
    symlinkSync(dir, join(dir, 'real', 'loop'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.yaml'));
    execFileSync('mkfifo', [join(dir, 'real', 'pipe.yaml')]);
    const files = (await expandPaths([dir], '/')).map((t) => t.file);
    // A real directory is walked by its own name, not a link's; the loop back to the top is not walked again.
    // The dangling link stays, so that reading it reports it; the FIFO, which would block the batch, does not.
    // b.yaml links to real/a.yaml: one dossier, by its own name (the same certificates twice would look like fraud).
    expect(files).toEqual([`${dir}/dangling.yaml`, `${dir}/real/a.yaml`]);
    // A folder and a folder inside it, or a file named again through a link to its folder: each dossier once.
    expect((await expandPaths([dir, `${dir}/real`, `${dir}/linked/a.yaml`], '/')).map((t) => t.file)).toEqual(files);
  });

  it('makes a glob or directory that matches nothing a dossier error (exit 2), never a silent pass', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'empty'));
    const { code, stdout } = await runCli(['check', `${dir}/*.yaml`, join(dir, 'empty'), 'examples/four-star.yaml', '--format', 'json']);
    expect(code).toBe(2);
    const [glob, empty, good] = JSON.parse(stdout).dossiers;
    expect(glob).toMatchObject({ file: `${dir}/*.yaml`, valid: false, errors: [{ code: 'no-match', message: 'glob matches no file' }] });
    expect(empty).toMatchObject({ file: join(dir, 'empty'), valid: false, errors: [{ code: 'no-match' }] });
    expect(empty.errors[0].message).toContain('no .yaml, .yml, .json file');
    expect(good.pass).toBe(true);
    const text = await runCli(['check', `${dir}/*.yaml`]);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain(`${dir}/*.yaml: glob matches no file`);
  });
});

describe('integrity across a batch', () => {

  it('warns every dossier that claims the same certificate number or lists the same engineer under another partner, naming the others', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'lee@shared.example', 'CERT-1'));
    writeFileSync(join(dir, 'b.yaml'), base('Beta', 'LEE@shared.example', 'CERT-2'));
    writeFileSync(join(dir, 'c.yaml'), base('Gamma', 'other@gamma.example', 'cert-1'));
    writeFileSync(join(dir, 'd.yaml'), base('Alpha', 'lee@shared.example', 'CERT-4'));
    const { stdout } = await runCli(['check', dir, '--format', 'json']);
    const [a, b, c, d] = JSON.parse(stdout).dossiers;
    expect(a.warnings).toEqual([
      { code: 'certificate-claimed-elsewhere', message: expect.stringContaining(`also claimed in ${dir}/c.yaml`), path: '/engineers/0/certificates/0/number', line: 10, column: 17 },
      { code: 'engineer-under-two-partners', message: expect.stringContaining(`${dir}/b.yaml (partner "Beta")`), path: '/engineers/0/email', line: 7, column: 12 },
    ]);
    expect(c.warnings.map((w: { code: string }) => w.code)).toEqual(['certificate-claimed-elsewhere']);
    expect(c.warnings[0].message).toContain(`${dir}/a.yaml`);
    // The same partner may list its engineer twice (a resubmission); only the other partner is named.
    expect(b.warnings[0].message).toContain(`${dir}/a.yaml (partner "Alpha"), ${dir}/d.yaml (partner "Alpha")`);
    expect(d.warnings.map((w: { code: string }) => w.code)).toEqual(['engineer-under-two-partners']);
    expect(d.warnings[0].message).not.toContain('a.yaml');
  });

  it('prints the integrity warnings after the summary with --quiet, and names their codes in the CSV', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'a@a.example', 'CERT-1'));
    writeFileSync(join(dir, 'b.yaml'), base('Beta', 'b@b.example', 'cert-1'));
    writeFileSync(join(dir, 'c.yaml'), base('Gamma', 'c@c.example', 'CERT-3'));
    const { stdout } = await runCli(['check', dir, '--quiet']);
    const [summary, warnings] = stdout.split('\n\n');
    expect(summary).toMatch(/^Summary\n[^]*\n3 dossiers: 0 passed, 3 failed, 0 invalid$/);
    expect(warnings).toBe(
      [
        `warning ${dir}/a.yaml:10:17: certificate number "CERT-1" is also claimed in ${dir}/b.yaml; a certificate counts for one partner only`,
        `warning ${dir}/b.yaml:10:17: certificate number "cert-1" is also claimed in ${dir}/a.yaml; a certificate counts for one partner only`,
        '',
      ].join('\n'),
    );
    // One dossier, quiet: its verdict, then its warnings.
    const one = await runCli(['check', join(dir, 'c.yaml'), '--quiet']);
    expect(one.stdout).toMatch(/^FAIL \S+\/c\.yaml: [^\n]+\n$/);
    const csv = (await runCli(['check', dir, '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[1]).toMatch(/,certificate-claimed-elsewhere,$/);
    expect(csv[3]).toMatch(/,,$/);
  });

  it('warns a dossier read from standard input, whose text cannot be read twice, with its place in that text', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'a@a.example', 'PIPED-1'));
    const { stdout } = await runCli(['check', '-', join(dir, 'a.yaml'), '--format', 'json'], { stdin: base('Beta', 'b@b.example', 'piped-1') });
    const [piped, file] = JSON.parse(stdout).dossiers;
    expect(piped.warnings).toEqual([expect.objectContaining({ code: 'certificate-claimed-elsewhere', line: 10, column: 17 })]);
    expect(file.warnings[0].message).toContain('also claimed in <stdin>');
  });

  it('keeps the text of a FIFO named on the command line, which reads once, to warn it with its place in that text', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'a@a.example', 'FIFO-3'));
    const elsewhere = scratch();
    const fifo = join(elsewhere, 'piped.yaml');
    writeFileSync(join(elsewhere, 'source'), base('Beta', 'b@b.example', 'fifo-3'));
    execFileSync('mkfifo', [fifo]);
    // The writer waits for the batch to open the FIFO, in a process of its own (runBin blocks this one).
    spawn('sh', ['-c', 'cat source > piped.yaml'], { cwd: elsewhere, stdio: 'ignore' });
    const { stdout, code } = runBin(['check', join(dir, 'a.yaml'), fifo, '--format', 'json']);
    expect(code).toBe(1);
    const [, piped] = JSON.parse(stdout).dossiers;
    expect(piped.file).toBe(fifo);
    expect(piped.warnings).toEqual([expect.objectContaining({ code: 'certificate-claimed-elsewhere', line: 10, column: 17 })]);
  });

  it('reports a file that no longer makes the claims it first made, when it is read again for a warning, as changed: an error, not a report of text nobody saw', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'a@a.example', 'SAME-9'));
    writeFileSync(join(dir, 'b.yaml'), base('Beta', 'b@b.example', 'SAME-9'));
    const targets = await expandPaths([dir], '/');
    const store = new PartStore();
    const checked = await checkTargets(
      targets,
      { options: { today: '2026-12-01' }, outputs: [{ format: 'json', options: { color: false, quiet: false } }] },
      {
        jobs: 1,
        stdin: (async function* () {})(),
        store,
        // Both read and checked, the cross-dossier checks still to come: a.yaml is edited under the batch.
        onProgress: (done) => done === 2 && writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'a@a.example', 'OTHER-1')),
      },
    );
    // Each dossier's JSON entry, as the batch rendered it.
    const [a, b] = checked.map((c) => JSON.parse(new TextDecoder().decode(store.part(c.parts, 0))));
    expect(a.valid).toBe(false);
    expect(a.errors.map((e: { code: string }) => e.code)).toEqual(['changed-during-run']);
    expect(checked[0]!.outline.valid).toBe(false);
    // The other dossier's warning stands: the claim was made when a.yaml was read.
    expect(b.valid).toBe(true);
    expect(b.warnings.map((w: { code: string }) => w.code)).toEqual(['certificate-claimed-elsewhere']);
  });

  it('shows the warnings in the text report with file:line:column', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'a.yaml'), base('Alpha', 'a@a.example', 'SAME'));
    writeFileSync(join(dir, 'b.yaml'), base('Beta', 'b@b.example', 'SAME'));
    const { stdout } = await runCli(['check', dir]);
    expect(stdout.replace(/\s+/g, ' ')).toContain(`warning ${dir}/a.yaml:10:17: certificate number "SAME" is also claimed in ${dir}/b.yaml`);
    expect(summaryRows(stdout)[0]).toEqual({ dossier: `${dir}/a.yamlAlpha`, cells: ['–', 'two-star', 'FAIL', '1 warning'] });
  });
});

describe('progress bar', () => {
  it('draws on a terminal for a large batch, and never otherwise', () => {
    let drawn = '';
    const tty = { write: (s: string) => (drawn += s), isTTY: true };
    const bar = progressBar(tty, 1000);
    for (let done = 1; done <= 1000; done++) bar.update(done);
    bar.end();
    expect(drawn).toContain('[##############################] 1000/1000 dossiers');
    expect(drawn.split('\r').length).toBeLessThan(110);
    expect(drawn.endsWith('\r\x1b[K')).toBe(true);

    let piped = '';
    const small = progressBar(tty, 10);
    small.update(10);
    small.end();
    const notTty = progressBar({ write: (s: string) => (piped += s), isTTY: false }, 1000);
    notTty.update(500);
    notTty.end();
    expect(piped).toBe('');
    expect(drawn).not.toContain('10/10 ');
  });
});

/**
 * `starcheck pack`: one deterministic zip for the application e-mail,
 * opened here by a real unzip (Python's zipfile, in a child process).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { safeName, stemAndExtension } from '../../src/check/pack.js';
import { bin, root, runCli, scratchDirectory } from '../helpers.js';

const EXAMPLE = join(root, 'examples/submission');

/** Every member of a zip as Python's zipfile reads it (after testzip's CRC check): name, date and content. */
function unzip(file: string): Array<{ name: string; date: number[]; content: Buffer }> {
  const script = `import zipfile, sys, json, base64
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([{"name": i.filename, "date": list(i.date_time), "content": base64.b64encode(z.read(i)).decode()} for i in z.infolist()]))`;
  const members = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Array<{ name: string; date: number[]; content: string }>;
  return members.map((m) => ({ ...m, content: Buffer.from(m.content, 'base64') }));
}

/** The example's zip, in order: it names its files by the stable names, so each is packed once. */
const EXAMPLE_MEMBERS = [
  'dossier.yaml',
  'starcheck-report.html',
  'starcheck-report.json',
  'certificates/T1-H3CNE-H3C-NE-400120.pdf',
  'certificates/T2-H3CNE-H3C-NE-400377.png',
  'application-form.pdf',
];

function submission(): string {
  const dir = scratchDirectory('pack');
  cpSync(EXAMPLE, join(dir, 'partner'), { recursive: true });
  return dir;
}

describe('starcheck pack', () => {
  it('packs the dossier as given, its reports, the certificates by stable names and the form; a second run gives the same bytes', async () => {
    const dir = submission();
    const dossier = join(dir, 'partner', 'dossier.yaml');
    const first = await runCli(['pack', dossier, '-o', join(dir, 'one.zip'), '--as-of', '2026-12-01']);
    expect(first).toMatchObject({ code: 0 });
    const members = unzip(join(dir, 'one.zip'));
    expect(members.map((m) => m.name)).toEqual(EXAMPLE_MEMBERS);
    const file = (name: string): Buffer => readFileSync(join(dir, 'partner', name));
    const content = Object.fromEntries(members.map((m) => [m.name, m.content]));
    for (const name of members.map((m) => m.name).filter((n) => !n.startsWith('starcheck-report'))) expect(content[name]).toEqual(file(name));
    const report = JSON.parse(content['starcheck-report.json']!.toString('utf8'));
    expect(report.dossiers[0]).toMatchObject({ asOf: '2026-12-01', pass: true, materials: { complete: true, missing: [] } });
    expect(content['starcheck-report.html']!.toString('utf8')).toContain('<h3>Submission materials: complete, 3 files named</h3>');
    for (const m of members) expect(m.date).toEqual([1980, 1, 1, 0, 0, 0]);

    expect((await runCli(['pack', dossier, '-o', join(dir, 'two.zip'), '--as-of', '2026-12-01'])).code).toBe(0);
    expect(readFileSync(join(dir, 'two.zip')).equals(readFileSync(join(dir, 'one.zip')))).toBe(true);
    // --as-of reaches the reports.
    expect((await runCli(['pack', dossier, '-o', join(dir, 'three.zip'), '--as-of', '2026-12-02'])).code).toBe(0);
    const later = unzip(join(dir, 'three.zip')).find((m) => m.name === 'starcheck-report.json')!;
    expect(JSON.parse(later.content.toString('utf8')).dossiers[0].asOf).toBe('2026-12-02');
  });

  it('writes the same zip to standard output with -o -', () => {
    const dir = submission();
    const dossier = join(dir, 'partner', 'dossier.yaml');
    const toFile = spawnSync(process.execPath, [bin, 'pack', dossier, '-o', join(dir, 'file.zip'), '--as-of', '2026-12-01']);
    const toStdout = spawnSync(process.execPath, [bin, 'pack', dossier, '-o', '-', '--as-of', '2026-12-01']);
    expect([toFile.status, toStdout.status]).toEqual([0, 0]);
    expect(toStdout.stdout.equals(readFileSync(join(dir, 'file.zip')))).toBe(true);
    expect(readdirSync(process.cwd())).not.toContain('-');
  });

  it('packs a file the dossier names by another path both by its stable name and where the dossier names it', async () => {
    const dir = submission();
    const partner = join(dir, 'partner');
    mkdirSync(join(partner, 'scans'));
    renameSync(join(partner, 'certificates', 'T1-H3CNE-H3C-NE-400120.pdf'), join(partner, 'scans', 'lek.pdf'));
    const dossier = join(partner, 'dossier.yaml');
    writeFileSync(dossier, readFileSync(dossier, 'utf8').replace('file: certificates/T1-H3CNE-H3C-NE-400120.pdf', 'file: scans/lek.pdf'));
    expect((await runCli(['pack', dossier, '-o', join(dir, 'out.zip'), '--as-of', '2026-12-01'])).code).toBe(0);
    const members = unzip(join(dir, 'out.zip'));
    expect(members.map((m) => m.name)).toEqual([...EXAMPLE_MEMBERS, 'scans/lek.pdf']);
    const content = Object.fromEntries(members.map((m) => [m.name, m.content]));
    expect(content['certificates/T1-H3CNE-H3C-NE-400120.pdf']).toEqual(readFileSync(join(partner, 'scans', 'lek.pdf')));
    expect(content['scans/lek.pdf']).toEqual(readFileSync(join(partner, 'scans', 'lek.pdf')));
  });

  it('names the dossier in its packed reports as the zip does, never by the folder it was packed from', async () => {
    const dir = submission();
    const zip = join(dir, 'out.zip');
    expect((await runCli(['pack', join(dir, 'partner', 'dossier.yaml'), '-o', zip, '--as-of', '2026-12-01'])).code).toBe(0);
    const content = Object.fromEntries(unzip(zip).map((m) => [m.name, m.content.toString('utf8')]));
    expect(JSON.parse(content['starcheck-report.json']!).dossiers[0].file).toBe('dossier.yaml');
    for (const name of ['starcheck-report.json', 'starcheck-report.html']) expect(content[name]).not.toContain(dir);
    // Packed from elsewhere, the same submission gives the same bytes.
    const moved = submission();
    expect((await runCli(['pack', join(moved, 'partner', 'dossier.yaml'), '-o', join(moved, 'out.zip'), '--as-of', '2026-12-01'])).code).toBe(0);
    expect(readFileSync(join(moved, 'out.zip')).equals(readFileSync(zip))).toBe(true);
  });

  it('unpacked, the submission checks with its materials beside the dossier', async () => {
    const dir = submission();
    const zip = join(dir, 'out.zip');
    expect((await runCli(['pack', join(dir, 'partner', 'dossier.yaml'), '-o', zip])).code).toBe(0);
    const unpacked = join(dir, 'unpacked');
    execFileSync('python3', ['-c', 'import zipfile, sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, unpacked]);
    const { code, stdout } = await runCli(['check', unpacked, '--materials', '--format', 'json']);
    const run = JSON.parse(stdout);
    // starcheck-report.json is no dossier of the walk.
    expect(run.dossiers.map((d: { file: string }) => d.file)).toEqual([join(unpacked, 'dossier.yaml')]);
    expect(run.dossiers[0].materials.complete).toBe(true);
    expect(code).toBe(0);
  });

  it('never overwrites a file (exit 3) and leaves no temporary file', async () => {
    const dir = submission();
    const zip = join(dir, 'taken.zip');
    writeFileSync(zip, 'mine');
    const { code, stderr } = await runCli(['pack', join(dir, 'partner', 'dossier.yaml'), '-o', zip]);
    expect(code).toBe(3);
    expect(stderr).toContain('already exists');
    expect(readFileSync(zip, 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(['partner', 'taken.zip']);
  });

  it('refuses an incomplete submission with exit 2 and the list of what is missing, writing nothing', async () => {
    const dir = submission();
    const dossier = join(dir, 'partner', 'dossier.yaml');
    writeFileSync(dossier, readFileSync(dossier, 'utf8').replace('  form: application-form.pdf\n', '').replace('        file: certificates/T2-H3CNE-H3C-NE-400377.png\n', ''));
    const zip = join(dir, 'out.zip');
    const { code, stderr } = await runCli(['pack', dossier, '-o', zip]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${dossier}:28:9: missing from the submission: T2's H3CNE certificate H3C-NE-400377`);
    expect(stderr).toContain('missing from the submission: the application form');
    expect(existsSync(zip)).toBe(false);
    expect(readdirSync(dir)).toEqual(['partner']);
  });

  it('refuses an invalid dossier with its located errors (exit 2)', async () => {
    const dir = submission();
    const dossier = join(dir, 'partner', 'dossier.yaml');
    writeFileSync(join(dir, 'partner', 'certificates', 'T1-H3CNE-H3C-NE-400120.pdf'), 'plain text\n');
    const { code, stderr } = await runCli(['pack', dossier, '-o', join(dir, 'out.zip')]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${dossier}:25:15: engineer T1 (Somchai Prasert), certificate 1 (H3CNE): file "certificates/T1-H3CNE-H3C-NE-400120.pdf" is not a PDF, JPEG or PNG file by its content`);
    expect(readdirSync(dir)).toEqual(['partner']);
  });

  it('names hostile ids and numbers safely and uniquely', async () => {
    const dir = submission();
    const dossier = join(dir, 'partner', 'dossier.yaml');
    writeFileSync(
      dossier,
      readFileSync(dossier, 'utf8')
        .replace('id: T1', 'id: "../../E/01"')
        .replace('number: H3C-NE-400120', 'number: "x/../\\u202e.pdf"')
        .replace('id: T2', 'id: "e.01"')
        .replace('number: H3C-NE-400377', 'number: "X.PDF"'),
    );
    const zip = join(dir, 'out.zip');
    expect((await runCli(['pack', dossier, '-o', zip])).code).toBe(0);
    const names = unzip(zip).map((m) => m.name).filter((n) => n.startsWith('certificates/'));
    expect(names.slice(0, 2)).toEqual(['certificates/E-01-H3CNE-x-pdf.pdf', 'certificates/e.01-H3CNE-X.PDF.png']);
    expect(names.every((n) => /^certificates\/[A-Za-z0-9][A-Za-z0-9._-]*$/.test(n))).toBe(true);
  });

  it.each([
    ['starcheck-report.json', 'starcheck-report-2.json'],
    ['x.\\..\\evil', 'x-evil'],
  ])('packs a dossier named %j as %j, never over a report nor with a backslash, so the unpacked submission checks as one dossier', async (given, packed) => {
    const dir = submission();
    const dossier = join(dir, 'partner', given);
    const data = parse(readFileSync(join(dir, 'partner', 'dossier.yaml'), 'utf8'));
    writeFileSync(dossier, given.endsWith('.json') ? JSON.stringify(data) : readFileSync(join(dir, 'partner', 'dossier.yaml')));
    const zip = join(dir, 'out.zip');
    expect((await runCli(['pack', dossier, '-o', zip])).code).toBe(0);
    const members = unzip(zip);
    expect(members.slice(0, 3).map((m) => m.name)).toEqual([packed, 'starcheck-report.html', 'starcheck-report.json']);
    expect(JSON.parse(members[2]!.content.toString('utf8')).tool.name).toBe('starcheck');
    expect(members[0]!.content).toEqual(readFileSync(dossier));
  });
});

describe('pack --holidays', () => {
  it.each([
    [[], 'breached'],
    [['--holidays', 'holidays.yaml'], 'open'],
  ])('packs the report check gives with the same holidays (%j: the exit report is %s)', async (extra, status) => {
    const dir = submission();
    const dossier = join(dir, 'partner', 'dossier.yaml');
    writeFileSync(
      dossier,
      readFileSync(dossier, 'utf8')
        .replace('  targetTier: two-star\n', '  targetTier: two-star\n  currentRating:\n    tier: two-star\n    issued: 2026-06-15\n')
        .replace('serviceManager:', '  - id: T3\n    name: Left Thursday\n    leftOn: 2026-11-26\n    certificates:\n      - type: H3CNE\n        number: H3C-NE-409999\n        issued: 2025-01-01\n        expires: 2028-01-01\nserviceManager:'),
    );
    // Thursday 2026-11-26 + 3 working days is Tuesday 2026-12-01; with Monday a holiday, Wednesday 2026-12-02.
    writeFileSync(join(dir, 'holidays.yaml'), '- 2026-11-30\n');
    const zip = join(dir, 'out.zip');
    const result = await runCli(['pack', dossier, '-o', zip, '--as-of', '2026-12-02', ...extra.map((a) => (a === 'holidays.yaml' ? join(dir, a) : a))]);
    expect(result.code).toBe(0);
    const report = JSON.parse(unzip(zip).find((m) => m.name === 'starcheck-report.json')!.content.toString('utf8'));
    const checked = await runCli(['check', dossier, '--as-of', '2026-12-02', '--materials', '-f', 'json', ...extra.map((a) => (a === 'holidays.yaml' ? join(dir, a) : a))]);
    const exit = (r: { dossiers: Array<{ obligations: Array<{ code: string; status: string }> }> }) => r.dossiers[0]!.obligations.find((o) => o.code === 'exit-report')!.status;
    expect(exit(report)).toBe(status);
    expect(exit(JSON.parse(checked.stdout))).toBe(status);
  });
});

describe('stemAndExtension', () => {
  it.each([
    ['dossier.yaml', ['dossier', '.yaml']],
    ['a.b.json', ['a.b', '.json']],
    ['.yaml', ['', '.yaml']],
    ['noextension', ['noextension', '']],
    ['x.\\..\\evil', ['x.\\..\\evil', '']],
    ['x.y aml', ['x.y aml', '']],
    ['x.\u202eyaml', ['x.\u202eyaml', '']],
  ])('%j → %j', (name, parts) => expect(stemAndExtension(name)).toEqual(parts));
});

describe('safeName', () => {
  it.each([
    ['H3C-SE-204511', 'H3C-SE-204511'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'x'],
    ['', 'x'],
    ['a b\tc', 'a-b-c'],
    ['\u202egpj.exe', 'gpj.exe'],
    ['x'.repeat(200), 'x'.repeat(80)],
  ])('%j → %j', (given, safe) => expect(safeName(given)).toBe(safe));
});

/**
 * Reports from the command line: several formats from one run, files written
 * whole or not at all, lapse warnings, the text layout (verdict first,
 * --quiet, 80 columns, colour only where it belongs) and `starcheck rules`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/output.js';
import { runBin, runCli, scratchDirectory } from '../helpers.js';

const EXAMPLES = ['examples/four-star.yaml', 'examples/three-star.yaml', 'examples/two-star.yaml', 'examples/invalid.yaml'];
const ANSI = /\x1b\[/;

function scratch(): string {
  return scratchDirectory('reports');
}

/** Terminal columns a line takes: every character here is one column wide. */
function columns(line: string): number {
  return [...line.replace(/\x1b\[[0-9;]*m/g, '')].length;
}

describe('--format name=file, several in one run', () => {
  it('prints text and writes JUnit and SARIF files from the built binary', () => {
    const dir = scratch();
    const junit = join(dir, 'junit.xml');
    const sarif = join(dir, 'out.sarif');
    const { code, stdout, stderr } = runBin(['check', 'examples/three-star.yaml', '--require', 'four-star', '--format', 'text', '--format', `junit=${junit}`, '--format', `sarif=${sarif}`]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    // The verdict wraps at 80 columns; its continuation is indented by four.
    expect(stdout.replace(/\n {4}/g, ' ').split('\n')[0]).toBe('FAIL examples/three-star.yaml: three-star — 3 gaps to four-star (required: four-star)');
    expect(XMLValidator.validate(readFileSync(junit, 'utf8'))).toBe(true);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'out.sarif']);
  });

  it('never colours a file, even when stdout is a terminal', async () => {
    const dir = scratch();
    const file = join(dir, 'report.txt');
    const { stdout } = await runCli(['check', 'examples/three-star.yaml', '--format', `text=${file}`, '--format', 'markdown'], { isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(stdout.startsWith('## starcheck')).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toMatch(ANSI);
    expect(readFileSync(file, 'utf8')).toContain('PASS examples/three-star.yaml');
  });

  it('leaves an earlier report untouched, and no temporary file, when the run fails', async () => {
    const dir = scratch();
    const file = join(dir, 'junit.xml');
    writeFileSync(file, 'previous report');
    const { code, stderr } = await runCli(['check', 'examples/two-star.yaml', '--format', `junit=${file}`, '--require', 'five-star']);
    expect(code).toBe(3);
    expect(stderr).toContain('"five-star" is not a tier');
    expect(readFileSync(file, 'utf8')).toBe('previous report');
    expect(readdirSync(dir)).toEqual(['junit.xml']);
  });

  it('says so, exit 3, when an output file cannot be written, and leaves no temporary file', async () => {
    const dir = scratch();
    // A directory where the report should go: the rename onto it fails.
    mkdirSync(join(dir, 'report.csv'));
    const { code, stderr } = await runCli(['check', 'examples/two-star.yaml', '--format', `csv=${join(dir, 'report.csv')}`]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/cannot write .*report\.csv \(E[A-Z]+\)/);
    expect(stderr).not.toContain('internal error');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('refuses two formats on standard output', async () => {
    const { code, stderr } = await runCli(['check', 'examples/two-star.yaml', '--format', 'csv', '--format', 'sarif']);
    expect(code).toBe(3);
    expect(stderr).toContain('only one --format can print to standard output');
  });
});

describe('a standard with alternative paths', () => {
  const args = ['check', 'test/fixtures/dossiers/two-paths.yaml', '--standard', 'test/fixtures/standards/two-paths.yaml', '--require', 'gold'];

  it('counts no gap for the path a met tier did not take', async () => {
    const text = (await runCli([...args, '--format', 'text'])).stdout;
    expect(text).toContain('Gold (required) — met via project experience');
    expect(text).toMatch(/│ H3CSE or higher \[technical\] +│ 0 +│ 2 +│ – unmet │/);
    expect(text).not.toContain('✗');
    const junit = (await runCli([...args, '--format', 'junit'])).stdout;
    expect(junit).toContain('<testsuite name="test/fixtures/dossiers/two-paths.yaml" tests="4" failures="0" errors="0" skipped="1">');
    expect((await runCli([...args, '--format', 'csv'])).stdout).toContain(',gold,gold,true,0,');
    expect(JSON.parse((await runCli([...args, '--format', 'sarif'])).stdout).runs[0].results).toEqual([]);
  });

  it('counts the gaps to a tier by the path closest to being met', async () => {
    // Without the project, silver misses only the one H3CSE row of the technical path, or the project row.
    const { stdout } = await runCli(['check', '-', '--standard', 'test/fixtures/standards/two-paths.yaml', '--quiet'], {
      stdin: 'schemaVersion: 1\npartner: {name: P}\napplication: {date: 2026-12-01}\nengineers: [{id: A, name: Ann}]\nservicePlatform: {hotline: {phone: "1", hours: 5x8}}\n',
    });
    expect(stdout).toBe('FAIL <stdin>: no tier met — 1 gap to silver (required: silver)\n');
  });
});

describe('--warn-within', () => {
  it('warns by default about what lapses within 90 days, with the dossier line', async () => {
    const { stdout } = await runCli(['check', 'examples/four-star.yaml', '--format', 'json']);
    const [certificate, tier] = JSON.parse(stdout).dossiers[0].warnings;
    expect(certificate).toMatchObject({ code: 'certificate-lapses', path: '/engineers/0/certificates/0/expires', line: 24, column: 18 });
    expect(tier).toMatchObject({ code: 'tier-lapses' });
    expect(tier.message).toContain('Four-star is lost first');
  });

  it('widens or closes the window', async () => {
    const warnings = async (days: string) => JSON.parse((await runCli(['check', 'examples/three-star.yaml', '--warn-within', days, '--format', 'json'])).stdout).dossiers[0].warnings.length;
    expect(await warnings('0')).toBe(0);
    expect(await warnings('90')).toBe(0);
    expect(await warnings('365')).toBeGreaterThan(1);
  });

  it.each(['-1', 'soon', '1.5', '365000', '3651', '99999999999999999999'])('refuses %s with exit 3, giving the range', async (days) => {
    const { code, stderr } = await runCli(['check', 'examples/four-star.yaml', `--warn-within=${days}`]);
    expect(code).toBe(3);
    expect(stderr).toContain(`--warn-within "${days}" is not a whole number of days from 0 to 3650`);
  });

  it('takes ten years, the top of its range', async () => {
    expect((await runCli(['check', 'examples/four-star.yaml', '--warn-within', '3650'])).code).toBe(0);
  });
});

describe('text report', () => {
  it('puts the verdict first and the lapse warnings before the tables', async () => {
    const lines = (await runCli(['check', 'examples/four-star.yaml'])).stdout.split('\n');
    expect(lines[0]).toBe('PASS examples/four-star.yaml: four-star — the highest tier (required: four-star)');
    expect(lines[2]).toMatch(/^ {2}warning examples\/four-star\.yaml:24:18: engineer E01 \(Lee Wei Ming\),$/);
  });

  it('prints the verdict only with --quiet, and for a batch only the summary table, errors going to stderr', async () => {
    const one = await runCli(['check', EXAMPLES[0]!, '--quiet']);
    expect(one.stdout).toBe('PASS examples/four-star.yaml: four-star — the highest tier (required: four-star)\n');
    const { code, stdout, stderr } = await runCli(['check', ...EXAMPLES, '--quiet']);
    expect(code).toBe(2);
    expect(stdout.startsWith('Summary\n')).toBe(true);
    expect(stdout).not.toContain('gaps to');
    const rows = stdout.split('\n').filter((line) => line.includes('examples/'));
    expect(rows.map((row) => row.split('│').map((cell) => cell.trim()).slice(1, 5))).toEqual([
      ['examples/four-star.yaml', 'four-star', 'four-star', 'PASS'],
      ['examples/three-star.yaml', 'three-star', 'three-star', 'PASS'],
      ['examples/two-star.yaml', 'two-star', 'two-star', 'PASS'],
      ['examples/invalid.yaml', '–', '–', 'INVALID'],
    ]);
    expect(stderr.trimEnd().split('\n')).toHaveLength(4);
    expect(stderr).toContain('examples/invalid.yaml:19:18:');
  });

  it('fits an 80-column terminal, in colour too', async () => {
    for (const isTTY of [false, true]) {
      const { stdout } = await runCli(['check', ...EXAMPLES, '--as-of', '2027-04-01', '--warn-within', '365'], { isTTY });
      expect(stdout).toMatch(isTTY ? ANSI : /^[^\x1b]*$/);
      for (const line of stdout.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(80);
    }
  });
});

describe('useColor', () => {
  // Without --color or --no-color (undefined), the terminal and the environment decide; either flag decides alone.
  it.each([
    { flag: undefined, env: {}, tty: true, expected: true },
    { flag: undefined, env: {}, tty: false, expected: false },
    { flag: undefined, env: {}, tty: undefined, expected: false },
    { flag: false, env: {}, tty: true, expected: false },
    { flag: undefined, env: { NO_COLOR: '1' }, tty: true, expected: false },
    { flag: undefined, env: { NO_COLOR: '' }, tty: true, expected: true },
    { flag: undefined, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, tty: true, expected: false },
    { flag: false, env: { FORCE_COLOR: '1' }, tty: true, expected: false },
    { flag: undefined, env: { FORCE_COLOR: '1' }, tty: false, expected: true },
    { flag: undefined, env: { FORCE_COLOR: '0' }, tty: false, expected: false },
    { flag: undefined, env: { TERM: 'dumb' }, tty: true, expected: false },
    { flag: true, env: {}, tty: false, expected: true },
    { flag: true, env: { NO_COLOR: '1', TERM: 'dumb' }, tty: undefined, expected: true },
  ])('--color=$flag env=$env tty=$tty → $expected', ({ flag, env, tty, expected }) => {
    expect(useColor(flag, env, tty)).toBe(expected);
  });
});

describe('starcheck rules', () => {
  it('prints the classic matrix with tiers as columns, readings marked and listed, in 80 columns', async () => {
    const { code, stdout } = await runCli(['rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/│ Requirement +│ Four-star +│ Three-star +│ Two-star +│/);
    expect(stdout).toMatch(/│ Minimum certified personnel \[5\] +│ 4 +│ 3 +│ 2 +│/);
    expect(stdout).toContain('Readings of the source:\n[1] The page lost its check marks');
    for (const line of stdout.split('\n')) expect(columns(line), line).toBeLessThanOrEqual(80);
  });

  it('shows alternative paths together, each under its heading, with per-cell readings', async () => {
    const { stdout } = await runCli(['rules', '--standard', 'test/fixtures/standards/two-paths.yaml']);
    const order = ['Every path', 'Registered engineers', 'Path: technical certificates', 'H3CSE or higher', 'Or path: project experience', 'Delivered project [2]'].map((s) => stdout.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(stdout).toMatch(/│ Hotline hours +│ 7x24 +│ 5x8 \[1\] +│/);
    expect(stdout).toContain('[1] The silver cell is unreadable on the page; read as 5x8.');
    expect(stdout.replace(/\s+/g, ' ')).toContain('every row of at least one path is met');
  });

  it('prints markdown and json', async () => {
    const md = (await runCli(['rules', '--format', 'markdown'])).stdout;
    expect(md).toContain('| Requirement | Four-star | Three-star | Two-star |');
    const doc = JSON.parse((await runCli(['rules', '--standard', 'test/fixtures/standards/two-paths.yaml', '--format', 'json'])).stdout);
    expect(doc.paths.map((p: { id: string }) => p.id)).toEqual(['technical', 'experience']);
    expect(doc.requirements.find((r: { id: string }) => r.id === 'senior')).toMatchObject({ path: 'technical', need: { gold: 2, silver: 1 } });
  });

  it.each([
    [['rules', '--format', 'csv'], /unknown format "csv" for rules/],
    [['rules', '--standard', 'clasic'], /did you mean "classic"/],
  ])('%o exits 3', async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(3);
    expect(stderr).toMatch(message);
  });
});

describe('hostile dossiers, round two: the small ones', () => {
  it('writes --format json=- to standard output, as - means for a dossier, and no file named -', async () => {
    const { code, stdout } = await runCli(['check', 'examples/two-star.yaml', '--format', 'json=-']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).dossiers[0].file).toBe('examples/two-star.yaml');
    const { code: twice, stderr } = await runCli(['check', 'examples/two-star.yaml', '--format', 'json=-', '--format', 'text']);
    expect(twice).toBe(3);
    expect(stderr).toContain('only one --format can print to standard output');
  });

  it('refuses a current rating issued after the application date, located, exit 2', async () => {
    const dossier = readFileSync('examples/two-star.yaml', 'utf8').replace('  date: 2026-12-01\n', '  date: 2026-12-01\n  currentRating:\n    tier: two-star\n    issued: 2026-12-02\n');
    const { code, stdout } = await runCli(['check', '-', '--format', 'json'], { stdin: dossier });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).dossiers[0].errors).toEqual([
      expect.objectContaining({ code: 'rating-after-date', path: '/application/currentRating/issued', line: 16, column: 13 }),
    ]);
    // The day itself is fine.
    const sameDay = await runCli(['check', '-', '--format', 'json'], { stdin: dossier.replace('issued: 2026-12-02', 'issued: 2026-12-01') });
    expect(sameDay.code).toBe(0);
  });

  it.each([
    ['h3cne', true],
    ['H3cNe-Rs+', true],
    ['h3cs-ımc', false], // a dotless ı, which toUpperCase makes an I
    ['H3CNE-ſecurity', false], // a long s, which toUpperCase makes an S
    ['H3CNE\u212A', false],
  ])('matches certificate code %s by ASCII case folding only (%s)', async (type, known) => {
    const dossier = readFileSync('examples/two-star.yaml', 'utf8').replace('      - type: H3CNE\n', `      - type: ${JSON.stringify(type)}\n`);
    const { stdout } = await runCli(['check', '-', '--format', 'json'], { stdin: dossier });
    const errors = JSON.parse(stdout).dossiers[0].errors as Array<{ code: string }>;
    expect(errors.map((e) => e.code)).toEqual(known ? [] : ['unknown-certificate']);
  });
});

describe('-f and -o, as ESLint and Spectral take them', () => {
  it('takes -f for --format and -o for the file of the output that has none', async () => {
    const dir = scratchDirectory('output');
    const { code, stdout } = await runCli(['check', 'examples/two-star.yaml', '-f', 'json', '-o', join(dir, 'out.json')]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).dossiers[0].file).toBe('examples/two-star.yaml');
    // An output with a file of its own keeps it; -o - is standard output.
    await runCli(['check', 'examples/two-star.yaml', '-f', 'text', '-f', `csv=${join(dir, 'out.csv')}`, '-o', join(dir, 'out.txt')]);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toMatch(/^PASS examples\/two-star\.yaml/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toMatch(/^file,partner_id,partner,country,channel,standard/);
    expect(JSON.parse((await runCli(['check', 'examples/two-star.yaml', '-f', 'json', '-o', '-'])).stdout).summary.total).toBe(1);
  });
});

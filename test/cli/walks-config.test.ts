/**
 * Issue 16, points 9 to 11: what a batch skips (node_modules, --ignore,
 * files that are no dossiers), the CLI's manners, and the config file.
 * In-process through `main`, each in a scratch folder as its working
 * directory (where the config is looked for and --ignore starts); the paths
 * are given whole, as a run in-process reads them from the test's own folder.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../src/report/index.js';
import { CONFIG_FORMATS } from '../../src/schemas/config-schema.js';
import { findConfig } from '../../src/cli/config.js';
import { root, runCli, scratchDirectory } from '../helpers.js';

const EXAMPLE = join(root, 'examples/three-star.yaml');

/** The files of a JSON report, from `dir`. */
function filesIn(json: string, dir: string): string[] {
  return JSON.parse(json).dossiers.map((d: { file: string }) => (d.file.startsWith(`${dir}/`) ? d.file.slice(dir.length + 1) : d.file));
}

/** A project folder: one dossier, a package.json, a CI workflow, a broken YAML file and a node_modules full of YAML. */
function project(): string {
  const dir = scratchDirectory('walks');
  for (const folder of ['dossiers', 'node_modules/pkg', 'ci', 'fixtures']) mkdirSync(join(dir, folder), { recursive: true });
  copyFileSync(EXAMPLE, join(dir, 'dossiers/acme.yaml'));
  writeFileSync(join(dir, 'package.json'), '{"name": "x", "version": "1.0.0"}\n');
  writeFileSync(join(dir, 'ci/build.yml'), 'jobs:\n  build: {runs-on: ubuntu-latest}\n');
  writeFileSync(join(dir, 'fixtures/list.yaml'), '- partner\n- schemaVersion\n');
  writeFileSync(join(dir, 'fixtures/broken.yaml'), 'partner: [\n');
  writeFileSync(join(dir, 'node_modules/pkg/package.json'), '{"name": "pkg"}\n');
  writeFileSync(join(dir, 'node_modules/pkg/broken.yaml'), 'a: [\n');
  return dir;
}

describe('a walk skips what is not a dossier', () => {
  it('skips node_modules, and counts files with neither schemaVersion nor partner on one line; a broken file stays a row', async () => {
    const dir = project();
    const { code, stdout, stderr } = await runCli(['check', dir, '-f', 'json', '--no-config'], { cwd: dir });
    expect(code).toBe(2);
    const files = filesIn(stdout, dir);
    // package.json, ci/build.yml and fixtures/list.yaml (a list, not a mapping) are skipped; nothing from node_modules.
    expect(files).toEqual(['dossiers/acme.yaml', 'fixtures/broken.yaml']);
    expect(stderr.split('\n').filter((l) => l.includes('skipped'))).toEqual(['starcheck: 3 files skipped: not dossiers (neither schemaVersion nor partner at the top level)']);
    expect(stderr).toContain(`${dir}/fixtures/broken.yaml:2:1: `);
  });

  it('always checks a file named on the command line, dossier or not', async () => {
    const dir = project();
    const { code, stdout, stderr } = await runCli(['validate', join(dir, 'package.json'), join(dir, 'node_modules/pkg/package.json'), '--no-config'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toContain(`${dir}/package.json:1:1: the dossier is missing the required field "schemaVersion"`);
    expect(stdout).toContain(`${dir}/node_modules/pkg/package.json:1:1: `);
    expect(stderr).toBe('');
  });

  it('makes a directory of no dossiers a row, so nothing passes silently; validate skips alike', async () => {
    const dir = project();
    const checked = await runCli(['check', join(dir, 'ci'), '-q', '--no-config'], { cwd: dir });
    expect(checked.code).toBe(2);
    expect(checked.stderr).toContain('starcheck: 1 file skipped: not a dossier');
    expect(checked.stderr).toContain(`starcheck: ${dir}/ci: holds no dossier: 1 YAML or JSON file, none with schemaVersion or partner at the top level`);
    const validated = await runCli(['validate', dir, '--no-config'], { cwd: dir });
    expect(validated.code).toBe(2);
    expect(validated.stdout.split('\n').filter(Boolean).map((l) => l.split(':')[0])).toEqual([`${dir}/dossiers/acme.yaml`, `${dir}/fixtures/broken.yaml`]);
    expect(validated.stderr).toBe('starcheck: 3 files skipped: not dossiers (neither schemaVersion nor partner at the top level)\n');
  });

  it('leaves out --ignore globs: a slashless one at any depth, one with a slash from the working directory, a folder whole', async () => {
    const dir = project();
    copyFileSync(EXAMPLE, join(dir, 'fixtures/acme-copy.yaml'));
    const run = async (...ignore: string[]): Promise<string[]> => {
      const { stdout } = await runCli(['check', dir, '-f', 'json', '--no-config', ...ignore.flatMap((g) => ['--ignore', g])], { cwd: dir });
      return filesIn(stdout, dir);
    };
    expect(await run()).toEqual(['dossiers/acme.yaml', 'fixtures/acme-copy.yaml', 'fixtures/broken.yaml']);
    expect(await run('broken.yaml')).toEqual(['dossiers/acme.yaml', 'fixtures/acme-copy.yaml']);
    expect(await run('fixtures')).toEqual(['dossiers/acme.yaml']);
    // Everything ignored: the directory holds no dossier, a row of its own.
    expect(await run('fixtures/**', 'dossiers/*.yaml')).toEqual([dir]);
    // A file named outright is checked whatever is ignored; a glob's matches are ignored as a directory's are.
    const named = await runCli(['check', join(dir, 'fixtures/broken.yaml'), `${dir}/fixtures/*.yaml`, '-f', 'json', '--ignore', 'fixtures/**', '--no-config'], { cwd: dir });
    expect(filesIn(named.stdout, dir)).toEqual(['fixtures/broken.yaml', 'fixtures/*.yaml']);
  });
});

describe('CLI manners', () => {
  it('takes --no-color and --color in any position, on every command', async () => {
    for (const args of [['rules', '--no-color'], ['--no-color', 'rules'], ['schema', 'config', '--color'], ['init', '-', '--no-color'], ['validate', EXAMPLE, '--color']]) {
      const { code, stderr } = await runCli(args);
      expect({ args, code, stderr }).toEqual({ args, code: 0, stderr: '' });
    }
    const forced = await runCli(['check', EXAMPLE, '-q', '--color']);
    expect(forced.stdout).toMatch(/\x1b\[/);
    const never = await runCli(['--no-color', 'check', EXAMPLE, '-q'], { isTTY: true, env: { FORCE_COLOR: '1' } });
    expect(never.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes rules and validate with -f and -o, atomically, and validate prints annotations without tiers', async () => {
    const dir = scratchDirectory('manners');
    const rules = await runCli(['rules', '-f', 'json', '-o', join(dir, 'rules.json')]);
    expect(rules).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(dir, 'rules.json'), 'utf8')).standard).toHaveProperty('id', 'classic');
    const github = await runCli(['validate', EXAMPLE, 'examples/invalid.yaml', '-f', 'github', '--no-config']);
    expect(github.code).toBe(2);
    expect(github.stdout).toContain(`::notice file=${EXAMPLE.replace(/:/g, '%3A')},title=starcheck PASS::valid\n`);
    expect(github.stdout).toMatch(/^::error file=examples\/invalid.yaml,line=\d+,col=\d+,title=starcheck /m);
    expect(github.stdout).not.toMatch(/gap|tier|required/);
    const junit = await runCli(['validate', EXAMPLE, '-f', `junit=${join(dir, 'v.xml')}`, '-f', 'json', '--no-config']);
    expect(junit.code).toBe(0);
    expect(readFileSync(join(dir, 'v.xml'), 'utf8')).toMatch(/<testcase name="the dossier is valid" classname="starcheck.validation" file="[^"]+"\/>/);
    expect(JSON.parse(junit.stdout).dossiers[0]).toMatchObject({ valid: true, pass: true, tiers: [], requiredTier: null, errors: [] });
    const refused = await runCli(['validate', EXAMPLE, '-f', 'csv', '-o', join(dir, 'never.csv')]);
    expect(refused).toMatchObject({ code: 3, stderr: 'starcheck: unknown format "csv" — expected one of text, json, github, sarif, junit\n' });
    // Neither a failed run nor a refused one leaves a file, a partial one or a temporary one.
    const failed = await runCli(['rules', '--standard', 'nope', '-o', join(dir, 'never.txt')]);
    expect(failed.code).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['rules.json', 'v.xml']);
  });

  it('starts every diagnostic line with starcheck: or file:line:column:', async () => {
    const dir = scratchDirectory('manners');
    writeFileSync(join(dir, 'bad-standard.yaml'), 'id: x\ntitle: 3\n');
    const runs = await Promise.all([
      runCli(['check', '--bogus', EXAMPLE]),
      runCli(['rules', '--standard', 'clasic']),
      runCli(['check', EXAMPLE, '--standard', join(dir, 'bad-standard.yaml')]),
      runCli(['check', 'no-such.yaml', '-f', 'json']),
      runCli(['frobnicate']),
      runCli(['pack', 'examples/invalid.yaml', '-o', join(dir, 'never.zip')]),
      runCli(['validate', 'no-such.yaml', join(dir, 'bad-standard.yaml')]).then((r) => ({ ...r, stderr: r.stdout })),
    ]);
    for (const { code, stderr } of runs) {
      expect(code).toBeGreaterThan(1);
      for (const line of stderr.trimEnd().split('\n')) expect(line).toMatch(/^(starcheck: |[^:\s]+:\d+:\d+: )/);
    }
  });

  it('keeps help free of "(default: [])" noise and names the schema argument for what it takes', async () => {
    for (const command of ['check', 'validate', 'rules']) {
      const { stdout } = await runCli([command, '--help']);
      expect(stdout).not.toMatch(/\(default: (\[\]|false|"text")\)/);
      expect(stdout).toMatch(/-f, --format/);
      expect(stdout).toMatch(/-o, --output <file>/);
      expect(stdout).toContain('--no-color');
    }
    const check = (await runCli(['check', '--help'])).stdout;
    expect(check).toMatch(/--ignore <glob>/);
    expect(check).toMatch(/--config <file>/);
    expect(check).toMatch(/--no-config/);
    const schema = (await runCli(['schema', '--help'])).stdout;
    expect(schema).toContain('Usage: starcheck schema [options] [kind]');
    expect(schema).toContain('"dossier", "standard", "config"');
  });
});

describe('the config file', () => {
  /** A project with a config at its top and the example dossier inside, run from `sub`. */
  function configured(config: string): string {
    const dir = project();
    writeFileSync(join(dir, '.starcheck.yaml'), config);
    mkdirSync(join(dir, 'sub'));
    return dir;
  }

  it('is found upward from the working directory, and its values are defaults the command line overrides', async () => {
    const dir = configured('require: four-star\nwarnWithin: 0\nformats: [json]\nignore: [fixtures]\n');
    expect(findConfig(join(dir, 'sub'))).toBe(join(dir, '.starcheck.yaml'));
    const { code, stdout } = await runCli(['check', dir], { cwd: join(dir, 'sub') });
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(filesIn(stdout, dir)).toEqual(['dossiers/acme.yaml']);
    expect(json.dossiers[0].requiredTier).toBe('four-star');
    expect(json.dossiers[0].warnings).toEqual([]);
    const flags = await runCli(['check', join(dir, 'dossiers'), '--require', 'two-star', '-f', 'text', '-q'], { cwd: join(dir, 'sub') });
    expect(flags).toMatchObject({ code: 0, stdout: `PASS ${dir}/dossiers/acme.yaml: three-star — 3 gaps to four-star (required: two-star)\n` });
    // --ignore adds to the config's, from the working directory (a pattern never reaches above it); --no-config brings fixtures/broken.yaml back.
    expect(filesIn((await runCli(['check', dir, '--ignore', '**/acme.yaml'], { cwd: join(dir, 'sub') })).stdout, dir)).toEqual(['dossiers/acme.yaml']);
    expect(filesIn((await runCli(['check', dir, '--ignore', '**/acme.yaml'], { cwd: dir })).stdout, dir)).toEqual([dir]);
    expect((await runCli(['check', dir, '-q', '--no-config'], { cwd: join(dir, 'sub') })).code).toBe(2);
  });

  it('resolves its paths from its own folder, and --config names another file', async () => {
    const dir = configured('formats: [text, json=out/report.json]\n');
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'other.yaml'), 'standard: "2025"\nformats: [json]\n');
    const { code } = await runCli(['check', join(dir, 'dossiers'), '-q'], { cwd: join(dir, 'sub') });
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')).dossiers).toHaveLength(1);
    const other = await runCli(['check', join(dir, 'dossiers'), '--config', 'other.yaml'], { cwd: dir });
    expect(JSON.parse(other.stdout).dossiers[0].standard).toBe('2025');
    // A standard file the config names is found from the config's folder, whatever the working directory.
    mkdirSync(join(dir, 'std'));
    copyFileSync(join(root, 'src/standards/2025.yaml'), join(dir, 'std/ours.yaml'));
    writeFileSync(join(dir, 'std.yaml'), 'standard: std/ours.yaml\nformats: [json]\n');
    const file = await runCli(['check', join(dir, 'dossiers'), '--config', '../std.yaml'], { cwd: join(dir, 'sub') });
    expect(JSON.parse(file.stdout).dossiers[0].standard).toBe('2025');
  });

  it('passes tiers through as the --tiers option value', async () => {
    const dir = configured('tiers: [three-star, four-star]\n');
    const { Command } = await import('commander');
    const { applyConfig } = await import('../../src/cli/config.js');
    const command = new Command('check').option('--config <file>').option('--no-config');
    command.parse([], { from: 'user' });
    applyConfig(command, dir);
    expect(command.opts()).toMatchObject({ tiers: 'three-star,four-star' });
    expect(command.getOptionValueSource('tiers')).toBe('config');
  });

  it('reports a mistake as file:line:column, exit 3', async () => {
    const dir = configured('require: 3\nformats:\n  - jsn\nwarnWithin: 9999\ncolour: true\n');
    const { code, stdout, stderr } = await runCli(['check', join(dir, 'dossiers')], { cwd: dir });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['.starcheck.yaml:1:10', '.starcheck.yaml:3:5', '.starcheck.yaml:4:13', '.starcheck.yaml:5:1']);
    expect(stderr).toContain('unknown field "colour"');
    // A glob whose matching could take minutes on a long name (picomatch backtracks) is refused, at its place.
    const slow = configured('ignore:\n  - fixtures/**\n  - "*a*a*a*b"\n');
    expect(await runCli(['check', join(slow, 'dossiers')], { cwd: slow })).toMatchObject({
      code: 3,
      stderr: '.starcheck.yaml:3:5: ignore.1 "*a*a*a*b": at most two * in one path segment (more makes matching slow on long names)\n',
    });
    expect((await runCli(['check', join(slow, 'dossiers'), '--no-config', '--ignore', '**/x*y*z*'], { cwd: slow })).stderr).toBe(
      'starcheck: --ignore "**/x*y*z*": at most two * in one path segment (more makes matching slow on long names)\n',
    );
    const typo = configured('standard: clasic\n');
    expect(await runCli(['check', join(typo, 'dossiers')], { cwd: typo })).toMatchObject({ code: 3, stderr: 'starcheck: clasic: no standard "clasic" — did you mean "classic"?\n' });
    const broken = configured('formats: [json\n');
    expect(await runCli(['validate', join(broken, 'dossiers')], { cwd: broken })).toMatchObject({ code: 3, stdout: '' });
  });

  it('is hostile input too: a FIFO or directory found by searching is refused, never waited on; an empty one is no defaults', async () => {
    const dir = project();
    mkdirSync(join(dir, '.starcheck.yaml'));
    const folder = await runCli(['check', join(dir, 'dossiers'), '-q'], { cwd: dir });
    expect(folder).toMatchObject({ code: 3, stderr: 'starcheck: .starcheck.yaml: is a directory\n' });
    const fifo = project();
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [join(fifo, '.starcheck.yaml')]);
    const piped = await runCli(['check', join(fifo, 'dossiers'), '-q'], { cwd: fifo });
    expect(piped.code).toBe(3);
    expect(piped.stderr).toMatch(/^starcheck: \.starcheck\.yaml: not a regular file/);
    const empty = configured('# nothing yet\n');
    expect((await runCli(['check', join(empty, 'dossiers'), '-q'], { cwd: empty })).code).toBe(0);
    const huge = configured(`ignore:\n${'  - x\n'.repeat(200_000)}`);
    expect((await runCli(['check', join(huge, 'dossiers'), '-q'], { cwd: huge })).stderr).toMatch(/^starcheck: \.starcheck\.yaml: the file \(\d+ bytes\) is over the 1 MiB limit/);
  });

  it('has a schema whose formats are the report registry', () => {
    expect([...CONFIG_FORMATS]).toEqual(Object.keys(formatters));
  });
});

describe('the pre-commit hook', () => {
  it('runs starcheck check on files named as the README recommends', async () => {
    const { parse } = await import('yaml');
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, string>>;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'starcheck', language: 'node', entry: 'starcheck check' });
    const files = new RegExp(hooks[0]!.files!);
    const taken = ['acme.dossier.yaml', 'partners/acme.dossier.yml', 'acme.dossier.json', 'dossiers/acme.yaml', 'review/dossiers/2026/acme.json'];
    const left = ['acme.yaml', 'package.json', 'dossier.yaml.bak', 'my-dossiers/acme.yaml', 'dossiers/readme.md', '.github/workflows/ci.yml'];
    expect(taken.filter((f) => files.test(f))).toEqual(taken);
    expect(left.filter((f) => files.test(f))).toEqual([]);
  });
});

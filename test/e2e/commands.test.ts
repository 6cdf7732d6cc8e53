/** validate, init and schema, and the internal-error contract of main. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { dossierTemplate, schemaLink } from '../../src/cli/commands/init.js';
import { root, runBin, runCli, scratchDirectory } from '../helpers.js';

const temporary = (): string => scratchDirectory('cmd');

describe('starcheck validate', () => {
  it('says each valid dossier is valid, with exit 0', async () => {
    const { code, stdout } = await runCli(['validate', 'examples/four-star.yaml', 'examples/three-star.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe('examples/four-star.yaml: valid (classic standard)\nexamples/three-star.yaml: valid (classic standard)\n');
  });

  it('prints one file:line:column line per error, with exit 2, and does not evaluate', async () => {
    const { code, stdout } = await runCli(['validate', 'examples/invalid.yaml', 'examples/two-star.yaml', '--quiet']);
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^examples\/invalid\.yaml:\d+:\d+: \S/);
    expect(stdout).toContain('examples/invalid.yaml:21:5: unknown field "nmae" in engineer S2 — did you mean "name"?');
    expect(stdout).toContain('examples/invalid.yaml:23:15: engineer S2: certificate type "H3C-SE-RS" is unknown to the classic standard — did you mean "H3CSE-RS"?');
    expect(stdout).not.toMatch(/tier|gap/i);
  });

  it('reads standard input and names missing files', async () => {
    const piped = await runCli(['validate', '-'], { stdin: 'schemaVersion: 1\npartner: {name: P}\nengineers: [{id: a}]\n' });
    expect(piped).toMatchObject({ code: 2, stdout: '<stdin>:3:13: engineer a is missing the required field "name"\n' });
    const missing = await runCli(['validate', 'no-such.yaml']);
    // Without a place in a file, a problem line starts with "starcheck:".
    expect(missing).toMatchObject({ code: 2, stdout: 'starcheck: no-such.yaml: no such file\n' });
  });

  it('expands directories and globs as check does, and an unmatched glob is an error', async () => {
    const { code, stdout } = await runCli(['validate', 'examples', 'no-such-*.yaml', '--quiet']);
    expect(code).toBe(2);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.every((l) => l.startsWith('examples/invalid.yaml:') || l === 'starcheck: no-such-*.yaml: glob matches no file')).toBe(true);
    expect(lines.at(-1)).toBe('starcheck: no-such-*.yaml: glob matches no file');
    expect((await runCli(['validate', 'examples/four-star.yaml', 'examples/t*-star.yaml'])).stdout).toBe(
      ['four-star', 'three-star', 'two-star'].map((n) => `examples/${n}.yaml: valid (classic standard)\n`).join(''),
    );
  });

  it('exits 3 for an unknown standard, before reading any dossier', async () => {
    const { code, stderr } = await runCli(['validate', 'examples/four-star.yaml', '--standard', 'clasic']);
    expect(code).toBe(3);
    expect(stderr).toContain('did you mean "classic"?');
  });

  it('works through the binary, with no stack trace', () => {
    const { code, stdout, stderr } = runBin(['validate', 'examples/invalid.yaml']);
    expect(code).toBe(2);
    expect(stdout.split('\n')[0]).toBe('examples/invalid.yaml:19:18: engineer S1 (Grace Ong), certificate 1 (H3CSE-R&S): expires is "2027-02-30", not a calendar date, write YYYY-MM-DD');
    expect(stderr).toBe('');
  });
});

describe('starcheck init', () => {
  it('writes a template that passes validate and opens with the schema link', async () => {
    const dir = temporary();
    const file = join(dir, 'mine.yaml');
    const { code, stderr } = await runCli(['init', file]);
    expect(code).toBe(0);
    expect(stderr).toContain(`starcheck: wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    const link = text.split('\n')[0]!.match(/^# yaml-language-server: \$schema=(.+)$/)?.[1];
    expect(link).toBeDefined();
    expect(readFileSync(link!.startsWith('/') ? link! : join(dir, link!), 'utf8')).toBe(readFileSync(join(root, 'schemas', 'dossier.schema.json'), 'utf8'));
    expect(await runCli(['validate', file])).toMatchObject({ code: 0, stdout: `${file}: valid (classic standard)\n` });
  });

  it('writes a JSON dossier for a .json file, the same data as the YAML template, which validates', async () => {
    const dir = temporary();
    const file = join(dir, 'mine.json');
    expect((await runCli(['init', file])).code).toBe(0);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(json)[0]).toBe('$schema');
    expect(readFileSync(json.$schema.startsWith('/') ? json.$schema : join(dir, json.$schema), 'utf8')).toBe(readFileSync(join(root, 'schemas', 'dossier.schema.json'), 'utf8'));
    const yamlFile = join(dir, 'mine.yaml');
    expect((await runCli(['init', yamlFile])).code).toBe(0);
    const { $schema: _link, ...data } = json;
    expect(data).toEqual(parse(readFileSync(yamlFile, 'utf8')));
    expect(await runCli(['validate', file])).toMatchObject({ code: 0, stdout: `${file}: valid (classic standard)\n` });
    const verdicts = async (f: string): Promise<unknown> => JSON.parse((await runCli(['check', f, '--format', 'json'])).stdout).dossiers[0].tiers.map((t: { id: string; met: boolean }) => [t.id, t.met]);
    expect(await verdicts(file)).toEqual(await verdicts(yamlFile));
  });

  it('links the schema relative to the dossier when it lies below it', () => {
    expect(schemaLink(root)).toBe('schemas/dossier.schema.json');
    expect(dossierTemplate('schemas/dossier.schema.json').startsWith('# yaml-language-server: $schema=schemas/dossier.schema.json\n')).toBe(true);
  });

  it('never overwrites a file: exit 3, the file untouched, no temporary left', async () => {
    const dir = temporary();
    const file = join(dir, 'dossier.yaml');
    writeFileSync(file, 'mine\n');
    const { code, stderr } = await runCli(['init', file]);
    expect(code).toBe(3);
    expect(stderr).toBe(`starcheck: ${file} already exists; init never overwrites a file — name another file, or "-" for standard output\n`);
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(existsSync(dir) && readFileSync(file, 'utf8')).toBe('mine\n');
    expect((await import('node:fs')).readdirSync(dir)).toEqual(['dossier.yaml']);
  });

  it('says why it cannot write, with exit 3', async () => {
    const file = join(temporary(), 'no', 'such', 'dir', 'dossier.yaml');
    const { code, stderr } = await runCli(['init', file]);
    expect(code).toBe(3);
    expect(stderr).toBe(`starcheck: cannot write ${file}: its directory does not exist\n`);
  });

  it('writes to standard output with -, and the output validates', async () => {
    const { code, stdout } = await runCli(['init', '-']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# yaml-language-server: $schema=schemas/dossier.schema.json\n')).toBe(true);
    expect(await runCli(['validate', '-'], { stdin: stdout })).toMatchObject({ code: 0 });
  });
});

describe('starcheck schema', () => {
  it('prints the published schemas byte for byte', async () => {
    for (const [args, file] of [
      [['schema'], 'dossier.schema.json'],
      [['schema', 'dossier'], 'dossier.schema.json'],
      [['schema', 'standard'], 'standard.schema.json'],
      [['schema', 'config'], 'config.schema.json'],
    ] as const) {
      const { code, stdout } = await runCli([...args]);
      expect(code).toBe(0);
      expect(stdout).toBe(readFileSync(join(root, 'schemas', file), 'utf8'));
    }
  });

  it('refuses an unknown schema name with exit 3', async () => {
    const { code, stderr } = await runCli(['schema', 'dosier']);
    expect(code).toBe(3);
    expect(stderr).toMatch(/^starcheck: .*Allowed choices are dossier, standard, config/);
  });

  it('gives every field a title, a description and examples, so editor tooltips teach the format', () => {
    const missing: string[] = [];
    const walk = (schema: unknown, at: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      if (Array.isArray(schema)) return schema.forEach((s, i) => walk(s, `${at}[${i}]`));
      const node = schema as Record<string, unknown>;
      for (const [name, sub] of Object.entries((node.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
        for (const key of ['title', 'description', 'examples']) if (!(key in sub)) missing.push(`${at}.${name} has no ${key}`);
        walk(sub, `${at}.${name}`);
      }
      for (const key of ['items', 'additionalProperties', 'oneOf', 'anyOf']) walk(node[key], `${at}.${key}`);
    };
    for (const file of ['dossier.schema.json', 'standard.schema.json', 'config.schema.json']) walk(JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')), file);
    expect(missing).toEqual([]);
  });
});

describe('internal errors', () => {
  const failingIo = (stderr: { text: string }) => ({
    stdout: {
      write: () => {
        throw new TypeError('stdout exploded');
      },
    },
    stderr: { write: (s: string) => (stderr.text += s) },
    stdin: (async function* () {})(),
    env: {},
    now: () => new Date('2026-12-01T00:00:00Z'),
    cwd: root,
  });

  it('are reported as bugs with exit 3, the stack hidden', async () => {
    const stderr = { text: '' };
    const code = await main(['check', 'examples/four-star.yaml'], failingIo(stderr));
    expect(code).toBe(3);
    expect(stderr.text).toBe(
      'starcheck: internal error: stdout exploded\nstarcheck: this is a bug in starcheck; please report it with the input that caused it. (--verbose shows the stack)\n',
    );
  });

  it('show the stack with --verbose', async () => {
    const stderr = { text: '' };
    const code = await main(['check', 'examples/four-star.yaml', '--verbose'], failingIo(stderr));
    expect(code).toBe(3);
    expect(stderr.text).toContain('please report');
    expect(stderr.text).toMatch(/TypeError: stdout exploded\n\s+at /);
  });
});

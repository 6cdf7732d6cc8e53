/**
 * Golden files: every format over every example, and `rules` over the
 * shipped and a path-using standard, compared byte for byte. After a
 * deliberate change of output, regenerate them with
 *
 *   UPDATE_GOLDEN=1 npx vitest run --config test/vitest.config.ts test/report/golden.test.ts
 *
 * and review the diff. The date is fixed with --as-of, so the files do not
 * age.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers.js';

const GOLDEN = `${root}test/fixtures/golden/`;
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const AS_OF = '2026-12-01';

const EXTENSIONS: Record<string, string> = {
  text: 'txt',
  json: 'json',
  markdown: 'md',
  junit: 'junit.xml',
  sarif: 'sarif',
  github: 'github.txt',
  csv: 'csv',
  html: 'html',
  ics: 'ics',
};

const examples = readdirSync(`${root}examples`)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

function compare(name: string, actual: string): void {
  const file = `${GOLDEN}${name}`;
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${name} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden reports', () => {
  it('covers the examples', () => {
    expect(examples).toEqual(expect.arrayContaining(['four-star', 'three-star', 'two-star', 'invalid', 'rated-partner']));
  });

  for (const example of examples) {
    for (const [format, extension] of Object.entries(EXTENSIONS)) {
      it(`${example} as ${format}`, async () => {
        const { stdout } = await runCli(['check', `examples/${example}.yaml`, '--as-of', AS_OF, '--format', format]);
        compare(`${example}.${extension}`, stdout);
      });
    }
  }
});

describe('golden rules', () => {
  const standards = { classic: 'classic', '2025': '2025', 'two-paths': 'test/fixtures/standards/two-paths.yaml' };
  for (const [name, standard] of Object.entries(standards)) {
    for (const [format, extension] of [['text', 'txt'], ['markdown', 'md'], ['json', 'json']] as const) {
      it(`rules of ${name} as ${format}`, async () => {
        const { stdout, code } = await runCli(['rules', '--standard', standard, '--format', format]);
        expect(code).toBe(0);
        compare(`rules-${name}.${extension}`, stdout);
      });
    }
  }
});

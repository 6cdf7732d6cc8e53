/**
 * A user's standard file gets the same care as a dossier, with exit 3: every
 * problem on its own line with file:line:column, did-you-mean for unknown
 * codes and categories, and cycles in `replaces` pointed at.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, scratchDirectory } from '../helpers.js';

const classic = readFileSync(join(root, 'src', 'standards', 'classic.yaml'), 'utf8');
const dir = scratchDirectory('standard');
let count = 0;

/** The classic standard with one edit, written to a file of its own. */
function standardWith(from: string, to: string): string {
  expect(classic).toContain(from);
  const file = join(dir, `standard-${++count}.yaml`);
  writeFileSync(file, classic.replace(from, to));
  return file;
}

/** Line of the first occurrence of `text` in the classic standard (1-based). */
function lineOf(text: string): number {
  return classic.slice(0, classic.indexOf(text)).split('\n').length;
}

async function checkWith(file: string): Promise<{ code: number; lines: string[] }> {
  const { code, stdout, stderr } = await runCli(['check', 'examples/four-star.yaml', '--standard', file]);
  expect(stdout).toBe('');
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
  return { code, lines: stderr.trimEnd().split('\n') };
}

describe('--standard with a broken file: exit 3, located', () => {
  it('names an unknown certificate in replaces, with a did-you-mean', async () => {
    const file = standardWith('replaces: [H3CSE-RS]', 'replaces: [H3CSE-R5]');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toEqual([`${file}:${lineOf('replaces: [H3CSE-RS]')}:16: certificate "H3CSE-R5" is not in the catalogue — did you mean "H3CSE-RS"?`]);
  });

  it('names an unknown certificate a requirement accepts', async () => {
    const file = standardWith('accepts: [PMP, H3CNE-PM]', 'accepts: [PMP, H3CNE-PN]');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toEqual([`${file}:${lineOf('accepts: [PMP, H3CNE-PM]')}:20: certificate "H3CNE-PN" is not in the catalogue — did you mean "H3CNE-PM"?`]);
  });

  it('names an unknown lab category, in satisfies and in a requirement', async () => {
    const once = standardWith('satisfies: [router]', 'satisfies: [ruoter]');
    const first = await checkWith(once);
    expect(first.code).toBe(3);
    expect(first.lines).toEqual([`${once}:${lineOf('satisfies: [router]')}:17: lab category "ruoter" is not defined — did you mean "router"?`]);
    const twice = standardWith('category: l3-switch', 'category: l3switch');
    const second = await checkWith(twice);
    expect(second.lines).toEqual([`${twice}:${lineOf('category: l3-switch')}:15: lab category "l3switch" is not defined — did you mean "l3-switch"?`]);
  });

  it('insists on project levels lowest first, as a higher one satisfies a lower need', async () => {
    const file = standardWith('minListPriceUsd: 1000000 }', 'minListPriceUsd: 50000 }');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${file}:${lineOf('minListPriceUsd: 1000000 }')}:`);
    expect(lines[0]).toContain('project levels go lowest first: "major" must start above "basic" (USD 100000)');
  });

  it('points at a cycle in replaces', async () => {
    const file = standardWith('  - code: H3CNE\n    name: H3C Certified Network Engineer\n', '  - code: H3CNE\n    name: H3C Certified Network Engineer\n    replaces: [H3CIE-RS]\n');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${file}:${lineOf('  - code: H3CNE') + 2}:15: "replaces" goes round in a cycle: H3CNE → H3CIE-RS → H3CSE-RS → H3CNE$`));
  });

  it('lists schema errors one a line, with the field and its location', async () => {
    const file = standardWith('validityMonths: 3', 'validityMonths: three\nratingValidityYear: 1');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toEqual([
      `${file}:${lineOf('validityMonths: 3')}:17: validityMonths must be a whole number, not "three"`,
      `${file}:${lineOf('validityMonths: 3') + 1}:1: unknown field "ratingValidityYear" in the standard — did you mean "ratingValidityYears"?`,
    ]);
  });

  it('bounds the validity margin, so no date the engine computes leaves the calendar', async () => {
    const file = standardWith('validityMonths: 3', 'validityMonths: 99999');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toEqual([`${file}:${lineOf('validityMonths: 3')}:17: validityMonths is 99999; it must be at most 120`]);
  });

  it('suggests the kind of a requirement row', async () => {
    const file = standardWith('kind: personnel', 'kind: personel');
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toEqual([`${file}:${lineOf('kind: personnel')}:11: requirements.4.kind is "personel", not one of certificates, personnel, lab, platform, projects, credits, training — did you mean "personnel"?`]);
  });

  it('explains a need that is neither a level nor true', async () => {
    const from = classic.match(/need: \{ four-star: true[^}]*\}/)![0];
    const file = standardWith(from, from.replace('four-star: true', 'four-star: 5'));
    const { code, lines } = await checkWith(file);
    expect(code).toBe(3);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/need.four-star is 5; expected a string or true$/);
  });

  it('reports syntax errors and unreadable files with exit 3', async () => {
    const broken = standardWith('tiers:\n', 'tiers:\n  bad: [\n');
    expect((await checkWith(broken)).code).toBe(3);
    expect((await checkWith(broken)).lines[0]).toMatch(new RegExp(`^${broken}:\\d+:\\d+: YAML syntax`));
    const missing = await runCli(['check', 'examples/four-star.yaml', '--standard', 'clasic']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe('starcheck: clasic: no standard "clasic" — did you mean "classic"?\n');
  });
});

/**
 * Bounded work against hostile standards and dossiers (issue 14): each case
 * of hostile-inputs.mjs, as large as the 1 MiB limit allows, ends in a
 * correct result or a specific limit error. Outcomes only; the time and
 * memory of each case are measured by test/bench/hostile.mjs.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCatalogue, StandardCatalogueError } from '../../src/core/catalogue.js';
import { evaluate } from '../../src/core/evaluate.js';
import { crossCheck, type Claims } from '../../src/core/integrity.js';
import type { Dossier, Standard } from '../../src/core/model.js';
import { NAMED_IN_GAP } from '../../src/core/words.js';
import { MAX_ERRORS } from '../../src/core/findings.js';
import { readSource } from '../../src/load/read.js';
import { checkText } from '../../src/check/dossier.js';
import { STANDARD_LIMITS } from '../../src/schemas/standard-schema.js';
import { root, runCli } from '../helpers.js';
import * as hostile from './hostile-inputs.mjs';

// Each case is a megabyte checked in full; a loaded machine needs more than vitest's five seconds (a guard, not a measure).
const GUARD = { timeout: 120_000 };
const dir = mkdtempSync(join(tmpdir(), 'starcheck-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a case into a folder of its own and checks its dossier as `check` does. */
function check(made: hostile.HostileCase) {
  const folder = join(dir, made.case);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(made.files)) writeFileSync(join(folder, name), text);
  const file = join(folder, 'dossier.yaml');
  return checkText(file, readSource(file), { today: '2026-01-01' });
}

describe('a 1 MiB standard beyond the schema bounds is refused at the list that is too long', GUARD, () => {
  it.each([
    ['the longest replaces chain', hostile.replacesChain, 'certificates', STANDARD_LIMITS.certificates],
    ['the widest replaces fan', hostile.replacesFan, 'certificates.0.replaces', STANDARD_LIMITS.links],
    ['the deepest satisfies chain', hostile.satisfiesChain, 'labCategories', STANDARD_LIMITS.labCategories],
    ['a certificate of 136,000 aliases', hostile.aliasCatalogue, 'certificates.0.aliases', STANDARD_LIMITS.aliases],
    ['22,000 tiers every row needs', hostile.tierGrid, 'tiers', STANDARD_LIMITS.tiers],
  ])('%s', (_name, make, where, limit) => {
    const made = make();
    const report = check(made);
    expect(report.valid).toBe(false);
    expect(new Set(report.errors.map((e) => e.code))).toEqual(new Set(['too-many-items']));
    const error = report.errors.find((e) => e.message.includes(`application.standard "standard.yaml": ${where} lists`));
    expect(error?.message).toContain(`at most ${limit} are allowed`);
    expect(error?.line).toBe(3);
  });
});

/** A standard of `certificates` and one row accepting C0, built without the schema: the catalogue's own bounds. */
function chainStandard(certificates: Standard['certificates'], labCategories: Standard['labCategories'] = [{ id: 'L0', name: 'l' }]): Standard {
  return {
    id: 'chain',
    title: 'Chain',
    certificates,
    labCategories,
    tiers: [{ id: 't', name: 'T' }],
    requirements: [
      { id: 'r', kind: 'certificates', label: 'R', accepts: ['C0'], need: { t: 1 } },
      { id: 'l', kind: 'lab', label: 'L', category: 'L0', need: { t: 2 } },
    ],
  } as Standard;
}

function oneCertificate(type: string, lab: string): Dossier {
  return {
    schemaVersion: 1,
    partner: { name: 'P' },
    engineers: [{ id: 'E', name: 'E', certificates: [{ type, expires: '2030-01-01' }] }],
    lab: [{ category: lab, model: 'M', quantity: 2 }],
  } as Dossier;
}

describe('a standard within the bounds with 25,000 unknown references', GUARD, () => {
  it('lists the first MAX_ERRORS and counts the rest', () => {
    const certificates = Array.from({ length: 500 }, (_, i) => ({ code: `C${i}`, name: 'c', replaces: Array.from({ length: 50 }, (_, j) => `U${i}x${j}`) }));
    let error: unknown;
    try {
      buildCatalogue(chainStandard(certificates));
    } catch (thrown) {
      error = thrown;
    }
    const problems = (error as StandardCatalogueError).problems;
    expect(problems).toHaveLength(MAX_ERRORS + 1);
    expect(problems[0]).toMatchObject({ path: '/certificates/0/replaces/0', message: 'certificate "U0x0" is not in the catalogue' });
    expect(problems[MAX_ERRORS]).toEqual({ path: '', message: `… and ${500 * 50 - MAX_ERRORS} more problems; fix these first` });
  });
});

describe('the catalogue follows long chains without closing them', GUARD, () => {
  const n = 30_000;
  const chain = Array.from({ length: n }, (_, i) => ({ code: `C${i}`, name: 'c', ...(i > 0 ? { replaces: [`C${i - 1}`] } : {}) }));
  const labChain = Array.from({ length: n }, (_, i) => ({ id: `L${i}`, name: 'l', ...(i > 0 ? { satisfies: [`L${i - 1}`] } : {}) }));

  it('a certificate at the top of a 30,000-step replaces chain fills a row of the bottom, and a lab unit likewise', () => {
    const catalogue = buildCatalogue(chainStandard(chain, labChain));
    const met = evaluate(oneCertificate(`C${n - 1}`, `L${n - 1}`), catalogue, '2026-01-01');
    expect(met.tiers[0]!.requirements.map((r) => [r.id, r.met])).toEqual([
      ['r', true],
      ['l', true],
    ]);
    // One step below the row's code stands for nothing it accepts.
    const below = buildCatalogue(chainStandard([...chain, { code: 'X', name: 'x' }]));
    expect(evaluate(oneCertificate('X', 'L0'), below, '2026-01-01').tiers[0]!.requirements[0]!.met).toBe(false);
  });

  it('a 30,000-step cycle is refused, named by its first steps', () => {
    const cycle = chain.map((c, i) => (i === 0 ? { ...c, replaces: [`C${n - 1}`] } : c));
    let error: unknown;
    try {
      buildCatalogue(chainStandard(cycle));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(StandardCatalogueError);
    const [problem] = (error as StandardCatalogueError).problems;
    expect(problem!.message).toMatch(/^"replaces" goes round in a cycle: C0 → C29999 → C29998 → .* → … \(30000 steps in all\) → C0$/);
    expect(problem!.message.length).toBeLessThan(200);
  });
});

describe('a 1 MiB dossier lists the first errors and counts the rest', GUARD, () => {
  it.each([
    ['70,000 misspelt keys', hostile.misspeltKeys, 'unknown-field', 0],
    ['22,000 unknown certificate codes', hostile.unknownCodes, 'unknown-certificate', 0],
    ['one certificate number on 18,000 certificates', hostile.duplicateNumbers, 'duplicate-certificate', 1],
    ['one engineer id on 49,000 engineers', hostile.duplicateIds, 'duplicate-engineer', 1],
  ])('%s', (_name, make, code, first) => {
    const made = make();
    const report = check(made);
    expect(report.valid).toBe(false);
    expect(report.errors).toHaveLength(MAX_ERRORS + 1);
    expect(new Set(report.errors.slice(0, MAX_ERRORS).map((e) => e.code))).toEqual(new Set([code]));
    const total = made.links - first;
    expect(report.errors[MAX_ERRORS]).toMatchObject({ code: 'too-many-errors', message: `… and ${total - MAX_ERRORS} more errors; fix these first` });
    // Listed in source order, each located.
    const lines = report.errors.slice(0, MAX_ERRORS).map((e) => e.line!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('thousands of certificates against the largest standard the bounds allow', GUARD, () => {
  it('are matched exactly on every tier, and each gap names at most ten of them', () => {
    const made = hostile.manySlots();
    const report = check(made);
    expect(report.valid).toBe(true);
    expect(report.tiers).toHaveLength(STANDARD_LIMITS.tiers);
    for (const tier of report.tiers) {
      const rows = tier.requirements.filter((r) => r.kind === 'certificates');
      expect(rows).toHaveLength(99);
      // Every plain row takes any certificate of its code or higher and needs more than there are: all of them fill a slot.
      expect(rows.reduce((sum, r) => sum + (r.have as number), 0)).toBe(made.links);
      for (const r of tier.requirements) expect((r.gap ?? '').split('. ').length).toBeLessThanOrEqual(NAMED_IN_GAP + 2);
    }
  });
});

describe('a batch with one hostile dossier reports the others', GUARD, () => {
  it.each([
    ['whose standard is a 1 MiB replaces chain', hostile.replacesChain],
    ['of 22,000 unknown codes', hostile.unknownCodes],
  ])('a dossier %s', async (_name, make) => {
    const made = make();
    const batch = join(dir, `batch-${made.case}`);
    mkdirSync(join(batch, 'hostile'), { recursive: true });
    for (const [name, text] of Object.entries(made.files)) writeFileSync(join(batch, 'hostile', name), text);
    for (const example of ['two-star.yaml', 'three-star.yaml', 'four-star.yaml']) cpSync(join(root, 'examples', example), join(batch, example));
    const run = await runCli(['check', join(batch, 'hostile', 'dossier.yaml'), batch, '--format', 'json']);
    expect(run.code).toBe(2);
    const dossiers = (JSON.parse(run.stdout) as { dossiers: Array<{ file: string; valid: boolean; pass: boolean }> }).dossiers;
    // The walk reads the standard beside the hostile dossier too, and skips it (no schemaVersion or partner): no trouble either.
    expect(dossiers.map((d) => [d.file.slice(batch.length + 1), d.valid, d.pass])).toEqual([
      ['hostile/dossier.yaml', false, false],
      ['four-star.yaml', true, true],
      ['three-star.yaml', true, true],
      ['two-star.yaml', true, true],
    ]);
    expect(run.stderr.includes('starcheck: 1 file skipped: not a dossier')).toBe('standard.yaml' in made.files);
  });
});

describe('a certificate number claimed by 3,000 dossiers', () => {
  it('is warned about in each, naming five of the others and counting the rest', () => {
    const files = Array.from({ length: 3000 }, (_, i) => `d${i}.yaml`);
    const claims: Claims[] = files.map((_, i) => ({ partner: `P${i}`, certificates: [{ value: 'N-1', engineer: 0, certificate: 0 }], emails: [{ value: 'a@x.example', engineer: 0 }] }));
    const warnings = crossCheck(files, claims);
    expect(warnings[0]!.map((w) => w.message)).toEqual([
      'certificate number "N-1" is also claimed in d1.yaml, d2.yaml, d3.yaml, d4.yaml, d5.yaml and 2994 more; a certificate counts for one partner only',
      'engineer e-mail "a@x.example" is also listed under another partner in d1.yaml (partner "P1"), d2.yaml (partner "P2"), d3.yaml (partner "P3"), d4.yaml (partner "P4"), d5.yaml (partner "P5") and 2994 more',
    ]);
    expect(warnings[2999]![0]!.message).toContain('claimed in d0.yaml, d1.yaml, d2.yaml, d3.yaml, d4.yaml and 2994 more');
  });
});

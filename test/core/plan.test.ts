/**
 * The plan: exactly the fewest actions that make a tier met. A brute force
 * over every action a partner could take, written here on its own, finds no
 * smaller plan, and carrying the plan out (applied here on its own, not by
 * the planner's applyPlan) makes the engine find the tier met.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/core/catalogue.js';
import { addMonths, addDays } from '../../src/core/dates.js';
import { evaluate, metTiers } from '../../src/core/evaluate.js';
import type { Dossier } from '../../src/core/model.js';
import { applyPlan, keepRenewals, planFor, type PlanAction } from '../../src/core/plan.js';
import { root, shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');
const std2025 = shippedCatalogue('2025');
const load = (file: string): Dossier => parse(readFileSync(join(root, file), 'utf8')) as Dossier;
const DATE = '2026-12-01';

/** An action as the test carries it out. */
type Step =
  | { kind: 'renew'; e: number; c: number }
  | { kind: 'add-certificate'; e: number; type: string }
  | { kind: 'add-engineer'; type: string | null }
  | { kind: 'add-lab'; category: string }
  | { kind: 'add-project'; price: number }
  | { kind: 'platform'; item: string; level?: string }
  | { kind: 'credits' }
  | { kind: 'training' };

function carryOut(dossier: Dossier, catalogue: Catalogue, steps: readonly Step[]): Dossier {
  const d = structuredClone(dossier) as Dossier & Record<string, any>;
  const good = (type: string) => ({ type, issued: DATE, expires: addMonths(DATE, catalogue.validityMonths + 1) });
  let n = 0;
  for (const s of steps) {
    if (s.kind === 'renew') d.engineers[s.e]!.certificates![s.c]!.expires = addMonths(DATE, catalogue.validityMonths + 1);
    else if (s.kind === 'add-certificate') (d.engineers[s.e]!.certificates ??= []).push(good(s.type));
    else if (s.kind === 'add-engineer') d.engineers.push({ id: `X${++n}`, name: 'x', ...(s.type !== null ? { certificates: [good(s.type)] } : {}) });
    else if (s.kind === 'add-lab') (d.lab ??= []).push({ category: s.category, model: 'm' });
    else if (s.kind === 'add-project') (d.projects ??= []).push({ name: 'p', listPriceUsd: s.price });
    else if (s.kind === 'platform') {
      if (s.item === 'serviceManager') d.serviceManager = { name: 'm' };
      else {
        d.servicePlatform ??= {};
        if (s.item === 'supportEmail') d.servicePlatform.supportEmail = 'a@b.example';
        if (s.item === 'hotline') d.servicePlatform.hotline = { phone: '1', ...(s.level ? { hours: s.level as '7x24' } : {}) };
        if (s.item === 'issueTracking') d.servicePlatform.issueTracking = { system: 's', handlingProcess: true, ...(s.level ? { mode: s.level as 'automatic' } : {}) };
      }
    } else if (s.kind === 'credits') {
      const earner = d.engineers.find((e) => e.leftOn === undefined || e.leftOn > DATE);
      if (earner) earner.credits = (earner.credits ?? 0) + 1_000_000;
    } else (d.training ??= []).push(...Array.from({ length: 50 }, () => ({ date: DATE, title: 't', kind: 'training' as const })));
  }
  return d;
}

/** The plan's actions as steps: what a partner reading the plan would do. */
function stepsOf(d: Dossier, actions: readonly PlanAction[]): Step[] {
  const index = (id: string | null) => d.engineers.findIndex((e) => e.id === id);
  return actions.map((a): Step => {
    switch (a.kind) {
      case 'renew-certificate': {
        const e = index(a.engineer);
        return { kind: 'renew', e, c: d.engineers[e]!.certificates!.findIndex((c, i) => i === a.certificateIndex) };
      }
      case 'add-certificate':
        return { kind: 'add-certificate', e: index(a.engineer), type: a.type ?? 'PMP' };
      case 'add-engineer':
        return { kind: 'add-engineer', type: a.type ?? 'PMP' };
      case 'add-lab':
        return { kind: 'add-lab', category: a.category! };
      case 'add-project':
        return { kind: 'add-project', price: a.level === 'major' ? 1_000_000 : 100_000 };
      case 'platform':
        return { kind: 'platform', item: a.item!, ...(a.itemLevel ? { level: a.itemLevel } : {}) };
      default:
        return { kind: a.kind };
    }
  });
}

/** Every single action a partner could take on this dossier, whatever the plan says. */
function everyAction(d: Dossier, catalogue: Catalogue): Step[] {
  const codes = catalogue.standard.certificates.map((c) => c.code);
  const steps: Step[] = [];
  d.engineers.forEach((e, i) => {
    if (e.leftOn !== undefined && e.leftOn <= DATE) return;
    (e.certificates ?? []).forEach((_, c) => steps.push({ kind: 'renew', e: i, c }));
    for (const type of codes) steps.push({ kind: 'add-certificate', e: i, type });
  });
  for (const type of [...codes, null]) steps.push({ kind: 'add-engineer', type });
  for (const category of catalogue.standard.labCategories ?? []) steps.push({ kind: 'add-lab', category: category.id });
  steps.push({ kind: 'add-project', price: 1_000_000 }, { kind: 'credits' }, { kind: 'training' });
  steps.push({ kind: 'platform', item: 'serviceManager' }, { kind: 'platform', item: 'supportEmail' });
  for (const level of ['7x24', undefined]) steps.push({ kind: 'platform', item: 'hotline', ...(level ? { level } : {}) });
  for (const level of ['automatic', undefined]) steps.push({ kind: 'platform', item: 'issueTracking', ...(level ? { level } : {}) });
  return steps;
}

/** Whether some multiset of `size` actions makes the tier met (adding never hurts, so exactly `size` covers fewer too). */
function someSmaller(d: Dossier, catalogue: Catalogue, tier: string, size: number): boolean {
  const all = everyAction(d, catalogue);
  const pick = (from: number, chosen: Step[]): boolean => {
    if (chosen.length === size) return metTiers(carryOut(d, catalogue, chosen), catalogue, DATE).has(tier);
    for (let i = from; i < all.length; i++) if (pick(i, [...chosen, all[i]!])) return true;
    return false;
  };
  return pick(0, []);
}

/** A dossier near a tier: a base with random losses. */
function nearDossier(base: Dossier) {
  const n = base.engineers.length;
  return fc
    .record({
      engineers: fc.array(fc.record({ lose: fc.constantFrom('keep', 'keep', 'left', 'expiring', 'none') }), { minLength: n, maxLength: n }),
      labDrop: fc.array(fc.boolean(), { minLength: (base.lab ?? []).length, maxLength: (base.lab ?? []).length }),
      noManager: fc.boolean(),
      smallProject: fc.boolean(),
      credits: fc.nat({ max: 300 }),
    })
    .map((m): Dossier => {
      const d = structuredClone(base) as Dossier;
      d.engineers.forEach((e, i) => {
        const lose = m.engineers[i]!.lose;
        if (lose === 'left') e.leftOn = addDays(DATE, -1);
        if (lose === 'expiring') for (const c of e.certificates ?? []) c.expires = addMonths(DATE, 2);
        if (lose === 'none') delete e.certificates;
        if (m.credits > 0 && i === 0) e.credits = m.credits;
      });
      if (d.lab) d.lab = d.lab.filter((_, i) => !m.labDrop[i]);
      if (m.noManager) delete d.serviceManager;
      if (m.smallProject && d.projects) d.projects = d.projects.map((p) => ({ ...p, listPriceUsd: 150_000 }));
      return d;
    });
}

function checkPlan(d: Dossier, catalogue: Catalogue, tier: string): void {
  const plan = planFor(d, catalogue, DATE, tier);
  if (metTiers(d, catalogue, DATE).has(tier)) {
    expect(plan).toBeNull();
    return;
  }
  expect(plan).not.toBeNull();
  expect(plan!.proven).toBe(true);
  expect(plan!.size).toBe(plan!.actions.length);
  expect(metTiers(carryOut(d, catalogue, stepsOf(d, plan!.actions)), catalogue, DATE).has(tier)).toBe(true);
  if (plan!.size <= 3) expect(someSmaller(d, catalogue, tier, plan!.size - 1)).toBe(false);
  // Each action fills the rows of the plan's path that the engine, asked afresh after each prefix of the plan, finds it met or raised.
  const rowsAfter = (k: number) =>
    evaluate(applyPlan(d, catalogue, DATE, plan!.actions.slice(0, k)), catalogue, DATE)
      .tiers.find((t) => t.id === tier)!
      .requirements.filter((r) => r.path === undefined || r.path === plan!.path);
  let before = rowsAfter(0);
  plan!.actions.forEach((action, i) => {
    const after = rowsAfter(i + 1);
    const raised = before.filter((r, j) => !r.met && (after[j]!.met || after[j]!.have !== r.have)).map((r) => r.id);
    expect([...action.fills].sort()).toEqual(raised.sort());
    before = after;
  });
}

describe('the plan is exactly smallest', () => {
  const bases: Array<[string, Catalogue, Dossier]> = [
    ['classic', classic, { ...load('examples/four-star.yaml'), application: { date: DATE } } as Dossier],
    ['classic', classic, load('examples/three-star.yaml')],
    ['2025', std2025, load('test/fixtures/dossiers/credits-partner.yaml')],
    ['2025', std2025, load('test/fixtures/dossiers/two-paths.yaml')],
  ];
  for (const [name, catalogue, base] of bases) {
    it(`no smaller plan exists, and carrying it out meets the tier (${name}, ${base.partner.name})`, () => {
      fc.assert(
        fc.property(nearDossier(base), fc.constantFrom(...catalogue.tierIds), (d, tier) => checkPlan(d, catalogue, tier)),
        { numRuns: 25, seed: 18 },
      );
    });
  }
});

describe('plans the greedy choice gets wrong', () => {
  const three = load('examples/three-star.yaml');

  it('three-star to four-star: renew Bo Lim’s PMP and add one special certificate, 2 actions', () => {
    const plan = planFor(three, classic, DATE, 'four-star')!;
    expect(plan).toMatchObject({ tier: 'four-star', path: null, size: 2, proven: true });
    expect(plan.actions.map((a) => [a.kind, a.engineer, a.type, a.fills])).toEqual([
      ['renew-certificate', 'E02', 'PMP', ['project-management-certificate', 'certified-personnel']],
      ['add-certificate', 'E01', 'H3CNE-SECURITY', ['special-certificates']],
    ]);
    expect(plan.actions[0]!.text).toBe(
      'Renew the PMP of Bo Lim (E02), which expires 2027-03-01, by 2026-12-01 to an expiry after 2027-03-01; it fills "PMP or H3CNE-PM" and "Minimum certified personnel".',
    );
    expect(plan.actions[1]!.text).toContain('H3CNE-SECURITY (or H3CNE-X86)');
  });

  it('one new engineer fills a certificate row and a personnel slot at once', () => {
    // Four engineers needed, three certified; the special row wants a second type: one new engineer with H3CNE-SECURITY does both.
    const d = structuredClone(three);
    d.engineers[1]!.certificates![0]!.expires = '2029-01-01';
    d.engineers.splice(3, 1);
    d.engineers[0]!.certificates!.push({ type: 'H3CS-IMC', expires: '2029-01-01' });
    const plan = planFor(d, classic, DATE, 'four-star')!;
    expect(plan.size).toBe(1);
    expect(plan.actions[0]).toMatchObject({ kind: 'add-engineer', type: 'H3CNE-SECURITY', fills: ['special-certificates', 'certified-personnel'] });
  });

  it('a high-end router fills the router slot: no router to buy for three-star', () => {
    const d = structuredClone(three);
    d.lab = d.lab!.filter((item) => item.category !== 'l3-switch');
    const plan = planFor(d, classic, DATE, 'three-star')!;
    expect(plan.actions.map((a) => [a.kind, a.category])).toEqual([['add-lab', 'l3-switch']]);
  });

  it('a renewal beats an addition when both cost one action', () => {
    const d = structuredClone(three);
    d.engineers[2]!.certificates![0]!.expires = '2027-01-15';
    const plan = planFor(d, classic, DATE, 'three-star')!;
    expect(plan.actions.map((a) => [a.kind, a.engineer, a.type])).toEqual([['renew-certificate', 'E03', 'H3CSE-RS']]);
  });

  it('with alternative paths, the path of the smaller plan is taken and named', () => {
    const d = load('test/fixtures/dossiers/credits-partner.yaml');
    for (const tier of std2025.tierIds) {
      const plan = planFor(d, std2025, DATE, tier);
      if (plan !== null) expect(['certificates', 'credits']).toContain(plan.path);
    }
  });
});

describe('renewals that keep a tier', () => {
  it('lists the fewest renewals, each due on the last day its certificate counts, in date order', () => {
    const keep = keepRenewals(load('examples/three-star.yaml'), classic, DATE, 'three-star', '2027-12-01');
    expect(keep.map(({ engineer, type, by }) => [engineer, type, by])).toEqual([
      ['E03', 'H3CSE-RS', '2027-06-09'],
      ['E01', 'H3CNE', '2027-10-14'],
    ]);
  });

  it('nothing when the tier holds through the horizon', () => {
    expect(keepRenewals(load('examples/three-star.yaml'), classic, DATE, 'three-star', '2027-06-09')).toEqual([]);
  });
});

/**
 * The classic standard's rules, as tables: each case is a dossier, an
 * application date and what the engine must conclude.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/core/catalogue.js';
import { evaluate, type Evaluation } from '../../src/core/evaluate.js';
import type { Dossier } from '../../src/core/model.js';
import { addMonths } from '../../src/core/dates.js';
import { dossier, engineer, shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');
const DATE = '2026-12-01';
const FAR = '2029-01-01';

function requirement(evaluation: Evaluation, tier: string, id: string) {
  const result = evaluation.tiers.find((t) => t.id === tier)?.requirements.find((r) => r.id === id);
  if (!result) throw new Error(`no requirement ${id} in ${tier}`);
  return result;
}

/** The slots a row has filled, for rows that count. */
function filled(evaluation: Evaluation, tierId: string, id: string): number {
  const have = requirement(evaluation, tierId, id).have;
  if (typeof have !== 'number') throw new Error(`${id} does not count slots`);
  return have;
}

function tier(evaluation: Evaluation, id: string) {
  return evaluation.tiers.find((t) => t.id === id)!;
}

/** Four engineers who together meet four-star, each certificate valid far ahead. */
function fourStarTeam(): Dossier['engineers'] {
  return [
    engineer('E01', [['H3CNE', FAR], ['H3CS-IMC', FAR]]),
    engineer('E02', [['H3CSE-RS', FAR]]),
    engineer('E03', [['PMP', FAR]]),
    engineer('E04', [['H3CNE-SECURITY', FAR]]),
  ];
}

describe('rule 1: a certificate counts only when it expires more than three months after the date', () => {
  it.each([
    // [application date, expiry, counts]
    ['2026-12-01', '2027-03-01', false], // exactly three months: not more than
    ['2026-12-01', '2027-03-02', true],
    ['2026-11-30', '2027-02-28', false], // month end clamps: 2026-11-30 + 3 months = 2027-02-28
    ['2026-11-30', '2027-03-01', true],
    ['2026-11-29', '2027-02-28', false],
    ['2027-11-30', '2028-02-29', false], // leap year: 2027-11-30 + 3 months = 2028-02-29
    ['2027-11-30', '2028-03-01', true],
    ['2027-11-29', '2028-02-29', false],
    ['2027-11-28', '2028-02-29', true],
    ['2026-12-01', '2026-11-30', false], // already expired
  ])('on %s a certificate expiring %s counts: %s', (date, expires, counts) => {
    const result = evaluate(dossier({ engineers: [engineer('E01', [['H3CNE', expires]])] }), classic, date);
    expect(requirement(result, 'two-star', 'basic-certificate').met).toBe(counts);
    expect(requirement(result, 'two-star', 'certified-personnel').have).toBe(counts ? 1 : 0);
  });

  it('does not count a certificate issued after the application date', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR, '2026-12-02']]), engineer('E02', [['H3CNE', FAR, '2026-12-01']])] });
    const result = evaluate(d, classic, DATE);
    expect(requirement(result, 'two-star', 'certified-personnel').have).toBe(1);
    expect(requirement(result, 'two-star', 'certified-personnel').gap).toContain('Engineer E01 (E01) holds no certificate that counts');
  });

  it('names the engineer, certificate and dates when an expiring certificate leaves a gap', () => {
    const team = fourStarTeam();
    team[2] = { id: 'E02B', name: 'Bo', certificates: [{ type: 'PMP', expires: '2027-03-01' }] } as Dossier['engineers'][number];
    const gap = requirement(evaluate(dossier({ engineers: team }), classic, DATE), 'four-star', 'project-management-certificate').gap;
    expect(gap).toContain('Bo (E02B): PMP expires 2027-03-01, not more than 3 months after 2026-12-01 — renew it or add another PMP or H3CNE-PM holder');
  });
});

describe('rule 2: a higher certificate replaces a lower one, transitively', () => {
  it.each([
    ['H3CNE', { basic: true, senior: false }],
    ['H3CSE-RS', { basic: true, senior: true }],
    ['H3CIE-RS', { basic: true, senior: true }],
    ['h3cie-r&s', { basic: true, senior: true }], // alias, any case
    ['H3CSE-SECURITY', { basic: false, senior: false }], // security track does not replace routing & switching
    ['PMP', { basic: false, senior: false }],
  ])('%s fills basic/senior rows: %o', (type, expected) => {
    const alone = evaluate(dossier({ engineers: [engineer('E01', [[type, FAR]])] }), classic, DATE);
    expect(requirement(alone, 'two-star', 'basic-certificate').met).toBe(expected.basic);
    // With a plain H3CNE beside it for the basic row, the senior row shows what this certificate can fill.
    const paired = evaluate(dossier({ engineers: [engineer('E01', [[type, FAR]]), engineer('E02', [['H3CNE', FAR]])] }), classic, DATE);
    expect(requirement(paired, 'three-star', 'senior-certificate').met).toBe(expected.senior);
  });

  it('counts a senior security certificate as the security speciality it replaces', () => {
    const result = evaluate(dossier({ engineers: [engineer('E01', [['H3CSE-Security', FAR]])] }), classic, DATE);
    expect(requirement(result, 'three-star', 'special-certificates').met).toBe(true);
  });
});

describe('rule 3: one certificate fills one slot, matched exactly', () => {
  it('escapes the greedy trap: an H3CIE seen first must go to the senior row, not the basic one', () => {
    // Greedy in dossier order gives the H3CIE to the H3CNE row and leaves H3CSE unfilled.
    const d = dossier({ engineers: [engineer('E01', [['H3CIE-RS', FAR]]), engineer('E02', [['H3CNE', FAR]])] });
    const result = evaluate(d, classic, DATE);
    expect(requirement(result, 'three-star', 'basic-certificate').met).toBe(true);
    expect(requirement(result, 'three-star', 'senior-certificate').met).toBe(true);
  });

  it('does not let one H3CIE fill both the basic and the senior row', () => {
    const result = evaluate(dossier({ engineers: [engineer('E01', [['H3CIE-RS', FAR]])] }), classic, DATE);
    const basic = requirement(result, 'three-star', 'basic-certificate');
    const senior = requirement(result, 'three-star', 'senior-certificate');
    expect(basic.met && senior.met).toBe(false);
    expect(filled(result, 'three-star', 'basic-certificate') + filled(result, 'three-star', 'senior-certificate')).toBe(1);
    expect((basic.gap ?? '') + (senior.gap ?? '')).toContain('already fills');
  });

  it('lets one engineer holding every certificate fill every certificate row, but count once as personnel', () => {
    const all = engineer('E01', [['H3CNE', FAR], ['H3CSE-RS', FAR], ['PMP', FAR], ['H3CS-IMC', FAR], ['H3CNE-X86', FAR]]);
    const result = evaluate(dossier({ engineers: [all] }), classic, DATE);
    for (const id of ['basic-certificate', 'senior-certificate', 'project-management-certificate', 'special-certificates']) {
      expect(requirement(result, 'four-star', id).met).toBe(true);
    }
    expect(requirement(result, 'four-star', 'certified-personnel')).toMatchObject({ met: false, have: 1, need: 4 });
    expect(tier(result, 'four-star').met).toBe(false);
  });
});

describe('rule 4: special certifications must be of different types', () => {
  it.each([
    [['H3CS-IMC', 'H3CS-IMC'], 1, false],
    [['H3CS-IMC', 'H3CNE-X86'], 2, true],
    [['H3CNE-SEC', 'H3CNE-Security'], 1, false], // two aliases of one type
    [['H3CNE-SECURITY', 'H3CSE-SECURITY'], 1, false], // the senior one stands for the same type
    [['H3CS-iMC', 'H3CNE-SECURITY', 'H3CNE-X86'], 2, true],
  ])('%o fill %i of the 2 four-star slots', (types, have, met) => {
    const engineers = types.map((t, i) => engineer(`S${i}`, [[t, FAR]]));
    const result = evaluate(dossier({ engineers }), classic, DATE);
    expect(requirement(result, 'four-star', 'special-certificates')).toMatchObject({ have, met });
  });
});

describe('rule 5: minimum personnel counts distinct certified engineers still with the company', () => {
  it.each([
    // [leftOn, counts on 2026-12-01]
    ['2026-12-01', false], // left on the application date
    ['2026-11-30', false],
    ['2026-12-02', true], // leaves later: still counts today
  ])('an engineer who left on %s counts: %s', (leftOn, counts) => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR]], { leftOn }), engineer('E02', [['H3CNE', FAR]])] });
    expect(requirement(evaluate(d, classic, DATE), 'two-star', 'certified-personnel')).toMatchObject({ have: counts ? 2 : 1, met: counts });
  });

  it('does not count an engineer without a valid certificate', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR]]), engineer('E02', []), engineer('E03', [['PMP', '2027-01-01']])] });
    const result = requirement(evaluate(d, classic, DATE), 'two-star', 'certified-personnel');
    expect(result).toMatchObject({ have: 1, need: 2, met: false });
    expect(result.gap).toContain('Engineer E02 (E02) holds no certificate that counts');
  });

  it.each([
    // [joinedOn, counts on 2026-12-01]
    ['2026-12-02', false], // joins the day after: not yet on the staff
    ['2026-12-01', true], // joins on the application date
    ['2026-11-30', true],
  ])('an engineer who joins on %s counts: %s', (joinedOn, counts) => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR]], { joinedOn }), engineer('E02', [['H3CNE', FAR]])] });
    const evaluation = evaluate(d, classic, DATE);
    expect(requirement(evaluation, 'two-star', 'certified-personnel')).toMatchObject({ have: counts ? 2 : 1, met: counts });
    if (!counts) expect(requirement(evaluation, 'two-star', 'certified-personnel').gap).toContain('Engineer E01 (E01) joins on 2026-12-02');
  });

  it('does not let a joiner\'s certificate fill a slot before the day they join', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR]], { joinedOn: '2027-01-04' })] });
    const result = requirement(evaluate(d, classic, DATE), 'two-star', 'basic-certificate');
    expect(result.met).toBe(false);
    expect(result.gap).toContain('H3CNE does not count yet, the engineer joins on 2027-01-04');
  });

  it('does not let a departed engineer\'s certificate fill a slot', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR]], { leftOn: '2026-06-30' })] });
    const result = requirement(evaluate(d, classic, DATE), 'two-star', 'basic-certificate');
    expect(result.met).toBe(false);
    expect(result.gap).toContain('the engineer left on 2026-06-30');
  });
});

describe('rule 6: lab units fill one slot each; a high-end router may fill a router slot', () => {
  const base = { engineers: fourStarTeam() };
  it.each([
    // [lab, tier, requirement, have, met]
    [[{ category: 'high-end-router', model: 'CR' }], 'three-star', 'lab-router', 1, true],
    [[{ category: 'router', model: 'MSR' }], 'four-star', 'lab-high-end-router', 0, false],
    [[{ category: 'access-point', model: 'AP', quantity: 1 }], 'three-star', 'lab-access-point', 1, false],
    [[{ category: 'access-point', model: 'AP', quantity: 1 }, { category: 'access-point', model: 'AP2' }], 'three-star', 'lab-access-point', 2, true],
    [[{ category: 'access-point', model: 'AP', quantity: 5 }], 'four-star', 'lab-access-point', 2, true],
  ])('%o → %s %s has %i', (labItems, tierId, id, have, met) => {
    const result = evaluate(dossier({ ...base, lab: labItems }), classic, DATE);
    expect(requirement(result, tierId, id)).toMatchObject({ have, met });
  });

  it('does not let one high-end router fill both a high-end and a router slot of the same tier', () => {
    // The classic tiers never ask for both; a standard that does must count the unit once.
    const standard = structuredClone(classic.standard);
    const router = standard.requirements.find((r) => r.id === 'lab-router')!;
    (router.need as Record<string, number>)['four-star'] = 1;
    const both = buildCatalogue(standard);
    const one = evaluate(dossier({ ...base, lab: [{ category: 'high-end-router', model: 'CR' }] }), both, DATE);
    expect(filled(one, 'four-star', 'lab-high-end-router') + filled(one, 'four-star', 'lab-router')).toBe(1);
    expect(requirement(one, 'four-star', 'lab-router').gap).toContain('CR (high-end router) already fills "Lab: high-end router"');
    const two = evaluate(dossier({ ...base, lab: [{ category: 'high-end-router', model: 'CR', quantity: 2 }] }), both, DATE);
    expect(requirement(two, 'four-star', 'lab-high-end-router').met && requirement(two, 'four-star', 'lab-router').met).toBe(true);
  });
});

describe('rule 7: project experience by equipment list price', () => {
  it.each([
    [99_999, 'none', false, false],
    [100_000, 'basic', true, false],
    [999_999.99, 'basic', true, false],
    [1_000_000, 'major', true, true],
  ])('a USD %d project is %s (basic met: %s, major met: %s)', (price, level, basicMet, majorMet) => {
    const result = evaluate(dossier({ engineers: fourStarTeam(), projects: [{ name: 'P', listPriceUsd: price }] }), classic, DATE);
    expect(requirement(result, 'three-star', 'project-experience')).toMatchObject({ have: level, met: basicMet });
    expect(requirement(result, 'four-star', 'project-experience')).toMatchObject({ have: level, met: majorMet });
  });

  it('does not count a project completed after the application date', () => {
    const projects = [{ name: 'Campus', listPriceUsd: 2_000_000, completed: '2026-12-02' }, { name: 'Branch', listPriceUsd: 150_000, completed: '2026-12-01' }];
    const result = evaluate(dossier({ engineers: fourStarTeam(), projects }), classic, DATE);
    expect(requirement(result, 'three-star', 'project-experience')).toMatchObject({ have: 'basic', met: true });
    expect(requirement(result, 'four-star', 'project-experience').gap).toContain('"Campus" is completed 2026-12-02, after 2026-12-01, so it does not count yet');
    expect(requirement(evaluate(dossier({ engineers: fourStarTeam(), projects }), classic, '2026-12-02'), 'four-star', 'project-experience').met).toBe(true);
  });

  it('says what is missing when no project is listed', () => {
    const result = evaluate(dossier({ engineers: fourStarTeam(), projects: [] }), classic, DATE);
    expect(requirement(result, 'three-star', 'project-experience').gap).toContain('no project is listed');
  });
});

describe('service platform', () => {
  it.each([
    [{ hotline: {} }, 'hotline', false],
    [{ hotline: { phone: '1' } }, 'hotline', true],
    [{ issueTracking: { system: 'Jira' } }, 'issue-tracking', false],
    [{ issueTracking: { system: 'Jira', handlingProcess: false } }, 'issue-tracking', false],
    [{ issueTracking: { handlingProcess: true } }, 'issue-tracking', false],
    [{ issueTracking: { system: 'Jira', handlingProcess: true } }, 'issue-tracking', true],
  ])('%o → %s met: %s', (servicePlatform, id, met) => {
    const result = evaluate(dossier({ engineers: fourStarTeam(), servicePlatform }), classic, DATE);
    expect(requirement(result, 'three-star', id).met).toBe(met);
  });

  it('requires a service manager', () => {
    const d = dossier({ engineers: fourStarTeam() });
    delete (d as { serviceManager?: unknown }).serviceManager;
    expect(requirement(evaluate(d, classic, DATE), 'two-star', 'service-manager').met).toBe(false);
  });
});

describe('rule 8: tiers and the highest tier met', () => {
  it('reports four-star for a complete team', () => {
    const result = evaluate(dossier({ engineers: fourStarTeam() }), classic, DATE);
    expect(result.tiers.map((t) => t.met)).toEqual([true, true, true]);
    expect(result.highestTier).toBe('four-star');
  });

  it('reports null when no tier is met', () => {
    expect(evaluate(dossier({ engineers: [] }), classic, DATE).highestTier).toBeNull();
  });

  it('falls to three-star when only the PMP is missing', () => {
    const team = fourStarTeam().filter((e) => e.id !== 'E03');
    team.push(engineer('E05', [['H3CNE', FAR]]));
    const result = evaluate(dossier({ engineers: team }), classic, DATE);
    expect(result.highestTier).toBe('three-star');
    expect(tier(result, 'four-star').requirements.filter((r) => !r.met).map((r) => r.id)).toEqual(['project-management-certificate']);
  });
});

describe('holdsUntil: the last application date on which a met tier still holds', () => {
  it('keeps a tier until the day before its certificate drops inside the margin, month ends included', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', '2027-05-31']]), engineer('E02', [['H3CNE', FAR]])] });
    const result = evaluate(d, classic, DATE);
    // 2027-02-28 + 3 months = 2027-05-28 < 2027-05-31; 2027-03-01 + 3 months = 2027-06-01 is not.
    expect(tier(result, 'two-star').holdsUntil).toBe('2027-02-28');
    expect(evaluate(d, classic, '2027-02-28').tiers.find((t) => t.id === 'two-star')!.met).toBe(true);
    expect(evaluate(d, classic, '2027-03-01').tiers.find((t) => t.id === 'two-star')!.met).toBe(false);
  });

  it('ends the day before an engineer leaves', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', FAR]], { leftOn: '2027-01-10' }), engineer('E02', [['H3CNE', FAR]])] });
    expect(tier(evaluate(d, classic, DATE), 'two-star').holdsUntil).toBe('2027-01-09');
  });

  it('is null for a tier not met now', () => {
    expect(tier(evaluate(dossier({ engineers: [] }), classic, DATE), 'two-star').holdsUntil).toBeNull();
  });

  it('ignores lapses that do not break the tier: a spare certificate may expire', () => {
    const d = dossier({
      engineers: [engineer('E01', [['H3CNE', '2027-06-15'], ['H3CNE', '2029-06-15']]), engineer('E02', [['H3CNE', '2029-06-15']])],
    });
    // The tier breaks only when the last needed certificates go: 2029-06-15 stops counting on 2029-03-15.
    expect(tier(evaluate(d, classic, DATE), 'two-star').holdsUntil).toBe('2029-03-14');
  });

  it('finds the exact day among many staggered expiries', () => {
    // Fifty engineers whose H3CNEs expire a month apart; two-star needs two certified engineers,
    // so it breaks when the 49th certificate (expiring 2031-06-15) stops counting on 2031-03-15.
    const engineers = Array.from({ length: 50 }, (_, i) => engineer(`E${i}`, [['H3CNE', addMonths('2027-06-15', i)]]));
    expect(tier(evaluate(dossier({ engineers }), classic, DATE), 'two-star').holdsUntil).toBe('2031-03-14');
  });

  it('judges on what is held on the date: a certificate issued later does not extend the tier', () => {
    const d = dossier({ engineers: [engineer('E01', [['H3CNE', '2027-06-15'], ['H3CNE', FAR, '2027-01-01']]), engineer('E02', [['H3CNE', FAR]])] });
    expect(tier(evaluate(d, classic, DATE), 'two-star').holdsUntil).toBe('2027-03-14');
  });

  it('is absent when nothing the tier depends on lapses', () => {
    const d = dossier({ engineers: [] });
    const custom = { ...classic, standard: { ...classic.standard, requirements: classic.standard.requirements.filter((r) => r.kind === 'platform') } };
    const result = evaluate(d, custom, DATE);
    expect(tier(result, 'two-star').met).toBe(true);
    expect('holdsUntil' in tier(result, 'two-star')).toBe(false);
  });
});

/**
 * The 2025 standard, as tables: two alternative paths (technical
 * certificates or channel credits), registered personnel, hotline hours and
 * issue-tracking mode as levels, training checked on recertification only.
 */
import { describe, expect, it } from 'vitest';
import { buildCatalogue, StandardCatalogueError, type Catalogue } from '../../src/core/catalogue.js';
import { evaluate, type Evaluation } from '../../src/core/evaluate.js';
import type { Dossier, Standard } from '../../src/core/model.js';
import { dossier, engineer, shippedCatalogue } from '../helpers.js';

const std2025 = shippedCatalogue('2025');
const classic = shippedCatalogue('classic');
const DATE = '2026-12-01';
const FAR = '2029-01-01';
const RECERTIFICATION = { date: DATE, currentRating: { tier: 'two-star', issued: '2025-12-15' } };

type Engineers = Dossier['engineers'];

function tier(evaluation: Evaluation, id: string) {
  const result = evaluation.tiers.find((t) => t.id === id);
  if (!result) throw new Error(`no tier ${id}`);
  return result;
}

function requirement(evaluation: Evaluation, tierId: string, id: string) {
  const result = tier(evaluation, tierId).requirements.find((r) => r.id === id);
  if (!result) throw new Error(`no requirement ${id} in ${tierId}`);
  return result;
}

/** `count` engineers without certificates, each with `credits`. */
function creditHolders(count: number, credits: number): Engineers {
  return Array.from({ length: count }, (_, i) => engineer(`C${i + 1}`, [], { credits }));
}

/** Five certificates on four engineers: exactly the four-star certificates path. */
function certificateTeam(): Engineers {
  return [
    engineer('E01', [['H3CNE', FAR]]),
    engineer('E02', [['H3CNE', FAR]]),
    engineer('E03', [['H3CSE-RS', FAR]]),
    engineer('E04', [['H3CSE-SECURITY', FAR], ['PMP', FAR]]),
  ];
}

function metPaths(evaluation: Evaluation, tierId: string): string[] {
  return (tier(evaluation, tierId).paths ?? []).filter((p) => p.met).map((p) => p.id);
}

describe('alternative paths: a tier is met through technical certificates or channel credits', () => {
  it.each([
    // [case, engineers, highest tier, paths met at four-star]
    ['only through credits', creditHolders(4, 150), 'four-star', ['credits']],
    ['only through certificates', certificateTeam(), 'four-star', ['certificates']],
    ['through both', certificateTeam().map((e) => ({ ...e, credits: 150 })), 'four-star', ['certificates', 'credits']],
    ['credits one short of four stars, at three', creditHolders(4, 149), 'three-star', []],
    ['four engineers with 199 credits in all and no certificates', [...creditHolders(3, 50), engineer('C4', [], { credits: 49 })], null, []],
  ] as const)('%s', (_name, engineers, highest, paths) => {
    const result = evaluate(dossier({ engineers: [...engineers] }), std2025, DATE);
    expect(result.highestTier).toBe(highest);
    expect(metPaths(result, 'four-star')).toEqual(paths);
  });

  it('names the paths and counts only the gaps of the nearest path', () => {
    // Credits path one row short (credits); certificates path three rows short (junior, senior, PMP).
    const engineers = [...creditHolders(3, 100), engineer('E01', [['H3CNE', FAR]])];
    const four = tier(evaluate(dossier({ engineers }), std2025, DATE), 'four-star');
    expect(four.met).toBe(false);
    expect(four.paths).toEqual([
      { id: 'certificates', name: 'technical certificates', met: false, gaps: 3 },
      { id: 'credits', name: 'channel credits', met: false, gaps: 1 },
    ]);
    expect(four.gaps).toBe(1);
  });

  it('needs the rows without a path whichever path is met', () => {
    const d = dossier({ engineers: creditHolders(4, 150), serviceManager: undefined });
    const result = evaluate(d, std2025, DATE);
    expect(metPaths(result, 'four-star')).toEqual(['credits']);
    expect(tier(result, 'four-star').met).toBe(false);
    expect(tier(result, 'four-star').gaps).toBe(1);
    expect(result.highestTier).toBeNull();
  });

  it('fills certificate slots by exact matching: a senior certificate fills a junior slot, but only one', () => {
    const four = (engineers: Engineers) => evaluate(dossier({ engineers }), std2025, DATE);
    const seniors = ['E1', 'E2', 'E3', 'E4'].map((id) => engineer(id, [['H3CSE-RS', FAR]]));
    // Four senior certificates and a PMP: junior 2 + senior 2 + PMP 1 = five slots, five certificates.
    const withPmp = [...seniors.slice(0, 3), engineer('E4', [['H3CIE-RS', FAR], ['PMP', FAR]])];
    expect(metPaths(four(withPmp), 'four-star')).toEqual(['certificates']);
    // Three senior certificates for four senior-or-junior slots: one junior slot stays empty.
    const short = [...seniors.slice(0, 2), engineer('E3', [['PMP', FAR]]), engineer('E4', [['H3CSE-RS', FAR]])];
    const filled = ['junior-certificates', 'senior-certificates', 'project-management-certificate'].map((id) => requirement(four(short), 'four-star', id).have);
    expect(filled.reduce((a, b) => Number(a) + Number(b), 0)).toBe(4);
    expect(tier(four(short), 'four-star').paths?.find((p) => p.id === 'certificates')).toMatchObject({ met: false, gaps: 1 });
  });

  it.each([
    // [standard, junior row, senior row]
    ['classic', 'basic-certificate', 'senior-certificate'],
    ['2025', 'junior-certificates', 'senior-certificates'],
  ])('gives a lone senior certificate to the senior row under %s, so the gap asks for the junior one', (id, junior, senior) => {
    const catalogue = id === 'classic' ? classic : std2025;
    const result = evaluate(dossier({ engineers: [engineer('E01', [['H3CSE-RS', FAR]])] }), catalogue, DATE);
    expect(requirement(result, 'three-star', senior)).toMatchObject({ met: true, have: 1 });
    expect(requirement(result, 'three-star', junior).gap).toMatch(/^needs \d more H3CNE or higher/);
  });

  it.each([
    ['H3CSE-RS', 1],
    ['H3CSE-SECURITY', 1],
    ['H3CIE-RS', 1],
    ['H3CNE', 0],
    ['H3CNE-SECURITY', 0],
  ])('reads %s as a senior certificate: %i', (type, senior) => {
    // Two H3CNE fill the junior slots, so the third certificate can only go to the senior row.
    const engineers = [engineer('E01', [['H3CNE', FAR]]), engineer('E02', [['H3CNE', FAR]]), engineer('E03', [[type, FAR]])];
    const result = evaluate(dossier({ engineers }), std2025, DATE);
    expect(requirement(result, 'three-star', 'senior-certificates').have).toBe(senior);
  });

  it('does not offer a path at a tier where it has no row, rather than meeting it for free', () => {
    const standard = structuredClone(std2025.standard) as Standard;
    const credits = standard.requirements.find((r) => r.id === 'channel-credits')!;
    delete (credits.need as Record<string, number>)['two-star'];
    const onlyCertificatesAtTwo = buildCatalogue(standard);
    const result = evaluate(dossier({ engineers: creditHolders(2, 500) }), onlyCertificatesAtTwo, DATE);
    expect(tier(result, 'two-star').paths?.map((p) => p.id)).toEqual(['certificates']);
    expect(tier(result, 'two-star').met).toBe(false);
    expect(tier(result, 'three-star').met).toBe(false); // three registered engineers needed
  });
});

describe('credits: the sum of credits over registered engineers', () => {
  it.each([
    // [credits per engineer, leftOn per engineer, have, two-star (200) met]
    [[200, 0], [undefined, undefined], 200, true],
    [[199, undefined], [undefined, undefined], 199, false],
    [[150, 150], ['2026-12-01', undefined], 150, false], // left on the application date: gone
    [[150, 150], ['2026-12-02', undefined], 300, true], // leaves the day after: still counts
  ] as const)('credits %j, left %j: have %i', (credits, left, have, met) => {
    const engineers = credits.map((c, i) => engineer(`E${i}`, [], { ...(c !== undefined ? { credits: c } : {}), ...(left[i] ? { leftOn: left[i] } : {}) }));
    const result = requirement(evaluate(dossier({ engineers }), std2025, DATE), 'two-star', 'channel-credits');
    expect(result.have).toBe(have);
    expect(result.met).toBe(met);
  });

  it('says how many credits are missing and whose credits left with them', () => {
    const engineers = [engineer('E01', [], { credits: 300 }), engineer('E02', [], { credits: 250, leftOn: '2026-06-30' })];
    const result = requirement(evaluate(dossier({ engineers }), std2025, DATE), 'three-star', 'channel-credits');
    expect(result.gap).toBe('has 300 channel credits over the registered engineers, needs 450 — 150 more. Engineer E02 (E02) left on 2026-06-30; their 250 credits no longer count.');
  });

  it('holds a credits-only tier until the day before a credit holder leaves', () => {
    const engineers = [engineer('E01', [], { credits: 100 }), engineer('E02', [], { credits: 100, leftOn: '2027-01-10' })];
    const result = evaluate(dossier({ engineers }), std2025, DATE);
    expect(tier(result, 'two-star').met).toBe(true);
    expect(tier(result, 'two-star').holdsUntil).toBe('2027-01-09');
  });
});

describe('personnel: registered (2025) versus certified (classic)', () => {
  it.each([
    // [engineers, registered (2025), certified (classic)]
    [[engineer('E01', []), engineer('E02', [])], 2, 0],
    [[engineer('E01', [['H3CNE', FAR]]), engineer('E02', [])], 2, 1],
    [[engineer('E01', [['H3CNE', '2027-03-01']]), engineer('E02', [])], 2, 0], // certificate inside the margin
    [[engineer('E01', [['H3CNE', FAR]], { leftOn: DATE }), engineer('E02', [])], 1, 0],
  ])('%#: registered %i, certified %i', (engineers, registered, certified) => {
    const d = dossier({ engineers });
    expect(requirement(evaluate(d, std2025, DATE), 'two-star', 'registered-personnel').have).toBe(registered);
    expect(requirement(evaluate(d, classic, DATE), 'two-star', 'certified-personnel').have).toBe(certified);
  });

  it('ends a registered-personnel tier the day before an engineer leaves, certified or not', () => {
    const engineers = [engineer('E01', [], { credits: 300 }), engineer('E02', [], { leftOn: '2027-04-01' })];
    expect(tier(evaluate(dossier({ engineers }), std2025, DATE), 'two-star').holdsUntil).toBe('2027-03-31');
  });
});

describe('platform levels: 7x24 satisfies 5x8, automatic satisfies manual', () => {
  const platformOf = (hotline: object | undefined, issueTracking: object | undefined) =>
    dossier({
      engineers: creditHolders(4, 150),
      servicePlatform: { ...(hotline ? { hotline } : {}), supportEmail: 'support@example.com', ...(issueTracking ? { issueTracking } : {}) },
    } as Partial<Dossier>);

  it.each([
    // [hotline, tier, met, have]
    [{ phone: '1', hours: '5x8' }, 'two-star', true, '5x8'],
    [{ phone: '1', hours: '5x8' }, 'three-star', false, '5x8'],
    [{ phone: '1', hours: '7x24' }, 'two-star', true, '7x24'],
    [{ phone: '1', hours: '7x24' }, 'four-star', true, '7x24'],
    [{ phone: '1' }, 'two-star', false, 'none'], // hours not given
    [{ hours: '7x24' }, 'two-star', false, 'none'], // no phone: no hotline
    [undefined, 'two-star', false, 'none'],
  ])('hotline %j at %s: met %s', (hotline, tierId, met, have) => {
    const result = requirement(evaluate(platformOf(hotline, { system: 'T', mode: 'automatic' }), std2025, DATE), tierId, 'hotline');
    expect(result.met).toBe(met);
    expect(result.have).toBe(have);
  });

  it.each([
    // [issue tracking, tier, met]
    [{ system: 'T', mode: 'manual' }, 'two-star', true],
    [{ system: 'T', mode: 'manual' }, 'three-star', true],
    [{ system: 'T', mode: 'manual' }, 'four-star', false],
    [{ system: 'T', mode: 'automatic' }, 'four-star', true],
    [{ system: 'T', mode: 'automatic', handlingProcess: false }, 'four-star', true], // 2025 asks for the mode only
    [{ mode: 'automatic' }, 'two-star', false], // no system named
    [{ system: 'T' }, 'two-star', false], // mode not given
  ])('issue tracking %j at %s: met %s', (issueTracking, tierId, met) => {
    const result = requirement(evaluate(platformOf({ phone: '1', hours: '7x24' }, issueTracking), std2025, DATE), tierId, 'issue-tracking');
    expect(result.met).toBe(met);
  });

  it('says what the level is and what is needed', () => {
    const result = evaluate(platformOf({ phone: '1', hours: '5x8' }, { system: 'T' }), std2025, DATE);
    expect(requirement(result, 'four-star', 'hotline').gap).toBe('5x8 given; 7x24 or better needed.');
    expect(requirement(result, 'two-star', 'issue-tracking').gap).toBe('the issue-tracking mode is not given — add its mode; manual needed.');
    const noPhone = evaluate(platformOf({ hours: '7x24' }, { system: 'T', mode: 'manual' }), std2025, DATE);
    expect(requirement(noPhone, 'two-star', 'hotline').gap).toBe('the after-sales hotline has no phone number — add its phone; 5x8 needed.');
  });

  it('still asks the classic issue-tracking row for a handling process', () => {
    const d = dossier({ engineers: [], servicePlatform: { hotline: { phone: '1' }, issueTracking: { system: 'T', mode: 'automatic' } } });
    expect(requirement(evaluate(d, classic, DATE), 'three-star', 'issue-tracking').met).toBe(false);
  });

  it('needs a support e-mail address at four-star only (a reading, revised December 2026)', () => {
    const d = dossier({ engineers: creditHolders(4, 150), servicePlatform: { hotline: { phone: '1', hours: '7x24' }, issueTracking: { system: 'T', mode: 'automatic' } } });
    const result = evaluate(d, std2025, DATE);
    expect(result.tiers.map((t) => t.requirements.find((r) => r.id === 'support-email')?.met)).toEqual([false, undefined, undefined]);
    expect(result.highestTier).toBe('three-star');
    const withEmail = evaluate(dossier({ ...d, servicePlatform: { ...d.servicePlatform, supportEmail: 'help@example.com' } }), std2025, DATE);
    expect(withEmail.highestTier).toBe('four-star');
  });
});

describe('training: counted on recertification only, within the year before the application date', () => {
  const events = (...dates: string[]) => dates.map((date, i) => ({ date, title: `Forum ${i + 1}`, kind: 'forum' as const }));

  it('is met on a first application and says it is an obligation for the coming year', () => {
    const result = requirement(evaluate(dossier({ engineers: creditHolders(4, 150) }), std2025, DATE), 'four-star', 'service-training');
    expect(result.met).toBe(true);
    expect(result.gap).toBeUndefined();
    expect(result.note).toContain('not checked on a first certification');
    expect(result.note).toContain('attending 3 training events, meetings or forums within 12 months after certification is an obligation for the coming year');
  });

  it.each([
    // [application date, event date, counts]
    ['2026-12-01', '2025-12-01', false], // the same day a year earlier: just outside
    ['2026-12-01', '2025-12-02', true], // the day after: just inside
    ['2026-12-01', '2026-12-01', true], // on the application date
    ['2026-12-01', '2026-12-02', false], // after the application date
    ['2025-02-28', '2024-02-29', true], // leap day, window 2024-02-29 to 2025-02-28
    ['2025-02-28', '2024-02-28', false],
    ['2025-03-01', '2024-03-01', false],
    ['2025-03-01', '2024-03-02', true],
  ])('on %s an event dated %s counts: %s', (date, eventDate, counts) => {
    const d = dossier({ engineers: creditHolders(4, 150), application: { ...RECERTIFICATION, date }, training: events(eventDate) });
    const result = requirement(evaluate(d, std2025, date), 'two-star', 'service-training');
    expect(result.have).toBe(counts ? 1 : 0);
    expect(result.met).toBe(counts);
  });

  it('names the window and the event just outside it', () => {
    const d = dossier({ engineers: creditHolders(4, 150), application: RECERTIFICATION, training: events('2025-12-01', '2026-05-12', '2027-01-05') });
    const result = requirement(evaluate(d, std2025, DATE), 'three-star', 'service-training');
    expect(result.met).toBe(false);
    expect(result.gap).toBe('has 1 event dated 2025-12-02 to 2026-12-01, needs 2 — attend 1 more. "Forum 1" (2025-12-01) is before the window. 1 event dated after 2026-12-01 cannot count yet.');
  });

  it('holds a recertified tier until the day before its events leave the window', () => {
    const d = dossier({ engineers: creditHolders(4, 150), application: RECERTIFICATION, training: events('2026-05-12', '2026-02-01', '2026-09-30') });
    const result = evaluate(d, std2025, DATE);
    expect(result.highestTier).toBe('four-star');
    // Four stars need all three: the oldest, 2026-02-01, leaves on 2027-02-01.
    expect(tier(result, 'four-star').holdsUntil).toBe('2027-01-31');
    // Three stars need two: the second oldest, 2026-05-12, leaves on 2027-05-12.
    expect(tier(result, 'three-star').holdsUntil).toBe('2027-05-11');
    expect(tier(result, 'two-star').holdsUntil).toBe('2027-09-29');
    expect(tier(evaluate(d, std2025, '2027-01-31'), 'four-star').met).toBe(true);
    expect(tier(evaluate(d, std2025, '2027-02-01'), 'four-star').met).toBe(false);
  });

  it('lets a leap-day event count until the window starts after it', () => {
    const d = dossier({ engineers: creditHolders(2, 100), application: { ...RECERTIFICATION, date: '2024-12-01' }, training: events('2024-02-29') });
    // Window on 2025-02-28: 2024-02-29 to 2025-02-28; on 2025-03-01: 2024-03-02 to 2025-03-01.
    expect(tier(evaluate(d, std2025, '2024-12-01'), 'two-star').holdsUntil).toBe('2025-02-28');
  });

  it('never ends a first application tier for want of training', () => {
    const d = dossier({ engineers: creditHolders(4, 150), training: events('2026-05-12') });
    expect('holdsUntil' in tier(evaluate(d, std2025, DATE), 'four-star')).toBe(false);
  });
});

describe('current rating: valid one calendar year from its issue date', () => {
  it.each([
    // [standard, issued, application date, valid until, lapsed]
    [std2025, '2025-12-15', '2026-12-15', '2026-12-15', false],
    [std2025, '2025-12-15', '2026-12-16', '2026-12-15', true],
    [classic, '2025-12-15', '2026-12-01', '2026-12-15', false],
    [classic, '2024-02-29', '2025-02-28', '2025-02-28', false],
    [classic, '2024-02-29', '2025-03-01', '2025-02-28', true],
  ] as Array<[Catalogue, string, string, string, boolean]>)('%#: issued %s, applying %s: valid until %s, lapsed %s', (catalogue, issued, date, validUntil, lapsed) => {
    const d = dossier({ engineers: [], application: { date, currentRating: { tier: 'two-star', issued } } });
    expect(evaluate(d, catalogue, date).currentRating).toEqual({ tier: 'two-star', issued, validUntil, lapsed });
  });

  it('follows the standard when it sets a longer validity', () => {
    const twoYears = buildCatalogue({ ...classic.standard, ratingValidityYears: 2 });
    const d = dossier({ engineers: [], application: { currentRating: { tier: 'two-star', issued: '2025-12-15' } } });
    expect(evaluate(d, twoYears, DATE).currentRating?.validUntil).toBe('2027-12-15');
  });

  it('is absent on a first application', () => {
    expect(evaluate(dossier({ engineers: [] }), std2025, DATE).currentRating).toBeUndefined();
  });
});

describe('platform levels in a standard must be levels a dossier can state', () => {
  function withHotlineLevels(levels: string[], item = 'hotline'): () => unknown {
    const standard = structuredClone(std2025.standard) as Standard;
    const row = standard.requirements.find((r) => r.id === 'hotline') as { levels?: string[]; item: string; need: Record<string, unknown> };
    row.levels = levels;
    row.item = item;
    row.need = { 'two-star': levels[0] };
    return () => buildCatalogue(standard);
  }

  it('rejects a level no dossier can state, naming the ones it can', () => {
    expect(withHotlineLevels(['5x8', '24x7'])).toThrow(StandardCatalogueError);
    expect(withHotlineLevels(['5x8', '24x7'])).toThrow('/requirements/5/levels/1: level "24x7" is not one a dossier can state for hotline (7x24, 5x8)');
  });

  it('rejects levels on an item that has none', () => {
    expect(withHotlineLevels(['yes'], 'supportEmail')).toThrow('/requirements/5/levels: supportEmail has no levels a dossier can state');
  });
});

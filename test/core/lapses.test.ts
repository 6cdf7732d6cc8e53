/**
 * Lapse warnings: certificates that stop counting within the window after the
 * application date, and the tier lost first.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/core/evaluate.js';
import { firstTierLapse, lapseWarnings } from '../../src/core/lapses.js';
import type { Dossier } from '../../src/core/model.js';
import { dossier, engineer, shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');
const DATE = '2026-12-01';
const FAR = '2029-01-01';

function team(first: Dossier['engineers'][number]): Dossier['engineers'] {
  return [first, engineer('E02', [['H3CSE-RS', FAR]]), engineer('E03', [['PMP', FAR]]), engineer('E04', [['H3CNE-SECURITY', FAR], ['H3CS-IMC', FAR]])];
}

function warningsFor(d: Dossier, within: number) {
  return lapseWarnings(evaluate(d, classic, DATE), within);
}

describe('lapseWarnings', () => {
  const cases: Array<{ name: string; first: Dossier['engineers'][number]; within: number; expected: Array<{ code: string; on: string; path: string }> }> = [
    {
      // Expiring 2027-06-01: it counts while date + 3 months < expiry, so up to 2027-02-28; it stops on 2027-03-01, 90 days on.
      name: 'a certificate whose margin ends on the last day of the window',
      first: engineer('E01', [['H3CNE', '2027-06-01']]),
      within: 90,
      expected: [
        { code: 'certificate-lapses', on: '2027-03-01', path: '/engineers/0/certificates/0/expires' },
        { code: 'tier-lapses', on: '2027-03-01', path: '/engineers/0/certificates/0/expires' },
      ],
    },
    { name: 'the same certificate with a window one day shorter', first: engineer('E01', [['H3CNE', '2027-06-01']]), within: 89, expected: [] },
    {
      name: 'an engineer leaving before the certificate margin ends',
      first: engineer('E01', [['H3CNE', FAR]], { leftOn: '2027-01-10' }),
      within: 90,
      expected: [
        { code: 'certificate-lapses', on: '2027-01-10', path: '/engineers/0/leftOn' },
        { code: 'tier-lapses', on: '2027-01-10', path: '/engineers/0/leftOn' },
      ],
    },
    { name: 'certificates far from lapsing', first: engineer('E01', [['H3CNE', FAR]]), within: 90, expected: [] },
    {
      // Not counting now, so there is nothing to lose.
      name: 'a certificate already inside the margin',
      first: engineer('E01', [['H3CNE', FAR], ['H3CNE-X86', '2027-02-01']]),
      within: 90,
      expected: [],
    },
  ];
  it.each(cases)('$name', ({ first, within, expected }) => {
    const warnings = warningsFor(dossier({ engineers: team(first) }), within);
    expect(warnings.map(({ code, on, path }) => ({ code, on, path }))).toEqual(expected);
  });

  it('words the warnings with who, what, when and how far off', () => {
    const [certificate, tier] = warningsFor(dossier({ engineers: team(engineer('E01', [['H3CNE', '2027-06-01']])) }), 90);
    expect(certificate!.message).toBe('engineer E01 (Engineer E01), certificate 1 (H3CNE) stops counting on 2027-03-01 (in 90 days), 3 months before it expires on 2027-06-01 — renew it before then');
    expect(tier!.message).toBe('Four-star is lost first: it is no longer met from 2027-03-01 (in 90 days)');
  });

  it('warns about a certificate that lapses even when no tier depends on it', () => {
    const extra = engineer('E05', [['H3CNE-X86', '2027-04-15']]);
    const warnings = warningsFor(dossier({ engineers: [...team(engineer('E01', [['H3CNE', FAR]])), extra] }), 90);
    expect(warnings.map((w) => [w.code, w.on])).toEqual([['certificate-lapses', '2027-01-15']]);
  });
});

describe('firstTierLapse', () => {
  it('is the earliest day a tier met now is lost, the higher tier on a tie', () => {
    const d = dossier({ engineers: team(engineer('E01', [['H3CNE', '2027-06-01']])) });
    // H3CNE is the only basic certificate: four-, three- and two-star all go on the same day.
    expect(firstTierLapse(evaluate(d, classic, DATE).tiers)).toEqual({ tier: 'four-star', name: 'Four-star', on: '2027-03-01' });
  });

  it('is null when nothing met ever lapses, or nothing is met', () => {
    const noExpiry = evaluate(dossier({ engineers: team(engineer('E01', [['H3CNE', FAR]])) }), classic, DATE).tiers.map((t) => ({ ...t, holdsUntil: undefined }));
    expect(firstTierLapse(noExpiry)).toBeNull();
    expect(firstTierLapse(evaluate(dossier({ engineers: [] }), classic, DATE).tiers)).toBeNull();
  });
});

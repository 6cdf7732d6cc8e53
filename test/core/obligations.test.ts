/**
 * The rating year's staffing obligations, as tables: working days across
 * weekends, month ends, holidays and leap years; exit reports met, open and
 * breached (deadlines on the application date itself); the same-level rule
 * along replacement chains; one joiner for two leavers, matched exactly;
 * critical service events and superseded standards.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, levelOf, recertificationRisks, staffingObligations, successorOn } from '../../src/core/obligations.js';
import { currentRatingStatus } from '../../src/core/rating.js';
import type { Dossier } from '../../src/core/model.js';
import { dossier, engineer, shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');
const std2025 = shippedCatalogue('2025');
const FAR = '2030-01-01';
const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const RATING = { currentRating: { tier: 'two-star', issued: '2026-06-15' } };

describe('addWorkingDays (Monday to Friday)', () => {
  const table: Array<{ from: string; days: number; holidays?: string[]; expected: string; why: string }> = [
    { from: '2026-11-06', days: 3, expected: '2026-11-11', why: 'Friday: over the weekend to Wednesday (the issue)' },
    { from: '2026-11-07', days: 3, expected: '2026-11-11', why: 'Saturday: the count starts on Monday' },
    { from: '2026-11-09', days: 3, expected: '2026-11-12', why: 'Monday to Thursday' },
    { from: '2026-11-26', days: 3, expected: '2026-12-01', why: 'Thursday, across the month end' },
    { from: '2026-12-31', days: 3, expected: '2027-01-05', why: 'across the year end, 1 January a working day without holidays' },
    { from: '2026-12-31', days: 3, holidays: ['2027-01-01'], expected: '2027-01-06', why: 'New Year a holiday' },
    { from: '2026-11-06', days: 3, holidays: ['2026-11-09'], expected: '2026-11-12', why: 'a holiday on the Monday' },
    { from: '2026-11-06', days: 3, holidays: ['2026-11-08'], expected: '2026-11-11', why: 'a holiday on a Sunday changes nothing' },
    { from: '2028-02-25', days: 3, expected: '2028-03-01', why: 'leap year: Monday 28, Tuesday 29 February, Wednesday 1 March' },
    { from: '2027-02-26', days: 1, expected: '2027-03-01', why: 'common year: Friday 26 February to Monday 1 March' },
    { from: '2026-11-06', days: 0, expected: '2026-11-06', why: 'no working days: the day itself' },
  ];
  it.each(table)('$from + $days → $expected ($why)', ({ from, days, holidays, expected }) => {
    expect(addWorkingDays(from, days, MON_FRI, new Set(holidays ?? []))).toBe(expected);
  });

  it('counts only the working days a standard names', () => {
    expect(addWorkingDays('2026-11-06', 3, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], new Set())).toBe('2026-11-10');
  });
});

/** A rated dossier on `date` with the given engineers. */
function rated(engineers: Dossier['engineers'], overrides: Partial<Dossier> = {}): Dossier {
  return dossier({ engineers, application: { ...RATING }, ...overrides });
}

function leaver(id: string, leftOn: string, certs: Array<[string, string] | [string, string, string]>, extra: Record<string, unknown> = {}) {
  return engineer(id, certs, { leftOn, ...extra });
}

function joiner(id: string, joinedOn: string, certs: Array<[string, string] | [string, string, string]>, extra: Record<string, unknown> = {}) {
  return engineer(id, certs, { joinedOn, ...extra });
}

function obligation(d: Dossier, date: string, code: 'exit-report' | 'vacancy-fill', who = 'L1', holidays: string[] = []) {
  const found = staffingObligations(d, classic, date, new Set(holidays))?.find((o) => o.code === code && o.engineer === who);
  if (!found) throw new Error(`no ${code} for ${who}`);
  return found;
}

describe('exit report', () => {
  // L1 leaves on Friday 2026-11-06: due Wednesday 2026-11-11.
  const table: Array<{ reported?: string; date: string; status: string; reportedOn: string | null }> = [
    { reported: '2026-11-06', date: '2026-12-01', status: 'met', reportedOn: '2026-11-06' },
    { reported: '2026-11-11', date: '2026-12-01', status: 'met', reportedOn: '2026-11-11' },
    { reported: '2026-11-12', date: '2026-12-01', status: 'breached', reportedOn: '2026-11-12' },
    { date: '2026-11-10', status: 'open', reportedOn: null },
    { date: '2026-11-11', status: 'open', reportedOn: null },
    { date: '2026-11-12', status: 'breached', reportedOn: null },
    // A report dated after the application date is not made yet on it.
    { reported: '2026-11-11', date: '2026-11-10', status: 'open', reportedOn: null },
    { reported: '2026-11-13', date: '2026-11-12', status: 'breached', reportedOn: null },
  ];
  it.each(table)('reported $reported, checked $date → $status', ({ reported, date, status, reportedOn }) => {
    const d = rated([leaver('L1', '2026-11-06', [['H3CNE', FAR]], reported ? { exitReportedOn: reported } : {})]);
    const found = obligation(d, date, 'exit-report');
    expect(found).toMatchObject({ due: '2026-11-11', status, reportedOn });
    expect(found.path).toBe(reported ? '/engineers/0/exitReportedOn' : '/engineers/0/leftOn');
  });

  it('moves past the holidays given', () => {
    const d = rated([leaver('L1', '2026-11-06', [['H3CNE', FAR]], { exitReportedOn: '2026-11-12' })]);
    expect(obligation(d, '2026-12-01', 'exit-report').status).toBe('breached');
    expect(obligation(d, '2026-12-01', 'exit-report', 'L1', ['2026-11-10'])).toMatchObject({ due: '2026-11-12', status: 'met' });
  });
});

describe('who is owed for', () => {
  const table: Array<{ engineers: Dossier['engineers']; date: string; count: number; why: string }> = [
    { engineers: [leaver('L1', '2026-06-15', [['H3CNE', FAR]])], date: '2026-12-01', count: 2, why: 'left on the rating issue day' },
    { engineers: [leaver('L1', '2026-06-14', [['H3CNE', FAR]])], date: '2026-12-01', count: 0, why: 'left the day before the rating' },
    { engineers: [leaver('L1', '2026-12-01', [['H3CNE', FAR]])], date: '2026-12-01', count: 2, why: 'left on the application date' },
    { engineers: [leaver('L1', '2026-12-02', [['H3CNE', FAR]])], date: '2026-12-01', count: 0, why: 'leaves after the application date' },
    { engineers: [leaver('L1', '2026-11-06', [['H3CNE', '2026-11-06']])], date: '2026-12-01', count: 0, why: 'certificate expired on the last day' },
    { engineers: [leaver('L1', '2026-11-06', [['H3CNE', '2026-11-07']])], date: '2026-12-01', count: 2, why: 'certificate valid on the last day' },
    { engineers: [leaver('L1', '2026-11-06', [['H3CNE', FAR, '2026-11-07']])], date: '2026-12-01', count: 0, why: 'certificate issued after the last day' },
    { engineers: [leaver('L1', '2026-11-06', [])], date: '2026-12-01', count: 0, why: 'never certified' },
  ];
  it.each(table)('$why → $count obligations', ({ engineers, date, count }) => {
    expect(staffingObligations(rated(engineers), classic, date)).toHaveLength(count);
  });

  it('owes nothing without a current rating (undefined), nothing without staffing in the standard (empty)', () => {
    const engineers = [leaver('L1', '2026-11-06', [['H3CNE', FAR]])];
    expect(staffingObligations(dossier({ engineers }), classic, '2026-12-01')).toBeUndefined();
    const { staffing: _dropped, ...bare } = classic.standard;
    expect(staffingObligations(rated(engineers), { ...classic, standard: bare }, '2026-12-01')).toEqual([]);
  });
});

describe('the same level, along replacement chains', () => {
  it('keeps per chain only the highest type held', () => {
    expect(levelOf(['H3CNE', 'H3CSE-RS'], classic)).toEqual(['H3CSE-RS']);
    expect(levelOf(['H3CNE', 'H3CSE-RS', 'H3CIE-RS', 'PMP'], classic)).toEqual(['H3CIE-RS', 'PMP']);
    expect(levelOf(['H3CSE-RS', 'H3CNE-SECURITY'], classic)).toEqual(['H3CSE-RS', 'H3CNE-SECURITY']);
  });

  // L1 leaves 2026-11-06 holding `held`; J1 joins 2026-11-20 holding `joins`; checked 2027-03-01 (after the due date 2027-02-06).
  const table: Array<{ held: string[]; joins: string[]; status: string }> = [
    { held: ['H3CSE-RS'], joins: ['H3CSE-RS'], status: 'met' },
    { held: ['H3CSE-RS'], joins: ['H3CIE-RS'], status: 'met' },
    { held: ['H3CSE-RS'], joins: ['H3CNE'], status: 'breached' },
    { held: ['H3CNE', 'H3CSE-RS'], joins: ['H3CSE-RS'], status: 'met' },
    { held: ['H3CSE-RS', 'H3CSE-SECURITY'], joins: ['H3CIE-RS'], status: 'breached' },
    { held: ['H3CSE-RS', 'H3CSE-SECURITY'], joins: ['H3CIE-RS', 'H3CSE-SECURITY'], status: 'met' },
    { held: ['H3CSE-SECURITY'], joins: ['H3CNE-SECURITY'], status: 'breached' },
    { held: ['PMP'], joins: ['H3CNE-PM'], status: 'breached' },
  ];
  it.each(table)('$held filled by $joins → $status', ({ held, joins, status }) => {
    const d = rated([leaver('L1', '2026-11-06', held.map((t) => [t, FAR])), joiner('J1', '2026-11-20', joins.map((t) => [t, FAR]))]);
    expect(obligation(d, '2027-03-01', 'vacancy-fill')).toMatchObject({ due: '2027-02-06', status, filledBy: status === 'met' ? 'J1' : null });
  });
});

describe('vacancy fill dates', () => {
  // L1 (H3CNE) leaves 2026-11-06; the vacancy is due 2027-02-06.
  const table: Array<{ joined?: string; expires?: string; leftOn?: string; date: string; status: string; why: string }> = [
    { joined: '2026-11-06', date: '2027-03-01', status: 'breached', why: 'joined the day the leaver left' },
    { joined: '2026-11-07', date: '2027-03-01', status: 'met', why: 'joined the day after' },
    { joined: '2027-02-06', date: '2027-03-01', status: 'met', why: 'joined on the due date' },
    { joined: '2027-02-07', date: '2027-03-01', status: 'breached', why: 'joined the day after the due date' },
    { joined: '2026-12-15', date: '2026-12-01', status: 'open', why: 'joins after the application date' },
    { date: '2027-02-06', status: 'open', why: 'nobody yet, checked on the due date' },
    { date: '2027-02-07', status: 'breached', why: 'nobody, checked the day after the due date' },
    { joined: '2026-11-20', expires: '2027-02-06', date: '2027-03-01', status: 'breached', why: 'certificate expires on the due date' },
    { joined: '2026-11-20', expires: '2027-02-07', date: '2027-03-01', status: 'met', why: 'certificate valid on the due date' },
    { joined: '2026-11-20', expires: '2026-12-01', date: '2026-12-01', status: 'open', why: 'judged on the application date, before the due date' },
    { joined: '2026-11-20', leftOn: '2027-01-10', date: '2027-03-01', status: 'breached', why: 'the joiner left again before the due date' },
  ];
  it.each(table)('$why → $status', ({ joined, expires, leftOn, date, status }) => {
    const engineers = [leaver('L1', '2026-11-06', [['H3CNE', FAR]])];
    if (joined) engineers.push(joiner('J1', joined, [['H3CNE', expires ?? FAR]], leftOn ? { leftOn } : {}));
    expect(obligation(dossier({ engineers, application: { currentRating: { tier: 'two-star', issued: '2026-06-15' } } }), date, 'vacancy-fill').status).toBe(status);
  });

  const ends: Array<{ leftOn: string; due: string }> = [
    { leftOn: '2026-11-30', due: '2027-02-28' },
    { leftOn: '2027-11-30', due: '2028-02-29' },
    { leftOn: '2026-08-31', due: '2026-11-30' },
    { leftOn: '2027-10-31', due: '2028-01-31' },
  ];
  it.each(ends)('left $leftOn → due $due (addMonths clamps to the month end, as the validity rule does)', ({ leftOn, due }) => {
    const d = dossier({ engineers: [leaver('L1', leftOn, [['H3CNE', FAR]])], application: { currentRating: { tier: 'two-star', issued: '2026-06-15' } } });
    expect(obligation(d, leftOn, 'vacancy-fill').due).toBe(due);
  });
});

describe('one joiner, several vacancies', () => {
  it('fills one vacancy of two leavers of the same level', () => {
    const d = rated([leaver('L1', '2026-11-06', [['H3CSE-RS', FAR]]), leaver('L2', '2026-11-09', [['H3CSE-RS', FAR]]), joiner('J1', '2026-11-20', [['H3CIE-RS', FAR]])]);
    const vacancies = staffingObligations(d, classic, '2027-03-01')!.filter((o) => o.code === 'vacancy-fill');
    expect(vacancies.map((v) => [v.engineer, v.status, v.filledBy])).toEqual([
      ['L1', 'met', 'J1'],
      ['L2', 'breached', null],
    ]);
  });

  it('matches exactly where the first fit would leave a vacancy empty', () => {
    // J1 could fill either vacancy, J2 only L1's: the first fit gives J1 to L1 and leaves L2 unfilled.
    const d = rated([
      leaver('L1', '2026-11-06', [['H3CNE', FAR]]),
      leaver('L2', '2026-11-06', [['PMP', FAR]]),
      joiner('J1', '2026-11-20', [['H3CNE', FAR], ['PMP', FAR]]),
      joiner('J2', '2026-11-20', [['H3CNE', FAR]]),
    ]);
    const vacancies = staffingObligations(d, classic, '2027-03-01')!.filter((o) => o.code === 'vacancy-fill');
    expect(vacancies.map((v) => [v.engineer, v.status, v.filledBy])).toEqual([
      ['L1', 'met', 'J2'],
      ['L2', 'met', 'J1'],
    ]);
  });
});

describe('critical service events', () => {
  const events: NonNullable<Dossier['serviceEvents']> = [
    { date: '2026-06-14', severity: 'critical', summary: 'before the rating' },
    { date: '2026-06-15', severity: 'critical', summary: 'on the issue day' },
    { date: '2026-09-01', severity: 'major', summary: 'major only' },
    { date: '2026-12-01', severity: 'critical', summary: 'on the application date', resolvedOn: '2026-12-01' },
    { date: '2026-12-02', severity: 'critical', summary: 'after the application date' },
  ];
  it('warns of each critical event from the issue date to the application date', () => {
    const d = dossier({ engineers: [], application: { ...RATING }, serviceEvents: events });
    const risks = recertificationRisks(d, currentRatingStatus(d, classic, '2026-12-01')!, '2026-12-01');
    expect(risks.map((r) => [r.code, r.path])).toEqual([
      ['recertification-at-risk', '/serviceEvents/1'],
      ['recertification-at-risk', '/serviceEvents/3'],
    ]);
  });

  it.each([
    ['a short summary', 'Core switch down', '"Core switch down"'],
    ['exactly 120 characters', 'x'.repeat(120), `"${'x'.repeat(120)}"`],
    ['a pasted log of 900,000 characters', 'y'.repeat(900_000), `"${'y'.repeat(119)}…"`],
    ['control characters and CRLF', 'a\u0007b\r\nc\u202e', '"a\\u0007b\\u000d\\u000ac\\u202e"'],
  ])('quotes %s in one line of bounded length', (_, summary, quoted) => {
    const d = dossier({ engineers: [], application: { ...RATING }, serviceEvents: [{ date: '2026-07-01', severity: 'critical', summary }] });
    const [risk] = recertificationRisks(d, currentRatingStatus(d, classic, '2026-12-01')!, '2026-12-01');
    expect(risk!.message).toContain(`(${quoted}, not resolved)`);
    expect(risk!.message.length).toBeLessThan(300);
  });

  it('ends the rating year at its last valid day when the application comes later', () => {
    const d = dossier({ engineers: [], application: { ...RATING }, serviceEvents: [{ date: '2027-06-15', severity: 'critical', summary: 'last day' }, { date: '2027-06-16', severity: 'critical', summary: 'lapsed' }] });
    const risks = recertificationRisks(d, currentRatingStatus(d, classic, '2027-07-01')!, '2027-07-01');
    expect(risks.map((r) => r.path)).toEqual(['/serviceEvents/0']);
  });
});

describe('superseded standards', () => {
  const table: Array<{ date: string; successor: string | undefined }> = [
    { date: '2024-12-31', successor: undefined },
    { date: '2025-01-01', successor: '2025' },
    { date: '2026-12-01', successor: '2025' },
  ];
  it.each(table)('classic on $date → superseded by $successor', ({ date, successor }) => {
    expect(successorOn(classic.standard, [classic.standard, std2025.standard], date)?.id).toBe(successor);
  });

  it('never supersedes the latest standard', () => {
    expect(successorOn(std2025.standard, [classic.standard, std2025.standard], '2030-01-01')).toBeUndefined();
  });
});

/**
 * The calendar output, read back by a real iCalendar parser (ical.js):
 * every deadline an all-day event with a stable UID; lines folded at 75
 * octets with CRLF; text escaped; the same bytes in every run.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkDossier, format } from '../../src/index.js';
import { escapeText, fold } from '../../src/report/ics.js';
import { root } from '../helpers.js';

const EXAMPLE = readFileSync(`${root}examples/rated-partner.yaml`, 'utf8');

function eventsOf(text: string): Array<{ uid: string; summary: string; start: string; end: string; description: string; allDay: boolean }> {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), end: event.endDate.toString(), description: event.description, allDay: event.startDate.isDate };
  });
}

describe('--format ics', () => {
  const report = checkDossier(EXAMPLE, { file: 'examples/rated-partner.yaml', remind: 30 });
  const text = format('ics', [report]);

  it('lists every deadline as an all-day event a parser reads', () => {
    const events = eventsOf(text);
    expect(events.every((e) => e.allDay)).toBe(true);
    const summaries = events.map((e) => `${e.start} ${e.summary.replace('Selangor Data Systems Sdn Bhd: ', '')}`);
    expect(summaries).toEqual(
      expect.arrayContaining([
        '2026-12-01 Report the exit of E07: due today',
        '2027-02-26 Fill the vacancy of E07: due today',
        '2027-06-15 three-star rating: last valid day',
        '2027-05-16 Recertify: the three-star rating ends in 30 days',
        '2027-06-30 Three-star: last day it is met',
        '2027-06-15 Training owed for Three-star: 2 events',
      ]),
    );
    // Met obligations are no deadline.
    expect(summaries.some((s) => s.includes('E05'))).toBe(false);
    // The renew-by day is the last day the certificate counts: the day before its expiry comes within three months.
    expect(summaries).toContain('2027-06-30 Renew PMP of E03 by today');
    for (const e of events) expect(e.end > e.start).toBe(true);
  });

  it('gives each event a UID that the next run keeps', () => {
    const events = eventsOf(text);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const again = eventsOf(format('ics', [checkDossier(EXAMPLE, { file: 'examples/rated-partner.yaml', remind: 30 })]));
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    // A later application date changes the stamp, not the identity of an event on the same day.
    const later = eventsOf(format('ics', [checkDossier(EXAMPLE, { file: 'examples/rated-partner.yaml', asOf: '2026-12-02', remind: 30 })]));
    const vacancy = (list: typeof events) => list.find((e) => e.summary.endsWith('Fill the vacancy of E07: due today'))!.uid;
    expect(vacancy(later)).toBe(vacancy(events));
  });

  it('writes CRLF lines of at most 75 octets, with no clock in them', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines.every((line) => !line.includes('\n') && Buffer.byteLength(line) <= 75)).toBe(true);
    expect(text).toMatch(/^DTSTAMP:20261201T000000Z$/m);
    expect(text.match(/^DTSTAMP:/gm)!.length).toBe(text.match(/^BEGIN:VEVENT/gm)!.length);
  });

  it('is one empty calendar for no dossier, and leaves an invalid dossier out', () => {
    const invalid = checkDossier('schemaVersion: 1\n', { file: 'bad.yaml' });
    expect(eventsOf(format('ics', [invalid]))).toEqual([]);
    expect(format('ics', [])).toBe(format('ics', [invalid]));
  });
});

describe('one calendar for a batch', () => {
  it.each([
    ['two dossiers of one partner, then another partner', ['MY-0311', 'MY-0311', 'MY-0999'], [1, 0, 1]],
    ['one partner three times', ['MY-0311', 'MY-0311', 'MY-0311'], [1, 0, 0]],
    ['three partners', ['A', 'B', 'C'], [1, 1, 1]],
    ['three partners of one name, told apart by their ids', ['MY-1', 'MY-2', 'MY-3'], [1, 1, 1]],
  ])('%s: each UID once, the first dossier’s event kept', (_, ids, kept) => {
    const reports = ids.map((id, i) => checkDossier(EXAMPLE.replace('id: MY-0311', `id: ${id}`), { file: `d${i}.yaml`, remind: 30 }));
    const alone = eventsOf(format('ics', [reports[0]!])).length;
    const events = eventsOf(format('ics', reports));
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(events.length).toBe(alone * kept.reduce((a, b) => a + b, 0));
    for (const [i, keeps] of kept.entries()) expect(events.some((e) => e.description.includes(`(d${i}.yaml,`))).toBe(keeps === 1);
  });
});

describe('folding and escaping', () => {
  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('escapes what TEXT must, and shows control characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(escapeText('x\u001b[31my')).toBe('x\\\\u001b[31my');
    const parsed = eventsOf(
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:1', 'DTSTAMP:20261201T000000Z', 'DTSTART;VALUE=DATE:20261201', fold(`SUMMARY:${escapeText('Tan, Lee; and\nco \\ ok')}`), 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    );
    expect(parsed[0]!.summary).toBe('Tan, Lee; and\nco \\ ok');
  });
});

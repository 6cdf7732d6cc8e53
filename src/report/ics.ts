/**
 * `--format ics`: one iCalendar file (RFC 5545) per run, with an all-day
 * event for every deadline of every valid dossier (see core/calendar.ts).
 * Each event's UID is derived from the partner, the subject and the date,
 * so importing the next run's calendar updates the events rather than
 * doubling them. Nothing reads the clock: DTSTAMP is the dossier's
 * application date, so the same run gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { addDays } from '../core/dates.js';
import { printable } from '../core/findings.js';
import type { DossierReport, Formatter } from './run.js';

const CRLF = '\r\n';
/** RFC 5545 3.1: lines of at most 75 octets, excluding the line break. */
const LINE_OCTETS = 75;

/**
 * Folds a content line at 75 octets, never inside a UTF-8 sequence: each
 * continuation line starts with one space, which counts towards its 75.
 */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (octets + size > LINE_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line break escaped; control characters shown as \uXXXX first. */
export function escapeText(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => printable(line).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,'))
    .join('\\n');
}

const basic = (date: string): string => date.replace(/-/g, '');

/** A UID no other event shares: the partner (its id, else its name), the subject and the date, hashed. */
function uid(partner: string, subject: string, date: string): string {
  return `${createHash('sha256').update(`${partner}\u0000${subject}\u0000${date}`).digest('hex').slice(0, 32)}@starcheck`;
}

function events(d: DossierReport): string {
  if (!d.valid || d.deadlines === undefined || d.asOf === null) return '';
  const partner = d.partner ?? d.file;
  // Who the events are for: the vendor's partner id when given, else the name (as the batch's claims say), so two partners of one name never share a UID.
  const whose = d.applicant?.id ?? partner;
  const stamp = `${basic(d.asOf)}T000000Z`;
  const lines: string[] = [];
  for (const deadline of d.deadlines) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid(whose, deadline.subject, deadline.date)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basic(deadline.date)}`,
      `DTEND;VALUE=DATE:${basic(addDays(deadline.date, 1))}`,
      `SUMMARY:${escapeText(`${partner}: ${deadline.summary}`)}`,
      `DESCRIPTION:${escapeText(`${deadline.description}\n(${d.file}, checked against the ${d.standard} standard on ${d.asOf})`)}`,
      `CATEGORIES:${escapeText(deadline.subject.split('/')[0]!)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  return lines.map((line) => fold(line) + CRLF).join('');
}

const BEGIN = `BEGIN:VEVENT${CRLF}`;

/**
 * A keeper of the events not yet written, for one run: two dossiers of one
 * partner in a batch (a resubmission beside the first) owe the same
 * deadlines, and a calendar may carry a UID once (RFC 5545 3.8.4.7), so an
 * event whose UID an earlier dossier's part gave is left out.
 */
export function firstOfEachUid(): (part: string) => string {
  const seen = new Set<string>();
  return (part) => {
    if (!part.startsWith(BEGIN)) return part;
    return part
      .split(BEGIN)
      .slice(1)
      .filter((event) => {
        const id = /^UID:([^\r]*)\r\n/.exec(event)?.[1];
        if (id === undefined || !seen.has(id)) {
          if (id !== undefined) seen.add(id);
          return true;
        }
        return false;
      })
      .map((event) => BEGIN + event)
      .join('');
  };
}

export const ics: Formatter = {
  part: events,
  assemble: (run) => ({
    distinct: firstOfEachUid(),
    head: ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(`-//${run.tool.name}//${run.tool.name} ${run.tool.version}//EN`)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-CALNAME:starcheck deadlines']
      .map((line) => fold(line) + CRLF)
      .join(''),
    separator: '',
    tail: `END:VCALENDAR${CRLF}`,
  }),
};

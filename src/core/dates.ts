/**
 * Calendar dates without a time zone.
 *
 * Dossier dates are plain `YYYY-MM-DD` days. Everything here works on UTC day
 * numbers, never on the local clock, so results are the same in every time
 * zone and no function reads the current time.
 */
import { remembered } from './memo.js';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** `YYYY-MM-DD` with ASCII digits, tested by character codes: every date of every dossier comes through here. */
function isoShaped(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return false;
  for (const i of DIGIT_POSITIONS) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) value = value * 10 + (text.charCodeAt(i) - 0x30);
  return value;
}
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/**
 * The years a dossier date may name. Outside them date arithmetic stops being
 * meaningful (JavaScript reads years 0–99 as 1900–1999, and past 9999 the
 * strings stop sorting as dates), and no certificate or application falls there.
 */
export const SUPPORTED_YEARS = { first: 1900, last: 2999 } as const;

/** The year, month and day of a real calendar day in `YYYY-MM-DD` form, whatever the year. */
function calendarParts(text: string): [number, number, number] | undefined {
  if (!isoShaped(text)) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? [year, month, day] : undefined;
}

/** True when `text` is a real calendar day in `YYYY-MM-DD` form (2026-02-30 is not) within SUPPORTED_YEARS. */
export function isIsoDate(text: string): boolean {
  const found = calendarParts(text);
  return found !== undefined && found[0] >= SUPPORTED_YEARS.first && found[0] <= SUPPORTED_YEARS.last;
}

function parts(date: IsoDate): [number, number, number] {
  const found = calendarParts(date);
  if (!found) throw new RangeError(`not a calendar date: ${JSON.stringify(date)}`);
  return found;
}

/** The ISO form of a calendar day given by its parts. */
export function calendarDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01; comparable and subtractable. */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  const t = new Date(day * MS_PER_DAY);
  return calendarDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds calendar months keeping the day of month, clamped to the last day of
 * the target month: 2026-11-30 + 3 months = 2027-02-28. `months` may be
 * negative.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return calendarDate(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Negative, zero or positive as `a` is before, on or after `b`. ISO strings sort as dates. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first day `d` on which `addMonths(d, months) >= limit`, i.e. the first
 * application date on which something ending at `limit` no longer lies more
 * than `months` months ahead. addMonths is monotone in `d`, so we start from
 * the clamped inverse and step a few days to the exact boundary.
 */
export function firstDateReaching(limit: IsoDate, months: number): IsoDate {
  // A batch meets the same expiry dates over and over, and holdsUntil and the lapse warnings ask for each one more than once.
  return remembered(reaching, months, limit, () => searchFirstDateReaching(limit, months));
}

const reaching = new Map<number, Map<IsoDate, IsoDate>>();

function searchFirstDateReaching(limit: IsoDate, months: number): IsoDate {
  let day = toDayNumber(addMonths(limit, -months));
  while (compareDates(addMonths(fromDayNumber(day - 1), months), limit) >= 0) day -= 1;
  while (compareDates(addMonths(fromDayNumber(day), months), limit) < 0) day += 1;
  return fromDayNumber(day);
}

/**
 * The user's calendar day for `now`: the default application date when
 * neither --as-of nor the dossier gives one. The engine never reads a clock: the caller hands it `now`.
 */
export function localDate(now: Date): IsoDate {
  return calendarDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

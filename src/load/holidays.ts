/**
 * `--holidays <file>`: public holidays, which are no working days for the
 * staffing obligations. A YAML or JSON list of `YYYY-MM-DD` dates (a
 * partner's country has its own). Read with the limits every input has
 * (size, encoding, binary content, hostile YAML), and every entry checked:
 * each problem is a finding located in the file.
 */
import { isIsoDate, type IsoDate } from '../core/dates.js';
import { capped, printable, type Finding } from '../core/findings.js';
import { formatOf, parseSource } from './parse.js';
import { readSource } from './read.js';

/** More dates than ten years of any country's holidays: past it a file is not a holiday list. */
export const MAX_HOLIDAYS = 5000;

export type HolidaysResult = { ok: true; dates: IsoDate[] } | { ok: false; errors: Finding[] };

export function readHolidays(file: string): HolidaysResult {
  const read = readSource(file);
  if (!read.ok) return { ok: false, errors: [read.error] };
  const parsed = parseSource(read.text, formatOf(file));
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const { data, locate } = parsed.parsed;
  const problem = (path: string, message: string): Finding => ({ code: 'bad-holidays', severity: 'error', message: printable(message), path, ...locate(path) });
  if (!Array.isArray(data)) return { ok: false, errors: [problem('', 'a holidays file is a list of dates (YYYY-MM-DD), for example [2026-12-25, 2027-01-01]')] };
  if (data.length > MAX_HOLIDAYS) return { ok: false, errors: [problem('', `the list has ${data.length} dates; at most ${MAX_HOLIDAYS} are allowed`)] };
  const errors: Finding[] = [];
  data.forEach((entry, i) => {
    if (typeof entry !== 'string' || !isIsoDate(entry)) {
      errors.push(problem(`/${i}`, `holiday ${JSON.stringify(entry) ?? String(entry)} is not a calendar date from 1900 to 2999 (YYYY-MM-DD)`));
    }
  });
  if (errors.length > 0) return { ok: false, errors: capped(errors) };
  return { ok: true, dates: [...new Set(data as string[])].sort() };
}

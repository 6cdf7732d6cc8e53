/**
 * `--format csv`: one row per dossier for a spreadsheet or a script, RFC 4180
 * (quoted as needed by csv-stringify, CRLF line ends). Cells a spreadsheet
 * would run as a formula are neutralised with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { againstOwnStandard, type DossierReport, type Formatter } from './run.js';
import { requiredTierOf } from './view.js';

export const CSV_COLUMNS = ['file', 'partner', 'standard', 'own_standard', 'valid', 'highest_tier', 'required_tier', 'pass', 'gap_count', 'earliest_lapse'] as const;

/** Spreadsheets treat a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function row(d: DossierReport): string[] {
  const required = requiredTierOf(d);
  return [
    d.file,
    d.partner ?? '',
    d.standard ?? '',
    String(againstOwnStandard(d)),
    String(d.valid),
    d.highestTier ?? '',
    d.requiredTier ?? '',
    String(d.pass),
    required !== undefined ? String(required.gaps) : '',
    d.firstLapse?.on ?? '',
  ].map(neutralise);
}

// A bare LF or CR in a cell (a partner name, a file name) would end the record for most readers; csv-stringify quotes only a cell holding the whole delimiter (CRLF).
const records = (rows: string[][]): string => stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });

export const csv: Formatter = {
  part: (d) => records([row(d)]),
  assemble: () => ({ head: records([[...CSV_COLUMNS]]), separator: '', tail: '' }),
};

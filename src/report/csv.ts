/**
 * `--format csv`: one row per dossier for a spreadsheet or a script, RFC 4180
 * (quoted as needed by csv-stringify, CRLF line ends). Cells a spreadsheet
 * would run as a formula are neutralised with a leading apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { againstOwnStandard, type DossierReport, type Formatter } from './run.js';
import type { TierResult } from '../core/evaluate.js';
import { locatedMessage, neededRows, requiredTierOf } from './view.js';

export const CSV_COLUMNS = [
  'file',
  'partner_id',
  'partner',
  'country',
  'channel',
  'standard',
  'own_standard',
  'application_date',
  'valid',
  'highest_tier',
  'required_tier',
  'pass',
  'gap_count',
  'unmet',
  'holds_until',
  'warnings',
  'first_error',
] as const;

/** Spreadsheets treat a cell starting with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The required tier's unmet rows by id, space-separated: the rows its gap count counts. */
function unmetIds(tier: TierResult | undefined): string {
  if (tier === undefined || tier.met) return '';
  return neededRows(tier)
    .filter((r) => !r.met)
    .map((r) => r.id)
    .join(' ');
}

function row(d: DossierReport): string[] {
  const required = requiredTierOf(d);
  const firstError = d.errors[0];
  return [
    d.file,
    d.applicant?.id ?? '',
    d.partner ?? '',
    d.applicant?.country ?? '',
    d.applicant?.channel ?? '',
    d.standard ?? '',
    String(againstOwnStandard(d)),
    // The date the tiers were judged on; for an invalid dossier, the date it gives.
    d.asOf ?? d.applicant?.date ?? '',
    String(d.valid),
    d.highestTier ?? '',
    d.requiredTier ?? '',
    String(d.pass),
    required !== undefined ? String(required.gaps) : '',
    unmetIds(required),
    // The last day the required tier is held, as text and JSON give it; empty when it is not met or nothing it rests on lapses.
    required?.met === true && typeof required.holdsUntil === 'string' ? required.holdsUntil : '',
    [...new Set(d.warnings.map((w) => w.code))].join(' '),
    firstError !== undefined ? locatedMessage(d.file, firstError) : '',
  ].map(neutralise);
}

// A bare LF or CR in a cell (a partner name, a file name) would end the record for most readers; csv-stringify quotes only a cell holding the whole delimiter (CRLF).
const records = (rows: string[][]): string => stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });

export const csv: Formatter = {
  part: (d) => records([row(d)]),
  assemble: () => ({ head: records([[...CSV_COLUMNS]]), separator: '', tail: '' }),
};

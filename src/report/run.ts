/** The result of one run over one or more dossiers: what every formatter reads. */
import type { Claims } from '../core/integrity.js';
import type { IsoDate } from '../core/dates.js';
import type { TierResult } from '../core/evaluate.js';
import type { TierLapse } from '../core/lapses.js';
import type { Finding } from '../findings.js';

/** One dossier's outcome, as the pipeline produces it and every formatter reads it. */
export interface DossierReport {
  file: string;
  partner: string | null;
  /** The standard id the dossier was checked against (null when none could be loaded). */
  standard: string | null;
  asOf: IsoDate | null;
  valid: boolean;
  errors: Finding[];
  warnings: Finding[];
  tiers: TierResult[];
  highestTier: string | null;
  requiredTier: string | null;
  pass: boolean;
  /** The rating held now, when the dossier declares one: the tier, its issue date and its last valid day. */
  currentRating?: { tier: string; issued: IsoDate; validUntil: IsoDate };
  /** The tier met now that is lost first, and when; null when none is (or none is met). */
  firstLapse: TierLapse | null;
  /** What the batch's cross-dossier checks compare (valid dossiers only); formatters never read it. */
  claims?: Claims;
}

export interface RunResult {
  tool: { name: 'starcheck'; version: string };
  /**
   * The standard named on the command line, or the default; null when some
   * dossier named another of its own. Each dossier also says its own.
   */
  standard: { id: string | null; title: string };
  dossiers: DossierReport[];
  summary: { total: number; passed: number; failed: number; invalid: number };
}

export interface FormatOptions {
  color: boolean;
  quiet: boolean;
}

/** A formatter turns a run into the text of one output; it never re-evaluates. */
export type Formatter = (run: RunResult, options: FormatOptions) => string;

export function summarise(dossiers: DossierReport[]): RunResult['summary'] {
  const invalid = dossiers.filter((d) => !d.valid).length;
  const passed = dossiers.filter((d) => d.valid && d.pass).length;
  return { total: dossiers.length, passed, failed: dossiers.length - passed - invalid, invalid };
}

/**
 * A run of check, as the command line and the API both make one: the
 * settings checked and turned into each dossier's options, the standard
 * the run reports at the top, the summary and the exit code.
 */
import { readFileSync } from 'node:fs';
import { isIsoDate, type IsoDate } from '../core/dates.js';
import { summarise, type DossierOutline, type RunOutline } from '../report/index.js';
import { DEFAULT_STANDARD, isShipped, loadStandard, type LoadedStandard } from '../validate/standard.js';
import { assertRequirable, type CheckOptions } from './dossier.js';
import { EXIT, SettingsFileError, UsageError } from './errors.js';
import { readHolidays } from '../load/holidays.js';

/** Ten years: further than any certificate or rating runs. */
const MAX_WARN_WITHIN_DAYS = 3650;

/** What a run asks for; each name is how the caller calls it, for its messages (`--as-of` on the command line, `asOf` in the API). */
export interface RunSettings {
  standard?: string;
  asOf?: string;
  require?: string;
  /** A tier to plan for, met or not by the required tier. */
  plan?: string;
  /** Days, as a number or as the command line's digits. */
  warnWithin?: number | string;
  /** A holidays file (YAML or JSON list of dates), read once for the run. */
  holidays?: string;
  /** Days before the current rating's last day for the calendar's reminder, as warnWithin is given. */
  remind?: number | string;
  /** The date used when neither the settings nor a dossier give one: the caller's today. */
  today: IsoDate;
  /** The submission must name every file it needs (--materials). */
  materials?: boolean;
}

/**
 * The options every dossier of the run is checked with, and the standard
 * the run names at the top. A standard named in the settings must load
 * before any dossier is read (a StandardError otherwise, exit 3), and a
 * tier required of it must be one of its tiers.
 */
export function runOptions(settings: RunSettings, names: Record<'asOf' | 'warnWithin' | 'remind', string>): { options: CheckOptions; chosen: LoadedStandard } {
  if (settings.asOf !== undefined && !isIsoDate(settings.asOf)) {
    throw new UsageError(`${names.asOf} "${settings.asOf}" is not a calendar date from 1900 to 2999; use YYYY-MM-DD, for example 2026-12-01`);
  }
  // Digits only, as the command line gives it or as String() writes a number: 1.5, -1 and 1e21 are none; quoted as given.
  const warnWithin = days(settings.warnWithin, names.warnWithin);
  const remind = days(settings.remind, names.remind);
  let holidays: IsoDate[] | undefined;
  if (settings.holidays !== undefined) {
    const read = readHolidays(settings.holidays);
    if (!read.ok) throw new SettingsFileError(settings.holidays, read.errors);
    holidays = read.dates;
  }
  const chosen = loadStandard(settings.standard ?? DEFAULT_STANDARD);
  if (settings.standard !== undefined) {
    assertRequirable(settings.require, chosen.catalogue);
    assertRequirable(settings.plan, chosen.catalogue, '--plan');
  }
  const options: CheckOptions = {
    ...(settings.standard !== undefined ? { standard: settings.standard } : {}),
    ...(settings.asOf !== undefined ? { asOf: settings.asOf } : {}),
    ...(settings.require !== undefined ? { require: settings.require } : {}),
    ...(settings.plan !== undefined ? { plan: settings.plan } : {}),
    ...(warnWithin !== undefined ? { warnWithin } : {}),
    ...(settings.materials === true ? { materials: true } : {}),
    ...(remind !== undefined ? { remind } : {}),
    ...(holidays !== undefined ? { holidays } : {}),
    today: settings.today,
  };
  return { options, chosen };
}

/** A number of days as the command line's digits or the API's number, 0 to ten years: 1.5, -1 and 1e21 are none; quoted as given. */
function days(value: number | string | undefined, name: string): number | undefined {
  const given = value === undefined ? undefined : String(value);
  if (given !== undefined && !(/^\d{1,5}$/.test(given) && Number(given) <= MAX_WARN_WITHIN_DAYS)) {
    throw new UsageError(`${name} "${given}" is not a whole number of days from 0 to ${MAX_WARN_WITHIN_DAYS} (ten years); for example 90`);
  }
  return given === undefined ? undefined : Number(given);
}

/** The run's outline: its dossiers, its summary, and the standard at the top. */
export function runOutline(version: string, chosen: LoadedStandard, dossiers: DossierOutline[]): RunOutline {
  return { tool: { name: 'starcheck', version }, standard: runStandard(chosen.catalogue.standard, dossiers), dossiers, summary: summarise(dossiers) };
}

/**
 * The standard a run reports at the top: the one every dossier was checked
 * against when they agree (the settings', the default, or a shipped one
 * the dossiers named), else null — each dossier always says its own.
 */
function runStandard(chosen: { id: string; title: string }, dossiers: readonly DossierOutline[]): RunOutline['standard'] {
  const ids = new Set(dossiers.map((d) => d.standard).filter((id) => id !== null));
  const only = ids.size === 1 ? [...ids][0]! : chosen.id;
  if (ids.size <= 1 && only === chosen.id) return { id: chosen.id, title: chosen.title };
  if (ids.size === 1 && isShipped(only)) {
    const { standard } = loadStandard(only).catalogue;
    return { id: standard.id, title: standard.title };
  }
  return { id: null, title: 'several standards: each dossier names the one it was checked against' };
}

/** The package's version, from its manifest: from src/check, dist/check and dist/bundle alike. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The exit code of a whole run: the worst over all dossiers. */
export function exitCodeOf(dossiers: ReadonlyArray<Pick<DossierOutline, 'valid' | 'pass'>>): number {
  if (dossiers.some((d) => !d.valid)) return EXIT.badDossier;
  if (dossiers.some((d) => !d.pass)) return EXIT.belowRequired;
  return EXIT.ok;
}

/**
 * starcheck as a library: what the command line is built on, for a vendor
 * portal or a script that checks dossiers in-process.
 *
 * A dossier is checked into a report, the same report every `--format`
 * prints (`format('json', …)` prints it as the JSON contract). A bad
 * dossier is a report with errors, never an exception; a bad call (an
 * unknown format, a date that is none) throws UsageError and a standard
 * that cannot be used throws StandardError, the two known errors, which
 * `exitCodeOf` and EXIT map to the command line's exit codes.
 *
 *     import { checkDossier, format } from 'starcheck';
 *     const report = checkDossier(text, { file: 'acme.yaml', asOf: '2026-12-01' });
 *     if (!report.pass) console.log(format('text', [report]));
 */
import { resolve } from 'node:path';
import { checkTargets } from './check/batch.js';
import { checkText, validateText, type DossierReport } from './check/dossier.js';
import { SettingsFileError, UsageError } from './check/errors.js';
import { expandPaths } from './check/paths.js';
import { packageVersion, runOptions, runOutline, type RunSettings } from './check/run.js';
import { MEMORY_BUDGET, PartStore } from './check/spool.js';
import { localDate, type IsoDate } from './core/dates.js';
import type { Finding } from './core/findings.js';
import { decodeSource } from './load/read.js';
import { formatters, outlineOf, render, summarise, type FormatOptions, type RunResult } from './report/index.js';
import { isShipped, loadStandard, StandardError } from './validate/standard.js';

export { EXIT, SettingsFileError, UsageError } from './check/errors.js';
export { exitCodeOf, packageVersion } from './check/run.js';
/** A shipped standard by id (`classic`, `2025`) or a standard file, checked in full; StandardError when it cannot be used. */
export { loadStandard, StandardError } from './validate/standard.js';
export type { DossierReport } from './check/dossier.js';
export type { IsoDate } from './core/dates.js';
export type { TierResult } from './core/evaluate.js';
export type { KeepRenewal, Plan, PlanAction, PlanActionKind } from './core/plan.js';
export type { Finding } from './core/findings.js';
export type { RequirementResult } from './core/kinds/index.js';
export type { Dossier, Standard } from './core/model.js';
export type { FormatOptions, RunResult } from './report/index.js';
export type { LoadedStandard } from './validate/standard.js';

/** What a check asks for; each is optional, as each option of `starcheck check` is. */
export interface CheckSettings {
  /** A shipped standard id or a standard file; default: the dossier's application.standard, else classic. */
  standard?: string;
  /** The application date, YYYY-MM-DD; default: the dossier's application.date, else `today`. */
  asOf?: string;
  /** The tier each dossier must meet; default: the dossier's targetTier, else the lowest tier. */
  require?: string;
  /** A tier to plan for; default: the required tier, when it is missed. */
  plan?: string;
  /** Warn about what lapses within this many days (0 to 3650; default 90). */
  warnWithin?: number;
  /** A file of public holidays (a YAML or JSON list of dates) for the staffing obligations' working days. */
  holidays?: string;
  /** Days before the current rating's last day for the calendar's recertification reminder (default 90). */
  remind?: number;
  /** The date when neither `asOf` nor the dossier gives one; default: the local calendar day. */
  today?: IsoDate;
  /** The submission must name every file it needs: each report gets `materials`, and what is missing fails it (as --materials). */
  materials?: boolean;
}

/** Whether an error is one starcheck knows (a bad call, a bad standard) rather than a bug. */
export function isKnownError(error: unknown): error is UsageError | StandardError | SettingsFileError {
  return error instanceof UsageError || error instanceof StandardError || error instanceof SettingsFileError;
}

function settingsOf(settings: CheckSettings): RunSettings {
  const { today = localDate(new Date()), ...rest } = settings;
  return { ...rest, today };
}

const NAMES = { asOf: 'asOf', warnWithin: 'warnWithin', remind: 'remind' };

/** The text as a dossier file would be read, with the same limits (size, binary content, encoding). */
const readText = (text: string) => decodeSource(Buffer.from(text, 'utf8'));

/**
 * Checks one dossier's text. `file` names it in the report (default
 * `<input>`); a name ending in .json reads it as JSON. A dossier given as
 * text has no folder, so it may name only a shipped standard.
 */
export function checkDossier(text: string, settings: CheckSettings & { file?: string } = {}): DossierReport {
  const { file = '<input>', ...rest } = settings;
  return checkText(file, readText(text), runOptions(settingsOf(rest), NAMES).options);
}

/**
 * Checks dossier files, directories and globs as `starcheck check` does
 * (the cross-dossier warnings included), on up to `jobs` threads (default
 * 1). Reports name the files as the paths do; given a `cwd`, the paths are
 * taken from there, and reports name them resolved against it.
 */
export async function checkFiles(paths: readonly string[], settings: CheckSettings & { cwd?: string; jobs?: number } = {}): Promise<RunResult> {
  const { cwd, jobs = 1, ...rest } = settings;
  if (paths.includes('-')) throw new UsageError('checkFiles reads files, not standard input; give the text to checkDossier');
  const { options, chosen } = runOptions(settingsOf(rest), NAMES);
  const store = new PartStore(MEMORY_BUDGET);
  try {
    // A file is read by the name it is reported by: from another folder, that is the whole path.
    const named = cwd === undefined ? paths : paths.map((path) => resolve(cwd, path));
    const checked = await checkTargets(await expandPaths(named, resolve('.')), { options, outputs: [], keepReports: true }, { jobs, stdin: (async function* () {})(), store });
    const run = runOutline(
      packageVersion(),
      chosen,
      checked.map((c) => c.outline),
    );
    // What the batch compares across dossiers is its own business, not the report's.
    return { ...run, dossiers: checked.map(({ report }) => ({ ...report!, claims: undefined })) };
  } finally {
    store.close();
  }
}

/** Checks one dossier's text against the schema and its standard's catalogue only, as `starcheck validate` does. */
export function validateDossier(text: string, settings: { file?: string; standard?: string } = {}): { valid: boolean; standard: string | null; errors: Finding[] } {
  const validated = validateText(settings.file ?? '<input>', readText(text), settings.standard);
  return validated.ok
    ? { valid: true, standard: validated.catalogue.standard.id, errors: [] }
    : { valid: false, standard: validated.report.standard, errors: validated.report.errors };
}


/** The names `format` takes: text, json, markdown, junit, sarif, github, csv, html. */
export const FORMATS: readonly string[] = Object.keys(formatters);

/**
 * Prints reports in one of the formats, as `--format` does: a run from
 * checkFiles, or reports from checkDossier (then the run around them is
 * made from them).
 */
export function format(name: string, reports: RunResult | readonly DossierReport[], options: Partial<FormatOptions> = {}): string {
  const formatter = Object.hasOwn(formatters, name) ? formatters[name] : undefined;
  if (formatter === undefined) throw new UsageError(`unknown format "${name}" — expected one of ${FORMATS.join(', ')}`);
  const run: RunResult = Array.isArray(reports) ? runOf(reports as readonly DossierReport[]) : (reports as RunResult);
  return render(formatter, run, { color: false, quiet: false, ...options });
}

/** The run around reports checked one by one: the standard at the top is theirs when they agree. */
function runOf(reports: readonly DossierReport[]): RunResult {
  const ids = [...new Set(reports.map((r) => r.standard).filter((id) => id !== null))];
  const only = ids.length === 1 ? ids[0]! : undefined;
  const standard =
    only === undefined
      ? { id: null, title: 'several standards: each dossier names the one it was checked against' }
      : { id: only, title: isShipped(only) ? loadStandard(only).catalogue.standard.title : `the ${only} standard` };
  return { tool: { name: 'starcheck', version: packageVersion() }, standard, dossiers: [...reports], summary: summarise(reports.map(outlineOf)) };
}


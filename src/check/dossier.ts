/**
 * One dossier through the whole flow, once its text is read: parse → validate → evaluate.
 * Returns the report entry every formatter reads; never throws for a bad
 * dossier (that is an entry with errors). It throws only StandardError for a
 * standard the user chose on the command line.
 */
import type { Catalogue } from '../core/catalogue.js';
import type { IsoDate } from '../core/dates.js';
import type { Dossier } from '../core/model.js';
import { evaluate } from '../core/evaluate.js';
import { firstTierLapse, lapseWarnings } from '../core/lapses.js';
import { claimsOf, sameFileWithin } from '../core/integrity.js';
import { materialsOf, type MaterialFile } from '../core/materials.js';
import { fileHashes, gatherMaterials } from './materials.js';
import { keepRenewals, planFor } from '../core/plan.js';
import { addYears } from '../core/dates.js';
import { recertificationRisks, staffingObligations, successorOn } from '../core/obligations.js';
import { DEFAULT_REMIND_DAYS, deadlinesOf } from '../core/calendar.js';
import { valueAt } from '../core/pointer.js';
import { OWN_STANDARD, printable, type Finding } from '../core/findings.js';
import { formatOf, parseSource, type ParsedSource } from '../load/parse.js';
import { confinedPath, realFolderOf, STANDARD_FILE } from '../load/confine.js';
import type { ReadResult } from '../load/read.js';
import { DEFAULT_STANDARD, isShipped, loadStandard, shippedStandards, SHIPPED_STANDARDS, StandardError, type LoadedStandard } from '../validate/standard.js';
import { didYouMean } from '../core/suggest.js';
import { validateDossier } from '../validate/dossier.js';
import type { DossierReport } from '../report/run.js';
import { UsageError } from './errors.js';
import { applicantOf } from './applicant.js';


/**
 * The code of a file a directory walk or a glob found that is no dossier: it
 * parses, but its top level has neither `schemaVersion` nor `partner`
 * (package.json, a CI workflow, an OpenAPI file). A batch skips it and counts
 * it; one that fails to read or parse stays a row, since it may be a dossier
 * with a mistake. Decided on the parse every dossier gets anyway.
 */
export const NOT_A_DOSSIER = 'not-a-dossier';

function isDossierShaped(data: unknown): boolean {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && (Object.hasOwn(data, 'schemaVersion') || Object.hasOwn(data, 'partner'));
}

/** How reports name a dossier read from standard input. */
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  /** --standard: overrides the dossier's own. */
  standard?: string;
  /** --as-of: overrides the dossier's application date. */
  asOf?: IsoDate;
  /** --require: overrides the dossier's target tier. */
  require?: string;
  /** --plan: the tier to plan for (default: the required tier, when it is missed). */
  plan?: string;
  /** The date used when neither --as-of nor the dossier gives one. */
  today: IsoDate;
  /** --warn-within: warn about what lapses within this many days (default 90). */
  warnWithin?: number;
  /** --materials: the submission must name every file it needs (the report's materials section; missing ones fail). */
  materials?: boolean;
  /** --holidays: public holidays, which are not working days for the staffing obligations. */
  holidays?: readonly IsoDate[];
  /** --remind: the recertification reminder falls this many days before the current rating's last day (default 90). */
  remind?: number;
  /** Work out the report's `deadlines` (only the ics format prints them); default true. A run none of whose outputs is ics says false. */
  deadlines?: boolean;
}

export const DEFAULT_WARN_WITHIN_DAYS = 90;

export type { DossierReport };

/** The report of a dossier that could not be checked: found, read, parsed or validated. */
export function invalid(file: string, errors: Finding[], partial: Partial<DossierReport> = {}): DossierReport {
  return {
    file,
    partner: null,
    standard: null,
    asOf: null,
    ...partial,
    valid: false,
    errors,
    warnings: [],
    tiers: [],
    highestTier: null,
    requiredTier: null,
    pass: false,
    firstLapse: null,
  };
}

/** A string at a pointer of raw, not yet validated data, if it is one. */
function rawString(data: unknown, pointer: string): string | undefined {
  const value = valueAt(data, pointer);
  return typeof value === 'string' ? value : undefined;
}

/** A dossier through read, parse, standard and validation: ready to evaluate, or an invalid report. */
export type ValidatedDossier =
  | {
      ok: true;
      dossier: Dossier;
      catalogue: Catalogue;
      locate: ParsedSource['locate'];
      /** The standard file the dossier supplied itself, as it names it: a verdict vendor staff must see is against it. */
      ownStandard?: string;
      /** The files it names (certificates, the form), each found good. */
      materials: MaterialFile[];
    }
  | { ok: false; report: DossierReport; catalogue?: Catalogue; ownStandard?: string; notDossier?: true };

/**
 * Reads, parses and validates one dossier against its standard: `standard`
 * (the command line's) when given, else the dossier's own, else the default.
 * Everything `starcheck validate` does, and the first half of `check`.
 * A file a walk found (`walked`) that is no dossier comes back `notDossier`.
 */
export function validateText(file: string, read: ReadResult, standardRef?: string, walked = false): ValidatedDossier {
  if (!read.ok) return { ok: false, report: invalid(file, [read.error]) };
  const parsed = parseSource(read.text, formatOf(file));
  if (!parsed.ok) return { ok: false, report: invalid(file, parsed.errors) };
  const { data, locate } = parsed.parsed;
  if (walked && !isDossierShaped(data)) {
    const message = 'not a dossier: neither schemaVersion nor partner at the top level';
    return { ok: false, notDossier: true, report: invalid(file, [{ code: NOT_A_DOSSIER, severity: 'error', message }]) };
  }
  const partner = rawString(data, '/partner/name') ?? null;
  const who = { partner, ...applicantOf(data) };

  let standard: LoadedStandard;
  let ownFile: string | undefined;
  const own = rawString(data, '/application/standard');
  if (standardRef !== undefined) {
    standard = loadStandard(standardRef);
  } else if (own !== undefined) {
    const path = '/application/standard';
    const refused = (message: string, code = 'unknown-standard'): ValidatedDossier => ({
      ok: false,
      report: invalid(file, [{ code, severity: 'error', message: printable(`application.standard "${own}" ${message}`), path, ...locate(path) }], who),
    });
    // A dossier names a shipped standard or a standard file inside its own folder (see confine.ts).
    if (!isShipped(own) && !STANDARD_FILE.pattern.test(own)) {
      return refused(`is neither a shipped standard (${SHIPPED_STANDARDS.join(', ')}) nor a .yaml, .yml or .json file${didYouMean(own, SHIPPED_STANDARDS)}`);
    }
    let ref: string = own;
    if (!isShipped(own)) {
      const confined = confinedPath(read.source === undefined ? undefined : realFolderOf(read.source), own, STANDARD_FILE);
      if (!confined.ok) return refused(confined.message, 'confined');
      ref = confined.path;
      ownFile = own;
    }
    try {
      standard = loadStandard(ref, { regularOnly: true });
    } catch (error) {
      if (!(error instanceof StandardError)) throw error;
      // The file is the dossier's own, inside its folder: its errors are the dossier's.
      const errors = error.findings.map((f) => ({ ...f, path, ...locate(path), message: printable(`application.standard "${own}": ${f.message}`) }));
      return { ok: false, report: invalid(file, errors, who) };
    }
  } else {
    standard = loadStandard(DEFAULT_STANDARD);
  }
  const { catalogue } = standard;
  const validation = validateDossier(parsed.parsed, catalogue);
  const supplied = ownFile !== undefined ? { ownStandard: ownFile } : {};
  if (!validation.ok) return { ok: false, report: invalid(file, validation.errors, { ...who, standard: catalogue.standard.id }), catalogue, ...supplied };
  // The files it names are part of the dossier: one that is missing or no PDF, JPEG or PNG makes it invalid.
  const materials = gatherMaterials(validation.dossier, read.source, locate);
  if (!materials.ok) return { ok: false, report: invalid(file, materials.errors, { ...who, standard: catalogue.standard.id }), catalogue, ...supplied };
  return { ok: true, dossier: validation.dossier, catalogue, locate, ...supplied, materials: materials.files };
}

/** A --require naming no tier of the standard is a usage error (exit 3), however the dossiers fare. */
export function assertRequirable(require: string | undefined, catalogue: Catalogue, flag = '--require'): void {
  if (require === undefined || catalogue.tierIds.includes(require)) return;
  const hint = didYouMean(require, catalogue.tierIds) || ` — expected one of ${catalogue.tierIds.join(', ')}`;
  throw new UsageError(`${flag}: "${require}" is not a tier of the ${catalogue.standard.id} standard${hint}`);
}

/** The warning that a dossier was checked against a standard file of its own, when it was. */
export function ownStandardWarnings(validated: ValidatedDossier & { ok: true }): Finding[] {
  if (validated.ownStandard === undefined) return [];
  const path = '/application/standard';
  const standardId = validated.catalogue.standard.id;
  const message = `checked against the dossier's own standard file ${validated.ownStandard} (standard "${standardId}"), not a shipped one (${SHIPPED_STANDARDS.join(', ')}); the verdict holds only as far as that file does`;
  return [{ code: OWN_STANDARD, severity: 'warning', message: printable(message), path, ...validated.locate(path) }];
}

/**
 * Checks one dossier whose text has been read (or failed to be). `more` are
 * warnings about it found elsewhere (a batch's cross-dossier checks), which
 * are located in its text and follow its own. A file a walk found
 * (`walked`) that is no dossier is an invalid report with the one error
 * NOT_A_DOSSIER, which a batch skips.
 */
export function checkText(file: string, read: ReadResult, options: CheckOptions, more: readonly Finding[] = [], walked = false): DossierReport {
  return checkValidated(file, validateText(file, read, options.standard, walked), options, more);
}

/** checkText past its validation, for a caller that keeps the validated dossier as well (pack, which zips its files). */
export function checkValidated(file: string, validated: ValidatedDossier, options: CheckOptions, more: readonly Finding[] = []): DossierReport {
  // A tier a shipped standard lacks is the command line's mistake (exit 3); one a dossier's own standard
  // file lacks is that dossier's, and the batch goes on.
  if (validated.catalogue && validated.ownStandard === undefined) {
    assertRequirable(options.require, validated.catalogue);
    assertRequirable(options.plan, validated.catalogue, '--plan');
  }
  if (!validated.ok) return validated.report;
  const { dossier, catalogue, locate } = validated;
  const standardId = catalogue.standard.id;
  for (const [flag, tier] of [['--require', options.require], ['--plan', options.plan]] as const) {
    if (tier === undefined || catalogue.tierIds.includes(tier)) continue;
    const path = '/application/standard';
    const message = `${flag} "${tier}" is not a tier of the ${standardId} standard this dossier supplies — its tiers are ${catalogue.tierIds.join(', ')}`;
    return invalid(file, [{ code: 'unknown-tier', severity: 'error', message: printable(message), path, ...locate(path) }], { partner: dossier.partner.name, ...applicantOf(dossier), standard: standardId });
  }

  const asOf = options.asOf ?? dossier.application?.date ?? options.today;
  const requiredTier = options.require ?? dossier.application?.targetTier ?? catalogue.tierIds[catalogue.tierIds.length - 1]!;
  const issued = dossier.application?.currentRating?.issued;
  if (issued !== undefined && issued > asOf) {
    const path = '/application/currentRating/issued';
    const message = `the current rating was issued ${issued}, after the application date ${asOf}; a rating held now was issued on or before it`;
    return invalid(file, [{ code: 'rating-after-date', severity: 'error', message, path, ...locate(path) }], { partner: dossier.partner.name, ...applicantOf(dossier), standard: standardId, asOf });
  }
  const evaluation = evaluate(dossier, catalogue, asOf);
  const obligations = staffingObligations(dossier, catalogue, asOf, new Set(options.holidays ?? []))?.map((o) => ({ ...o, ...locate(o.path) }));
  const obligationsMet = obligations?.every((o) => o.status !== 'breached');
  // Positions only for what a report points at: the gaps.
  for (const tier of evaluation.tiers) {
    for (const requirement of tier.requirements) if (!requirement.met) Object.assign(requirement, locate(requirement.at));
  }
  const required = evaluation.tiers.find((t) => t.id === requiredTier);
  const rating = evaluation.currentRating;
  const warnings: Finding[] = ownStandardWarnings(validated);
  if (rating?.lapsed === true) {
    const path = '/application/currentRating';
    warnings.push({
      code: 'current-rating-lapsed',
      severity: 'warning',
      message: `the current ${rating.tier} rating (issued ${rating.issued}) was valid until ${rating.validUntil}, before the application date ${asOf}; it has lapsed`,
      path,
      ...locate(path),
    });
  }
  if (rating !== undefined) {
    const successor = successorOn(catalogue.standard, shippedStandards(), asOf);
    if (successor !== undefined) {
      const path = '/application/standard';
      const since = successor.effective !== undefined ? ` from ${successor.effective}` : '';
      warnings.push({
        code: 'superseded-standard',
        severity: 'warning',
        message: printable(`checked against the ${standardId} standard, which the ${successor.id} standard ("${successor.title}") supersedes${since}: recertification is on the latest criteria — check with --standard ${successor.id}`),
        path,
        ...locate(path),
      });
    }
    for (const risk of recertificationRisks(dossier, rating, asOf)) warnings.push({ ...risk, severity: 'warning', message: printable(risk.message), ...locate(risk.path) });
  }
  warnings.push(
    ...lapseWarnings(evaluation, options.warnWithin ?? DEFAULT_WARN_WITHIN_DAYS).map(
      ({ code, message, path }): Finding => ({ code, severity: 'warning', message, path, ...locate(path) }),
    ),
  );
  const claims = claimsOf(dossier, fileHashes(validated.materials));
  for (const finding of sameFileWithin(claims, dossier)) warnings.push({ ...finding, ...locate(finding.path!) });
  const planTier = options.plan ?? (required?.met === true ? undefined : requiredTier);
  const plan = planTier === undefined ? null : planFor(dossier, catalogue, asOf, planTier, evaluation);
  if (plan !== null) for (const action of plan.actions) if (action.at !== undefined) Object.assign(action, locate(action.at));
  const held = evaluation.highestTier;
  const keep =
    held === null
      ? []
      : keepRenewals(dossier, catalogue, asOf, held, rating !== undefined && !rating.lapsed ? rating.validUntil : addYears(asOf, 1), evaluation).map((k) => ({ ...k, ...locate(k.at) }));
  for (const finding of more) warnings.push(finding.path !== undefined ? { ...finding, ...locate(finding.path) } : finding);
  const materials = options.materials === true ? materialsOf(evaluation.facts, validated.materials) : undefined;
  for (const m of materials?.missing ?? []) Object.assign(m, locate(m.path));
  return {
    file,
    partner: dossier.partner.name,
    ...applicantOf(dossier),
    standard: standardId,
    asOf,
    valid: true,
    errors: [],
    warnings,
    tiers: evaluation.tiers,
    highestTier: evaluation.highestTier,
    requiredTier,
    // A breached obligation fails the dossier whatever its tiers: the vendor may cancel the rating.
    // With --materials, a submission that lacks a file is not ready either.
    pass: required?.met === true && obligationsMet !== false && materials?.complete !== false,
    ...(rating ? { currentRating: { tier: rating.tier, issued: rating.issued, validUntil: rating.validUntil } } : {}),
    ...(obligations !== undefined ? { obligations, obligationsMet: obligationsMet! } : {}),
    ...(options.deadlines !== false ? { deadlines: deadlinesOf(evaluation, obligations, options.remind ?? DEFAULT_REMIND_DAYS) } : {}),
    firstLapse: firstTierLapse(evaluation.tiers),
    ...(materials ? { materials } : {}),
    ...(plan !== null ? { plan } : {}),
    keep,
    // Located only should the batch find them elsewhere too, when the dossier is checked again with the warnings.
    claims,
  };
}

/**
 * Validation of a parsed dossier: the JSON Schema first, then the checks a
 * schema cannot express (codes from the standard's catalogue, unique ids and
 * certificate numbers, dates in order). Every finding carries its location.
 */
import type { ErrorObject } from 'ajv';
import type { Catalogue } from '../core/catalogue.js';
import { canonicalCode } from '../core/catalogue.js';
import { compareDates, isIsoDate, SUPPORTED_YEARS } from '../core/dates.js';
import { claimKey } from '../core/integrity.js';
import { escapeSegment, valueAt } from '../core/pointer.js';
import { placeWords } from '../core/places.js';
import type { Dossier } from '../core/model.js';
import { capped, MAX_ERRORS, printable, type Finding } from '../core/findings.js';
import { dossierSchema } from '../schemas/dossier-schema.js';
import type { ParsedSource } from '../load/parse.js';
import { dossierSchemaValidator } from './schema-validators.js';
import { closest, didYouMean } from '../core/suggest.js';

/** The subschema at an ajv schema path, to list allowed fields and values. */
function schemaAt(root: unknown, schemaPath: string): Record<string, unknown> | undefined {
  const node = valueAt(root, schemaPath);
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function show(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'not a number (.nan)' : 'a number too large to hold (infinite)';
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}


/** JSON Schema types in the words of someone writing YAML by hand. */
const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of fields',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

/** Where findings point and how their paths read: the dossier or a standard file. */
export interface SchemaContext {
  schema: unknown;
  /** How the root is named in messages: "the dossier", "the standard". */
  root: string;
  /** The finding code for a plain schema error. */
  code: string;
  /** Whether `x-` fields are allowed (dossiers) and worth mentioning. */
  userNotes: boolean;
  /** How a place below the root reads in messages. */
  words: (pointer: string, data: unknown) => string;
}

/** Turns one ajv error into a finding a person can act on. */
function schemaFinding(error: ErrorObject, parsed: ParsedSource, context: SchemaContext): Finding {
  const at = error.instancePath;
  const where = at === '' ? context.root : context.words(at, parsed.data);
  const subschema = schemaAt(context.schema, error.schemaPath.replace(/\/[^/]+$/, ''));
  const examples = subschema?.examples as unknown[] | undefined;
  const forExample = examples?.length ? ` (for example ${show(examples[0])})` : '';
  const value = valueAt(parsed.data, at);
  let path = at;
  let target: 'key' | 'value' = 'value';
  let message: string;
  let code = context.code;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys((subschema?.properties as object | undefined) ?? {});
      path = `${at}/${escapeSegment(field)}`;
      target = 'key';
      code = 'unknown-field';
      message = `unknown field "${field}" in ${where}${didYouMean(field, known) || (known.length > 0 ? ` — expected one of ${known.join(', ')}${context.userNotes ? ' (or an "x-" field for your own notes)' : ''}` : '')}`;
      break;
    }
    case 'required':
      code = 'missing-field';
      message = `${where} is missing the required field "${String(error.params.missingProperty)}"`;
      break;
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      message = `${where} is ${show(value)}, not one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
      break;
    }
    case 'const':
      message = `${where} must be ${show(error.params.allowedValue)}, not ${show(value)}`;
      break;
    case 'format':
      code = error.params.format === 'date' ? 'bad-date' : code;
      message =
        error.params.format === 'date'
          ? `${where} is ${show(value)}, not a calendar date, write YYYY-MM-DD`
          : `${where} is ${show(value)}, not a valid ${String(error.params.format)}${forExample}`;
      break;
    case 'type': {
      const expected = String(error.params.type);
      const hint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ' (quote it)' : '';
      message = `${where} must be ${TYPE_WORDS[expected] ?? expected}, not ${show(value)}${hint}`;
      break;
    }
    case 'minimum':
    case 'maximum':
      message = `${where} is ${show(value)}; it must be at ${error.keyword === 'minimum' ? 'least' : 'most'} ${String(error.params.limit)}`;
      break;
    case 'minLength':
      message = `${where} is empty${forExample}`;
      break;
    case 'minItems':
      message = `${where} must list at least ${String(error.params.limit)} item${error.params.limit === 1 ? '' : 's'}`;
      break;
    case 'maxItems':
      // A bound that keeps checking fast (the standard schema's STANDARD_LIMITS), not a typo: its own code.
      code = 'too-many-items';
      message = `${where} lists ${Array.isArray(value) ? value.length : 'too many'} items; at most ${String(error.params.limit)} are allowed`;
      break;
    case 'pattern':
      if (subschema?.format === 'date') {
        code = 'bad-date';
        message = `${where} is ${show(value)}, outside the years ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}`;
        break;
      }
      message = `${where} is ${show(value)}, which does not match ${String(error.params.pattern)}${forExample}`;
      break;
    case 'anyOf': {
      const branches = ((subschema?.anyOf as Array<Record<string, unknown>> | undefined) ?? []).map((b) =>
        'const' in b ? show(b.const) : (TYPE_WORDS[String(b.type)] ?? String(b.type)),
      );
      message = `${where} is ${show(value)}; expected ${branches.join(' or ')}`;
      break;
    }
    default:
      message = `${where} ${error.message ?? 'is not valid'}`;
  }
  return { code, severity: 'error', message: printable(message), path, ...parsed.locate(path, target) };
}

/**
 * Findings for ajv's errors, at most MAX_ERRORS of them. The branches of a
 * failed anyOf are summed up by the anyOf itself, and a failed discriminator
 * repeats what the enum or required check already says.
 */
export function schemaFindings(errors: ErrorObject[], parsed: ParsedSource, context: SchemaContext): Finding[] {
  const { findings, unlisted } = schemaFindingList(errors, parsed, context);
  return capped(findings, findings.length + unlisted);
}

/** Findings for the first few hundred of ajv's errors (locating each costs a walk), in source order; `unlisted` counts the rest. */
function schemaFindingList(errors: ErrorObject[], parsed: ParsedSource, context: SchemaContext): { findings: Finding[]; unlisted: number } {
  const anyOfs = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath));
  const misspelt = misspeltRequired(errors);
  // A date that is no calendar date fails the format and, often, the pattern of years too: one mistake, one error.
  const badDates = new Set(errors.filter((e) => e.keyword === 'format' && e.params.format === 'date').map((e) => e.instancePath));
  const relevant = errors.filter((e) => e.keyword !== 'discriminator' && !misspelt.has(e) && !underAnyOf(e, anyOfs) && !(e.keyword === 'pattern' && badDates.has(e.instancePath)));
  const listed = relevant.slice(0, MAX_ERRORS * 4);
  return { findings: dedupe(listed.map((e) => schemaFinding(e, parsed, context))).sort(bySource), unlisted: relevant.length - listed.length };
}

/**
 * Whether a failed anyOf sums this error up: the anyOf's schema path is a
 * prefix of its own. Looked up by each prefix of
 * the error's schema path (a few segments), not by each anyOf, as a hostile
 * file can fail thousands of them.
 */
function underAnyOf(error: ErrorObject, anyOfs: ReadonlySet<string>): boolean {
  if (anyOfs.size === 0) return false;
  for (let end = error.schemaPath.lastIndexOf('/'); end > 0; end = error.schemaPath.lastIndexOf('/', end - 1)) {
    if (anyOfs.has(error.schemaPath.slice(0, end))) return true;
  }
  return false;
}

/**
 * "required" errors that an unknown field of the same object already
 * explains: `nmae: Ravi` is reported once, as unknown with "did you mean
 * name?", not a second time as "name" missing. Errors are grouped by object
 * first: a dossier of many thousand unknown fields would otherwise compare
 * every one with every error (quadratic, minutes for 1 MiB).
 */
function misspeltRequired(errors: ErrorObject[]): Set<ErrorObject> {
  const missingAt = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (e.keyword !== 'required') continue;
    const list = missingAt.get(e.instancePath);
    if (list) list.push(e);
    else missingAt.set(e.instancePath, [e]);
  }
  const explained = new Set<ErrorObject>();
  if (missingAt.size === 0) return explained;
  for (const unknown of errors) {
    if (unknown.keyword !== 'additionalProperties') continue;
    const missing = missingAt.get(unknown.instancePath);
    if (missing === undefined) continue;
    const meant = closest(String(unknown.params.additionalProperty), missing.map((e) => String(e.params.missingProperty)));
    for (const e of missing) if (String(e.params.missingProperty) === meant) explained.add(e);
  }
  return explained;
}

/** Source order, so a person reads the errors top to bottom. */
function bySource(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function finding(parsed: ParsedSource, code: string, path: string, message: string): Finding {
  return { code, severity: 'error', message: printable(message), path, ...parsed.locate(path) };
}

/** An own field of raw data, if the data is a mapping: never one inherited from a prototype. */
function field(data: unknown, key: string): unknown {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
}

function list(data: unknown): unknown[] {
  return Array.isArray(data) ? data : [];
}

function text(data: unknown): string | undefined {
  return typeof data === 'string' && data !== '' ? data : undefined;
}

/**
 * The findings of one part of the dossier, at most MAX_ERRORS of them made
 * and located, in the order the part is walked (its source order); the rest
 * are only counted. A hostile dossier of 1 MiB holds tens of thousands of
 * unknown codes or repeated numbers, and locating each one walks the list
 * before it: quadratic, half a minute, for findings no one would read.
 */
class Part {
  readonly findings: Finding[] = [];
  unlisted = 0;
  add(make: () => Finding): void {
    if (this.findings.length < MAX_ERRORS) this.findings.push(make());
    else this.unlisted += 1;
  }
}

/**
 * Checks that need the standard's catalogue or the whole dossier at once.
 * They read the raw data defensively, so they run even when the schema
 * fails elsewhere: a person sees every problem in one pass. Every dossier
 * passes through here and most have nothing to report, so what only a
 * finding needs (its path, the names it suggests) is built when one is made.
 * Engineers, lab and application are each a part of their own, so a
 * thousand bad certificates do not hide the one bad target tier.
 */
function catalogueFindings(data: unknown, catalogue: Catalogue, parsed: ParsedSource): Part[] {
  const people = new Part();
  const engineerIds = new Map<string, number>();
  /** Per claimed certificate number, the engineer and certificate index that claimed it first. */
  const numbers = new Map<string, [number, number]>();
  let allCodes: string[] | undefined;
  const engineers = list(field(data, 'engineers'));
  for (let e = 0; e < engineers.length; e++) {
    const engineer = engineers[e];
    const id = text(field(engineer, 'id'));
    const first = id === undefined ? undefined : engineerIds.get(id);
    if (first !== undefined) {
      people.add(() => finding(parsed, 'duplicate-engineer', `/engineers/${e}/id`, `engineer id "${id}" is already used by engineer ${first + 1} of the list; ids must be unique`));
    } else if (id !== undefined) {
      engineerIds.set(id, e);
    }
    const joinedOn = text(field(engineer, 'joinedOn'));
    const leftOn = text(field(engineer, 'leftOn'));
    if (joinedOn !== undefined && leftOn !== undefined && compareDates(joinedOn, leftOn) > 0 && isIsoDate(joinedOn) && isIsoDate(leftOn)) {
      people.add(() => finding(parsed, 'dates-out-of-order', `/engineers/${e}/leftOn`, `${placeWords(`/engineers/${e}`, data)} left on ${leftOn}, before joining on ${joinedOn}`));
    }
    const reported = text(field(engineer, 'exitReportedOn'));
    if (reported !== undefined && isIsoDate(reported)) {
      // An exit is reported of someone who left; a report may come before the last day (notice given), never before the engineer joined.
      if (field(engineer, 'leftOn') === undefined) {
        people.add(() => finding(parsed, 'exit-without-leaving', `/engineers/${e}/exitReportedOn`, `${placeWords(`/engineers/${e}`, data)}: the exit was reported on ${reported}, but leftOn does not say when the engineer left; add leftOn, or remove exitReportedOn`));
      } else if (joinedOn !== undefined && isIsoDate(joinedOn) && compareDates(reported, joinedOn) < 0) {
        people.add(() => finding(parsed, 'dates-out-of-order', `/engineers/${e}/exitReportedOn`, `${placeWords(`/engineers/${e}`, data)}: the exit was reported on ${reported}, before the engineer joined on ${joinedOn}`));
      }
    }
    const certificates = list(field(engineer, 'certificates'));
    for (let c = 0; c < certificates.length; c++) {
      const cert = certificates[c];
      const at = (): string => `/engineers/${e}/certificates/${c}`;
      const type = text(field(cert, 'type'));
      if (type !== undefined && canonicalCode(catalogue, type) === undefined) {
        people.add(() => {
          allCodes ??= catalogue.standard.certificates.flatMap((known) => [known.code, ...(known.aliases ?? [])]);
          return finding(parsed, 'unknown-certificate', `${at()}/type`, `${placeWords(`/engineers/${e}`, data)}: certificate type "${type}" is unknown to the ${catalogue.standard.id} standard${didYouMean(type, allCodes)}`);
        });
      }
      const number = text(field(cert, 'number'));
      if (number !== undefined) {
        const key = claimKey(number);
        const owner = numbers.get(key);
        if (owner !== undefined) {
          people.add(() => {
            const claimedAt = placeWords(`/engineers/${owner[0]}/certificates/${owner[1]}`, data);
            return finding(parsed, 'duplicate-certificate', `${at()}/number`, `${placeWords(`/engineers/${e}`, data)}: certificate number "${number}" is already claimed at ${claimedAt}; each certificate fills one place`);
          });
        } else {
          numbers.set(key, [e, c]);
        }
      }
      const issued = text(field(cert, 'issued'));
      const expires = text(field(cert, 'expires'));
      // Real dates compare as strings, so the cheap comparison goes first.
      if (issued !== undefined && expires !== undefined && compareDates(issued, expires) > 0 && isIsoDate(issued) && isIsoDate(expires)) {
        people.add(() => finding(parsed, 'dates-out-of-order', `${at()}/expires`, `${placeWords(at(), data)} expires ${expires}, before it was issued (${issued})`));
      }
    }
  }
  const events = list(field(data, 'serviceEvents'));
  for (let i = 0; i < events.length; i++) {
    const date = text(field(events[i], 'date'));
    const resolvedOn = text(field(events[i], 'resolvedOn'));
    if (date !== undefined && resolvedOn !== undefined && compareDates(resolvedOn, date) < 0 && isIsoDate(date) && isIsoDate(resolvedOn)) {
      people.add(() => finding(parsed, 'dates-out-of-order', `/serviceEvents/${i}/resolvedOn`, `${placeWords(`/serviceEvents/${i}`, data)} was resolved on ${resolvedOn}, before it occurred on ${date}`));
    }
  }
  const equipment = new Part();
  const lab = list(field(data, 'lab'));
  for (let i = 0; i < lab.length; i++) {
    const category = text(field(lab[i], 'category'));
    if (category !== undefined && !catalogue.categoryNames.has(category)) {
      equipment.add(() => {
        const categories = [...catalogue.categoryNames.keys()];
        return finding(parsed, 'unknown-lab-category', `/lab/${i}/category`, `${placeWords(`/lab/${i}`, data)}: lab category "${category}" is unknown${didYouMean(category, categories) || ` — expected one of ${categories.join(', ')}`}`);
      });
    }
  }
  const applying = new Part();
  const tierIds = catalogue.tierIds;
  const tierCheck = (tier: string | undefined, path: string): void => {
    if (tier !== undefined && !tierIds.includes(tier)) {
      applying.add(() => finding(parsed, 'unknown-tier', path, `${placeWords(path, data)}: tier "${tier}" is not a tier of the ${catalogue.standard.id} standard${didYouMean(tier, tierIds) || ` — expected one of ${tierIds.join(', ')}`}`));
    }
  };
  const application = field(data, 'application');
  tierCheck(text(field(application, 'targetTier')), '/application/targetTier');
  tierCheck(text(field(field(application, 'currentRating'), 'tier')), '/application/currentRating/tier');
  return [people, equipment, applying];
}

export type ValidationResult = { ok: true; dossier: Dossier } | { ok: false; errors: Finding[] };

/** Validates parsed data against the dossier schema and the standard's catalogue, reporting both in source order. */
export function validateDossier(parsed: ParsedSource, catalogue: Catalogue): ValidationResult {
  const validate = dossierSchemaValidator;
  const schema = validate(parsed.data) ? { findings: [], unlisted: 0 } : schemaFindingList(validate.errors ?? [], parsed, DOSSIER_CONTEXT);
  const parts = catalogueFindings(parsed.data, catalogue, parsed);
  const catalogued = parts.flatMap((part) => part.findings);
  if (schema.findings.length === 0 && catalogued.length === 0) return { ok: true, dossier: parsed.data as Dossier };
  const errors = [...schema.findings, ...catalogued].sort(bySource);
  const unlisted = parts.reduce((sum, part) => sum + part.unlisted, schema.unlisted);
  return { ok: false, errors: capped(errors, errors.length + unlisted) };
}

const DOSSIER_CONTEXT: SchemaContext = { schema: dossierSchema, root: 'the dossier', code: 'schema', userNotes: true, words: placeWords };

/** Drops repeats and orders findings as they appear in the file. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.line}:${f.column}:${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

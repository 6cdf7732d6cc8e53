/**
 * Validation of a parsed dossier: the JSON Schema first, then the checks a
 * schema cannot express (codes from the standard's catalogue, unique ids and
 * certificate numbers, dates in order). Every finding carries its location.
 */
import type { ErrorObject } from 'ajv';
import type { Catalogue } from '../core/catalogue.js';
import { canonicalCode } from '../core/catalogue.js';
import { compareDates } from '../core/dates.js';
import type { Dossier } from '../core/model.js';
import type { Finding } from '../findings.js';
import { dossierSchema } from '../schemas/dossier-schema.js';
import type { ParsedSource } from './parse.js';
import { dossierSchemaValidator } from './schema-validators.js';
import { didYouMean } from './suggest.js';

/** The subschema at an ajv schema path, to list allowed fields and values. */
function schemaAt(root: unknown, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const raw of schemaPath.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

function describePath(pointer: string): string {
  return pointer === '' ? 'the dossier' : pointer.slice(1).replace(/\//g, '.');
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** Turns one ajv error into a finding a person can act on. */
function schemaFinding(error: ErrorObject, parsed: ParsedSource): Finding {
  const at = error.instancePath;
  const where = describePath(at);
  const parent = schemaAt(dossierSchema, error.schemaPath.replace(/\/[^/]+$/, ''));
  let path = at;
  let target: 'key' | 'value' = 'value';
  let message: string;
  let code = 'schema';
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(error.params.additionalProperty);
      const known = Object.keys((parent?.properties as object | undefined) ?? {});
      path = `${at}/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      target = 'key';
      code = 'unknown-field';
      message = `unknown field "${field}" in ${where}${didYouMean(field, known) || (known.length > 0 ? ` — expected one of ${known.join(', ')} (or an "x-" field for your own notes)` : '')}`;
      break;
    }
    case 'required':
      code = 'missing-field';
      message = `${where} is missing the required field "${String(error.params.missingProperty)}"`;
      break;
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const value = valueAt(parsed.data, at);
      message = `${where} is ${show(value)}, not one of ${allowed.join(', ')}${typeof value === 'string' ? didYouMean(value, allowed) : ''}`;
      break;
    }
    case 'const':
      message = `${where} must be ${show(error.params.allowedValue)}, not ${show(valueAt(parsed.data, at))}`;
      break;
    case 'format': {
      const value = valueAt(parsed.data, at);
      code = error.params.format === 'date' ? 'bad-date' : 'schema';
      message =
        error.params.format === 'date'
          ? `${where} is ${show(value)}, not a calendar date (YYYY-MM-DD)`
          : `${where} is ${show(value)}, not a valid ${String(error.params.format)}`;
      break;
    }
    case 'type': {
      const value = valueAt(parsed.data, at);
      const expected = String(error.params.type);
      const hint = expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ' (quote it)' : '';
      message = `${where} must be ${expected === 'integer' ? 'a whole number' : `a${/^[aeiou]/.test(expected) ? 'n' : ''} ${expected}`}, not ${show(value)}${hint}`;
      break;
    }
    case 'minimum':
    case 'maximum':
      message = `${where} is ${show(valueAt(parsed.data, at))}; it ${error.message ?? 'is out of range'}`;
      break;
    default:
      message = `${where} ${error.message ?? 'is not valid'}`;
  }
  return { code, severity: 'error', message, path, ...parsed.locate(path, target) };
}

function finding(parsed: ParsedSource, code: string, path: string, message: string): Finding {
  return { code, severity: 'error', message, path, ...parsed.locate(path) };
}

/** Checks that need the standard's catalogue or the whole dossier at once. */
function catalogueFindings(dossier: Dossier, catalogue: Catalogue, parsed: ParsedSource): Finding[] {
  const findings: Finding[] = [];
  const allCodes = [...catalogue.standard.certificates.flatMap((c) => [c.code, ...(c.aliases ?? [])])];
  const engineerIds = new Map<string, number>();
  const numbers = new Map<string, string>();
  dossier.engineers.forEach((engineer, e) => {
    const first = engineerIds.get(engineer.id);
    if (first !== undefined) {
      findings.push(finding(parsed, 'duplicate-engineer', `/engineers/${e}/id`, `engineer id "${engineer.id}" is already used by engineers[${first}]; ids must be unique`));
    } else {
      engineerIds.set(engineer.id, e);
    }
    (engineer.certificates ?? []).forEach((cert, c) => {
      const at = `/engineers/${e}/certificates/${c}`;
      if (canonicalCode(catalogue, cert.type) === undefined) {
        findings.push(
          finding(parsed, 'unknown-certificate', `${at}/type`, `certificate type "${cert.type}" is unknown to the ${catalogue.standard.id} standard${didYouMean(cert.type, allCodes)}`),
        );
      }
      if (cert.number !== undefined) {
        const owner = numbers.get(cert.number);
        if (owner !== undefined) {
          findings.push(finding(parsed, 'duplicate-certificate', `${at}/number`, `certificate number "${cert.number}" is already claimed at ${owner}; each certificate fills one place`));
        } else {
          numbers.set(cert.number, describePath(at));
        }
      }
      if (cert.issued !== undefined && compareDates(cert.issued, cert.expires) > 0) {
        findings.push(finding(parsed, 'dates-out-of-order', `${at}/expires`, `certificate expires ${cert.expires}, before it was issued (${cert.issued})`));
      }
    });
  });
  const categories = [...catalogue.categoryNames.keys()];
  (dossier.lab ?? []).forEach((item, i) => {
    if (!catalogue.categoryNames.has(item.category)) {
      findings.push(
        finding(parsed, 'unknown-lab-category', `/lab/${i}/category`, `lab category "${item.category}" is unknown${didYouMean(item.category, categories) || ` — expected one of ${categories.join(', ')}`}`),
      );
    }
  });
  const tierIds = catalogue.tierIds;
  const tierCheck = (tier: string | undefined, path: string): void => {
    if (tier !== undefined && !tierIds.includes(tier)) {
      findings.push(finding(parsed, 'unknown-tier', path, `tier "${tier}" is not a tier of the ${catalogue.standard.id} standard${didYouMean(tier, tierIds) || ` — expected one of ${tierIds.join(', ')}`}`));
    }
  };
  tierCheck(dossier.application?.targetTier, '/application/targetTier');
  tierCheck(dossier.application?.currentRating?.tier, '/application/currentRating/tier');
  return findings;
}

export type ValidationResult = { ok: true; dossier: Dossier } | { ok: false; errors: Finding[] };

/** Validates parsed data against the dossier schema, then against the standard's catalogue. */
export function validateDossier(parsed: ParsedSource, catalogue: Catalogue): ValidationResult {
  const validate = dossierSchemaValidator;
  if (!validate(parsed.data)) {
    const errors = (validate.errors ?? []).map((e) => schemaFinding(e, parsed));
    return { ok: false, errors: dedupe(errors) };
  }
  const dossier = parsed.data as Dossier;
  const errors = catalogueFindings(dossier, catalogue, parsed);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, dossier };
}

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

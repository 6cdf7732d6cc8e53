/**
 * A standard made ready for evaluation: certificate codes resolved through
 * aliases (case-insensitively), replacement closed transitively, lab
 * categories closed over `satisfies`. Cross-references are checked here, so
 * the evaluators can trust every code and category they meet.
 */
import { dossierCoreSchema } from '../schemas/dossier-schema.js';
import type { Requirement, Standard } from './model.js';
import { escapeSegment } from './pointer.js';

const platform = dossierCoreSchema.properties.servicePlatform.properties;
/** The levels a dossier can state, per platform item; a standard's levels must be among them. */
const DOSSIER_LEVELS: Partial<Record<string, readonly string[]>> = {
  hotline: platform.hotline.properties.hours.enum,
  issueTracking: platform.issueTracking.properties.mode.enum,
};

export interface StandardProblem {
  /** JSON pointer into the standard file. */
  path: string;
  message: string;
  /** For a reference to something undefined: what was written and what is defined, so the loader can suggest a fix. */
  unknown?: { value: string; known: string[] };
}

export interface Catalogue {
  standard: Standard;
  /** Upper-cased code or alias → canonical code. */
  codes: Map<string, string>;
  /** Canonical code → every canonical code it stands for: itself and all it replaces, transitively. */
  standsFor: Map<string, Set<string>>;
  /** Category id → every category a unit of it can fill: itself and all it satisfies, transitively. */
  fills: Map<string, Set<string>>;
  names: Map<string, string>;
  categoryNames: Map<string, string>;
  /** Tier ids, highest first. */
  tierIds: string[];
  validityMonths: number;
  ratingValidityYears: number;
}

/** Thrown when a standard refers to something it does not define. */
export class StandardCatalogueError extends Error {
  constructor(readonly problems: StandardProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'StandardCatalogueError';
  }
}

/** Closes a relation transitively; `edges` maps a key to its direct successors. */
function closure(keys: string[], edges: Map<string, string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const key of keys) {
    const seen = new Set<string>([key]);
    const stack = [key];
    while (stack.length > 0) {
      for (const next of edges.get(stack.pop()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    out.set(key, seen);
  }
  return out;
}

/** Finds one cycle in a relation, as the list of keys around it, or null. */
function findCycle(keys: string[], edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'open') return [...trail.slice(trail.indexOf(key)), key];
    state.set(key, 'open');
    trail.push(key);
    for (const next of edges.get(key) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    trail.pop();
    state.set(key, 'done');
    return null;
  };
  for (const key of keys) {
    const cycle = visit(key);
    if (cycle) return cycle;
  }
  return null;
}

/** Builds the catalogue of an already schema-valid standard, or throws StandardCatalogueError. */
export function buildCatalogue(standard: Standard): Catalogue {
  const problems: StandardProblem[] = [];
  const codes = new Map<string, string>();
  const names = new Map<string, string>();
  standard.certificates.forEach((cert, i) => {
    for (const [j, alias] of [cert.code, ...(cert.aliases ?? [])].entries()) {
      const key = asciiUpper(alias);
      const owner = codes.get(key);
      if (owner !== undefined && owner !== cert.code) {
        problems.push({
          path: j === 0 ? `/certificates/${i}/code` : `/certificates/${i}/aliases/${j - 1}`,
          message: `"${alias}" is already used by certificate "${owner}"`,
        });
      } else {
        codes.set(key, cert.code);
      }
    }
    names.set(cert.code, cert.name);
  });

  const certCodes = standard.certificates.map((c) => c.code);
  checkUnique(certCodes, '/certificates', 'certificate', problems, 'code');
  const replaces = new Map<string, string[]>();
  standard.certificates.forEach((cert, i) => {
    const lower: string[] = [];
    (cert.replaces ?? []).forEach((code, j) => {
      const canonical = codes.get(asciiUpper(code));
      if (canonical === undefined) {
        problems.push({ path: `/certificates/${i}/replaces/${j}`, message: `certificate "${code}" is not in the catalogue`, unknown: { value: code, known: certCodes } });
      }
      else lower.push(canonical);
    });
    replaces.set(cert.code, lower);
  });
  const certCycle = findCycle(certCodes, replaces);
  if (certCycle) {
    problems.push({ path: `/certificates/${certCodes.indexOf(certCycle[0]!)}/replaces`, message: `"replaces" goes round in a cycle: ${certCycle.join(' → ')}` });
  }

  const categoryNames = new Map<string, string>();
  for (const category of standard.labCategories) categoryNames.set(category.id, category.name);
  const satisfies = new Map<string, string[]>();
  standard.labCategories.forEach((category, i) => {
    (category.satisfies ?? []).forEach((other, j) => {
      if (!categoryNames.has(other)) {
        problems.push({ path: `/labCategories/${i}/satisfies/${j}`, message: `lab category "${other}" is not defined`, unknown: { value: other, known: [...categoryNames.keys()] } });
      }
    });
    satisfies.set(category.id, (category.satisfies ?? []).filter((other) => categoryNames.has(other)));
  });
  const categoryIds = standard.labCategories.map((c) => c.id);
  checkUnique(categoryIds, '/labCategories', 'lab category', problems);
  const categoryCycle = findCycle(categoryIds, satisfies);
  if (categoryCycle) {
    problems.push({ path: `/labCategories/${categoryIds.indexOf(categoryCycle[0]!)}/satisfies`, message: `"satisfies" goes round in a cycle: ${categoryCycle.join(' → ')}` });
  }

  const tierIds = standard.tiers.map((t) => t.id);
  checkUnique(tierIds, '/tiers', 'tier', problems);
  checkUnique(standard.requirements.map((r) => r.id), '/requirements', 'requirement', problems);
  const pathIds = (standard.paths ?? []).map((p) => p.id);
  checkUnique(pathIds, '/paths', 'path', problems);
  standard.requirements.forEach((row, i) => checkRow(row, `/requirements/${i}`, { codes, categoryNames, tierIds, pathIds }, problems));

  if (problems.length > 0) throw new StandardCatalogueError(problems);
  return {
    standard,
    codes,
    standsFor: closure(certCodes, replaces),
    fills: closure(categoryIds, satisfies),
    names,
    categoryNames,
    tierIds,
    validityMonths: standard.validityMonths ?? 3,
    ratingValidityYears: standard.ratingValidityYears ?? 1,
  };
}

function checkUnique(ids: string[], path: string, what: string, problems: StandardProblem[], field = 'id'): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) problems.push({ path: `${path}/${i}/${field}`, message: `${what} ${field} "${id}" is used twice` });
    seen.add(id);
  });
}

interface Known {
  codes: Map<string, string>;
  categoryNames: Map<string, string>;
  tierIds: string[];
  pathIds: string[];
}

function checkRow(row: Requirement, at: string, known: Known, problems: StandardProblem[]): void {
  for (const tier of Object.keys(row.need)) {
    if (!known.tierIds.includes(tier)) problems.push({ path: `${at}/need/${escapeSegment(tier)}`, message: `tier "${tier}" is not defined in /tiers`, unknown: { value: tier, known: known.tierIds } });
  }
  if (row.path !== undefined && !known.pathIds.includes(row.path)) {
    problems.push({ path: `${at}/path`, message: `path "${row.path}" is not defined in /paths`, unknown: { value: row.path, known: known.pathIds } });
  }
  switch (row.kind) {
    case 'certificates':
      row.accepts.forEach((code, j) => {
        if (!known.codes.has(asciiUpper(code))) {
          problems.push({ path: `${at}/accepts/${j}`, message: `certificate "${code}" is not in the catalogue`, unknown: { value: code, known: [...new Set(known.codes.values())] } });
        }
      });
      break;
    case 'lab':
      if (!known.categoryNames.has(row.category)) {
        problems.push({ path: `${at}/category`, message: `lab category "${row.category}" is not defined`, unknown: { value: row.category, known: [...known.categoryNames.keys()] } });
      }
      break;
    case 'platform': {
      const possible = DOSSIER_LEVELS[row.item];
      if (row.levels !== undefined && possible === undefined) {
        problems.push({ path: `${at}/levels`, message: `${row.item} has no levels a dossier can state` });
      } else if (possible !== undefined) {
        (row.levels ?? []).forEach((level, j) => {
          if (!possible.includes(level)) problems.push({ path: `${at}/levels/${j}`, message: `level "${level}" is not one a dossier can state for ${row.item} (${possible.join(', ')})` });
        });
      }
      for (const [tier, need] of Object.entries(row.need)) {
        if (need !== true && !(row.levels ?? []).includes(need)) {
          problems.push({ path: `${at}/need/${escapeSegment(tier)}`, message: `level "${need}" is not one of the row's levels`, unknown: { value: need, known: row.levels ?? [] } });
        }
      }
      break;
    }
    case 'projects':
      // A project of a higher level satisfies a lower need, so the levels must climb.
      row.levels.forEach((level, j) => {
        const below = row.levels[j - 1];
        if (below !== undefined && level.minListPriceUsd <= below.minListPriceUsd) {
          problems.push({ path: `${at}/levels/${j}/minListPriceUsd`, message: `project levels go lowest first: "${level.id}" must start above "${below.id}" (USD ${below.minListPriceUsd})` });
        }
      });
      for (const [tier, need] of Object.entries(row.need)) {
        if (!row.levels.some((level) => level.id === need)) {
          problems.push({ path: `${at}/need/${escapeSegment(tier)}`, message: `project level "${need}" is not defined`, unknown: { value: need, known: row.levels.map((l) => l.id) } });
        }
      }
      break;
    case 'personnel':
    case 'credits':
    case 'training':
      break;
  }
}

/**
 * A code as its catalogue key: ASCII letters in upper case and nothing else
 * folded, so "h3cs-imc" finds H3CS-IMC but a dotless ı or a long ſ, which
 * JavaScript's toUpperCase turns into I and S, finds nothing.
 */
export function asciiUpper(code: string): string {
  return code.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

/** The canonical code for a code or alias, or undefined. */
export function canonicalCode(catalogue: Catalogue, code: string): string | undefined {
  // Keys are upper case, so a code written in upper case is its own key: no new string to hash.
  return catalogue.codes.get(code) ?? catalogue.codes.get(asciiUpper(code));
}

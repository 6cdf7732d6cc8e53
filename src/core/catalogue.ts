/**
 * A standard made ready for evaluation: certificate codes resolved through
 * aliases (case-insensitively), replacement and lab `satisfies` kept as their
 * direct links and followed on demand. Cross-references are checked here, so
 * the evaluators can trust every code and category they meet.
 *
 * Neither relation is closed in full: a 1 MiB standard can hold a chain of
 * 24,000 certificates, each replacing the one before, and the full closure of
 * that is 280 million pairs (V8 ran out of memory). The engine only ever asks
 * which codes reach one accepted code (or category), so each such question
 * is one search over the links, remembered per code: memory grows with the
 * rows of the standard times its catalogue, never with the catalogue squared.
 */
import { dossierCoreSchema } from '../schemas/dossier-schema.js';
import type { Requirement, Standard } from './model.js';
import { MAX_ERRORS } from './findings.js';
import { remembered } from './memo.js';
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
  /** Canonical code → the canonical codes it replaces directly. */
  replaces: Map<string, string[]>;
  /** Canonical code → the canonical codes that replace it directly. */
  replacedBy: Map<string, string[]>;
  /** Category id → the categories whose units can fill its slots directly. */
  satisfiedBy: Map<string, string[]>;
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

/** Every key reachable from `start` along `edges`, `start` included: one search, linear in the links it meets. */
function reach(start: string, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of edges.get(stack.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** The reverse of a relation, each list in the order its keys come. */
function reverse(keys: string[], edges: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of keys) {
    for (const next of edges.get(key) ?? []) {
      const list = out.get(next);
      if (list === undefined) out.set(next, [key]);
      else if (list[list.length - 1] !== key) list.push(key);
    }
  }
  return out;
}

/**
 * Finds one cycle in a relation, as the list of keys around it, or null.
 * Depth first with a stack of its own: a chain of thousands of links would
 * overflow the call stack.
 */
function findCycle(keys: string[], edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  for (const root of keys) {
    if (state.has(root)) continue;
    const trail: string[] = [root];
    const next: number[] = [0];
    state.set(root, 'open');
    while (trail.length > 0) {
      const key = trail[trail.length - 1]!;
      const successors = edges.get(key) ?? [];
      const i = next[next.length - 1]!;
      if (i === successors.length) {
        state.set(key, 'done');
        trail.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const successor = successors[i]!;
      const seen = state.get(successor);
      if (seen === 'open') return [...trail.slice(trail.indexOf(successor)), successor];
      if (seen === undefined) {
        state.set(successor, 'open');
        trail.push(successor);
        next.push(0);
      }
    }
  }
  return null;
}

/** A cycle as a line a person reads: a long one by its first steps and how many it has. */
function cycleWords(cycle: string[]): string {
  const SHOWN = 8;
  if (cycle.length <= SHOWN + 1) return cycle.join(' → ');
  return `${cycle.slice(0, SHOWN).join(' → ')} → … (${cycle.length - 1} steps in all) → ${cycle[cycle.length - 1]!}`;
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
    problems.push({ path: `/certificates/${certCodes.indexOf(certCycle[0]!)}/replaces`, message: `"replaces" goes round in a cycle: ${cycleWords(certCycle)}` });
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
    problems.push({ path: `/labCategories/${categoryIds.indexOf(categoryCycle[0]!)}/satisfies`, message: `"satisfies" goes round in a cycle: ${cycleWords(categoryCycle)}` });
  }

  const tierIds = standard.tiers.map((t) => t.id);
  checkUnique(tierIds, '/tiers', 'tier', problems);
  checkUnique(standard.requirements.map((r) => r.id), '/requirements', 'requirement', problems);
  const pathIds = (standard.paths ?? []).map((p) => p.id);
  checkUnique(pathIds, '/paths', 'path', problems);
  standard.requirements.forEach((row, i) => checkRow(row, `/requirements/${i}`, { codes, categoryNames, tierIds, pathIds }, problems));

  // The loader locates each problem and suggests a fix, a walk and a search apiece: past MAX_ERRORS they are counted.
  if (problems.length > MAX_ERRORS) {
    const more = problems.length - MAX_ERRORS;
    throw new StandardCatalogueError([...problems.slice(0, MAX_ERRORS), { path: '', message: `… and ${more} more problem${more === 1 ? '' : 's'}; fix these first` }]);
  }
  if (problems.length > 0) throw new StandardCatalogueError(problems);
  return {
    standard,
    codes,
    replaces,
    replacedBy: reverse(certCodes, replaces),
    satisfiedBy: reverse(categoryIds, satisfies),
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

const upward = new WeakMap<Catalogue, Map<string, ReadonlySet<string>>>();
const downward = new WeakMap<Catalogue, Map<string, number>>();
const fillers = new WeakMap<Catalogue, Map<string, ReadonlySet<string>>>();

/** The canonical codes that stand for `code`: itself and every code replacing it, transitively (rule 2). */
export function standingFor(catalogue: Catalogue, code: string): ReadonlySet<string> {
  return remembered(upward, catalogue, code, () => reach(code, catalogue.replacedBy));
}

/** How many canonical codes `code` stands for: itself and every code it replaces, transitively. */
export function reachesDown(catalogue: Catalogue, code: string): number {
  return remembered(downward, catalogue, code, () => reach(code, catalogue.replaces).size);
}

/**
 * The keys `start` leads to along `edges`, itself left out, nearest first, at
 * most `limit` of them; `more` says whether others lie beyond. Bounded so a
 * listing of a chain of thousands stays linear, where the full closure would
 * be quadratic.
 */
export function firstReached(start: string, edges: Map<string, string[]>, limit: number): { keys: string[]; more: boolean } {
  const seen = new Set<string>([start]);
  const keys: string[] = [];
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of edges.get(queue[i]!) ?? []) {
      if (seen.has(next)) continue;
      if (keys.length === limit) return { keys, more: true };
      seen.add(next);
      keys.push(next);
      queue.push(next);
    }
  }
  return { keys, more: false };
}

/** Whether some other certificate replaces `code`. */
export function hasHigher(catalogue: Catalogue, code: string): boolean {
  return (catalogue.replacedBy.get(code)?.length ?? 0) > 0;
}

/** The lab categories whose units can fill a slot of `category`: itself and every category satisfying it, transitively (rule 6). */
export function fillersOf(catalogue: Catalogue, category: string): ReadonlySet<string> {
  return remembered(fillers, catalogue, category, () => reach(category, catalogue.satisfiedBy));
}

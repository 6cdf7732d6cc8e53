/**
 * Loading a standard: a shipped one by id (`classic`), or a user's file by
 * path. Either is validated against the standard schema and its catalogue
 * cross-checked; any problem is a configuration error with a location. The
 * shipped ones are checked at build time and written beside the bundle as
 * plain JSON, so a run only parses that and builds the catalogue.
 *
 * A standard is loaded once per process (`cache`), whatever the number of
 * dossiers that use it, which also lets the engine's per-catalogue plans
 * serve the whole batch. Only for speed, and it pays: loading it for every
 * dossier made a check of generated dossiers (--format json --jobs 1, CPU
 * medians of 5 interleaved rounds) 66% slower at 1,000 dossiers (2.39 s
 * against 1.44 s) and 52% slower at 10,000 (8.88 s against 5.83 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, StandardCatalogueError, type Catalogue } from '../core/catalogue.js';
import type { Standard } from '../core/model.js';
import { printable, type Finding } from '../core/findings.js';
import { standardSchema } from '../schemas/standard-schema.js';
import { formatOf, parseSource } from '../load/parse.js';
import { readSource } from '../load/read.js';
import { standardSchemaValidator as validator } from './schema-validators.js';
import { didYouMean } from '../core/suggest.js';
import { schemaFindings } from './dossier.js';
import { dottedPlace } from '../core/places.js';

/** The standards shipped with starcheck, by id. */
export const SHIPPED_STANDARDS = ['classic', '2025'] as const;
export const DEFAULT_STANDARD = 'classic';

const standardsDir = fileURLToPath(new URL('../../src/standards/', import.meta.url));
/** Where `npm run build` writes the checked shipped standards; from src/validate, dist/validate and dist/bundle alike. */
export const compiledStandardsDir = new URL('../../dist/standards/', import.meta.url);

/** A standard that cannot be used: unknown id, unreadable or invalid file. */
export class StandardError extends Error {
  constructor(
    readonly source: string,
    readonly findings: Finding[],
  ) {
    super(findings.map((f) => `${source}${f.line ? `:${f.line}:${f.column}` : ''}: ${f.message}`).join('\n'));
    this.name = 'StandardError';
  }
}

export interface LoadedStandard {
  /** The id or path the user gave. */
  ref: string;
  /** The file it was read from. */
  file: string;
  catalogue: Catalogue;
}

export function isShipped(ref: string): ref is (typeof SHIPPED_STANDARDS)[number] {
  return (SHIPPED_STANDARDS as readonly string[]).includes(ref);
}

/** Where a standard reference points: a shipped id, else a path. */
export function standardFile(ref: string): string {
  return isShipped(ref) ? `${standardsDir}${ref}.yaml` : ref;
}

const cache = new Map<string, { ok: true; standard: LoadedStandard } | { ok: false; error: unknown }>();

/**
 * Loads and checks a standard once per process, however many dossiers use
 * it. `regularOnly` for a file a dossier named: it must be a regular file
 * (see readSource), where one named on the command line may be a FIFO.
 */
export function loadStandard(ref: string, { regularOnly = false }: { regularOnly?: boolean } = {}): LoadedStandard {
  // A shipped standard is the same whoever names it (the flag is about files).
  const key = isShipped(ref) ? ref : `${regularOnly ? 'regular' : 'any'}:${ref}`;
  let loaded = cache.get(key);
  if (!loaded) {
    try {
      loaded = { ok: true, standard: isShipped(ref) ? loadShipped(ref) : loadFile(ref, regularOnly) };
    } catch (error) {
      loaded = { ok: false, error };
    }
    cache.set(key, loaded);
  }
  if (!loaded.ok) throw loaded.error;
  return loaded.standard;
}

/** Every shipped standard, as loaded: what a superseded standard's successor is looked for among. */
export function shippedStandards(): Standard[] {
  return SHIPPED_STANDARDS.map((id) => loadStandard(id).catalogue.standard);
}

function loadShipped(ref: (typeof SHIPPED_STANDARDS)[number]): LoadedStandard {
  const standard = JSON.parse(readFileSync(new URL(`${ref}.json`, compiledStandardsDir), 'utf8')) as Standard;
  return { ref, file: standardFile(ref), catalogue: buildCatalogue(standard) };
}

/** A standard file, checked in full: the schema, then the catalogue's cross-references. */
export function loadFile(ref: string, regularOnly = false): LoadedStandard {
  const file = standardFile(ref);
  if (!isShipped(ref) && !existsSync(file)) {
    // A dossier's reference arrives resolved against the dossier's folder; the id typo is its last segment.
    const hint = didYouMean(basename(ref), SHIPPED_STANDARDS) || ` — use one of ${SHIPPED_STANDARDS.join(', ')} or the path of a standard file`;
    throw new StandardError(ref, [{ code: 'unknown-standard', severity: 'error', message: `no standard "${ref}"${hint}` }]);
  }
  const read = readSource(file, { regularOnly });
  if (!read.ok) throw new StandardError(file, [read.error]);
  const parsed = parseSource(read.text, formatOf(file));
  if (!parsed.ok) throw new StandardError(file, parsed.errors);
  if (!validator(parsed.parsed.data)) {
    throw new StandardError(file, schemaFindings(validator.errors ?? [], parsed.parsed, { schema: standardSchema, root: 'the standard', code: 'standard-schema', userNotes: false, words: dottedPlace }));
  }
  try {
    return { ref, file, catalogue: buildCatalogue(parsed.parsed.data as Standard) };
  } catch (error) {
    if (!(error instanceof StandardCatalogueError)) throw error;
    throw new StandardError(
      file,
      error.problems.map((p) => ({
        code: 'standard-catalogue',
        severity: 'error',
        message: printable(`${p.message}${p.unknown ? didYouMean(p.unknown.value, p.unknown.known) || (p.unknown.known.length > 0 ? ` — expected one of ${p.unknown.known.join(', ')}` : '') : ''}`),
        path: p.path,
        ...parsed.parsed.locate(p.path),
      })),
    );
  }
}

/**
 * `--format json`: the stable machine-readable contract of the spec. Each
 * dossier's entry is rendered on its own, already indented for its place in
 * the `dossiers` array, so a batch never holds the whole document as objects;
 * and it is written as UTF-8 bytes (see json-writer.ts), the form a batch
 * keeps it in, so not even one entry is built as objects or as text.
 */
import type { PathResult, TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import type { Finding } from '../findings.js';
import { JsonWriter } from './json-writer.js';
import type { DossierReport, Formatter } from './run.js';

// The contract's objects, field by field in its order, an optional field
// only when it is there. What comes from the standard (ids, kinds, labels,
// names, finding codes) recurs in every entry and is encoded once.

function finding(w: JsonWriter, f: Finding): void {
  w.open('{');
  w.recurringField('code', f.code);
  w.field('message', f.message);
  w.field('path', f.path);
  if (f.line !== undefined) {
    w.field('line', f.line);
    w.field('column', f.column);
  }
  w.close('}');
}

/** A requirement's first members (id, kind, label, path: the standard's, the same in every entry) as last written, by id. */
const heads = new Map<string, { kind: string; label: string; path: string | undefined; depth: number; bytes: Uint8Array }>();
/** A bound, should some standard have requirement ids beyond counting. */
const MAX_HEADS = 4096;

/** Writes the requirement's first members, copied from their last writing where the same row stands at the same depth. */
function requirementHead(w: JsonWriter, r: RequirementResult): void {
  const head = heads.get(r.id);
  if (head !== undefined && head.kind === r.kind && head.label === r.label && head.path === r.path && w.replay(head.bytes, head.depth)) return;
  const mark = w.mark();
  w.recurringField('id', r.id);
  w.recurringField('kind', r.kind);
  w.recurringField('label', r.label);
  w.recurringField('path', r.path);
  if (mark !== undefined && (heads.size < MAX_HEADS || heads.has(r.id))) heads.set(r.id, { kind: r.kind, label: r.label, path: r.path, depth: mark.depth, bytes: w.since(mark) });
}

function requirement(w: JsonWriter, r: RequirementResult): void {
  w.open('{');
  requirementHead(w, r);
  w.field('met', r.met);
  w.field('have', r.have);
  w.field('need', r.need);
  w.field('gap', r.gap);
  w.field('note', r.note);
  if (r.line !== undefined) {
    w.field('line', r.line);
    w.field('column', r.column);
  }
  w.close('}');
}

function path(w: JsonWriter, p: PathResult): void {
  w.open('{');
  w.recurringField('id', p.id);
  w.recurringField('name', p.name);
  w.field('met', p.met);
  w.field('gaps', p.gaps);
  w.close('}');
}

function tier(w: JsonWriter, t: TierResult): void {
  w.open('{');
  w.recurringField('id', t.id);
  w.recurringField('name', t.name);
  w.field('met', t.met);
  w.field('gaps', t.gaps);
  w.field('holdsUntil', t.holdsUntil);
  if (t.paths) list(w, 'paths', t.paths, path);
  list(w, 'requirements', t.requirements, requirement);
  w.close('}');
}

function entry(w: JsonWriter, d: DossierReport): void {
  w.open('{');
  w.field('file', d.file);
  w.field('partner', d.partner);
  w.field('standard', d.standard);
  w.field('asOf', d.asOf);
  if (d.currentRating) {
    w.key('currentRating');
    w.open('{');
    w.field('tier', d.currentRating.tier);
    w.field('issued', d.currentRating.issued);
    w.field('validUntil', d.currentRating.validUntil);
    w.close('}');
  }
  w.field('valid', d.valid);
  list(w, 'errors', d.errors, finding);
  list(w, 'warnings', d.warnings, finding);
  list(w, 'tiers', d.tiers, tier);
  w.field('highestTier', d.highestTier);
  w.field('requiredTier', d.requiredTier);
  w.field('pass', d.pass);
  w.close('}');
}

function list<T>(w: JsonWriter, name: string, items: readonly T[], item: (w: JsonWriter, value: T) => void): void {
  w.key(name);
  w.open('[');
  for (const value of items) item(w, value);
  w.close(']');
}

const writer = new JsonWriter();
const decoder = new TextDecoder();

/** The entry, indented for its place two levels deep (in the document's `dossiers` array): a view that holds until the next entry. */
function entryBytes(d: DossierReport, phase = 0): Uint8Array {
  writer.begin(2, phase);
  entry(writer, d);
  return writer.written();
}

/** Between two entries of the `dossiers` array. */
const BETWEEN = ',\n';

/** Stands in for the entries while the rest of the document is rendered; no other line of it can read so. */
const ENTRIES = '\n    0\n';

export const json: Formatter = {
  bytes: (d, _options, phase) => entryBytes(d, phase),
  between: new TextEncoder().encode(BETWEEN),
  part: (d) => decoder.decode(entryBytes(d)),
  assemble: (run, parts) => {
    const document = { tool: run.tool, standard: run.standard, dossiers: parts.length > 0 ? [0] : [], summary: run.summary };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const at = text.indexOf(ENTRIES);
    if (at < 0) return [text];
    return [text.slice(0, at + 1), ...parts.flatMap((part, i) => (i === 0 ? [part] : [BETWEEN, part])), text.slice(at + ENTRIES.length - 1)];
  },
};

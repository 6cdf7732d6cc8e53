/**
 * `--format json`: the stable machine-readable contract of the spec. Each
 * dossier's entry is rendered on its own, already indented for its place in
 * the `dossiers` array, so a batch never holds the whole document as objects.
 */
import type { TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import type { Finding } from '../findings.js';
import type { DossierReport, Formatter } from './run.js';

type Entry = Record<string, unknown>;

// The contract's objects, field by field in its order: assignments rather
// than spreads, and an optional field only when it is there. (A replacer
// listing the fields instead makes JSON.stringify twice as slow.)

function finding(f: Finding): Entry {
  const out: Entry = { code: f.code, message: f.message };
  if (f.path !== undefined) out.path = f.path;
  if (f.line !== undefined) {
    out.line = f.line;
    out.column = f.column;
  }
  return out;
}

function requirement(r: RequirementResult): Entry {
  const out: Entry = { id: r.id, kind: r.kind, label: r.label };
  if (r.path !== undefined) out.path = r.path;
  out.met = r.met;
  out.have = r.have;
  out.need = r.need;
  if (r.gap !== undefined) out.gap = r.gap;
  if (r.note !== undefined) out.note = r.note;
  if (r.line !== undefined) {
    out.line = r.line;
    out.column = r.column;
  }
  return out;
}

function tier(t: TierResult): Entry {
  const out: Entry = { id: t.id, name: t.name, met: t.met, gaps: t.gaps };
  if (t.holdsUntil !== undefined) out.holdsUntil = t.holdsUntil;
  if (t.paths) out.paths = t.paths;
  out.requirements = t.requirements.map(requirement);
  return out;
}

function entry(d: DossierReport): Entry {
  const out: Entry = { file: d.file, partner: d.partner, standard: d.standard, asOf: d.asOf };
  if (d.currentRating) out.currentRating = d.currentRating;
  out.valid = d.valid;
  out.errors = d.errors.map(finding);
  out.warnings = d.warnings.map(finding);
  out.tiers = d.tiers.map(tier);
  out.highestTier = d.highestTier;
  out.requiredTier = d.requiredTier;
  out.pass = d.pass;
  return out;
}

/** Stands in for the entries while the rest of the document is rendered; no other line of it can read so. */
const ENTRIES = '\n    0\n';

/** How an entry two levels deep (inside the document and its `dossiers` array) opens and closes. */
const [OPENING, CLOSING] = ['[\n  [\n', '\n  ]\n]'];

export const json: Formatter = {
  part: (d) => {
    // Wrapped twice, the entry comes out indented for its place in the document.
    const wrapped = JSON.stringify([[entry(d)]], null, 2);
    return wrapped.slice(OPENING.length, wrapped.length - CLOSING.length);
  },
  assemble: (run, parts) => {
    const document = { tool: run.tool, standard: run.standard, dossiers: parts.length > 0 ? [0] : [], summary: run.summary };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const at = text.indexOf(ENTRIES);
    if (at < 0) return [text];
    return [text.slice(0, at + 1), ...parts.flatMap((part, i) => (i === 0 ? [part] : [',\n', part])), text.slice(at + ENTRIES.length - 1)];
  },
};

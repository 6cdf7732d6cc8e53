/**
 * `--format json`: the stable machine-readable contract of the spec. Each
 * dossier's entry is rendered on its own, already indented for its place in
 * the `dossiers` array, so a batch never holds the whole document as objects.
 */
import type { Finding } from '../findings.js';
import type { DossierReport, Formatter } from './run.js';

function finding(f: Finding): Record<string, unknown> {
  return { code: f.code, message: f.message, ...(f.path !== undefined ? { path: f.path } : {}), ...(f.line !== undefined ? { line: f.line, column: f.column } : {}) };
}

function entry(d: DossierReport): Record<string, unknown> {
  return {
    file: d.file,
    partner: d.partner,
    standard: d.standard,
    asOf: d.asOf,
    ...(d.currentRating ? { currentRating: d.currentRating } : {}),
    valid: d.valid,
    errors: d.errors.map(finding),
    warnings: d.warnings.map(finding),
    tiers: d.tiers.map((t) => ({
      id: t.id,
      name: t.name,
      met: t.met,
      gaps: t.gaps,
      ...(t.holdsUntil !== undefined ? { holdsUntil: t.holdsUntil } : {}),
      ...(t.paths ? { paths: t.paths } : {}),
      requirements: t.requirements.map((r) => ({
        id: r.id,
        kind: r.kind,
        label: r.label,
        ...(r.path !== undefined ? { path: r.path } : {}),
        met: r.met,
        have: r.have,
        need: r.need,
        ...(r.gap !== undefined ? { gap: r.gap } : {}),
        ...(r.note !== undefined ? { note: r.note } : {}),
        ...(r.line !== undefined ? { line: r.line, column: r.column } : {}),
      })),
    })),
    highestTier: d.highestTier,
    requiredTier: d.requiredTier,
    pass: d.pass,
  };
}

/** Where an entry sits: two levels deep, inside the document and its `dossiers` array. */
const ENTRY_INDENT = '    ';

/** Stands in for the entries while the rest of the document is rendered; no other line of it can read so. */
const ENTRIES = `\n${ENTRY_INDENT}0\n`;

export const json: Formatter = {
  part: (d) => ENTRY_INDENT + JSON.stringify(entry(d), null, 2).replaceAll('\n', `\n${ENTRY_INDENT}`),
  assemble: (run, parts) => {
    const document = { tool: run.tool, standard: run.standard, dossiers: parts.length > 0 ? [0] : [], summary: run.summary };
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const at = text.indexOf(ENTRIES);
    if (at < 0) return [text];
    return [text.slice(0, at + 1), ...parts.flatMap((part, i) => (i === 0 ? [part] : [',\n', part])), text.slice(at + ENTRIES.length - 1)];
  },
};

/** `--format json`: the stable machine-readable contract of the spec. */
import type { Finding } from '../findings.js';
import type { Formatter } from './run.js';

function finding(f: Finding): Record<string, unknown> {
  return { code: f.code, message: f.message, ...(f.path !== undefined ? { path: f.path } : {}), ...(f.line !== undefined ? { line: f.line, column: f.column } : {}) };
}

export const json: Formatter = (run) => {
  const document = {
    tool: run.tool,
    standard: run.standard,
    dossiers: run.dossiers.map((d) => ({
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
    })),
    summary: run.summary,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};

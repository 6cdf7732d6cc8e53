/**
 * `--format json`: the stable machine-readable contract of the spec. Each
 * dossier's entry is rendered on its own, already indented for its place in
 * the `dossiers` array, so a batch never holds the whole document as objects.
 */
import type { TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import type { Finding } from '../core/findings.js';
import type { Materials } from '../core/materials.js';
import { aroundLine, jsonElements, type DossierReport, type Formatter } from './run.js';

// The contract's objects, field by field in its order; JSON.stringify leaves out a field that is
// undefined. Built as plain objects rather than filtered by a replacer list, which takes
// JSON.stringify off its fast path (a quarter of a 10,000-dossier JSON run, measured).

const finding = (f: Finding): object => ({ code: f.code, message: f.message, path: f.path, line: f.line, column: f.column });

const requirement = (r: RequirementResult): object => ({
  id: r.id,
  kind: r.kind,
  label: r.label,
  path: r.path,
  met: r.met,
  have: r.have,
  need: r.need,
  gap: r.gap,
  note: r.note,
  line: r.line,
  column: r.column,
});

/** The shape: level and filledBy for a vacancy, reportedOn for an exit report, each left out where it does not belong. */
const obligation = (o: NonNullable<DossierReport['obligations']>[number]): object => ({
  code: o.code,
  engineer: o.engineer,
  due: o.due,
  status: o.status,
  level: o.level,
  filledBy: o.filledBy,
  reportedOn: o.reportedOn,
  message: o.message,
  line: o.line,
  column: o.column,
});

const tier = (t: TierResult): object => ({
  id: t.id,
  name: t.name,
  met: t.met,
  gaps: t.gaps,
  holdsUntil: t.holdsUntil,
  paths: t.paths?.map((p) => ({ id: p.id, name: p.name, met: p.met, gaps: p.gaps })),
  requirements: t.requirements.map(requirement),
});

const materials = (m: Materials): object => ({
  complete: m.complete,
  missing: m.missing.map((x) => ({ engineer: x.engineer, type: x.type, number: x.number, path: x.path, line: x.line, column: x.column })),
  files: m.files.map((f) => ({ path: f.path, kind: f.kind, bytes: f.bytes })),
});

const entry = (d: DossierReport): object => ({
  file: d.file,
  partner: d.partner,
  standard: d.standard,
  asOf: d.asOf,
  currentRating: d.currentRating && { tier: d.currentRating.tier, issued: d.currentRating.issued, validUntil: d.currentRating.validUntil },
  valid: d.valid,
  errors: d.errors.map(finding),
  warnings: d.warnings.map(finding),
  tiers: d.tiers.map(tier),
  highestTier: d.highestTier,
  requiredTier: d.requiredTier,
  // Only for a dossier that declares its current rating: a first application owes nothing yet.
  obligations: d.obligations?.map(obligation),
  obligationsMet: d.obligationsMet,
  pass: d.pass,
  materials: d.materials && materials(d.materials),
  plan: d.plan && {
    tier: d.plan.tier,
    path: d.plan.path,
    size: d.plan.size,
    proven: d.plan.proven,
    actions: d.plan.actions.map((a) => ({ kind: a.kind, engineer: a.engineer, type: a.type, category: a.category, level: a.level, amount: a.amount, fills: a.fills, text: a.text })),
  },
  keep: d.keep?.map((k) => ({ engineer: k.engineer, type: k.type, by: k.by, tier: k.tier })),
});

/** Stands in for the entries while the rest of the document is rendered; no other line of it can read so. */
const ENTRIES = '    0';

export const json: Formatter = {
  // Indented for its place in the document's `dossiers` array.
  part: (d) => jsonElements([entry(d)], '    '),
  assemble: (run) => {
    const document = { tool: run.tool, standard: run.standard, dossiers: run.dossiers.length > 0 ? [0] : [], summary: run.summary };
    return aroundLine(`${JSON.stringify(document, null, 2)}\n`, ENTRIES, ',\n');
  },
};

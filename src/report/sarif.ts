/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning views. A result per error,
 * per warning and per gap, each with the dossier file and, where known, the
 * line and column, so the view points at the dossier line. Gaps of the
 * required tier are errors; gaps of the tiers above it are notes.
 */
import type { Location, ReportingDescriptor, Result, Log } from 'sarif';
import type { Finding } from '../core/findings.js';
import { aroundLine, jsonElements, type DossierReport } from './run.js';
import type { Formatter } from './run.js';
import { gapsOf } from './view.js';
import { materialGaps } from './materials.js';
import { obligationText, unmetObligations } from './obligations.js';
import { keepText } from './plan-section.js';

/** A dossier path as a relative URI reference: forward slashes, reserved characters encoded. */
export function fileUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function location(file: string, at: { line?: number; column?: number }): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(file) },
      ...(at.line !== undefined ? { region: { startLine: at.line, ...(at.column !== undefined ? { startColumn: at.column } : {}) } } : {}),
    },
  };
}

/**
 * Rules in the order results first use them. A result refers to its rule by
 * id only: its index in the run's list would depend on every dossier before
 * it, and each dossier's results are rendered on their own.
 */
class RuleSet {
  readonly rules: ReportingDescriptor[] = [];
  private readonly ids = new Set<string>();

  use(id: string, description: string): { ruleId: string } {
    if (!this.ids.has(id)) {
      this.ids.add(id);
      this.rules.push({ id, shortDescription: { text: description } });
    }
    return { ruleId: id };
  }
}

function findingResult(d: DossierReport, f: Finding, rules: RuleSet): Result {
  return {
    ...rules.use(f.code, f.severity === 'error' ? `dossier error: ${f.code}` : `dossier warning: ${f.code}`),
    level: f.severity === 'error' ? 'error' : 'warning',
    message: { text: f.message },
    locations: [location(d.file, f)],
  };
}

function dossierResults(d: DossierReport, rules: RuleSet): Result[] {
  const results = [...d.errors, ...d.warnings, ...materialGaps(d)].map((f) => findingResult(d, f, rules));
  for (const { tier, requirement: r, blocking } of gapsOf(d)) {
    results.push({
      ...rules.use(`requirement/${r.id}`, r.label),
      level: blocking ? 'error' : 'note',
      message: { text: `${tier.name}: ${r.label}: ${r.gap ?? 'not met'}` },
      locations: [location(d.file, r)],
      properties: { tier: tier.id, have: r.have, need: r.need },
    });
  }
  for (const a of d.plan?.actions ?? []) {
    results.push({ ...rules.use(`plan/${a.kind}`, `plan: ${a.kind}`), level: 'note', message: { text: a.text }, locations: [location(d.file, a)], properties: { tier: d.plan!.tier, fills: a.fills } });
  }
  for (const k of d.keep ?? []) {
    results.push({ ...rules.use('keep/renew-certificate', 'keep: renew a certificate'), level: 'note', message: { text: keepText(k) }, locations: [location(d.file, k)], properties: { tier: k.tier, by: k.by } });
  }
  for (const o of unmetObligations(d)) {
    results.push({
      ...rules.use(`obligation/${o.code}`, o.code === 'exit-report' ? 'an exit reported to the vendor within the working days the standard gives' : 'a vacancy filled within the months the standard gives, at the same level'),
      // As GitHub annotates it: a breached obligation fails the dossier, an open one is owed soon.
      level: o.status === 'breached' ? 'error' : 'warning',
      message: { text: obligationText(o) },
      locations: [location(d.file, o)],
      properties: { status: o.status, due: o.due, engineer: o.engineer },
    });
  }
  return results;
}

/** Stands in for the results while the rest of the log is rendered; no other line of it can read so. */
const RESULTS = '        0';
/** A result's indentation in the log: four levels deep (runs, a run, its results). */
const INDENT = '        ';

/**
 * The rules each dossier's part used, for its note: a batch asks for the
 * part and then the note of the same report, and building the results twice
 * (every message worded again) cost 10–12% of the run's CPU at 10,000
 * dossiers (6.7–7.1 s against 5.9–6.3 s) and 24 MB of peak memory at 50,000
 * (379 MB against 355 MB).
 */
const rulesOfPart = new WeakMap<DossierReport, ReportingDescriptor[]>();

export const sarif: Formatter<ReportingDescriptor[]> = {
  part: (d) => {
    const rules = new RuleSet();
    const part = jsonElements(dossierResults(d, rules), INDENT);
    rulesOfPart.set(d, rules.rules);
    return part;
  },
  // The rules the dossier's results use, in order: the log lists every rule of the run before any result.
  note: (d) => {
    // Taken once: a report changed after its part (the API's caller may) is worded afresh.
    const known = rulesOfPart.get(d);
    rulesOfPart.delete(d);
    if (known !== undefined) return known;
    const rules = new RuleSet();
    dossierResults(d, rules);
    return rules.rules;
  },
  assemble: (run, _options, notes) => {
    const rules = new RuleSet();
    for (const used of notes) for (const rule of used) rules.use(rule.id, rule.shortDescription!.text);
    // Every result uses a rule: without rules, there are no results.
    const log: Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: run.tool.name, version: run.tool.version, rules: rules.rules } }, results: rules.rules.length > 0 ? [0 as unknown as Result] : [] }],
    };
    return aroundLine(`${JSON.stringify(log, null, 2)}\n`, RESULTS, ',\n');
  },
};

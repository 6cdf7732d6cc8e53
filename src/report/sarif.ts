/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning views. A result per error,
 * per warning and per gap, each with the dossier file and, where known, the
 * line and column, so the view points at the dossier line. Gaps of the
 * required tier are errors; gaps of the tiers above it are notes.
 */
import type { Location, ReportingDescriptor, Result, Log } from 'sarif';
import type { Finding } from '../findings.js';
import type { DossierReport } from './run.js';
import type { Formatter } from './run.js';
import { gapsOf } from './view.js';

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

/** Rules in the order results first use them; a result refers to its rule by id and index. */
class RuleSet {
  readonly rules: ReportingDescriptor[] = [];
  private readonly index = new Map<string, number>();

  use(id: string, description: string): { ruleId: string; ruleIndex: number } {
    let ruleIndex = this.index.get(id);
    if (ruleIndex === undefined) {
      ruleIndex = this.rules.push({ id, shortDescription: { text: description } }) - 1;
      this.index.set(id, ruleIndex);
    }
    return { ruleId: id, ruleIndex };
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
  const results = [...d.errors, ...d.warnings].map((f) => findingResult(d, f, rules));
  for (const { tier, requirement: r, blocking } of gapsOf(d)) {
    results.push({
      ...rules.use(`requirement/${r.id}`, r.label),
      level: blocking ? 'error' : 'note',
      message: { text: `${tier.name}: ${r.label}: ${r.gap ?? 'not met'}` },
      locations: [location(d.file, r)],
      properties: { tier: tier.id, have: r.have, need: r.need },
    });
  }
  return results;
}

export const sarif: Formatter = {
  whole: (run) => {
    const rules = new RuleSet();
    const results = run.dossiers.flatMap((d) => dossierResults(d, rules));
    const log: Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [{ tool: { driver: { name: run.tool.name, version: run.tool.version, rules: rules.rules } }, results }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
  },
};

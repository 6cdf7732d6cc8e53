/**
 * What several formatters read off one dossier's report: which requirements
 * are gaps, how many stand between a dossier and a tier, the verdict line,
 * values and locations as words. They only read the evaluation; nothing is
 * recounted.
 */
import type { TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import { plural } from '../core/words.js';
import type { Finding } from '../findings.js';
import type { DossierReport } from '../pipeline.js';

export interface Gap {
  tier: TierResult;
  requirement: RequirementResult;
  /** True for a gap of the required tier, which fails the run. */
  blocking: boolean;
}

/**
 * The gaps that matter: unmet requirements of the required tier (blocking)
 * and of every tier above it. A tier already met has no gaps, even when a
 * row of an alternative path it did not take is unmet.
 */
export function gapsOf(d: DossierReport): Gap[] {
  const required = d.tiers.findIndex((t) => t.id === d.requiredTier);
  return d.tiers.flatMap((tier, index) =>
    tier.met || index > required ? [] : tier.requirements.filter((r) => !r.met).map((requirement) => ({ tier, requirement, blocking: index === required })),
  );
}

/**
 * How far a tier is: the rows it needs — those every path needs plus those
 * of the alternative path closest to being met — and how many of them are met.
 */
export function tierProgress(tier: TierResult): { met: number; needed: number } {
  const common = tier.requirements.filter((r) => r.path === undefined);
  const unmet = (rows: RequirementResult[]): number => rows.filter((r) => !r.met).length;
  const closest = tier.paths
    ?.map((p) => tier.requirements.filter((r) => r.path === p.id))
    .reduce((best, rows) => (unmet(rows) < unmet(best) ? rows : best));
  const needed = [...common, ...(closest ?? [])];
  return { met: needed.length - unmet(needed), needed: needed.length };
}

/** How many requirements stand between the dossier and a tier. */
export function gapCount(tier: TierResult): number {
  const { met, needed } = tierProgress(tier);
  return needed - met;
}

export function requiredTierOf(d: DossierReport): TierResult | undefined {
  return d.tiers.find((t) => t.id === d.requiredTier);
}

/** "three-star — 2 gaps to four-star", the line a partner reads first. */
export function verdict(d: DossierReport): string {
  if (!d.valid) return `invalid — ${plural(d.errors.length, 'error')}`;
  const index = d.tiers.findIndex((t) => t.id === d.highestTier);
  const next = index < 0 ? d.tiers[d.tiers.length - 1] : index > 0 ? d.tiers[index - 1] : undefined;
  const reached = d.highestTier ?? 'no tier met';
  if (!next) return `${reached} — the highest tier`;
  return `${reached} — ${plural(gapCount(next), 'gap')} to ${next.id}`;
}

/** PASS, FAIL or INVALID: the outcome against the required tier. */
export function outcome(d: DossierReport): 'PASS' | 'FAIL' | 'INVALID' {
  return !d.valid ? 'INVALID' : d.pass ? 'PASS' : 'FAIL';
}

/**
 * Every requirement id of the dossier's tiers, in the standard's order: each
 * tier lists its rows in that order, so a row new to the list goes before the
 * next row it is known to precede.
 */
export function requirementOrder(d: DossierReport): Array<{ id: string; label: string; path?: string }> {
  const order: Array<{ id: string; label: string; path?: string }> = [];
  for (const tier of d.tiers) {
    tier.requirements.forEach((r, i) => {
      if (order.some((o) => o.id === r.id)) return;
      const next = tier.requirements.slice(i + 1).find((later) => order.some((o) => o.id === later.id));
      const at = next ? order.findIndex((o) => o.id === next.id) : order.length;
      order.splice(at, 0, { id: r.id, label: r.label, ...(r.path !== undefined ? { path: r.path } : {}) });
    });
  }
  return order;
}

export function show(value: number | string | boolean): string {
  return value === true ? 'yes' : value === false ? 'no' : String(value);
}

/** `file:line:column: message` — the form editors and CI logs link to. */
export function locatedMessage(file: string, f: Finding): string {
  return `${file}${f.line !== undefined ? `:${f.line}:${f.column}` : ''}: ${f.message}`;
}

/**
 * What several formatters read off one dossier's report: which requirements
 * are gaps, how many stand between a dossier and a tier, the verdict line,
 * values and locations as words. They only read the evaluation; nothing is
 * recounted.
 */
import type { TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import { plural } from '../core/words.js';
import { printable, type Finding } from '../core/findings.js';
import type { DossierOutline, DossierReport, RunResult } from './run.js';

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
 * of the path with the fewest gaps — and how many of them are met. It reads
 * the engine's own gap counts.
 */
export function tierProgress(tier: TierResult): { met: number; needed: number } {
  const needed = neededRows(tier).length;
  return { met: needed - tier.gaps, needed };
}

/** The rows a tier needs: those every path needs and those of its path with the fewest gaps (the first of equals). */
export function neededRows(tier: TierResult): RequirementResult[] {
  const nearest = tier.paths?.reduce((best, p) => (p.gaps < best.gaps ? p : best));
  return tier.requirements.filter((r) => r.path === undefined || r.path === nearest?.id);
}

/** For a tier not met that offers paths: "either technical certificates (3 gaps) or channel credits (1 gap)". */
export function pathChoice(tier: TierResult): string | undefined {
  if (tier.met || !tier.paths) return undefined;
  return `either ${tier.paths.map((p) => `${p.name} (${plural(p.gaps, 'gap')})`).join(' or ')}, with the rows every path needs`;
}

export function requiredTierOf(d: DossierReport): TierResult | undefined {
  return d.tiers.find((t) => t.id === d.requiredTier);
}

/** "three-star — 2 gaps to four-star", the line a partner reads first. */
export function verdict(d: Pick<DossierOutline, 'valid' | 'errors' | 'tiers' | 'highestTier'>): string {
  if (!d.valid) return `invalid — ${plural(d.errors.length, 'error')}`;
  const index = d.tiers.findIndex((t) => t.id === d.highestTier);
  const next = index < 0 ? d.tiers[d.tiers.length - 1] : index > 0 ? d.tiers[index - 1] : undefined;
  const reached = d.highestTier ?? 'no tier met';
  if (!next) return `${reached} — the highest tier`;
  return `${reached} — ${plural(next.gaps, 'gap')} to ${next.id}`;
}

/** PASS, FAIL or INVALID: the outcome against the required tier. */
export function outcome(d: Pick<DossierOutline, 'valid' | 'pass'>): 'PASS' | 'FAIL' | 'INVALID' {
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

/** The paths a met tier was reached by, "technical certificates or channel credits"; undefined without paths. */
export function metPaths(tier: TierResult): string | undefined {
  return tier.paths ? tier.paths.filter((p) => p.met).map((p) => p.name).join(' or ') : undefined;
}

/** A requirement's label with its path, as plain text: "PMP or H3CNE-PM [certificates]". */
export function rowLabel(r: { label: string; path?: string }): string {
  return r.path ? `${r.label} [${r.path}]` : r.label;
}

/** "4 dossiers: 2 passed, 1 failed, 1 invalid". */
export function summaryLine(summary: RunResult['summary']): string {
  return `${plural(summary.total, 'dossier')}: ${summary.passed} passed, ${summary.failed} failed, ${summary.invalid} invalid`;
}

export function show(value: number | string | boolean): string {
  return value === true ? 'yes' : value === false ? 'no' : String(value);
}

/** `file:line:column: message` — the form editors and CI logs link to. */
export function locatedMessage(file: string, f: Finding): string {
  // Printed for people: a hostile dossier's escape codes and text-direction marks stay visible as \uXXXX, never reach a terminal.
  return printable(`${file}${f.line !== undefined ? `:${f.line}:${f.column}` : ''}: ${f.message}`);
}

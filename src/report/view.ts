/**
 * What several formatters read off one dossier's report: which requirements
 * are gaps, how many stand between a dossier and a tier, the verdict line,
 * values and locations as words. They only read the evaluation; nothing is
 * recounted.
 */
import type { PathResult, TierResult } from '../core/evaluate.js';
import type { RequirementResult } from '../core/kinds/index.js';
import { plural } from '../core/words.js';
import { printable, type Finding } from '../core/findings.js';
import { shortfallsOf, type DossierOutline, type DossierReport, type FormatOptions, type RunResult } from './run.js';

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
  const nearest = nearestPath(tier);
  return tier.requirements.filter((r) => r.path === undefined || r.path === nearest?.id);
}

/** The path with the fewest gaps (the first of equals), the one a tier's gap count reads; undefined without paths. */
export function nearestPath(tier: TierResult): PathResult | undefined {
  return tier.paths?.reduce((best, p) => (p.gaps < best.gaps ? p : best));
}

/**
 * How a row stands in its tier's table: a gap counts toward the tier's gaps
 * (an unmet row every path needs, or one of the nearest path); an
 * alternative is an unmet row of another path, or any unmet row of a met
 * tier; owed is an obligation not checked on this application.
 */
export function rowStatus(tier: TierResult, r: RequirementResult): 'met' | 'gap' | 'alternative' | 'owed' {
  if (r.owed !== undefined) return 'owed';
  if (r.met) return 'met';
  if (tier.met) return 'alternative';
  return r.path === undefined || r.path === nearestPath(tier)?.id ? 'gap' : 'alternative';
}

/** For a tier not met that offers paths: "either technical certificates (3 gaps) or channel credits (1 gap) — channel credits is nearest". */
export function pathChoice(tier: TierResult): string | undefined {
  if (tier.met || !tier.paths) return undefined;
  const fewest = nearestPath(tier)!.gaps;
  const nearest = tier.paths.filter((p) => p.gaps === fewest).map((p) => p.name);
  const which = nearest.length === 1 ? `${nearest[0]} is nearest` : `${nearest.slice(0, -1).join(', ')} and ${nearest.at(-1)} are as near`;
  return `either ${tier.paths.map((p) => `${p.name} (${plural(p.gaps, 'gap')})`).join(' or ')}, with the rows every path needs — ${which}`;
}

/**
 * The tier a reader needs first: the required tier when it is not met, else
 * the next tier up, else (the highest tier, met) the required tier itself.
 */
export function focusTier(d: Pick<DossierReport, 'tiers' | 'requiredTier'>): TierResult | undefined {
  const index = d.tiers.findIndex((t) => t.id === d.requiredTier);
  if (index < 0) return d.tiers[d.tiers.length - 1];
  return d.tiers[index]!.met && index > 0 ? d.tiers[index - 1] : d.tiers[index];
}

/** Why a tier is shown with the others: " (required)", " (next tier up)" (the one above the required tier), else nothing. */
export function tierRole(d: Pick<DossierReport, 'tiers' | 'requiredTier'>, tier: TierResult): string {
  if (tier.id === d.requiredTier) return ' (required)';
  return d.tiers[d.tiers.indexOf(tier) + 1]?.id === d.requiredTier ? ' (next tier up)' : '';
}

/**
 * The tiers shown in full (table and gaps), in the standard's order: the
 * focus tier by default, every tier with `all`, or those picked by id (the
 * focus tier when none of them is the dossier's). The others get a line.
 */
export function tiersShown(d: Pick<DossierReport, 'tiers' | 'requiredTier'>, pick: FormatOptions['tiers']): Set<TierResult> {
  if (pick === 'all') return new Set(d.tiers);
  const picked = pick === undefined ? [] : d.tiers.filter((t) => pick.includes(t.id));
  const focus = focusTier(d);
  return new Set(picked.length > 0 ? picked : focus ? [focus] : []);
}

/** A tier in one line's words: "met via channel credits, holds until 2027-06-09" or "not met, 3 gaps". */
export function tierState(tier: TierResult): string {
  if (!tier.met) return `not met, ${plural(tier.gaps, 'gap')}`;
  const via = metPaths(tier);
  return `met${via !== undefined ? ` via ${via}` : ''}${typeof tier.holdsUntil === 'string' ? `, holds until ${tier.holdsUntil}` : ''}`;
}

/** An owed row's have and need, in place of numbers: "owed in the year after certification: 3 events". */
export function owedText(r: RequirementResult): string {
  return `owed ${r.owed}`;
}

export function requiredTierOf(d: DossierReport): TierResult | undefined {
  return d.tiers.find((t) => t.id === d.requiredTier);
}

/** "three-star — 2 gaps to four-star", the line a partner reads first. */
export function verdict(d: Pick<DossierOutline, 'valid' | 'errors' | 'tiers' | 'highestTier'> & Shortfalls): string {
  if (!d.valid) return `invalid — ${plural(d.errors.length, 'error')}`;
  // A validation-only report (`validate --format`) has no tiers: valid is all it can say.
  if (d.tiers.length === 0) return 'valid';
  const index = d.tiers.findIndex((t) => t.id === d.highestTier);
  const next = index < 0 ? d.tiers[d.tiers.length - 1] : index > 0 ? d.tiers[index - 1] : undefined;
  const reached = d.highestTier ?? 'no tier met';
  // What else fails the dossier follows, so a FAIL whose required tier is met says why in every format.
  const also = shortfallWords(d).map((words) => `; ${words}`).join('');
  if (!next) return `${reached} — the highest tier${also}`;
  return `${reached} — ${plural(next.gaps, 'gap')} to ${next.id}${also}`;
}

/** An outline's counts, or a full report's obligations and materials they are counted from. */
type Shortfalls = Pick<DossierOutline, 'breached' | 'missingMaterials'> & Partial<Pick<DossierReport, 'obligations' | 'materials'>>;

/** "1 obligation breached", "2 materials missing": what fails a dossier besides its required tier. */
export function shortfallWords(d: Shortfalls): string[] {
  const { breached, missingMaterials } = d.breached !== undefined || d.missingMaterials !== undefined ? { breached: d.breached ?? 0, missingMaterials: d.missingMaterials ?? 0 } : shortfallsOf(d);
  return [...(breached > 0 ? [`${plural(breached, 'obligation')} breached`] : []), ...(missingMaterials > 0 ? [`${plural(missingMaterials, 'material')} missing`] : [])];
}

/** PASS, FAIL or INVALID: the outcome against the required tier. */
export function outcome(d: Pick<DossierOutline, 'valid' | 'pass'>): 'PASS' | 'FAIL' | 'INVALID' {
  return !d.valid ? 'INVALID' : d.pass ? 'PASS' : 'FAIL';
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
export function locatedMessage(file: string, f: Pick<Finding, 'message' | 'line' | 'column'>): string {
  // Printed for people: a hostile dossier's escape codes and text-direction marks stay visible as \uXXXX, never reach a terminal.
  return printable(`${file}${f.line !== undefined ? `:${f.line}:${f.column}` : ''}: ${f.message}`);
}

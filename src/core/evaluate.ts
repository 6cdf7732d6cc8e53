/**
 * The engine: one dossier × one standard × one application date → per tier,
 * each requirement met or not, and the highest tier met. Pure: no file
 * system, no console, no clock.
 */
import type { Catalogue } from './catalogue.js';
import { addDays, compareDates, type IsoDate } from './dates.js';
import { gatherFacts, type Facts } from './facts.js';
import { kinds, type RequirementResult, type RowNeed } from './kinds/index.js';
import type { Dossier, Requirement, RequirementKind, Standard } from './model.js';
import { currentRatingStatus, type CurrentRatingStatus } from './rating.js';

export interface PathResult {
  id: string;
  name: string;
  met: boolean;
  /** Unmet rows of this path, not counting the rows every path shares. */
  gaps: number;
}

export interface TierResult {
  id: string;
  name: string;
  met: boolean;
  /**
   * How many rows stand between the dossier and the tier: the unmet rows
   * without a path plus those of the path with the fewest unmet rows. Rows of
   * the other paths are alternatives, not gaps.
   */
  gaps: number;
  /**
   * The last application date on which the tier is still met, given the
   * dossier as it is: null when it is not met now, absent when nothing it
   * depends on ever lapses.
   */
  holdsUntil?: IsoDate | null;
  /** Present when the standard has alternative paths. */
  paths?: PathResult[];
  requirements: RequirementResult[];
}

export interface Evaluation {
  asOf: IsoDate;
  tiers: TierResult[];
  /** The highest tier met, or null. */
  highestTier: string | null;
  /** The rating held now, when the dossier declares one (a recertification). */
  currentRating?: CurrentRatingStatus;
}

/** A tier's rows, grouped by kind in the order the evaluators run them: the same for every dossier of a standard. */
interface TierPlan {
  tier: Standard['tiers'][number];
  rows: Requirement[];
  byKind: Array<{ kind: RequirementKind; rows: RowNeed[] }>;
}

const plans = new WeakMap<Catalogue, TierPlan[]>();

function tierPlans(catalogue: Catalogue): TierPlan[] {
  let planned = plans.get(catalogue);
  if (planned === undefined) {
    const { standard } = catalogue;
    planned = standard.tiers.map((tier) => {
      const rows = standard.requirements.filter((row) => row.need[tier.id] !== undefined);
      const byKind = [...new Set(rows.map((row) => row.kind))].map((kind) => ({
        kind,
        rows: rows.filter((row) => row.kind === kind).map((row) => ({ row, need: row.need[tier.id] }) as RowNeed),
      }));
      return { tier, rows, byKind };
    });
    plans.set(catalogue, planned);
  }
  return planned;
}

/** Evaluates every tier (or only those named) on one date, without holdsUntil. */
function evaluateTiers(facts: Facts, only?: ReadonlySet<string>): TierResult[] {
  const { standard } = facts.catalogue;
  return tierPlans(facts.catalogue).filter(({ tier }) => only === undefined || only.has(tier.id)).map(({ tier, rows, byKind }) => {
    const byId = new Map<string, RequirementResult>();
    for (const { kind, rows: ofKind } of byKind) {
      for (const result of evaluateKind(kind, ofKind, facts)) byId.set(result.id, result);
    }
    const requirements = rows.map((row) => byId.get(row.id)!);
    const unmet = (path: string | undefined): number => requirements.filter((r) => r.path === path && !r.met).length;
    // A path with no row in this tier is not offered for it, rather than met for free.
    const offered = (standard.paths ?? []).filter((p) => requirements.some((r) => r.path === p.id));
    const paths = offered.map((p) => ({ id: p.id, name: p.name, met: unmet(p.id) === 0, gaps: unmet(p.id) }));
    const gaps = unmet(undefined) + (paths.length > 0 ? Math.min(...paths.map((p) => p.gaps)) : 0);
    return { id: tier.id, name: tier.name, met: gaps === 0, gaps, ...(paths.length > 0 ? { paths } : {}), requirements };
  });
}

function evaluateKind(kind: RequirementKind, rows: RowNeed[], facts: Facts): RequirementResult[] {
  // Each evaluator takes the rows of its own kind; the cast restores the link TypeScript loses in the loop.
  return (kinds[kind] as { evaluate(rows: RowNeed[], facts: Facts): RequirementResult[] }).evaluate(rows, facts);
}

function kindLossDates(kind: RequirementKind, rows: Requirement[], dossier: Dossier, catalogue: Catalogue): IsoDate[] {
  // As in evaluateKind: each module takes the rows of its own kind.
  const module = kinds[kind] as { lossDates?(rows: Requirement[], dossier: Dossier, catalogue: Catalogue): IsoDate[] };
  return module.lossDates?.(rows, dossier, catalogue) ?? [];
}

/**
 * The application dates after `date` on which something the dossier holds
 * can stop counting, as each kind of the standard declares them. Between two
 * such dates nothing can be lost.
 */
function lossDates(dossier: Dossier, catalogue: Catalogue, date: IsoDate): IsoDate[] {
  const { requirements } = catalogue.standard;
  const dates = new Set<IsoDate>();
  for (const kind of new Set(requirements.map((row) => row.kind))) {
    for (const d of kindLossDates(kind, requirements.filter((row) => row.kind === kind), dossier, catalogue)) dates.add(d);
  }
  return [...dates].filter((d) => compareDates(d, date) > 0).sort(compareDates);
}

/**
 * The dossier as held on `date`: certificates not yet issued, events not yet
 * attended and projects not yet completed are left out. From here on the dossier can only lose (a
 * certificate drops inside the margin, an engineer leaves, an event leaves
 * the window), so whether a tier is met can only turn from true to false.
 */
function heldOn(dossier: Dossier, date: IsoDate): Dossier {
  const held = (d: IsoDate | undefined): boolean => d === undefined || compareDates(d, date) <= 0;
  return {
    ...dossier,
    engineers: dossier.engineers.map((e) => (e.certificates ? { ...e, certificates: e.certificates.filter((c) => held(c.issued)) } : e)),
    ...(dossier.training ? { training: dossier.training.filter((t) => held(t.date)) } : {}),
    ...(dossier.projects ? { projects: dossier.projects.filter((p) => held(p.completed)) } : {}),
  };
}

/**
 * holdsUntil for each met tier: the day before the first loss date on which
 * the tier fails, judged on what the dossier holds on `date`. Being met only
 * turns false over those dates, so a binary search over them finds it in a
 * logarithmic number of evaluations, however many certificates the dossier has.
 */
function holdsUntil(dossier: Dossier, catalogue: Catalogue, date: IsoDate, met: Set<string>): Map<string, IsoDate> {
  const held = heldOn(dossier, date);
  const dates = lossDates(held, catalogue, date);
  const probes = new Map<number, Set<string>>();
  const metAt = (i: number): Set<string> => {
    let still = probes.get(i);
    if (still === undefined) {
      still = new Set(evaluateTiers(gatherFacts(held, catalogue, dates[i]!), met).filter((t) => t.met).map((t) => t.id));
      probes.set(i, still);
    }
    return still;
  };
  const until = new Map<string, IsoDate>();
  for (const tier of met) {
    let low = 0;
    let high = dates.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (metAt(mid).has(tier)) low = mid + 1;
      else high = mid;
    }
    if (low < dates.length) until.set(tier, addDays(dates[low]!, -1));
  }
  return until;
}

export function evaluate(dossier: Dossier, catalogue: Catalogue, date: IsoDate): Evaluation {
  const tiers = evaluateTiers(gatherFacts(dossier, catalogue, date));
  const until = holdsUntil(dossier, catalogue, date, new Set(tiers.filter((t) => t.met).map((t) => t.id)));
  for (const tier of tiers) {
    if (!tier.met) tier.holdsUntil = null;
    else if (until.has(tier.id)) tier.holdsUntil = until.get(tier.id)!;
  }
  const rating = currentRatingStatus(dossier, catalogue, date);
  return { asOf: date, tiers, highestTier: tiers.find((t) => t.met)?.id ?? null, ...(rating ? { currentRating: rating } : {}) };
}

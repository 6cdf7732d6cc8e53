/**
 * The engine: one dossier × one standard × one application date → per tier,
 * each requirement met or not, and the highest tier met. Pure: no file
 * system, no console, no clock.
 *
 * Two mechanisms here exist only for speed (issue 15's rule: each pays at
 * least 10% on a realistic run). Each tier's rows grouped by kind
 * (`tierPlans`) are worked out once per catalogue, not for every dossier:
 * without them a check of generated dossiers (--format json --jobs 1, CPU
 * medians of 5 interleaved rounds) took 16% longer at 1,000 dossiers
 * (1.67 s against 1.44 s) and 18% longer at 10,000 (6.91 s against 5.83 s).
 * And holdsUntil's probes and the plan ask only whether tiers are met
 * (`metTiers`: each kind's allMet, no result built or worded), beside the
 * full evaluateTiers: answering them with evaluateTiers took 12% more
 * instructions at 1,000 dossiers (callgrind, 8.97e9 against 8.03e9; CPU
 * 1.64 s against 1.44 s) and 6% more CPU at 10,000.
 */
import type { Catalogue } from './catalogue.js';
import { addDays, compareDates, type IsoDate } from './dates.js';
import { gatherFacts, standingOn, type Facts, type Standing } from './facts.js';
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
  /** What the tiers were judged on (which certificates count on the date): for the callers that need it too, so it is gathered once. */
  facts: Facts;
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
  byKind: KindRows[];
  /** Where each kind's results go among `rows`, in byKind's order. */
  slots: number[][];
  /**
   * The tier's kinds by the path their rows belong to (undefined: every
   * path), for the met-only probes; null when some kind has rows on more
   * than one path, as one pool of certificates filling rows of two paths is
   * a question only the full matching answers.
   */
  groups: Array<{ path: string | undefined; kinds: KindRows[] }> | null;
}

interface KindRows {
  kind: RequirementKind;
  rows: RowNeed[];
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
      const slots = byKind.map(({ rows: ofKind }) => ofKind.map(({ row }) => rows.indexOf(row)));
      const split = byKind.some(({ rows: ofKind }) => new Set(ofKind.map(({ row }) => row.path)).size > 1);
      const paths = [...new Set(rows.map((row) => row.path))];
      const groups = split ? null : paths.map((path) => ({ path, kinds: byKind.filter(({ rows: ofKind }) => ofKind[0]!.row.path === path) }));
      return { tier, rows, byKind, slots, groups };
    });
    plans.set(catalogue, planned);
  }
  return planned;
}

/** Evaluates every tier (or only those named) on one date, without holdsUntil. */
function evaluateTiers(facts: Facts, only?: ReadonlySet<string>): TierResult[] {
  const { standard } = facts.catalogue;
  const results: TierResult[] = [];
  for (const { tier, rows, byKind, slots } of tierPlans(facts.catalogue)) {
    if (only !== undefined && !only.has(tier.id)) continue;
    const requirements = new Array<RequirementResult>(rows.length);
    byKind.forEach(({ kind, rows: ofKind }, k) => {
      const at = slots[k]!;
      evaluateKind(kind, ofKind, facts).forEach((result, i) => {
        requirements[at[i]!] = result;
      });
    });
    const unmet = (path: string | undefined): number => {
      let count = 0;
      for (const r of requirements) if (r.path === path && !r.met) count += 1;
      return count;
    };
    // A path with no row in this tier is not offered for it, rather than met for free.
    const paths: PathResult[] = [];
    for (const p of standard.paths ?? []) {
      if (!rows.some((row) => row.path === p.id)) continue;
      const gaps = unmet(p.id);
      paths.push({ id: p.id, name: p.name, met: gaps === 0, gaps });
    }
    let gaps = unmet(undefined);
    if (paths.length > 0) gaps += Math.min(...paths.map((p) => p.gaps));
    const met = gaps === 0;
    results.push(paths.length > 0 ? { id: tier.id, name: tier.name, met, gaps, paths, requirements } : { id: tier.id, name: tier.name, met, gaps, requirements });
  }
  return results;
}

/** One kind's rows evaluated on the facts. */
export function evaluateKind(kind: RequirementKind, rows: RowNeed[], facts: Facts): RequirementResult[] {
  // Each evaluator takes the rows of its own kind; the cast restores the link TypeScript loses in the loop.
  return (kinds[kind] as { evaluate(rows: RowNeed[], facts: Facts): RequirementResult[] }).evaluate(rows, facts);
}

function kindAllMet(kind: RequirementKind, rows: RowNeed[], standing: Standing): boolean {
  // As in evaluateKind: each module takes the rows of its own kind.
  return (kinds[kind] as { allMet(rows: RowNeed[], standing: Standing): boolean }).allMet(rows, standing);
}

/**
 * The tiers among `only` that are met on the standing's date, judged as
 * evaluateTiers judges them but without building a single result: each kind
 * answers only whether all its rows are met.
 */
function tiersMet(standing: Standing, only: ReadonlySet<string>): Set<string> {
  const met = new Set<string>();
  let facts: Facts | undefined;
  const allMet = (entry: KindRows): boolean => kindAllMet(entry.kind, entry.rows, standing);
  for (const { tier, groups } of tierPlans(standing.catalogue)) {
    if (!only.has(tier.id)) continue;
    if (groups === null) {
      facts ??= gatherFacts(standing.dossier, standing.catalogue, standing.date);
      if (evaluateTiers(facts, new Set([tier.id]))[0]!.met) met.add(tier.id);
      continue;
    }
    // Met: every row shared by all paths, and every row of one path (when the tier offers paths).
    let shared = true;
    let anyPath = false;
    let onePath = false;
    for (const { path, kinds: ofGroup } of groups) {
      if (path === undefined) shared = ofGroup.every(allMet);
      else {
        anyPath = true;
        onePath ||= ofGroup.every(allMet);
      }
    }
    if (shared && (!anyPath || onePath)) met.add(tier.id);
  }
  return met;
}

/** The tiers met on `date` (of those given, else all), exactly those evaluate finds met, found without the wording. */
export function metTiers(dossier: Dossier, catalogue: Catalogue, date: IsoDate, ...only: string[]): Set<string> {
  return tiersMet(standingOn(dossier, catalogue, date), new Set(only.length > 0 ? only : catalogue.tierIds));
}

/**
 * The application dates after `date` on which something the dossier holds
 * can stop counting, as each kind of the standard declares them. Between two
 * such dates nothing can be lost.
 */
function lossDates(dossier: Dossier, catalogue: Catalogue, date: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>();
  const add = (d: IsoDate): void => {
    if (d > date) dates.add(d);
  };
  for (const { kind, rows } of rowsByKind(catalogue)) {
    // As in evaluateKind: each module takes the rows of its own kind.
    (kinds[kind] as { lossDates?(rows: Requirement[], dossier: Dossier, catalogue: Catalogue, add: (date: IsoDate) => void): void }).lossDates?.(rows, dossier, catalogue, add);
  }
  return [...dates].sort(compareDates);
}

const kindRows = new WeakMap<Catalogue, Array<{ kind: RequirementKind; rows: Requirement[] }>>();

/** The standard's rows by kind, in the order kinds first appear. */
function rowsByKind(catalogue: Catalogue): Array<{ kind: RequirementKind; rows: Requirement[] }> {
  let grouped = kindRows.get(catalogue);
  if (grouped === undefined) {
    const { requirements } = catalogue.standard;
    grouped = [...new Set(requirements.map((row) => row.kind))].map((kind) => ({ kind, rows: requirements.filter((row) => row.kind === kind) }));
    kindRows.set(catalogue, grouped);
  }
  return grouped;
}

/**
 * The dossier as held on `date`: certificates not yet issued, events not yet
 * attended and projects not yet completed are left out. From here on the dossier can only lose (a
 * certificate drops inside the margin, an engineer leaves, an event leaves
 * the window), so whether a tier is met can only turn from true to false.
 */
function heldOn(dossier: Dossier, date: IsoDate): Dossier {
  const held = (d: IsoDate | undefined): boolean => d === undefined || d <= date;
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
  const until = new Map<string, IsoDate>();
  if (met.size === 0) return until;
  const held = heldOn(dossier, date);
  const dates = lossDates(held, catalogue, date);
  const probes = new Map<number, Set<string>>();
  const metAt = (i: number): Set<string> => {
    let still = probes.get(i);
    if (still === undefined) {
      still = tiersMet(standingOn(held, catalogue, dates[i]!), met);
      probes.set(i, still);
    }
    return still;
  };
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

/**
 * One tier's holdsUntil on `date`, as evaluate gives it (null when the tier
 * is not met, absent when nothing it depends on lapses), found without
 * evaluating the other tiers or wording a gap: each tier's answer is its own.
 */
export function tierHoldsUntil(dossier: Dossier, catalogue: Catalogue, date: IsoDate, tierId: string): IsoDate | null | undefined {
  if (!metTiers(dossier, catalogue, date, tierId).has(tierId)) return null;
  return holdsUntil(dossier, catalogue, date, new Set([tierId])).get(tierId);
}

export function evaluate(dossier: Dossier, catalogue: Catalogue, date: IsoDate): Evaluation {
  const facts = gatherFacts(dossier, catalogue, date);
  const tiers = evaluateTiers(facts);
  const until = holdsUntil(dossier, catalogue, date, new Set(tiers.filter((t) => t.met).map((t) => t.id)));
  for (const tier of tiers) {
    if (!tier.met) tier.holdsUntil = null;
    else if (until.has(tier.id)) tier.holdsUntil = until.get(tier.id)!;
  }
  const rating = currentRatingStatus(dossier, catalogue, date);
  return { asOf: date, facts, tiers, highestTier: tiers.find((t) => t.met)?.id ?? null, ...(rating ? { currentRating: rating } : {}) };
}

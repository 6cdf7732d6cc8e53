import type { Catalogue } from '../catalogue.js';
import type { IsoDate } from '../dates.js';
import type { Facts, Standing } from '../facts.js';
import type { Dossier, RequirementKind, RequirementOf } from '../model.js';

/** A requirement row together with what one tier needs of it. */
export interface RowNeed<K extends RequirementKind = RequirementKind> {
  row: RequirementOf<K>;
  need: NonNullable<RequirementOf<K>['need'][string]>;
}

/** The outcome of one requirement row for one tier. */
export interface RequirementResult {
  id: string;
  kind: RequirementKind;
  label: string;
  /** The alternative path the row belongs to, when the standard has paths. */
  path?: string;
  met: boolean;
  have: number | string | boolean;
  need: number | string | boolean;
  /** What is missing, in words; absent when met. */
  gap?: string;
  /**
   * Something the partner must know although it is no gap, in words: an
   * obligation that is not checked on this application (training on a first
   * certification is owed in the year after it).
   */
  note?: string;
  /**
   * For a row met only because it is not checked on this application (an
   * obligation of the year after certification): when it is owed and what,
   * "in the year after certification: 3 events". Reports show it in place of
   * have and need, never as met.
   */
  owed?: string;
  /** JSON pointer of the dossier node the gap is about, for annotations. */
  at: string;
  /** Where `at` lies in the dossier's source; filled in for unmet rows by the pipeline. */
  line?: number;
  column?: number;
}

/**
 * One requirement kind. Rows of a kind are evaluated together for a tier,
 * because some kinds (certificates, lab units) share one pool of resources
 * across rows: one certificate, one slot.
 */
export interface KindEvaluator<K extends RequirementKind> {
  evaluate(rows: RowNeed<K>[], facts: Facts): RequirementResult[];
  /**
   * True exactly when `evaluate` on the same date would find every one of
   * `rows` met — all the tier's rows of this kind — without the wording:
   * holdsUntil asks this on each date it probes.
   */
  allMet(rows: RowNeed<K>[], standing: Standing): boolean;
  /**
   * Every date on which something these rows count can stop counting (a
   * certificate entering the validity margin, an engineer leaving, a training
   * event leaving its window). holdsUntil re-evaluates only on these dates, so
   * a kind whose results can change with the date must list them; a kind
   * whose results never change with the date leaves this out. Each date goes
   * to `add`, in any order, repeats allowed.
   */
  lossDates?(rows: RequirementOf<K>[], dossier: Dossier, catalogue: Catalogue, add: (date: IsoDate) => void): void;
}

/**
 * The result of one row, its fields always in the same order (reports print
 * them in that order); built by assignment rather than spreads, as every row
 * of every tier of every dossier comes through here.
 */
export function rowResult(row: RowNeed['row'], need: RequirementResult['need'], at: string, met: boolean, have: RequirementResult['have'], gap?: string): RequirementResult {
  const result = { id: row.id, kind: row.kind, label: row.label } as RequirementResult;
  if (row.path !== undefined) result.path = row.path;
  result.need = need;
  result.at = at;
  result.met = met;
  result.have = have;
  if (gap !== undefined) result.gap = gap;
  return result;
}

import type { Facts } from '../facts.js';
import type { RequirementKind, RequirementOf } from '../model.js';

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
}

export function baseResult(row: RowNeed['row'], need: RequirementResult['need'], at: string): Omit<RequirementResult, 'met' | 'have'> {
  return { id: row.id, kind: row.kind, label: row.label, ...(row.path !== undefined ? { path: row.path } : {}), need, at };
}

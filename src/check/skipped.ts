/**
 * Files a walk found that are no dossiers (see NOT_A_DOSSIER) are skipped,
 * but a directory or glob whose every file was skipped is a row of its own,
 * where its first file stood, as one that holds no YAML or JSON file is: a
 * run that checked nothing never passes silently. Shared by check's batch
 * and validate.
 */
import type { Finding } from '../core/findings.js';
import { plural } from '../core/words.js';
import type { DossierTarget } from './paths.js';

/**
 * For each target index that stands for a walk all of whose files were
 * skipped (`skipped(i)`), the row's name and error: at the walk's first file.
 */
export function walksOfNoDossier(targets: readonly DossierTarget[], skipped: (i: number) => boolean): Map<number, { file: string; error: Finding }> {
  const origin = (i: number): string | undefined => {
    const target = targets[i]!;
    return target.kind === 'file' ? target.walked : undefined;
  };
  const kept = new Set<string>();
  const count = new Map<string, { first: number; files: number }>();
  targets.forEach((_, i) => {
    const from = origin(i);
    if (from === undefined) return;
    if (!skipped(i)) kept.add(from);
    else count.set(from, { first: count.get(from)?.first ?? i, files: (count.get(from)?.files ?? 0) + 1 });
  });
  const rows = new Map<number, { file: string; error: Finding }>();
  for (const [from, { first, files }] of count) {
    if (kept.has(from)) continue;
    const message = `holds no dossier: ${plural(files, 'YAML or JSON file')}, none with schemaVersion or partner at the top level`;
    rows.set(first, { file: from, error: { code: 'no-match', severity: 'error', message } });
  }
  return rows;
}

/**
 * Project experience (rule 7): a delivered project's equipment list price
 * puts it at a level (basic from USD 100,000, major from USD 1,000,000); a
 * project at a higher level satisfies a lower need. A project completed after
 * the application date is not delivered yet, as a certificate issued after it
 * does not count yet (rule 1).
 */
import type { IsoDate } from '../dates.js';
import type { Dossier, RequirementOf } from '../model.js';
import { usd } from '../words.js';
import { rowResult, type KindEvaluator } from './kind.js';

type Project = NonNullable<Dossier['projects']>[number];

function delivered(project: Project, date: IsoDate): boolean {
  return project.completed === undefined || project.completed <= date;
}

/** The delivered project with the highest list price (the first of equals), if any. */
function largestDelivered(listed: readonly Project[], date: IsoDate): Project | undefined {
  let best: Project | undefined;
  for (const p of listed) if (delivered(p, date) && (best === undefined || p.listPriceUsd > best.listPriceUsd)) best = p;
  return best;
}

/** The index of the highest level whose threshold the largest project reaches, or -1. */
function reachedLevel(row: RequirementOf<'projects'>, largest: Project | undefined): number {
  let reached = -1;
  row.levels.forEach((level, i) => {
    if (largest !== undefined && largest.listPriceUsd >= level.minListPriceUsd) reached = i;
  });
  return reached;
}

export const projects: KindEvaluator<'projects'> = {
  evaluate(rows, facts) {
    const listed = facts.dossier.projects ?? [];
    const largest = largestDelivered(listed, facts.date);
    return rows.map(({ row, need }) => {
      const levels = row.levels;
      const reached = reachedLevel(row, largest);
      const needed = levels.findIndex((l) => l.id === need);
      const have = reached >= 0 ? levels[reached]!.id : 'none';
      if (reached >= needed) return rowResult(row, need, '/projects', true, have);
      const threshold = levels[needed]!;
      const gap =
        `needs a delivered project with an equipment list price of ${usd(threshold.minListPriceUsd)} or more (${need})` +
        (listed.length === 0 ? '; no project is listed — add a projects list' : largest === undefined ? '; no listed project is delivered yet' : `; the largest is "${largest.name}" at ${usd(largest.listPriceUsd)}`) +
        listed
          .filter((p) => !delivered(p, facts.date))
          .map((p) => `; "${p.name}" is completed ${p.completed}, after ${facts.date}, so it does not count yet`)
          .join('') +
        '.';
      // At the largest delivered project, which falls short; else at the first listed, not delivered yet; else at the top, where the list goes.
      const at = largest !== undefined ? `/projects/${listed.indexOf(largest)}` : listed.length > 0 ? '/projects/0' : '';
      return rowResult(row, need, at, false, have, gap);
    });
  },
  allMet(rows, standing) {
    const largest = largestDelivered(standing.dossier.projects ?? [], standing.date);
    return rows.every(({ row, need }) => reachedLevel(row, largest) >= row.levels.findIndex((l) => l.id === need));
  },
};

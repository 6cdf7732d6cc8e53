/**
 * Project experience (rule 7): a delivered project's equipment list price
 * puts it at a level (basic from USD 100,000, major from USD 1,000,000); a
 * project at a higher level satisfies a lower need. A project completed after
 * the application date is not delivered yet, as a certificate issued after it
 * does not count yet (rule 1).
 */
import { compareDates } from '../dates.js';
import { usd } from '../words.js';
import { baseResult, type KindEvaluator } from './kind.js';

export const projects: KindEvaluator<'projects'> = {
  evaluate(rows, facts) {
    const listed = facts.dossier.projects ?? [];
    const delivered = listed.filter((p) => p.completed === undefined || compareDates(p.completed, facts.date) <= 0);
    const pending = listed.filter((p) => !delivered.includes(p));
    const largest = delivered.reduce<(typeof delivered)[number] | undefined>((best, p) => (best === undefined || p.listPriceUsd > best.listPriceUsd ? p : best), undefined);
    return rows.map(({ row, need }) => {
      const levels = row.levels;
      // The highest level whose threshold the largest project reaches.
      let reached = -1;
      levels.forEach((level, i) => {
        if (largest !== undefined && largest.listPriceUsd >= level.minListPriceUsd) reached = i;
      });
      const needed = levels.findIndex((l) => l.id === need);
      const have = reached >= 0 ? levels[reached]!.id : 'none';
      const base = baseResult(row, need, '/projects');
      if (reached >= needed) return { ...base, met: true, have };
      const threshold = levels[needed]!;
      const gap =
        `needs a delivered project with an equipment list price of ${usd(threshold.minListPriceUsd)} or more (${need})` +
        (listed.length === 0 ? '; no project is listed' : largest === undefined ? '; no listed project is delivered yet' : `; the largest is "${largest.name}" at ${usd(largest.listPriceUsd)}`) +
        pending.map((p) => `; "${p.name}" is completed ${p.completed}, after ${facts.date}, so it does not count yet`).join('') +
        '.';
      return { ...base, met: false, have, gap };
    });
  },
};

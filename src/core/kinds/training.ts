/**
 * Vendor service training, meetings and forums (the 2025 standard). The
 * vendor makes attendance an obligation of the year *after* certification,
 * so it is checked on recertification only — when the dossier declares the
 * rating it holds now (`application.currentRating`). On a first application
 * the row is met and carries a note stating the obligation, not a gap.
 */
import { addDays, addMonths, compareDates, firstDateReaching, type IsoDate } from '../dates.js';
import { plural } from '../words.js';
import type { Dossier } from '../model.js';
import { rowResult, type KindEvaluator } from './kind.js';

const DEFAULT_WINDOW_MONTHS = 12;

/**
 * The first day of the window that ends on `date`: an event counts when it is
 * dated after the same day `months` earlier and not after `date`, so the
 * window is exactly one year of days (2025-12-02 to 2026-12-01 inclusive).
 */
export function trainingWindowStart(date: IsoDate, months: number): IsoDate {
  return addDays(addMonths(date, -months), 1);
}

/** Whether the dossier declares the rating it holds now: only then is attendance checked. */
function recertifying(dossier: Dossier): boolean {
  return dossier.application?.currentRating !== undefined;
}

function countedIn(events: NonNullable<Dossier['training']>, date: IsoDate, months: number): number {
  const from = trainingWindowStart(date, months);
  let have = 0;
  for (const e of events) if (e.date <= date && e.date >= from) have += 1;
  return have;
}

export const training: KindEvaluator<'training'> = {
  evaluate(rows, facts) {
    const events = facts.dossier.training ?? [];
    const recertification = recertifying(facts.dossier);
    return rows.map(({ row, need }) => {
      const months = row.withinMonths ?? DEFAULT_WINDOW_MONTHS;
      const from = trainingWindowStart(facts.date, months);
      const have = countedIn(events, facts.date, months);
      const needed = plural(need, 'training event, meeting or forum', 'training events, meetings or forums');
      if (!recertification) {
        const result = rowResult(row, need, '/training', true, have);
        result.owed = `in the ${months === DEFAULT_WINDOW_MONTHS ? 'year' : plural(months, 'month')} after certification: ${plural(need, 'event')}`;
        result.note = `not checked on a first certification: attending ${needed} within ${plural(months, 'month')} after certification is an obligation for the coming year, checked on recertification.`;
        return result;
      }
      if (have >= need) return rowResult(row, need, '/training', true, have);
      const sentences = [`has ${plural(have, 'event')} dated ${from} to ${facts.date}, needs ${need} — attend ${need - have} more`];
      // The events just outside the window are the ones a partner will ask about.
      const before = events.filter((e) => compareDates(e.date, from) < 0).sort((a, b) => compareDates(b.date, a.date));
      if (before[0] !== undefined) sentences.push(`"${before[0].title}" (${before[0].date}) is before the window`);
      const after = events.filter((e) => compareDates(e.date, facts.date) > 0);
      if (after.length > 0) sentences.push(`${plural(after.length, 'event')} dated after ${facts.date} cannot count yet`);
      if (facts.dossier.training === undefined) return rowResult(row, need, '', false, have, `${sentences.join('. ')} — add a training list.`);
      return rowResult(row, need, '/training', false, have, sentences.join('. ') + '.');
    });
  },
  allMet(rows, standing) {
    if (!recertifying(standing.dossier)) return true;
    const events = standing.dossier.training ?? [];
    return rows.every(({ row, need }) => countedIn(events, standing.date, row.withinMonths ?? DEFAULT_WINDOW_MONTHS) >= need);
  },
  lossDates(rows, dossier, _catalogue, add) {
    if (!recertifying(dossier)) return;
    const windows = new Set(rows.map((row) => row.withinMonths ?? DEFAULT_WINDOW_MONTHS));
    // An event drops out on the first application date whose window starts after it: addMonths(date, -months) >= event.
    for (const months of windows) for (const e of dossier.training ?? []) add(firstDateReaching(e.date, -months));
  },
};

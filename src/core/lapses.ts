/**
 * What a partner should hear about before it happens: certificates that stop
 * counting soon after the application date, and the tier that will be lost
 * first. Pure, like the rest of the engine: the window and the date are
 * parameters.
 */
import { addDays, compareDates, toDayNumber, type IsoDate } from './dates.js';
import type { Evaluation, TierResult } from './evaluate.js';
import { stopsCountingOn } from './facts.js';
import { placeWords } from './places.js';
import { plural } from './words.js';

/** The first day on which a tier met now is no longer met. */
export interface TierLapse {
  tier: string;
  name: string;
  on: IsoDate;
}

export interface LapseWarning {
  code: 'certificate-lapses' | 'tier-lapses';
  message: string;
  /** JSON pointer of the dossier field that causes the lapse. */
  path: string;
  on: IsoDate;
}

/**
 * The tier that is lost first and when, or null when every tier met now
 * holds for good (or none is met). Ties go to the higher tier.
 */
export function firstTierLapse(tiers: readonly TierResult[]): TierLapse | null {
  let first: TierLapse | null = null;
  for (const tier of tiers) {
    if (!tier.met || typeof tier.holdsUntil !== 'string') continue;
    const on = addDays(tier.holdsUntil, 1);
    if (first === null || compareDates(on, first.on) < 0) first = { tier: tier.id, name: tier.name, on };
  }
  return first;
}

function inDays(from: IsoDate, to: IsoDate): string {
  return `(in ${plural(toDayNumber(to) - toDayNumber(from), 'day')})`;
}

/**
 * Warnings for what lapses within `withinDays` days after `date`: each
 * certificate counting now that stops counting (its expiry comes inside the
 * validity margin, or its engineer leaves), then the first tier lost.
 */
export function lapseWarnings({ asOf: date, facts, tiers }: Evaluation, withinDays: number): LapseWarning[] {
  const { dossier, catalogue } = facts;
  const horizon = addDays(date, withinDays);
  const warnings: LapseWarning[] = [];
  for (const { engineer, engineerIndex: e, certificate, pointer } of facts.counting) {
    const marginEnds = stopsCountingOn(certificate, catalogue);
    const leaves = engineer.leftOn;
    const on = leaves !== undefined && compareDates(leaves, marginEnds) < 0 ? leaves : marginEnds;
    if (compareDates(on, horizon) > 0) continue;
    // Worded only for a certificate warned about.
    const who = placeWords(pointer, dossier);
    warnings.push(
      on === leaves
        ? { code: 'certificate-lapses', on, path: `/engineers/${e}/leftOn`, message: `${who} stops counting on ${on} ${inDays(date, on)}, when the engineer leaves` }
        : {
            code: 'certificate-lapses',
            on,
            path: `${pointer}/expires`,
            // The validity rule: a certificate stops counting once it expires within the margin.
            message: `${who} stops counting on ${on} ${inDays(date, on)}, ${plural(catalogue.validityMonths, 'month')} before it expires on ${certificate.expires} — renew it before then`,
          },
    );
  }
  warnings.sort((a, b) => compareDates(a.on, b.on) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const lapse = firstTierLapse(tiers);
  if (lapse !== null && compareDates(lapse.on, horizon) <= 0) {
    const cause = warnings.find((w) => w.on === lapse.on);
    warnings.push({
      code: 'tier-lapses',
      on: lapse.on,
      // Point at what makes the tier fail; failing that, at the engineers.
      path: cause?.path ?? '/engineers',
      message: `${lapse.name} is lost first: it is no longer met from ${lapse.on} ${inDays(date, lapse.on)}`,
    });
  }
  return warnings;
}

/**
 * Every deadline of a dossier as dated entries, for the calendar output:
 * the last day each tier met holds, the day to renew each certificate that
 * keeps a tier by, the current rating's last valid day and a reminder before
 * it, the open staffing obligations, and the training owed in the year after
 * certification (a standard with a training row). Pure: worked out from the
 * evaluation the pipeline already has.
 */
import { canonicalCode, standingFor, type Catalogue } from './catalogue.js';
import { addDays, addYears, compareDates, type IsoDate } from './dates.js';
import type { Evaluation } from './evaluate.js';
import { stopsCountingOn } from './facts.js';
import type { Obligation } from './obligations.js';
import { plural } from './words.js';

export interface Deadline {
  /** The all-day event's day. */
  date: IsoDate;
  /** What the entry is about, stable from one run to the next ("renew/E01/H3CSE-RS/H3C-SE-204511"): with the partner and the date, its identity. */
  subject: string;
  summary: string;
  description: string;
}

/** Days before the current rating's last valid day the recertification reminder falls, by default. */
export const DEFAULT_REMIND_DAYS = 90;

export function deadlinesOf(evaluation: Evaluation, obligations: readonly Obligation[] | undefined, remindDays: number): Deadline[] {
  const { catalogue } = evaluation.facts;
  const out: Deadline[] = [];
  const met = evaluation.tiers.filter((t) => t.met);
  for (const tier of met) {
    if (typeof tier.holdsUntil !== 'string') continue;
    out.push({ date: tier.holdsUntil, subject: `tier/${tier.id}`, summary: `${tier.name}: last day it is met`, description: `With the dossier as it is, ${tier.name} is met up to ${tier.holdsUntil} and lost the day after.` });
  }
  // The certificates that keep a met tier: counting now, of a type a certificate row of the tier accepts (or one replacing it).
  for (const { engineer, certificate, certificateIndex: c, code } of evaluation.facts.counting) {
    const keeps = met.filter((tier) => tier.requirements.some((r) => r.kind === 'certificates' && acceptsCode(catalogue, r.id, code)));
    if (keeps.length === 0) continue;
    const renewBy = addDays(stopsCountingOn(certificate, catalogue), -1);
    const names = keeps.map((t) => t.name).join(', ');
    out.push({
      date: renewBy,
      subject: `renew/${engineer.id}/${code}/${certificate.number ?? String(c)}`,
      summary: `Renew ${code} of ${engineer.id} by today`,
      description: `${engineer.name} (${engineer.id}): ${code}${certificate.number !== undefined ? ` ${certificate.number}` : ''} expires ${certificate.expires}; from tomorrow it is within the ${plural(catalogue.validityMonths, 'month')} margin and no longer counts. It keeps: ${names}.`,
    });
  }
  const rating = evaluation.currentRating;
  if (rating !== undefined) {
    out.push({ date: rating.validUntil, subject: 'rating/last-day', summary: `${rating.tier} rating: last valid day`, description: `The ${rating.tier} rating issued ${rating.issued} is valid until ${rating.validUntil}.` });
    const remind = addDays(rating.validUntil, -remindDays);
    out.push({
      date: remind,
      subject: 'rating/reminder',
      summary: `Recertify: the ${rating.tier} rating ends in ${plural(remindDays, 'day')}`,
      description: `The ${rating.tier} rating issued ${rating.issued} is valid until ${rating.validUntil}; apply for recertification on the latest standard before then.`,
    });
  }
  for (const obligation of obligations ?? []) {
    if (obligation.status !== 'open') continue;
    const what = obligation.code === 'exit-report' ? `Report the exit of ${obligation.engineer}` : `Fill the vacancy of ${obligation.engineer}`;
    out.push({ date: obligation.due, subject: `${obligation.code}/${obligation.engineer}`, summary: `${what}: due today`, description: obligation.message });
  }
  out.push(...trainingOwed(catalogue, evaluation));
  return out.sort((a, b) => compareDates(a.date, b.date) || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
}

function acceptsCode(catalogue: Catalogue, rowId: string, code: string): boolean {
  const row = catalogue.standard.requirements.find((r) => r.id === rowId);
  return row?.kind === 'certificates' && row.accepts.some((accepted) => {
    const canonical = canonicalCode(catalogue, accepted);
    return canonical !== undefined && standingFor(catalogue, canonical).has(code);
  });
}

/**
 * The training a standard asks of the year after certification. For a
 * rated partner, that year is the current rating's (to its last valid day),
 * at the tier it holds: recertification checks it. On a first application
 * it is the year from the application date (a reading: the rating is issued
 * on a decision soon after), at the highest tier met.
 */
function trainingOwed(catalogue: Catalogue, evaluation: Evaluation): Deadline[] {
  const rating = evaluation.currentRating;
  const tier = evaluation.tiers.find((t) => t.id === (rating?.tier ?? evaluation.highestTier));
  if (tier === undefined) return [];
  const start = rating?.issued ?? evaluation.asOf;
  const due = rating?.validUntil ?? addDays(addYears(start, catalogue.ratingValidityYears), -1);
  return tier.requirements
    .filter((r) => r.kind === 'training' && typeof r.need === 'number')
    .map((r) => ({
      date: due,
      subject: `training/${tier.id}/${r.id}`,
      summary: `Training owed for ${tier.name}: ${plural(r.need as number, 'event')}`,
      description: `${r.label}: ${plural(r.need as number, 'event')} in the year after certification (${start} to ${due}), checked on recertification.`,
    }));
}

/**
 * The rating a partner holds now (`application.currentRating`). The vendor's
 * page: "the validity of service qualification certificate lasts for one
 * calendar year from its date of issuance"; the standard says how many years
 * (`ratingValidityYears`).
 */
import type { Catalogue } from './catalogue.js';
import { addYears, compareDates, type IsoDate } from './dates.js';
import type { Dossier } from './model.js';

export interface CurrentRatingStatus {
  tier: string;
  issued: IsoDate;
  /**
   * The last day the rating is valid: the same calendar day
   * `ratingValidityYears` after issue (clamped: a rating issued on 29
   * February ends on 28 February). Reading "one calendar year from its date
   * of issuance" as including the anniversary, an application on that day is
   * still in time; the day after, the rating has lapsed.
   */
  validUntil: IsoDate;
  /** True when the application date comes after `validUntil`. */
  lapsed: boolean;
}

export function currentRatingStatus(dossier: Dossier, catalogue: Catalogue, date: IsoDate): CurrentRatingStatus | undefined {
  const rating = dossier.application?.currentRating;
  if (rating === undefined) return undefined;
  const validUntil = addYears(rating.issued, catalogue.ratingValidityYears);
  return { tier: rating.tier, issued: rating.issued, validUntil, lapsed: compareDates(date, validUntil) > 0 };
}

/**
 * Who applies and when, as far as a dossier's text gives them: read from the
 * raw data, so an invalid dossier's CSV row still says whose it is.
 */
import { valueAt } from '../core/pointer.js';
import type { DossierReport } from '../report/run.js';

const FIELDS = { id: '/partner/id', country: '/partner/country', channel: '/partner/channel', date: '/application/date' } as const;

/** The applicant's id, country, channel and application date that are strings; none at all when no one is. */
export function applicantOf(data: unknown): Pick<DossierReport, 'applicant'> {
  const applicant: NonNullable<DossierReport['applicant']> = {};
  for (const [key, pointer] of Object.entries(FIELDS) as Array<[keyof typeof FIELDS, string]>) {
    const value = valueAt(data, pointer);
    if (typeof value === 'string') applicant[key] = value;
  }
  return Object.keys(applicant).length > 0 ? { applicant } : {};
}

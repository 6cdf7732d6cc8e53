/**
 * What a dossier holds on one application date: which engineers still work
 * there and which certificates count under the validity rule. Computed once
 * per date and shared by every evaluator.
 */
import type { Catalogue } from './catalogue.js';
import { canonicalCode } from './catalogue.js';
import { addMonths, compareDates, firstDateReaching, type IsoDate } from './dates.js';
import type { Certificate, Dossier, Engineer } from './model.js';

/** Why a certificate does not count on the date. */
export type NotCountingReason = 'expires-too-soon' | 'not-yet-issued' | 'engineer-left' | 'not-yet-joined';

export interface HeldCertificate {
  engineer: Engineer;
  certificate: Certificate;
  /** Canonical catalogue code. */
  code: string;
  /** JSON pointer of the certificate in the dossier: /engineers/<engineerIndex>/certificates/<certificateIndex>. */
  pointer: string;
  engineerIndex: number;
  certificateIndex: number;
  counts: boolean;
  reason?: NotCountingReason;
}

export interface EngineerStatus {
  engineer: Engineer;
  /** JSON pointer of the engineer in the dossier: /engineers/<index>. */
  pointer: string;
  index: number;
  /** Still with the company on the date. */
  registered: boolean;
  /** Registered and holding at least one certificate that counts. */
  certified: boolean;
}

export interface Facts {
  dossier: Dossier;
  catalogue: Catalogue;
  date: IsoDate;
  certificates: HeldCertificate[];
  /** Those of `certificates` that count, in the same order. */
  counting: HeldCertificate[];
  engineers: EngineerStatus[];
}

/**
 * Why an engineer is not on the staff on `date`, or undefined when they are:
 * they left on or before it, or they join after it (an engineer listed with
 * a later `joinedOn` counts from that day, as a certificate counts from its
 * issue date; a reading: the policy speaks of staff only).
 */
export function absentOn(engineer: Engineer, date: IsoDate): 'engineer-left' | 'not-yet-joined' | undefined {
  if (engineer.leftOn !== undefined && compareDates(engineer.leftOn, date) <= 0) return 'engineer-left';
  if (engineer.joinedOn !== undefined && compareDates(engineer.joinedOn, date) > 0) return 'not-yet-joined';
  return undefined;
}

/** Why an absent engineer does not count on `date`, as a report says it: "left on 2026-11-06" or "joins on 2027-01-04". */
export function absence(engineer: Engineer, date: IsoDate): string {
  return absentOn(engineer, date) === 'not-yet-joined' ? `joins on ${engineer.joinedOn}` : `left on ${engineer.leftOn}`;
}

/**
 * Why a certificate does not count on `date`, or undefined when it counts.
 * Rule 1: the expiry must be *more than* N months after the date, so a
 * certificate expiring exactly on `validUntilAtLeast` (date + N months,
 * clamped) does not count.
 */
export function notCountingReason(absent: NotCountingReason | undefined, certificate: Certificate, date: IsoDate, validUntilAtLeast: IsoDate): NotCountingReason | undefined {
  if (absent !== undefined) return absent;
  if (certificate.issued !== undefined && compareDates(certificate.issued, date) > 0) return 'not-yet-issued';
  if (compareDates(certificate.expires, validUntilAtLeast) <= 0) return 'expires-too-soon';
  return undefined;
}

/** Each day one of `engineers` leaves: from it, that engineer counts no more (rule 5). */
export function eachLeavingDate(engineers: readonly Engineer[], add: (date: IsoDate) => void): void {
  for (const engineer of engineers) if (engineer.leftOn !== undefined) add(engineer.leftOn);
}

/** The first application date on which a certificate no longer lies beyond the validity margin. */
export function stopsCountingOn(certificate: Certificate, catalogue: Catalogue): IsoDate {
  return firstDateReaching(certificate.expires, catalogue.validityMonths);
}

/**
 * Each first application date on which a certificate stops counting
 * (rule 1), and each day a holder of certificates leaves.
 */
export function eachCertificateLossDate(dossier: Dossier, catalogue: Catalogue, add: (date: IsoDate) => void): void {
  for (const engineer of dossier.engineers) {
    const held = engineer.certificates;
    if (held === undefined || held.length === 0) continue;
    if (engineer.leftOn !== undefined) add(engineer.leftOn);
    for (const certificate of held) add(stopsCountingOn(certificate, catalogue));
  }
}

/**
 * What holdsUntil's probes need to know of one date: which certificates
 * count and who still counts, under the same rules as gatherFacts, without
 * the pointers and reasons only the wording reads.
 */
export interface Standing {
  dossier: Dossier;
  catalogue: Catalogue;
  date: IsoDate;
  /** Canonical codes of the certificates that count, in dossier order. */
  counting: string[];
  /** Per engineer, in dossier order: still with the company. */
  registered: boolean[];
  /** Per engineer: registered and holding a certificate that counts. */
  certified: boolean[];
}

export function standingOn(dossier: Dossier, catalogue: Catalogue, date: IsoDate): Standing {
  const validUntilAtLeast = addMonths(date, catalogue.validityMonths);
  const counting: string[] = [];
  const registered: boolean[] = [];
  const certified: boolean[] = [];
  for (const engineer of dossier.engineers) {
    const absent = absentOn(engineer, date);
    let holds = false;
    if (absent === undefined && engineer.certificates !== undefined) {
      for (const certificate of engineer.certificates) {
        const code = canonicalCode(catalogue, certificate.type);
        if (code === undefined || notCountingReason(absent, certificate, date, validUntilAtLeast) !== undefined) continue;
        counting.push(code);
        holds = true;
      }
    }
    registered.push(absent === undefined);
    certified.push(holds);
  }
  return { dossier, catalogue, date, counting, registered, certified };
}

export function gatherFacts(dossier: Dossier, catalogue: Catalogue, date: IsoDate): Facts {
  const validUntilAtLeast = addMonths(date, catalogue.validityMonths);
  const certificates: HeldCertificate[] = [];
  const counting: HeldCertificate[] = [];
  const engineers: EngineerStatus[] = [];
  for (let e = 0; e < dossier.engineers.length; e++) {
    const engineer = dossier.engineers[e]!;
    const absent = absentOn(engineer, date);
    let certified = false;
    const held = engineer.certificates ?? [];
    for (let c = 0; c < held.length; c++) {
      const certificate = held[c]!;
      const code = canonicalCode(catalogue, certificate.type);
      // Unknown codes are validation errors; a dossier that has them is never evaluated.
      if (code === undefined) continue;
      const reason = notCountingReason(absent, certificate, date, validUntilAtLeast);
      const counts = reason === undefined;
      certified ||= counts;
      const fact: HeldCertificate = { engineer, certificate, code, pointer: `/engineers/${e}/certificates/${c}`, engineerIndex: e, certificateIndex: c, counts };
      if (reason !== undefined) fact.reason = reason;
      certificates.push(fact);
      if (counts) counting.push(fact);
    }
    engineers.push({ engineer, pointer: `/engineers/${e}`, index: e, registered: absent === undefined, certified });
  }
  return { dossier, catalogue, date, certificates, counting, engineers };
}

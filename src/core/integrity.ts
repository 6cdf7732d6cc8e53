/**
 * Integrity across a batch of dossiers. The standard cancels ratings obtained
 * with false information; the cheapest false information is the same person
 * or certificate listed by two applicants. Within one dossier the validator
 * refuses duplicates; across dossiers each one may be valid on its own, so
 * every dossier involved gets a warning that names the others.
 */
import type { Finding } from './findings.js';
import { detached } from './detached.js';
import { placeWords } from './places.js';
import type { Dossier } from './model.js';

/**
 * Something a dossier asserts that no other applicant may assert too: an
 * engineer's e-mail, or with `certificate` one of their certificate numbers.
 * Where it stands is kept as indexes; the pointer is written only for a warning.
 */
export interface Claim {
  value: string;
  engineer: number;
  certificate?: number;
  /** For a certificate's file (value: its content hash): the path the dossier names it by. */
  file?: string;
}

/** The claim's JSON pointer in its dossier (the pipeline locates a warning's pointer in the source). */
function pathOf({ engineer, certificate, file }: Claim): string {
  return certificate === undefined ? `/engineers/${engineer}/email` : `/engineers/${engineer}/certificates/${certificate}/${file !== undefined ? 'file' : 'number'}`;
}

export interface Claims {
  /** Who the dossier is for: the vendor's partner id when given, else the name. */
  partner: string;
  certificates: Claim[];
  emails: Claim[];
  /** Certificates' files by content hash: present only when the dossier names some. */
  files?: Claim[];
}

/** The warning on one file's content submitted under two certificates. */
export const SAME_CERTIFICATE_FILE = 'same-certificate-file';

/** `hashes`: the content hash of each certificate's file, by the certificate's pointer (see core/materials.ts). */
export function claimsOf(dossier: Dossier, hashes?: ReadonlyMap<string, string>): Claims {
  const certificates: Claim[] = [];
  const emails: Claim[] = [];
  dossier.engineers.forEach((engineer, e) => {
    if (engineer.email !== undefined) emails.push({ value: detached(engineer.email), engineer: e });
    (engineer.certificates ?? []).forEach((cert, c) => {
      if (cert.number !== undefined) certificates.push({ value: detached(cert.number), engineer: e, certificate: c });
    });
  });
  const files: Claim[] = [];
  if (hashes !== undefined && hashes.size > 0) {
    dossier.engineers.forEach((engineer, e) =>
      (engineer.certificates ?? []).forEach((cert, c) => {
        const hash = hashes.get(`/engineers/${e}/certificates/${c}`);
        if (hash !== undefined) files.push({ value: hash, engineer: e, certificate: c, file: detached(cert.file!) });
      }),
    );
  }
  return { partner: detached(dossier.partner.id ?? dossier.partner.name), certificates, emails, ...(files.length > 0 ? { files } : {}) };
}

/** Whether two readings of a dossier make the very same claims, in the same places. */
export function sameClaims(a: Claims, b: Claims): boolean {
  const same = (x: Claim[] = [], y: Claim[] = []): boolean =>
    x.length === y.length && x.every((c, i) => c.value === y[i]!.value && c.engineer === y[i]!.engineer && c.certificate === y[i]!.certificate);
  return a.partner === b.partner && same(a.certificates, b.certificates) && same(a.emails, b.emails) && same(a.files, b.files);
}

/**
 * Spelling differences never make two claims different: the key under which
 * certificate numbers and e-mails are compared, within a dossier and across a batch.
 */
export function claimKey(value: string): string {
  return value.trim().toLowerCase();
}

/** How many other dossiers a warning names before it summarises the rest. */
const NAMED = 5;

/**
 * The first NAMED of `indexes` that `keep` lets through, as `name` writes
 * them, and how many more: a key claimed by thousands of dossiers is written
 * in words once per holder, so each holder's list stops at what it names.
 */
function others(indexes: readonly number[], keep: (index: number) => boolean, total: number, name: (index: number) => string): string {
  const named: string[] = [];
  for (let i = 0; i < indexes.length && named.length < NAMED; i++) if (keep(indexes[i]!)) named.push(name(indexes[i]!));
  return total > NAMED ? `${named.join(', ')} and ${total - NAMED} more` : named.join(', ');
}

interface Holder {
  index: number;
  claim: Claim;
}

/**
 * The claims made by more than one holder, grouped by key. Nearly every key
 * of a batch is claimed once, so a first pass only notes the keys seen, and
 * holders are gathered for the repeated keys alone.
 */
function group(entries: ReadonlyArray<Claims | undefined>, pick: (claims: Claims) => Claim[]): Map<string, Holder[]> {
  const seen = new Set<string>();
  const repeated = new Map<string, Holder[]>();
  entries.forEach((claims) => {
    if (!claims) return;
    for (const claim of pick(claims)) {
      const key = claimKey(claim.value);
      if (seen.has(key)) repeated.set(key, []);
      else seen.add(key);
    }
  });
  if (repeated.size === 0) return repeated;
  entries.forEach((claims, index) => {
    if (!claims) return;
    for (const claim of pick(claims)) repeated.get(claimKey(claim.value))?.push({ index, claim });
  });
  return repeated;
}

/** The codes of the cross-dossier warnings: what a vendor must see about a batch even when it asks for verdicts only. */
export const INTEGRITY_CODES: ReadonlySet<string> = new Set(['certificate-claimed-elsewhere', 'engineer-under-two-partners']);

function warning(code: string, holder: Holder, message: string): Finding {
  return { code, severity: 'warning', message, path: pathOf(holder.claim) };
}

/**
 * The cross-dossier warnings, one list per entry (in the entries' order).
 * Entries without claims (dossiers that did not validate) take no part.
 */
export function crossCheck(files: readonly string[], entries: ReadonlyArray<Claims | undefined>): Finding[][] {
  const findings: Finding[][] = entries.map(() => []);

  for (const holders of group(entries, (c) => c.certificates).values()) {
    const indexes = [...new Set(holders.map((h) => h.index))];
    if (indexes.length < 2) continue;
    for (const holder of holders) {
      const rest = others(indexes, (i) => i !== holder.index, indexes.length - 1, (i) => files[i]!);
      findings[holder.index]!.push(
        warning('certificate-claimed-elsewhere', holder, `certificate number "${holder.claim.value}" is also claimed in ${rest}; a certificate counts for one partner only`),
      );
    }
  }

  for (const holders of group(entries, (c) => c.files ?? []).values()) {
    const indexes = [...new Set(holders.map((h) => h.index))];
    // Within one dossier, sameFileWithin warns.
    if (indexes.length < 2) continue;
    for (const holder of holders) {
      const rest = others(indexes, (i) => i !== holder.index, indexes.length - 1, (i) => files[i]!);
      findings[holder.index]!.push(
        warning(SAME_CERTIFICATE_FILE, holder, `certificate file "${holder.claim.file}" has the same content as a certificate file submitted in ${rest}; each certificate has an electronic edition of its own`),
      );
    }
  }

  for (const holders of group(entries, (c) => c.emails).values()) {
    const partnerOf = (index: number): string => claimKey(entries[index]!.partner);
    const indexes = [...new Set(holders.map((h) => h.index))];
    // Per partner, how many of the dossiers are its own.
    const perPartner = new Map<string, number>();
    for (const i of indexes) perPartner.set(partnerOf(i), (perPartner.get(partnerOf(i)) ?? 0) + 1);
    if (perPartner.size < 2) continue;
    for (const holder of holders) {
      const own = partnerOf(holder.index);
      const rest = others(indexes, (i) => partnerOf(i) !== own, indexes.length - perPartner.get(own)!, (i) => `${files[i]} (partner "${entries[i]!.partner}")`);
      findings[holder.index]!.push(warning('engineer-under-two-partners', holder, `engineer e-mail "${holder.claim.value}" is also listed under another partner in ${rest}`));
    }
  }
  return findings;
}

/**
 * Within one dossier, a certificate file whose content another certificate
 * of the dossier names too (the same path twice, or a copy): one warning per
 * certificate, naming the others.
 */
export function sameFileWithin(claims: Claims, dossier: Dossier): Finding[] {
  const byHash = new Map<string, Claim[]>();
  for (const claim of claims.files ?? []) byHash.set(claim.value, [...(byHash.get(claim.value) ?? []), claim]);
  const findings: Finding[] = [];
  for (const holders of byHash.values()) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const rest = holders.filter((h) => h !== holder).map((h) => `${placeWords(`/engineers/${h.engineer}/certificates/${h.certificate}`, dossier)} ("${h.file}")`);
      findings.push(
        warning(SAME_CERTIFICATE_FILE, { index: 0, claim: holder }, `certificate file "${holder.file}" has the same content as the file of ${rest.join(', ')}; each certificate has an electronic edition of its own`),
      );
    }
  }
  return findings;
}

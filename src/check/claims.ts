/**
 * What a batch keeps of each dossier's claims (certificate numbers, e-mails)
 * until every dossier is checked and the cross-dossier checks can run. The
 * claims themselves go to the part store with the dossier's parts (memory,
 * then the temporary file); in memory stays only a number per claim, a hash
 * of the key it is compared under. At the end, the dossiers holding a hash
 * some other dossier holds too are the only ones whose claims are read back
 * and compared for real (src/core/integrity.ts): nearly every claim of a
 * batch is made once, and a hash shared by chance only costs a comparison
 * that finds nothing. At 100,000 dossiers the claims as objects took about
 * 100 MB; their hashes take a tenth of that.
 */
import { claimKey, type Claims } from '../core/integrity.js';

/** FNV-1a over the UTF-16 code units, as a 32-bit integer (a small integer in V8: no allocation per hash). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** A hash per claim, certificates, e-mails and files apart, of the key the cross-dossier checks compare it by. */
export function claimHashes(claims: Claims): number[] {
  return [
    ...claims.certificates.map((c) => hash(`c${claimKey(c.value)}`)),
    ...claims.emails.map((c) => hash(`e${claimKey(c.value)}`)),
    ...(claims.files ?? []).map((c) => hash(`f${c.value}`)),
  ];
}

/**
 * The indexes of the entries holding a hash another entry holds too, in
 * order. The hashes of every entry (32-bit integers, as `hash` makes them)
 * go into one typed array, sorted, so that a hash held twice sits beside
 * itself: at 100,000 dossiers to SARIF a Set of every hash added 36 MB to
 * the batch's peak memory (412 → 448 MB), the array 1 MB (427 → 428 MB).
 */
export function sharingHashes(entries: ReadonlyArray<readonly number[] | undefined>): number[] {
  const all = new Int32Array(entries.reduce((sum, hashes) => sum + (hashes?.length ?? 0), 0));
  let count = 0;
  // A dossier repeats no key of its own (the validator refuses duplicates), but two keys may share a hash.
  for (const hashes of entries) if (hashes !== undefined) for (const h of new Set(hashes)) all[count++] = h;
  const sorted = all.subarray(0, count).sort();
  const repeated = new Set<number>();
  for (let i = 1; i < count; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
  const indexes: number[] = [];
  entries.forEach((hashes, i) => {
    if (hashes !== undefined && hashes.some((h) => repeated.has(h))) indexes.push(i);
  });
  return indexes;
}

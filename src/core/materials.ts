/**
 * The submission: what the vendor's page asks an application to carry —
 * "Electronic Edition of Engineer Certificates and the application form for
 * overseas star-rated certification" — and what of it the dossier names.
 * Pure: the files are looked at by the pipeline (src/check/materials.ts),
 * which hands their facts in.
 */
import type { Facts } from './facts.js';

export type MaterialKind = 'pdf' | 'jpeg' | 'png';

/** A file the dossier names and the pipeline found good: where it is named, as it is named, what it is. */
export interface MaterialFile {
  /** JSON pointer of the field naming it: /engineers/0/certificates/1/file or /application/form. */
  pointer: string;
  /** The path as the dossier gives it. */
  path: string;
  kind: MaterialKind;
  bytes: number;
  /** SHA-256 of the content, for a certificate's file (see same-certificate-file). */
  hash?: string;
}

/** Something the submission lacks: a certificate's file, or (engineer, type and number null) the application form. */
export interface MissingMaterial {
  /** The engineer's id. */
  engineer: string | null;
  /** The certificate's canonical code, or "application-form". */
  type: string;
  number: string | null;
  /** JSON pointer of the certificate (or of the application) where the file should be named. */
  path: string;
  line?: number;
  column?: number;
}

export interface Materials {
  complete: boolean;
  missing: MissingMaterial[];
  files: Array<{ path: string; kind: MaterialKind; bytes: number }>;
}

export const APPLICATION_FORM = 'application-form';

/**
 * What the submission lacks and holds. A reading: a certificate "counts
 * toward a met or required tier" when it counts on the application date
 * (rule 1: valid, issued, its engineer still there). There is always a
 * required tier, and the exact matching may fill a slot with any counting
 * certificate, so the vendor checks each one the application relies on.
 */
export function materialsOf({ dossier, counting }: Facts, files: readonly MaterialFile[]): Materials {
  const named = new Set(files.map((f) => f.pointer));
  const missing: MissingMaterial[] = [];
  for (const held of counting) {
    if (named.has(`${held.pointer}/file`)) continue;
    missing.push({ engineer: held.engineer.id, type: held.code, number: held.certificate.number ?? null, path: held.pointer });
  }
  if (!named.has('/application/form')) {
    missing.push({ engineer: null, type: APPLICATION_FORM, number: null, path: dossier.application !== undefined ? '/application' : '' });
  }
  return { complete: missing.length === 0, missing, files: files.map(({ path, kind, bytes }) => ({ path, kind, bytes })) };
}

/** "E01's H3CSE-RS certificate H3C-SE-204511", or "the application form": a missing material in words. */
export function missingWords(m: Pick<MissingMaterial, 'engineer' | 'type' | 'number'>): string {
  if (m.type === APPLICATION_FORM) return 'the application form (application.form)';
  return `${m.engineer}'s ${m.type} certificate${m.number !== null ? ` ${m.number}` : ''} (its electronic edition, file:)`;
}

/**
 * The files a dossier names (certificates' `file:`, `application.form`),
 * looked at on every check: confined to the dossier's folder as its own
 * standard is (load/confine.ts), then a regular PDF, JPEG or PNG file of at
 * most 10 MB (load/material.ts). A file that fails is an error of the
 * dossier, located at the field. A dossier that names no file costs nothing
 * here: no folder is looked up and nothing is hashed.
 */
import type { Dossier } from '../core/model.js';
import type { MaterialFile } from '../core/materials.js';
import { printable, type Finding } from '../core/findings.js';
import { placeWords } from '../core/places.js';
import { confinedPath, MATERIAL_FILE, realFolderOf } from '../load/confine.js';
import { inspectMaterial } from '../load/material.js';
import type { ParsedSource } from '../load/parse.js';

/** Each field naming a file, in dossier order: the certificates' files, then the form. */
function namedFiles(dossier: Dossier): Array<{ pointer: string; ref: string; certificate: boolean }> {
  const named: Array<{ pointer: string; ref: string; certificate: boolean }> = [];
  dossier.engineers.forEach((engineer, e) =>
    (engineer.certificates ?? []).forEach((cert, c) => {
      if (cert.file !== undefined) named.push({ pointer: `/engineers/${e}/certificates/${c}/file`, ref: cert.file, certificate: true });
    }),
  );
  const form = dossier.application?.form;
  if (form !== undefined) named.push({ pointer: '/application/form', ref: form, certificate: false });
  return named;
}

export type GatheredMaterials = { ok: true; files: MaterialFile[] } | { ok: false; errors: Finding[] };

/**
 * The named files' facts, or the errors of those that fail. `source` is the
 * path the dossier was read from (none for standard input, which may name
 * no file). Certificates' files are hashed, for same-certificate-file.
 */
export function gatherMaterials(dossier: Dossier, source: string | Buffer | undefined, locate: ParsedSource['locate']): GatheredMaterials {
  const named = namedFiles(dossier);
  if (named.length === 0) return { ok: true, files: [] };
  const folder = source === undefined ? undefined : realFolderOf(source);
  const files: MaterialFile[] = [];
  const errors: Finding[] = [];
  for (const { pointer, ref, certificate } of named) {
    const fail = (message: string, code: string): void => {
      // Named in words, as every other error of the dossier is: "engineer E01 (…), certificate 1 (H3CNE): file".
      errors.push({ code, severity: 'error', message: printable(`${placeWords(pointer, dossier)} "${ref}" ${message}`), path: pointer, ...locate(pointer) });
    };
    const confined = confinedPath(folder, ref, MATERIAL_FILE);
    if (!confined.ok) {
      fail(confined.message, 'confined');
      continue;
    }
    const inspected = inspectMaterial(confined.path, { hash: certificate });
    if (!inspected.ok) {
      fail(inspected.message, 'bad-material');
      continue;
    }
    const { kind, bytes, hash } = inspected;
    files.push({ pointer, path: ref, kind, bytes, ...(hash !== undefined ? { hash } : {}) });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, files };
}

/** Each certificate's file hash, by the certificate's pointer: what claimsOf takes. */
export function fileHashes(files: readonly MaterialFile[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const f of files) if (f.hash !== undefined) hashes.set(f.pointer.slice(0, -'/file'.length), f.hash);
  return hashes;
}

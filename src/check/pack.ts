/**
 * The submission as one zip for the application e-mail (`starcheck pack`):
 * the dossier as given, its report as HTML and JSON, each certificate's
 * file under certificates/ by a stable name, and the application form as
 * application-form.pdf (.jpg, .png). Where the dossier names a file by
 * another plain relative path, the file is also packed there, so that the
 * vendor's `starcheck check` over the unpacked submission finds it beside
 * the dossier as given (which is not rewritten).
 * Only a valid dossier whose materials are complete is packed.
 *
 * The zip is made by fflate: a small, dependency-free, well-kept library
 * with a synchronous API, so the members, at most a few 10 MB files, are
 * zipped in memory in one call. Its bytes depend only on the inputs: the
 * members in a fixed order and every timestamp 1980-01-01 00:00 (fflate
 * writes DOS time from a Date's local fields, so the Date is made from
 * local fields too, the same in every time zone).
 */
import { basename, posix } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Dossier } from '../core/model.js';
import type { MaterialFile } from '../core/materials.js';
import { canonicalCode } from '../core/catalogue.js';
import { decodeSource, MAX_SOURCE_BYTES, readSource, type ReadResult } from '../load/read.js';
import { MAX_MATERIAL_BYTES, readRegularFile } from '../load/material.js';
import { confinedPath, MATERIAL_FILE, realFolderOf } from '../load/confine.js';
import { formatters, outlineOf, render, type RunResult } from '../report/index.js';
import { checkValidated, validateText, type CheckOptions, type DossierReport } from './dossier.js';
import { runOutline } from './run.js';
import type { LoadedStandard } from '../validate/standard.js';

/** The JSON report's name in the zip: a directory walk leaves it out (paths.ts), so an unpacked submission checks as one dossier. */
const PACKED_REPORT = 'starcheck-report.json';
const PACKED_HTML = 'starcheck-report.html';

/** A name safe in any zip tool and file system: letters, digits, dot, dash and underscore; no leading dot; at most 80 characters. */
export function safeName(text: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    // No run of dots: x/../y reads as x-y, never as a climb.
    .replace(/[.-]*-[.-]*/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return safe === '' ? 'x' : safe;
}

/**
 * A file name's stem and its extension, the extension kept only when it is
 * a dot and up to 8 letters or digits: `x.\\..\\evil` has none, so the
 * whole name goes through safeName and no backslash reaches the zip.
 */
export function stemAndExtension(name: string): [string, string] {
  const match = /^(.*?)(\.[A-Za-z0-9]{1,8})?$/s.exec(name)!;
  return [match[1]!, match[2] ?? ''];
}

/** Names already used, compared as case-insensitive file systems do: a taken name gets -2, -3 … before its extension. */
class Names {
  private readonly used = new Set<string>();
  has(name: string): boolean {
    return this.used.has(name.toLowerCase());
  }
  take(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? stem : `${stem}-${n}`}${extension}`;
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }
}

/**
 * A relative path every unzip tool stores as it reads: safe names joined by
 * slashes, none of them "." or "..". A file the dossier names otherwise is
 * packed under its stable name only.
 */
const PLAIN_PATH = /^(?!\.{1,2}(\/|$))[A-Za-z0-9_-][A-Za-z0-9._ -]*(\/(?!\.{1,2}(\/|$))[A-Za-z0-9_-][A-Za-z0-9._ -]*)*$/;

const EXTENSION = { pdf: '.pdf', jpeg: '.jpg', png: '.png' } as const;

export type Packed = { ok: true; zip: Uint8Array; members: string[]; partner: { id?: string; name: string } } | { ok: false; report: DossierReport };

/** Every member dated 1980-01-01 00:00, the earliest a zip can say, from local fields (see above). */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Packs the dossier at `file` (named in its reports as in the zip). Not packed: a dossier
 * that is invalid, or whose materials are incomplete; then the report says why.
 */
export function packSubmission(file: string, options: CheckOptions, chosen: LoadedStandard, version: string): Packed {
  const first: ReadResult = readSource(file, { regularOnly: true });
  // The bytes as given go into the zip, and the very same bytes are checked.
  const bytes = first.ok ? readRegularFile(file, MAX_SOURCE_BYTES) : undefined;
  const decoded = bytes === undefined ? undefined : decodeSource(bytes);
  const read: ReadResult = decoded === undefined ? first : decoded.ok ? { ...decoded, source: file } : decoded;
  const names = new Names();
  // The reports' names are taken first: a dossier itself named starcheck-report.json is packed under another name, so a walk over the unpacked submission still finds it.
  const html = names.take(PACKED_HTML.slice(0, -5), '.html');
  const json = names.take(PACKED_REPORT.slice(0, -5), '.json');
  const [stem, extension] = stemAndExtension(basename(file));
  const dossierMember = names.take(safeName(stem), extension);
  // The reports in the zip name the dossier as the zip does: the folder it was packed from is the packer's, not the vendor's.
  const validated = validateText(dossierMember, read, options.standard);
  const report = checkValidated(dossierMember, validated, { ...options, materials: true });
  if (!report.valid || !validated.ok || report.materials?.complete !== true || bytes === undefined) return { ok: false, report };
  const { dossier, catalogue, materials } = validated;

  const run: RunResult = { ...runOutline(version, chosen, [outlineOf(report)]), dossiers: [{ ...report, claims: undefined }] };
  const format = { color: false, quiet: false };
  const members: Zippable = {};
  const add = (name: string, content: Uint8Array): void => {
    members[name] = [content, { mtime: FIXED_TIME }];
  };
  add(dossierMember, bytes);
  add(html, Buffer.from(render(formatters.html!, run, format)));
  add(json, Buffer.from(render(formatters.json!, run, format)));
  const folder = realFolderOf(file);
  // Where the dossier itself names each file, when that is not its stable name: an unpacked submission checks as it was checked.
  const asNamed: Array<[string, Uint8Array]> = [];
  for (const material of materials) {
    const confined = confinedPath(folder, material.path, MATERIAL_FILE);
    const content = confined.ok ? readRegularFile(confined.path, MAX_MATERIAL_BYTES) : undefined;
    // Looked at a moment ago; gone or changed since, it is not packed.
    if (content === undefined) return { ok: false, report: { ...report, valid: false, errors: [{ code: 'changed-during-run', severity: 'error', message: `${material.path} changed while it was packed; pack again` }] } };
    const stable = memberName(material, dossier, catalogue, names);
    add(stable, content);
    const named = posix.normalize(material.path);
    if (named !== stable && PLAIN_PATH.test(named) && !names.has(named)) asNamed.push([names.take(named, ''), content]);
  }
  for (const [name, content] of asNamed) add(name, content);
  const zip = zipSync(members, { level: 6 });
  return { ok: true, zip, members: Object.keys(members), partner: { name: dossier.partner.name, ...(dossier.partner.id !== undefined ? { id: dossier.partner.id } : {}) } };
}

/** certificates/E01-H3CSE-RS-<number>.pdf, or application-form.pdf. */
function memberName(material: MaterialFile, dossier: Dossier, catalogue: Parameters<typeof canonicalCode>[0], names: Names): string {
  const extension = EXTENSION[material.kind];
  const at = /^\/engineers\/(\d+)\/certificates\/(\d+)\/file$/.exec(material.pointer);
  if (at === null) return names.take('application-form', extension);
  const e = Number(at[1]);
  const c = Number(at[2]);
  const engineer = dossier.engineers[e]!;
  const certificate = engineer.certificates![c]!;
  const code = canonicalCode(catalogue, certificate.type) ?? certificate.type;
  const stem = [engineer.id, code, certificate.number ?? `certificate-${c + 1}`].map(safeName).join('-');
  return `certificates/${names.take(stem, extension)}`;
}

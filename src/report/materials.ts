/**
 * The "Submission materials" section (with --materials): what the
 * application e-mail must carry and what of it the dossier names. One
 * reading here, a small rendering per format; each formatter calls its own
 * and passes in its escaping, so this file imports no formatter.
 */
import type { ChalkInstance } from 'chalk';
import { missingWords, type Materials } from '../core/materials.js';
import { printable, type Finding } from '../core/findings.js';
import { plural } from '../core/words.js';
import type { DossierReport } from './run.js';
import { locatedMessage } from './view.js';

export const MATERIALS_TITLE = 'Submission materials';

/** The code a missing material carries where a format lists findings (SARIF, GitHub, JUnit). */
export const MISSING_MATERIAL = 'missing-material';

/** "complete: 3 files named" or "2 missing". */
export function materialsStatus(m: Materials): string {
  return m.complete ? `complete, ${plural(m.files.length, 'file')} named` : `${m.missing.length} missing`;
}

/** Each missing material as a finding of the submission, located where its file should be named. */
export function materialGaps(d: Pick<DossierReport, 'materials'>): Finding[] {
  return (d.materials?.missing ?? []).map((m) => ({
    code: MISSING_MATERIAL,
    severity: 'error',
    message: `missing from the submission: ${missingWords(m)}`,
    path: m.path,
    ...(m.line !== undefined ? { line: m.line, column: m.column! } : {}),
  }));
}

/** The section's lines, each with whether it is a gap: the missing first, located, then the files named. */
export function materialLines(d: DossierReport): Array<{ missing: boolean; text: string }> {
  const m = d.materials;
  if (m === undefined) return [];
  return [
    ...materialGaps(d).map((gap) => ({ missing: true, text: locatedMessage(d.file, gap) })),
    ...m.files.map((f) => ({ missing: false, text: `${f.path} (${f.kind}, ${f.bytes} bytes)` })),
  ];
}

/** Text: a heading and a line per item, wrapped by the format's own `wrap` to `width` columns. */
export function materialsText(d: DossierReport, c: ChalkInstance, wrap: (text: string, width: number, indent: string) => string, width: number): string[] {
  if (d.materials === undefined) return [];
  const status = materialsStatus(d.materials);
  const lines = materialLines(d).map((line) => `  ${line.missing ? c.red('✗') : c.green('✔')} ${wrap(printable(line.text), width - 4, '    ')}`);
  return ['', `${c.bold(MATERIALS_TITLE)} — ${d.materials.complete ? c.green(status) : c.red(status)}`, ...lines];
}

/** Markdown: a heading and a list; `escape` is the format's own. */
export function materialsMarkdown(d: DossierReport, escape: (text: string) => string): string[] {
  if (d.materials === undefined) return [];
  const items = materialLines(d).map((line) => `- ${line.missing ? '❌ ' : '📎 '}${escape(line.text)}`);
  return [`#### ${d.materials.complete ? '✅' : '❌'} ${MATERIALS_TITLE}: ${escape(materialsStatus(d.materials))}`, '', ...items, ''];
}

/** HTML: a heading and a list; `e` is the format's own escaping. */
export function materialsHtml(d: DossierReport, e: (text: string) => string): string {
  if (d.materials === undefined) return '';
  // The page's own styles: what is missing in red, as errors are, then the files named.
  const list = (missing: boolean): string => {
    const items = materialLines(d).filter((line) => line.missing === missing);
    return items.length === 0 ? '' : `<ul${missing ? ' class="errors"' : ''}>${items.map((line) => `<li>${e(line.text)}</li>`).join('')}</ul>`;
  };
  return `<h3>${MATERIALS_TITLE}: ${e(materialsStatus(d.materials))}</h3>${list(true)}${list(false)}`;
}

/**
 * `starcheck rules`: a standard's requirement matrix, tiers as columns like
 * the vendor's page. Rows every path needs come first, then each alternative
 * path's rows under its own heading, so the paths read side by side in one
 * table. Cells that are readings of the source carry a marker [n], and the
 * readings are listed under the table.
 */
import Table from 'cli-table3';
import type { Standard } from '../core/model.js';
import type { Catalogue } from '../core/catalogue.js';
import { catalogueListing, catalogueMarkdown, catalogueText } from './rules-catalogue.js';
import { printableLines } from '../core/findings.js';
import { escapeMarkdown } from './markdown.js';
import { wrap } from './text.js';

export interface MatrixRow {
  id: string;
  label: string;
  /** The row's own reading, as a footnote number. */
  note?: number;
  /** Per tier: the need in words (null where the tier does not need the row) and its reading's footnote. */
  cells: Array<{ need: string | null; note?: number }>;
}

export interface MatrixSection {
  /** Null for the rows every path needs. */
  path: { id: string; name: string } | null;
  rows: MatrixRow[];
}

export interface RuleMatrix {
  title: string;
  tiers: Array<{ id: string; name: string }>;
  sections: MatrixSection[];
  /** Footnotes, numbered from 1. */
  readings: string[];
  notes: string[];
}

function needText(need: number | string | true): string {
  return need === true ? 'yes' : String(need);
}

export function ruleMatrix(standard: Standard): RuleMatrix {
  const readings: string[] = [];
  const footnote = (text: string | undefined): { note?: number } => (text === undefined ? {} : { note: readings.push(text) });
  const row = (r: Standard['requirements'][number]): MatrixRow => {
    const own = footnote(r.reading);
    const cells = standard.tiers.map((tier) => {
      const need = r.need[tier.id];
      return { need: need === undefined ? null : needText(need), ...footnote(r.readings?.[tier.id]) };
    });
    return { id: r.id, label: r.label, ...own, cells };
  };
  const common = standard.requirements.filter((r) => r.path === undefined);
  const sections: MatrixSection[] = [];
  if (common.length > 0) sections.push({ path: null, rows: common.map(row) });
  for (const path of standard.paths ?? []) {
    sections.push({ path: { id: path.id, name: path.name }, rows: standard.requirements.filter((r) => r.path === path.id).map(row) });
  }
  // The rating year's obligations are no cell of the matrix: their reading follows the cells'.
  const { staffing } = standard;
  if (staffing !== undefined) {
    const days = staffing.workingDays.join(', ');
    const rule = `Staffing, while a rating is held: an exit is reported within ${staffing.reportWithinWorkingDays} working days (${days}) and the vacancy filled within ${staffing.fillWithinMonths} months by an engineer of the same level.`;
    readings.push(staffing.reading !== undefined ? `${rule} ${staffing.reading}` : rule);
  }
  const notes = [...(standard.notes ?? [])];
  if (standard.supersedes !== undefined) notes.push(`Supersedes ${standard.supersedes.join(', ')}${standard.effective !== undefined ? ` from ${standard.effective}` : ''}.`);
  return { title: standard.title, tiers: standard.tiers.map((t) => ({ id: t.id, name: t.name })), sections, readings, notes };
}

function marked(text: string, note: number | undefined): string {
  return note === undefined ? text : `${text} [${note}]`;
}

function sectionHeading(section: MatrixSection, matrix: RuleMatrix): string | undefined {
  const paths = matrix.sections.filter((s) => s.path !== null).length;
  if (paths === 0) return undefined;
  if (section.path === null) return 'Every path';
  const first = matrix.sections.find((s) => s.path !== null) === section;
  return `${first ? 'Path' : 'Or path'}: ${section.path.name}`;
}

const WIDTH = 80;
const TIER_WIDTH = 12;

export function rulesText(catalogue: Catalogue): string {
  const matrix = ruleMatrix(catalogue.standard);
  const columns = matrix.tiers.length + 1;
  const labelWidth = Math.max(24, WIDTH - (columns + 1) - matrix.tiers.length * TIER_WIDTH);
  const table = new Table({
    head: ['Requirement', ...matrix.tiers.map((t) => t.name)],
    colWidths: [labelWidth, ...matrix.tiers.map(() => TIER_WIDTH)],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const section of matrix.sections) {
    const heading = sectionHeading(section, matrix);
    if (heading !== undefined) table.push([{ colSpan: columns, content: heading }]);
    for (const row of section.rows) table.push([marked(row.label, row.note), ...row.cells.map((c) => marked(c.need ?? '–', c.note))]);
  }
  const out = [matrix.title, '', table.toString()];
  if (matrix.sections.some((s) => s.path !== null)) out.push('', wrap('A tier is met when every row of "Every path" and every row of at least one path is met.', WIDTH, ''));
  if (matrix.readings.length > 0) out.push('', 'Readings of the source:', ...matrix.readings.map((r, i) => wrap(`[${i + 1}] ${r}`, WIDTH, '    ')));
  if (matrix.notes.length > 0) out.push('', 'Notes:', ...matrix.notes.map((n) => wrap(`- ${n}`, WIDTH, '  ')));
  out.push('', ...catalogueText(catalogue).map((part) => (part.includes('\n') ? part : wrap(part, WIDTH, ''))));
  return printableLines(`${out.join('\n')}\n`, { colour: false });
}

export function rulesMarkdown(catalogue: Catalogue): string {
  const matrix = ruleMatrix(catalogue.standard);
  const cell = (text: string, note: number | undefined): string => escapeMarkdown(marked(text, note));
  const out = [`## ${escapeMarkdown(matrix.title)}`, '', `| Requirement | ${matrix.tiers.map((t) => escapeMarkdown(t.name)).join(' | ')} |`, `| --- |${' --- |'.repeat(matrix.tiers.length)}`];
  for (const section of matrix.sections) {
    const heading = sectionHeading(section, matrix);
    if (heading !== undefined) out.push(`| **${escapeMarkdown(heading)}** |${' |'.repeat(matrix.tiers.length)}`);
    for (const row of section.rows) out.push(`| ${cell(row.label, row.note)} | ${row.cells.map((c) => cell(c.need ?? '–', c.note)).join(' | ')} |`);
  }
  if (matrix.sections.some((s) => s.path !== null)) out.push('', 'A tier is met when every row of "Every path" and every row of at least one path is met.');
  if (matrix.readings.length > 0) out.push('', '**Readings of the source**', '', ...matrix.readings.map((r, i) => `- \\[${i + 1}\\] ${escapeMarkdown(r)}`));
  if (matrix.notes.length > 0) out.push('', '**Notes**', '', ...matrix.notes.map((n) => `- ${escapeMarkdown(n)}`));
  out.push('', ...catalogueMarkdown(catalogue));
  return printableLines(`${out.join('\n')}\n`, { colour: false });
}

/**
 * The standard's tiers, paths and rows as they are in its file: the matrix as
 * data; then the catalogue, what each certificate replaces and each lab
 * category fills followed through (`replacesMore`/`fillsMore`: the list stops
 * at 20).
 */
export function rulesJson(catalogue: Catalogue): string {
  const { id, title, source, notes, effective, supersedes, staffing, tiers, paths, requirements } = catalogue.standard;
  const head = { id, title, ...(source !== undefined ? { source } : {}), notes: notes ?? [], ...(effective !== undefined ? { effective } : {}), ...(supersedes !== undefined ? { supersedes } : {}) };
  const { certificates, labCategories } = catalogueListing(catalogue);
  const document = { standard: head, tiers, paths: paths ?? [], requirements, ...(staffing !== undefined ? { staffing } : {}), certificates, labCategories };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const ruleFormats = { text: rulesText, markdown: rulesMarkdown, json: rulesJson } as const;

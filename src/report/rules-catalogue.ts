/**
 * `starcheck rules`, second half: the standard's catalogue — every
 * certificate code with its name, the aliases a dossier may write, and what
 * it replaces (transitively: an H3CIE-RS replaces H3CSE-RS and so H3CNE);
 * then the lab categories and which other categories' slots a unit of each
 * fills. This is the list the dossier template and schema point to.
 */
import Table from 'cli-table3';
import { firstReached, type Catalogue } from '../core/catalogue.js';
import { escapeMarkdown } from './markdown.js';

/** How many replaced codes or filled categories one entry lists; a hostile standard can chain thousands. */
const LISTED = 20;

export interface CatalogueListing {
  certificates: Array<{ code: string; name: string; aliases: string[]; replaces: string[]; replacesMore?: true }>;
  labCategories: Array<{ id: string; name: string; fills: string[]; fillsMore?: true }>;
}

export function catalogueListing(catalogue: Catalogue): CatalogueListing {
  const { standard } = catalogue;
  const satisfies = new Map(standard.labCategories.map((c) => [c.id, c.satisfies ?? []]));
  return {
    certificates: standard.certificates.map((cert) => {
      const { keys, more } = firstReached(cert.code, catalogue.replaces, LISTED);
      return { code: cert.code, name: cert.name, aliases: cert.aliases ?? [], replaces: keys, ...(more ? { replacesMore: true as const } : {}) };
    }),
    labCategories: standard.labCategories.map((category) => {
      const { keys, more } = firstReached(category.id, satisfies, LISTED);
      return { id: category.id, name: category.name, fills: keys, ...(more ? { fillsMore: true as const } : {}) };
    }),
  };
}

function listed(items: string[], more: boolean | undefined): string {
  return items.length === 0 ? '–' : `${items.join(', ')}${more === true ? ', …' : ''}`;
}

function table(head: string[], widths: number[], rows: string[][]): string {
  const drawn = new Table({ head, colWidths: widths, wordWrap: true, style: { head: [], border: [], compact: true } });
  drawn.push(...rows);
  return drawn.toString();
}

/** The catalogue as text, 80 columns wide, to follow the requirement matrix. */
export function catalogueText(catalogue: Catalogue): string[] {
  const { certificates, labCategories } = catalogueListing(catalogue);
  return [
    'Certificates (a dossier may write a code or an alias, in any case; a certificate stands in for those it replaces):',
    table(
      ['Code', 'Name', 'Aliases', 'Replaces'],
      [17, 25, 17, 16],
      certificates.map((c) => [c.code, c.name, listed(c.aliases, false), listed(c.replaces, c.replacesMore)]),
    ),
    '',
    'Lab categories (a unit fills a slot of its own category or of one it fills):',
    table(
      ['Category', 'Name', 'Also fills'],
      [22, 34, 20],
      labCategories.map((c) => [c.id, c.name, listed(c.fills, c.fillsMore)]),
    ),
  ];
}

export function catalogueMarkdown(catalogue: Catalogue): string[] {
  const { certificates, labCategories } = catalogueListing(catalogue);
  const cell = (text: string): string => escapeMarkdown(text);
  return [
    '### Certificates',
    '',
    'A dossier may write a code or an alias, in any case; a certificate stands in for those it replaces.',
    '',
    '| Code | Name | Aliases | Replaces |',
    '| --- | --- | --- | --- |',
    ...certificates.map((c) => `| ${cell(c.code)} | ${cell(c.name)} | ${cell(listed(c.aliases, false))} | ${cell(listed(c.replaces, c.replacesMore))} |`),
    '',
    '### Lab categories',
    '',
    'A unit fills a slot of its own category or of one it fills.',
    '',
    '| Category | Name | Also fills |',
    '| --- | --- | --- |',
    ...labCategories.map((c) => `| ${cell(c.id)} | ${cell(c.name)} | ${cell(listed(c.fills, c.fillsMore))} |`),
  ];
}

/** `starcheck rules` lists the catalogue: codes, names, aliases, what each replaces (followed through), lab categories and what fills what. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/core/catalogue.js';
import type { Standard } from '../../src/core/model.js';
import { catalogueListing } from '../../src/report/rules-catalogue.js';
import { rulesJson, rulesMarkdown, rulesText } from '../../src/report/rules.js';
import { dossierTemplate } from '../../src/cli/commands/init.js';
import { dossierSchema } from '../../src/schemas/dossier-schema.js';
import { root, shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');

function withChain(length: number): Standard {
  const standard = parse(readFileSync(`${root}src/standards/classic.yaml`, 'utf8')) as Standard;
  for (let i = 0; i < length; i++) {
    standard.certificates.push({ code: `C${i}`, name: `Chain ${i}`, replaces: [i === 0 ? 'H3CIE-RS' : `C${i - 1}`] });
  }
  standard.labCategories.push({ id: 'core-router', name: 'core router', satisfies: ['high-end-router'] });
  return standard;
}

describe('the catalogue listing', () => {
  it('follows replacement through, nearest first, and names aliases', () => {
    const { certificates, labCategories } = catalogueListing(classic);
    const byCode = new Map(certificates.map((c) => [c.code, c]));
    expect(byCode.get('H3CIE-RS')).toEqual({ code: 'H3CIE-RS', name: 'H3C Certified Internetwork Expert for Routing & Switching', aliases: ['H3CIE-R&S', 'H3CIE-RS+'], replaces: ['H3CSE-RS', 'H3CNE'] });
    expect(byCode.get('H3CNE')!.replaces).toEqual([]);
    expect(byCode.get('H3CSE-SECURITY')!.replaces).toEqual(['H3CNE-SECURITY']);
    expect(certificates.map((c) => c.code)).toEqual(classic.standard.certificates.map((c) => c.code));
    expect(labCategories.find((c) => c.id === 'high-end-router')!.fills).toEqual(['router']);
    expect(labCategories.find((c) => c.id === 'router')!.fills).toEqual([]);
  });

  it('follows lab categories through, and stops a long chain at 20 with a mark', () => {
    const catalogue = buildCatalogue(withChain(40));
    const { certificates, labCategories } = catalogueListing(catalogue);
    expect(labCategories.find((c) => c.id === 'core-router')!.fills).toEqual(['high-end-router', 'router']);
    const last = certificates.at(-1)!;
    expect(last.replaces).toHaveLength(20);
    expect(last.replaces.slice(0, 2)).toEqual(['C38', 'C37']);
    expect(last.replacesMore).toBe(true);
    const third = certificates.find((c) => c.code === 'C2')!;
    expect(third).toMatchObject({ replaces: ['C1', 'C0', 'H3CIE-RS', 'H3CSE-RS', 'H3CNE'] });
    expect(third.replacesMore).toBeUndefined();
    expect(rulesText(catalogue)).toContain('C38, C37,');
  });

  it('is in every rules format, and the template and schema point to it truly', () => {
    expect(rulesText(classic)).toMatch(/│ H3CIE-RS +│ H3C Certified +│ H3CIE-R&S, +│ H3CSE-RS, +│/);
    expect(rulesMarkdown(classic)).toContain('| H3CIE-RS | H3C Certified Internetwork Expert for Routing & Switching | H3CIE-R&S, H3CIE-RS+ | H3CSE-RS, H3CNE |');
    expect(JSON.parse(rulesJson(classic)).certificates).toEqual(catalogueListing(classic).certificates);
    expect(dossierTemplate('schema.json')).toContain('# a code or alias; `starcheck rules` lists them and what each replaces');
    expect(JSON.stringify(dossierSchema)).toContain('`starcheck rules` lists them with what each replaces');
    const listed = rulesText(classic);
    for (const code of classic.standard.certificates.flatMap((c) => [c.code, ...(c.aliases ?? [])])) expect(listed.replace(/[│\s]+/g, ' ')).toContain(code);
  });

  it('escapes a hostile name in text and markdown', () => {
    const standard = withChain(1);
    standard.certificates.at(-1)!.name = 'Evil\u001b[2J\nname | cell';
    const catalogue = buildCatalogue(standard);
    expect(rulesText(catalogue)).not.toMatch(/\u001b/);
    expect(rulesMarkdown(catalogue)).not.toMatch(/\u001b/);
    expect(rulesMarkdown(catalogue)).toContain('name \\| cell');
  });
});

/** The published schemas and the shipped standard stay in step with their sources. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStandard, SHIPPED_STANDARDS } from '../../src/validate/standard.js';
import { publishedSchemas, schemaText } from '../../src/schemas/emit.js';
import { root } from '../helpers.js';

describe('published schemas', () => {
  it.each(Object.entries(publishedSchemas))('schemas/%s is what the TypeScript source generates (run npm run build)', (name, schema) => {
    expect(readFileSync(`${root}schemas/${name}`, 'utf8')).toBe(schemaText(schema));
  });

  it('admits x- fields on every object of the dossier schema and nothing else unknown', () => {
    const text = readFileSync(`${root}schemas/dossier.schema.json`, 'utf8');
    const closed = text.match(/"additionalProperties": false/g)?.length ?? 0;
    expect(closed).toBeGreaterThan(10);
    expect(text.match(/"\^x-"/g)?.length).toBe(closed);
  });
});

describe('shipped standards', () => {
  it.each(SHIPPED_STANDARDS)('%s loads, validates and builds its catalogue', async (id) => {
    const { catalogue } = await loadStandard(id);
    expect(catalogue.standard.id).toBe(id);
    expect(catalogue.tierIds).toEqual(['four-star', 'three-star', 'two-star']);
  });

  it('is loaded once a run, whether the command line or a dossier names it', () => {
    expect(loadStandard('classic', { regularOnly: true })).toBe(loadStandard('classic'));
  });

  it('marks every classic cell that is a reading', async () => {
    const { catalogue } = await loadStandard('classic');
    const readRows = catalogue.standard.requirements.filter((r) => r.reading !== undefined).map((r) => r.id);
    expect(readRows).toEqual(expect.arrayContaining(['basic-certificate', 'senior-certificate', 'project-management-certificate', 'special-certificates', 'hotline', 'service-manager', 'issue-tracking', 'project-experience']));
  });
});

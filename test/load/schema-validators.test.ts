/** The validators compiled at build time decide exactly as ajv compiling the schema sources does. */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dossierSchemaValidator, standardSchemaValidator } from '../../src/validate/schema-validators.js';
import { createAjv } from '../../src/schemas/compile.js';
import { dossierSchema } from '../../src/schemas/dossier-schema.js';
import { standardSchema } from '../../src/schemas/standard-schema.js';
import { dossierData } from '../bench/generate.mjs';
import { root } from '../helpers.js';

const fresh = createAjv().compile(dossierSchema);

/** Variants that break the schema in each way a user might. */
function broken(data: Record<string, unknown>, i: number): unknown {
  const copy = structuredClone(data) as { engineers: Array<Record<string, unknown>>; lab: unknown[]; [k: string]: unknown };
  switch (i % 6) {
    case 0:
      copy.nmae = 'typo';
      break;
    case 1:
      copy.engineers[0]!.certificates = [{ type: 'H3CNE', expires: '2027-02-30' }];
      break;
    case 2:
      copy.lab = [{ category: 'router', model: 'M', quantity: 1.5 }];
      break;
    case 3:
      delete copy.partner;
      break;
    case 4:
      copy.engineers[0]!.email = 'not an e-mail';
      break;
    default:
      copy.schemaVersion = 2;
  }
  return copy;
}

describe('precompiled validators', () => {
  it('agree with a freshly compiled dossier schema, errors included, over examples and a generated corpus', () => {
    const inputs: unknown[] = readdirSync(`${root}examples`).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(`${root}examples/${f}`, 'utf8')));
    for (let i = 0; i < 200; i++) {
      const data = dossierData(11, i);
      inputs.push(data, broken(data, i));
    }
    let invalid = 0;
    for (const input of inputs) {
      const ok = fresh(input);
      expect(dossierSchemaValidator(input)).toBe(ok);
      expect(dossierSchemaValidator.errors ?? null).toEqual(fresh.errors ?? null);
      if (!ok) invalid++;
    }
    expect(invalid).toBeGreaterThanOrEqual(200);
  });

  it('validate the shipped standard as the standard schema does', () => {
    const classic = parse(readFileSync(`${root}src/standards/classic.yaml`, 'utf8'));
    expect(standardSchemaValidator(classic)).toBe(true);
    const wrong = { ...classic, tiers: 'four-star' };
    expect(standardSchemaValidator(wrong)).toBe(createAjv().compile(standardSchema)(wrong));
    expect(standardSchemaValidator(wrong)).toBe(false);
  });
});

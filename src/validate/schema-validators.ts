/**
 * The dossier and standard validators, compiled by ajv at build time
 * (`npm run build` writes dist/schemas/validators.cjs from the schema
 * sources), so a run neither loads ajv's compiler nor compiles a schema.
 * Resolved from src/validate (tests) and dist/validate alike; the CLI bundle carries
 * it inline (src/build/bundle.mjs rewrites this require), under its code cache.
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const compiled = createRequire(import.meta.url)('../../dist/schemas/validators.cjs') as { dossier: ValidateFunction; standard: ValidateFunction; config: ValidateFunction };

export const dossierSchemaValidator: ValidateFunction = compiled.dossier;
export const standardSchemaValidator: ValidateFunction = compiled.standard;
export const configSchemaValidator: ValidateFunction = compiled.config;

/**
 * The dossier and standard validators, compiled by ajv at build time
 * (`npm run build` writes dist/schemas/validators.js from the schema
 * sources), so a run neither loads ajv's compiler nor compiles a schema.
 * Resolved from src/load (tests) and dist/load (the binary) alike.
 */
import type { ValidateFunction } from 'ajv';

const compiled = (await import(new URL('../../dist/schemas/validators.js', import.meta.url).href)) as { dossier: ValidateFunction; standard: ValidateFunction };

export const dossierSchemaValidator: ValidateFunction = compiled.dossier;
export const standardSchemaValidator: ValidateFunction = compiled.standard;

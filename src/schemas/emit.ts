/**
 * The published JSON Schemas (`schemas/*.schema.json`), from their TypeScript
 * sources: `npm run build` writes them (src/build.ts) and `starcheck schema`
 * prints them. Nothing here loads ajv, so the CLI bundle does not carry it.
 */
import { configSchema } from './config-schema.js';
import { dossierSchema } from './dossier-schema.js';
import { standardSchema } from './standard-schema.js';

export const publishedSchemas = {
  'dossier.schema.json': dossierSchema,
  'standard.schema.json': standardSchema,
  'config.schema.json': configSchema,
} as const;

/** Where a published schema lies in the package; from src/schemas, dist/schemas and dist/bundle alike. */
export function publishedSchemaFile(name: keyof typeof publishedSchemas): URL {
  return new URL(`../../schemas/${name}`, import.meta.url);
}

export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * Writes the published JSON Schemas (`schemas/*.schema.json`) from their
 * TypeScript sources, and the validators compiled from them
 * (`dist/schemas/validators.cjs`). Run by `npm run build`; a test fails when the
 * committed files differ from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { validatorsModule } from './compile.js';
import { dossierSchema } from './dossier-schema.js';
import { standardSchema } from './standard-schema.js';

export const publishedSchemas = {
  'dossier.schema.json': dossierSchema,
  'standard.schema.json': standardSchema,
} as const;

/** Where a published schema lies in the package; from src/schemas, dist/schemas and dist/bundle alike. */
export function publishedSchemaFile(name: keyof typeof publishedSchemas): URL {
  return new URL(`../../schemas/${name}`, import.meta.url);
}

export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const [name, schema] of Object.entries(publishedSchemas)) {
    writeFileSync(publishedSchemaFile(name as keyof typeof publishedSchemas), schemaText(schema));
  }
  writeFileSync(new URL('./validators.cjs', import.meta.url), validatorsModule());
}

/**
 * Run by `npm run build`, after tsc: writes what the published package reads
 * instead of computing it on every run. A test fails when the committed
 * schema files differ from what this writes.
 *
 * - `schemas/*.schema.json`, the published JSON Schemas, from their sources;
 * - `dist/schemas/validators.cjs`, ajv's standalone validators for them;
 * - `dist/standards/<id>.json`, each shipped standard checked in full (schema
 *   and catalogue) and written as the plain data it parses to.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { validatorsModule } from './schemas/compile.js';
import { publishedSchemaFile, publishedSchemas, schemaText } from './schemas/emit.js';

for (const [name, schema] of Object.entries(publishedSchemas)) {
  writeFileSync(publishedSchemaFile(name as keyof typeof publishedSchemas), schemaText(schema));
}
writeFileSync(new URL('./schemas/validators.cjs', import.meta.url), validatorsModule());

// Loaded only now: checking a standard needs the validators just written.
const { compiledStandardsDir, loadFile, SHIPPED_STANDARDS } = await import('./validate/standard.js');
mkdirSync(compiledStandardsDir, { recursive: true });
for (const id of SHIPPED_STANDARDS) {
  const { standard } = loadFile(id).catalogue;
  const json = JSON.stringify(standard);
  // JSON keeps exactly what YAML's core schema yields (no dates, no -0, no undefined); make sure of it.
  if (!isDeepStrictEqual(JSON.parse(json), standard)) throw new Error(`the ${id} standard does not survive a JSON round trip`);
  writeFileSync(new URL(`${id}.json`, compiledStandardsDir), `${json}\n`);
}

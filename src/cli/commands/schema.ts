/** `starcheck schema [dossier|standard|config]`: prints a published JSON Schema, byte for byte the file in `schemas/`. */
import { EXIT } from '../../check/errors.js';
import { publishedSchemas, schemaText } from '../../schemas/emit.js';
import type { CliIo } from '../io.js';

export const SCHEMA_NAMES = ['dossier', 'standard', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function runSchema(name: SchemaName, io: CliIo): number {
  io.stdout.write(schemaText(publishedSchemas[`${name}.schema.json`]));
  return EXIT.ok;
}

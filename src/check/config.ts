/**
 * The config file, `.starcheck.yaml`: read with the limits of any input
 * (size, encoding, no FIFO unless named on the command line), parsed with
 * positions, and checked against its own JSON Schema, so a mistake in it is
 * `file:line:column: message` (a SettingsFileError, exit 3, as a bad
 * --holidays file is).
 */
import type { FromSchema } from 'json-schema-to-ts';
import { parseSource } from '../load/parse.js';
import { readSource } from '../load/read.js';
import { configSchema, SLOW_GLOB, SLOW_GLOB_RULE } from '../schemas/config-schema.js';
import { schemaFindings } from '../validate/dossier.js';
import { configSchemaValidator as validator } from '../validate/schema-validators.js';
import { SettingsFileError } from './errors.js';
import { dottedPlace } from '../core/places.js';

export type Config = FromSchema<typeof configSchema>;

/** The name looked for in the working directory and each folder above it. */
export const CONFIG_FILE = '.starcheck.yaml';

/**
 * Reads and checks a config file. `regularOnly` for one found by searching,
 * which must be a regular file; one named with --config may be a FIFO.
 * `shown` is how messages name it.
 */
export function loadConfig(file: string, shown: string, { regularOnly = false }: { regularOnly?: boolean } = {}): Config {
  const read = readSource(file, { regularOnly });
  // An empty file, or one of comments only, is a config with no defaults.
  if (!read.ok && read.error.code === 'empty') return {};
  if (!read.ok) throw new SettingsFileError(shown, [read.error]);
  // Always YAML, which reads JSON too.
  const parsed = parseSource(read.text, 'yaml');
  if (!parsed.ok && parsed.errors[0]?.code === 'empty') return {};
  if (!parsed.ok) throw new SettingsFileError(shown, parsed.errors);
  const { data } = parsed.parsed;
  if (!validator(data)) throw new SettingsFileError(shown, schemaFindings(validator.errors ?? [], parsed.parsed, { schema: configSchema, root: 'the config', code: 'config-schema', userNotes: false, words: dottedPlace }));
  const config = data as Config;
  const slow = (config.ignore ?? []).flatMap((pattern, i) => (SLOW_GLOB.test(pattern) ? [{ message: `ignore.${i} "${pattern}": ${SLOW_GLOB_RULE}`, ...parsed.parsed.locate(`/ignore/${i}`) }] : []));
  if (slow.length > 0) throw new SettingsFileError(shown, slow);
  return config;
}

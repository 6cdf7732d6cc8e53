/**
 * The config file, `.starcheck.yaml`, as a JSON Schema: defaults for
 * `starcheck check` and `validate` that a CI repository or a review folder
 * keeps beside its dossiers. The `Config` type is derived from it, and
 * `schemas/config.schema.json` is generated from it by `npm run build`.
 */

const SCHEMA_ID = 'https://starcheck.dev/schemas/config.schema.json';

/** The `--format` names, as the report registry keys them (a test keeps the two the same). */
export const CONFIG_FORMATS = ['text', 'json', 'markdown', 'junit', 'sarif', 'github', 'csv', 'html', 'ics'] as const;

const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.+&-]*$' } as const;

/**
 * Three or more `*` in one path segment of a glob: picomatch's regular
 * expression for it backtracks polynomially in the name's length, to the
 * power of the stars (`*a*a*a*b` takes about a second on one 250-character
 * name, four stars minutes), so a walk over a hostile tree could hang.
 * Refused in --ignore and in the config's `ignore`; `**` is two stars.
 */
export const SLOW_GLOB = /\*[^/]*\*[^/]*\*/;
export const SLOW_GLOB_RULE = 'at most two * in one path segment (more makes matching slow on long names)';

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  title: 'starcheck config',
  description: 'Defaults for starcheck check and validate; a flag on the command line wins. Paths are relative to the folder of this file.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', title: 'Schema', description: 'This schema, for editors.', examples: [SCHEMA_ID] },
    standard: {
      type: 'string',
      minLength: 1,
      title: 'Standard',
      description: 'A shipped standard id or a standard file, as --standard takes it.',
      examples: ['2025', 'standards/my-standard.yaml'],
    },
    require: { ...ID, title: 'Required tier', description: 'The tier each dossier must meet, as --require takes it.', examples: ['three-star'] },
    warnWithin: {
      type: 'integer',
      minimum: 0,
      maximum: 3650,
      title: 'Warn within',
      description: 'Warn about what lapses within this many days, as --warn-within takes it.',
      examples: [90],
    },
    formats: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      title: 'Formats',
      description: 'The outputs of check, as --format takes them: a name, or name=file.',
      examples: [['text', 'junit=starcheck.xml']],
      items: { type: 'string', pattern: `^(${CONFIG_FORMATS.join('|')})(=.+)?$`, examples: ['sarif=starcheck.sarif'] },
    },
    tiers: {
      title: 'Tiers',
      description: 'Which tiers check prints in full, as --tiers takes them: "all", or a list of tier ids.',
      examples: ['all', ['three-star', 'four-star']],
      anyOf: [{ const: 'all' }, { type: 'array', minItems: 1, maxItems: 10, items: ID }],
    },
    ignore: {
      type: 'array',
      maxItems: 1000,
      title: 'Ignore',
      description: 'Globs that directory walks and globs leave out, as --ignore takes them; relative to the folder of this file.',
      examples: [['fixtures/**', 'package-lock.json']],
      items: { type: 'string', minLength: 1, maxLength: 1000, examples: ['fixtures/**'] },
    },
  },
} as const;

/**
 * The format of a standard file, as a JSON Schema. Like the dossier schema,
 * this object is the single source of truth: the `Standard` type is derived
 * from it and `schemas/standard.schema.json` is generated from it.
 *
 * A standard is data: its catalogue, its tiers and a list of requirement rows.
 * Each row has a `kind`, which names the small evaluator that checks it, and a
 * `need` per tier (a tier that a row does not name does not require it).
 */

const SCHEMA_ID = 'https://starcheck.dev/schemas/standard.schema.json';

const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.+&-]*$' } as const;

/** Fields every requirement row has, whatever its kind. */
const rowFields = {
  id: { ...ID, title: 'Requirement id', description: 'Unique in the standard; reports and JSON output use it.' },
  label: { type: 'string', minLength: 1, title: 'Label', description: 'The row as people read it.' },
  path: {
    type: 'string',
    title: 'Path',
    description: 'The alternative path this row belongs to; rows without a path apply to every path.',
  },
  reading: {
    type: 'string',
    minLength: 1,
    title: 'Reading',
    description: 'Why the row reads as it does, where the source is ambiguous; `starcheck rules` prints it.',
  },
  readings: {
    type: 'object',
    title: 'Cell readings',
    description: 'A reading note per tier cell, where the source is ambiguous.',
    additionalProperties: { type: 'string', minLength: 1 },
  },
} as const;

const countNeed = {
  type: 'object',
  title: 'Need per tier',
  description: 'How many each tier needs; a tier left out does not require this row.',
  additionalProperties: { type: 'integer', minimum: 1 },
} as const;

const levelNeed = {
  type: 'object',
  title: 'Need per tier',
  description: 'The level each tier needs, or true for "present"; a tier left out does not require this row.',
  additionalProperties: { anyOf: [{ type: 'string', minLength: 1 }, { const: true }] },
} as const;

const certificatesRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'accepts', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'certificates' },
    accepts: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      title: 'Accepted certificates',
      description: 'Certificate codes that fill this row; certificates that replace them fill it too.',
    },
    distinct: {
      type: 'boolean',
      title: 'Distinct types',
      description: 'When true, the slots must be filled by certificates of different types ("2 optional").',
    },
    need: countNeed,
  },
} as const;

const personnelRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'counts', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'personnel' },
    counts: {
      enum: ['certified', 'registered'],
      title: 'Who counts',
      description: 'certified: engineers holding at least one valid certificate; registered: every engineer who has not left.',
    },
    need: countNeed,
  },
} as const;

const labRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'category', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'lab' },
    category: { type: 'string', minLength: 1, title: 'Category', description: 'The lab category this row asks for.' },
    need: countNeed,
  },
} as const;

const platformRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'item', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'platform' },
    item: {
      enum: ['hotline', 'serviceManager', 'issueTracking', 'supportEmail'],
      title: 'Item',
      description: 'The service platform item this row asks for.',
    },
    levels: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      title: 'Levels',
      description: 'The levels of the item, lowest first; a higher level satisfies a lower need (hotline hours, issue-tracking mode).',
    },
    need: levelNeed,
  },
} as const;

const projectsRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'levels', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'projects' },
    levels: {
      type: 'array',
      minItems: 1,
      title: 'Project levels',
      description: 'Project levels by equipment list price, lowest first; a project of a higher level satisfies a lower need.',
      items: {
        type: 'object',
        required: ['id', 'minListPriceUsd'],
        additionalProperties: false,
        properties: {
          id: ID,
          name: { type: 'string', minLength: 1 },
          minListPriceUsd: { type: 'number', minimum: 0 },
        },
      },
    },
    need: {
      type: 'object',
      title: 'Need per tier',
      description: 'The project level each tier needs.',
      additionalProperties: { type: 'string', minLength: 1 },
    },
  },
} as const;

const creditsRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'credits' },
    need: {
      ...countNeed,
      description: 'The channel credits each tier needs: the sum of `credits` over the engineers who have not left; a tier left out does not require this row.',
    },
  },
} as const;

const trainingRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'training' },
    withinMonths: {
      type: 'integer',
      minimum: 1,
      default: 12,
      title: 'Window (months)',
      description:
        'An event counts on an application date from its own date until this many months later (exclusive). Checked on recertification only: a dossier without `application.currentRating` meets the row, which is then an obligation for the coming year.',
    },
    need: {
      ...countNeed,
      description: 'How many training events, meetings or forums each tier needs within the window; a tier left out does not require this row.',
    },
  },
} as const;

export const standardSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  title: 'starcheck standard',
  description: 'A versioned set of requirements for the star-rated service certification, kept as data.',
  type: 'object',
  required: ['id', 'title', 'certificates', 'labCategories', 'tiers', 'requirements'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    id: { ...ID, title: 'Standard id', examples: ['classic', '2025'] },
    title: { type: 'string', minLength: 1, title: 'Title' },
    source: { type: 'string', title: 'Source', description: 'Where the standard comes from.' },
    notes: { type: 'array', items: { type: 'string' }, title: 'Notes', description: 'General notes printed by `starcheck rules`.' },
    validityMonths: {
      type: 'integer',
      minimum: 0,
      title: 'Certificate validity margin (months)',
      description: 'A certificate counts only when it expires more than this many months after the application date.',
      default: 3,
    },
    ratingValidityYears: {
      type: 'integer',
      minimum: 1,
      title: 'Rating validity (years)',
      description:
        'A star rating lasts this many calendar years from its issue date: the same day that many years later is its last valid day (a 29 February issue date ends on 28 February).',
      default: 1,
    },
    certificates: {
      type: 'array',
      title: 'Certificate catalogue',
      items: {
        type: 'object',
        required: ['code', 'name'],
        additionalProperties: false,
        properties: {
          code: { ...ID, title: 'Canonical code', description: 'What reports print.' },
          name: { type: 'string', minLength: 1, title: 'Name' },
          aliases: { type: 'array', items: { type: 'string', minLength: 1 }, title: 'Aliases' },
          replaces: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            title: 'Replaces',
            description: 'Lower certificates this one replaces (transitively).',
          },
        },
      },
    },
    labCategories: {
      type: 'array',
      title: 'Lab categories',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: ID,
          name: { type: 'string', minLength: 1 },
          satisfies: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Other categories whose slots a unit of this category can fill.',
          },
        },
      },
    },
    tiers: {
      type: 'array',
      minItems: 1,
      title: 'Tiers',
      description: 'The tiers, highest first.',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: ID, name: { type: 'string', minLength: 1 } },
      },
    },
    paths: {
      type: 'array',
      title: 'Alternative paths',
      description: 'When given, a tier is met when every row of at least one path (plus every row without a path) is met.',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: { id: ID, name: { type: 'string', minLength: 1 } },
      },
    },
    requirements: {
      type: 'array',
      minItems: 1,
      title: 'Requirements',
      items: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { enum: ['certificates', 'personnel', 'lab', 'platform', 'projects', 'credits', 'training'] } },
        discriminator: { propertyName: 'kind' },
        oneOf: [certificatesRow, personnelRow, labRow, platformRow, projectsRow, creditsRow, trainingRow],
      },
    },
  },
} as const;

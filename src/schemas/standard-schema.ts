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

/**
 * How large a standard may be. The shipped ones have 3 tiers, at most 15
 * rows and 9 certificates; these bounds are far past any policy. They are
 * what keeps checking a dossier bounded whatever standard it names: the
 * engine's work grows with tiers × rows × the certificates a dossier holds
 * (and, for "did you mean", with the aliases), and without them a 1 MiB
 * standard of 22,000 tiers took seconds per dossier. A standard over one is
 * refused at the list that is too long, with a located error.
 */
export const STANDARD_LIMITS = {
  certificates: 500,
  /** Per certificate. */
  aliases: 20,
  /** Per certificate or lab category: its `replaces` or `satisfies` list. */
  links: 50,
  labCategories: 100,
  tiers: 10,
  paths: 10,
  requirements: 100,
  /** Per certificate row. */
  accepts: 20,
} as const;

const ID = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.+&-]*$' } as const;

/** Fields every requirement row has, whatever its kind. */
const rowFields = {
  id: { ...ID, title: 'Requirement id', description: 'Unique in the standard; reports and JSON output use it.', examples: ['senior-certificate'] },
  label: { type: 'string', minLength: 1, title: 'Label', description: 'The row as people read it.', examples: ['H3CSE-Routing & Switching, or higher'] },
  path: {
    type: 'string',
    title: 'Path',
    description: 'The alternative path this row belongs to; rows without a path apply to every path.',
    examples: ['certificates', 'credits'],
  },
  reading: {
    type: 'string',
    minLength: 1,
    title: 'Reading',
    description: 'Why the row reads as it does, where the source is ambiguous; `starcheck rules` prints it.',
    examples: ['The page lost its check marks; the row is read as one certificate at every tier.'],
  },
  readings: {
    type: 'object',
    title: 'Cell readings',
    description: 'A reading note per tier cell, where the source is ambiguous.',
    additionalProperties: { type: 'string', minLength: 1 },
    examples: [{ 'two-star': 'The two-star cell is unreadable; read as manual tracking.' }],
  },
} as const;

const countNeed = {
  type: 'object',
  title: 'Need per tier',
  description: 'How many each tier needs; a tier left out does not require this row.',
  additionalProperties: { type: 'integer', minimum: 1 },
  examples: [{ 'four-star': 2, 'three-star': 1 }],
} as const;

const levelNeed = {
  type: 'object',
  title: 'Need per tier',
  description: 'The level each tier needs, or true for "present"; a tier left out does not require this row.',
  additionalProperties: { anyOf: [{ type: 'string', minLength: 1 }, { const: true }] },
  examples: [{ 'four-star': '7x24', 'two-star': '5x8' }, { 'four-star': true }],
} as const;

const certificatesRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'accepts', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'certificates', title: 'Kind', description: 'Which evaluator checks this row: N certificates from a list, each filling one slot.', examples: ['certificates'] },
    accepts: {
      type: 'array',
      minItems: 1,
      maxItems: STANDARD_LIMITS.accepts,
      items: { type: 'string', minLength: 1 },
      title: 'Accepted certificates',
      description: 'Certificate codes that fill this row; certificates that replace them fill it too.',
      examples: [['PMP', 'H3CNE-PM']],
    },
    distinct: {
      type: 'boolean',
      title: 'Distinct types',
      description: 'When true, the slots must be filled by certificates of different types ("2 optional").',
      examples: [true],
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
    kind: { const: 'personnel', title: 'Kind', description: 'Which evaluator checks this row: A minimum number of engineers.', examples: ['personnel'] },
    counts: {
      enum: ['certified', 'registered'],
      title: 'Who counts',
      description: 'certified: engineers holding at least one valid certificate; registered: every engineer who has not left.',
      examples: ['certified'],
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
    kind: { const: 'lab', title: 'Kind', description: 'Which evaluator checks this row: Units of a lab category.', examples: ['lab'] },
    category: { type: 'string', minLength: 1, title: 'Category', description: 'The lab category this row asks for.', examples: ['access-point'] },
    need: countNeed,
  },
} as const;

const platformRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'item', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'platform', title: 'Kind', description: 'Which evaluator checks this row: An item of the service platform, optionally at a level.', examples: ['platform'] },
    item: {
      enum: ['hotline', 'serviceManager', 'issueTracking', 'supportEmail'],
      title: 'Item',
      description: 'The service platform item this row asks for.',
      examples: ['hotline'],
    },
    levels: {
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1 },
      title: 'Levels',
      description: 'The levels of the item, lowest first; a higher level satisfies a lower need (hotline hours, issue-tracking mode).',
      examples: [['5x8', '7x24'], ['manual', 'automatic']],
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
    kind: { const: 'projects', title: 'Kind', description: 'Which evaluator checks this row: A delivered project of a given size.', examples: ['projects'] },
    levels: {
      type: 'array',
      minItems: 1,
      title: 'Project levels',
      description: 'Project levels by equipment list price, lowest first; a project of a higher level satisfies a lower need.',
      examples: [[{ id: 'basic', minListPriceUsd: 100000 }, { id: 'major', minListPriceUsd: 1000000 }]],
      items: {
        type: 'object',
        required: ['id', 'minListPriceUsd'],
        additionalProperties: false,
        properties: {
          id: { ...ID, title: 'Level id', description: 'What a tier names in its need.', examples: ['major'] },
          name: { type: 'string', minLength: 1, title: 'Name', description: 'The level as people read it.', examples: ['major project'] },
          minListPriceUsd: {
            type: 'number',
            minimum: 0,
            title: 'Minimum list price (USD)',
            description: 'The smallest equipment list price, in US dollars, of a project at this level.',
            examples: [1000000],
          },
        },
      },
    },
    need: {
      type: 'object',
      title: 'Need per tier',
      description: 'The project level each tier needs.',
      additionalProperties: { type: 'string', minLength: 1 },
      examples: [{ 'four-star': 'major', 'three-star': 'basic' }],
    },
  },
} as const;

const creditsRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'credits', title: 'Kind', description: 'Which evaluator checks this row: channel credits summed over the engineers.', examples: ['credits'] },
    need: {
      ...countNeed,
      description: 'The channel credits each tier needs: the sum of `credits` over the engineers who have not left; a tier left out does not require this row.',
    },
  },
} as const;

/** Ten years, the longest span in months a standard may set: far past any policy, and it keeps every date the engine computes a calendar date. */
const MAX_MONTHS = 120;

const trainingRow = {
  type: 'object',
  required: ['id', 'kind', 'label', 'need'],
  additionalProperties: false,
  properties: {
    ...rowFields,
    kind: { const: 'training', title: 'Kind', description: 'Which evaluator checks this row: vendor training, meetings and forums attended.', examples: ['training'] },
    withinMonths: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_MONTHS,
      default: 12,
      title: 'Window (months)',
      description:
        'An event counts on an application date from its own date until this many months later (exclusive). Checked on recertification only: a dossier without `application.currentRating` meets the row, which is then an obligation for the coming year.',
      examples: [12],
    },
    need: {
      ...countNeed,
      description: 'How many training events, meetings or forums each tier needs within the window; a tier left out does not require this row.',
    },
  },
} as const;

/** A calendar day, as in the dossier schema: years 1900–2999. */
const isoDate = { type: 'string', format: 'date', pattern: '^(19|2[0-9])[0-9]{2}-' } as const;

/** The days of the week, as a standard names its working days. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const staffing = {
  type: 'object',
  title: 'Staffing obligations',
  description:
    'What a rated partner owes when a certified engineer leaves within the rating year (checked when a dossier declares application.currentRating): the exit reported within working days, the vacancy filled within months by an engineer of the same level.',
  required: ['reportWithinWorkingDays', 'fillWithinMonths', 'workingDays'],
  additionalProperties: false,
  examples: [{ reportWithinWorkingDays: 3, fillWithinMonths: 3, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] }],
  properties: {
    reportWithinWorkingDays: {
      type: 'integer',
      minimum: 0,
      maximum: 60,
      title: 'Report within (working days)',
      description: 'The exit is due this many working days after the day the engineer left (public holidays from --holidays are not working days).',
      examples: [3],
    },
    fillWithinMonths: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_MONTHS,
      title: 'Fill within (months)',
      description: 'The vacancy is due this many calendar months after the day the engineer left (the day of month kept, clamped to the month\'s end).',
      examples: [3],
    },
    workingDays: {
      type: 'array',
      minItems: 1,
      maxItems: 7,
      uniqueItems: true,
      items: { enum: WEEKDAYS },
      title: 'Working days',
      description: 'The days of the week that are working days.',
      examples: [['mon', 'tue', 'wed', 'thu', 'fri']],
    },
    reading: rowFields.reading,
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
    $schema: { type: 'string', title: 'JSON Schema', description: 'The JSON Schema this file follows, for editors.', examples: ['../../schemas/standard.schema.json'] },
    id: { ...ID, title: 'Standard id', description: 'What --standard and a dossier\'s application.standard name.', examples: ['classic', '2025'] },
    title: { type: 'string', minLength: 1, title: 'Title', description: 'The standard\'s full name, printed by reports.', examples: ['H3C partner star-rated service certification (classic, overseas partners)'] },
    source: { type: 'string', title: 'Source', description: 'Where the standard comes from.', examples: ['H3C "Channel Service" policy page'] },
    notes: {
      type: 'array',
      items: { type: 'string' },
      title: 'Notes',
      description: 'General notes printed by `starcheck rules`.',
      examples: [['A higher-level certificate can replace a lower-level certificate.']],
    },
    effective: {
      ...isoDate,
      title: 'Effective from',
      description: 'The first day the standard applies; a recertification on or after it should use this standard rather than those it supersedes.',
      examples: ['2025-01-01'],
    },
    supersedes: {
      type: 'array',
      maxItems: STANDARD_LIMITS.links,
      items: ID,
      title: 'Supersedes',
      description: 'The ids of the standards this one replaces from its effective date.',
      examples: [['classic']],
    },
    staffing,
    validityMonths: {
      type: 'integer',
      minimum: 0,
      maximum: MAX_MONTHS,
      title: 'Certificate validity margin (months)',
      description: 'A certificate counts only when it expires more than this many months after the application date.',
      default: 3,
      examples: [3],
    },
    ratingValidityYears: {
      type: 'integer',
      minimum: 1,
      maximum: 10,
      title: 'Rating validity (years)',
      description:
        'A star rating lasts this many calendar years from its issue date: the same day that many years later is its last valid day (a 29 February issue date ends on 28 February).',
      default: 1,
      examples: [1],
    },
    certificates: {
      type: 'array',
      maxItems: STANDARD_LIMITS.certificates,
      title: 'Certificate catalogue',
      description: 'Every certificate type the standard knows; dossiers may name only these codes and their aliases.',
      examples: [[{ code: 'H3CSE-RS', name: 'H3C Certified Senior Engineer for Routing & Switching', aliases: ['H3CSE-R&S'], replaces: ['H3CNE'] }]],
      items: {
        type: 'object',
        required: ['code', 'name'],
        additionalProperties: false,
        properties: {
          code: { ...ID, title: 'Canonical code', description: 'What reports print.', examples: ['H3CSE-RS'] },
          name: { type: 'string', minLength: 1, title: 'Name', description: 'The certificate\'s full name.', examples: ['H3C Certified Senior Engineer for Routing & Switching'] },
          aliases: {
            type: 'array',
            maxItems: STANDARD_LIMITS.aliases,
            items: { type: 'string', minLength: 1 },
            title: 'Aliases',
            description: 'Other spellings dossiers may use (matched case-insensitively).',
            examples: [['H3CSE-R&S', 'H3CSE-RS+']],
          },
          replaces: {
            type: 'array',
            maxItems: STANDARD_LIMITS.links,
            items: { type: 'string', minLength: 1 },
            title: 'Replaces',
            description: 'Lower certificates this one replaces (transitively).',
            examples: [['H3CNE']],
          },
        },
      },
    },
    labCategories: {
      type: 'array',
      maxItems: STANDARD_LIMITS.labCategories,
      title: 'Lab categories',
      description: 'Every lab category the standard knows; dossiers may name only these.',
      examples: [[{ id: 'high-end-router', name: 'high-end router', satisfies: ['router'] }]],
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { ...ID, title: 'Category id', description: 'What dossiers write as a lab item\'s category.', examples: ['high-end-router'] },
          name: { type: 'string', minLength: 1, title: 'Name', description: 'The category as people read it.', examples: ['high-end router'] },
          satisfies: {
            type: 'array',
            maxItems: STANDARD_LIMITS.links,
            items: { type: 'string', minLength: 1 },
            title: 'Satisfies',
            description: 'Other categories whose slots a unit of this category can fill.',
            examples: [['router']],
          },
        },
      },
    },
    tiers: {
      type: 'array',
      minItems: 1,
      maxItems: STANDARD_LIMITS.tiers,
      title: 'Tiers',
      description: 'The tiers, highest first.',
      examples: [[{ id: 'four-star', name: 'Four-star' }, { id: 'three-star', name: 'Three-star' }]],
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { ...ID, title: 'Tier id', description: 'What --require and a dossier\'s targetTier name.', examples: ['three-star'] },
          name: { type: 'string', minLength: 1, title: 'Name', description: 'The tier as reports print it.', examples: ['Three-star'] },
        },
      },
    },
    paths: {
      type: 'array',
      maxItems: STANDARD_LIMITS.paths,
      title: 'Alternative paths',
      description: 'When given, a tier is met when every row of at least one path (plus every row without a path) is met.',
      examples: [[{ id: 'certificates', name: 'Technical certificates' }, { id: 'credits', name: 'Channel credits' }]],
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id: { ...ID, title: 'Path id', description: 'What a requirement row names in its path.', examples: ['credits'] },
          name: { type: 'string', minLength: 1, title: 'Name', description: 'The path as reports print it.', examples: ['Channel credits'] },
        },
      },
    },
    requirements: {
      type: 'array',
      minItems: 1,
      maxItems: STANDARD_LIMITS.requirements,
      title: 'Requirements',
      description: 'The requirement rows; each names its kind and what each tier needs.',
      examples: [[{ id: 'cloud-lab', kind: 'lab', label: 'lab: H3C Cloud Lab', category: 'cloud-lab', need: { 'four-star': 1 } }]],
      items: {
        type: 'object',
        required: ['kind'],
        properties: {
          kind: {
            enum: ['certificates', 'personnel', 'lab', 'platform', 'projects', 'credits', 'training'],
            title: 'Kind',
            description: 'Which small evaluator checks the row; the other fields depend on it.',
            examples: ['certificates'],
          },
        },
        discriminator: { propertyName: 'kind' },
        oneOf: [certificatesRow, personnelRow, labRow, platformRow, projectsRow, creditsRow, trainingRow],
      },
    },
  },
} as const;

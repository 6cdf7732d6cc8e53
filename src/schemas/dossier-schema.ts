/**
 * The dossier format, version 1, as a JSON Schema.
 *
 * This object is the single source of truth: the `Dossier` type is derived
 * from it by the compiler (json-schema-to-ts), and `schemas/dossier.schema.json`
 * is generated from it by `npm run build` (a test fails if the committed file
 * differs). Field names are a public contract; change them only with a new
 * `schemaVersion`.
 */

const SCHEMA_ID = 'https://starcheck.dev/schemas/dossier.schema.json';


/** A calendar day; the pattern keeps the year within SUPPORTED_YEARS of core/dates.ts (1900–2999). */
const isoDate = { type: 'string', format: 'date', pattern: '^(19|2[0-9])[0-9]{2}-' } as const;

/** A file a dossier names beside it (see load/confine.ts and load/material.ts). */
const materialFile = { type: 'string', minLength: 1 } as const;

const certificate = {
  type: 'object',
  title: 'Certificate',
  description: 'One certificate held by the engineer.',
  required: ['type', 'expires'],
  additionalProperties: false,
  properties: {
    type: {
      type: 'string',
      minLength: 1,
      title: 'Certificate type',
      description: "A code or alias from the standard's catalogue (case-insensitive); `starcheck rules` lists them with what each replaces (`--standard <id>` for another standard).",
      examples: ['H3CNE', 'H3CSE-RS', 'H3CIE-RS', 'PMP', 'H3CNE-PM', 'H3CS-IMC', 'H3CNE-SECURITY', 'H3CNE-X86'],
    },
    number: {
      type: 'string',
      minLength: 1,
      title: 'Certificate number',
      description: 'The number printed on the certificate; unique across the dossier.',
      examples: ['H3C-SE-204511'],
    },
    issued: {
      ...isoDate,
      title: 'Issue date',
      description: 'The day the certificate was issued (YYYY-MM-DD). A certificate issued after the application date does not count.',
      examples: ['2024-03-15'],
    },
    expires: {
      ...isoDate,
      title: 'Expiry date',
      description: 'The day the certificate expires (YYYY-MM-DD). It counts only when this is more than three months after the application date.',
      examples: ['2027-03-15'],
    },
    file: {
      ...materialFile,
      title: 'Electronic edition',
      description:
        "The certificate's electronic edition, a PDF, JPEG or PNG file of at most 10 MB, as a path relative to the dossier inside its folder; every check verifies it, and `starcheck pack` puts it in the submission.",
      examples: ['certificates/E01-H3CSE-RS-H3C-SE-204511.pdf'],
    },
  },
} as const;

const engineer = {
  type: 'object',
  title: 'Engineer',
  description: 'An after-sales engineer of the partner.',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      title: 'Engineer id',
      description: 'Your own id for the engineer; unique in the dossier. Reports name engineers by it.',
      examples: ['E01'],
    },
    name: { type: 'string', minLength: 1, title: 'Name', description: "The engineer's full name.", examples: ['Lee Wei Ming'] },
    email: {
      type: 'string',
      format: 'email',
      title: 'E-mail',
      description: "The engineer's work e-mail address.",
      examples: ['wm.lee@acme.example'],
    },
    leftOn: {
      ...isoDate,
      title: 'Left on',
      description: 'The day the engineer left the company. An engineer who left on or before the application date no longer counts.',
      examples: ['2027-01-10'],
    },
    joinedOn: {
      ...isoDate,
      title: 'Joined on',
      description: 'The day the engineer joined the company. A joiner fills the vacancy of a certified engineer who left within the rating year.',
      examples: ['2026-02-01'],
    },
    exitReportedOn: {
      ...isoDate,
      title: 'Exit reported on',
      description: 'The day the exit (leftOn) was reported to the vendor; due within the standard\'s working days of it.',
      examples: ['2027-01-12'],
    },
    credits: {
      type: 'integer',
      minimum: 0,
      title: 'Training credits',
      description: 'Vendor training credits of this engineer (used by the 2025 standard).',
      examples: [120],
    },
    certificates: {
      type: 'array',
      title: 'Certificates',
      description: 'The certificates this engineer holds.',
      examples: [[{ type: 'H3CSE-RS', number: 'H3C-SE-204511', issued: '2024-03-15', expires: '2027-03-15' }]],
      items: certificate,
    },
  },
} as const;

/** The schema the `Dossier` type is derived from: every object closed, no `x-` fields. */
export const dossierCoreSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  title: 'starcheck dossier',
  description:
    "A partner's application for the H3C partner star-rated service certification: engineers and their certificates, service platform, projects and lab.",
  type: 'object',
  required: ['schemaVersion', 'partner', 'engineers'],
  additionalProperties: false,
  properties: {
    $schema: {
      type: 'string',
      title: 'JSON Schema',
      description: 'The JSON Schema this file follows, for editors (a `# yaml-language-server: $schema=` comment does the same in YAML).',
      examples: ['node_modules/starcheck/schemas/dossier.schema.json'],
    },
    schemaVersion: {
      const: 1,
      title: 'Dossier format version',
      description: 'Always 1 for this format.',
      examples: [1],
    },
    partner: {
      type: 'object',
      title: 'Partner',
      description: 'The company applying.',
      examples: [{ name: 'Acme Networks Sdn Bhd', id: 'MY-0042', country: 'MY', channel: 'ACP' }],
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, title: 'Company name', description: "The partner's registered name; reports print it.", examples: ['Acme Networks Sdn Bhd'] },
        id: { type: 'string', minLength: 1, title: 'Partner id', description: "The vendor's id for the partner.", examples: ['MY-0042'] },
        country: {
          type: 'string',
          pattern: '^[A-Z]{2}$',
          title: 'Country',
          description: 'ISO 3166-1 alpha-2 country code.',
          examples: ['MY'],
        },
        channel: {
          enum: ['AD', 'ACPD', 'ACP', 'CP', 'ASP', 'ACSP'],
          title: 'Channel',
          description: 'Market channel (AD, ACPD, ACP, CP) or service channel (ASP, ACSP).',
          examples: ['ACP'],
        },
      },
    },
    application: {
      type: 'object',
      title: 'Application',
      description: 'The application itself. Command-line options override each field.',
      examples: [{ date: '2026-12-01', targetTier: 'three-star', standard: 'classic' }],
      additionalProperties: false,
      properties: {
        date: {
          ...isoDate,
          title: 'Submission date',
          description: 'The day the application is submitted; --as-of overrides it; without either, today.',
          examples: ['2026-12-01'],
        },
        targetTier: {
          type: 'string',
          minLength: 1,
          title: 'Target tier',
          description: 'The tier applied for; --require overrides it; without either, the lowest tier.',
          examples: ['three-star'],
        },
        standard: {
          type: 'string',
          minLength: 1,
          title: 'Standard',
          description: 'The standard to check against (a shipped id or a file); --standard overrides it.',
          examples: ['classic', '2025'],
        },
        form: {
          ...materialFile,
          title: 'Application form',
          description:
            'The filled-in application form for overseas star-rated certification, a PDF, JPEG or PNG file of at most 10 MB, as a path relative to the dossier inside its folder.',
          examples: ['application-form.pdf'],
        },
        currentRating: {
          type: 'object',
          title: 'Current rating',
          description: 'The rating held now, for a recertification.',
          examples: [{ tier: 'two-star', issued: '2025-12-15' }],
          required: ['tier', 'issued'],
          additionalProperties: false,
              properties: {
            tier: { type: 'string', minLength: 1, title: 'Tier', description: 'The tier of the rating held now.', examples: ['two-star'] },
            issued: { ...isoDate, title: 'Issue date', description: 'The day the current rating was issued.', examples: ['2025-12-15'] },
          },
        },
      },
    },
    engineers: {
      type: 'array',
      title: 'Engineers',
      description: "The partner's after-sales engineers.",
      examples: [[{ id: 'E01', name: 'Lee Wei Ming', certificates: [{ type: 'H3CNE', expires: '2027-06-01' }] }]],
      items: engineer,
    },
    serviceManager: {
      type: 'object',
      title: 'Service manager',
      description: 'The service manager; leave the block out when there is none.',
      examples: [{ name: 'Siti Rahman', email: 'siti@acme.example', phone: '+60 3 1234 5678' }],
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, title: 'Name', description: "The service manager's full name.", examples: ['Siti Rahman'] },
        email: { type: 'string', format: 'email', title: 'E-mail', description: "The service manager's e-mail address.", examples: ['siti@acme.example'] },
        phone: { type: 'string', minLength: 1, title: 'Phone', description: 'A phone number; quote it in YAML.', examples: ['+60 3 1234 5678'] },
      },
    },
    servicePlatform: {
      type: 'object',
      title: 'Service platform',
      description: 'The after-sales service platform.',
      examples: [{ hotline: { phone: '+60 3 8888 0000', hours: '7x24' }, supportEmail: 'support@acme.example' }],
      additionalProperties: false,
      properties: {
        hotline: {
          type: 'object',
          title: 'After-sales hotline',
          description: 'The after-sales service hotline; it counts when it has a phone number.',
          examples: [{ phone: '+60 3 8888 0000', hours: '7x24' }],
          additionalProperties: false,
              properties: {
            phone: { type: 'string', minLength: 1, title: 'Phone', description: 'The hotline number; quote it in YAML.', examples: ['+60 3 8888 0000'] },
            hours: { enum: ['7x24', '5x8'], title: 'Hours', description: '7x24 (all day, every day) or 5x8 (office hours).', examples: ['7x24'] },
          },
        },
        supportEmail: {
          type: 'string',
          format: 'email',
          title: 'Support e-mail',
          description: 'The support e-mail address customers write to.',
          examples: ['support@acme.example'],
        },
        issueTracking: {
          type: 'object',
          title: 'Issue tracking',
          description: 'The system and process for tracking and handling customer issues.',
          examples: [{ system: 'Jira Service Management', mode: 'automatic', handlingProcess: true }],
          additionalProperties: false,
              properties: {
            system: { type: 'string', minLength: 1, title: 'System', description: 'The issue-tracking system in use.', examples: ['Jira Service Management'] },
            mode: { enum: ['automatic', 'manual'], title: 'Mode', description: 'automatic or manual tracking.', examples: ['automatic'] },
            handlingProcess: {
              type: 'boolean',
              title: 'Handling process',
              description: 'True when a customer-issue handling process is documented.',
              examples: [true],
            },
          },
        },
      },
    },
    projects: {
      type: 'array',
      title: 'Projects',
      description: 'Engineering projects the partner delivered.',
      examples: [[{ name: 'State bank campus network', listPriceUsd: 1250000 }]],
      items: {
        type: 'object',
        title: 'Project',
        required: ['name', 'listPriceUsd'],
        additionalProperties: false,
          properties: {
          name: { type: 'string', minLength: 1, title: 'Project name', description: 'What the project is called.', examples: ['State bank campus network'] },
          customer: { type: 'string', minLength: 1, title: 'Customer', description: 'Who the project was delivered to.', examples: ['State Bank'] },
          listPriceUsd: {
            type: 'number',
            minimum: 0,
            maximum: 1e15,
            title: 'Equipment list price (USD)',
            description: 'The list price of the equipment delivered, in US dollars.',
            examples: [1250000],
          },
          completed: { ...isoDate, title: 'Completed', description: 'The day the project was completed.', examples: ['2025-06-30'] },
        },
      },
    },
    lab: {
      type: 'array',
      title: 'Lab',
      description: 'Lab equipment, used for experiments only.',
      examples: [[{ category: 'access-point', model: 'WA6320', quantity: 2 }]],
      items: {
        type: 'object',
        title: 'Lab item',
        required: ['category', 'model'],
        additionalProperties: false,
          properties: {
          category: {
            type: 'string',
            minLength: 1,
            title: 'Category',
            description: "A lab category of the standard's catalogue.",
            examples: ['cloud-lab', 'high-end-router', 'router', 'l3-switch', 'access-controller', 'access-point'],
          },
          model: { type: 'string', minLength: 1, title: 'Model', description: 'The equipment model.', examples: ['WA6320'] },
          quantity: {
            type: 'integer',
            minimum: 1,
            maximum: 1000000,
            default: 1,
            title: 'Quantity',
            description: 'How many units; a whole number, 1 when left out.',
            examples: [2],
          },
        },
      },
    },
    serviceEvents: {
      type: 'array',
      title: 'Service events',
      description: 'Service events of the rating year; a critical one may delay or prevent recertification.',
      examples: [[{ date: '2026-03-04', severity: 'critical', summary: 'Core switch outage at State Bank, 9 hours', resolvedOn: '2026-03-05' }]],
      items: {
        type: 'object',
        title: 'Service event',
        required: ['date', 'severity', 'summary'],
        additionalProperties: false,
        properties: {
          date: { ...isoDate, title: 'Date', description: 'The day the event occurred (YYYY-MM-DD).', examples: ['2026-03-04'] },
          severity: { enum: ['critical', 'major', 'minor'], title: 'Severity', description: 'critical, major or minor.', examples: ['critical'] },
          summary: { type: 'string', minLength: 1, title: 'Summary', description: 'What happened, in a line.', examples: ['Core switch outage at State Bank, 9 hours'] },
          resolvedOn: { ...isoDate, title: 'Resolved on', description: 'The day the event was resolved.', examples: ['2026-03-05'] },
        },
      },
    },
    training: {
      type: 'array',
      title: 'Training',
      description: 'Vendor service training, meetings and forums attended.',
      examples: [[{ date: '2026-05-12', title: 'Service Partner Forum', kind: 'forum' }]],
      items: {
        type: 'object',
        title: 'Training event',
        required: ['date', 'title', 'kind'],
        additionalProperties: false,
          properties: {
          date: { ...isoDate, title: 'Date', description: 'The day of the event (YYYY-MM-DD).', examples: ['2026-05-12'] },
          title: { type: 'string', minLength: 1, title: 'Title', description: 'The name of the event.', examples: ['Service Partner Forum'] },
          kind: { enum: ['training', 'meeting', 'forum'], title: 'Kind', description: 'training, meeting or forum.', examples: ['forum'] },
        },
      },
    },
  },
} as const;

/** Users may keep their own notes in fields starting with `x-`. */
const USER_NOTES = {
  '^x-': { description: 'Your own notes; starcheck keeps and ignores fields starting with "x-".' },
};

/**
 * Opens every closed object of a schema to `x-` fields. The engine never reads
 * them, so the derived type leaves them out and only the validator admits them.
 */
export function allowUserNotes(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(allowUserNotes);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `examples` and `enum` hold data, not subschemas.
    out[key] = key === 'examples' || key === 'enum' || key === 'const' ? value : allowUserNotes(value);
  }
  if (out.type === 'object' && out.additionalProperties === false) out.patternProperties = USER_NOTES;
  return out;
}

/** The published dossier schema (`schemas/dossier.schema.json`). */
export const dossierSchema = allowUserNotes(dossierCoreSchema) as Record<string, unknown>;

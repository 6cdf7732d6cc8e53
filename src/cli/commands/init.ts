/**
 * `starcheck init [file]`: a commented dossier template that passes
 * `starcheck validate`, opening with the schema link editors use for
 * completion and tooltips. It never overwrites a file: an existing file is a
 * usage error (exit 3), because nothing is wrong with any dossier.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, EXIT } from '../../check/errors.js';
import type { CliIo } from '../io.js';
import { publishedSchemaFile } from '../../schemas/emit.js';
import { writeNewFile } from '../output.js';
import { formatOf, parseSource } from '../../load/parse.js';

/** Where `starcheck init` writes when no file is named. */
export const DEFAULT_DOSSIER = 'dossier.yaml';

const packagedSchema = fileURLToPath(publishedSchemaFile('dossier.schema.json'));

/**
 * The schema link: relative to the directory the dossier lands in when the
 * schema lies below it (starcheck installed in the project's node_modules),
 * so the link survives moving the project; otherwise absolute (a global
 * install), which is clearer than a climb through "../../..".
 */
export function schemaLink(directory: string): string {
  const link = relative(directory, packagedSchema);
  return (link.startsWith('..') ? packagedSchema : link).split(sep).join('/');
}

export function dossierTemplate(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
#
# A starcheck dossier: one partner's application for the H3C star-rated
# service certification. Replace the example values with your own, then run
#   starcheck validate ${DEFAULT_DOSSIER}   (the format only)
#   starcheck check ${DEFAULT_DOSSIER}      (every tier, with the gaps)
# Dates are YYYY-MM-DD. Fields starting with "x-" are yours: starcheck
# keeps and ignores them. \`starcheck schema\` prints every field.
schemaVersion: 1

partner:
  name: Example Networks Ltd    # the company applying
  # id: MY-0042                 # the vendor's partner id
  # country: MY                 # ISO 3166-1 alpha-2
  # channel: ACP                # AD | ACPD | ACP | CP | ASP | ACSP

application:
  # date: 2026-12-01            # submission date; default today (--as-of overrides)
  targetTier: two-star          # four-star | three-star | two-star (--require overrides)
  standard: classic             # the standard to check against (--standard overrides)
  # form: application-form.pdf  # the application form (PDF, JPEG or PNG, beside this file)
  # currentRating:              # the rating held now, if any: its year's obligations are checked
  #   tier: two-star
  #   issued: 2025-12-15

engineers:                      # every after-sales engineer, certified or not
  - id: E01                     # your own id, unique in this file
    name: First Engineer
    # email: first@example.com
    # joinedOn: 2025-01-06      # the day the engineer joined
    # leftOn: 2027-01-10        # the day the engineer left, if they did
    # exitReportedOn: 2027-01-12  # the day the exit was reported to the vendor
    certificates:
      - type: H3CNE             # a code or alias; \`starcheck rules\` lists them and what each replaces
        number: H3C-NE-000001   # unique across the dossier
        issued: 2025-01-15
        expires: 2028-01-15     # must be more than 3 months after the application date
        # file: certificates/E01-H3CNE-H3C-NE-000001.pdf  # its electronic edition (PDF, JPEG or PNG, at most
        #   10 MB); named as starcheck pack names it, the zip holds it once

serviceManager:                 # leave the block out if there is none
  name: Service Manager
  # email: manager@example.com
  # phone: "+60 3 0000 0000"    # quote phone numbers

servicePlatform:
  hotline:
    phone: "+60 3 0000 0001"
    hours: 7x24                 # 7x24 | 5x8
  supportEmail: support@example.com
  issueTracking:
    system: Issue tracker name
    mode: automatic             # automatic | manual
    handlingProcess: true       # a documented customer-issue handling process

projects:                       # delivered engineering projects
  - name: Example campus network
    # customer: Example Bank
    listPriceUsd: 250000        # equipment list price in US dollars
    # completed: 2025-06-30

lab:                            # lab equipment for experiments
  - category: router            # cloud-lab | high-end-router | router | l3-switch | access-controller | access-point
    model: MSR3600
    quantity: 1                 # a whole number, 1 when left out

# serviceEvents:                # service events of the rating year
#   - date: 2026-03-04
#     severity: critical        # critical | major | minor
#     summary: Core switch outage, 9 hours
#     resolvedOn: 2026-03-05

# training:                     # vendor training, meetings and forums attended
#   - date: 2026-05-12
#     title: Service Partner Forum
#     kind: forum               # training | meeting | forum
`;
}

/**
 * The template as a JSON dossier, for a file named .json: the same fields
 * and values (JSON has no comments to carry the explanations), with the
 * schema link as `$schema`, which editors read in JSON.
 */
export function jsonDossierTemplate(schema: string): string {
  const parsed = parseSource(dossierTemplate(schema));
  if (!parsed.ok) throw new Error('the dossier template does not parse');
  return `${JSON.stringify({ $schema: schema, ...(parsed.parsed.data as object) }, null, 2)}\n`;
}

export async function runInit(file: string | undefined, io: CliIo): Promise<number> {
  const target = file ?? DEFAULT_DOSSIER;
  if (target === '-') {
    io.stdout.write(dossierTemplate(schemaLink(io.cwd)));
    return EXIT.ok;
  }
  const path = resolve(io.cwd, target);
  let written: boolean;
  try {
    const template = formatOf(path) === 'json' ? jsonDossierTemplate : dossierTemplate;
    written = await writeNewFile(path, template(schemaLink(dirname(path))), io.temporaries);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    const reason = code === 'ENOENT' ? 'its directory does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw new UsageError(`cannot write ${target}: ${reason}`);
  }
  if (!written) throw new UsageError(`${target} already exists; init never overwrites a file — name another file, or "-" for standard output`);
  io.stderr.write(`starcheck: wrote ${target}; edit it, then run: starcheck validate ${target}\n`);
  return EXIT.ok;
}

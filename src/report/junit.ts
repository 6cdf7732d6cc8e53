/**
 * `--format junit`: JUnit XML as CI test viewers read it (the common
 * Ant/Surefire dialect). A testsuite per dossier, a testcase per requirement
 * of the required tier, a failure carrying the gap text; an invalid dossier
 * is one testcase with an error. XML is built, and escaped, by fast-xml-parser.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { printableLines } from '../core/findings.js';
import { aroundLine, type DossierReport } from './run.js';
import type { Formatter } from './run.js';
import { obligationText } from './obligations.js';
import { locatedMessage, requiredTierOf, rowLabel, show, verdict } from './view.js';
import { materialGaps, MATERIALS_TITLE } from './materials.js';

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for a CI test viewer, which may well print it in a log: as printable as a text report, and XML 1.0 throughout. */
function clean(text: string): string {
  return printableLines(text, { colour: false }).replace(NOT_XML, '\uFFFD');
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

type Element = Record<string, unknown>;

function testcases(d: DossierReport): { cases: Element[]; counts: Counts } {
  const tier = requiredTierOf(d);
  // A validation-only report (`validate --format junit`): one testcase, passed.
  if (d.valid && d.tiers.length === 0) {
    return { cases: [{ '@_name': 'the dossier is valid', '@_classname': 'starcheck.validation', '@_file': clean(d.file) }], counts: { tests: 1, failures: 0, errors: 0, skipped: 0 } };
  }
  if (!d.valid || tier === undefined) {
    const lines = d.errors.map((e) => locatedMessage(d.file, e));
    const error = { '@_message': clean(verdict(d)), '@_type': d.errors[0]?.code ?? 'invalid', '#text': clean(lines.join('\n')) };
    return { cases: [{ '@_name': 'the dossier is valid', '@_classname': 'starcheck.validation', '@_file': clean(d.file), error }], counts: { tests: 1, failures: 0, errors: 1, skipped: 0 } };
  }
  const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases = tier.requirements.map((r): Element => {
    counts.tests++;
    const testcase: Element = {
      '@_name': clean(rowLabel(r)),
      '@_classname': clean(`starcheck.${tier.id}`),
      '@_file': clean(d.file),
      ...(r.line !== undefined ? { '@_line': r.line } : {}),
    };
    if (r.met) return r.note !== undefined ? { ...testcase, 'system-out': clean(r.note) } : testcase;
    if (tier.met) {
      // A row of an alternative path the tier did not need.
      counts.skipped++;
      return { ...testcase, skipped: { '@_message': 'not needed: the tier is met through another path' } };
    }
    counts.failures++;
    const where = r.line !== undefined ? `${d.file}:${r.line}:${r.column}` : d.file;
    const body = `${r.gap ?? ''}\nhas ${show(r.have)}, needs ${show(r.need)}\nat ${where}`;
    return { ...testcase, failure: { '@_message': clean(r.gap ?? `has ${show(r.have)}, needs ${show(r.need)}`), '@_type': r.id, '#text': clean(body) } };
  });
  // With --materials: a failed testcase per missing material, or one passed testcase for a complete submission.
  if (d.materials !== undefined) {
    const gaps = materialGaps(d);
    counts.tests += Math.max(1, gaps.length);
    counts.failures += gaps.length;
    const named = { '@_classname': 'starcheck.materials', '@_file': clean(d.file) };
    if (gaps.length === 0) cases.push({ '@_name': clean(`${MATERIALS_TITLE}: complete`), ...named });
    for (const gap of gaps) {
      cases.push({ '@_name': clean(gap.message), ...named, ...(gap.line !== undefined ? { '@_line': gap.line } : {}), failure: { '@_message': clean(gap.message), '@_type': gap.code, '#text': clean(locatedMessage(d.file, gap)) } });
    }
  }
  // The rating year's obligations, a testcase each: a breached one fails.
  for (const o of d.obligations ?? []) {
    counts.tests++;
    const testcase: Element = { '@_name': clean(`${o.code} ${o.engineer} due ${o.due}`), '@_classname': 'starcheck.obligations', '@_file': clean(d.file), ...(o.line !== undefined ? { '@_line': o.line } : {}) };
    if (o.status === 'breached') {
      counts.failures++;
      cases.push({ ...testcase, failure: { '@_message': clean(o.message), '@_type': o.code, '#text': clean(obligationText(o)) } });
    } else cases.push({ ...testcase, 'system-out': clean(obligationText(o)) });
  }
  return { cases, counts };
}

function testsuite(d: DossierReport): { suite: Element; counts: Counts } {
  const { cases, counts } = testcases(d);
  const properties = Object.entries({ partner: d.partner, standard: d.standard, asOf: d.asOf, requiredTier: d.requiredTier, highestTier: d.highestTier, verdict: verdict(d) })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => ({ '@_name': name, '@_value': clean(value) }));
  const suite: Element = {
    '@_name': clean(d.file),
    '@_tests': counts.tests,
    '@_failures': counts.failures,
    '@_errors': counts.errors,
    '@_skipped': counts.skipped,
    properties: { property: properties },
    testcase: cases,
    ...(d.warnings.length > 0 ? { 'system-out': clean(d.warnings.map((w) => `warning: ${locatedMessage(d.file, w)}`).join('\n')) } : {}),
  };
  return { suite, counts };
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });

/** Stands in for the testsuites while the document around them is built. */
const SUITES = '  <testsuite>0</testsuite>';

export const junit: Formatter<Counts> = {
  // A testsuite as it stands in the document: built inside a bare testsuites element, which is then cut away.
  part: (d) => {
    const built = builder.build({ testsuites: { testsuite: [testsuite(d).suite] } }) as string;
    return built.slice('<testsuites>\n'.length, built.length - '\n</testsuites>\n'.length);
  },
  note: (d) => testcases(d).counts,
  assemble: (run, _options, counts) => {
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    for (const c of counts) for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += c[key];
    const document = {
      '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
      testsuites: {
        '@_name': 'starcheck',
        '@_tests': total.tests,
        '@_failures': total.failures,
        '@_errors': total.errors,
        '@_skipped': total.skipped,
        testsuite: run.dossiers.length > 0 ? ['0'] : [],
      },
    };
    return aroundLine(`${(builder.build(document) as string).trimEnd()}\n`, SUITES, '\n');
  },
};

/**
 * Structural checks of every machine format: JUnit is XML that test viewers
 * read, SARIF validates against the SARIF 2.1.0 schema, CSV round-trips
 * through an RFC 4180 parser, the HTML page loads nothing from outside, and
 * the GitHub and Markdown outputs keep hostile text in its place.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatters, render, type RunResult } from '../../src/report/index.js';
import { root, runCli, scratchDirectory } from '../helpers.js';

/** Text a spreadsheet, an XML reader, a Markdown table or a workflow command could mistake for its own syntax. */
const HOSTILE = '=HYPERLINK("x"),<b>Ltd</b> & | *Co* :: %0A';

/** The two-star example under a hostile partner name and with a hostile engineer name. */
function hostileDossier(): string {
  return readFileSync(`${root}examples/two-star.yaml`, 'utf8')
    .replace('name: Lanna Systems Co., Ltd.', `name: ${JSON.stringify(`${HOSTILE}\nsecond line`)}`)
    .replace('name: Somchai Prasert', `name: ${JSON.stringify('-Somchai <i>')}`);
}

/** One run over several dossiers: a fail with gaps and warnings, a pass, an invalid one. */
async function output(format: string, extra: string[] = []): Promise<string> {
  const args = ['check', 'examples/three-star.yaml', 'examples/two-star.yaml', 'examples/invalid.yaml', '--as-of', '2026-12-01', '--require', 'four-star', '--warn-within', '200', '--format', format, ...extra];
  const { stdout, code } = await runCli(args);
  expect(code).toBe(2);
  return stdout;
}

async function hostileOutput(format: string): Promise<string> {
  const { stdout, code } = await runCli(['check', '-', '--as-of', '2026-12-01', '--format', format], { stdin: hostileDossier() });
  expect(code).toBe(0);
  return stdout;
}

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

  it('is well-formed XML with a testsuite per dossier and a testcase per requirement of the required tier', async () => {
    const xml = await output('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const suites = doc.testsuites.testsuite as Array<Record<string, any>>;
    expect(suites.map((s) => s.name)).toEqual(['examples/three-star.yaml', 'examples/two-star.yaml', 'examples/invalid.yaml']);
    const [three, two, invalid] = suites;
    // Four-star has 14 rows in the classic standard.
    expect(three!.testcase).toHaveLength(14);
    const failures = three!.testcase.filter((t: Record<string, any>) => t.failure);
    expect(failures).toHaveLength(Number(three!.failures));
    expect(failures.map((t: Record<string, any>) => t.failure.type)).toEqual(['project-management-certificate', 'special-certificates', 'certified-personnel']);
    expect(failures[0].failure.message).toContain('PMP expires 2027-03-01');
    expect(failures[0].line).toBeDefined();
    expect(Number(two!.failures)).toBe(11);
    expect(invalid!.testcase[0].error.message).toBe('invalid — 4 errors');
    expect(invalid!.testcase[0].error['#text']).toContain('examples/invalid.yaml:19:18:');
    expect(Number(doc.testsuites.tests)).toBe(14 + 14 + 1);
    expect(three!['system-out']).toContain('warning: examples/three-star.yaml');
  });

  it('escapes hostile names and still parses back to the same text', async () => {
    const xml = await hostileOutput('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const suite = parser.parse(xml).testsuites.testsuite[0];
    const partner = suite.properties.property.find((p: Record<string, string>) => p.name === 'partner');
    // XML normalises a newline inside an attribute to a space.
    expect(partner.value.replace(/\s+/g, ' ')).toBe(`${HOSTILE} second line`);
    expect(suite.name).toBe('<stdin>');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(`${root}test/fixtures/sarif/sarif-2.1.0-rtm.5.json`, 'utf8'));
  // Both are CommonJS; under NodeNext their default exports arrive wrapped.
  const AjvDraft04 = AjvDraft04Module as unknown as typeof Ajv;
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  // The schema's language-tag pattern is not valid as a Unicode regular expression.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 schema', async () => {
    const log = JSON.parse(await output('sarif'));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The validator is real: a result without its message is refused.
    delete log.runs[0].results[0].message;
    expect(validate(log)).toBe(false);
  });

  it('gives an open obligation the level GitHub gives it (warning), a breached one error', async () => {
    const args = ['check', 'examples/rated-partner.yaml', '--as-of', '2026-12-01', '--format'];
    const results = JSON.parse((await runCli([...args, 'sarif'])).stdout).runs[0].results as Array<Record<string, any>>;
    const github = (await runCli([...args, 'github'])).stdout.split('\n').filter((l) => l.includes('title=starcheck obligation '));
    const sarif = results.filter((r) => r.ruleId.startsWith('obligation/')).map((r) => `${r.level} ${r.properties.status}`);
    expect(sarif).toEqual(['warning open', 'warning open']);
    expect(github.map((l) => `${/^::(\w+)/.exec(l)![1]} ${/ (open|breached)::/.exec(l)![1]}`)).toEqual(sarif);
  });

  it('words each renewal of a report read back from JSON, whose keep items carry no text', async () => {
    const run = JSON.parse((await runCli(['check', 'examples/three-star.yaml', '--as-of', '2026-12-01', '--format', 'json'])).stdout);
    const log = JSON.parse(render(formatters.sarif!, { ...run, dossiers: run.dossiers.map((d: object) => ({ firstLapse: null, ...d })) }, { color: false, quiet: false }));
    const keep = (log.runs[0].results as Array<Record<string, any>>).filter((r) => r.ruleId === 'keep/renew-certificate');
    expect(keep).toHaveLength(2);
    for (const r of keep) expect(r.message.text).toMatch(/^Renew the \S+ of \S+ by \d{4}-\d{2}-\d{2}\.$/);
    expect(validate(log)).toBe(true);
  });

  it('has a result per gap, error and warning, each pointing at a dossier line', async () => {
    const log = JSON.parse(await output('sarif'));
    const [run] = log.runs;
    const results = run.results as Array<Record<string, any>>;
    const byFile = (file: string) => results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === file);
    // three-star.yaml: 3 gaps to four-star, its lapse warnings; invalid.yaml: 4 errors (the misspelt field once, not again as missing).
    expect(byFile('examples/three-star.yaml').filter((r) => r.ruleId.startsWith('requirement/')).map((r) => r.level)).toEqual(['error', 'error', 'error']);
    expect(byFile('examples/invalid.yaml').map((r) => [r.level, r.locations[0].physicalLocation.region.startLine])).toEqual([
      ['error', 19],
      ['error', 21],
      ['error', 23],
      ['error', 28],
    ]);
    // Every result names a rule the run lists (by id: its index would depend on the dossiers before it), each rule listed once.
    const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const result of results) {
      expect(ids).toContain(result.ruleId);
      expect(result.ruleIndex).toBeUndefined();
      if (result.ruleId.startsWith('requirement/')) expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(results.some((r) => r.ruleId === 'certificate-lapses' && r.level === 'warning')).toBe(true);
  });

  it('keeps an unusual file name a valid URI reference', async () => {
    const log = JSON.parse(await hostileOutput('sarif'));
    expect(validate(log)).toBe(true);
    expect(log.runs[0].results.at(-1).locations[0].physicalLocation.artifactLocation.uri).toBe('%3Cstdin%3E');
  });
});

describe('csv', () => {
  it('has one row per dossier under a header, with CRLF line ends', async () => {
    const text = await output('csv');
    expect(text.split('\r\n')).toHaveLength(5);
    const records = parseCsv(text, { columns: true }) as Array<Record<string, string>>;
    const applied = { standard: 'classic', own_standard: 'false', application_date: '2026-12-01' };
    expect(records).toEqual([
      {
        file: 'examples/three-star.yaml', partner_id: 'MY-0107', partner: 'Borneo Netcom Sdn Bhd', country: 'MY', channel: 'CP', ...applied,
        valid: 'true', highest_tier: 'three-star', required_tier: 'four-star', pass: 'false', gap_count: '3',
        unmet: 'project-management-certificate special-certificates certified-personnel', holds_until: '', warnings: 'certificate-lapses tier-lapses', first_error: '',
      },
      {
        file: 'examples/two-star.yaml', partner_id: '', partner: 'Lanna Systems Co., Ltd.', country: 'TH', channel: 'ASP', ...applied,
        valid: 'true', highest_tier: 'two-star', required_tier: 'four-star', pass: 'false', gap_count: '11',
        unmet: 'senior-certificate project-management-certificate special-certificates certified-personnel issue-tracking project-experience lab-cloud-lab lab-high-end-router lab-l3-switch lab-access-controller lab-access-point',
        holds_until: '', warnings: '', first_error: '',
      },
      {
        file: 'examples/invalid.yaml', partner_id: '', partner: 'Typo Trading Pte Ltd', country: 'SG', channel: '', ...applied,
        valid: 'false', highest_tier: '', required_tier: '', pass: 'false', gap_count: '', unmet: '', holds_until: '', warnings: '',
        first_error: 'examples/invalid.yaml:19:18: engineer S1 (Grace Ong), certificate 1 (H3CSE-R&S): expires is "2027-02-30", not a calendar date, write YYYY-MM-DD',
      },
    ]);
  });

  it('gives holds_until as the last day the required tier is held, the day text and JSON give, not the day after', async () => {
    for (const [file, tier, last] of [
      // H3CNE expiring 2027-06-01 stops counting on 2027-03-01 (3 months before): four-star is held through 2027-02-28.
      ['examples/four-star.yaml', 'four-star', '2027-02-28'],
      // Bo Lim's certificates aside, Chen's H3CSE-RS expiring 2027-09-10 stops counting on 2027-06-10.
      ['examples/three-star.yaml', 'three-star', '2027-06-09'],
    ] as const) {
      const csv = (await runCli(['check', file, '--require', tier, '--format', 'csv'])).stdout;
      const [record] = parseCsv(csv, { columns: true }) as Array<Record<string, string>>;
      expect(record!.holds_until).toBe(last);
      const json = JSON.parse((await runCli(['check', file, '--require', tier, '--format', 'json'])).stdout);
      expect(json.dossiers[0].tiers.find((t: { id: string }) => t.id === tier).holdsUntil).toBe(last);
    }
  });

  it('lists every warning code once, and neutralises a formula in a partner id', async () => {
    const dossier = readFileSync(`${root}examples/four-star.yaml`, 'utf8').replace('id: MY-0042', 'id: "=HYPERLINK(1)"');
    const [record] = parseCsv((await runCli(['check', '-', '--format', 'csv'], { stdin: dossier })).stdout, { columns: true }) as Array<Record<string, string>>;
    expect(record!.partner_id).toBe("'=HYPERLINK(1)");
    expect(record!.warnings).toBe('certificate-lapses tier-lapses');
  });

  it('round-trips commas, quotes and newlines, and neutralises formulas', async () => {
    const [record] = parseCsv(await hostileOutput('csv'), { columns: true }) as Array<Record<string, string>>;
    expect(record!.partner).toBe(`'${HOSTILE}\nsecond line`);
    expect(record!.file).toBe('<stdin>');
  });

  it('quotes a cell holding a bare line feed or carriage return, so no reader takes it for the end of the row', async () => {
    const dossier = readFileSync(`${root}examples/two-star.yaml`, 'utf8').replace('name: Lanna Systems Co., Ltd.', `name: ${JSON.stringify('Lanna\nSystems\rCo')}`);
    const { stdout } = await runCli(['check', '-', '--as-of', '2026-12-01', '--format', 'csv'], { stdin: dossier });
    expect(stdout.split('\r\n')).toHaveLength(3);
    expect(stdout).toContain('"Lanna\nSystems\rCo"');
  });
});

describe('terminal safety', () => {
  it('never lets a dossier\'s escape codes, bell or text-direction marks reach the reader: text, --quiet and markdown show them as \\uXXXX', async () => {
    const dossier = readFileSync(`${root}examples/two-star.yaml`, 'utf8')
      .replace('name: Lanna Systems Co., Ltd.', `name: ${JSON.stringify('Evil\u001b[2J\u0007Co')}`)
      .replace('name: Somchai Prasert', `name: ${JSON.stringify('\u202eBo\u001b[31mLim')}`);
    for (const extra of [[], ['--quiet'], ['--format', 'markdown']]) {
      const { stdout, stderr } = await runCli(['check', '-', '--as-of', '2026-12-01', '--warn-within', '2000', ...extra], { stdin: dossier });
      expect(stdout + stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
      if (extra.length === 0) expect(stdout).toContain('Evil\\u001b[2J\\u0007Co');
    }
  });
});

describe('html', () => {
  const EXTERNAL = [/<script/i, /<link/i, /<iframe/i, /<img/i, /\bsrc\s*=/i, /\bhref\s*=\s*\"(?!#)/i, /url\(/i, /@import/i, /https?:\/\//i];

  it('is one self-contained page: no script, link, image, import or URL of any kind (the index links within the page)', async () => {
    const page = await output('html');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const pattern of EXTERNAL) expect(page).not.toMatch(pattern);
    expect(page).toContain('Borneo Netcom Sdn Bhd');
    expect(page).toContain('When each tier lapses');
    // The batch's index: a row per dossier, linking to its section.
    const links = [...page.matchAll(/<a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(links).toHaveLength(3);
    for (const id of links) expect(page).toContain(`<section class="dossier" id="${id}">`);
  });

  it('escapes names, so a dossier cannot add markup', async () => {
    const page = await hostileOutput('html');
    expect(page).not.toContain('<b>Ltd</b>');
    expect(page).not.toContain('<i>');
    expect(page).toContain('&lt;b&gt;Ltd&lt;/b&gt; &amp; |');
  });
});

describe('github', () => {
  it('annotates gaps and errors with file, line and column, lapses as warnings', async () => {
    const lines = (await output('github')).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error file=examples/three-star.yaml,line='))).toHaveLength(3);
    expect(lines).toContain('::error file=examples/invalid.yaml,line=19,col=18,title=starcheck bad-date::engineer S1 (Grace Ong), certificate 1 (H3CSE-R&S): expires is "2027-02-30", not a calendar date, write YYYY-MM-DD');
    expect(lines.some((l) => /^::warning file=examples\/three-star\.yaml,line=\d+,col=\d+,title=starcheck certificate-lapses::/.test(l))).toBe(true);
    expect(lines.filter((l) => /^::notice .*title=starcheck (PASS|FAIL|INVALID)::/.test(l))).toHaveLength(3);
    // Each renewal that keeps three-star, at its certificate's line.
    expect(lines.filter((l) => /^::notice file=examples\/three-star\.yaml,line=\d+,col=\d+,title=starcheck%3A keep three-star::Renew the /.test(l))).toHaveLength(2);
  });

  it('escapes %, newlines and, in properties, : and , so a message cannot start a command', () => {
    const run: RunResult = {
      tool: { name: 'starcheck', version: '0.0.0' },
      standard: { id: 'classic', title: 'classic' },
      dossiers: [
        {
          file: 'a,b:c.yaml', partner: null, standard: null, asOf: null, valid: false, tiers: [], warnings: [],
          errors: [{ code: 'syntax', severity: 'error', message: '100% wrong\n::error::injected', line: 3, column: 1 }],
          highestTier: null, requiredTier: null, pass: false, firstLapse: null,
        },
      ],
      summary: { total: 1, passed: 0, failed: 0, invalid: 1 },
    };
    expect(render(formatters.github!, run, { color: false, quiet: false })).toBe(
      '::error file=a%2Cb%3Ac.yaml,line=3,col=1,title=starcheck syntax::100%25 wrong%0A::error::injected\n' +
        '::notice file=a%2Cb%3Ac.yaml,title=starcheck INVALID::invalid — 1 error\n',
    );
  });
});

describe('markdown', () => {
  it('gives a batch on standard output a summary table, then the gaps of the dossiers that fail', async () => {
    const md = await output('markdown');
    const rows = md.split('\n').filter((l) => l.startsWith('| examples/'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toBe('| examples/three-star.yaml | Borneo Netcom Sdn Bhd | three-star — 3 gaps to four-star | four-star | ❌ fail |');
    expect(md).toContain('### Gaps of the dossiers that fail\n\n#### examples/three-star.yaml — Borneo Netcom Sdn Bhd');
    expect(md).toMatch(/- \*\*PMP or H3CNE-PM\*\*: needs 1 more PMP or H3CNE-PM/);
    // Only what fails: no requirement tables, no other tiers.
    expect(md).not.toContain('<details>');
    expect(md).not.toContain('Other tiers');
  });

  it('gives a batch written to a file the whole report, each dossier with its required tier first', async () => {
    const dir = scratchDirectory();
    await output('markdown', ['-o', `${dir}/report.md`]);
    const md = readFileSync(`${dir}/report.md`, 'utf8');
    expect(md).toContain('#### ❌ Four-star (required): not met, 3 gaps');
    expect(md).toContain('**Other tiers**\n\n- ✅ Three-star: met, holds until 2027-06-09');
    expect(md).not.toContain('Gaps of the dossiers that fail');
  });

  it('keeps a hostile name inside its table cell', async () => {
    const md = await hostileOutput('markdown');
    const row = md.split('\n').find((l) => l.startsWith('| <stdin>') || l.startsWith('| \\<stdin\\>'))!;
    // Five cells: six unescaped pipes.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
    expect(row).toContain('\\<b\\>Ltd\\</b\\> & \\| \\*Co\\*');
  });
});

describe('formatter registry', () => {
  it('names every format of the spec', () => {
    expect(Object.keys(formatters).sort()).toEqual(['csv', 'github', 'html', 'ics', 'json', 'junit', 'markdown', 'sarif', 'text']);
  });

  it('holds pure functions: a frozen run gives the same text twice', async () => {
    const run = JSON.parse((await runCli(['check', ...['three-star', 'two-star', 'invalid'].map((e) => `examples/${e}.yaml`), '--format', 'json'])).stdout);
    const deepFreeze = (value: unknown): void => {
      if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
      Object.freeze(value);
      for (const child of Object.values(value)) deepFreeze(child);
    };
    const frozen: RunResult = { ...run, dossiers: run.dossiers.map((d: object) => ({ firstLapse: null, ...d })) };
    deepFreeze(frozen);
    for (const [name, format] of Object.entries(formatters)) {
      const first = render(format, frozen, { color: false, quiet: false });
      expect(render(format, frozen, { color: false, quiet: false }), name).toBe(first);
    }
  });
});

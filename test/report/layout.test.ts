/**
 * The reader's tier first (issue 16): the verdict, then the required tier —
 * or the next one up when it is met — in full, then a line per other tier;
 * --tiers picks others; text fits the width it is given; obligations are no
 * gaps; a batch's Markdown comment fits GitHub's limit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDossier, format, type DossierReport } from '../../src/index.js';
import { COMMENT_LIMIT } from '../../src/report/markdown-comment.js';
import { root, runCli } from '../helpers.js';

const example = (name: string): string => readFileSync(`${root}examples/${name}.yaml`, 'utf8');
const check = (name: string, settings: { require?: string } = {}): DossierReport => checkDossier(example(name), { file: `examples/${name}.yaml`, asOf: '2026-12-01', ...settings });

/** A first application under the 2025 standard: the credits partner without the rating it holds. */
const firstApplication2025 = (): DossierReport =>
  checkDossier(readFileSync(`${root}test/fixtures/dossiers/credits-partner.yaml`, 'utf8').replace(/ {2}currentRating:\n.*\n.*\n/, ''), { file: 'first.yaml', asOf: '2026-12-01', require: 'four-star' });

/** The tier headings of a text report: lines that start with a tier's name. */
const headings = (text: string): string[] => text.split('\n').filter((l) => /^(Four|Three|Two)-star/.test(l));
const tables = (text: string): number => text.split('\n').filter((l) => l.startsWith('┌')).length;

describe('the reader\'s tier first', () => {
  it('shows the next tier up when the required one is met, the others a line each', () => {
    const text = format('text', [check('two-star')]);
    expect(text.split('\n')[0]).toMatch(/^PASS examples\/two-star\.yaml: two-star — 9 gaps to three-star/);
    expect(headings(text)).toEqual(['Three-star (next tier up) — not met, 9 gaps']);
    expect(tables(text)).toBe(1);
    expect(text).toContain('Other tiers\n  Four-star — not met, 11 gaps\n  Two-star (required) — met, holds until 2028-03-31');
  });

  it('shows the required tier when it is not met', () => {
    const text = format('text', [check('two-star', { require: 'four-star' })]);
    expect(headings(text)).toEqual(['Four-star (required) — not met, 11 gaps']);
    expect(text).toContain('  Three-star — not met, 9 gaps\n  Two-star — met');
  });

  it('shows the highest tier, required and met, with nothing above it', () => {
    const text = format('text', [check('four-star')]);
    expect(headings(text)).toEqual(['Four-star (required) — met, holds until 2027-02-28']);
  });

  it('prints every table with --tiers all, and the picked ones with ids', () => {
    const report = check('two-star');
    expect(tables(format('text', [report], { tiers: 'all' }))).toBe(3);
    expect(format('text', [report], { tiers: 'all' })).not.toContain('Other tiers');
    const picked = format('text', [report], { tiers: ['four-star', 'two-star'] });
    expect(headings(picked)).toEqual(['Four-star — not met, 11 gaps', 'Two-star (required) — met, holds until 2028-03-31']);
    expect(picked).toContain('Other tiers\n  Three-star (next tier up) — not met, 9 gaps');
  });

  it('leads the Markdown and the HTML with the same tier', () => {
    const report = check('two-star');
    const md = format('markdown', [report]);
    expect(md.indexOf('#### ❌ Three-star (next tier up): not met, 9 gaps')).toBeGreaterThan(0);
    expect(md).toContain('**Other tiers**\n\n- ❌ Four-star: not met, 11 gaps\n- ✅ Two-star (required): met, holds until 2028-03-31');
    const html = format('html', [report]);
    expect(html).toMatch(/<h3>Three-star \(next tier up\)/);
    expect(html.match(/<table class="requirements"/g)).toHaveLength(1);
  });
});

describe('--tiers on the command line', () => {
  it('refuses a tier the standard does not have, listing the known ones (exit 3)', async () => {
    const { code, stderr, stdout } = await runCli(['check', 'examples/two-star.yaml', '--tiers', 'three-star,fourstar']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toBe('starcheck: --tiers: "fourstar" is not a tier of the classic standard — did you mean "four-star"? Known tiers: four-star, three-star, two-star, or all\n');
  });

  it('takes tier ids and all', async () => {
    const some = await runCli(['check', 'examples/two-star.yaml', '--tiers', 'two-star']);
    expect(headings(some.stdout)).toEqual(['Two-star (required) — met, holds until 2028-03-31']);
    const all = await runCli(['check', 'examples/two-star.yaml', '--tiers', 'all']);
    expect(tables(all.stdout)).toBe(3);
  });
});

describe('the text width', () => {
  const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));
  const batch = (): DossierReport[] => ['two-star', 'three-star', 'invalid'].map((n) => check(n));

  for (const width of [60, 80, 117, 160]) {
    it(`fits ${width} columns, batch summary included`, () => {
      const text = format('text', batch(), { tiers: 'all', width });
      expect(widest(text)).toBeLessThanOrEqual(width);
      // The tables use the room they are given.
      expect(widest(text)).toBeGreaterThanOrEqual(width - 4);
    });
  }

  it('keeps within 60 to 160 columns whatever it is given', () => {
    expect(widest(format('text', batch(), { width: 300 }))).toBe(160);
    expect(widest(format('text', batch(), { width: 20 }))).toBeLessThanOrEqual(60);
  });

  it('follows a terminal, and is 80 columns when standard output is none', async () => {
    const args = ['check', 'examples/two-star.yaml', '--no-color'];
    const wide = widest((await runCli(args, { isTTY: true, columns: 120 })).stdout);
    expect(wide).toBeLessThanOrEqual(120);
    expect(wide).toBeGreaterThanOrEqual(120 - 4);
    expect(widest((await runCli(args, { isTTY: false, columns: 120 })).stdout)).toBeLessThanOrEqual(80);
    expect((await runCli(args, { isTTY: false, columns: 120 })).stdout).toBe((await runCli(args)).stdout);
  });
});

describe('obligations that are not gaps', () => {
  const report = firstApplication2025();

  it('shows training on a first 2025 application as owed, not as met', () => {
    const text = format('text', [report], { tiers: 'all' });
    const rows = text.split('\n').filter((l) => l.startsWith('│ Vendor service training'));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/│ –\s+│ \d\s+│ ○ owed\s+│$/);
    expect(text).toContain('owed in the year after');
    expect(format('markdown', [report], { tiers: 'all' })).toContain('| – | 3 | 🕓 owed in the year after certification: 3 events |');
    expect(format('html', [report], { tiers: 'all' })).toContain('owed in the year after certification: 3 events');
  });

  it('counts in a tier heading the gaps its table marks, and says which path is nearest', () => {
    const text = format('text', [report]);
    expect(headings(text)[0]).toBe('Four-star (required) — not met, 3 gaps');
    const table = text.slice(text.indexOf('┌'), text.indexOf('┘'));
    expect(table.match(/✗ gap/g)).toHaveLength(3);
    expect(text).toMatch(/Paths: either technical certificates \(3 gaps\) or channel credits \(1 gap\), with\s+the rows every path needs — channel credits is nearest\./);
  });
});

describe('a batch\'s Markdown comment', () => {
  it('fits GitHub\'s limit and says what it left out', () => {
    const failing = check('two-star', { require: 'four-star' });
    const reports = Array.from({ length: 300 }, (_, i) => ({ ...failing, file: `dossiers/partner-${String(i).padStart(4, '0')}.yaml` }));
    const md = format('markdown', reports);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const shownRows = md.split('\n').filter((l) => l.startsWith('| dossiers/')).length;
    const shownSections = md.split('\n').filter((l) => l.startsWith('#### dossiers/')).length;
    expect(shownRows).toBe(300);
    expect(shownSections).toBeGreaterThan(0);
    expect(md.trimEnd().split('\n').at(-1)).toBe(
      `_Left out to fit a GitHub comment (65,536 characters): the gaps of ${300 - shownSections} dossiers that fail. The whole report: \`--format markdown=report.md\`._`,
    );
    // Written whole, nothing is left out.
    expect(format('markdown', reports, { whole: true })).not.toContain('Left out');
  });

  it('cuts the summary itself when its rows alone pass the limit', () => {
    const passing = check('four-star');
    const reports = Array.from({ length: 1000 }, (_, i) => ({ ...passing, file: `dossiers/partner-${String(i).padStart(4, '0')}.yaml` }));
    const md = format('markdown', reports);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const shownRows = md.split('\n').filter((l) => l.startsWith('| dossiers/')).length;
    expect(shownRows).toBeLessThan(1000);
    expect(md).toContain(`: ${1000 - shownRows} rows of the summary. The whole report`);
  });
});

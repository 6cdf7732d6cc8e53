/// <reference lib="dom" />
/**
 * The HTML page in a real browser (issue 16): Debian's chromium, driven by
 * puppeteer-core (which downloads no browser; `npm test` installs chromium and
 * poppler-utils when missing). At 390 px nothing overflows; printed on A4
 * the first page is not blank, no heading ends a page and no timeline is
 * split.
 *
 * Where a page breaks is known only to the printed PDF, so the PDF is read
 * back: pages are counted as its `/Type /Page` objects, and its text is taken
 * page by page with poppler's pdftotext (-layout keeps each line of the page
 * a line; pages are separated by form feeds). A page ends with a heading when
 * its last line is a heading's text, or the end of one that wrapped; a
 * timeline is whole when each page has as many timeline headings as axes
 * (the line of its two dates, its last line).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDossier, format, type DossierReport } from '../../src/index.js';
import { root, scratchDirectory } from '../helpers.js';

/** Where a program is on PATH, or undefined. */
function which(program: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

const example = (name: string): DossierReport => checkDossier(readFileSync(`${root}examples/${name}.yaml`, 'utf8'), { file: `examples/${name}.yaml`, asOf: '2026-12-01' });
/** A first application under the 2025 standard, with paths and an owed row. */
const firstApplication = (): DossierReport =>
  checkDossier(readFileSync(`${root}test/fixtures/dossiers/credits-partner.yaml`, 'utf8').replace(/ {2}currentRating:\n.*\n.*\n/, ''), { file: 'first.yaml', asOf: '2026-12-01', require: 'four-star' });

const pages = {
  single: () => format('html', [example('two-star')]),
  batch: () => format('html', [example('four-star'), example('three-star'), example('two-star'), example('invalid'), firstApplication()], { tiers: 'all' }),
};

let browser: Browser;
let scratch: string;

beforeAll(async () => {
  const chromium = which('chromium');
  if (chromium === undefined) throw new Error('chromium is not installed: run `apt-get install -y chromium` (npm test installs it when missing: test/ensure-browser.sh)');
  if (which('pdftotext') === undefined) throw new Error('pdftotext is not installed: run `apt-get install -y poppler-utils` (npm test installs it when missing: test/ensure-browser.sh)');
  scratch = scratchDirectory('browser');
  browser = await puppeteer.launch({
    executablePath: chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(scratch, 'profile')}`],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe.each(Object.entries(pages))('the %s page', (name, html) => {
  it('fits 390 px: the document is no wider than the viewport', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 390, height: 844 });
    await page.setContent(html());
    const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('prints on A4 with the partner on page 1, no heading at a page foot and every timeline on one page', async () => {
    const page = await browser.newPage();
    await page.setContent(html());
    await page.emulateMediaType('print');
    const headings = (await page.evaluate(() => Array.from(document.querySelectorAll('h1, h2, h3, h4'), (h) => (h as HTMLElement).innerText))).map(squeeze);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    await page.close();
    const file = join(scratch, `${name}.pdf`);
    writeFileSync(file, pdf);

    const count = Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    const printed = text.split('\f').slice(0, count).map((p) => p.split('\n').map(squeeze).filter((l) => l !== ''));
    expect(printed).toHaveLength(count);
    // Not a blank first page: it opens with the partner (one dossier) or the index (a batch).
    expect(printed[0]![0]).toBe(name === 'single' ? 'Lanna Systems Co., Ltd.' : 'Star-rated service eligibility');
    if (name === 'single') expect(count).toBeLessThanOrEqual(2);
    else expect(count).toBeGreaterThan(5);

    for (const [index, lines] of printed.entries()) {
      const last = lines.at(-1)!;
      if (index < printed.length - 1) expect(headings.some((h) => h === last || (h.endsWith(last) && last.length > 3)), `page ${index + 1} ends with the heading "${last}"`).toBe(false);
      const timelines = lines.filter((l) => l === 'When each tier lapses').length;
      const axes = lines.filter((l) => /^\d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2}$/.test(l)).length;
      expect(axes, `page ${index + 1}: a timeline split`).toBe(timelines);
    }
    expect(printed.flat().filter((l) => l === 'When each tier lapses')).toHaveLength(name === 'single' ? 1 : 4);
  }, 30_000);
});

/**
 * Issue 19: the files a dossier names (a certificate's file:, application.form)
 * are checked on every check, confined as its own standard is, and with
 * --materials the submission must name every one it needs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/index.js';
import { root, runCli, scratchDirectory } from '../helpers.js';

const PDF = readFileSync(join(root, 'examples/submission/application-form.pdf'));
const PNG = readFileSync(join(root, 'examples/submission/certificates/T2-H3CNE-H3C-NE-400377.png'));
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

/** A two-engineer dossier; `files` are the two certificates' file: values, `form` the application's. */
function dossierText(files: Array<string | undefined>, form?: string): string {
  const file = (f: string | undefined): string => (f === undefined ? '' : `\n        file: ${JSON.stringify(f)}`);
  return `schemaVersion: 1
partner: {name: P, id: X-1}
application:
  date: 2026-12-01
  targetTier: two-star${form === undefined ? '' : `\n  form: ${JSON.stringify(form)}`}
engineers:
  - id: E01
    name: A
    certificates:
      - type: H3CNE
        number: N-1
        expires: 2029-01-01${file(files[0])}
  - id: E02
    name: B
    certificates:
      - type: H3CSE-RS
        number: N-2
        expires: 2029-01-01${file(files[1])}
serviceManager: {name: M}
servicePlatform: {hotline: {phone: "1"}}
`;
}

let top: string;
let folder: string;
beforeAll(() => {
  top = scratchDirectory('materials');
  folder = join(top, 'partner');
  mkdirSync(join(folder, 'certs', 'dir.pdf'), { recursive: true });
  writeFileSync(join(top, 'outside.pdf'), PDF);
  writeFileSync(join(folder, 'certs', 'a.pdf'), PDF);
  writeFileSync(join(folder, 'certs', 'b.png'), PNG);
  writeFileSync(join(folder, 'certs', 'c.JPG'), JPEG);
  writeFileSync(join(folder, 'certs', 'copy-of-a.pdf'), PDF);
  writeFileSync(join(folder, 'certs', 'text.pdf'), 'not a pdf at all\n');
  writeFileSync(join(folder, 'certs', 'png-named.pdf'), PNG);
  writeFileSync(join(folder, 'certs', 'empty.pdf'), '');
  writeFileSync(join(folder, 'certs', 'notes.txt'), PDF);
  // Sparse: 10 MB plus one byte, of which only the first bytes are written.
  writeFileSync(join(folder, 'certs', 'big.pdf'), PDF);
  truncateSync(join(folder, 'certs', 'big.pdf'), 10_000_001);
  writeFileSync(join(folder, 'certs', 'limit.pdf'), PDF);
  truncateSync(join(folder, 'certs', 'limit.pdf'), 10_000_000);
  execFileSync('mkfifo', [join(folder, 'certs', 'fifo.pdf')]);
  symlinkSync('../../outside.pdf', join(folder, 'certs', 'link-out.pdf'));
  symlinkSync('a.pdf', join(folder, 'certs', 'link-in.pdf'));
  symlinkSync('notes.txt', join(folder, 'certs', 'txt-link.pdf'));
});

async function check(text: string, ...flags: string[]): Promise<{ code: number; dossier: any }> {
  const file = join(folder, `d-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const { code, stdout } = await runCli(['check', file, '--format', 'json', ...flags]);
  return { code, dossier: JSON.parse(stdout).dossiers[0] };
}

describe('a named file that is not a good one is a located error of the dossier (exit 2)', () => {
  it.each([
    ['a missing file', 'certs/nowhere.pdf', 'confined', 'no such file'],
    ['a directory', 'certs/dir.pdf', 'bad-material', 'is a directory'],
    ['a FIFO (never waited on)', 'certs/fifo.pdf', 'bad-material', 'not a regular file'],
    ['a link out of the folder', 'certs/link-out.pdf', 'confined', 'outside the dossier'],
    ['a parent folder', '../outside.pdf', 'confined', 'outside the dossier'],
    ['an absolute path', '/etc/passwd.pdf', 'confined', 'absolute path'],
    ['over 10 MB (sparse)', 'certs/big.pdf', 'bad-material', 'over the 10 MB limit'],
    ['text named .pdf', 'certs/text.pdf', 'bad-material', 'not a PDF, JPEG or PNG file by its content'],
    ['an empty file', 'certs/empty.pdf', 'bad-material', 'empty file'],
    ['a name that is no material', 'certs/notes.txt', 'confined', 'is not a .pdf, .jpg, .jpeg or .png file'],
    ['a .pdf link to a .txt file', 'certs/txt-link.pdf', 'confined', 'after resolving links'],
    ['a NUL in the name', 'certs/a\u0000.pdf', 'confined', 'engineer E01 (A), certificate 1 (H3CNE): file "certs/a\\u0000.pdf" holds a NUL character, which no file name can'],
  ])('%s', async (_what, ref, code, words) => {
    const { code: exit, dossier } = await check(dossierText([ref, undefined]));
    expect(exit).toBe(2);
    expect(dossier.valid).toBe(false);
    expect(dossier.errors).toHaveLength(1);
    expect(dossier.errors[0]).toMatchObject({ code, path: '/engineers/0/certificates/0/file', line: 13, column: 15 });
    expect(dossier.errors[0].message).toContain(words);
  });

  it('the form is located at its own field', async () => {
    const { code, dossier } = await check(dossierText([undefined, undefined], 'certs/text.pdf'));
    expect(code).toBe(2);
    expect(dossier.errors[0]).toMatchObject({ code: 'bad-material', path: '/application/form', line: 6, column: 9 });
    expect(dossier.errors[0].message).toMatch(/^application\.form "certs\/text\.pdf" is not a PDF/);
  });

  it('is one located line in the text report too', async () => {
    const file = join(folder, 'located.yaml');
    writeFileSync(file, dossierText(['certs/empty.pdf', undefined]));
    const { code, stdout } = await runCli(['check', file, '--no-color']);
    expect(code).toBe(2);
    expect(stdout.replace(/\n +/g, ' ')).toContain(`${file}:13:15: engineer E01 (A), certificate 1 (H3CNE): file "certs/empty.pdf" is an empty file`);
  });
});

describe('good files', () => {
  it.each([
    ['a PDF', 'certs/a.pdf', 'pdf'],
    ['a PNG', 'certs/b.png', 'png'],
    ['a JPEG named .JPG', 'certs/c.JPG', 'jpeg'],
    ['a PNG named .pdf: the content says what it is', 'certs/png-named.pdf', 'png'],
    ['a link inside the folder', 'certs/link-in.pdf', 'pdf'],
    ['exactly 10 MB', 'certs/limit.pdf', 'pdf'],
  ])('%s', async (_what, ref, kind) => {
    const { code, dossier } = await check(dossierText([ref, 'certs/b.png'], 'certs/a.pdf'), '--materials');
    expect(code).toBe(0);
    expect(dossier.materials).toEqual({
      complete: true,
      missing: [],
      files: [
        { path: ref, kind, bytes: ref === 'certs/limit.pdf' ? 10_000_000 : readFileSync(join(folder, ref)).length },
        { path: 'certs/b.png', kind: 'png', bytes: PNG.length },
        { path: 'certs/a.pdf', kind: 'pdf', bytes: PDF.length },
      ],
    });
  });
});

describe('--materials', () => {
  it('lists each counting certificate without its file and a missing form, located, and fails (exit 1)', async () => {
    const { code, dossier } = await check(dossierText(['certs/a.pdf', undefined]), '--materials');
    expect(code).toBe(1);
    expect(dossier.pass).toBe(false);
    expect(dossier.materials.complete).toBe(false);
    expect(dossier.materials.missing).toEqual([
      { engineer: 'E02', type: 'H3CSE-RS', number: 'N-2', path: '/engineers/1/certificates/0', line: 17, column: 9 },
      { engineer: null, type: 'application-form', number: null, path: '/application', line: 4, column: 3 },
    ]);
  });

  it('leaves out a certificate that does not count on the date', async () => {
    const text = dossierText(['certs/a.pdf', undefined], 'certs/a.pdf').replace('expires: 2029-01-01\nserviceManager', 'expires: 2027-03-01\nserviceManager');
    const { code, dossier } = await check(text, '--materials');
    expect(dossier.materials).toMatchObject({ complete: true, missing: [] });
    // Complete, but two-star needs two certified engineers: the tier fails the dossier, not the materials.
    expect(dossier.tiers.at(-1).met).toBe(false);
    expect(code).toBe(1);
  });

  it('without it, no section and no materials in JSON', async () => {
    const { code, dossier } = await check(dossierText([undefined, undefined]));
    expect(code).toBe(0);
    expect(dossier.materials).toBeUndefined();
  });

  it('is a section of the text, markdown and html reports, and findings in sarif, github and junit', async () => {
    const file = join(folder, 'sections.yaml');
    writeFileSync(file, dossierText(['certs/a.pdf', undefined]));
    const out = async (format: string): Promise<string> => (await runCli(['check', file, '--materials', '--format', format, '--no-color'])).stdout;
    expect((await out('text')).replace(/\n    /g, ' ')).toContain(`Submission materials — 2 missing\n  ✗ ${file}:17:9: missing from the submission: E02's H3CSE-RS certificate N-2`);
    expect(await out('markdown')).toContain('#### ❌ Submission materials: 2 missing');
    expect(await out('html')).toContain('<h3>Submission materials: 2 missing</h3>');
    expect(await out('github')).toContain(`::error file=${file},line=17,col=9,title=starcheck missing-material::`);
    expect(JSON.parse(await out('sarif')).runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'missing-material')).toHaveLength(2);
    expect(await out('junit')).toContain('classname="starcheck.materials"');
  });
});

describe('same-certificate-file', () => {
  it('warns each certificate of one dossier whose file has the same content as another’s', async () => {
    const { code, dossier } = await check(dossierText(['certs/a.pdf', 'certs/copy-of-a.pdf']));
    expect(code).toBe(0);
    expect(dossier.warnings.map((w: { code: string; path: string }) => [w.code, w.path])).toEqual([
      ['same-certificate-file', '/engineers/0/certificates/0/file'],
      ['same-certificate-file', '/engineers/1/certificates/0/file'],
    ]);
    // The other certificate is named in a person's words, not as a pointer.
    expect(dossier.warnings[0].message).toMatch(/has the same content as the file of engineer \S+ \([^)]+\), certificate 1 \([^)]+\) \("certs\/copy-of-a\.pdf"\);/);
    expect(dossier.warnings[0].message).not.toContain('engineers.1');
  });

  it('does not warn distinct files', async () => {
    const { dossier } = await check(dossierText(['certs/a.pdf', 'certs/b.png']));
    expect(dossier.warnings).toEqual([]);
  });

  it('warns across a batch of unpacked submissions, each finding its files beside it', async () => {
    const batch = scratchDirectory('materials-batch');
    for (const [name, number] of [['one', 'N-1'], ['two', 'N-9']] as const) {
      mkdirSync(join(batch, name, 'certs'), { recursive: true });
      cpSync(join(folder, 'certs', 'a.pdf'), join(batch, name, 'certs', 'a.pdf'));
      cpSync(join(folder, 'certs', 'b.png'), join(batch, name, 'certs', `${name}.png`));
      writeFileSync(join(batch, name, 'dossier.yaml'), dossierText(['certs/a.pdf', `certs/${name}.png`]).replace('N-1', number).replace('N-2', `${number}x`));
    }
    // Both PNGs are the same bytes too: two shared files.
    const run = await checkFiles([batch], { asOf: '2026-12-01' });
    expect(run.dossiers.map((d) => d.valid)).toEqual([true, true]);
    for (const [i, other] of [[0, 'two'], [1, 'one']] as const) {
      const warnings = run.dossiers[i]!.warnings.filter((w) => w.code === 'same-certificate-file');
      expect(warnings.map((w) => w.path)).toEqual(['/engineers/0/certificates/0/file', '/engineers/1/certificates/0/file']);
      expect(warnings[0]!.message).toContain(join(batch, other, 'dossier.yaml'));
      expect(warnings[0]!.line).toBe(13);
    }
  });
});

/**
 * What a dossier may read besides itself (issue: hostile dossiers, round
 * two): a shipped standard id, or a regular .yaml/.yml/.json file inside its
 * own folder or below it, after resolving links. Everything else is a
 * located error, exit 2, that quotes nothing from the file, and nothing a
 * dossier names can make the run wait on a FIFO.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root, runCli, scratchDirectory } from '../helpers.js';

const SECRET = 'TOPSECRETVALUE';
const dossierNaming = (standard: string): string =>
  `schemaVersion: 1\npartner: {name: P}\napplication:\n  date: 2026-12-01\n  standard: ${JSON.stringify(standard)}\nengineers: []\n`;

let top: string;
let folder: string;
beforeAll(() => {
  top = scratchDirectory('confine');
  folder = join(top, 'partner');
  mkdirSync(join(folder, 'standards'), { recursive: true });
  // Outside the dossier's folder: what a hostile dossier would like quoted back.
  writeFileSync(join(top, 'secret.yaml'), `${SECRET}: ${SECRET}\n`);
  writeFileSync(join(top, 'secret.json'), `{"${SECRET}": 1}\n`);
  const standard = readFileSync(join(root, 'test/fixtures/dossiers/own-standard/2026.yaml'), 'utf8');
  writeFileSync(join(folder, 'own.yaml'), standard);
  writeFileSync(join(folder, 'standards', 'own.yaml'), standard);
  symlinkSync('../secret.yaml', join(folder, 'link-out.yaml'));
  symlinkSync(join(top, 'secret.json'), join(folder, 'abs-link-out.json'));
  symlinkSync('own.yaml', join(folder, 'link-in.yaml'));
  symlinkSync('loop-b.yaml', join(folder, 'loop-a.yaml'));
  symlinkSync('loop-a.yaml', join(folder, 'loop-b.yaml'));
  symlinkSync('nowhere.yaml', join(folder, 'dangling.yaml'));
  mkdirSync(join(folder, 'dir.yaml'));
  execFileSync('mkfifo', [join(folder, 'fifo.yaml')]);
  symlinkSync('fifo.yaml', join(folder, 'link-to-fifo.yaml'));
  symlinkSync(folder, join(top, 'partner-link'));
  writeFileSync(join(folder, 'upper.YAML'), standard);
  writeFileSync(join(folder, 'notes.txt'), standard);
  symlinkSync('notes.txt', join(folder, 'txt-link.yaml'));
});

async function checkNaming(standard: string, where = 'partner'): Promise<{ code: number; dossier: { valid: boolean; standard: string | null; errors: Array<Record<string, unknown>>; warnings: Array<Record<string, unknown>> }; stdout: string }> {
  const file = join(top, where, `d-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, dossierNaming(standard));
  const { code, stdout } = await runCli(['check', file, '--format', 'json']);
  return { code, dossier: JSON.parse(stdout).dossiers[0], stdout };
}

describe('a dossier’s own standard file', () => {
  it.each([
    ['a file in a parent folder', '../secret.yaml', 'outside the dossier'],
    ['a parent folder reached through its own folder', '../partner/../secret.yaml', 'outside the dossier'],
    ['an absolute path', '/etc/passwd.yaml', 'absolute path'],
    ['an absolute path to a file that exists', 'ABSOLUTE_SECRET', 'absolute path'],
    ['a link beside the dossier that leads out', 'link-out.yaml', 'outside the dossier'],
    ['an absolute link beside the dossier that leads out', 'abs-link-out.json', 'outside the dossier'],
    ['a loop of links', 'loop-a.yaml', 'loop of symbolic links'],
    ['a dangling link', 'dangling.yaml', 'no such file'],
    ['a missing file', 'missing.yaml', 'no such file'],
    ['an extension in capitals, which no directory walk takes', 'upper.YAML', 'neither a shipped standard'],
    ['a .yaml link that leads to another kind of file', 'txt-link.yaml', 'not a .yaml, .yml or .json file'],
  ])('refuses %s, located, exit 2, quoting nothing of it', async (_what, ref, words) => {
    const { code, dossier, stdout } = await checkNaming(ref === 'ABSOLUTE_SECRET' ? join(top, 'secret.yaml') : ref);
    expect(code).toBe(2);
    expect(dossier.valid).toBe(false);
    expect(dossier.errors).toHaveLength(1);
    expect(dossier.errors[0]).toMatchObject({ path: '/application/standard', line: 5, column: 13 });
    expect(dossier.errors[0]!.message).toContain(words);
    expect(stdout).not.toContain(SECRET);
  });

  it.each([
    ['a directory', 'dir.yaml', 'is a directory'],
    ['a FIFO, which would block the run', 'fifo.yaml', 'not a regular file'],
    ['a link to a FIFO', 'link-to-fifo.yaml', 'not a regular file'],
  ])('refuses %s inside its folder without waiting on it', async (_what, ref, words) => {
    const { code, dossier } = await checkNaming(ref);
    expect(code).toBe(2);
    expect(dossier.errors[0]).toMatchObject({ path: '/application/standard', line: 5, column: 13 });
    expect(dossier.errors[0]!.message).toContain(words);
  });

  it.each([
    ['a file beside it', 'own.yaml', 'partner'],
    ['a file below it', 'standards/own.yaml', 'partner'],
    ['a path that leaves and comes back', 'standards/../own.yaml', 'partner'],
    ['a link beside it that stays inside', 'link-in.yaml', 'partner'],
    ['a file beside it, the folder named through a link', 'own.yaml', 'partner-link'],
  ])('reads %s, and marks the dossier as checked against its own standard', async (_what, ref, where) => {
    const { code, dossier } = await checkNaming(ref, where);
    expect(dossier.valid).toBe(true);
    expect(code).toBe(1);
    expect(dossier.standard).toBe('2026');
    expect(dossier.warnings).toEqual([
      expect.objectContaining({ code: 'own-standard', path: '/application/standard', line: 5, column: 13, message: expect.stringContaining(`own standard file ${ref} (standard "2026")`) }),
    ]);
  });

  it('is not read for a dossier on standard input, which has no folder', async () => {
    const { code, stdout } = await runCli(['check', '-', '--format', 'json'], { stdin: dossierNaming('own.yaml') });
    expect(code).toBe(2);
    expect(JSON.parse(stdout).dossiers[0].errors[0]).toMatchObject({ code: 'confined', line: 5, column: 13 });
  });

  it('is not marked when --standard overrides it, nor for a shipped id', async () => {
    expect((await checkNaming('classic')).dossier.warnings).toEqual([]);
    const file = join(folder, 'overridden.yaml');
    writeFileSync(file, dossierNaming('own.yaml'));
    const { stdout } = await runCli(['check', file, '--standard', 'classic', '--format', 'json']);
    expect(JSON.parse(stdout).dossiers[0]).toMatchObject({ standard: 'classic', warnings: [] });
  });
});

describe('a dossier checked against its own standard, among others', () => {
  it('is marked in the text summary row and in CSV, where the others are not', async () => {
    const batch = scratchDirectory('own');
    writeFileSync(join(batch, 'own.yaml'), readFileSync(join(root, 'test/fixtures/dossiers/own-standard/2026.yaml'), 'utf8'));
    writeFileSync(join(batch, 'a-shipped.yaml'), dossierNaming('classic'));
    writeFileSync(join(batch, 'b-own.yaml'), dossierNaming('own.yaml'));
    const text = await runCli(['check', join(batch, 'a-shipped.yaml'), join(batch, 'b-own.yaml'), '--quiet']);
    const rows = text.stdout.split('\n');
    expect(rows.filter((row) => row.includes('own standard 2026'))).toHaveLength(1);
    expect(text.stdout.indexOf('own standard 2026')).toBeGreaterThan(text.stdout.indexOf('b-own.yaml'));
    const csv = await runCli(['check', join(batch, 'a-shipped.yaml'), join(batch, 'b-own.yaml'), '--format', 'csv']);
    const lines = csv.stdout.trim().split('\r\n').map((line) => line.split(','));
    const at = lines[0]!.indexOf('standard');
    expect(lines[0]!.slice(at, at + 2)).toEqual(['standard', 'own_standard']);
    expect(lines.slice(1).map((cells) => cells.slice(at, at + 2))).toEqual([
      ['classic', 'false'],
      ['2026', 'true'],
    ]);
  });
});

describe('validate', () => {
  it('says a dossier is valid against its own standard, naming the file, and refuses one outside its folder', async () => {
    const ok = join(folder, 'validate-own.yaml');
    writeFileSync(ok, dossierNaming('standards/own.yaml'));
    const out = join(folder, 'validate-out.yaml');
    writeFileSync(out, dossierNaming('../secret.yaml'));
    const { code, stdout } = await runCli(['validate', ok, out]);
    expect(code).toBe(2);
    expect(stdout).toContain(`${ok}: valid (its own standard 2026, from standards/own.yaml)`);
    expect(stdout).toContain(`${out}:5:13: application.standard "../secret.yaml" lies outside the dossier's folder`);
    expect(stdout).not.toContain(SECRET);
  });
});

describe('--require and a dossier’s own standard', () => {
  it('makes a tier the dossier’s standard lacks that dossier’s error, and the batch goes on', async () => {
    const dir = scratchDirectory('require');
    const standard = readFileSync(join(root, 'test/fixtures/dossiers/own-standard/2026.yaml'), 'utf8').replace(/\bthree-star\b/g, 'gold-star');
    writeFileSync(join(dir, 'gold.yaml'), standard);
    writeFileSync(join(dir, 'a.yaml'), dossierNaming('gold.yaml'));
    writeFileSync(join(dir, 'b.yaml'), readFileSync(join(root, 'examples/three-star.yaml')));
    const { code, stdout } = await runCli(['check', join(dir, 'a.yaml'), join(dir, 'b.yaml'), '--require', 'three-star', '--format', 'json']);
    expect(code).toBe(2);
    const [a, b] = JSON.parse(stdout).dossiers;
    expect(a.errors).toEqual([expect.objectContaining({ code: 'unknown-tier', path: '/application/standard', line: 5, column: 13 })]);
    expect(b).toMatchObject({ valid: true, pass: true });
  });
});

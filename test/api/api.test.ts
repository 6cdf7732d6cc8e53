/**
 * The public API, imported by the package's own name as a program would:
 * the reports it returns are the ones the JSON format prints, and the CLI
 * gives the same for the same dossiers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDossier, checkFiles, EXIT, exitCodeOf, format, FORMATS, isKnownError, loadStandard, StandardError, UsageError, validateDossier } from 'starcheck';
import { root, runCli, scratchDirectory } from '../helpers.js';

const THREE_STAR = readFileSync(`${root}examples/three-star.yaml`, 'utf8');

describe('checkDossier', () => {
  it('returns the report the JSON format prints for the same dossier', async () => {
    const report = checkDossier(THREE_STAR, { file: 'examples/three-star.yaml', asOf: '2026-12-01' });
    expect(report).toMatchObject({ valid: true, highestTier: 'three-star', requiredTier: 'three-star', pass: true });
    const cli = JSON.parse((await runCli(['check', 'examples/three-star.yaml', '--as-of', '2026-12-01', '--format', 'json'])).stdout);
    expect(JSON.parse(format('json', [report])).dossiers).toEqual(cli.dossiers);
    expect(format('text', [report])).toBe((await runCli(['check', 'examples/three-star.yaml', '--as-of', '2026-12-01'])).stdout);
  });

  it('formats a report changed after an earlier format as it is now: every SARIF result names a rule the log lists', () => {
    const report = checkDossier(THREE_STAR, { file: 'examples/three-star.yaml', asOf: '2026-12-01' });
    format('sarif', [report]);
    report.warnings.push({ code: 'portal-note', severity: 'warning', message: 'added by the portal' });
    const run = JSON.parse(format('sarif', [report])).runs[0];
    const listed = new Set(run.tool.driver.rules.map((r: { id: string }) => r.id));
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toContain('portal-note');
    for (const result of run.results) expect(listed).toContain(result.ruleId);
  });

  it('makes a bad dossier a report with located errors, never an exception', () => {
    const report = checkDossier('schemaVersion: 1\npartner: {nmae: X}\n', { file: 'bad.yaml' });
    expect(report.valid).toBe(false);
    expect(report.errors).toContainEqual(expect.objectContaining({ code: 'unknown-field', line: 2, column: 11 }));
    expect(exitCodeOf([report])).toBe(EXIT.badDossier);
  });

  it('throws the known errors for a bad call or an unknown standard', () => {
    expect(() => checkDossier(THREE_STAR, { asOf: '2026-02-30' })).toThrow(UsageError);
    expect(() => checkDossier(THREE_STAR, { warnWithin: 5000 })).toThrow(/warnWithin "5000" is not a whole number of days from 0 to 3650/);
    expect(() => checkDossier(THREE_STAR, { standard: 'no-such-standard' })).toThrow(StandardError);
    expect(() => format('yaml', [])).toThrow(UsageError);
    expect(isKnownError(new UsageError('x'))).toBe(true);
    expect(isKnownError(new Error('x'))).toBe(false);
  });
});

describe('checkFiles', () => {
  it('checks files, directories and globs as check does, with the same reports and summary', async () => {
    const run = await checkFiles(['examples'], { asOf: '2026-12-01' });
    const cli = JSON.parse((await runCli(['check', 'examples', '--as-of', '2026-12-01', '--format', 'json'])).stdout);
    expect(JSON.parse(format('json', run))).toEqual(cli);
    expect(run.summary).toEqual(cli.summary);
    expect(exitCodeOf(run.dossiers)).toBe(EXIT.badDossier);
  });

  it('reads the files of another folder given as cwd, and names them there', async () => {
    const { copyFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = scratchDirectory('api-cwd');
    copyFileSync(`${root}examples/two-star.yaml`, join(dir, 'partner.yaml'));
    const run = await checkFiles(['.'], { cwd: dir, asOf: '2026-12-01' });
    expect(run.dossiers.map((d) => [d.file, d.valid, d.highestTier])).toEqual([[join(dir, 'partner.yaml'), true, 'two-star']]);
    expect(run.dossiers[0]!.claims).toBeUndefined();
  });

  it('refuses standard input, which it cannot read', async () => {
    await expect(checkFiles(['-'])).rejects.toThrow(UsageError);
  });
});

describe('validateDossier, loadStandard and the formats', () => {
  it('validates without evaluating', () => {
    expect(validateDossier(THREE_STAR)).toEqual({ valid: true, standard: 'classic', errors: [] });
    expect(validateDossier('schemaVersion: 1\n').errors.map((e) => e.code)).toContain('missing-field');
  });

  it('loads a shipped standard and lists every format', () => {
    expect(loadStandard('2025').catalogue.standard.id).toBe('2025');
    expect(FORMATS).toEqual(['text', 'json', 'markdown', 'junit', 'sarif', 'github', 'csv', 'html', 'ics']);
  });
});

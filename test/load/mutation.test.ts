/**
 * Property-based: the shipped examples, mutated — fields dropped, lines
 * duplicated, values retyped, keys reordered, bytes corrupted. Whatever comes
 * out, starcheck never crashes: a valid dossier exits 0 or 1, an invalid one
 * exits 2 with every error located on one line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli/main.js';
import { root } from '../helpers.js';

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(join(root, 'examples', name), 'utf8') }));

interface Outcome {
  code: number;
  valid: boolean;
  highestTier: string | null;
  pass: boolean;
  errors: Array<{ code: string; message: string; line?: number; column?: number }>;
  stderr: string;
}

/** Runs `check - --format json` in-process on raw bytes, as a pipe would deliver them. */
async function check(bytes: Uint8Array): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await main(['check', '-', '--format', 'json', '--as-of', '2026-12-01'], {
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: (async function* () {
      yield bytes;
    })(),
    env: {},
    now: () => new Date('2026-12-01T12:00:00Z'),
    cwd: root,
  });
  const dossier = JSON.parse(stdout).dossiers[0];
  return { code, valid: dossier.valid, highestTier: dossier.highestTier, pass: dossier.pass, errors: dossier.errors, stderr };
}

/** The contract every outcome keeps, whatever the input. */
function expectContract(outcome: Outcome): void {
  expect(outcome.stderr).not.toMatch(/internal error/);
  if (outcome.valid) {
    expect([0, 1]).toContain(outcome.code);
    expect(outcome.code).toBe(outcome.pass ? 0 : 1);
  } else {
    expect(outcome.code).toBe(2);
    expect(outcome.errors.length).toBeGreaterThan(0);
    for (const error of outcome.errors) {
      if (error.code === 'too-many-errors') continue;
      expect(error.line).toBeGreaterThanOrEqual(1);
      expect(error.column).toBeGreaterThanOrEqual(1);
      expect(error.message).not.toMatch(/[\n\r]/);
    }
  }
}

type Key = string | number;

/** Every path to a node of the data, the root excluded. */
function pathsOf(data: unknown, prefix: Key[] = []): Key[][] {
  if (data === null || typeof data !== 'object') return [];
  const keys: Key[] = Array.isArray(data) ? data.map((_, i) => i) : Object.keys(data);
  return keys.flatMap((k) => [[...prefix, k], ...pathsOf((data as Record<Key, unknown>)[k], [...prefix, k])]);
}

/** The container holding a path's last key. */
function parentOf(data: unknown, path: Key[]): Record<Key, unknown> {
  return path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<Key, unknown>)[key], data) as Record<Key, unknown>;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const example = fc.constantFrom(...examples);
const strangeValue = fc.constantFrom<unknown>(42, -1, 1.5, 0, '42', '', 'H3CSE-R&S ', '2026-02-30', true, null, [], {}, { 'x-': 1 }, [null], Infinity, '__proto__', 'a\nb');

/** Generous: a property runs a hundred or more dossiers, and CI machines are shared. */
const PROPERTY_TIMEOUT = 120_000;

describe('mutated example dossiers', () => {
  it('finds examples to mutate', () => {
    expect(examples.map((e) => e.name)).toContain('four-star.yaml');
  });

  it('dropping any field or item: never a crash, exit and locations as promised', async () => {
    await fc.assert(
      fc.asyncProperty(example, fc.nat(), async ({ text }, pick) => {
        const data = parse(text);
        const paths = pathsOf(data);
        const path = paths[pick % paths.length]!;
        const parent = parentOf(data, path);
        if (Array.isArray(parent)) parent.splice(path.at(-1) as number, 1);
        else delete parent[path.at(-1)!];
        expectContract(await check(encode(stringify(data))));
      }),
      { numRuns: 120 },
    );
  }, PROPERTY_TIMEOUT);

  it('dropping a required field is an error located at its parent', async () => {
    const fourStar = parse(examples.find((e) => e.name === 'four-star.yaml')!.text);
    for (const path of [['schemaVersion'], ['partner'], ['engineers'], ['partner', 'name'], ['engineers', 0, 'certificates', 0, 'expires'], ['lab', 1, 'category']]) {
      const data = structuredClone(fourStar);
      delete parentOf(data, path)[path.at(-1)!];
      const outcome = await check(encode(stringify(data)));
      expectContract(outcome);
      expect(outcome.code).toBe(2);
      expect(outcome.errors.map((e) => e.code)).toContain('missing-field');
    }
  });

  it('retyping any value: never a crash, exit and locations as promised', async () => {
    await fc.assert(
      fc.asyncProperty(example, fc.nat(), strangeValue, async ({ text }, pick, value) => {
        const data = parse(text);
        const paths = pathsOf(data);
        const path = paths[pick % paths.length]!;
        parentOf(data, path)[path.at(-1)!] = value;
        expectContract(await check(encode(stringify(data))));
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT);

  it('reordering the keys of any mapping changes nothing but positions', async () => {
    // Each example's own outcome, checked once: the same text gives the same outcome every run.
    const originals = new Map<string, Outcome>();
    for (const { name, text } of examples) originals.set(name, await check(encode(text)));
    await fc.assert(
      fc.asyncProperty(example, fc.nat(), fc.nat(), async ({ name, text }, pick, seed) => {
        const original = originals.get(name)!;
        const data = parse(text);
        const maps = [[], ...pathsOf(data)].filter((p) => {
          const node = p.reduce<unknown>((n, k) => (n as Record<Key, unknown>)[k], data);
          return node !== null && typeof node === 'object' && !Array.isArray(node);
        });
        const path = maps[pick % maps.length]!;
        const node = path.reduce<unknown>((n, k) => (n as Record<Key, unknown>)[k], data) as Record<string, unknown>;
        const entries = Object.entries(node);
        const rotated = [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)].reverse();
        for (const [k] of entries) delete node[k];
        for (const [k, v] of rotated) node[k] = v;
        const reordered = await check(encode(stringify(data)));
        expectContract(reordered);
        const verdict = ({ code, valid, highestTier, pass, errors }: Outcome) => ({ code, valid, highestTier, pass, errors: errors.map((e) => e.code).sort() });
        expect(verdict(reordered)).toEqual(verdict(original));
      }),
      { numRuns: 80 },
    );
  }, PROPERTY_TIMEOUT);

  it('duplicating, deleting or swapping lines: never a crash, exit and locations as promised', async () => {
    await fc.assert(
      fc.asyncProperty(example, fc.nat(), fc.nat(), fc.constantFrom('duplicate', 'delete', 'swap'), async ({ text }, a, b, edit) => {
        const lines = text.split('\n');
        const i = a % lines.length;
        const j = b % lines.length;
        if (edit === 'duplicate') lines.splice(i, 0, lines[i]!);
        else if (edit === 'delete') lines.splice(i, 1);
        else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        expectContract(await check(encode(lines.join('\n'))));
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT);

  it('corrupting bytes: never a crash, exit and locations as promised', async () => {
    await fc.assert(
      fc.asyncProperty(
        example,
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async ({ text }, edits, cut) => {
          let bytes = [...encode(text)];
          for (const { at, byte, insert } of edits) {
            const i = at % bytes.length;
            if (insert) bytes.splice(i, 0, byte);
            else bytes[i] = byte;
          }
          if (cut !== undefined) bytes = bytes.slice(0, cut % (bytes.length + 1));
          expectContract(await check(Uint8Array.from(bytes)));
        },
      ),
      { numRuns: 200 },
    );
  }, PROPERTY_TIMEOUT);
});

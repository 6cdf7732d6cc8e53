/**
 * The fast reader is only an optimisation: whatever it accepts must be read
 * exactly as the `yaml` package reads it — the same values, key order and
 * positions — and whatever it is unsure of must be left to `yaml`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-parse.js';
import { parseSource, parseWithYaml, type ParsedSource } from '../../src/load/parse.js';
import { dossierText, random } from '../bench/generate.mjs';
import { pointers, root } from '../helpers.js';
import { yamlSuiteCases } from '../yaml-suite.js';

/** Asserts the fast reading equals yaml's; returns whether the fast reader took the text. */
function agrees(text: string, name: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const full = parseWithYaml(text);
  const viaFast = parseSource(text);
  expect(full.ok, `${name}: yaml refuses what the fast reader accepted`).toBe(true);
  // What it calls strict JSON, JSON.parse must read alike: a .json file it reads skips JSON's own syntax check.
  if (fast.json) expect(JSON.parse(text), `${name}: as JSON`).toStrictEqual(fast.data);
  if (!full.ok || !viaFast.ok) return true;
  expect(fast.data, name).toStrictEqual(full.parsed.data);
  expect(JSON.stringify(fast.data), `${name}: key order`).toBe(JSON.stringify(full.parsed.data));
  const a: ParsedSource = viaFast.parsed;
  const b: ParsedSource = full.parsed;
  const asked = [...pointers(fast.data), '/nope', '/engineers/99/id', '/partner/name/deeper', '/engineers/01', '/engineers/-1', '/engineers/1.5'];
  // Every place, value and key, in one comparison (a diff names the pointer): one expect per pointer took most of the test's time.
  const places = (source: ParsedSource, order: string[], keyFirst: boolean): unknown[] =>
    order.map((pointer) => (keyFirst ? [pointer, source.locate(pointer, 'key'), source.locate(pointer)] : [pointer, source.locate(pointer), source.locate(pointer, 'key')]));
  expect(places(a, asked, false), name).toEqual(places(b, asked, false));
  // Asked again, the other way round: what the first walk kept must give the same places.
  const reversed = [...asked].reverse();
  expect(places(a, reversed, true), `${name} (again)`).toEqual(places(b, reversed, true));
  return true;
}

/** Small edits that push a dossier into corners of YAML. */
const EDITS: Array<(text: string) => string> = [
  (t) => t.replace(/name: (\w+)/, 'name: $1 # trailing'),
  (t) => t.replace(/: (\w)/, ':  $1'),
  (t) => t.replace(/model: (\w+)/, "model: '$1''s'"),
  (t) => t.replace(/model: (\w+)/, 'model: "$1\\t\\"x\\u0041"'),
  (t) => t.replace(/listPriceUsd: \d+/, 'listPriceUsd: 1.5e6'),
  (t) => t.replace(/listPriceUsd: \d+/, 'listPriceUsd: 0x10'),
  (t) => t.replace(/listPriceUsd: \d+/, 'listPriceUsd: -0'),
  (t) => t.replace(/listPriceUsd: \d+/, 'listPriceUsd: 12345678901234567890'),
  (t) => t.replace(/quantity: \d+/, 'quantity: +3'),
  (t) => t.replace(/name: /, 'name: &a '),
  (t) => t.replace(/name: /, 'name: !!str '),
  (t) => t.replace(/\n/, '\n---\n'),
  (t) => `%YAML 1.2\n---\n${t}`,
  (t) => t.replace(/engineers:\n/, 'engineers:\n\n  # a comment\n\n'),
  (t) => t.replace(/  - id: /, '  -   id: '),
  (t) => t.replace(/name: ([^\n]+)/, 'name: $1\n    continued'),
  (t) => t.replace(/name: ([^\n]+)/, 'name: |\n    $1'),
  (t) => t.replace(/name: ([^\n]+)/, 'name: >-\n    $1'),
  (t) => t.replace(/partner:\n/, 'partner:\n  name: Twice\n'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\n__proto__: {a: 1}'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nnull: x'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\n"quoted key": x\n\'single\': \'\''),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\n"a\\"b\\\\c": x\n\'it\'\'s\': y\nx-m: {"d\\/e": 1, \'f\'\'g\': 2}'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-map: {b: 1, "2": two, "10": ten}\n"7": seven'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-list: [a, "b", \'c\', 1, true, null, ~, [], {}]'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-map: {a: 1, "b":2, c: x y}'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-odd: [a: 1]'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-odd: {a:1}'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-odd: [a, b,]'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-url: http://example.com/a#b'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-odd: a: b'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-odd:\n- a\n- b'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-empty:'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-nbsp: a\u00a0'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-tab: a\tb'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-bools: [True, FALSE, yes, No, on]'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-nums: [.5, 1., .inf, -.Inf, .NaN, 0o17, 007, -12, 1_000]'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-nested: [[1, [2, {a: [3]}]], {b: {c: d}}]'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-seqs:\n  - - a\n    - b\n  -\n    - c'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-quote: "a # b" # c'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-hash: a#b'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-colon: a:b'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-dash: -a'),
  (t) => t.replace(/schemaVersion: 1/, 'schemaVersion: 1\nx-unicode: Zoë 日本 😀'),
  (t) => t.replace(/\n/g, '\r\n'),
  (t) => `${t}\n\n# the end`,
  (t) => t.replace(/\n$/, ''),
  (t) => `  ${t.replace(/\n/g, '\n  ')}`,
];

describe('the fast reader', () => {
  it('reads the examples and the shipped standard exactly as yaml does', () => {
    const files = [...readdirSync(`${root}examples`).filter((f) => f.endsWith('.yaml')).map((f) => `${root}examples/${f}`), ...readdirSync(`${root}src/standards`).map((f) => `${root}src/standards/${f}`)];
    for (const file of files) {
      // The invalid example has a fractional quantity, a float the fast reader leaves to yaml.
      expect(agrees(readFileSync(file, 'utf8'), file), `${file}: fast path`).toBe(!file.endsWith('invalid.yaml'));
    }
  });

  it('reads keys alike however they are quoted, and keys that share their length and first and last characters apart', () => {
    // The same keys plain and quoted, over and over, and quoted keys that need unquoting (escapes, a
    // doubled single quote) or are no key characters at all.
    const keys = ['ab1c', 'ab2c', 'a-c', 'a.c'];
    const texts = [
      keys.map((k, i) => `${k}: ${i}`).join('\n'),
      keys.map((k, i) => `${k}:\n  ${keys[(i + 1) % keys.length]}: ${i}\n  ${k}: [${i}]`).join('\n'),
      keys.map((k, i) => `"${k}": ${i}`).join('\n'),
      keys.map((k, i) => `'${k}': ${i}`).join('\n'),
      `{ ${keys.map((k, i) => `"${k}x": ${i}`).join(', ')} }`,
      `"a\\"c": 1\n"ab\\tc": 7\n'it''s': 2\n"a b": 3\n'abd': 4\n"abe": 5\n"abc:": 6`,
      `{"ab1c": {"ab2c": 1, "ab1c": [2]}, "a-c": "x"}`,
    ];
    for (const [i, text] of texts.entries()) {
      expect(fastParse(text), text).toBeDefined();
      agrees(text, `keys ${i}`);
    }
    // A JSON text read through the plain keys is still JSON; a single-quoted key is not.
    expect(fastParse(texts[6]!)!.json).toBe(true);
    expect(fastParse(`{'abc': 1}`)?.json ?? false).toBe(false);
  });

  it('reads minified JSON, one line far longer than the indentation limit, exactly as yaml does', () => {
    for (let i = 0; i < 20; i++) {
      const parsed = parseWithYaml(dossierText(6, i).text);
      if (!parsed.ok) throw new Error(`generated dossier ${i} does not parse`);
      const text = JSON.stringify(parsed.parsed.data);
      expect(text.length).toBeGreaterThan(500);
      expect(agrees(text, `minified ${i}`), `minified ${i}: fast path`).toBe(true);
    }
  });

  it('reads a generated corpus exactly as yaml does, and takes the fast path for nearly all of it', () => {
    let fast = 0;
    const total = 150;
    for (let i = 0; i < total; i++) if (agrees(dossierText(5, i).text, `generated ${i}`)) fast++;
    expect(fast).toBe(total);
  }, 60_000);

  it('agrees with yaml or steps aside on edited dossiers that reach into corners of YAML', () => {
    const rand = random(99);
    let fast = 0;
    let aside = 0;
    for (let i = 0; i < 12; i++) {
      const { text } = dossierText(9, i);
      for (const edit of EDITS) {
        const edited = edit(text);
        if (rand() < 0.9 && agrees(edited, `edit ${EDITS.indexOf(edit)} of ${i}`)) fast++;
        else aside++;
      }
    }
    // Both sides of the line are exercised.
    expect(fast).toBeGreaterThan(100);
    expect(aside).toBeGreaterThan(100);
  }, 60_000);

  it('agrees with yaml or steps aside on every document of the YAML test suite', () => {
    expect(yamlSuiteCases.length).toBeGreaterThan(300);
    let fast = 0;
    for (const { name, yaml } of yamlSuiteCases) if (agrees(yaml, name)) fast++;
    expect(fast).toBeGreaterThan(10);
  });
});

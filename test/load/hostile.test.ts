/**
 * Hostile and malformed input: each case ends in one located error with a
 * stable code, quickly and without throwing. Rows read like the list.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource, MAX_SOURCE_BYTES, readSource } from '../../src/load/read.js';
import { MAX_ALIASES, MAX_DEPTH, MAX_INDENT, parseSource } from '../../src/load/parse.js';
import { validateDossier } from '../../src/validate/dossier.js';
import { MAX_ERRORS, type Finding } from '../../src/core/findings.js';
import { scratchDirectory, shippedCatalogue } from '../helpers.js';

const catalogue = shippedCatalogue();
const head = 'schemaVersion: 1\npartner: {name: P}\n';
const valid = `${head}engineers: []\n`;

/** Read, parse and validate text as the pipeline does; the errors, or [] when valid. */
function errorsOf(source: string | Uint8Array, format: 'yaml' | 'json' = 'yaml'): Finding[] {
  const read = decodeSource(typeof source === 'string' ? new TextEncoder().encode(source) : source);
  if (!read.ok) return [read.error];
  const parsed = parseSource(read.text, format);
  if (!parsed.ok) return parsed.errors;
  const validation = validateDossier(parsed.parsed, catalogue);
  return validation.ok ? [] : validation.errors;
}

interface Case {
  name: string;
  source: string | Uint8Array;
  format?: 'yaml' | 'json';
  code: string;
  line: number;
  column: number;
  words: RegExp;
}

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

const cases: Case[] = [
  { name: 'an empty file', source: '', code: 'empty', line: 1, column: 1, words: /empty/ },
  { name: 'a file of blank lines', source: '\n  \n\t\n', code: 'empty', line: 1, column: 1, words: /empty/ },
  { name: 'a document of comments only', source: '# nothing here\n', code: 'empty', line: 1, column: 1, words: /empty/ },
  { name: 'a NUL byte', source: bytes('a: 1\nb: x', [0], 'y\n'), code: 'binary', line: 2, column: 5, words: /binary/ },
  { name: 'Latin-1 bytes', source: bytes('a: 1\nname: caf', [0xe9], '\n'), code: 'encoding', line: 2, column: 10, words: /not UTF-8.*0xe9/ },
  { name: 'a UTF-16 file', source: bytes([0xff, 0xfe], 'a\0:\0'), code: 'binary', line: 1, column: 4, words: /binary/ },
  { name: 'an overlong UTF-8 form', source: bytes('a: ', [0xc0, 0xaf], '\n'), code: 'encoding', line: 1, column: 4, words: /not UTF-8/ },
  { name: 'a UTF-8 surrogate', source: bytes('a: ', [0xed, 0xa0, 0x80], '\n'), code: 'encoding', line: 1, column: 4, words: /not UTF-8/ },
  { name: 'several documents', source: `${valid}---\n${valid}`, code: 'several-documents', line: 4, column: 1, words: /one document/ },
  { name: 'a duplicate key', source: `${valid}partner: {name: Q}\n`, code: 'duplicate-key', line: 4, column: 1, words: /duplicate key "partner" \(first at line 2\)/ },
  { name: 'a duplicate key in a flow mapping', source: `${head}engineers: [{id: a, id: b, name: n}]\n`, code: 'duplicate-key', line: 3, column: 21, words: /duplicate key "id"/ },
  { name: 'a duplicate key in JSON', source: '{"schemaVersion": 1, "schemaVersion": 1}', format: 'json', code: 'duplicate-key', line: 1, column: 22, words: /duplicate key "schemaVersion"/ },
  { name: 'a tab as indentation', source: 'partner:\n\tname: P\n', code: 'syntax', line: 2, column: 1, words: /tabs are not allowed/ },
  { name: 'an unclosed quote', source: `${head}engineers: "oops\n`, code: 'syntax', line: 4, column: 1, words: /YAML syntax: missing closing "quote/i },
  { name: 'a custom tag', source: `${head}engineers: !evil []\n`, code: 'custom-tag', line: 3, column: 12, words: /tag !evil is not allowed/ },
  { name: 'a YAML 1.1 tag', source: `${head}engineers: []\nx-file: !!binary aGk=\n`, code: 'custom-tag', line: 4, column: 18, words: /tag !!binary is not allowed/ },
  { name: 'a set', source: `${head}engineers: !!set {a}\n`, code: 'custom-tag', line: 3, column: 18, words: /tag !!set/ },
  { name: 'an alias with no anchor', source: `${head}engineers: *nowhere\n`, code: 'syntax', line: 3, column: 12, words: /alias \*nowhere refers to no anchor/ },
  { name: 'an alias inside its own anchor', source: `${head}engineers: &e [ *e ]\n`, code: 'syntax', line: 3, column: 17, words: /alias \*e stands inside the node anchored &e/ },
  { name: 'an alias inside its own anchor, deeper', source: `${head}engineers: []\nx-note: &n { a: [ { b: *n } ] }\n`, code: 'syntax', line: 4, column: 24, words: /alias \*n stands inside/ },
  {
    name: 'an alias bomb',
    source: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
    code: 'alias-bomb',
    line: 2,
    column: 8,
    words: new RegExp(`more than ${MAX_ALIASES} copies`),
  },
  {
    // yaml's own Alias.resolve searches the document from its start for each alias: 150,000 of them ran for minutes.
    name: '150,000 aliases of one anchor',
    source: `${head}engineers: []\nx-a: &A {k: v}\nx-b: [${Array.from({ length: 150_000 }, () => '*A').join(',')}]\n`,
    code: 'alias-bomb',
    line: 5,
    column: 7,
    words: new RegExp(`more than ${MAX_ALIASES} copies`),
  },
  { name: 'deep flow nesting', source: `a: ${'['.repeat(100_000)}`, code: 'too-deep', line: 1, column: 4 + MAX_DEPTH, words: /brackets nested deeper/ },
  { name: 'deep block nesting', source: `${'- '.repeat(50_000)}x\n`, code: 'too-deep', line: 1, column: MAX_INDENT + 1, words: /indented more than/ },
  {
    name: 'deep mapping nesting',
    source: Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
    code: 'too-deep',
    line: MAX_INDENT + 2,
    column: MAX_INDENT + 1,
    words: /indented more than/,
  },
  {
    name: 'deep indentation among many brackets',
    source: `a: ${'[] '.repeat(MAX_DEPTH + 1)}\n${' '.repeat(MAX_INDENT + 5)}b: [[1]]\n`,
    code: 'too-deep',
    line: 2,
    column: MAX_INDENT + 1,
    words: /indented more than/,
  },
  // Plain enough for the fast reader but for one line's indentation.
  { name: 'a blank line of spaces past the limit', source: `${valid}${' '.repeat(MAX_INDENT + 1)}\nx-a: 1\n`, code: 'too-deep', line: 4, column: MAX_INDENT + 1, words: /indented more than/ },
  { name: 'a comment indented past the limit', source: `${valid}${' '.repeat(MAX_INDENT + 3)}# far\n`, code: 'too-deep', line: 4, column: MAX_INDENT + 1, words: /indented more than/ },
  { name: 'trailing spaces past the limit', source: `${valid}${' '.repeat(MAX_INDENT + 1)}`, code: 'too-deep', line: 4, column: MAX_INDENT + 1, words: /indented more than/ },
  { name: 'a list item indented past the limit', source: `${valid}x-a:\n  -${' '.repeat(MAX_INDENT)}b\n`, code: 'too-deep', line: 5, column: MAX_INDENT + 1, words: /indented more than/ },
  {
    name: 'a JSON line indented past the limit',
    source: `{\n  "schemaVersion": 1,\n${' '.repeat(MAX_INDENT + 2)}"engineers": []\n}\n`,
    format: 'json',
    code: 'too-deep',
    line: 3,
    column: MAX_INDENT + 1,
    words: /indented more than/,
  },
  // Read alike whichever reader runs: each was once accepted by the fast reader.
  { name: 'a key of 1,025 characters', source: `${valid}${'k'.repeat(1025)}: 1\n`, code: 'syntax', line: 4, column: 1, words: /at most 1024 chars/ },
  {
    name: 'a mebibyte of keys of 1,024 characters, then one longer',
    source: `${valid}${Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(1024, 'k')}: 1\n`).join('')}${'z'.repeat(1025)}: 1\n`,
    code: 'syntax',
    line: 1004,
    column: 1,
    words: /at most 1024 chars/,
  },
  { name: '"..." at a line start inside a flow mapping over several lines', source: '{\n"schemaVersion": 1,\n"engineers":\n...\n}\n', code: 'syntax', line: 3, column: 13, words: /YAML syntax/ },
  { name: 'a flow mapping whose lines come back to its key\'s column', source: `${head}engineers:\n  [\n{id: a}]\n`, code: 'syntax', line: 5, column: 1, words: /sufficiently indented/ },
  { name: 'a sequence as a key', source: '[a, b]: 1\n', code: 'syntax', line: 1, column: 1, words: /field name must be a plain string/ },
  { name: 'a JSON trailing comma', source: '{"schemaVersion": 1,}', format: 'json', code: 'syntax', line: 1, column: 21, words: /JSON syntax: expected double-quoted property name/ },
  { name: 'truncated JSON', source: '{"schemaVersion": 1,\n "partner": {', format: 'json', code: 'syntax', line: 2, column: 14, words: /JSON syntax: expected property name/ },
  { name: 'JSON comments', source: '{"schemaVersion": 1 // one\n}', format: 'json', code: 'syntax', line: 1, column: 21, words: /JSON syntax/ },
  // V8 gives no position for an unexpected token, only the text around it.
  { name: 'a JSON unquoted value', source: '{\n  "schemaVersion": 1,\n  "partner": {"name": Acme},\n  "engineers": []\n}\n', format: 'json', code: 'syntax', line: 3, column: 23, words: /^JSON syntax: unexpected token 'A'$/ },
  { name: 'a JSON literal cut short', source: '{"schemaVersion": tru}', format: 'json', code: 'syntax', line: 1, column: 22, words: /^JSON syntax: unexpected token '}'$/ },
  // Cut short: V8 names no position, and the text ends where it gave up.
  { name: 'JSON cut short in a list', source: '{"a": [1,', format: 'json', code: 'syntax', line: 1, column: 10, words: /^JSON syntax: unexpected end$/ },
  { name: 'JSON cut short before a last line end', source: '{"a": [1,\n', format: 'json', code: 'syntax', line: 2, column: 1, words: /^JSON syntax: unexpected end$/ },
  { name: 'text after the JSON value', source: '{"schemaVersion": 1}\nx', format: 'json', code: 'syntax', line: 2, column: 1, words: /^JSON syntax: unexpected non-whitespace character after JSON$/ },
  { name: 'a scalar document', source: 'just words\n', code: 'schema', line: 1, column: 1, words: /the dossier must be a mapping of fields, not "just words"/ },
  { name: 'a list document', source: '- a\n- b\n', code: 'schema', line: 1, column: 1, words: /the dossier must be a mapping of fields, not \["a","b"\]/ },
  { name: 'a number where a string belongs', source: `schemaVersion: 1\npartner: {name: 12}\nengineers: []\n`, code: 'schema', line: 2, column: 17, words: /partner.name must be a string, not 12 \(quote it\)/ },
  { name: 'true where a string belongs', source: `${head}engineers: [{id: yes, name: true}]\n`, code: 'schema', line: 3, column: 29, words: /engineer yes: name must be a string, not true/ },
  { name: 'a string where a number belongs', source: `${valid}projects: [{name: p, listPriceUsd: "1e6"}]\n`, code: 'schema', line: 4, column: 36, words: /listPriceUsd must be a number, not "1e6"/ },
  { name: 'an infinite quantity (1e309)', source: `${valid}lab: [{category: router, model: m, quantity: 1e309}]\n`, code: 'schema', line: 4, column: 46, words: /quantity must be a whole number, not a number too large/ },
  { name: '.inf as a price', source: `${valid}projects: [{name: p, listPriceUsd: .inf}]\n`, code: 'schema', line: 4, column: 36, words: /listPriceUsd must be a number, not a number too large/ },
  { name: '.nan as a quantity', source: `${valid}lab: [{category: router, model: m, quantity: .nan}]\n`, code: 'schema', line: 4, column: 46, words: /not a number \(\.nan\)/ },
  { name: 'a negative quantity', source: `${valid}lab: [{category: router, model: m, quantity: -2}]\n`, code: 'schema', line: 4, column: 46, words: /quantity is -2; it must be at least 1/ },
  { name: 'a fractional quantity', source: `${valid}lab: [{category: router, model: m, quantity: 1.5}]\n`, code: 'schema', line: 4, column: 46, words: /must be a whole number, not 1.5/ },
  { name: 'an impossible date', source: `${head}engineers: [{id: a, name: n, certificates: [{type: H3CNE, expires: 2026-02-30}]}]\n`, code: 'bad-date', line: 3, column: 68, words: /"2026-02-30", not a calendar date/ },
  { name: 'a date with a time', source: `${valid}application: {date: "2026-12-01T00:00:00Z"}\n`, code: 'bad-date', line: 4, column: 21, words: /not a calendar date/ },
  { name: 'a misspelt field', source: `${valid}servicePlatfrom: {}\n`, code: 'unknown-field', line: 4, column: 1, words: /unknown field "servicePlatfrom" in the dossier — did you mean "servicePlatform"\?/ },
  { name: 'a transposed field', source: `${head}engineers: [{id: a, nmae: n}]\n`, code: 'unknown-field', line: 3, column: 21, words: /unknown field "nmae" in engineer a — did you mean "name"\?/ },
  { name: 'a misspelt enum value', source: `${valid}servicePlatform: {hotline: {phone: "1", hours: 7x42}}\n`, code: 'schema', line: 4, column: 48, words: /hours is "7x42", not one of 7x24, 5x8 — did you mean "7x24"\?/ },
  { name: 'a wrong schema version', source: 'schemaVersion: 2\npartner: {name: P}\nengineers: []\n', code: 'schema', line: 1, column: 16, words: /schemaVersion must be 1, not 2/ },
  { name: 'a missing field', source: 'schemaVersion: 1\nengineers: []\n', code: 'missing-field', line: 1, column: 1, words: /the dossier is missing the required field "partner"/ },
  { name: 'a missing nested field', source: `${head}engineers:\n  - id: a\n    name: n\n    certificates:\n      - type: H3CNE\n`, code: 'missing-field', line: 7, column: 9, words: /engineer a \(n\), certificate 1 \(H3CNE\) is missing the required field "expires"/ },
  { name: 'a bad country code', source: `schemaVersion: 1\npartner: {name: P, country: Malaysia}\nengineers: []\n`, code: 'schema', line: 2, column: 29, words: /country is "Malaysia", which does not match .* \(for example "MY"\)/ },
  { name: 'a __proto__ key', source: `${valid}__proto__: {polluted: true}\n`, code: 'unknown-field', line: 4, column: 1, words: /unknown field "__proto__"/ },
  { name: 'a constructor key', source: `${head}engineers: [{id: a, name: n, constructor: {prototype: {polluted: true}}}]\n`, code: 'unknown-field', line: 3, column: 30, words: /unknown field "constructor"/ },
  { name: 'a merge key', source: `${valid}<<: {x: 1}\n`, code: 'unknown-field', line: 4, column: 1, words: /unknown field "<<"/ },
  { name: 'an unknown certificate', source: `${head}engineers: [{id: a, name: n, certificates: [{type: "H3CSE-R&S ", expires: 2028-01-01}]}]\n`, code: 'unknown-certificate', line: 3, column: 52, words: /certificate type "H3CSE-R&S " is unknown to the classic standard — did you mean "H3CSE-RS"\?/ },
  { name: 'an unknown lab category', source: `${valid}lab: [{category: access-piont, model: m}]\n`, code: 'unknown-lab-category', line: 4, column: 18, words: /lab category "access-piont" is unknown — did you mean "access-point"\?/ },
  { name: 'an unknown tier', source: `${valid}application: {targetTier: three-stars}\n`, code: 'unknown-tier', line: 4, column: 27, words: /tier "three-stars" .* did you mean "three-star"\?/ },
  { name: 'duplicate engineer ids', source: `${head}engineers: [{id: a, name: n}, {id: a, name: m}]\n`, code: 'duplicate-engineer', line: 3, column: 36, words: /engineer id "a" is already used/ },
];

describe('hostile input: one located error each', () => {
  it.each(cases)('$name', ({ source, format, code, line, column, words }) => {
    const errors = errorsOf(source, format);
    // Other errors may come first in the file (a misspelt field is also a missing one); the expected one must be there.
    const first = errors.find((e) => e.code === code);
    expect(first).toMatchObject({ code, line, column, severity: 'error' });
    expect(first!.message).toMatch(words);
    expect(first!.message).not.toContain('\n');
  });

  it('accepts a byte-order mark, CRLF line ends and x- notes', () => {
    expect(errorsOf(bytes([0xef, 0xbb, 0xbf], valid.replace(/\n/g, '\r\n'), 'x-note: mine\r\n'))).toEqual([]);
  });

  it('positions after a BOM are those of the text', () => {
    expect(errorsOf(bytes([0xef, 0xbb, 0xbf], `${valid}nmae: x\n`))[0]).toMatchObject({ line: 4, column: 1 });
  });

  it('refuses more than the size limit before decoding it', () => {
    const [error] = errorsOf(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x20));
    expect(error).toMatchObject({ code: 'too-large' });
    expect(error!.message).toMatch(/1 MiB/);
  });

  it('reads files one after another into a shared buffer without one leaking into the next', () => {
    const dir = scratchDirectory('read');
    try {
      writeFileSync(join(dir, 'long.yaml'), `${valid}# ${'x'.repeat(5000)}\n`);
      writeFileSync(join(dir, 'short.yaml'), valid);
      writeFileSync(join(dir, 'huge.yaml'), ' '.repeat(MAX_SOURCE_BYTES + 1));
      expect(readSource(join(dir, 'long.yaml'))).toMatchObject({ ok: true });
      expect(readSource(join(dir, 'short.yaml'))).toEqual({ ok: true, text: valid, source: join(dir, 'short.yaml') });
      expect(readSource(join(dir, 'huge.yaml'))).toMatchObject({ ok: false, error: { code: 'too-large' } });
      expect(readSource(dir)).toMatchObject({ ok: false, error: { code: 'read-error', message: 'is a directory' } });
      expect(readSource(join(dir, 'missing.yaml'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.platform !== 'win32')('refuses an endless device after one byte past the limit', () => {
    const read = readSource('/dev/zero');
    expect(read).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('lists at most MAX_ERRORS errors, then says how many more', () => {
    const engineers = Array.from({ length: MAX_ERRORS + 30 }, (_, i) => `  - {id: e${i}, name: ${i}}`).join('\n');
    const errors = errorsOf(`${head}engineers:\n${engineers}\n`);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors.at(-1)).toMatchObject({ code: 'too-many-errors', message: '… and 30 more errors; fix these first' });
  });

  it('reports only the first syntax error, not the echoes after it', () => {
    expect(errorsOf(']\n'.repeat(10_000))).toHaveLength(1);
  });

  it('orders schema errors by position in the file', () => {
    const errors = errorsOf('schemaVersion: 1\npartner: {name: 1}\nengineers: []\nlab: [{category: router, model: m, quantity: 0}]\nprojects: [{name: p, listPriceUsd: x}]\n');
    expect(errors.map((e) => e.line)).toEqual([2, 4, 5]);
  });
});

describe('prototype pollution', () => {
  it('keeps __proto__ and constructor keys as plain data and pollutes nothing', () => {
    const hostile = [
      '__proto__: {polluted: yes}',
      'constructor: {prototype: {polluted: yes}}',
      'partner: {name: P, __proto__: {polluted: yes}}',
      'schemaVersion: 1',
      'engineers: [{id: a, name: n, __proto__: {polluted: yes}}]',
    ].join('\n');
    const parsed = parseSource(hostile);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const data = parsed.parsed.data as Record<string, unknown>;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toContain('__proto__');
    const validation = validateDossier(parsed.parsed, catalogue);
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.errors.map((e) => [e.message.match(/unknown field "([^"]+)"/)?.[1], e.line])).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
      ['__proto__', 3],
      ['__proto__', 5],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('pollutes nothing through JSON either', () => {
    const parsed = parseSource('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 'json');
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('limits on what one file can make starcheck print', () => {
  it('caps duplicate keys like any other error', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `k${i % 10}: ${i}`).join('\n');
    const errors = errorsOf(text);
    expect(errors).toHaveLength(MAX_ERRORS + 1);
    expect(errors[0]).toMatchObject({ code: 'duplicate-key', line: 11, column: 1 });
    expect(errors.at(-1)!.message).toBe(`… and ${1990 - MAX_ERRORS} more errors; fix these first`);
  });
});

describe('JSON syntax errors', () => {
  it('are located at the offending character, wherever a stray one lands (V8 names no position for some)', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { root } = await import('../helpers.js');
    const text = JSON.stringify(parse(readFileSync(join(root, 'examples/two-star.yaml'), 'utf8')), null, 2);
    let located = 0;
    for (let i = 0; i < text.length; i++) {
      const broken = `${text.slice(0, i)}@${text.slice(i)}`;
      let refused = false;
      try {
        JSON.parse(broken);
      } catch {
        refused = true;
      }
      // Inside a string the @ is just a character.
      if (!refused) continue;
      const result = parseSource(broken, 'json');
      expect(result.ok).toBe(false);
      const lines = text.slice(0, i).split('\n');
      expect(result.ok ? undefined : result.errors[0]).toMatchObject({ code: 'syntax', line: lines.length, column: lines.at(-1)!.length + 1 });
      located += 1;
    }
    expect(located).toBeGreaterThan(100);
  });
});

/**
 * One reading of YAML: whichever reader takes a dossier, starcheck must read
 * it as the `yaml` package does (with parse.ts's options) — the same data,
 * the same verdict, the same positions. Generated documents reach for odd
 * but legal constructs (every quoting style, comments everywhere, CRLF,
 * document markers, long keys, numbers in every YAML 1.2 form, nulls,
 * escapes, multi-line scalars, flow collections over several lines) and a
 * few illegal ones, so both sides of the verdict are exercised. The
 * reference below reads `yaml`'s own AST; it shares no code with starcheck
 * but its options.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { segmentsOf } from '../../src/core/pointer.js';
import { fastParse } from '../../src/load/fast-parse.js';
import { parseSource, YAML_OPTIONS } from '../../src/load/parse.js';
import { pointers } from '../helpers.js';

interface Place {
  line: number;
  column: number;
}

type Reference = { ok: true; data: unknown; locate(pointer: string, target: 'key' | 'value'): Place } | { ok: false; at: Place };

/** The tags that only restate what plain YAML says; a dossier may use no other. */
const CORE_TAGS = ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`);

/**
 * What `yaml` makes of a text: its first error or warning; when there is
 * none, the first of what starcheck refuses on top (a duplicate key, which
 * `yaml` does not look for under these options, a tag beyond the core ones,
 * an alias to no anchor); otherwise its data and the places its AST gives.
 */
function reference(text: string): Reference {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  const place = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.pos[0]);
  if (problems.length === 0) {
    visit(doc, {
      Alias(_, alias) {
        if (alias.resolve(doc) === undefined) problems.push(alias.range![0]);
      },
      Node(_, node) {
        if (node.tag !== undefined && !CORE_TAGS.includes(node.tag)) problems.push(node.range![0]);
      },
      Map(_, map) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          const key = String((pair.key as { value?: unknown } | null)?.value);
          if (seen.has(key)) problems.push((pair.key as Node).range![0]);
          seen.add(key);
        }
      },
    });
  }
  if (problems.length > 0) return { ok: false, at: place(Math.min(...problems)) };
  const data = doc.toJS();
  if (data === null || data === undefined) return { ok: false, at: { line: 1, column: 1 } };
  const locate = (pointer: string, target: 'key' | 'value'): Place => {
    let node = doc.contents as Node | null;
    let offset = node?.range?.[0] ?? 0;
    const segments = segmentsOf(pointer);
    for (const [i, segment] of segments.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
        if (!pair) break;
        const key = pair.key as Node;
        if (i === segments.length - 1 && target === 'key') return place(key.range![0]);
        node = pair.value as Node | null;
        offset = node?.range?.[0] ?? key.range![0];
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (item === undefined) break;
        node = item;
        offset = item.range![0];
      } else break;
    }
    return place(offset);
  };
  return { ok: true, data, locate };
}

// ---- documents ----

/** Scalars as written in most dossiers, which the fast reader reads. */
const COMMON = ['plain', 'two words', 'Acme Ltd.', '42', '-7', '0', '"quoted"', "'single'", 'true', 'false', 'null', '~', '2024-01-31', 'a#b', 'x-y_z', '"a\\tb"'];

/** Scalars as written, one line each: numbers in every YAML 1.2 core form, nulls, booleans, dates, quoting, escapes, indicators. */
const SCALARS = [
  ...['0', '7', '-12', '+12', '012', '0o17', '0o8', '0x1F', '0X1F', '0x', '1e3', '1E-3', '-1.5e+3', '.5', '1.', '-.5', '+.5e2', '-0', '+0', '0.0'],
  ...['.inf', '-.Inf', '+.INF', '.NaN', '.nan', '.NAN', 'inf', 'NaN', '1_000', '123456789012345', '1234567890123456', '12345678901234567890', '1,5'],
  ...['~', 'null', 'Null', 'NULL', 'nULL', 'true', 'True', 'TRUE', 'false', 'FALSE', 'tRUE', 'yes', 'No', 'on', 'OFF', 'y'],
  ...['2024-01-31', '2024-01-31T10:00:00Z', '2001-12-14 21:59:43.10 -5', '12:30:00', '1:20'],
  ...['plain', 'two words', 'a#b', 'http://x.y/z#frag', 'a:b', 'a,b', 'x]', 'x}', 'a[0]', '-a', '-', '?a', ':a', '...', '---', '. . .', 'a ... b', 'a --- b'],
  ...['Zoë 日本 😀', 'a\u00a0b', '@x', '`x', '%x', '!x a', '!!str 1', '!!int 1', '!!binary x', '&anchor a', '*alias', '|', '>', 'a: b', 'a:', "it's", 'say "hi"'],
  ...['"a"', "'a'", '""', "''", "'it''s'", "'a\"b'", '"a\'b"', '"a # b"', "'#'", '"..."', "'---'", '"a: b"', '"Zoë"', '"\\/"', '"\\t\\"\\\\"'],
  ...['"\\u0041"', '"\\u00e9"', '"\\uD83D\\uDE00"', '"\\U0001F600"', '"\\x41"', '"\\N"', '"\\_"', '"\\L"', '"\\P"', '"\\e"', '"\\0"', '"\\a"', '"\\v"', '"\\ "', '"\\q"', '"\\u12"'],
];

/** Keys as their text, written plain, double- or single-quoted; some long enough to pass YAML's 1,024-character limit on implicit keys. */
const KEYS = [
  ...['name', 'id', 'a.b', 'x-y', '$ref', '_x', 'a+b', 'null', 'true', 'Yes', 'on', '__proto__', '2', '10', '-a', 'a b', 'k#', 'Zoë', '~t', 'a"b', "a'b", 'a\\b'],
  ...[1022, 1023, 1024, 1025, 1030].map((n) => 'k'.repeat(n)),
];

/** Keys the fast reader reads plain or quoted, some near the limit. */
const PLAIN_KEYS = ['name', 'id', 'a.b', 'x-y', '$ref', '_x', 'a+b', 'expires', ...[1023, 1024, 1025].map((n) => 'k'.repeat(n))];

/** A key plain, double-quoted (with an escape where "escaped"), or single-quoted. */
type Quote = 'plain' | 'double' | 'escaped' | 'single';

function quoteKey(key: string, quote: Quote): string {
  if (quote === 'double') return JSON.stringify(key);
  if (quote === 'escaped') return JSON.stringify(key).replace(/e/g, '\\u0065');
  if (quote === 'single') return `'${key.replace(/'/g, "''")}'`;
  return key;
}

interface Scalar {
  t: 'scalar';
  text: string;
}
/** A scalar over several lines: plain, quoted, or a block scalar with its header; `shift` moves its continuation lines (0 puts them at the parent's column). */
interface Multi {
  t: 'multi';
  style: 'plain' | 'double' | 'single' | 'literal' | 'folded';
  chomp: '' | '-' | '+';
  lines: string[];
  shift: number;
}
interface Entry {
  key: string;
  quote: Quote;
  value: Tree;
  /** "c" puts a comment after the entry, "l" a comment line before it, "b" a blank line before it. */
  extra: '' | 'c' | 'l' | 'b';
}
interface MapTree {
  t: 'map';
  entries: Entry[];
  /** Block, flow on one line, or flow over several lines whose continuation lines are `shift` columns further in (negative: further out). */
  flow: 'block' | 'line' | 'lines';
  step: number;
  shift: number;
}
interface SeqTree {
  t: 'seq';
  items: Array<{ value: Tree; extra: '' | 'c' | 'l' | 'b' }>;
  flow: 'block' | 'line' | 'lines';
  step: number;
  shift: number;
}
type Tree = Scalar | Multi | MapTree | SeqTree;

const extra = fc.constantFrom<'' | 'c' | 'l' | 'b'>('', '', '', '', '', 'c', 'l', 'b');
const flowStyle = fc.constantFrom<'block' | 'line' | 'lines'>('block', 'block', 'block', 'line', 'lines');

/** Every construct above, or (`mild`) mostly what dossiers hold, so that the fast reader reads a fair share. */
const treesOf = (mild: boolean) => fc.letrec<{ tree: Tree; scalar: Tree; map: MapTree; seq: SeqTree }>((tie) => ({
  tree: fc.oneof({ maxDepth: 3, depthSize: 'small' }, tie('scalar'), tie('scalar'), tie('map'), tie('seq')),
  scalar: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...COMMON).map((text): Tree => ({ t: 'scalar', text })) },
    { weight: mild ? 1 : 4, arbitrary: fc.constantFrom(...SCALARS).map((text): Tree => ({ t: 'scalar', text })) },
    {
      weight: mild ? 0 : 1,
      arbitrary: fc.record({
        t: fc.constant('multi' as const),
        style: fc.constantFrom('plain' as const, 'double' as const, 'single' as const, 'literal' as const, 'folded' as const),
        chomp: fc.constantFrom('' as const, '-' as const, '+' as const),
        lines: fc.array(fc.constantFrom('word', 'two words', '', '...', '---', '# not a comment', 'a: b', '"q"', '\\u0041 x', ' lead'), { minLength: 1, maxLength: 3 }),
        shift: fc.constantFrom(0, 1, 2, 2, 2),
      }),
    },
  ),
  map: fc.record({
    t: fc.constant('map' as const),
    entries: fc.uniqueArray(
      fc.record({ key: fc.constantFrom(...(mild ? PLAIN_KEYS : KEYS)), quote: fc.constantFrom<Quote>('plain', 'plain', 'double', 'escaped', 'single'), value: tie('tree'), extra }),
      { selector: (e) => e.key, minLength: 1, maxLength: 4 },
    ),
    flow: flowStyle,
    step: fc.constantFrom(1, 2, 2, 4),
    shift: fc.constantFrom(-1, 0, 1, 2),
  }),
  seq: fc.record({
    t: fc.constant('seq' as const),
    items: fc.array(fc.record({ value: tie('tree'), extra }), { minLength: 1, maxLength: 3 }),
    flow: flowStyle,
    step: fc.constantFrom(0, 2, 2, 3),
    shift: fc.constantFrom(-1, 0, 1, 2),
  }),
}));

const pad = (n: number): string => ' '.repeat(Math.max(0, n));

/** A multi-line scalar after "key:" or "-", its continuation lines at `indent`. */
function renderMulti(m: Multi, indent: number): string {
  const at = pad(indent + m.shift);
  if (m.style === 'literal' || m.style === 'folded') {
    return ` ${m.style === 'literal' ? '|' : '>'}${m.chomp}\n${m.lines.map((l) => (l === '' ? '' : at + l)).join('\n')}`;
  }
  const [first, ...rest] = m.lines;
  const body = [first, ...rest.map((l) => (l === '' ? '' : at + l))].join('\n');
  if (m.style === 'double') return ` "${body.replace(/"/g, '\\"')}"`;
  if (m.style === 'single') return ` '${body.replace(/'/g, "''")}'`;
  return ` ${body}`;
}

/** A flow collection; over several lines, its continuation lines are at `indent`. */
function renderFlow(tree: MapTree | SeqTree, indent: number): string {
  const lines = tree.flow === 'lines';
  const parts = tree.t === 'map' ? tree.entries.map((e) => [quoteKey(e.key, e.quote), e.value, e.extra] as const) : tree.items.map((i) => [undefined, i.value, i.extra] as const);
  const inner = indent + tree.shift;
  const out = parts.map(([key, value, x]) => {
    const text = value.t === 'scalar' ? value.text : value.t === 'multi' ? value.lines[0] || 'x' : renderFlow(value.flow === 'block' ? { ...value, flow: tree.flow } : value, inner + 1);
    const item = key === undefined ? text : `${key}:${x === 'b' && key.endsWith('"') ? '' : ' '}${text}`;
    return lines && x === 'c' ? `${item} # c` : item;
  });
  const [open, close] = tree.t === 'map' ? ['{', '}'] : ['[', ']'];
  if (!lines) return `${open}${out.join(', ')}${close}`;
  // A comment ends its line, so the comma after its item comes first.
  const joined = out.map((item, i) => (i < out.length - 1 ? item.replace(/( # c)?$/, ',$1') : item));
  return `${open}\n${joined.map((item) => pad(inner) + item).join('\n')}\n${pad(inner - 1)}${close}`;
}

/** A value with a comment after it, or after the key when the value starts on the next line. */
function commented(value: string, comment: string): string {
  return value.startsWith('\n') ? comment + value : value + comment;
}

/** The text of a block node at column `indent`, starting on its own line. */
function renderBlock(tree: MapTree | SeqTree, indent: number): string {
  const lines: string[] = [];
  const before = (x: string): void => {
    if (x === 'l') lines.push(`${pad(indent)}# comment`);
    if (x === 'b') lines.push('');
  };
  const value = (v: Tree, child: number): string => {
    if (v.t === 'scalar') return ` ${v.text}`;
    if (v.t === 'multi') return renderMulti(v, child);
    // A flow collection with the smallest step starts on the line below.
    if (v.flow !== 'block') return v.step === Math.min(v.step, 1) ? `\n${pad(child)}${renderFlow(v, child)}` : ` ${renderFlow(v, child)}`;
    return `\n${renderBlock(v, child)}`;
  };
  if (tree.t === 'map') {
    for (const e of tree.entries) {
      before(e.extra);
      const child = indent + (e.value.t === 'seq' ? e.value.step : e.value.t === 'map' ? e.value.step : 2);
      const after = e.extra === 'c' ? ' # after' : '';
      lines.push(`${pad(indent)}${quoteKey(e.key, e.quote)}:${commented(value(e.value, child), after)}`);
    }
  } else {
    for (const i of tree.items) {
      before(i.extra);
      const child = indent + 2;
      const v = i.value;
      const after = i.extra === 'c' ? ' # after' : '';
      // A mapping may start on the dash's line.
      if (v.t === 'map' && v.flow === 'block' && v.step !== 4) lines.push(`${pad(indent)}- ${renderBlock(v, child).slice(child)}${after}`);
      else lines.push(`${pad(indent)}-${commented(value(v, child + (v.t === 'map' || v.t === 'seq' ? v.step - 2 : 0)), after)}`);
    }
  }
  return lines.join('\n');
}

const documentsOf = (mild: boolean) => {
  const trees = treesOf(mild);
  return fc
  .record({
    top: fc.oneof(trees.map, trees.map, trees.seq),
    head: mild ? fc.constantFrom('', '# head\n') : fc.constantFrom('', '', '', '', '', '', '---\n', '--- # doc\n', '%YAML 1.2\n---\n', '# head\n\n', '\ufeff', '\n'),
    tail: mild ? fc.constantFrom('', '\n', '\n# tail\n', '\n\n') : fc.constantFrom('', '', '', '', '', '', '\n', '\n...\n', '\n...', '\n# tail', '\n---\n', '\n---\nb: 1\n', '\n\n\n'),
    eol: mild ? fc.constant('\n') : fc.constantFrom('\n', '\n', '\n', '\n', '\n', '\n', '\r\n', 'mixed', '\r'),
    trailing: fc.constantFrom(false, false, false, false, true),
    indent: fc.constantFrom(0, 0, 0, 1),
  })
  .map(({ top, head, tail, eol, trailing, indent }) => {
    let text = top.flow === 'block' ? renderBlock(top, indent) : pad(indent) + renderFlow(top, indent);
    text = head + text + tail;
    if (trailing) text = text.replace(/\n/g, '  \n');
    if (eol === 'mixed') text = text.replace(/\n/g, (nl, at: number) => (at % 3 === 0 ? '\r\n' : nl));
    else if (eol !== '\n') text = text.replace(/\n/g, eol);
    return text;
  });
};

/** Half of them mild. */
const documents = fc.oneof(documentsOf(false), documentsOf(true));

/** Starcheck's reading of `text` (whichever path it takes) is the reference's: data, verdict, positions. */
function readsAsYamlDoes(text: string): void {
  const expected = reference(text);
  const actual = parseSource(text);
  if (!expected.ok) {
    expect(actual.ok, 'yaml refuses it').toBe(false);
    if (actual.ok) return;
    const [first] = actual.errors;
    expect({ line: first!.line, column: first!.column }, first!.message).toEqual(expected.at);
    return;
  }
  expect(actual.ok, actual.ok ? '' : actual.errors[0]!.message).toBe(true);
  if (!actual.ok) return;
  expect(actual.parsed.data).toStrictEqual(expected.data);
  expect(JSON.stringify(actual.parsed.data), 'key order').toBe(JSON.stringify(expected.data));
  for (const pointer of [...pointers(expected.data), '/nope', '/0/nope/1']) {
    expect(actual.parsed.locate(pointer), pointer).toEqual(expected.locate(pointer, 'value'));
    expect(actual.parsed.locate(pointer, 'key'), `${pointer} (key)`).toEqual(expected.locate(pointer, 'key'));
  }
}

/** When the fast reader answers, `yaml` accepts the text and reads the same data (and JSON.parse too, for what it calls JSON). */
function fastAnswersAsYamlDoes(text: string): boolean {
  const fast = fastParse(text);
  if (fast === undefined) return false;
  const expected = reference(text);
  expect(expected.ok, 'yaml refuses what the fast reader accepted').toBe(true);
  if (expected.ok) expect(JSON.stringify(fast.data)).toBe(JSON.stringify(expected.data));
  if (expected.ok) expect(fast.data).toStrictEqual(expected.data);
  if (fast.json) expect(JSON.parse(text)).toStrictEqual(fast.data);
  return true;
}

/** JSON texts, pretty or not, some edited into what JSON or YAML refuses. */
const JSON_EDITS: Array<(text: string) => string> = [
  (t) => t,
  (t) => t,
  (t) => t.replace(/\n/g, '\r\n'),
  (t) => t.replace(/\n(\s*)"/, '\n...\n$1"'),
  (t) => t.replace(/\n(\s*)"/, '\n--- \n$1"'),
  (t) => t.replace(/\n\s*"/, '\n"'),
  (t) => t.replace(/,\n/, ', # c\n'),
  (t) => t.replace(/(\S)\n(\s*)\}/, '$1,\n$2}'),
  (t) => t.replace(/"([a-z]+)":/, '$1:'),
  (t) => t.replace(/"([a-z]+)":/, "'$1':"),
  (t) => t.replace(/^ +/gm, (s) => '\t'.repeat(s.length / 2)),
  (t) => t.replace(/: (\d+)/, ': 0$1'),
];

const jsonDocuments = fc
  .record({
    value: fc.dictionary(fc.constantFrom(...KEYS, 'a/b', 'a~b', ''), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 5 }),
    space: fc.constantFrom(0, 1, 2, 4),
    edit: fc.constantFrom(...JSON_EDITS),
  })
  .map(({ value, space, edit }) => edit(JSON.stringify(value, null, space)));

/** A .json file: accepted when JSON and yaml both take it, and then read as both read it. */
function readsJsonAsBothDo(text: string): void {
  let json: { ok: true; data: unknown } | { ok: false };
  try {
    json = { ok: true, data: JSON.parse(text) };
  } catch {
    json = { ok: false };
  }
  const expected = reference(text);
  const actual = parseSource(text, 'json');
  expect(actual.ok, actual.ok ? 'accepted' : actual.errors[0]!.message).toBe(json.ok && expected.ok);
  if (json.ok && !expected.ok && !actual.ok) expect({ line: actual.errors[0]!.line, column: actual.errors[0]!.column }).toEqual(expected.at);
  if (!actual.ok || !expected.ok || !json.ok) return;
  expect(actual.parsed.data).toStrictEqual(expected.data);
  expect(actual.parsed.data).toStrictEqual(json.data);
  for (const pointer of pointers(expected.data)) {
    expect(actual.parsed.locate(pointer), pointer).toEqual(expected.locate(pointer, 'value'));
    expect(actual.parsed.locate(pointer, 'key'), `${pointer} (key)`).toEqual(expected.locate(pointer, 'key'));
  }
}

// Fixed seeds keep the file's runs alike (and about a second on a quiet machine); 20,000 unseeded runs of each passed when this was written.
const RUNS = { numRuns: 500, seed: 20261203 };
const JSON_RUNS = { numRuns: 300, seed: 20261204 };

describe('one reading of YAML', () => {
  it('reads a generated document exactly as yaml does: data, verdict and positions', () => {
    fc.assert(fc.property(documents, readsAsYamlDoes), RUNS);
  });

  it('reads a generated .json file as JSON and yaml both do, or refuses it where either does', () => {
    fc.assert(fc.property(jsonDocuments, readsJsonAsBothDo), JSON_RUNS);
  });

  it('answers only for what yaml accepts, and then with the same data', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(documents, jsonDocuments), (text) => {
        if (fastAnswersAsYamlDoes(text)) answered++;
      }),
      RUNS,
    );
    // The generator reaches the fast reader's side of the line too.
    expect(answered).toBeGreaterThan(RUNS.numRuns / 20);
  });
});

/** Texts each reader once read apart: each is read by starcheck as yaml reads it. */
const DIVERGENCES: Array<[string, string]> = [
  ['a plain key of 1,025 characters', `${'k'.repeat(1025)}: 1\n`],
  ['a quoted key whose colon is 1,025 characters past its start', `"${'k'.repeat(1023)}": 1\n`],
  ['a long key in a mapping in a list', `- ${'k'.repeat(1025)}: 1\n`],
  ['a key of 1,024 characters, which yaml takes', `${'k'.repeat(1024)}: 1\n`],
  ['"..." at a line start inside a flow mapping over several lines', '{"a":\n...\n}\n'],
  ['"..." at a line start inside a flow sequence over several lines', '["a",\n...\n]\n'],
  ['"---" at a line start inside a flow mapping over several lines', '{"a":\n--- \n}\n'],
  ['a flow mapping under a key whose lines come back to the key\'s column', 'a:\n {\n"b": 1}\n'],
];

describe('texts the readers once read apart', () => {
  it.each(DIVERGENCES)('%s', (_, text) => {
    readsAsYamlDoes(text);
    readsAsYamlDoes(text.replace(/\n/g, '\r\n'));
    fastAnswersAsYamlDoes(text);
  });

  it('steps aside for what yaml refuses', () => {
    for (const [name, text] of DIVERGENCES) {
      if (!reference(text).ok) expect(fastParse(text), name).toBeUndefined();
    }
  });
});

/**
 * Parsing YAML (and JSON, which the same parser reads) while keeping source
 * positions, so every later finding can name a line and column. The plain
 * YAML and JSON most dossiers are written in go through a fast reader; the
 * `yaml` package reads everything else and has the last word on errors.
 *
 * The input may be hostile, so parsing is fenced in: nesting is measured on
 * the text before `yaml` sees it (yaml recurses, and deep enough block
 * nesting aborts the whole process, which no try/catch can stop; the fast
 * reader bounds its own depth and indentation), duplicate
 * keys are found here in linear time (yaml's own check is quadratic in the
 * keys of a map), aliases are counted, explicit tags other than the core ones
 * are refused, and only the first syntax error is reported (later ones are
 * mostly echoes of it).
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { capped, printable, type Finding } from '../core/findings.js';
import { segmentsOf } from '../core/pointer.js';
import { fastParse, MAX_DEPTH, MAX_INDENT, placeOf, type FastParsed } from './fast-parse.js';

export { MAX_DEPTH, MAX_INDENT };

// `yaml` loads only for a text the fast reader leaves to it: loading it is a large part of a one-dossier run.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}

/**
 * How `yaml` is asked to read a dossier: YAML 1.2's core schema (so `yes`
 * and `1_000` are strings), every error the spec requires, keys as strings,
 * and duplicate keys left to `structureProblems`.
 */
export const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, schema: 'core', stringKeys: true } as const;

/** Aliases a dossier may use before it looks like an expansion attack. */
export const MAX_ALIASES = 100;
/** The core tags, which only restate what plain YAML already says. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

export interface Position {
  line: number;
  column: number;
}

export interface ParsedSource {
  data: unknown;
  /**
   * Where a JSON pointer lies in the source; `key` points at the field name
   * instead of its value. The same object each time the same place is asked
   * for: copy it, do not change it.
   */
  locate(pointer: string, target?: 'key' | 'value'): Readonly<Position>;
}

export type ParseResult = { ok: true; parsed: ParsedSource } | { ok: false; errors: Finding[] };

function syntaxError(code: string, message: string, position: Position): Finding {
  return { code, severity: 'error', message: printable(message), ...position };
}

function positionAt(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** 1-based line and column of an offset, as yaml's LineCounter gives them. */
function positionIn(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** With no more opening brackets than the depth limit, no depth can pass it, and only line starts need a look. */
function fewBrackets(text: string): boolean {
  let count = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i >= 0; i = text.indexOf(bracket, i + 1)) if (++count > MAX_DEPTH) return false;
  }
  return true;
}

/** A space, or a block indicator (- ? :) followed by a space, is indentation. */
function indents(ch: number, next: number): boolean {
  return ch === 0x20 || ((ch === 0x2d || ch === 0x3f || ch === 0x3a) && (next === 0x20 || next === 0x09));
}

function tooIndentedAt(offset: number): { offset: number; message: string } {
  return { offset, message: `indented more than ${MAX_INDENT} columns; a dossier never nests that deep` };
}

/** The first line indented past the limit, when the brackets are few. */
function tooIndented(text: string): { offset: number; message: string } | undefined {
  for (let lineStart = 0; ; ) {
    let i = lineStart;
    while (indents(text.charCodeAt(i), text.charCodeAt(i + 1))) if (++i - lineStart > MAX_INDENT) return tooIndentedAt(i - 1);
    const nl = text.indexOf('\n', i);
    if (nl < 0) return undefined;
    lineStart = nl + 1;
  }
}

/**
 * The first place the text nests too deep: bracket depth for flow
 * collections, leading indentation for block ones. Brackets inside quoted
 * strings count too; a dossier has no reason to hold 64 unclosed brackets in
 * a string.
 */
function tooDeepAnywhere(text: string): { offset: number; message: string } | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (indents(ch, text.charCodeAt(i + 1))) {
        indent++;
        if (indent > MAX_INDENT) return tooIndentedAt(i);
        continue;
      }
      lineStart = false;
    }
    if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > MAX_DEPTH) return { offset: i, message: `brackets nested deeper than ${MAX_DEPTH} levels; a dossier never needs that` };
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
  }
  return undefined;
}

/** The parser's words, made plainer where a dossier's author would otherwise be puzzled. */
function describeYamlError(error: YAMLError): { code: string; message: string } {
  switch (error.code) {
    case 'MULTIPLE_DOCS':
      return { code: 'several-documents', message: 'a second YAML document starts here; a dossier is one document (remove the "---" or split the file)' };
    case 'NON_STRING_KEY':
      return { code: 'syntax', message: 'a field name must be a plain string, not a list or mapping' };
    case 'TAG_RESOLVE_FAILED':
      return { code: 'custom-tag', message: `the tag ${error.message.replace(/^Unresolved tag: /, '')} is not allowed; a dossier is plain YAML (remove the tag)` };
    case 'TAB_AS_INDENT':
      return { code: 'syntax', message: 'tabs are not allowed as indentation in YAML; indent with spaces' };
    default:
      return { code: 'syntax', message: `YAML syntax: ${oneLine(error.message)}` };
  }
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/**
 * What the parser does not check, or checks too slowly: duplicate keys, tags
 * and aliases. Returns the problems in source order.
 */
function structureProblems(doc: Document.Parsed, lineCounter: LineCounter): Finding[] {
  const { isAlias, isMap, isScalar, visit } = yaml();
  const problems: Array<Finding & { offset: number }> = [];
  const add = (code: string, message: string, offset: number): void => {
    problems.push({ ...syntaxError(code, message, positionAt(lineCounter, offset)), offset });
  };
  // Where each anchor met so far ends, in document order: an alias refers to a node that ends before
  // it, never to one it stands inside (`&e [ *e ]` would be a cycle). (yaml's own Alias.resolve
  // searches the document from its start for each alias: quadratic in the aliases.)
  const anchorEnds = new Map<string, number>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) {
        const start = node.range?.[0] ?? 0;
        const end = anchorEnds.get(node.source);
        if (end === undefined) add('syntax', `alias *${node.source} refers to no anchor &${node.source} before it`, start);
        else if (end > start) add('syntax', `alias *${node.source} stands inside the node anchored &${node.source}, which would contain itself`, start);
        return;
      }
      if (node.anchor !== undefined) anchorEnds.set(node.anchor, node.range?.[1] ?? 0);
      if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
        add('custom-tag', `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; a dossier is plain YAML (remove the tag)`, node.range?.[0] ?? 0);
      }
      if (!isMap(node)) return;
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const offset = pair.key.range?.[0] ?? 0;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else add('duplicate-key', `duplicate key "${key}" (first at line ${positionAt(lineCounter, first).line}); each field may appear once`, offset);
      }
    },
  });
  return capped(problems.sort((a, b) => a.offset - b.offset).map(({ offset: _, ...finding }) => finding));
}

/** The position of the first alias, where an expansion attack starts to show. */
function firstAlias(doc: Document.Parsed): number {
  const { visit } = yaml();
  let offset = 0;
  visit(doc, {
    Alias(_, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * A `.json` file must be JSON, not merely YAML (which accepts trailing
 * commas, comments and unquoted strings), so JSON's own parser judges its
 * syntax first; the YAML parser then supplies the positions.
 */
function jsonSyntaxError(text: string): Finding | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as SyntaxError).message;
    const at = /at position (\d+)/.exec(message);
    // Cut short, the text ends where JSON.parse gave up.
    const offset = at ? Number(at[1]) : message.startsWith('Unexpected end of JSON input') ? text.length : jsonErrorOffset(text);
    // V8 quotes the text around an unexpected token ("Unexpected token 'A', ..."{"name": Acme}"... is not valid JSON"); the position says where.
    const token = /^Unexpected token (.+?), .*is not valid JSON$/s.exec(message);
    const words = token ? `Unexpected token ${token[1]}` : message.replace(/ (?:in JSON )?at position \d+.*$/s, '').replace(/ of JSON input$/, '');
    return syntaxError('syntax', `JSON syntax: ${words.charAt(0).toLowerCase()}${words.slice(1)}`, positionIn(lineStartsOf(text), offset));
  }
}

/**
 * Where JSON.parse gives up, for the messages that do not say. Every prefix
 * up to the offending character is the start of some JSON text, which
 * JSON.parse takes or finds cut short (at its very end); every longer
 * prefix holds that character and is refused before its end. So the shortest prefix refused for
 * anything but its end ends just past it. Only a broken .json file pays the
 * twenty-odd parses.
 */
function jsonErrorOffset(text: string): number {
  const refused = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      // Cut short: "Unexpected end", or a complaint about the place where the prefix ends.
      const { message } = error as SyntaxError;
      const at = /at position (\d+)/.exec(message);
      return !message.startsWith('Unexpected end of JSON input') && (at === null || Number(at[1]) < length);
    }
  };
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (refused(mid)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

/**
 * The fences (nesting, then JSON's syntax) come before any parser, measured
 * on the text, except that the fast reader goes first when the brackets are
 * few: a text it reads has no line indented past the limit, so the fences
 * could only find something in a `.json` file that is not strict JSON.
 */
export function parseSource(text: string, format: 'yaml' | 'json' = 'yaml'): ParseResult {
  const few = fewBrackets(text);
  let fast = few ? fastParse(text) : undefined;
  if (fast !== undefined && (format === 'yaml' || fast.json)) return fastParsed(text, fast);
  const deep = few ? tooIndented(text) : tooDeepAnywhere(text);
  if (deep) return { ok: false, errors: [syntaxError('too-deep', deep.message, positionIn(lineStartsOf(text), deep.offset))] };
  const json = format === 'json' ? jsonSyntaxError(text) : undefined;
  if (json) return { ok: false, errors: [json] };
  if (!few) fast = fastParse(text);
  return fast !== undefined ? fastParsed(text, fast) : parseWithYaml(text);
}

function fastParsed(text: string, fast: FastParsed): ParseResult {
  // Line starts are worked out on the first locate, not for a text that is only parsed.
  let lineStarts: number[] | undefined;
  const locate = (pointer: string, target: 'key' | 'value' = 'value'): Position => {
    lineStarts ??= lineStartsOf(text);
    return positionIn(lineStarts, placeOf(fast, segmentsOf(pointer), target));
  };
  return { ok: true, parsed: { data: fast.data, locate } };
}

/** The full YAML path: every construct, every error message. The caller has measured the nesting. */
export function parseWithYaml(text: string): ParseResult {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // The parser makes an Error per problem; on hostile input there can be a
  // million of them, and capturing each one's stack costs more than parsing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const first = [...doc.errors, ...doc.warnings].sort((a, b) => a.pos[0] - b.pos[0])[0];
  if (first) {
    const { code, message } = describeYamlError(first);
    return { ok: false, errors: [syntaxError(code, message, positionAt(lineCounter, first.pos[0]))] };
  }
  const problems = structureProblems(doc, lineCounter);
  if (problems.length > 0) return { ok: false, errors: problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/alias count/i.test(error.message)) throw error;
    const at = positionAt(lineCounter, firstAlias(doc));
    return { ok: false, errors: [syntaxError('alias-bomb', `aliases expand to more than ${MAX_ALIASES} copies; is this an alias bomb?`, at)] };
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [syntaxError('empty', 'the document is empty; start from `starcheck init`', { line: 1, column: 1 })] };
  }
  return { ok: true, parsed: { data, locate: (pointer, target = 'value') => locate(doc, lineCounter, pointer, target) } };
}

/** How a file's text is parsed: by its extension, and as YAML (a superset of JSON) when it has none. */
export function formatOf(file: string): 'yaml' | 'json' {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}


function locate(doc: Document.Parsed, lineCounter: LineCounter, pointer: string, target: 'key' | 'value'): Position {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yaml();
  const segments = segmentsOf(pointer);
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const key = pair.key as Node;
      if (last && target === 'key') {
        offset = key.range?.[0] ?? offset;
        break;
      }
      node = pair.value as Node | null;
      offset = node?.range?.[0] ?? key.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return positionAt(lineCounter, offset);
}

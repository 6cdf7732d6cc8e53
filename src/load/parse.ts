/**
 * Parsing YAML (and JSON, which the same parser reads) while keeping source
 * positions, so every later finding can name a line and column. The plain
 * YAML and JSON most dossiers are written in go through a fast reader; the
 * `yaml` package reads everything else and has the last word on errors.
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import type { Finding } from '../findings.js';
import { fastParse, placeOf } from './fast-parse.js';

// `yaml` loads only for a text the fast reader leaves to it: loading it is a large part of a one-dossier run.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;
function yaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}

/** Aliases a dossier may use before it looks like an expansion attack. */
const MAX_ALIASES = 100;
/** Nesting a dossier never needs; deeper input is refused before the parser recurses. */
export const MAX_DEPTH = 64;

export interface Position {
  line: number;
  column: number;
}

export interface ParsedSource {
  data: unknown;
  /** Where a JSON pointer lies in the source; `key` points at the field name instead of its value. */
  locate(pointer: string, target?: 'key' | 'value'): Position;
}

export type ParseResult = { ok: true; parsed: ParsedSource } | { ok: false; errors: Finding[] };

function syntaxError(message: string, position: Position | undefined, code = 'syntax'): Finding {
  return { code, severity: 'error', message, ...(position ?? {}) };
}

/**
 * The deepest bracket nesting, measured cheaply on the text before parsing,
 * so a hostile file cannot drive the parser's recursion. (Block nesting costs
 * a column per level, so the size limit already bounds it; a stack overflow
 * there is still caught and reported.)
 */
function nestingDepth(text: string): { depth: number; offset: number } {
  let depth = 0;
  let max = 0;
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > max) {
        max = depth;
        offset = i;
      }
    } else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
  }
  return { depth: max, offset };
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

export function parseSource(text: string): ParseResult {
  const fast = fastParse(text);
  // An empty document is left to the full path, which says so.
  if (fast !== undefined && fast.data !== null) {
    let lineStarts: number[] | undefined;
    const locateFast = (pointer: string, target: 'key' | 'value' = 'value'): Position => {
      lineStarts ??= lineStartsOf(text);
      return positionIn(lineStarts, placeOf(fast.places, segmentsOf(pointer), target));
    };
    return { ok: true, parsed: { data: fast.data, locate: locateFast } };
  }
  return parseWithYaml(text);
}

/** The full YAML path: every construct, every error message. */
export function parseWithYaml(text: string): ParseResult {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const nesting = nestingDepth(text);
  if (nesting.depth > MAX_DEPTH) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return { ok: false, errors: [syntaxError(`nesting deeper than ${MAX_DEPTH} levels; a dossier never needs that`, positionAt(lineCounter, nesting.offset), 'too-deep')] };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, schema: 'core', stringKeys: true });
  } catch (error) {
    return { ok: false, errors: [syntaxError(`cannot parse: ${(error as Error).message}`, undefined)] };
  }
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      errors: problems.map((p) => syntaxError(oneLine(p.message), positionAt(lineCounter, p.pos[0]), p.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax')),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    const bomb = /alias/i.test(message);
    return {
      ok: false,
      errors: [syntaxError(bomb ? `too many alias expansions (over ${MAX_ALIASES}); is this an alias bomb?` : `cannot read the document: ${oneLine(message)}`, undefined, bomb ? 'alias-bomb' : 'syntax')],
    };
  }
  if (data === null || data === undefined) {
    return { ok: false, errors: [syntaxError('the document is empty', { line: 1, column: 1 }, 'empty')] };
  }
  return { ok: true, parsed: { data, locate: (pointer, target = 'value') => locate(doc, lineCounter, pointer, target) } };
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** Unescapes one JSON pointer segment. */
function segmentOf(raw: string): string {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(segmentOf);
}

function locate(doc: Document.Parsed, lineCounter: LineCounter, pointer: string, target: 'key' | 'value'): Position {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const segments = segmentsOf(pointer);
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const [i, segment] of segments.entries()) {
    const last = i === segments.length - 1;
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

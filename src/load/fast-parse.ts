/**
 * A fast reader for the plain YAML and the JSON that dossiers are written in:
 * block mappings and sequences, one-line flow collections (any flow
 * collection for a JSON document), plain and simply quoted scalars,
 * comments.
 *
 * It is an optimisation only: whenever the text strays from that subset in
 * any way it is not sure about — anchors, tags, block scalars, multi-line
 * scalars, escapes beyond JSON's, duplicate keys, keys past YAML's 1,024
 * characters, a document marker at any line's start, a flow collection's
 * line further out than `yaml` allows, anything the `yaml` package would
 * warn about — it returns undefined and the caller parses with `yaml`, which
 * has the last word and the error messages: a verdict never depends on which
 * reader ran. Differential and property tests (fast-parse*.test.ts) check
 * that whatever it does return is exactly what `yaml` yields, values and
 * positions alike.
 *
 * Positions are only needed once something is located, so the reader just
 * notes offsets in reading order (a number per node and per key);
 * `placeOf` pairs them with the data along the path of each position asked for.
 */

export interface FastParsed {
  data: unknown;
  /** Where each node starts and, within a mapping, each key, in reading order: see `placeOf`. */
  offsets: number[];
  /** Whether the text is strict JSON too (double-quoted strings, JSON's literals, no comments), which JSON.parse would read alike. */
  json: boolean;
}

/** Thrown inside the reader to give up; never escapes it. */
class Unsure extends Error {}
const unsure = new Unsure();

// Characters that make YAML read a text differently from what it looks like, or that the subset leaves to `yaml`.
const AWKWARD = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
/** Whole numbers that Number() and YAML's core schema read alike. */
const SAFE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
/** The core schema's other numbers (yaml/dist/schema/core): left to `yaml`. */
const OTHER_NUMBER =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

const NL = 0x0a;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const SINGLE_QUOTE = 0x27;
const PLUS = 0x2b;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Marks per ASCII code: every key and scalar character is looked up here. */
const KEY_START = 1;
const KEY_CHAR = 2;
const INDICATOR = 4;
const FLOW_STOP = 8;
const DIGIT = 16;
const CLASSES = new Uint8Array(128);
const mark = (chars: string, bits: number): void => {
  for (const ch of chars) CLASSES[ch.charCodeAt(0)]! |= bits;
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
mark(`${LETTERS}_$`, KEY_START);
// `[\w$.+-]`, a character of a plain key.
mark(`${LETTERS}0123456789_$.+-`, KEY_CHAR);
mark('-?:,[]{}#&*!|>\'"%@`', INDICATOR);
mark(',[]{}\n#:', FLOW_STOP);
mark('0123456789', DIGIT);

/** Whether `code` (NaN past the end of the text) has one of the marks. */
function is(code: number, bits: number): boolean {
  return code < 128 && (CLASSES[code]! & bits) !== 0;
}

/** Bracket nesting a dossier never needs; deeper input is refused before any parser recurses. */
export const MAX_DEPTH = 64;
/**
 * Leading indentation (spaces and block indicators) a dossier never needs.
 * Each block level costs at least one column, so this bounds block nesting
 * well below where the parser's recursion fails.
 */
export const MAX_INDENT = 128;
/** How far past an implicit key's start its colon may be: `yaml` refuses a longer key (YAML 1.2, 7.4.2), so it is left to `yaml`. */
const MAX_KEY = 1024;

/** The plain scalar's value under YAML 1.2's core schema, or unsure. */
function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  // Only these first characters can start a null, a boolean or a number.
  if (is(first, DIGIT) || first === DASH || first === PLUS || first === DOT) {
    if (SAFE_INT.test(text)) {
      if (text === '-0') throw unsure;
      return Number(text);
    }
    if (OTHER_NUMBER.test(text)) throw unsure;
  } else if (first === 0x7e || first === 0x6e || first === 0x4e) {
    if (NULL.test(text)) return null;
  } else if (first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46) {
    if (BOOL.test(text)) return first === 0x74 || first === 0x54;
  }
  return text;
}

/** The character a JSON escape (the code after the backslash) stands for, or undefined. */
function unescaped(code: number): string | undefined {
  switch (code) {
    case DOUBLE_QUOTE:
      return '"';
    case BACKSLASH:
      return '\\';
    case 0x2f:
      return '/';
    case 0x6e:
      return '\n';
    case 0x74:
      return '\t';
    case 0x72:
      return '\r';
    case 0x62:
      return '\b';
    case 0x66:
      return '\f';
    default:
      return undefined;
  }
}

class Reader {
  pos = 0;
  depth = 0;
  /** Where the line holding `pos` starts, for columns. */
  lineStart = 0;
  /**
   * The least column a line inside a flow collection over several lines may
   * start at: past the block node holding the collection (0 for a document
   * that is one flow collection). `yaml` ends a collection at a line further out.
   */
  flowColumn = 0;
  readonly offsets: number[] = [];
  /** Cleared by the first thing JSON would not accept. */
  json = true;
  constructor(readonly text: string) {}

  code(at: number): number {
    return this.text.charCodeAt(at);
  }

  atEnd(at = this.pos): boolean {
    return at >= this.text.length;
  }

  /** Skips spaces on this line. */
  spaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos++;
  }

  /** Moves past the comment at `pos` and its newline. */
  skipComment(): void {
    this.json = false;
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl + 1;
    this.lineStart = this.pos;
  }

  /** At the end of a line's content: spaces, then a comment or the line end. Moves past the newline. */
  endOfLine(): void {
    this.spaces();
    const ch = this.code(this.pos);
    if (ch === HASH) {
      // A comment needs a space before it; "a#b" was handled by the scalar reader.
      if (this.code(this.pos - 1) !== SPACE) throw unsure;
      this.skipComment();
    } else if (ch === NL) {
      this.pos++;
      this.lineStart = this.pos;
    } else if (!this.atEnd()) {
      throw unsure;
    }
  }

  /**
   * A line's indentation past MAX_INDENT is left to `yaml`'s side, where
   * parse.ts reports it. Called where the spaces at a line's start end; a
   * line starts with at most one "- " the reader accepts, and its content
   * cannot start with another block indicator, so this is all of the
   * indentation parse.ts measures.
   */
  indentWithin(): void {
    if (this.pos - this.lineStart <= MAX_INDENT) return;
    // Far along a line is indentation only if nothing but spaces and a dash comes before: a one-line JSON document is not indented.
    for (let i = this.lineStart; i < this.pos; i++) {
      const ch = this.code(i);
      if (ch !== SPACE && ch !== DASH) return;
    }
    throw unsure;
  }

  /**
   * Skips blank and comment-only lines; leaves `pos` at the next content's
   * first character and returns its column (-1 at the end). Idempotent.
   * Called at a line's start, or at its content.
   */
  nextContent(): number {
    for (;;) {
      this.spaces();
      this.indentWithin();
      if (this.atEnd()) return -1;
      const ch = this.code(this.pos);
      if (ch === NL) {
        this.pos++;
        this.lineStart = this.pos;
        continue;
      }
      if (ch === HASH) {
        this.skipComment();
        continue;
      }
      this.notMarker();
      return this.pos - this.lineStart;
    }
  }

  /**
   * Called where a line's content starts, in block or flow context alike:
   * a document marker or a directive at a line's start belongs to `yaml`
   * (for `yaml`, "---" or "..." there ends every collection still open).
   */
  notMarker(): void {
    if (this.pos !== this.lineStart) return;
    const ch = this.code(this.pos);
    if (ch === PERCENT || ((ch === DASH || ch === DOT) && (this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos)))) throw unsure;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw unsure;
  }

  /** A block node starting at `pos`, whose lines are at column `indent`, in a node whose lines are at column `parent`. */
  blockNode(indent: number, parent: number): unknown {
    const ch = this.code(this.pos);
    if (ch === DASH && this.isSeqDash()) return this.blockSeq(indent);
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      this.flowColumn = parent + 1;
      const node = this.flowNode(true);
      this.endOfLine();
      return node;
    }
    return this.blockMap(indent);
  }

  isSeqDash(): boolean {
    const next = this.code(this.pos + 1);
    return next === SPACE || next === NL || this.atEnd(this.pos + 1);
  }

  /** Whether a mapping key starts here: `key:` then a space or the line end. */
  keyAhead(): boolean {
    const ch = this.code(this.pos);
    let end: number;
    if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
      end = this.text.indexOf(ch === DOUBLE_QUOTE ? '"' : "'", this.pos + 1);
      if (end < 0) return false;
      end++;
    } else {
      end = this.keyCharsFrom(this.pos);
    }
    if (this.code(end) !== COLON) return false;
    const after = this.code(end + 1);
    return after === SPACE || after === NL || this.atEnd(end + 1);
  }

  /** Where the run of plain-key characters starting at `from` ends. */
  keyCharsFrom(from: number): number {
    let end = from;
    while (is(this.code(end), KEY_CHAR)) end++;
    return end;
  }

  /** Reads a key at `pos` and moves past its colon. */
  key(): string {
    const start = this.pos;
    const ch = this.code(start);
    let key: string;
    if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
      // A quoted key of key characters only (all of JSON's, as a dossier writes them) needs no unquoting.
      const end = this.keyCharsFrom(this.pos + 1);
      const simple = is(this.code(this.pos + 1), KEY_START) && this.code(end) === ch && this.code(end + 1) !== ch;
      if (simple) {
        if (ch === SINGLE_QUOTE) this.json = false;
        key = this.text.slice(this.pos + 1, end);
        this.pos = end + 1;
      } else key = this.quoted();
      // A key like "2" would come first in a JavaScript object, out of reading order (see span).
      if (key === '__proto__' || is(key.charCodeAt(0), DIGIT)) throw unsure;
    } else {
      this.json = false;
      // A plain key is `[A-Za-z_$][\w$.+-]*`, and not one YAML reads as something else.
      if (!is(ch, KEY_START)) throw unsure;
      const end = this.keyCharsFrom(start + 1);
      key = this.text.slice(start, end);
      if ((ch === 0x6e || ch === 0x4e || ch === 0x74 || ch === 0x54 || ch === 0x66 || ch === 0x46 || ch === 0x5f) && RESERVED_KEY.test(key)) throw unsure;
      this.pos = end;
    }
    if (this.code(this.pos) !== COLON || this.pos - start > MAX_KEY) throw unsure;
    this.pos++;
    return key;
  }

  blockMap(indent: number): unknown {
    this.enter();
    this.json = false;
    const data: Record<string, unknown> = {};
    this.offsets.push(this.pos);
    for (;;) {
      this.offsets.push(this.pos);
      const key = this.key();
      const after = this.code(this.pos);
      if (!(after === SPACE || after === NL || this.atEnd())) throw unsure;
      if (Object.hasOwn(data, key)) throw unsure;
      // A value that runs on to a more indented line is left to `yaml`: the column check below catches it.
      data[key] = this.blockValue(indent);
      const col = this.nextContent();
      if (col < indent) break;
      if (col > indent) throw unsure;
    }
    this.depth--;
    return data;
  }

  /** The value after a key's colon (or a sequence dash) belonging to a node at column `indent`. */
  blockValue(indent: number): unknown {
    this.spaces();
    const ch = this.code(this.pos);
    if (ch === NL || ch === HASH || this.atEnd()) {
      // The value is on the lines below, indented further.
      this.endOfLine();
      const col = this.nextContent();
      if (col <= indent) throw unsure;
      return this.blockNode(col, indent);
    }
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      const node = this.flowNode(false);
      this.endOfLine();
      return node;
    }
    this.offsets.push(this.pos);
    const value = ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE ? this.quoted() : this.plainBlock();
    this.endOfLine();
    return value;
  }

  blockSeq(indent: number): unknown {
    this.enter();
    this.json = false;
    const data: unknown[] = [];
    this.offsets.push(this.pos);
    for (;;) {
      this.pos++; // the dash
      this.spaces();
      this.indentWithin();
      const ch = this.code(this.pos);
      let item: unknown;
      if (ch === NL || ch === HASH || this.atEnd()) {
        item = this.blockValue(indent);
      } else if (ch === DASH && this.isSeqDash()) {
        throw unsure;
      } else if (this.keyAhead()) {
        // "- key: value": a mapping whose lines align with its first key.
        item = this.blockMap(this.pos - this.lineStart);
      } else {
        item = this.blockValue(indent);
      }
      data.push(item);
      const col = this.nextContent();
      if (col < indent) break;
      if (col > indent || this.code(this.pos) !== DASH || !this.isSeqDash()) throw unsure;
    }
    this.depth--;
    return data;
  }

  /** Whether `ch`, starting a plain scalar, makes it something else (an indicator other than a negative number's dash). */
  indicatorStart(ch: number): boolean {
    return is(ch, INDICATOR) && !(ch === DASH && is(this.code(this.pos + 1), DIGIT));
  }

  /** A plain scalar in block context, to the end of its line or comment. */
  plainBlock(): unknown {
    this.json = false;
    const text = this.text;
    const start = this.pos;
    if (this.indicatorStart(text.charCodeAt(start))) throw unsure;
    let end = start;
    for (; end < text.length; end++) {
      const ch = text.charCodeAt(end);
      if (ch === NL || (ch === HASH && text.charCodeAt(end - 1) === SPACE)) break;
      if (ch === COLON) {
        // "a: b" and a trailing "a:" are mappings, not scalars.
        const next = text.charCodeAt(end + 1);
        if (next === SPACE || next === NL || end + 1 >= text.length) throw unsure;
      }
    }
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.pos = end;
    return resolvePlain(text.slice(start, end));
  }

  /** A quoted scalar on one line, with JSON's escapes only. */
  quoted(): string {
    const text = this.text;
    const quote = text.charCodeAt(this.pos);
    if (quote === SINGLE_QUOTE) this.json = false;
    let out = '';
    let from = this.pos + 1;
    let i = from;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (ch === NL || i >= text.length) throw unsure;
      if (ch === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          out += text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (ch === BACKSLASH && quote === DOUBLE_QUOTE) {
        const escaped = unescaped(text.charCodeAt(i + 1));
        if (escaped === undefined) throw unsure;
        out += text.slice(from, i) + escaped;
        i += 2;
        from = i;
        continue;
      }
      i++;
    }
    this.pos = i + 1;
    return out + text.slice(from, i);
  }

  /** Spaces, and newlines too where a flow collection may span lines (a JSON document). */
  flowSpace(multiline: boolean): void {
    let lineStarted = false;
    for (;;) {
      const ch = this.code(this.pos);
      if (ch === SPACE) {
        this.pos++;
        continue;
      }
      if (lineStarted) {
        this.indentWithin();
        if (ch !== NL && this.pos - this.lineStart < this.flowColumn) throw unsure;
        this.notMarker();
      }
      if (ch !== NL || !multiline) return;
      this.pos++;
      this.lineStart = this.pos;
      lineStarted = true;
    }
  }

  flowNode(multiline: boolean): unknown {
    const at = this.pos;
    const ch = this.code(at);
    if (ch === OPEN_BRACE) return this.flowMap(multiline);
    if (ch === OPEN_BRACKET) return this.flowSeq(multiline);
    this.offsets.push(at);
    let value: unknown;
    if (ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE) {
      value = this.quoted();
    } else {
      if (this.atEnd() || this.indicatorStart(ch)) throw unsure;
      const text = this.text;
      let end = at;
      while (end < text.length && !is(text.charCodeAt(end), FLOW_STOP)) end++;
      while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
      if (end === at) throw unsure;
      this.pos = end;
      const raw = text.slice(at, end);
      value = resolvePlain(raw);
      if (typeof value !== 'number' && raw !== 'null' && raw !== 'true' && raw !== 'false') this.json = false;
    }
    return value;
  }

  /** After an item or entry: a comma and more, or the closing bracket. Returns true when closed. */
  flowNext(close: number, multiline: boolean): boolean {
    this.flowSpace(multiline);
    const ch = this.code(this.pos);
    if (ch === close) {
      this.pos++;
      return true;
    }
    if (ch !== COMMA) throw unsure;
    this.pos++;
    this.flowSpace(multiline);
    // A trailing comma is YAML but not JSON; leave it to `yaml`.
    if (this.code(this.pos) === close) throw unsure;
    return false;
  }

  flowMap(multiline: boolean): unknown {
    this.enter();
    const data: Record<string, unknown> = {};
    this.offsets.push(this.pos);
    this.pos++;
    this.flowSpace(multiline);
    if (this.code(this.pos) === CLOSE_BRACE) {
      this.pos++;
    } else {
      for (;;) {
        this.offsets.push(this.pos);
        const ch = this.code(this.pos);
        const quotedKey = ch === DOUBLE_QUOTE || ch === SINGLE_QUOTE;
        const key = this.key();
        if (Object.hasOwn(data, key)) throw unsure;
        // "a:1" is one plain scalar in YAML; only a quoted key may touch its value.
        const after = this.code(this.pos);
        if (!quotedKey && after !== SPACE && after !== NL) throw unsure;
        this.flowSpace(multiline);
        data[key] = this.flowNode(multiline);
        if (this.flowNext(CLOSE_BRACE, multiline)) break;
      }
    }
    this.depth--;
    return data;
  }

  flowSeq(multiline: boolean): unknown {
    this.enter();
    const data: unknown[] = [];
    this.offsets.push(this.pos);
    this.pos++;
    this.flowSpace(multiline);
    if (this.code(this.pos) === CLOSE_BRACKET) {
      this.pos++;
    } else {
      for (;;) {
        data.push(this.flowNode(multiline));
        // "[a: 1]" is a one-pair mapping in YAML.
        this.flowSpace(multiline);
        if (this.code(this.pos) === COLON) throw unsure;
        if (this.flowNext(CLOSE_BRACKET, multiline)) break;
      }
    }
    this.depth--;
    return data;
  }

  document(): unknown {
    const col = this.nextContent();
    if (col !== 0) throw unsure;
    const ch = this.code(this.pos);
    let data: unknown;
    if (ch === OPEN_BRACE || ch === OPEN_BRACKET) {
      data = this.flowNode(true);
      this.endOfLine();
    } else {
      data = this.blockNode(0, -1);
    }
    if (this.nextContent() !== -1) throw unsure;
    return data;
  }
}

/**
 * The data of `text`, or undefined when `yaml` must read it. A text read
 * here is a mapping or a list, and no line of it is indented past MAX_INDENT.
 */
export function fastParse(text: string): FastParsed | undefined {
  if (AWKWARD.test(text)) return undefined;
  try {
    const reader = new Reader(text);
    const data = reader.document();
    return { data, offsets: reader.offsets, json: reader.json };
  } catch (error) {
    if (error === unsure || error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * How many offsets a value read by `fastParse` takes: its own, and for a
 * mapping each key's and each value's, in reading order, which is the data's
 * own (no key read here looks like an array index, which a JavaScript object
 * would list first). Counted without building anything: `for…in` over a
 * parsed mapping walks its own keys in that order and nothing else (its
 * prototype's are not enumerable).
 */
function span(value: unknown): number {
  if (value === null || typeof value !== 'object') return 1;
  let count = 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) count += span(value[i]);
    return count;
  }
  for (const key in value) count += 1 + span((value as Record<string, unknown>)[key]);
  return count;
}

/**
 * Where each child of a container starts, counted from the container's own
 * place (see `placeOf`): made the first time a walk goes through the
 * container, then kept with it. Counting the siblings before each step anew
 * made every place cost the whole mapping: 200 places in a dossier of
 * 70,000 misspelt keys took two seconds.
 */
const childStarts = new WeakMap<object, Map<string, number> | number[]>();

function startsOf(value: object): Map<string, number> | number[] {
  let starts = childStarts.get(value);
  if (starts === undefined) {
    let at = 1;
    if (Array.isArray(value)) {
      starts = [];
      for (let i = 0; i < value.length; i++) {
        starts.push(at);
        at += span(value[i]);
      }
    } else {
      starts = new Map();
      for (const key in value) {
        starts.set(key, at);
        at += 1 + span((value as Record<string, unknown>)[key]);
      }
    }
    childStarts.set(value, starts);
  }
  return starts;
}

/**
 * Where a JSON pointer lies in what `fastParse` read, walking as far as the
 * pointer matches, as the `yaml` locator does: only the pointer's own path,
 * through the places each container on it keeps of its children.
 */
export function placeOf({ data, offsets }: FastParsed, segments: readonly string[], target: 'key' | 'value'): number {
  let value = data;
  // Where `value`'s own offset is.
  let index = 0;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (value === null || typeof value !== 'object') break;
    const starts = startsOf(value);
    if (Array.isArray(starts)) {
      const item = Number(segment);
      if (!Number.isInteger(item) || item < 0 || item >= starts.length) break;
      index += starts[item]!;
      value = (value as unknown[])[item];
    } else {
      const at = starts.get(segment);
      if (at === undefined) break;
      if (i === segments.length - 1 && target === 'key') return offsets[index + at]!;
      index += at + 1;
      value = (value as Record<string, unknown>)[segment];
    }
  }
  return offsets[index]!;
}

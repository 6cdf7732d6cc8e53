/**
 * A fast reader for the plain YAML and the JSON that dossiers are written in:
 * block mappings and sequences, one-line flow collections (any flow
 * collection for a JSON document), plain and simply quoted scalars,
 * comments. It keeps the source offset of every key and value, so findings
 * still point at line and column.
 *
 * It is an optimisation only: whenever the text strays from that subset in
 * any way it is not sure about — anchors, tags, block scalars, multi-line
 * scalars, escapes beyond JSON's, duplicate keys, anything the `yaml`
 * package would warn about — it returns undefined and the caller parses with
 * `yaml`, which has the last word and the error messages. Differential tests
 * check that whatever it does return is exactly what `yaml` yields, values
 * and positions alike.
 */

/** Where a node starts, and its children's places. */
export interface PlaceTree {
  at: number;
  /** For a mapping: per key, where the key starts and the value's places. */
  keys?: Map<string, { key: number; value: PlaceTree }>;
  items?: PlaceTree[];
}

export interface FastParsed {
  data: unknown;
  places: PlaceTree;
}

/** Thrown inside the reader to give up; never escapes it. */
class Unsure extends Error {}
const unsure = new Unsure();

// Characters that make YAML read a text differently from what it looks like, or that the subset leaves to `yaml`.
const AWKWARD = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;
const PLAIN_KEY = /^[A-Za-z_$][\w$.+-]*$/;
const RESERVED_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE|__proto__)$/;
const NULL = /^(?:~|null|Null|NULL)$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
/** Whole numbers that Number() and YAML's core schema read alike. */
const SAFE_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
/** The core schema's other numbers (yaml/dist/schema/core): left to `yaml`. */
const OTHER_NUMBER = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** `[\w$.+-]`, a character of a plain key, tested on its code: every key of every dossier is scanned this way. */
function isKeyChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24 || code === 0x2e || code === 0x2b || code === 0x2d
  );
}

const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
/** Bracket nesting a dossier never needs; deeper input is refused before any parser recurses. */
export const MAX_DEPTH = 64;

/** The plain scalar's value under YAML 1.2's core schema, or unsure. */
function resolvePlain(text: string): unknown {
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (SAFE_INT.test(text)) {
    if (text === '-0') throw unsure;
    return Number(text);
  }
  if (OTHER_NUMBER.some((pattern) => pattern.test(text))) throw unsure;
  return text;
}

class Reader {
  pos = 0;
  depth = 0;
  constructor(readonly text: string) {}

  /** Column of `pos` (0-based). */
  column(pos = this.pos): number {
    return pos - (this.text.lastIndexOf('\n', pos - 1) + 1);
  }

  /** Skips spaces on this line. */
  spaces(): void {
    while (this.text.charCodeAt(this.pos) === 0x20) this.pos++;
  }

  /** At the end of a line's content: spaces, then a comment or the line end. Moves past the newline. */
  endOfLine(): void {
    this.spaces();
    const ch = this.text[this.pos];
    if (ch === '#') {
      // A comment needs a space before it; "a#b" was handled by the scalar reader.
      if (this.text[this.pos - 1] !== ' ') throw unsure;
      const nl = this.text.indexOf('\n', this.pos);
      this.pos = nl < 0 ? this.text.length : nl + 1;
    } else if (ch === '\n') {
      this.pos++;
    } else if (ch !== undefined) {
      throw unsure;
    }
  }

  /**
   * Skips blank and comment-only lines; leaves `pos` at the next content's
   * first character and returns its column (-1 at the end). Idempotent.
   */
  nextContent(): number {
    for (;;) {
      this.spaces();
      const ch = this.text[this.pos];
      if (ch === undefined) return -1;
      if (ch === '\n') {
        this.pos++;
        continue;
      }
      if (ch === '#') {
        const nl = this.text.indexOf('\n', this.pos);
        this.pos = nl < 0 ? this.text.length : nl + 1;
        continue;
      }
      const col = this.column();
      // Document markers and directives belong to `yaml`.
      if (col === 0 && (ch === '%' || this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos))) throw unsure;
      return col;
    }
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) throw unsure;
  }

  /** A block node starting at `pos`, whose lines are at column `indent`. */
  blockNode(indent: number): [unknown, PlaceTree] {
    const ch = this.text[this.pos];
    if (ch === '-' && this.isSeqDash()) return this.blockSeq(indent);
    if (ch === '{' || ch === '[') {
      const node = this.flowNode(true);
      this.endOfLine();
      return node;
    }
    const keyEnd = this.keyAhead();
    if (keyEnd < 0) throw unsure;
    return this.blockMap(indent);
  }

  isSeqDash(): boolean {
    const next = this.text[this.pos + 1];
    return next === ' ' || next === '\n' || next === undefined;
  }

  /** If a mapping key starts here (`key:` then a space or line end), the position after the colon; else -1. */
  keyAhead(): number {
    const ch = this.text[this.pos];
    let end: number;
    if (ch === '"' || ch === "'") {
      end = this.text.indexOf(ch, this.pos + 1);
      if (end < 0) return -1;
      end++;
    } else {
      end = this.pos;
      while (end < this.text.length && isKeyChar(this.text.charCodeAt(end))) end++;
    }
    if (this.text[end] !== ':') return -1;
    const after = this.text[end + 1];
    return after === ' ' || after === '\n' || after === undefined ? end + 1 : -1;
  }

  /** Reads a key at `pos` and moves past its colon. */
  key(): string {
    const ch = this.text[this.pos];
    let key: string;
    if (ch === '"' || ch === "'") {
      key = this.quoted();
    } else {
      const start = this.pos;
      while (this.pos < this.text.length && isKeyChar(this.text.charCodeAt(this.pos))) this.pos++;
      key = this.text.slice(start, this.pos);
      if (!PLAIN_KEY.test(key) || RESERVED_KEY.test(key)) throw unsure;
    }
    if (key === '__proto__' || this.text[this.pos] !== ':') throw unsure;
    this.pos++;
    return key;
  }

  blockMap(indent: number): [unknown, PlaceTree] {
    this.enter();
    const data: Record<string, unknown> = {};
    const keys = new Map<string, { key: number; value: PlaceTree }>();
    const places: PlaceTree = { at: this.pos, keys };
    for (;;) {
      const keyAt = this.pos;
      const key = this.key();
      if (keys.has(key)) throw unsure;
      const [value, place] = this.blockValue(indent);
      data[key] = value;
      keys.set(key, { key: keyAt, value: place });
      const col = this.nextContent();
      if (col < indent) break;
      if (col > indent || this.keyAhead() < 0) throw unsure;
    }
    this.depth--;
    return [data, places];
  }

  /** The value after a key's colon (or a sequence dash) belonging to a node at column `indent`. */
  blockValue(indent: number): [unknown, PlaceTree] {
    this.spaces();
    const ch = this.text[this.pos];
    if (ch === undefined || ch === '\n' || ch === '#') {
      // The value is on the lines below, indented further.
      this.endOfLine();
      const col = this.nextContent();
      if (col <= indent) throw unsure;
      return this.blockNode(col);
    }
    if (ch === '{' || ch === '[') {
      const node = this.flowNode(false);
      this.endOfLine();
      this.noContinuation(indent);
      return node;
    }
    const at = this.pos;
    const value = ch === '"' || ch === "'" ? this.quoted() : this.plainBlock();
    this.endOfLine();
    this.noContinuation(indent);
    return [value, { at }];
  }

  /** A scalar ends with its line: a more indented line below would continue it (or be an error). */
  noContinuation(indent: number): void {
    const save = this.pos;
    const col = this.nextContent();
    if (col > indent) throw unsure;
    this.pos = save;
  }

  blockSeq(indent: number): [unknown, PlaceTree] {
    this.enter();
    const data: unknown[] = [];
    const items: PlaceTree[] = [];
    const places: PlaceTree = { at: this.pos, items };
    for (;;) {
      this.pos++; // the dash
      this.spaces();
      const ch = this.text[this.pos];
      let item: [unknown, PlaceTree];
      if (ch === undefined || ch === '\n' || ch === '#') {
        item = this.blockValue(indent);
      } else if (ch === '-' && this.isSeqDash()) {
        throw unsure;
      } else if (this.keyAhead() >= 0) {
        // "- key: value": a mapping whose lines align with its first key.
        item = this.blockMap(this.column());
      } else {
        item = this.blockValue(indent);
      }
      data.push(item[0]);
      items.push(item[1]);
      const col = this.nextContent();
      if (col < indent) break;
      if (col > indent || this.text[this.pos] !== '-' || !this.isSeqDash()) throw unsure;
    }
    this.depth--;
    return [data, places];
  }

  /** A plain scalar in block context, to the end of its line or comment. */
  plainBlock(): unknown {
    const first = this.text[this.pos]!;
    if (INDICATORS.includes(first) && !(first === '-' && /[0-9]/.test(this.text[this.pos + 1] ?? ''))) throw unsure;
    const start = this.pos;
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    // Searched within the line only: searching the rest of the text made a file without comments quadratic.
    const comment = this.text.slice(start, end).indexOf(' #');
    if (comment >= 0) end = start + comment;
    const raw = this.text.slice(start, end).replace(/ +$/, '');
    if (raw.includes(': ') || raw.endsWith(':')) throw unsure;
    this.pos = start + raw.length;
    return resolvePlain(raw);
  }

  /** A quoted scalar on one line, with JSON's escapes only. */
  quoted(): string {
    const quote = this.text[this.pos]!;
    let out = '';
    let i = this.pos + 1;
    for (;;) {
      const ch = this.text[i];
      if (ch === undefined || ch === '\n') throw unsure;
      if (quote === "'") {
        if (ch === "'") {
          if (this.text[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          break;
        }
      } else if (ch === '"') {
        break;
      } else if (ch === '\\') {
        const escaped = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' }[this.text[i + 1] ?? ''];
        if (escaped === undefined) throw unsure;
        out += escaped;
        i += 2;
        continue;
      }
      out += ch;
      i++;
    }
    this.pos = i + 1;
    return out;
  }

  /** Spaces, and newlines too where a flow collection may span lines (a JSON document). */
  flowSpace(multiline: boolean): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ') this.pos++;
      else if (ch === '\n' && multiline) this.pos++;
      else return;
    }
  }

  flowNode(multiline: boolean): [unknown, PlaceTree] {
    const at = this.pos;
    const ch = this.text[this.pos];
    if (ch === '{') return this.flowMap(multiline);
    if (ch === '[') return this.flowSeq(multiline);
    if (ch === '"' || ch === "'") return [this.quoted(), { at }];
    const first = ch ?? '';
    if (first === '' || (INDICATORS.includes(first) && !(first === '-' && /[0-9]/.test(this.text[this.pos + 1] ?? '')))) throw unsure;
    const start = this.pos;
    while (this.pos < this.text.length && !',[]{}\n#:'.includes(this.text[this.pos]!)) this.pos++;
    const raw = this.text.slice(start, this.pos).replace(/ +$/, '');
    if (raw.length === 0) throw unsure;
    this.pos = start + raw.length;
    return [resolvePlain(raw), { at }];
  }

  /** After an item or entry: a comma and more, or the closing bracket. Returns true when closed. */
  flowNext(close: string, multiline: boolean): boolean {
    this.flowSpace(multiline);
    const ch = this.text[this.pos];
    if (ch === close) {
      this.pos++;
      return true;
    }
    if (ch !== ',') throw unsure;
    this.pos++;
    this.flowSpace(multiline);
    // A trailing comma is YAML but not JSON; leave it to `yaml`.
    if (this.text[this.pos] === close) throw unsure;
    return false;
  }

  flowMap(multiline: boolean): [unknown, PlaceTree] {
    this.enter();
    const data: Record<string, unknown> = {};
    const keys = new Map<string, { key: number; value: PlaceTree }>();
    const places: PlaceTree = { at: this.pos, keys };
    this.pos++;
    this.flowSpace(multiline);
    if (this.text[this.pos] === '}') {
      this.pos++;
    } else {
      for (;;) {
        const keyAt = this.pos;
        const ch = this.text[this.pos];
        const quotedKey = ch === '"' || ch === "'";
        const key = this.key();
        if (keys.has(key)) throw unsure;
        // "a:1" is one plain scalar in YAML; only a quoted key may touch its value.
        const after = this.text[this.pos];
        if (!quotedKey && after !== ' ' && after !== '\n') throw unsure;
        this.flowSpace(multiline);
        const [value, place] = this.flowNode(multiline);
        data[key] = value;
        keys.set(key, { key: keyAt, value: place });
        if (this.flowNext('}', multiline)) break;
      }
    }
    this.depth--;
    return [data, places];
  }

  flowSeq(multiline: boolean): [unknown, PlaceTree] {
    this.enter();
    const data: unknown[] = [];
    const items: PlaceTree[] = [];
    const places: PlaceTree = { at: this.pos, items };
    this.pos++;
    this.flowSpace(multiline);
    if (this.text[this.pos] === ']') {
      this.pos++;
    } else {
      for (;;) {
        const [value, place] = this.flowNode(multiline);
        data.push(value);
        items.push(place);
        // "[a: 1]" is a one-pair mapping in YAML.
        this.flowSpace(multiline);
        if (this.text[this.pos] === ':') throw unsure;
        if (this.flowNext(']', multiline)) break;
      }
    }
    this.depth--;
    return [data, places];
  }

  document(): FastParsed {
    const col = this.nextContent();
    if (col !== 0) throw unsure;
    const ch = this.text[this.pos];
    let node: [unknown, PlaceTree];
    if (ch === '{' || ch === '[') {
      node = this.flowNode(true);
      this.endOfLine();
    } else {
      node = this.blockNode(0);
    }
    if (this.nextContent() !== -1) throw unsure;
    return { data: node[0], places: node[1] };
  }
}

/** The data and places of `text`, or undefined when `yaml` must read it. */
export function fastParse(text: string): FastParsed | undefined {
  if (AWKWARD.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error === unsure || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Where a JSON pointer lies, walking as far as the pointer matches, as the `yaml` locator does. */
export function placeOf(places: PlaceTree, segments: string[], target: 'key' | 'value'): number {
  let node: PlaceTree | undefined = places;
  let offset = places.at;
  for (const [i, segment] of segments.entries()) {
    if (node.keys) {
      const entry = node.keys.get(segment);
      if (!entry) break;
      if (i === segments.length - 1 && target === 'key') return entry.key;
      node = entry.value;
    } else if (node.items) {
      const item: PlaceTree | undefined = node.items[Number(segment)];
      if (!item) break;
      node = item;
    } else {
      break;
    }
    offset = node.at;
  }
  return offset;
}

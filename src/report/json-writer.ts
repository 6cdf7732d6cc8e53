/**
 * JSON written as UTF-8 straight into one reused buffer, byte for byte as
 * `JSON.stringify(value, null, 2)` prints the same value at the same depth:
 * its indentation, its escapes, its numbers. A batch renders every dossier's
 * JSON this way, without building the entry as objects and then as a string
 * (ten kilobytes of two-byte string per dossier, another to cut it out, and
 * a third pass to encode it).
 */

const [QUOTE, BACKSLASH, COMMA, COLON, NEWLINE, SPACE] = [0x22, 0x5c, 0x2c, 0x3a, 0x0a, 0x20];

/** The one-letter escapes JSON.stringify uses, by code unit; other control characters and lone surrogates take `\uXXXX`. */
const SHORT_ESCAPES = new Uint8Array(BACKSLASH + 1);
for (const [c, letter] of Object.entries({ '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '"': '"', '\\': '\\' })) {
  SHORT_ESCAPES[c.charCodeAt(0)] = letter.charCodeAt(0);
}

/** What JSON.stringify would escape: a string without any is written as it is. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
/** Strings at least this long are encoded natively (see `string`). */
const NATIVE_FROM = 16;

/** Strings a writer keeps encoded (see `recurringField`): far more than a few standards' ids, labels and names. */
const MAX_RECURRING = 4096;

/** Lowercase, as JSON.stringify writes them. */
const HEX = '0123456789abcdef';

/** A scalar as JSON prints it; undefined is no value (a member holding it is left out). */
export type JsonScalar = string | number | boolean | null;

export class JsonWriter {
  // A Buffer for its native UTF-8 encoder (see `string`).
  private bytes = Buffer.alloc(1 << 14);
  /** Where the value begun last starts in `bytes`. */
  private start = 0;
  private length = 0;
  private depth = 0;
  private readonly recurring = new Map<string, Uint8Array>();
  /** The object or array just opened has no member yet. */
  private empty = false;
  /** The next value goes where the writer stands rather than on a line of its own: after a key, or as the output's first. */
  private inline = false;

  /**
   * Starts anew (dropping what was written) a value that stands `depth`
   * levels deep in a document, indented for its place; written `phase` bytes
   * (0 to 7) into the buffer, which is word-aligned, so that the value lies in
   * its words as it will where it is copied to.
   */
  begin(depth: number, phase = 0): void {
    this.depth = depth;
    this.empty = false;
    this.inline = true;
    this.start = phase & 7;
    this.length = this.start;
    this.length = indent(this.room(2 * depth), this.start, depth);
  }

  /** What was written since `begin`: a view that holds until the next `begin`. */
  written(): Uint8Array {
    return this.bytes.subarray(this.start, this.length);
  }

  open(bracket: '{' | '['): void {
    this.member(1)[this.length++] = bracket.charCodeAt(0);
    this.depth++;
    this.empty = true;
  }

  /** Closes what `open` opened; an empty one closes on its own line, as `[]` or `{}`. */
  close(bracket: '}' | ']'): void {
    this.depth--;
    const bytes = this.room(2 + 2 * this.depth);
    let at = this.length;
    if (!this.empty) {
      bytes[at++] = NEWLINE;
      at = indent(bytes, at, this.depth);
    }
    bytes[at++] = bracket.charCodeAt(0);
    this.length = at;
    this.empty = false;
  }

  /**
   * An object member's key, written as it is: the contract's field names need
   * no escaping. Its value, a scalar or an opened object or array, comes next.
   */
  key(name: string): void {
    const bytes = this.member(name.length + 4);
    let at = this.length;
    bytes[at++] = QUOTE;
    for (let i = 0; i < name.length; i++) bytes[at++] = name.charCodeAt(i);
    bytes[at++] = QUOTE;
    bytes[at++] = COLON;
    bytes[at++] = SPACE;
    this.length = at;
    this.inline = true;
  }

  value(value: JsonScalar): void {
    if (typeof value === 'string') this.string(value);
    else if (typeof value !== 'number') this.ascii(value === null ? 'null' : value ? 'true' : 'false');
    // The counts a report is made of, digit by digit rather than through a string each.
    else if (Number.isSafeInteger(value) && value >= 0) this.count(value);
    // NaN and the infinities are null in JSON; every other number prints as String() does.
    else this.ascii(Number.isFinite(value) ? String(value) : 'null');
  }

  /** An object member, left out when its value is undefined, as JSON.stringify leaves it out. */
  field(name: string, value: JsonScalar | undefined): void {
    if (value === undefined) return;
    this.key(name);
    this.value(value);
  }

  /**
   * A member whose string recurs from entry to entry: the standard's ids,
   * kinds, labels and names. Each is escaped and encoded once, then copied.
   */
  recurringField(name: string, value: string | undefined): void {
    if (value === undefined) return;
    let encoded = this.recurring.get(value);
    if (encoded === undefined) {
      const scratch = Buffer.alloc(2 + 6 * value.length);
      encoded = scratch.subarray(0, quoted(scratch, 0, value));
      // A bound, should some caller pass strings that do not recur after all.
      if (this.recurring.size < MAX_RECURRING) this.recurring.set(value, encoded);
    }
    this.key(name);
    this.member(encoded.length).set(encoded, this.length);
    this.length += encoded.length;
  }

  /**
   * Where the members of an object just opened begin, to record what follows
   * for `replay`; undefined anywhere else, where what follows would depend on
   * what came before.
   */
  mark(): { at: number; depth: number } | undefined {
    return this.empty && !this.inline ? { at: this.length, depth: this.depth } : undefined;
  }

  /** A copy of what was written since `mark` (a Buffer's own `slice` would be a view of a buffer that is reused). */
  since(mark: { at: number }): Uint8Array {
    return new Uint8Array(this.bytes.subarray(mark.at, this.length));
  }

  /**
   * Members recorded with `mark` and `since` where an object had just been
   * opened at `depth`, written again as they are. Returns false, writing
   * nothing, when the writer does not stand at such a place.
   */
  replay(recorded: Uint8Array, depth: number): boolean {
    if (!this.empty || this.inline || this.depth !== depth || recorded.length === 0) return false;
    this.room(recorded.length).set(recorded, this.length);
    this.length += recorded.length;
    this.empty = false;
    return true;
  }

  /**
   * Begins a member or an element: after a comma unless it is the first, on
   * a line of its own (or where the writer stands, after a key). Returns the
   * buffer, with room for `more` bytes after that.
   */
  private member(more: number): Buffer {
    const bytes = this.room(2 + 2 * this.depth + more);
    if (this.inline) {
      this.inline = false;
      return bytes;
    }
    let at = this.length;
    if (!this.empty) bytes[at++] = COMMA;
    bytes[at++] = NEWLINE;
    this.length = indent(bytes, at, this.depth);
    this.empty = false;
    return bytes;
  }

  /** A whole number from 0 up, in decimal. */
  private count(n: number): void {
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    const bytes = this.member(digits);
    for (let at = this.length + digits - 1, rest = n; at >= this.length; at--, rest = Math.floor(rest / 10)) bytes[at] = 0x30 + (rest % 10);
    this.length += digits;
  }

  /** Text known to be printable ASCII. */
  private ascii(text: string): void {
    const bytes = this.member(text.length);
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  private string(text: string): void {
    // A code unit takes at most six bytes (an escape), the quotes one each.
    this.length = quoted(this.member(2 + 6 * text.length), this.length, text);
  }

  /** The buffer, with room for `n` more bytes. */
  private room(n: number): Buffer {
    if (this.length + n > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(2 * this.bytes.length, this.length + n));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    return this.bytes;
  }
}

/** Spaces for `depth` levels of indentation at `at`; returns where they end. */
function indent(bytes: Uint8Array, at: number, depth: number): number {
  for (const end = at + 2 * depth; at < end; ) bytes[at++] = SPACE;
  return at;
}

/** `uXXXX` (the backslash is written already); returns where the writing stopped. */
function unicodeEscape(bytes: Uint8Array, at: number, c: number): number {
  bytes[at++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) bytes[at++] = HEX.charCodeAt((c >> shift) & 0xf);
  return at;
}

/** `text` as a JSON string, quotes and escapes included, at `at` (with room for six bytes a code unit and the quotes); returns where it ends. */
function quoted(bytes: Buffer, at: number, text: string): number {
  bytes[at++] = QUOTE;
  // Most long strings are messages built by concatenation, which V8 keeps as
  // trees that charCodeAt walks slowly; Buffer's encoder flattens and
  // encodes them natively. Short ones are faster done here.
  if (text.length >= NATIVE_FROM && !NEEDS_ESCAPE.test(text)) {
    at += bytes.write(text, at);
    bytes[at++] = QUOTE;
    return at;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== QUOTE && c !== BACKSLASH) {
        bytes[at++] = c;
        continue;
      }
      bytes[at++] = BACKSLASH;
      const letter = SHORT_ESCAPES[c]!;
      if (letter !== 0) bytes[at++] = letter;
      else at = unicodeEscape(bytes, at, c);
    } else if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes[at++] = 0xe0 | (c >> 12);
      bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
      bytes[at++] = 0x80 | (c & 0x3f);
    } else {
      // NaN past the end of the text: no low surrogate there.
      const low = text.charCodeAt(i + 1);
      if (c <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
        bytes[at++] = 0xf0 | (point >> 18);
        bytes[at++] = 0x80 | ((point >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((point >> 6) & 0x3f);
        bytes[at++] = 0x80 | (point & 0x3f);
        i++;
      } else {
        // A lone surrogate is no character UTF-8 can hold: JSON.stringify escapes it.
        bytes[at++] = BACKSLASH;
        at = unicodeEscape(bytes, at, c);
      }
    }
  }
  bytes[at++] = QUOTE;
  return at;
}

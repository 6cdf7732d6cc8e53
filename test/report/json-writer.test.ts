/**
 * The JSON format writes each dossier's entry as bytes itself rather than
 * through JSON.stringify: over arbitrary entries, its bytes must be exactly
 * what JSON.stringify prints for the entry at its place in the document,
 * whatever the strings hold (lone surrogates, control characters, astral
 * characters, quotes) and whatever the numbers are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json as formatter } from '../../src/report/json.js';
import type { DossierReport, Formatter } from '../../src/report/run.js';

const json = formatter as Extract<Formatter, { part: unknown }>;
const options = { color: false, quiet: false };
const utf8 = new TextEncoder();

/**
 * Mostly text with nothing to escape, long and short (the writer encodes
 * those two ways); now and then any UTF-16 code unit (alone: lone
 * surrogates; side by side: astral characters) or one escapes must get right.
 */
const unit = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'Z', ' ', '—', 'é', '\u007f', '\u2028'), weight: 12 },
  { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 1 },
  { arbitrary: fc.constantFrom('😀', '"', '\\', '\n', '\u001f', '\ud800', '\udfff'), weight: 1 },
);
const text = fc.string({ unit, size: 'medium' });
// Doubles include NaN, the infinities and -0, which JSON prints as null, null and 0.
const number = fc.oneof(fc.integer(), fc.double());
const absent = { nil: undefined } as const;
/** A source position: both or neither. */
const position = fc.option(fc.record({ line: fc.nat(), column: fc.nat() }), absent);

// Each object in the contract's field order, an optional field absent now and then, as the JSON format writes them.
const finding = fc
  .tuple(fc.record({ code: text, message: text, path: text }, { requiredKeys: ['code', 'message'] }), position)
  .map(([f, at]) => ({ ...f, ...at }));
const requirement = fc
  .tuple(
    fc.record(
      { id: text, kind: text, label: text, path: text, met: fc.boolean(), have: fc.oneof(number, text, fc.boolean()), need: fc.oneof(number, text, fc.boolean()), gap: text, note: text },
      { requiredKeys: ['id', 'kind', 'label', 'met', 'have', 'need'] },
    ),
    position,
  )
  .map(([r, at]) => ({ ...r, ...at }));
const tier = fc.record(
  {
    id: text,
    name: text,
    met: fc.boolean(),
    gaps: number,
    holdsUntil: fc.option(text),
    paths: fc.array(fc.record({ id: text, name: text, met: fc.boolean(), gaps: number }), { maxLength: 3 }),
    requirements: fc.array(requirement, { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'name', 'met', 'gaps', 'requirements'] },
);
const entry = fc.record(
  {
    file: text,
    partner: fc.option(text),
    standard: fc.option(text),
    asOf: fc.option(text),
    currentRating: fc.record({ tier: text, issued: text, validUntil: text }),
    valid: fc.boolean(),
    errors: fc.array(finding, { maxLength: 3 }),
    warnings: fc.array(finding, { maxLength: 3 }),
    tiers: fc.array(tier, { maxLength: 3 }),
    highestTier: fc.option(text),
    requiredTier: fc.option(text),
    pass: fc.boolean(),
  },
  { requiredKeys: ['file', 'partner', 'standard', 'asOf', 'valid', 'errors', 'warnings', 'tiers', 'highestTier', 'requiredTier', 'pass'] },
);

/** What JSON.stringify prints for the entry two levels deep in the document (in its `dossiers` array). */
function stringified(value: unknown): string {
  return `    ${JSON.stringify(value, null, 2).replaceAll('\n', '\n    ')}`;
}

/** The report an entry is the contract's view of: its fields are the report's, minus what the contract leaves out. */
const reportOf = (e: unknown): DossierReport => e as DossierReport;

describe('a JSON entry written as bytes', () => {
  it('is exactly what JSON.stringify prints for it, as bytes and as text', () => {
    fc.assert(
      fc.property(entry, (e) => {
        const expected = stringified(e);
        expect(json.part(reportOf(e), options)).toBe(expected);
        expect(Buffer.from(json.bytes!(reportOf(e), options)).equals(utf8.encode(expected))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('is the same bytes at every phase, starting that far into a word of its buffer', () => {
    fc.assert(
      fc.property(entry, fc.integer({ min: 0, max: 7 }), (e, phase) => {
        const bytes = json.bytes!(reportOf(e), options, phase);
        expect(bytes.byteOffset % 8).toBe(phase);
        expect(Buffer.from(bytes).equals(utf8.encode(stringified(e)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('outgrows its buffer: a message of a megabyte comes out whole', () => {
    const message = '—"😀\n\ud800a'.repeat(150_000);
    const e = { file: 'big.yaml', partner: null, standard: null, asOf: null, valid: false, errors: [{ code: 'x', message }], warnings: [], tiers: [], highestTier: null, requiredTier: null, pass: false };
    // Grown with its phase kept (first: the writer keeps the buffer it grew to).
    const bytes = json.bytes!(reportOf(e), options, 5);
    expect(bytes.byteOffset % 8).toBe(5);
    expect(Buffer.from(bytes).equals(utf8.encode(stringified(e)))).toBe(true);
    expect(json.part(reportOf(e), options)).toBe(stringified(e));
  });
});

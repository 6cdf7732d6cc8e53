/** Every dossier error is one located finding with a stable code; the run exits 2. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const VALID = `schemaVersion: 1
partner:
  name: P
engineers:
  - id: E01
    name: A
    certificates:
      - type: H3CNE
        number: N-1
        expires: 2028-01-01
`;

async function errorsOf(text: string, file = '-'): Promise<Array<{ code: string; message: string; line?: number; column?: number }>> {
  const { code, stdout } = await runCli(['check', file, '--format', 'json', '--as-of', '2026-12-01'], { stdin: text });
  const d = JSON.parse(stdout).dossiers[0];
  if (d.valid) {
    expect(code).not.toBe(2);
    return [];
  }
  expect(code).toBe(2);
  return d.errors;
}

describe('dossier errors', () => {
  it('accepts the valid base dossier', async () => {
    expect(await errorsOf(VALID)).toEqual([]);
  });

  it.each([
    ['YAML syntax', VALID.replace('name: P', 'name: [P'), 'syntax', 4],
    ['a duplicate key', VALID.replace('  name: P', '  name: P\n  name: Q'), 'duplicate-key', 4],
    ['an unknown certificate code', VALID.replace('type: H3CNE', 'type: "H3CSE-R&S "'), 'unknown-certificate', 8],
    ['an impossible date', VALID.replace('2028-01-01', '2027-02-29'), 'bad-date', 10],
    ['an unknown field', VALID.replace('    name: A', '    nmae: A'), 'unknown-field', 6],
    ['a fractional quantity', `${VALID}lab:\n  - {category: router, model: M, quantity: 1.5}\n`, 'schema', 12],
    ['a negative quantity', `${VALID}lab:\n  - {category: router, model: M, quantity: -1}\n`, 'schema', 12],
    ['an unknown lab category', `${VALID}lab:\n  - {category: rooter, model: M}\n`, 'unknown-lab-category', 12],
    ['a duplicate engineer id', `${VALID}  - id: E01\n    name: B\n`, 'duplicate-engineer', 11],
    ['a duplicate certificate number', `${VALID}  - id: E02\n    name: B\n    certificates:\n      - {type: PMP, number: N-1, expires: 2028-01-01}\n`, 'duplicate-certificate', 14],
    ['a certificate number repeated in another case', `${VALID}  - id: E02\n    name: B\n    certificates:\n      - {type: PMP, number: n-1, expires: 2028-01-01}\n`, 'duplicate-certificate', 14],
    ['a date outside the supported years', VALID.replace('2028-01-01', '0099-01-15'), 'bad-date', 10],
    ['a number where a string belongs', VALID.replace('name: P', 'name: 42'), 'schema', 3],
    ['a wrong schemaVersion', VALID.replace('schemaVersion: 1', 'schemaVersion: 2'), 'schema', 1],
    ['an unknown target tier', `${VALID}application: {targetTier: three-stars}\n`, 'unknown-tier', 11],
  ])('%s', async (_what, text, code, line) => {
    const errors = await errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors).toContainEqual(expect.objectContaining({ code, line }));
    for (const error of errors) expect(error.column).toBeGreaterThan(0);
  });

  it('suggests the canonical code for a misspelt certificate', async () => {
    const [error] = await errorsOf(VALID.replace('type: H3CNE', 'type: "H3CSE-R&S "'));
    expect(error!.message).toBe('engineer E01 (A): certificate type "H3CSE-R&S " is unknown to the classic standard — did you mean "H3CSE-RS"?');
  });

  it.each([
    ['never', 'never'],
    ['a slashed date', '2027/05/10'],
    ['an impossible day', '2027-02-30'],
    ['a word in a year', '20x7-05-10'],
  ])('gives one error, in a person\'s words, for %s as a date', async (_what, written) => {
    const errors = await errorsOf(VALID.replace('expires: 2028-01-01', `expires: ${written}`));
    expect(errors).toEqual([
      {
        code: 'bad-date',
        message: `engineer E01 (A), certificate 1 (H3CNE): expires is "${written}", not a calendar date, write YYYY-MM-DD`,
        path: '/engineers/0/certificates/0/expires',
        line: 10,
        column: 18,
      },
    ]);
  });

  it('names the places of catalogue errors as a person would', async () => {
    const [duplicate] = await errorsOf(`${VALID}  - id: E02\n    name: B\n    certificates:\n      - {type: PMP, number: N-1, expires: 2028-01-01}\n`);
    expect(duplicate!.message).toBe('engineer E02 (B): certificate number "N-1" is already claimed at engineer E01 (A), certificate 1 (H3CNE); each certificate fills one place');
    const [order] = await errorsOf(VALID.replace('        expires: 2028-01-01', '        issued: 2028-02-01\n        expires: 2028-01-01'));
    expect(order!.message).toBe('engineer E01 (A), certificate 1 (H3CNE) expires 2028-01-01, before it was issued (2028-02-01)');
  });

  it('suggests the tier for a misspelt target tier', async () => {
    const [error] = await errorsOf(`${VALID}application: {targetTier: three-stars}\n`);
    expect(error!.message).toContain('did you mean "three-star"?');
  });

  it('reports a misspelt required field once, as unknown with the field it was meant to be', async () => {
    const errors = await errorsOf(VALID.replace('    name: A', '    nmae: A'));
    expect(errors.map((e) => e.code)).toEqual(['unknown-field']);
    expect(errors[0]!.message).toContain('did you mean "name"?');
    // A field missing for another reason is still reported.
    const both = await errorsOf(VALID.replace('    name: A', '    colour: A'));
    expect(both.map((e) => e.code).sort()).toEqual(['missing-field', 'unknown-field']);
  });

  it('keeps x- fields for users and ignores them', async () => {
    expect(await errorsOf(VALID.replace('  name: P', '  name: P\n  x-account-manager: Jo'))).toEqual([]);
  });

  it('reads JSON dossiers with positions too', async () => {
    const json = '{\n  "schemaVersion": 1,\n  "partner": {"name": "P"},\n  "engineers": [{"id": "E", "name": "A", "certificates": [{"type": "H3CNX", "expires": "2028-01-01"}]}]\n}\n';
    const [error] = await errorsOf(json);
    expect(error).toMatchObject({ code: 'unknown-certificate', line: 4 });
    expect(error!.message).toContain('did you mean "H3CNE"?');
  });
});

/** The hashes a batch keeps of each dossier's claims, and the dossiers they pick for the real comparison. */
import { describe, expect, it } from 'vitest';
import { claimHashes, sharingHashes } from '../../src/check/claims.js';

const claims = (partner: string, certificates: string[], emails: string[]) => ({
  partner,
  certificates: certificates.map((value, i) => ({ value, engineer: i, certificate: 0 })),
  emails: emails.map((value, i) => ({ value, engineer: i })),
});

describe('claim hashes', () => {
  it('hash a claim by the key it is compared under: spelling aside, certificates and e-mails apart', () => {
    const [a] = claimHashes(claims('A', [' N-1 '], []));
    const [b] = claimHashes(claims('B', ['n-1'], []));
    const [asEmail] = claimHashes(claims('C', [], ['n-1']));
    expect(a).toBe(b);
    expect(asEmail).not.toBe(a);
  });

  it('pick every dossier holding a key another holds, in order, and no other', () => {
    const entries = [claimHashes(claims('A', ['X-1', 'X-2'], ['a@a'])), undefined, claimHashes(claims('B', ['Y-1'], ['b@b'])), claimHashes(claims('C', ['x-2'], [])), claimHashes(claims('D', [], ['A@A']))];
    expect(sharingHashes(entries)).toEqual([0, 3, 4]);
    expect(sharingHashes([entries[2]])).toEqual([]);
  });

  it('pick by whole 32-bit hashes, negative and extreme ones too, a hash twice in one dossier shared with none', () => {
    const [least, most] = [-(2 ** 31), 2 ** 31 - 1];
    expect(sharingHashes([[5, 5], [-1], [-1, 7], undefined, [least], [most, least], [0]])).toEqual([1, 2, 4, 5]);
    expect(sharingHashes([])).toEqual([]);
    expect(sharingHashes([[], undefined])).toEqual([]);
  });
});

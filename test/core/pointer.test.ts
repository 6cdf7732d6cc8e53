/** JSON pointers (RFC 6901) as findings and claims use them. */
import { describe, expect, it } from 'vitest';
import { escapeSegment, segmentsOf, valueAt } from '../../src/core/pointer.js';

describe('segmentsOf', () => {
  it.each([
    ['', []],
    ['#', []],
    ['/', ['']],
    ['/engineers/0/certificates/1', ['engineers', '0', 'certificates', '1']],
    ['#/engineers/0', ['engineers', '0']],
    ['/a~1b/c~0d', ['a/b', 'c~d']],
    ['/a~01', ['a~1']],
    ['/x-notes~1b//', ['x-notes/b', '', '']],
  ])('reads %j as %j', (pointer, segments) => {
    expect(segmentsOf(pointer)).toEqual(segments);
  });

  it('reads back what escapeSegment wrote', () => {
    const keys = ['plain', 'a/b', '~', '~1', '/~0/'];
    expect(segmentsOf(keys.map((k) => `/${escapeSegment(k)}`).join(''))).toEqual(keys);
    expect(valueAt({ 'a/b': { '~': 1 } }, '/a~1b/~0')).toBe(1);
  });
});

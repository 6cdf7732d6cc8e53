import { describe, expect, it } from 'vitest';
import { closest } from '../../src/core/suggest.js';

describe('closest', () => {
  it.each([
    ['nmae', ['id', 'name', 'email'], 'name'],
    ['H3CSE-R&S ', ['H3CNE', 'H3CSE-RS', 'H3CIE-RS'], 'H3CSE-RS'],
    ['h3cne', ['H3CNE', 'H3CSE-RS'], 'H3CNE'],
    ['rooter', ['router', 'l3-switch'], 'router'],
    ['three-stars', ['four-star', 'three-star', 'two-star'], 'three-star'],
    ['completely-different', ['router', 'l3-switch'], undefined],
    ['x', ['id', 'name'], undefined],
  ])('%s → %s', (input, candidates, expected) => {
    expect(closest(input, candidates)).toBe(expected);
  });
});

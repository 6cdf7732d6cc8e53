import { describe, expect, it } from 'vitest';
import { addDays, addMonths, firstDateReaching, isIsoDate } from '../../src/core/dates.js';

describe('addMonths', () => {
  it.each([
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-11-29', 3, '2027-02-28'],
    ['2026-11-28', 3, '2027-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-12-01', 3, '2027-03-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2028-02-29', true],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-04-31', false],
    ['2026-4-01', false],
    ['2026-04-01T00:00:00Z', false],
  ])('%s → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('firstDateReaching', () => {
  it.each([
    // A certificate expiring 2027-05-31 stops counting on 2027-03-01: 2027-02-28 + 3 months is still before it.
    ['2027-05-31', '2027-03-01'],
    ['2027-02-28', '2026-11-28'],
    ['2027-03-01', '2026-12-01'],
    ['2028-02-29', '2027-11-29'],
    ['2027-06-01', '2027-03-01'],
  ])('expiry %s stops counting on %s', (expiry, first) => {
    expect(firstDateReaching(expiry, 3)).toBe(first);
    expect(addMonths(first, 3) >= expiry).toBe(true);
    expect(addMonths(addDays(first, -1), 3) < expiry).toBe(true);
  });
});

/**
 * Small wording helpers shared by the evaluators' gap texts. Nothing here
 * depends on the locale, so output is the same on every machine.
 */
import type { Engineer } from './model.js';

/** 1250000 → "1,250,000", whatever the locale. */
export function groupDigits(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function usd(value: number): string {
  return `USD ${groupDigits(value)}`;
}

/** "Lee Wei Ming (E01)". */
export function engineerLabel(engineer: Engineer): string {
  return `${engineer.name} (${engineer.id})`;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

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

/** How many certificates or units one gap names before it only counts the rest: a gap is read by a person, and a dossier can hold thousands. */
export const NAMED_IN_GAP = 10;

/**
 * A gap's sentences: the first NAMED_IN_GAP details as they come, made only
 * when they will be shown, and then one sentence counting the rest.
 */
export class GapSentences {
  private readonly sentences: string[];
  private more = 0;
  constructor(first: string) {
    this.sentences = [first];
  }
  note(make: () => string): void {
    if (this.sentences.length <= NAMED_IN_GAP) this.sentences.push(make());
    else this.more += 1;
  }
  /** Whether the next detail will be shown; past that, `counted()` is all a detail needs (no sentence, no closure). */
  get open(): boolean {
    return this.sentences.length <= NAMED_IN_GAP;
  }
  counted(details = 1): void {
    this.more += details;
  }
  toString(): string {
    const tail = this.more > 0 ? [`… and ${this.more} more like ${this.more === 1 ? 'it' : 'them'}`] : [];
    return [...this.sentences, ...tail].join('. ') + '.';
  }
}

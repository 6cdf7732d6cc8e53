/**
 * A place in a dossier in a person's words: the JSON pointer
 * `/engineers/2/certificates/0/expires` reads as `engineer E03 (Le Minh
 * Khoa), certificate 1 (H3CSE-RS): expires`. Every error and warning message
 * about a dossier names its place through here; findings keep the pointer
 * itself in `path` for tools.
 *
 * Items of the dossier's lists are named by what identifies them to the
 * partner (an engineer's id and name, a certificate's type), counted from 1;
 * the fields below the last such item keep the names written in the file, so
 * the reader finds them. Whatever comes from the document is escaped as
 * printable() escapes it and cut short, so a hostile id or name can neither
 * break the message's line nor drown it.
 */
import { printable } from './findings.js';
import { segmentsOf } from './pointer.js';

/** How the items of each list of a dossier are named: the noun, and the fields that identify one. */
const ITEMS: Record<string, { noun: string; id?: string; detail?: string }> = {
  engineers: { noun: 'engineer', id: 'id', detail: 'name' },
  certificates: { noun: 'certificate', detail: 'type' },
  lab: { noun: 'lab item', detail: 'model' },
  projects: { noun: 'project', detail: 'name' },
  training: { noun: 'training event', detail: 'title' },
  serviceEvents: { noun: 'service event', detail: 'date' },
};

/** A value from the document as it may appear in words: one line, at most this many characters. */
const LONGEST = 40;

/** A value from the document as it may appear in words: one line (printable), at most `longest` characters, cut with an ellipsis. */
export function shown(value: unknown, longest = LONGEST): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = printable(value);
  return text.length > longest ? `${text.slice(0, longest - 1)}…` : text;
}

function own(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

/** "engineer E03 (Le Minh Khoa)", "certificate 1 (H3CSE-RS)", "engineer 2" when it has no id. */
function itemWords(list: string, index: number, item: unknown): string {
  const { noun, id, detail } = ITEMS[list]!;
  const named = id === undefined ? undefined : shown(own(item, id));
  const about = detail === undefined ? undefined : shown(own(item, detail));
  return `${noun} ${named ?? index + 1}${about !== undefined ? ` (${about})` : ''}`;
}

/**
 * The words for `pointer` in `document`: the dossier's items along it, then
 * the fields below them after a colon ("partner.name" when no item is on the
 * way, "the dossier" for the root).
 */
export function placeWords(pointer: string, document: unknown): string {
  const items: string[] = [];
  let fields: string[] = [];
  let node = document;
  let parentKey: string | undefined;
  for (const segment of segmentsOf(pointer)) {
    const child = own(node, segment);
    if (Array.isArray(node) && /^(0|[1-9][0-9]*)$/.test(segment) && parentKey !== undefined && Object.hasOwn(ITEMS, parentKey) && fields.at(-1) === parentKey) {
      fields.pop();
      if (fields.length > 0) items.push(fields.join('.'));
      items.push(itemWords(parentKey, Number(segment), child));
      fields = [];
    } else {
      fields.push(Array.isArray(node) && /^[0-9]+$/.test(segment) ? `${segment}` : printable(segment));
    }
    parentKey = segment;
    node = child;
  }
  const field = fields.join('.');
  if (items.length === 0) return field === '' ? 'the dossier' : field;
  return field === '' ? items.join(', ') : `${items.join(', ')}: ${field}`;
}

/** A place in a file that is no dossier (a standard, the config) as its keys, dotted: `/tiers/0/name` reads `tiers.0.name`. */
export function dottedPlace(pointer: string): string {
  return pointer.slice(1).replace(/\//g, '.');
}

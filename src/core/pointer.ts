/** JSON pointers (RFC 6901), the one way findings name a place in a dossier or standard. */

/** Escapes a key for use as one pointer segment: "~" and "/" would otherwise change its meaning. */
export function escapeSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(raw: string): string {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The keys along a pointer: "/engineers/0/id" → ["engineers", "0", "id"]; a leading "#" is allowed. */
export function segmentsOf(pointer: string): string[] {
  const bare = pointer.charCodeAt(0) === 0x23 ? pointer.slice(1) : pointer;
  const segments = bare.split('/').slice(1);
  // Every finding and claim is located through here; most pointers escape nothing.
  return bare.includes('~') ? segments.map(unescapeSegment) : segments;
}

/** The value a pointer names in plain data, following own properties only; undefined when absent. */
export function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

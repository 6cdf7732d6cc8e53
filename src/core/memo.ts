/**
 * A value remembered under two keys: an outer one (a catalogue, a number of
 * months) and an inner one (a code, a row, a date), made once by `make`.
 * A WeakMap as the outer map lets a catalogue's answers go with it.
 */
interface OuterMap<O, I, V> {
  get(key: O): Map<I, V> | undefined;
  set(key: O, value: Map<I, V>): unknown;
}

export function remembered<O, I, V>(memo: OuterMap<O, I, V>, outer: O, inner: I, make: () => V): V {
  let byInner = memo.get(outer);
  if (byInner === undefined) {
    byInner = new Map();
    memo.set(outer, byInner);
  }
  let value = byInner.get(inner);
  if (value === undefined) {
    value = make();
    byInner.set(inner, value);
  }
  return value;
}

/**
 * A value remembered under two keys: an outer one (a catalogue, a number of
 * months) and an inner one (a code, a row, a date), made once by `make`.
 * A WeakMap as the outer map lets a catalogue's answers go with it. It
 * exists for speed, and with the other per-catalogue plans of the engine
 * (a row's plan in certificates.ts, the rows by kind and the tier plans in
 * evaluate.ts) it pays: without the memos here and those plans, 10,000
 * generated dossiers (--format json --jobs 1) took 6.84 s of CPU against
 * 5.84 s (+17%, medians of 3 interleaved rounds); taken out one at a time
 * each cost 2 to 10%, as they stand in for one another.
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

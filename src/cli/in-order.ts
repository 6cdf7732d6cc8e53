/**
 * Mapping over items with a few calls in flight at once, results in the
 * items' order. Checking a dossier is mostly waiting for the file system
 * (stat, open, read, close); overlapping those waits is what keeps one
 * thread busy, while the order of the results never depends on timing.
 */

/** How many dossiers one thread reads at a time. */
export const IN_FLIGHT = 16;

export async function mapInOrder<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = IN_FLIGHT): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

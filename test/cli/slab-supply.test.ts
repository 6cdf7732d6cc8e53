/**
 * Spool slabs made ahead on a thread of their own (src/cli/slab-supply.ts):
 * reserved on the spool's budget like the writers' own, never past it, and
 * used by a writer as if it had made them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { workerScript } from '../../src/cli/batch.js';
import { startSlabSupply, type SlabSupply } from '../../src/cli/slab-supply.js';
import { closeSpool, openSpool, SLAB_BYTES, SpoolWriter, type SpoolHandle } from '../../src/cli/spool.js';

let open: Array<{ spool: SpoolHandle; supply: SlabSupply }> = [];

async function started(budget: number): Promise<{ spool: SpoolHandle; supply: SlabSupply; reserved: () => number }> {
  const spool = openSpool(budget)!;
  const supply = await startSlabSupply(spool, workerScript);
  open.push({ spool, supply });
  const counters = new BigInt64Array(spool.end);
  return { spool, supply, reserved: () => Number(counters[1]) };
}

afterEach(async () => {
  for (const { spool, supply } of open) {
    await supply.stop();
    closeSpool(spool);
  }
  open = [];
});

/** The next slab, waiting for the supplier thread to start and make it. */
async function next(supply: SlabSupply): Promise<Uint8Array<SharedArrayBuffer>> {
  for (let tries = 0; tries < 500; tries++) {
    const slab = supply.take();
    if (slab !== undefined) return slab;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no slab came in 5 s');
}

describe('slab supply', () => {
  it('makes zeroed slabs of the spool size, each reserved on the budget, a few ahead and no more', async () => {
    const { supply, reserved } = await started(64 * SLAB_BYTES);
    const slabs = [await next(supply), await next(supply)];
    for (const slab of slabs) {
      expect(slab.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(slab.length).toBe(SLAB_BYTES);
      expect(slab.every((byte) => byte === 0)).toBe(true);
    }
    expect(slabs[0]!.buffer).not.toBe(slabs[1]!.buffer);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Two taken, three waiting: what was made is what was reserved.
    expect(reserved()).toBe(5 * SLAB_BYTES);
  });

  it('never makes more than the budget allows', async () => {
    const { supply, reserved } = await started(2 * SLAB_BYTES + 1);
    await next(supply);
    await next(supply);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(supply.take()).toBeUndefined();
    expect(reserved()).toBe(2 * SLAB_BYTES);
  });

  it('fills a writer whose parts then lie in the supplied slabs, byte for byte', async () => {
    const { spool, supply } = await started(64 * SLAB_BYTES);
    const first = await next(supply);
    const handed: Array<Uint8Array<SharedArrayBuffer>> = [first];
    const writer = new SpoolWriter(spool, () => handed.shift());
    const text = 'ëntry ✔\n'.repeat(1000);
    const part = writer.keep(text) as Uint8Array;
    expect(part.buffer).toBe(first.buffer);
    expect(new TextDecoder().decode(part)).toBe(text);
    // Once the supplier has none ready, the writer makes its own.
    const own = writer.keepBytes(new Uint8Array(SLAB_BYTES - 100).fill(7)) as Uint8Array;
    expect(own.buffer).not.toBe(first.buffer);
    expect(own.buffer.byteLength).toBe(SLAB_BYTES);
    expect(own.every((byte) => byte === 7)).toBe(true);
  });
});

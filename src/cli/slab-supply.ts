/**
 * Spool slabs made ahead on a thread of their own. Every page of a fresh
 * slab costs the thread that first writes it a page fault; for the 100 MB a
 * 10,000-dossier JSON run keeps, that was about a twentieth of the run, all
 * on the thread that checks. A supplier thread allocates each slab and
 * touches its pages while that thread checks, a few slabs ahead, within the
 * spool's budget (it reserves what it makes on the same shared counter).
 * It is only ever a head start: when no slab is ready, the writer makes its
 * own, so a supplier that is slow, or never starts, changes nothing but
 * speed.
 */
import type { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { SLAB_BYTES, type SpoolHandle } from './spool.js';

/** Slabs kept ready: enough to stay ahead of the writer, few enough that those never taken cost little. */
const AHEAD = 3;
/** A page, as the kernel faults them in. */
const PAGE = 4096;

/** What the supplier thread is started with. */
export interface SlabSupplyData {
  role: 'slabs';
  /** The spool's shared counters: slab bytes are reserved on them as the writers reserve theirs. */
  end: SharedArrayBuffer;
  budget: number;
  /** [slabs made, slabs taken, stop]: how far ahead the supplier is, and when to end. */
  control: SharedArrayBuffer;
  port: MessagePort;
}

const [MADE, TAKEN, STOP] = [0, 1, 2];

/** The supplier thread's loop: make, touch and post slabs while fewer than AHEAD wait, until stopped or the budget is spent. */
export function serveSlabs({ end, budget, control, port }: SlabSupplyData): void {
  const reserved = new BigInt64Array(end);
  const counts = new Int32Array(control);
  while (Atomics.load(counts, STOP) === 0) {
    const taken = Atomics.load(counts, TAKEN);
    if (Atomics.load(counts, MADE) - taken >= AHEAD) {
      // Woken by a take or a stop; the timeout only bounds a wait nobody ends.
      Atomics.wait(counts, TAKEN, taken, 1000);
      continue;
    }
    if (Number(Atomics.add(reserved, 1, BigInt(SLAB_BYTES))) + SLAB_BYTES > budget) {
      Atomics.sub(reserved, 1, BigInt(SLAB_BYTES));
      break;
    }
    let slab: Uint8Array<SharedArrayBuffer>;
    try {
      slab = new Uint8Array(new SharedArrayBuffer(SLAB_BYTES));
    } catch {
      // Out of memory: the reservation goes back, and the writers make do.
      Atomics.sub(reserved, 1, BigInt(SLAB_BYTES));
      break;
    }
    // A write, not a read: reading a fresh page maps the shared zero page, and the writer's first write would fault again.
    for (let at = 0; at < slab.length; at += PAGE) slab[at] = 0;
    port.postMessage(slab.buffer);
    Atomics.add(counts, MADE, 1);
  }
  port.close();
}

/** Slabs of SLAB_BYTES, ready when the supplier is ahead, undefined otherwise; `stop` ends the supplier. */
export interface SlabSupply {
  take(): Uint8Array<SharedArrayBuffer> | undefined;
  stop(): Promise<void>;
}

/** Starts a supplier thread for the spool (from the CLI's bundle, as batch workers are: see bin/worker.js). */
export async function startSlabSupply(spool: SpoolHandle, workerScript: URL): Promise<SlabSupply> {
  const threads = await import('node:worker_threads');
  const { port1, port2 } = new threads.MessageChannel();
  const control = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const counts = new Int32Array(control);
  const data: SlabSupplyData = { role: 'slabs', end: spool.end, budget: spool.budget, control, port: port2 };
  let worker: Worker | undefined = new threads.Worker(workerScript, { workerData: data, transferList: [port2] });
  // A head start only: it never keeps the process alive, and a failure to start or to run means no slabs from it.
  worker.unref();
  worker.on('error', () => undefined);
  port1.unref();
  return {
    take() {
      const received = threads.receiveMessageOnPort(port1);
      if (received === undefined) return undefined;
      Atomics.add(counts, TAKEN, 1);
      Atomics.notify(counts, TAKEN);
      return new Uint8Array(received.message as SharedArrayBuffer);
    },
    async stop() {
      Atomics.store(counts, STOP, 1);
      Atomics.notify(counts, TAKEN);
      port1.close();
      const stopping = worker;
      worker = undefined;
      await stopping?.terminate();
    },
  };
}

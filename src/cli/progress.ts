/**
 * A progress bar for long batches, on stderr and only on a terminal: stdout
 * stays clean for reports and pipes, and CI logs never fill with redraws.
 */

/** Batches smaller than this finish before a bar would be read. */
export const PROGRESS_MIN_DOSSIERS = 200;
const WIDTH = 30;

export interface Progress {
  update(done: number): void;
  /** Clears the bar, leaving the line as it was. */
  end(): void;
}

const silent: Progress = { update: () => undefined, end: () => undefined };

export function progressBar(stream: { write(text: string): unknown; isTTY?: boolean }, total: number): Progress {
  if (stream.isTTY !== true || total < PROGRESS_MIN_DOSSIERS) return silent;
  // Redraw once per percent at most: a redraw per dossier would cost more than the check.
  const step = Math.max(1, Math.floor(total / 100));
  let drawn = -1;
  return {
    update(done) {
      if (done < total && Math.floor(done / step) === drawn) return;
      drawn = Math.floor(done / step);
      const filled = Math.round((done / total) * WIDTH);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} dossiers`);
    },
    end() {
      if (drawn >= 0) stream.write('\r\x1b[K');
    },
  };
}

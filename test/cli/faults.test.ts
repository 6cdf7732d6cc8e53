/**
 * Output faults and signals end a run cleanly: a failed write to standard
 * output or error is one line and exit 3; SIGINT, SIGTERM or SIGHUP remove
 * every temporary file the run made and exit with 130, 143 or 129, leaving
 * the files written before as they were.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dossierText } from '../bench/generate.mjs';
import { bin, root, scratchDirectory } from '../helpers.js';

const scratch = (): string => scratchDirectory('faults');

/** Runs the binary with its standard output, or error, on the device given. */
function onDevice(args: string[], device: string, fd: 1 | 2): { code: number | null; stderr: string } {
  const handle = openSync(device, 'w');
  try {
    const stdio = fd === 1 ? ['ignore', handle, 'pipe'] : ['ignore', 'ignore', handle];
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: stdio as never, encoding: 'utf8', timeout: 30_000 });
    return { code: result.status, stderr: result.stderr ?? '' };
  } finally {
    closeSync(handle);
  }
}

describe('a failed write', () => {
  it('to standard output (a full disk) is one line on standard error and exit 3, no stack trace', () => {
    const { code, stderr } = onDevice(['check', 'examples/four-star.yaml', '--format', 'json'], '/dev/full', 1);
    expect(code).toBe(3);
    expect(stderr).toBe('starcheck: cannot write to standard output (ENOSPC)\n');
  });

  it('to standard error ends the run with exit 3 too', () => {
    // An invalid dossier's errors go to standard error whatever the format.
    const { code } = onDevice(['check', 'examples/invalid.yaml', '--format', 'csv'], '/dev/full', 2);
    expect(code).toBe(3);
  });
});

describe('a signal during a run', () => {
  for (const [signal, expected] of [['SIGTERM', 143]] as const) {
    it(`(${signal}) removes the run's temporary files, keeps the files written before, and exits ${expected}`, async () => {
      const dir = scratch();
      for (let i = 0; i < 200; i++) {
        const { extension, text } = dossierText(21, i);
        writeFileSync(join(dir, `d${String(i).padStart(4, '0')}.${extension}`), text);
      }
      const out = scratch();
      const temporaryDir = scratch();
      writeFileSync(join(out, 'out.json'), 'written before\n');
      // The run writes its outputs one after another, each through a temporary file, once every dossier is checked. 200
      // dossiers to 32 files keep one there for about 200 ms, as 1,500 dossiers to 4 files did, in half the run.
      // (Standard output cannot stretch it: it is written in its turn, never while a temporary file exists.)
      const outputs = ['out.json', ...Array.from({ length: 31 }, (_, i) => `out-${i}.json`)].map((name) => `--format=json=${out}/${name}`);
      // A tiny memory budget is not needed: the spill file is unlinked as soon as it is open, and TMPDIR is watched too.
      const child = spawn(process.execPath, [bin, 'check', dir, ...outputs], { cwd: root, stdio: 'ignore', env: { ...process.env, TMPDIR: temporaryDir } });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      const temporaries = (): string[] => readdirSync(out).filter((f) => f.endsWith('.tmp'));
      // Watched, not slept on: when a hidden file of an atomic write shows, the run is stopped (SIGSTOP) and
      // the folder read; the signal is sent while it still stands there, so it lands while that file exists.
      // Stopped between two files, the run goes on to the next; should it end first, the loop ends with it
      // (and the assertion below fails).
      const watcher = watch(out);
      const written = (): Promise<'written'> =>
        new Promise((resolve) => {
          const seen = (_event: string, name: string | Buffer | null): void => {
            if (!String(name).endsWith('.tmp')) return;
            watcher.off('change', seen);
            resolve('written');
          };
          watcher.on('change', seen);
        });
      let held: string[] = [];
      while (held.length === 0 && (await Promise.race([written(), closed])) === 'written') {
        child.kill('SIGSTOP');
        held = temporaries();
        if (held.length === 0) child.kill('SIGCONT');
      }
      watcher.close();
      expect(held).toHaveLength(1);
      child.kill(signal);
      child.kill('SIGCONT');
      expect(await closed).toBe(expected);
      expect(temporaries()).toEqual([]);
      expect(readdirSync(temporaryDir)).toEqual([]);
      expect(readFileSync(join(out, 'out.json'), 'utf8')).toBe('written before\n');
    }, 90_000);
  }
});

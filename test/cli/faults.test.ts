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
      for (let i = 0; i < 1500; i++) {
        const { extension, text } = dossierText(21, i);
        writeFileSync(join(dir, `d${String(i).padStart(4, '0')}.${extension}`), text);
      }
      const out = scratch();
      const temporaryDir = scratch();
      writeFileSync(join(out, 'out.json'), 'written before\n');
      const outputs = ['json=out.json', 'text=out.txt', 'markdown=out.md', 'html=out.html'].map((o) => `--format=${o.replace('=out', `=${out}/out`)}`);
      // A tiny memory budget is not needed: the spill file is unlinked as soon as it is open, and TMPDIR is watched too.
      const child = spawn(process.execPath, [bin, 'check', dir, ...outputs], { cwd: root, stdio: 'ignore', env: { ...process.env, TMPDIR: temporaryDir } });
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      const temporaries = (): string[] => readdirSync(out).filter((f) => f.endsWith('.tmp'));
      // Watched, not slept on: the hidden file of the first atomic write appears once every dossier is
      // checked; should the run end first, the wait ends with it (and the assertion below fails).
      const watcher = watch(out);
      const appeared = new Promise<void>((resolve) => watcher.on('change', (_event, name) => String(name).endsWith('.tmp') && resolve()));
      await Promise.race([appeared, closed]);
      watcher.close();
      expect(temporaries()).toHaveLength(1);
      child.kill(signal);
      expect(await closed).toBe(expected);
      expect(temporaries()).toEqual([]);
      expect(readdirSync(temporaryDir)).toEqual([]);
      expect(readFileSync(join(out, 'out.json'), 'utf8')).toBe('written before\n');
    }, 90_000);
  }
});

/**
 * A directory the walk cannot read is a target of its own, never passed over
 * in silence. Permissions do not stop root (CI often runs as root), so the
 * refusal comes from node:fs itself, for directories named "locked": the
 * directory walk's readdirSync and the glob's readdir alike.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const readdirSync = ((path: string, options: unknown) => {
    if (String(path).endsWith('locked')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
    return (fs.readdirSync as (p: string, o: unknown) => unknown)(path, options);
  }) as typeof fs.readdirSync;
  const readdir = ((path: string, options: unknown, callback: (error: Error | null, entries?: unknown) => void) => {
    if (/locked\/?$/.test(String(path))) {
      callback(Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' }));
      return;
    }
    (fs.readdir as (p: string, o: unknown, c: typeof callback) => void)(path, options, callback);
  }) as typeof fs.readdir;
  return { ...fs, default: { ...fs, readdirSync, readdir }, readdirSync, readdir };
});

const { expandPaths } = await import('../../src/check/paths.js');
const { root, runCli, scratchDirectory } = await import('../helpers.js');

describe('an unreadable directory in a batch', () => {
  const dir = scratchDirectory();
  mkdirSync(join(dir, 'locked'));
  writeFileSync(join(dir, 'locked', 'hidden.yaml'), readFileSync(join(root, 'examples/invalid.yaml')));
  writeFileSync(join(dir, 'ok.yaml'), readFileSync(join(root, 'examples/two-star.yaml')));

  it('is a target that says why, in its sorted place', async () => {
    expect(await expandPaths([dir], '/')).toEqual([
      { kind: 'unmatched', file: `${dir}/locked`, message: 'cannot read the directory (permission denied)', code: 'read-error' },
      { kind: 'file', file: `${dir}/ok.yaml`, walked: dir },
    ]);
    expect(await expandPaths([join(dir, 'locked')], '/')).toEqual([
      { kind: 'unmatched', file: join(dir, 'locked'), message: 'cannot read the directory (permission denied)', code: 'read-error' },
    ]);
  });

  it('is found by a glob that would look inside it, too', async () => {
    expect(await expandPaths([`${dir}/**/*.yaml`], '/')).toEqual([
      { kind: 'unmatched', file: `${dir}/locked`, message: 'cannot read the directory (permission denied)', code: 'read-error' },
      { kind: 'file', file: `${dir}/ok.yaml`, walked: `${dir}/**/*.yaml` },
    ]);
    // A glob that stays in the top folder never looks inside.
    expect(await expandPaths([`${dir}/*.yaml`], '/')).toEqual([{ kind: 'file', file: `${dir}/ok.yaml`, walked: `${dir}/*.yaml` }]);
  });

  it('gets its row and makes the run exit 2, for check and validate', async () => {
    const check = await runCli(['check', dir, '--format', 'csv']);
    expect(check.code).toBe(2);
    expect(check.stdout.split('\r\n').filter((line) => line !== '')).toHaveLength(3);
    expect(check.stderr).toContain(`${dir}/locked: cannot read the directory (permission denied)`);
    const validate = await runCli(['validate', dir]);
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain(`${dir}/locked: cannot read the directory (permission denied)`);
  });
});

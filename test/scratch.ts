/**
 * Scratch folders for tests. test/setup.ts removes each test file's folders
 * after its tests, also when the files share one process (test/vitest.config.ts),
 * where a hook this module registered itself would run for the first file only.
 * It imports nothing of starcheck's, so the setup importing it loads no module
 * before a test file's mocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratchDirectories: string[] = [];

/** A new empty folder under the system's temporary folder, removed once the test file's tests are done. */
export function scratchDirectory(name = 'scratch'): string {
  const dir = mkdtempSync(join(tmpdir(), `starcheck-${name}-`));
  scratchDirectories.push(dir);
  return dir;
}

/** Removes the folders made since the last call. */
export function removeScratchDirectories(): void {
  for (const dir of scratchDirectories.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * The test files share one process (isolate: false): each file no longer
 * loads and compiles starcheck's modules afresh, which took about a third of
 * the run. A file that mocks a module (vi.mock) runs in a process of its own,
 * where the mock reaches every module it loads. test/setup.ts removes each
 * file's scratch folders. Files run on every core (vitest's default leaves
 * one free): on this 2-core machine `npm test`'s tests take 19 s of wall time
 * rather than 27 s, though vitest's "tests" figure, a sum over the workers,
 * grows from 23 s to 32 s as the two share the cores.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const mocking = ['test/cli/unreadable-directory.test.ts'];

export default defineConfig({
  // Here in test/, as the top level keeps to the design card's files; paths are the repository's.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    setupFiles: ['test/setup.ts'],
    maxWorkers: '100%',
    // The end-to-end tests spawn the binary, some of them many times: on a loaded machine 5 s is not enough.
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: mocking, isolate: false } },
      { extends: true, test: { name: 'own process', include: mocking } },
    ],
  },
});

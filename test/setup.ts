/** Runs in each test file before its tests (vitest's setupFiles): its scratch folders go when its tests are done. */
import { afterAll } from 'vitest';
import { removeScratchDirectories } from './scratch.js';

afterAll(removeScratchDirectories);

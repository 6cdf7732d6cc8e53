/** The formatters, keyed by `--format` name. */
import { json } from './json.js';
import type { Formatter } from './run.js';
import { text } from './text.js';

export const formatters: Record<string, Formatter> = { text, json };

export type { FormatOptions, Formatter, RunResult } from './run.js';
export { summarise } from './run.js';

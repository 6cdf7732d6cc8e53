/** The formatters, keyed by `--format` name. */
import { csv } from './csv.js';
import { github } from './github.js';
import { html } from './html.js';
import { ics } from './ics.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import type { Formatter } from './run.js';
import { sarif } from './sarif.js';
import { text } from './text.js';

export const formatters: Record<string, Formatter> = { text, json, markdown, junit, sarif, github, csv, html, ics };

export type { Assembly, DossierOutline, FormatOptions, Formatter, RunOutline, RunResult } from './run.js';
export { outlineOf, pieces, render, summarise } from './run.js';

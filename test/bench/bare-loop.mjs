/**
 * The bench's bare loop (bench.mjs), in a process of its own so that none of
 * its heap or its garbage collector's work is left behind in the bench's
 * process while the next contender runs: read, `yaml.parse`, ajv validate,
 * one file after another, with ajv compiling the same schema sources the
 * build compiles. Prints how many files were valid and how long the loop
 * took, as JSON.
 *
 *   node test/bench/bare-loop.mjs <root> <folder of dossiers>
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const [root, folder] = process.argv.slice(2);
const files = readdirSync(folder).map((f) => join(folder, f));
const { createAjv } = await import(join(root, 'dist/schemas/compile.js'));
const { dossierSchema } = await import(join(root, 'dist/schemas/dossier-schema.js'));
const validate = createAjv().compile(dossierSchema);
const start = performance.now();
const valid = files.filter((f) => validate(parse(readFileSync(f, 'utf8')))).length;
console.log(JSON.stringify({ valid, ms: performance.now() - start }));

/**
 * `npm run bundle`: the CLI as one CommonJS file (dist/bundle/main.cjs),
 * which bin/starcheck.js loads, and so does bin/worker.js for a batch's
 * worker threads. A single check is mostly start-up: measured on Node 20,
 * 2 cores, the four-star example took 100 ms of CPU time bundled against
 * 180 ms from dist/ as ES modules (`node -e 0`: 50 ms; medians of 15).
 * After the bundle, the build runs a warm-up check of the four-star example
 * and writes V8's code cache of it to dist/bundle/main.cjs.cache, which
 * bin/load-bundle.js hands V8 (see there for what it gains). The bundle also
 * defers what only some runs use:
 *
 * - commander requires child_process (and with it net, dgram and streams)
 *   only to run external subcommands, which starcheck has none of; here it
 *   loads on first use instead.
 * - chalk asks supports-color (which loads tty, net and streams) how to
 *   colour its default instance; starcheck never uses that instance, only
 *   \`new Chalk({ level })\` with the level its own --color rules decide.
 * - node:crypto (with the stream modules it loads) serves only the ICS
 *   format's event ids and --materials' file hashes (createHash, all they
 *   import from it; src/cli/output.ts imports it itself when it writes a
 *   file), so there it loads on first use: one dossier, bin's start to
 *   exit, medians of 101 interleaved runs on a loaded machine, 52.0 ms
 *   against 53.6 (Node 24, CPU time of the whole run: 54.2 against 59.4 ms,
 *   41 runs). One more entry of this table rather than a mechanism of its
 *   own: the table as a whole is what keeps streams, net and tty out of a
 *   check, and issue 15 asks one dossier to start within 1.35× `node -e 0`.
 * - the validators ajv compiled at build time (dist/schemas/validators.cjs),
 *   which src/validate/schema-validators.ts requires at run time, go into the
 *   bundle.
 * - cli-table3 measures every cell with string-width, whose emoji pattern is
 *   slow to build and to run; a string of printable ASCII and the few symbols
 *   the text report draws (✔ ✗ – and cli-table3's own …) is one column per
 *   character (string-width's ANSI and emoji patterns match nothing in it,
 *   test/report checks this; src/report/columns.ts), so only other strings go through it. The …
 *   matters most: cli-table3 truncates every cell longer than ten columns
 *   for a debug message, measuring … each time.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Modules replaced, for the packages named, by a few lines of source. */
const replacements = {
  'node:child_process': {
    importers: /[\\/]node_modules[\\/]commander[\\/]/,
    contents: `let loaded;
module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require('node:child_process'))[key] });`,
  },
  'node:crypto': {
    importers: /[\\/]dist[\\/](report[\\/]ics|load[\\/]material)\.js$/,
    contents: `let loaded;
export const createHash = (...args) => (loaded ??= require('node:crypto')).createHash(...args);`,
  },
  '#supports-color': {
    importers: /[\\/]node_modules[\\/]chalk[\\/]/,
    contents: 'module.exports = { stdout: false, stderr: false };',
  },
  'string-width': {
    importers: /[\\/]node_modules[\\/]cli-table3[\\/]/,
    contents: `const stringWidth = require(${JSON.stringify(require.resolve('string-width'))});
const { ONE_COLUMN_EACH } = require(${JSON.stringify(fileURLToPath(new URL('../../dist/report/columns.js', import.meta.url)))});
module.exports = (text) => (typeof text === 'string' && ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text));`,
  },
};

const VALIDATORS = "createRequire(import.meta.url)('../../dist/schemas/validators.cjs')";

const deferring = {
  name: 'starcheck-deferring',
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]validate[\\/]schema-validators\.js$/ }, ({ path }) => {
      const source = readFileSync(path, 'utf8');
      if (source.split(VALIDATORS).length !== 2) throw new Error(`${path}: expected one ${VALIDATORS} to bundle`);
      return { contents: source.replace(VALIDATORS, "require('../schemas/validators.cjs')"), loader: 'js' };
    });
    b.onResolve({ filter: /^(node:child_process|node:crypto|#supports-color|string-width)$/ }, ({ path, importer }) => {
      const replacement = replacements[path];
      return replacement.importers.test(importer) ? { path, namespace: 'starcheck-deferring' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'starcheck-deferring' }, ({ path }) => ({ contents: replacements[path].contents, loader: 'js', resolveDir: process.cwd() }));
  },
};

await build({
  entryPoints: ['dist/cli/main.js'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // import() as require: bin/load-bundle.js runs the bundle as a vm.Script, which has no module loader for import().
  supported: { 'dynamic-import': false },
  // Less to read and scan on every start (names are shortened too: --verbose stacks name the bundle's lines).
  minify: true,
  logLevel: 'warning',
  plugins: [deferring],
});

// The code cache: compiled in this process, by this Node, after a check has run every function a check needs.
const { file, loadBundle } = require('../../bin/load-bundle.js');
const { exports: cli, script } = loadBundle({ cache: false });
const ignore = { write: () => true, isTTY: false };
const io = { stdout: ignore, stderr: ignore, stdin: (async function* () {})(), env: {}, now: () => new Date('2026-12-01T12:00:00Z'), cwd: process.cwd() };
const code = await cli.main(['check', 'examples/four-star.yaml'], io);
if (code !== 0) throw new Error(`warm-up check of examples/four-star.yaml: exit ${code}`);
writeFileSync(`${file}.cache`, script.createCachedData());

/**
 * The package as a user gets it: packed with `npm pack`, installed from the
 * tarball into a folder of its own, imported by a plain Node script, its
 * types checked by tsc in a consumer file, and its binary run.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, scratchDirectory } from '../helpers.js';

const run = promisify(execFile);
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('the packed package', () => {
  it('installs from its tarball and serves a script, a typed consumer and its binary', { timeout: 120_000 }, async () => {
    const dir = scratchDirectory('package');
    const { filename } = (JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], root)) as Array<{ filename: string }>)[0]!;
    const consumer = join(dir, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', join(dir, filename)], consumer);

    const dossier = readFileSync(join(root, 'examples/two-star.yaml'), 'utf8');
    writeFileSync(
      join(consumer, 'check.mjs'),
      `import { checkDossier, format } from 'starcheck';
import { readFileSync } from 'node:fs';
const report = checkDossier(readFileSync(process.argv[2], 'utf8'), { file: 'two-star.yaml' });
console.log(JSON.stringify({ pass: report.pass, highest: report.highestTier, csv: format('csv', [report]).split('\\r\\n')[1] }));
`,
    );
    writeFileSync(join(consumer, 'two-star.yaml'), dossier);

    writeFileSync(
      join(consumer, 'consumer.ts'),
      `import { checkDossier, checkFiles, EXIT, exitCodeOf, type Dossier, type DossierReport, type Finding, type FormatOptions, type LoadedStandard, type RequirementResult, type RunResult, type Standard, type TierResult } from 'starcheck';
const report: DossierReport = checkDossier('schemaVersion: 1', { asOf: '2026-12-01' });
const tier: string | null = report.highestTier;
const code: number = exitCodeOf([report]) === EXIT.ok ? 0 : 1;
const run: Promise<RunResult> = checkFiles(['.'], { jobs: 1 });
// Each exported type resolved: one that did not (a declaration importing what the package cannot reach) would take a number.
// @ts-expect-error
const dossier: Dossier = 1;
// @ts-expect-error
const standard: Standard = 1;
// @ts-expect-error
const loaded: LoadedStandard = 1;
// @ts-expect-error
const result: RunResult = 1;
// @ts-expect-error
const tierResult: TierResult = 1;
// @ts-expect-error
const requirement: RequirementResult = 1;
// @ts-expect-error
const finding: Finding = 1;
// @ts-expect-error
const options: FormatOptions = 1;
// @ts-expect-error
const entry: DossierReport = 1;
export { tier, code, run, dossier, standard, loaded, result, tierResult, requirement, finding, options, entry };
`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', lib: ['ES2022'], strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(root, 'node_modules/@types')] }, files: ['consumer.ts'] }),
    );
    // skipLibCheck, as most projects set it: checking the dependencies' own declarations (json-schema-to-ts's above all)
    // took 6 of this test's 10 s and proves nothing of starcheck's; the probes above show its types resolve.
    // lib ES2022 with Node's types, as starcheck's own tsconfig: a Node consumer's setting, without the DOM's
    // 39,000 lines of declarations (a quarter of tsc's time), so a declaration leaning on a DOM type would fail here.
    // The script, tsc and the binary run side by side: each waits on nothing the others make.
    const [script, , version] = await Promise.all([
      run(process.execPath, ['check.mjs', 'two-star.yaml'], { cwd: consumer, encoding: 'utf8' }),
      run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer, encoding: 'utf8' }),
      run(process.execPath, [join(consumer, 'node_modules/starcheck/bin/starcheck.js'), '--version'], { encoding: 'utf8' }),
    ]);
    const out = JSON.parse(script.stdout);
    expect(out).toEqual({ pass: true, highest: 'two-star', csv: expect.stringMatching(/^two-star\.yaml,,"Lanna Systems Co\., Ltd\.",TH,ASP,classic,false,2026-12-01,true,two-star/) });
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version);
  });
});

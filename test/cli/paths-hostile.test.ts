/**
 * Directories and globs over a hostile tree (issue: hostile dossiers, round
 * two, classes 3 and 7): one walk serves both, so a glob treats broken and
 * looping links as the directory walk does (a target, which reading reports),
 * never opens a FIFO, and a name that is not UTF-8 keeps its own bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandPaths, readTarget, shownName } from '../../src/check/paths.js';
import { scratchDirectory } from '../helpers.js';

function tree(): string {
  const dir = scratchDirectory('paths');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.yaml'), 'x: 1\n');
  writeFileSync(join(dir, 'sub', 'b.yaml'), 'x: 2\n');
  symlinkSync('nowhere.yaml', join(dir, 'broken.yaml'));
  symlinkSync('loop-2.yaml', join(dir, 'loop-1.yaml'));
  symlinkSync('loop-1.yaml', join(dir, 'loop-2.yaml'));
  execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
  symlinkSync('pipe.yaml', join(dir, 'to-pipe.yaml'));
  return dir;
}

describe('a glob and a directory walk over the same tree', () => {
  it('find the same files: broken and looping links kept, FIFOs and links to them never', async () => {
    const dir = tree();
    const expected = ['a.yaml', 'broken.yaml', 'loop-1.yaml', 'loop-2.yaml', 'sub/b.yaml'].map((name) => `${dir}/${name}`);
    expect((await expandPaths([dir], '/')).map((t) => t.file)).toEqual(expected);
    expect((await expandPaths([`${dir}/**/*.yaml`], '/')).map((t) => t.file)).toEqual(expected);
    // Relative to the working directory, as the user typed it.
    expect((await expandPaths(['*.yaml'], dir)).map((t) => t.file)).toEqual(['a.yaml', 'broken.yaml', 'loop-1.yaml', 'loop-2.yaml']);
  });

  it('report a broken link as not found and a looping one as a loop, not as a hang or a pass', async () => {
    const dir = tree();
    const reads = (await expandPaths([`${dir}/*.yaml`], '/')).map((t) => (t.kind === 'file' ? readTarget(t) : undefined));
    expect(reads.map((r) => (r?.ok ? 'ok' : r?.error.code))).toEqual(['ok', 'not-found', 'read-error', 'read-error']);
    expect(reads[2]).toMatchObject({ error: { message: 'a loop of symbolic links' } });
  });

  it('never reach deeper than the glob has segments, but for **', async () => {
    const dir = tree();
    expect((await expandPaths([`${dir}/*/*.yaml`], '/')).map((t) => t.file)).toEqual([`${dir}/sub/b.yaml`]);
    expect((await expandPaths([`${dir}/{a,sub/b}.yaml`], '/')).map((t) => t.file)).toEqual([`${dir}/a.yaml`, `${dir}/sub/b.yaml`]);
  });
});

describe('file names that are not UTF-8', () => {
  it('keep a target each, read by their own bytes, shown with the odd bytes as \\xHH', async () => {
    const dir = scratchDirectory('bytes');
    const name = (byte: number): Buffer => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([byte]), Buffer.from('.yaml')]);
    writeFileSync(name(0xff), 'first: 1\n');
    writeFileSync(name(0xfe), 'second: 2\n');
    // The file a lossy decoding would have read instead.
    writeFileSync(join(dir, '\uFFFD.yaml'), 'replacement: 3\n');
    for (const targets of [await expandPaths([dir], '/'), await expandPaths([`${dir}/*.yaml`], '/')]) {
      expect(targets.map((t) => t.file)).toEqual([`${dir}/\\xfe.yaml`, `${dir}/\\xff.yaml`, `${dir}/\uFFFD.yaml`]);
      const texts = targets.map((t) => {
        const read = t.kind === 'file' ? readTarget(t) : undefined;
        return read?.ok ? read.text : read?.error.message;
      });
      expect(texts).toEqual(['second: 2\n', 'first: 1\n', 'replacement: 3\n']);
    }
  });

  it.each([
    [[0x61, 0x2e, 0x79], 'a.y'],
    [[0xff], '\\xff'],
    [[0x61, 0xc3], 'a\\xc3'],
    [[0xe2, 0x82, 0xac, 0xe2, 0x82], '€\\xe2\\x82'],
    [[0xc0, 0xaf], '\\xc0\\xaf'],
  ])('shows %j as %s', (bytes, shown) => {
    expect(shownName(Buffer.from(bytes))).toBe(shown);
  });
});

describe('a batch over a hostile tree', () => {
  it('gives each odd name its row, reports broken links, and never waits on a FIFO', async () => {
    const { runCli, root } = await import('../helpers.js');
    const { readFileSync } = await import('node:fs');
    const dir = tree();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff]), Buffer.from('.yaml')]), readFileSync(join(root, 'examples/two-star.yaml')));
    for (const path of [dir, `${dir}/*.yaml`]) {
      const { code, stdout } = await runCli(['check', path, '--format', 'csv']);
      expect(code).toBe(2);
      const rows = stdout.trim().split('\r\n').slice(1).map((row) => row.split(',')[0]);
      expect(rows).toEqual(expect.arrayContaining([`${dir}/\\xff.yaml`, `${dir}/broken.yaml`, `${dir}/loop-1.yaml`]));
      expect(rows.some((row) => row!.includes('pipe'))).toBe(false);
    }
  });
});

describe('names that are not UTF-8, given on the command line', () => {
  it('keep a row each, read by their bytes, which argv alone has lost', async () => {
    const { execFileSync } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const { bin, root } = await import('../helpers.js');
    const dir = scratchDirectory('argv');
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xff]), Buffer.from('.yaml')]), readFileSync(join(root, 'examples/two-star.yaml')));
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xfe]), Buffer.from('.yaml')]), readFileSync(join(root, 'examples/three-star.yaml')));
    // bash's $'\xff' passes the byte itself, as a shell does for a name typed or completed.
    const csv = execFileSync('bash', ['-c', `"$0" "$1" check $'\\xff.yaml' $'\\xfe.yaml' --format csv`, process.execPath, bin], { cwd: dir, encoding: 'utf8' });
    expect(csv.trim().split('\r\n').slice(1).map((row) => row.split(',').slice(0, 3).join(','))).toEqual(['\\xff.yaml,,"Lanna Systems Co.', '\\xfe.yaml,MY-0107,Borneo Netcom Sdn Bhd']);
  });

  it('are taken from the command line’s bytes only where those decode to argv’s string', async () => {
    const { rawArguments } = await import('../../src/cli/io.js');
    const bytes = Buffer.concat([Buffer.from('node\0bin\0check\0'), Buffer.from([0xff]), Buffer.from('.yaml\0'), Buffer.from([0xfe]), Buffer.from('.yaml\0')]);
    expect(rawArguments(['check', '\uFFFD.yaml', '\uFFFD.yaml'], () => bytes)).toEqual({
      argv: ['check', '\\xff.yaml', '\\xfe.yaml'],
      raw: new Map([
        ['\\xff.yaml', Buffer.from([0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c])],
        ['\\xfe.yaml', Buffer.from([0xfe, 0x2e, 0x79, 0x61, 0x6d, 0x6c])],
      ]),
    });
    // A command line that does not end in these arguments (a test runner's) changes nothing.
    expect(rawArguments(['check', '\uFFFD.yaml'], () => Buffer.from('vitest\0run\0'))).toEqual({ argv: ['check', '\uFFFD.yaml'], raw: new Map() });
    // Nothing to look up, nothing read.
    expect(rawArguments(['check', 'a.yaml'], () => { throw new Error('read'); }).argv).toEqual(['check', 'a.yaml']);
    // An option's value (here an output file) is no path to check: it stays as argv has it.
    const withOutput = Buffer.concat([Buffer.from('node\0bin\0check\0-o\0'), Buffer.from([0xff]), Buffer.from('.csv\0')]);
    expect(rawArguments(['check', '-o', '\uFFFD.csv'], () => withOutput)).toEqual({ argv: ['check', '-o', '\uFFFD.csv'], raw: new Map() });
  });
});

/** Shared test helpers: build dossiers as plain objects, run the CLI in-process or as the real binary. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type Catalogue } from '../src/core/catalogue.js';
import type { Dossier, Standard } from '../src/core/model.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { main } from '../src/cli/main.js';
import { escapeSegment } from '../src/core/pointer.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const bin = fileURLToPath(new URL('../bin/starcheck.js', import.meta.url));

/** Every JSON pointer into plain data, containers and leaves, in the data's order. */
export function pointers(data: unknown, at = ''): string[] {
  const out = [at];
  if (Array.isArray(data)) data.forEach((item, i) => out.push(...pointers(item, `${at}/${i}`)));
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) out.push(...pointers(value, `${at}/${escapeSegment(key)}`));
  }
  return out;
}

export { scratchDirectory } from './scratch.js';

/** The shipped classic standard, built into a catalogue. */
export function shippedCatalogue(id = 'classic'): Catalogue {
  return buildCatalogue(parse(readFileSync(`${root}src/standards/${id}.yaml`, 'utf8')) as Standard);
}

/** A dossier with the given engineers and everything else a four-star partner has, overridable. */
export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    schemaVersion: 1,
    partner: { name: 'Test Partner' },
    engineers: [],
    serviceManager: { name: 'Manager' },
    servicePlatform: {
      hotline: { phone: '+1 555 0100', hours: '7x24' },
      supportEmail: 'support@example.com',
      issueTracking: { system: 'Tracker', mode: 'automatic', handlingProcess: true },
    },
    projects: [{ name: 'Big project', listPriceUsd: 2_000_000 }],
    lab: [
      { category: 'cloud-lab', model: 'Cloud Lab' },
      { category: 'high-end-router', model: 'CR16000' },
      { category: 'router', model: 'MSR' },
      { category: 'l3-switch', model: 'S6520' },
      { category: 'access-controller', model: 'WX3510' },
      { category: 'access-point', model: 'WA6320', quantity: 2 },
    ],
    ...overrides,
  } as Dossier;
}

/** An engineer holding certificates given as [type, expires] or [type, expires, issued]. */
export function engineer(id: string, certs: Array<[string, string] | [string, string, string]>, extra: Record<string, unknown> = {}): Dossier['engineers'][number] {
  return {
    id,
    name: `Engineer ${id}`,
    certificates: certs.map(([type, expires, issued]) => ({ type, expires, ...(issued ? { issued } : {}) })),
    ...extra,
  } as Dossier['engineers'][number];
}

export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output, as the binary would. */
export async function runCli(args: string[], options: { stdin?: string; env?: Record<string, string>; isTTY?: boolean; columns?: number; now?: Date; cwd?: string } = {}): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin ?? '';
  const code = await main(args, {
    stdout: { write: (s: string | Uint8Array) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')), isTTY: options.isTTY ?? false, columns: options.columns },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    stdin: (async function* () {
      yield new TextEncoder().encode(input);
    })(),
    env: options.env ?? {},
    now: () => options.now ?? new Date('2026-12-01T12:00:00Z'),
    cwd: options.cwd ?? root,
  });
  return { code, stdout, stderr };
}

/** Spawns the built binary, as a user or CI would. */
export function runBin(args: string[], options: { env?: Record<string, string>; input?: string } = {}): RunOutput {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
    timeout: 30_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

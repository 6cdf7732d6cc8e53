/**
 * The layout shows the flow, and imports run one way: cli → check → load,
 * validate, core, report (schemas: the JSON Schemas, data every layer may
 * read). No module imports one of a layer above its own, and no cycle runs
 * through the modules, at type or value level, dynamic imports included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const src = join(root, 'src');

/** Every TypeScript module under src/, by its path from src/. */
function modules(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') ? [relative(src, path)] : [];
  });
}

/** The modules of src/ a module imports, exports from or loads: `import type` and `import()` count too. */
function importsOf(module: string): string[] {
  const text = readFileSync(join(src, module), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)].map((m) => m[1]!);
  return specifiers.map((s) => normalize(join(dirname(module), s)).replace(/\.js$/, '.ts')).filter((target) => !target.startsWith('..'));
}

const graph = new Map(modules().map((m) => [m, importsOf(m)]));

/** Which layer a module is in: its folder under src/, or the module itself at the top. */
const layerOf = (module: string): string => (module.includes('/') ? module.slice(0, module.indexOf('/')) : module.replace(/\.ts$/, ''));

/** What each layer may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  schemas: [],
  core: ['schemas'],
  load: ['core', 'schemas'],
  validate: ['load', 'core', 'schemas'],
  report: ['core', 'schemas'],
  check: ['load', 'validate', 'core', 'report', 'schemas'],
  cli: ['check', 'load', 'validate', 'core', 'report', 'schemas'],
  index: ['check', 'load', 'validate', 'core', 'report', 'schemas'],
  build: ['schemas', 'validate', 'core', 'load'],
};

describe('the layout of src/', () => {
  it('finds the modules and their imports', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('check/batch.ts')).toContain('check/dossier.ts');
  });

  it('has every module in a known layer, importing only downwards', () => {
    const wrong: string[] = [];
    for (const [module, imports] of graph) {
      const layer = layerOf(module);
      expect(Object.keys(ALLOWED), module).toContain(layer);
      for (const target of imports) {
        const to = layerOf(target);
        if (to !== layer && !ALLOWED[layer]!.includes(to)) wrong.push(`${module} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no cycle of imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (module: string, path: string[]): void => {
      if (state.get(module) === 'done') return;
      if (state.get(module) === 'open') {
        cycles.push([...path.slice(path.indexOf(module)), module].join(' -> '));
        return;
      }
      state.set(module, 'open');
      for (const target of graph.get(module) ?? []) visit(target, [...path, module]);
      state.set(module, 'done');
    };
    for (const module of graph.keys()) visit(module, []);
    expect(cycles).toEqual([]);
  });

  it('lets only bin/ touch the process', () => {
    const touching = [...graph.keys()].filter((m) => /\bprocess\.(?!env\b)|\bprocess\.env\b/.test(readFileSync(join(src, m), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(touching).toEqual([]);
  });
});

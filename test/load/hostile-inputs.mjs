/**
 * Hostile standards and dossiers, each as large as the 1 MiB input limit
 * allows, for the bounds tests (test/load/bounds.test.ts) and for measuring
 * time and memory against the real binary (test/bench/hostile.mjs). Every
 * case is a folder of files: a dossier, and where the case is the standard,
 * that standard beside it, named by the dossier's `application.standard`.
 */

/** Just under the 1 MiB limit of src/load/read.ts, leaving room for the lines around a list. */
export const BUDGET = 1024 * 1024 - 4096;

/** Lines from `line(i)` for i = 0, 1, … while they fit `budget` bytes. */
function fill(budget, line) {
  const lines = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const next = line(i);
    size += next.length + 1;
    if (size > budget) return lines;
    lines.push(next);
  }
}

/** A short, distinct, valid code for number i. */
const code = (i) => `C${i.toString(36)}`;

/** A plain four-star-looking dossier against `standard`, with `engineers` as YAML lines. */
export function dossierYaml({ standard, engineers = ['  - {id: E1, name: A, certificates: [{type: C0, expires: 2030-01-01}]}'], extra = '' }) {
  return [
    'schemaVersion: 1',
    'partner: {name: Hostile}',
    `application: {date: 2026-01-01${standard ? `, standard: ${standard}` : ''}}`,
    'engineers:',
    ...engineers,
    'serviceManager: {name: M}',
    'servicePlatform: {hotline: {phone: "1", hours: 7x24}, supportEmail: s@x.example, issueTracking: {system: T, mode: automatic, handlingProcess: true}}',
    'projects: [{name: P, listPriceUsd: 2000000}]',
    'lab: [{category: L0, model: M, quantity: 3}]',
    extra,
    '',
  ].join('\n');
}

/** A standard around catalogue lines; `rows` are requirement lines, `tiers` tier lines. */
function standardYaml({ certificates, labCategories = ['  - {id: L0, name: l}'], tiers = ['  - {id: t, name: T}'], rows }) {
  return [
    'id: hostile',
    'title: Hostile',
    'certificates:',
    ...certificates,
    'labCategories:',
    ...labCategories,
    'tiers:',
    ...tiers,
    'requirements:',
    ...(rows ?? ['  - {id: r, kind: certificates, label: R, accepts: [C0], need: {t: 1}}', '  - {id: l, kind: lab, label: L, category: L0, need: {t: 1}}']),
    '',
  ].join('\n');
}

/** Budget left for a list once the rest of the file is written. */
const rest = (around) => BUDGET - around.length;

/** C_i replaces C_{i-1}: the longest chain the limit allows; C0 is the root the row accepts. */
export function replacesChain() {
  const certificates = fill(rest(standardYaml({ certificates: [] })), (i) => (i === 0 ? '  - {code: C0, name: c}' : `  - {code: ${code(i)}, name: c, replaces: [${code(i - 1)}]}`));
  const top = code(certificates.length - 1);
  return {
    case: 'replaces-chain',
    links: certificates.length - 1,
    files: {
      'standard.yaml': standardYaml({ certificates }),
      'dossier.yaml': dossierYaml({ standard: 'standard.yaml', engineers: [`  - {id: E1, name: A, certificates: [{type: ${top}, expires: 2030-01-01}]}`] }),
    },
  };
}

/** One certificate replaces every other: the widest fan. */
export function replacesFan() {
  const around = standardYaml({ certificates: ['  - {code: TOP, name: t, replaces: []}'] });
  // Each lower certificate costs its own line and its code in TOP's list.
  const lower = fill(rest(around), (i) => `  - {code: ${code(i)}, name: c}` + ' '.repeat(code(i).length + 2));
  const codes = lower.map((_, i) => code(i));
  return {
    case: 'replaces-fan',
    links: codes.length,
    files: {
      'standard.yaml': standardYaml({ certificates: [`  - {code: TOP, name: t, replaces: [${codes.join(', ')}]}`, ...lower.map((l) => l.trimEnd())] }),
      'dossier.yaml': dossierYaml({ standard: 'standard.yaml', engineers: ['  - {id: E1, name: A, certificates: [{type: TOP, expires: 2030-01-01}]}'] }),
    },
  };
}

/** L_i satisfies L_{i-1}: the deepest lab chain; the dossier's unit is of the top category. */
export function satisfiesChain() {
  const certificates = ['  - {code: C0, name: c}'];
  const labCategories = fill(rest(standardYaml({ certificates })), (i) => (i === 0 ? '  - {id: L0, name: l}' : `  - {id: L${i.toString(36)}, name: l, satisfies: [L${(i - 1).toString(36)}]}`));
  const top = `L${(labCategories.length - 1).toString(36)}`;
  return {
    case: 'satisfies-chain',
    links: labCategories.length - 1,
    files: {
      'standard.yaml': standardYaml({ certificates, labCategories }),
      'dossier.yaml': dossierYaml({ standard: 'standard.yaml' }).replace('category: L0', `category: ${top}`),
    },
  };
}

/** One certificate with as many aliases as fit, and a dossier that misspells one. */
export function aliasCatalogue() {
  const around = standardYaml({ certificates: ['  - {code: C0, name: c, aliases: []}'] });
  const aliases = fill(rest(around), (i) => `A${i.toString(36)}x,`).map((a) => a.slice(0, -1));
  return {
    case: 'alias-catalogue',
    links: aliases.length,
    files: {
      'standard.yaml': standardYaml({ certificates: [`  - {code: C0, name: c, aliases: [${aliases.join(', ')}]}`] }),
      'dossier.yaml': dossierYaml({ standard: 'standard.yaml', engineers: ['  - {id: E1, name: A, certificates: [{type: A1y, expires: 2030-01-01}, {type: Zzz9, expires: 2030-01-01}]}'] }),
    },
  };
}

/** As many tiers as fit, every one needed by the standard's rows. */
export function tierGrid() {
  const tierCount = 22_000;
  const tiers = Array.from({ length: tierCount }, (_, i) => `  - {id: t${i}, name: T}`);
  const need = `{${tiers.map((_, i) => `t${i}: 1`).join(', ')}}`;
  const rows = [`  - {id: r, kind: certificates, label: R, accepts: [C0], need: ${need}}`, `  - {id: p, kind: personnel, label: P, counts: registered, need: ${need}}`];
  return {
    case: 'tier-grid',
    links: tierCount,
    files: {
      'standard.yaml': standardYaml({ certificates: ['  - {code: C0, name: c}'], tiers, rows }),
      'dossier.yaml': dossierYaml({ standard: 'standard.yaml', engineers: Array.from({ length: 2000 }, (_, i) => `  - {id: E${i}, name: A, certificates: [{type: C0, expires: 20${30 + (i % 60)}-01-01}]}`) }),
    },
  };
}

/** A dossier of nothing but misspelt keys, at the top and in an engineer. */
export function misspeltKeys() {
  const text = (keys) => {
    const half = keys.length >> 1;
    return dossierYaml({
      engineers: ['  - id: E1', '    name: A', '    certificates: [{type: H3CNE, expires: 2030-01-01}]', ...keys.slice(0, half).map((k) => `    ${k}`)],
      extra: keys.slice(half).join('\n'),
    }).replace('category: L0', 'category: router');
  };
  // Half the keys are indented four more spaces: as many as fit once they are.
  const keys = fill(rest(text([])) - 2 * 85_000, (i) => `namee${i.toString(36)}: x`);
  return { case: 'misspelt-keys', links: keys.length, files: { 'dossier.yaml': text(keys) } };
}

/** Certificates of unknown codes, as many as fit, against the shipped standard. */
export function unknownCodes() {
  const certs = fill(rest(dossierYaml({})), (i) => `      - {type: H3CXE-${i.toString(36)}, expires: 2030-01-01}`);
  return {
    case: 'unknown-codes',
    links: certs.length,
    files: { 'dossier.yaml': dossierYaml({ engineers: ['  - id: E1', '    name: A', '    certificates:', ...certs] }).replace('category: L0', 'category: router') },
  };
}

/** The same certificate number on every certificate. */
export function duplicateNumbers() {
  const certs = fill(rest(dossierYaml({})), () => '      - {type: H3CNE, number: N-1, expires: 2030-01-01}');
  return {
    case: 'duplicate-numbers',
    links: certs.length,
    files: { 'dossier.yaml': dossierYaml({ engineers: ['  - id: E1', '    name: A', '    certificates:', ...certs] }).replace('category: L0', 'category: router') },
  };
}

/** The same engineer id on every engineer. */
export function duplicateIds() {
  const engineers = fill(rest(dossierYaml({})), () => '  - {id: E, name: A}');
  return { case: 'duplicate-ids', links: engineers.length, files: { 'dossier.yaml': dossierYaml({ engineers }).replace('category: L0', 'category: router') } };
}

/**
 * Thousands of engineers with many certificates each, against the largest
 * standard the schema's bounds allow (10 tiers, 100 rows, 20 accepted codes
 * a row): certificate rows whose slots they cannot all fill, so the exact
 * matching has to decide on every tier, and each certificate fits many rows.
 */
export function manySlots() {
  const types = 50;
  const tierCount = 10;
  const tiers = Array.from({ length: tierCount }, (_, t) => `  - {id: t${t}, name: T}`);
  const need = (n) => `{${Array.from({ length: tierCount }, (_, t) => `t${t}: ${n + t}`).join(', ')}}`;
  const certificates = Array.from({ length: types }, (_, i) => (i === 0 ? '  - {code: C0, name: c}' : `  - {code: ${code(i)}, name: c, replaces: [${code(i - 1)}]}`));
  // Each distinct row takes 20 codes (the bound), spread over the chain.
  const spread = (i) => Array.from({ length: 20 }, (_, j) => code((i + j * 3) % types)).join(', ');
  const rows = [
    ...Array.from({ length: 50 }, (_, i) => `  - {id: r${i}, kind: certificates, label: R, accepts: [${code(i)}], need: ${need(1000)}}`),
    ...Array.from({ length: 49 }, (_, i) => `  - {id: d${i}, kind: certificates, label: D, distinct: true, accepts: [${spread(i)}], need: ${need(40)}}`),
    `  - {id: l, kind: lab, label: L, category: L0, need: ${need(1000)}}`,
  ];
  const perEngineer = 8;
  const engineers = fill(rest(dossierYaml({ standard: 'standard.yaml', engineers: [] })), (e) =>
    `  - {id: E${e}, name: A, certificates: [${Array.from({ length: perEngineer }, (_, c) => `{type: ${code((e * 7 + c * 5) % types)}, expires: 20${30 + ((e + c) % 60)}-0${1 + (c % 9)}-01}`).join(', ')}]}`,
  );
  return {
    case: 'many-slots',
    links: engineers.length * perEngineer,
    files: { 'standard.yaml': standardYaml({ certificates, tiers, rows }), 'dossier.yaml': dossierYaml({ standard: 'standard.yaml', engineers }) },
  };
}

/** Every case, by name. */
export const CASES = { replacesChain, replacesFan, satisfiesChain, aliasCatalogue, tierGrid, misspeltKeys, unknownCodes, duplicateNumbers, duplicateIds, manySlots };

/**
 * Synthetic dossiers from a fixed seed, for the benchmark and the batch
 * tests: the same seed always gives the same files. A mix of tiers, YAML
 * styles (block and flow, quoted and plain, comments) and JSON, so a batch
 * looks like what vendor staff receive.
 */

/** A small deterministic generator (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CERTS = ['H3CNE', 'H3CSE-RS', 'H3CIE-RS', 'PMP', 'H3CNE-PM', 'H3CS-IMC', 'H3CNE-SECURITY', 'H3CNE-X86', 'H3CSE-R&S', 'h3cne-rs'];
const LAB = ['cloud-lab', 'high-end-router', 'router', 'l3-switch', 'access-controller', 'access-point'];
const NAMES = ['Lee Wei Ming', 'Bo Tan', 'Nurul Aziz', 'Rajesh Kumar', "O'Brien Kelly", 'Zoë Martin', 'Ana: Silva', 'Grace #1 Ong'];

function date(rand, fromYear, years) {
  const y = fromYear + Math.floor(rand() * years);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The dossier number `index` of the run seeded `seed`, as plain data. */
export function dossierData(seed, index) {
  const rand = random(seed * 1_000_003 + index);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const engineers = Array.from({ length: 2 + Math.floor(rand() * 6) }, (_, e) => ({
    id: `E${String(e + 1).padStart(2, '0')}`,
    name: pick(NAMES),
    ...(rand() < 0.7 ? { email: `e${e}.p${index}@partner${index}.example` } : {}),
    ...(rand() < 0.1 ? { leftOn: date(rand, 2026, 2) } : {}),
    certificates: Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, c) => ({
      type: pick(CERTS),
      ...(rand() < 0.8 ? { number: `N-${seed}-${index}-${e}-${c}` } : {}),
      ...(rand() < 0.6 ? { issued: date(rand, 2022, 3) } : {}),
      expires: date(rand, 2026, 4),
    })),
  }));
  return {
    schemaVersion: 1,
    partner: { name: `Partner ${index} Sdn Bhd`, id: `MY-${index}`, country: 'MY', channel: pick(['AD', 'ACP', 'CP']) },
    application: { date: '2026-12-01', ...(rand() < 0.5 ? { targetTier: pick(['two-star', 'three-star', 'four-star']) } : {}) },
    engineers,
    ...(rand() < 0.9 ? { serviceManager: { name: 'Siti Rahman', email: `siti@partner${index}.example`, phone: '+60 3 1234 5678' } } : {}),
    servicePlatform: {
      hotline: { phone: '+60 3 8888 0000', hours: pick(['7x24', '5x8']) },
      supportEmail: `support@partner${index}.example`,
      issueTracking: { system: 'Jira Service Management', mode: pick(['automatic', 'manual']), handlingProcess: rand() < 0.8 },
    },
    projects: Array.from({ length: Math.floor(rand() * 3) }, (_, p) => ({
      name: `Project ${p}`,
      listPriceUsd: Math.floor(rand() * 2_000_000),
      ...(rand() < 0.5 ? { completed: date(rand, 2023, 3) } : {}),
    })),
    lab: Array.from({ length: Math.floor(rand() * 7) }, () => ({ category: pick(LAB), model: `M${Math.floor(rand() * 9000)}`, ...(rand() < 0.3 ? { quantity: 1 + Math.floor(rand() * 3) } : {}) })),
  };
}

function scalar(value, rand) {
  if (typeof value !== 'string') return String(value);
  // Strings that YAML would read as something else, or that hold YAML syntax, are quoted; others vary.
  const needsQuotes = /^[\d+-]|[:#'"&*!|>%@`{}[\],]|^(true|false|null|yes|no|~)$/i.test(value) || value.trim() !== value;
  if (needsQuotes) return /'/.test(value) ? JSON.stringify(value) : `'${value}'`;
  const r = rand();
  return r < 0.1 ? JSON.stringify(value) : r < 0.15 ? `'${value}'` : value;
}

function yamlOf(value, indent, rand) {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value.map((item) => `\n${pad}-${yamlOf(item, indent + 2, rand).replace(/^\n\s*/, ' ')}`).join('');
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const flat = entries.every(([, v]) => v === null || typeof v !== 'object');
    if (flat && entries.length <= 3 && rand() < 0.2) return ` { ${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
    return entries.map(([k, v]) => `\n${pad}${k}:${yamlOf(v, indent + 2, rand)}${rand() < 0.05 ? ' # note' : ''}`).join('');
  }
  // Dates stay plain: YAML's core schema reads them as strings, as the dossier format expects.
  return ` ${/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? value : scalar(value, rand)}`;
}

/** The dossier as file text: mostly YAML, one in ten JSON. */
export function dossierText(seed, index) {
  const data = dossierData(seed, index);
  const rand = random(seed * 7 + index);
  if (rand() < 0.1) return { extension: 'json', text: `${JSON.stringify(data, null, 2)}\n` };
  return { extension: 'yaml', text: `# generated dossier ${index}\n${yamlOf(data, 0, rand).replace(/^\n/, '')}\n` };
}

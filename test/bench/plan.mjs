/**
 * The plan's time on a 200-engineer dossier (issue 18: under a second):
 * figures, no assertion. Engineers hold certificates of every type, a third
 * of them inside the validity margin, some engineers have left, and the lab,
 * the service manager and the project are missing, so the plan has renewals
 * to weigh against additions on every row. Reads the build (dist/).
 */
import { loadStandard } from '../../dist/validate/standard.js';
import { planFor, keepRenewals } from '../../dist/core/plan.js';

const DATE = '2026-12-01';
const codes = ['H3CNE', 'H3CSE-RS', 'PMP', 'H3CS-IMC', 'H3CNE-SECURITY', 'H3CIE-RS', 'H3CNE-X86'];

export function planDossier(engineers = 200) {
  return {
    schemaVersion: 1,
    partner: { name: 'Bench Planner' },
    application: { date: DATE },
    engineers: Array.from({ length: engineers }, (_, i) => ({
      id: `E${i}`,
      name: `Engineer ${i}`,
      ...(i % 17 === 0 ? { leftOn: '2026-06-01' } : {}),
      certificates: [0, 1].map((k) => ({ type: codes[(i * 3 + k) % codes.length], expires: (i + k) % 3 === 0 ? '2027-01-15' : '2028-06-01' })),
    })),
  };
}

export function benchPlan() {
  const { catalogue } = loadStandard('classic');
  for (const engineers of [20, 200, 2000]) {
    const dossier = planDossier(engineers);
    const times = [];
    let plan;
    for (let round = 0; round < 5; round++) {
      const start = performance.now();
      plan = planFor(dossier, catalogue, DATE, 'four-star');
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`plan, ${engineers} engineers: ${plan.size} actions, proven ${plan.proven}, best ${times[0].toFixed(1)} ms, median ${times[2].toFixed(1)} ms`);
  }
  // Every certificate stops counting within the year: the renewals that keep two-star are to be found among 370.
  const kept = planDossier(200);
  kept.serviceManager = { name: 'M' };
  kept.servicePlatform = { hotline: { phone: '1' } };
  for (const e of kept.engineers) for (const c of e.certificates) c.expires = c.expires === '2027-01-15' ? '2027-09-01' : '2027-11-01';
  const start = performance.now();
  const keep = keepRenewals(kept, catalogue, DATE, 'two-star', '2027-12-01');
  console.log(`keep renewals, 200 engineers: ${keep.length} renewals in ${(performance.now() - start).toFixed(1)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) benchPlan();

/**
 * holdsUntil probes dates with a met-only evaluation, and a full evaluation
 * skips the maximum flow when a greedy fill already fills every slot. Both
 * must agree with the exact answer on any dossier: these properties compare
 * them over random dossiers, dates and standards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, fillersOf, standingFor, type Catalogue } from '../../src/core/catalogue.js';
import { addDays, addMonths } from '../../src/core/dates.js';
import { evaluate, metTiers } from '../../src/core/evaluate.js';
import { gatherFacts } from '../../src/core/facts.js';
import { FlowNetwork } from '../../src/core/max-flow.js';
import type { Dossier, Standard } from '../../src/core/model.js';
import { shippedCatalogue } from '../helpers.js';

const classic = shippedCatalogue('classic');
const std2025 = shippedCatalogue('2025');

/**
 * The classic standard with certificate rows on two paths and one shared:
 * one pool of certificates fills rows of different paths, which the probes
 * leave to the full evaluation.
 */
const split = buildCatalogue({
  ...classic.standard,
  id: 'split',
  paths: [
    { id: 'senior', name: 'senior' },
    { id: 'special', name: 'special' },
  ],
  requirements: classic.standard.requirements.map((row) =>
    row.id === 'senior-certificate' ? { ...row, path: 'senior' } : row.id === 'special-certificates' ? { ...row, path: 'special' } : row,
  ),
} as Standard);

/** Lab rows of the classic standard on two paths, so the lab pool too spans paths. */
const splitLab = buildCatalogue({
  ...classic.standard,
  id: 'split-lab',
  paths: [
    { id: 'a', name: 'a' },
    { id: 'b', name: 'b' },
  ],
  requirements: classic.standard.requirements.map((row, i) => (row.kind === 'lab' ? { ...row, path: i % 2 === 0 ? 'a' : 'b' } : row)),
} as Standard);

const BASE = '2026-06-01';
const day = fc.integer({ min: -500, max: 900 }).map((offset) => addDays(BASE, offset));
const codes = ['H3CNE', 'h3cne-rs', 'H3CSE-RS', 'H3CSE-R&S', 'H3CIE-RS', 'PMP', 'H3CNE-PM', 'H3CS-iMC', 'H3CNE-SECURITY', 'H3CSE-Security', 'H3CNE-X86'];
const categories = ['cloud-lab', 'high-end-router', 'router', 'l3-switch', 'access-controller', 'access-point'];

const certificate = fc.record({ type: fc.constantFrom(...codes), expires: day, issued: fc.option(day, { nil: undefined }) });
const engineers = fc.array(
  fc.record({
    certificates: fc.array(certificate, { maxLength: 4 }),
    leftOn: fc.option(day, { nil: undefined }),
    credits: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  }),
  { maxLength: 7 },
);

const dossierArb = fc
  .record({
    engineers,
    training: fc.array(day, { maxLength: 5 }),
    recertification: fc.option(day, { nil: undefined }),
    projects: fc.array(fc.record({ price: fc.constantFrom(50_000, 150_000, 1_200_000), completed: fc.option(day, { nil: undefined }) }), { maxLength: 3 }),
    lab: fc.array(fc.record({ category: fc.constantFrom(...categories), quantity: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }), { maxLength: 8 }),
    hours: fc.constantFrom(undefined, '5x8', '7x24'),
    mode: fc.constantFrom(undefined, 'manual', 'automatic'),
    handlingProcess: fc.boolean(),
    manager: fc.boolean(),
  })
  .map(
    (d): Dossier =>
      ({
        schemaVersion: 1,
        partner: { name: 'Random' },
        ...(d.recertification !== undefined ? { application: { currentRating: { tier: 'two-star', issued: d.recertification } } } : {}),
        engineers: d.engineers.map((e, i) => ({
          id: `E${i}`,
          name: `Engineer ${i}`,
          ...(e.leftOn !== undefined ? { leftOn: e.leftOn } : {}),
          ...(e.credits !== undefined ? { credits: e.credits } : {}),
          certificates: e.certificates.map((c) => ({ type: c.type, expires: c.expires, ...(c.issued !== undefined ? { issued: c.issued } : {}) })),
        })),
        ...(d.manager ? { serviceManager: { name: 'Manager' } } : {}),
        servicePlatform: {
          hotline: { phone: '+1 555 0100', ...(d.hours !== undefined ? { hours: d.hours } : {}) },
          supportEmail: 'support@example.com',
          issueTracking: { system: 'Tracker', ...(d.mode !== undefined ? { mode: d.mode } : {}), handlingProcess: d.handlingProcess },
        },
        training: d.training.map((date, i) => ({ title: `Event ${i}`, date })),
        projects: d.projects.map((p, i) => ({ name: `Project ${i}`, listPriceUsd: p.price, ...(p.completed !== undefined ? { completed: p.completed } : {}) })),
        lab: d.lab.map((l, i) => ({ category: l.category, model: `M${i}`, ...(l.quantity !== undefined ? { quantity: l.quantity } : {}) })),
      }) as Dossier,
  );

/**
 * A dossier and a date, the date often on or beside a day where something
 * changes (a certificate entering the validity margin, an engineer leaving,
 * an event leaving its window), where an off-by-one would show.
 */
const dossierAndDate = dossierArb.chain((d) => {
  const edges = [
    ...d.engineers.flatMap((e) => [...(e.certificates ?? []).flatMap((c) => [addMonths(c.expires, -3), ...(c.issued !== undefined ? [c.issued] : [])]), ...(e.leftOn !== undefined ? [e.leftOn] : [])]),
    ...(d.training ?? []).map((t) => addMonths(t.date, 12)),
    ...(d.projects ?? []).flatMap((p) => (p.completed !== undefined ? [p.completed] : [])),
  ];
  const near = edges.length > 0 ? fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -1, max: 1 })).map(([edge, shift]) => addDays(edge, shift)) : day;
  return fc.tuple(fc.constant(d), fc.oneof(day, near));
});

const RUNS = { numRuns: 600 };

function metByFullEvaluation(d: Dossier, catalogue: Catalogue, date: string): string[] {
  return evaluate(d, catalogue, date)
    .tiers.filter((t) => t.met)
    .map((t) => t.id);
}

describe('the met-only evaluation of holdsUntil probes', () => {
  it.each([
    ['classic', classic],
    ['2025', std2025],
    ['certificate rows on two paths', split],
    ['lab rows on two paths', splitLab],
  ])('finds met exactly the tiers the full evaluation finds met (%s)', (_name, catalogue) => {
    fc.assert(
      fc.property(dossierAndDate, ([d, date]) => {
        expect([...metTiers(d, catalogue, date)].sort()).toEqual(metByFullEvaluation(d, catalogue, date).sort());
      }),
      RUNS,
    );
  });
});

/**
 * Whether the certificates that count can fill every slot of the tier's
 * certificate rows, by trying every assignment: slow, obviously exact.
 */
function fillsByBruteForce(d: Dossier, catalogue: Catalogue, date: string, tier: string): boolean {
  const rows = catalogue.standard.requirements.flatMap((row) => (row.kind === 'certificates' && row.need[tier] !== undefined ? [{ row, need: row.need[tier] as number }] : []));
  const held = gatherFacts(d, catalogue, date).certificates.filter((c) => c.counts);
  const accepted = rows.map(({ row }) => row.accepts.map((a) => catalogue.codes.get(a.toUpperCase())!));
  const filled = rows.map(() => [] as string[]);
  const place = (i: number): boolean => {
    if (rows.every(({ need }, r) => filled[r]!.length >= need)) return true;
    if (i === held.length) return false;
    if (place(i + 1)) return true;
    for (const [r, { row, need }] of rows.entries()) {
      if (filled[r]!.length >= need) continue;
      for (const type of new Set(accepted[r]!.filter((a) => standingFor(catalogue, a).has(held[i]!.code)))) {
        if (row.distinct === true && filled[r]!.includes(type)) continue;
        filled[r]!.push(type);
        const done = place(i + 1);
        filled[r]!.pop();
        if (done) return true;
      }
    }
    return false;
  };
  return place(0);
}

describe('certificate rows, with the greedy fill before the maximum flow', () => {
  it.each([
    ['classic', classic],
    ['2025', std2025],
  ])('are all met exactly when some assignment fills every slot (%s)', (_name, catalogue) => {
    fc.assert(
      fc.property(dossierAndDate, ([d, date]) => {
        const evaluation = evaluate(d, catalogue, date);
        for (const tier of evaluation.tiers) {
          const allMet = tier.requirements.filter((r) => r.kind === 'certificates').every((r) => r.met);
          expect(allMet).toBe(fillsByBruteForce(d, catalogue, date, tier.id));
        }
      }),
      RUNS,
    );
  });
});

/** Whether the lab units can fill every slot of the tier's lab rows: a maximum flow built here, all rows open at once. */
function labFillsByFlow(d: Dossier, catalogue: Catalogue, tier: string): boolean {
  const rows = catalogue.standard.requirements.flatMap((row) => (row.kind === 'lab' && row.need[tier] !== undefined ? [{ row, need: row.need[tier] as number }] : []));
  const net = new FlowNetwork();
  const source = net.node();
  const sink = net.node();
  const rowNodes = rows.map(({ need }) => {
    const node = net.node();
    net.edge(node, sink, need);
    return node;
  });
  for (const item of d.lab ?? []) {
    const node = net.node();
    net.edge(source, node, item.quantity ?? 1);
    rows.forEach(({ row }, r) => {
      if (fillersOf(catalogue, row.category).has(item.category)) net.edge(node, rowNodes[r]!, Number.MAX_SAFE_INTEGER);
    });
  }
  return net.maxFlow(source, sink) === rows.reduce((sum, { need }) => sum + need, 0);
}

describe('lab rows, with the greedy fill before the maximum flow', () => {
  it('are all met exactly when the units can fill every slot', () => {
    fc.assert(
      fc.property(dossierArb, (d) => {
        for (const tier of evaluate(d, classic, BASE).tiers) {
          expect(tier.requirements.filter((r) => r.kind === 'lab').every((r) => r.met)).toBe(labFillsByFlow(d, classic, tier.id));
        }
      }),
      RUNS,
    );
  });
});

/** The dossier as it stands on `date`, nothing listed that comes later: what holdsUntil judges. */
function heldOnDate(d: Dossier, date: string): Dossier {
  return {
    ...d,
    engineers: d.engineers.map((e) => ({ ...e, certificates: (e.certificates ?? []).filter((c) => c.issued === undefined || c.issued <= date) })),
    training: (d.training ?? []).filter((t) => t.date <= date),
    projects: (d.projects ?? []).filter((p) => p.completed === undefined || p.completed <= date),
  };
}

describe('holdsUntil, found by met-only probes', () => {
  it.each([
    ['classic', classic],
    ['2025', std2025],
    ['certificate rows on two paths', split],
  ])('is the last day the tier is met: the next day it is not, and without it the tier is met for good (%s)', (_name, catalogue) => {
    fc.assert(
      fc.property(dossierAndDate, ([raw, date]) => {
        const d = heldOnDate(raw, date);
        for (const tier of evaluate(d, catalogue, date).tiers) {
          if (!tier.met) expect(tier.holdsUntil).toBeNull();
          else if (tier.holdsUntil === undefined) expect(metTiers(d, catalogue, '2999-01-01').has(tier.id)).toBe(true);
          else {
            expect(metTiers(d, catalogue, tier.holdsUntil!).has(tier.id)).toBe(true);
            expect(metTiers(d, catalogue, addDays(tier.holdsUntil!, 1)).has(tier.id)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * From gaps to a plan: the fewest actions that make a tier met on the
 * application date, each action costing 1. Pure, like the rest of the engine.
 *
 * Why the plan is exactly smallest, without a search over action sets: the
 * rows of a tier fall into components no action reaches across — the
 * certificates and personnel rows (engineers and their certificates), the
 * lab, the projects, each platform item, credits, training — and each has a
 * lower bound that one action can lower by at most one:
 * - certificates and personnel: every action adds one certificate, which
 *   raises the exact matching by at most one slot, certifies at most one
 *   engineer and registers at most one; so at least max(open slots,
 *   missing certified, missing registered) actions. That many suffice: an
 *   added certificate can be of the type of any open slot (an open slot of
 *   a "distinct" row always has a type not yet counted there), goes to an
 *   engineer not yet certified while personnel is short, and new engineers
 *   are added only as registration needs them. A renewal is an added
 *   certificate whose type is fixed, so it is taken only where the bound
 *   still holds with it (the tie rule: renewals first);
 * - lab: one unit fills at most one slot, and a unit of an open slot's
 *   category fills it: the open slots of the exact matching;
 * - projects, each platform item, credits, training: one action each when
 *   any of their rows is unmet.
 * With alternative paths, each path's rows with the shared ones are planned
 * and the smallest plan is taken (ties: the standard's order).
 *
 * The plan is then applied to the dossier (applyPlan) and the engine itself
 * asked whether the tier is met: a plan is `proven` when it is, and its size
 * is the lower bound. Should the engine disagree (it never has in the
 * property tests), the plan is extended from what is still unmet and marked
 * not proven smallest — said in the report, never silently.
 */
import { canonicalCode, type Catalogue } from './catalogue.js';
import { addDays, addMonths, compareDates, type IsoDate } from './dates.js';
import { evaluateKind, metTiers, tierHoldsUntil, type Evaluation } from './evaluate.js';
import { absentOn, gatherFacts, stopsCountingOn, type Facts } from './facts.js';
import { filledSlots } from './kinds/certificates.js';
import type { RequirementResult, RowNeed } from './kinds/index.js';
import { trainingWindowStart } from './kinds/training.js';
import type { Dossier, Engineer, Requirement, RequirementKind, RequirementOf } from './model.js';
import { engineerLabel, groupDigits, orList, plural, usd } from './words.js';

export type PlanActionKind = 'renew-certificate' | 'add-certificate' | 'add-engineer' | 'add-lab' | 'add-project' | 'platform' | 'credits' | 'training';

type PlatformItem = RequirementOf<'platform'>['item'];

export interface PlanAction {
  kind: PlanActionKind;
  /** The engineer's id; null for a new engineer or an action on no engineer. */
  engineer: string | null;
  /** Canonical certificate code; null when any certificate (or none) will do. */
  type: string | null;
  /** Lab category id. */
  category: string | null;
  /** Project level id. */
  level: string | null;
  /** Credits to earn or events to attend. */
  amount: number | null;
  /** The requirement ids the action fills. */
  fills: string[];
  /** One plain sentence. */
  text: string;
  /** JSON pointer of the dossier node the action applies to: an engineer or a certificate; absent when it is the dossier's as a whole. */
  at?: string;
  /** Where `at` lies in the dossier's source; filled in by the pipeline. */
  line?: number;
  column?: number;
  /** For a platform action: the item and the level it must reach (undefined: present). */
  item?: PlatformItem;
  itemLevel?: string;
  /** For a project: the list price it must reach. */
  price?: number;
  /** For a renewal or an added certificate: the engineer's index in the dossier; for a renewal, the certificate's. */
  engineerIndex?: number;
  certificateIndex?: number;
}

export interface Plan {
  tier: string;
  /** The path the plan takes, when the tier offers paths. */
  path: string | null;
  size: number;
  /** True when the engine finds the tier met with the plan applied and no smaller plan exists. */
  proven: boolean;
  actions: PlanAction[];
}

/** A renewal that keeps a tier met through the horizon: due on the last day the certificate still counts. */
export interface KeepRenewal {
  engineer: string;
  type: string;
  by: IsoDate;
  tier: string;
  /** The last day the tier is to be kept through (absent in a report read back from JSON, as is `text`). */
  through?: IsoDate;
  /** One plain sentence. */
  text?: string;
  /** JSON pointer of the certificate. */
  at: string;
  line?: number;
  column?: number;
}

const ROUNDS = 3;

/** The smallest plan that makes `tierId` met on `date`, or null when it is met already or no plan can reach it. */
export function planFor(dossier: Dossier, catalogue: Catalogue, date: IsoDate, tierId: string, evaluation?: Evaluation): Plan | null {
  // The caller's evaluation of the dossier on `date`, when it has one, says whether the tier is met already.
  if (evaluation !== undefined ? evaluation.tiers.some((t) => t.id === tierId && t.met) : metTiers(dossier, catalogue, date, tierId).has(tierId)) return null;
  const { standard } = catalogue;
  const rows = standard.requirements.filter((row) => row.need[tierId] !== undefined);
  const offered = (standard.paths ?? []).filter((p) => rows.some((row) => row.path === p.id)).map((p) => p.id);
  const facts = evaluation?.facts ?? gatherFacts(dossier, catalogue, date);
  let best: { path: string | null; actions: PlanAction[]; by: ResultsByKind } | null = null;
  for (const path of offered.length > 0 ? offered : [null]) {
    const ofPath = rows.filter((row) => row.path === undefined || row.path === path);
    const by = resultsOf(facts, tierId, ofPath);
    const actions = construct(facts, by);
    if (actions !== null && (best === null || actions.length < best.actions.length)) best = { path, actions, by };
  }
  if (best === null) return null;
  const bound = best.actions.length;
  const ofPath = rows.filter((row) => row.path === undefined || row.path === best.path);
  // The engine decides: apply the plan and ask it (about this tier only: the others do not change the answer).
  let actions = best.actions;
  const metWith = (planned: readonly PlanAction[]): boolean => metTiers(applyPlan(dossier, catalogue, date, planned), catalogue, date, tierId).has(tierId);
  let met = metWith(actions);
  for (let round = 0; !met && round < ROUNDS; round++) {
    const now = gatherFacts(applyPlan(dossier, catalogue, date, actions), catalogue, date);
    const more = construct(now, resultsOf(now, tierId, ofPath));
    if (more === null || more.length === 0) break;
    actions = [...actions, ...more];
    met = metWith(actions);
  }
  if (!met) return null;
  describe(dossier, facts, ofPath, actions, best.by);
  return { tier: tierId, path: best.path, size: actions.length, proven: actions.length === bound, actions };
}

/** Each kind's rows (of one path with the shared rows), with their needs for the tier and their results on some facts. */
type ResultsByKind = Map<RequirementKind, { needs: RowNeed[]; results: RequirementResult[] }>;

/** Each kind's rows of `rows`, with their needs for the tier, evaluated on the facts. */
function resultsOf(facts: Facts, tierId: string, rows: readonly Requirement[]): ResultsByKind {
  const out: ResultsByKind = new Map();
  for (const kind of [...new Set(rows.map((row) => row.kind))]) {
    const needs = rows.filter((row) => row.kind === kind).map((row) => ({ row, need: row.need[tierId] }) as RowNeed);
    out.set(kind, { needs, results: evaluateKind(kind, needs, facts) });
  }
  return out;
}

/** How much a numeric row lacks; nothing when it is met (a training row on a first certification is met with none). */
const missing = (r: RequirementResult): number => (r.met ? 0 : Math.max(1, (r.need as number) - (r.have as number)));

function blank(kind: PlanActionKind): PlanAction {
  return { kind, engineer: null, type: null, category: null, level: null, amount: null, fills: [], text: '' };
}

/** The actions of a smallest plan for the rows of `by` (resultsOf's, on `facts`), without fills or text; null when a row cannot be met. */
function construct(facts: Facts, by: ResultsByKind): PlanAction[] | null {
  const { catalogue } = facts;
  const actions: PlanAction[] = [];

  const certRows = (by.get('certificates')?.needs ?? []) as RowNeed<'certificates'>[];
  for (const { row, need } of certRows) {
    if (row.distinct === true && new Set(row.accepts.map((a) => canonicalCode(catalogue, a))).size < need) return null;
  }
  const personnel = by.get('personnel');
  let certifiedShort = 0;
  let registeredShort = 0;
  personnel?.results.forEach((r, i) => {
    const row = personnel.needs[i]!.row as RequirementOf<'personnel'>;
    if (row.counts === 'certified') certifiedShort = Math.max(certifiedShort, missing(r));
    else registeredShort = Math.max(registeredShort, missing(r));
  });
  const registered = facts.engineers.filter((e) => e.registered);
  const creditsUnmet = by.get('credits')?.results.some((r) => !r.met) === true;
  // Credits are earned by registered engineers: with none, one must join.
  if (creditsUnmet && registered.length === 0) registeredShort = Math.max(registeredShort, 1);
  actions.push(...engineersAndCertificates(facts, certRows, certifiedShort, registeredShort));

  const lab = by.get('lab');
  lab?.results.forEach((r, i) => {
    const { row } = lab.needs[i]! as RowNeed<'lab'>;
    for (let k = 0; k < missing(r); k++) actions.push({ ...blank('add-lab'), category: row.category });
  });

  const projects = by.get('projects');
  if (projects?.results.some((r) => !r.met) === true) {
    // One project at the highest price any unmet row asks for reaches every row's level.
    let level: { id: string; minListPriceUsd: number } | undefined;
    projects.results.forEach((r, i) => {
      const { row, need } = projects.needs[i]! as RowNeed<'projects'>;
      const wanted = row.levels.find((l) => l.id === need)!;
      if (!r.met && (level === undefined || wanted.minListPriceUsd > level.minListPriceUsd)) level = wanted;
    });
    actions.push({ ...blank('add-project'), level: level!.id, price: level!.minListPriceUsd });
  }

  const platform = by.get('platform');
  if (platform !== undefined) {
    const items = new Map<PlatformItem, string | undefined>();
    platform.results.forEach((r, i) => {
      if (r.met) return;
      const { row, need } = platform.needs[i]! as RowNeed<'platform'>;
      const levels = row.levels ?? [];
      const had = items.get(row.item);
      const level = need === true ? had : had === undefined || levels.indexOf(need) > levels.indexOf(had) ? need : had;
      items.set(row.item, level);
    });
    for (const [item, level] of items) actions.push({ ...blank('platform'), item, ...(level !== undefined ? { itemLevel: level } : {}) });
  }

  for (const kind of ['credits', 'training'] as const) {
    const entry = by.get(kind);
    const short = Math.max(0, ...(entry?.results.map(missing) ?? []));
    if (short > 0) actions.push({ ...blank(kind), amount: short });
  }
  return actions;
}

/**
 * The certificates and personnel component: renewals first, as long as the
 * lower bound still holds with them, then certificates added to engineers
 * in the dossier, then new engineers only as many as registration needs.
 */
function engineersAndCertificates(facts: Facts, rows: RowNeed<'certificates'>[], certifiedShort: number, registeredShort: number): PlanAction[] {
  const { catalogue } = facts;
  const slots = rows.reduce((sum, { need }) => sum + need, 0);
  const openSlots = (codes: readonly string[]): number => (rows.length === 0 ? 0 : slots - filledSlots(catalogue, rows, codes).reduce((a, b) => a + b, 0));
  const codes = facts.counting.map((c) => c.code);
  const bound = Math.max(registeredShort, openSlots(codes), certifiedShort);
  if (bound === 0) return [];

  const certifiedNow = new Set(facts.engineers.filter((s) => s.certified).map((s) => s.engineer));
  const actions: PlanAction[] = [];
  const newlyCertified = new Set<Engineer>();
  for (const held of facts.certificates) {
    if (held.reason !== 'expires-too-soon') continue;
    const trial = [...codes, held.code];
    const certifies = !certifiedNow.has(held.engineer) && !newlyCertified.has(held.engineer);
    const personnelLeft = Math.max(0, certifiedShort - newlyCertified.size - (certifies ? 1 : 0));
    if (actions.length + 1 + Math.max(registeredShort, openSlots(trial), personnelLeft) > bound) continue;
    codes.push(held.code);
    if (certifies) newlyCertified.add(held.engineer);
    actions.push({ ...blank('renew-certificate'), engineer: held.engineer.id, type: held.code, at: held.pointer, engineerIndex: held.engineerIndex, certificateIndex: held.certificateIndex });
  }

  const personnelLeft = Math.max(0, certifiedShort - newlyCertified.size);
  const free = bound - actions.length;
  const uncertified = facts.engineers.filter((s) => s.registered && !certifiedNow.has(s.engineer) && !newlyCertified.has(s.engineer));
  const anyRegistered = facts.engineers.some((s) => s.registered);
  const newEngineers = anyRegistered ? Math.max(registeredShort, personnelLeft - uncertified.length) : free;
  const added = free - newEngineers;

  // The types the open slots take, one at a time by the engine's matching: the first row's first type that fills one.
  const types: Array<{ type: string; or: string[] }> = [];
  for (let open = openSlots(codes); open > 0; open--) {
    const before = slots - open;
    let found: { type: string; or: string[] } | undefined;
    for (const { row } of rows) {
      const fitting = [...new Set(row.accepts.map((a) => canonicalCode(catalogue, a)!))].filter(
        (t) => filledSlots(catalogue, rows, [...codes, t]).reduce((a, b) => a + b, 0) > before,
      );
      if (fitting.length > 0) {
        found = { type: fitting[0]!, or: fitting.slice(1) };
        break;
      }
    }
    if (found === undefined) break;
    types.push(found);
    codes.push(found.type);
  }

  // Personnel first goes to the engineers not yet certified, in the dossier's order; the rest to the first engineer registered.
  const toUncertified = Math.min(added, Math.max(0, personnelLeft - newEngineers));
  const first = facts.engineers.find((s) => s.registered);
  for (let k = 0; k < added; k++) {
    const status = k < toUncertified ? uncertified[k]! : first!;
    actions.push({ ...blank('add-certificate'), engineer: status.engineer.id, at: status.pointer, engineerIndex: status.index });
  }
  for (let k = 0; k < newEngineers; k++) actions.push(blank('add-engineer'));
  // Typed certificates go to the added certificates before the new engineers (renewals come first and have their own).
  let t = 0;
  for (const action of actions) {
    if (action.kind === 'renew-certificate') continue;
    const next = types[t++];
    if (next === undefined) break;
    action.type = next.type;
    if (next.or.length > 0) (action as PlanAction & { or?: string[] }).or = next.or;
  }
  return actions;
}

/** A certificate that counts on `date` for the rest of the horizon: issued on the date, expiring well past the margin. */
function freshCertificate(type: string, date: IsoDate, validityMonths: number): { type: string; issued: IsoDate; expires: IsoDate } {
  return { type, issued: date, expires: addMonths(date, validityMonths + 12) };
}

/**
 * The dossier with the plan's actions carried out on `date`: how the planner
 * has the engine judge a plan. Action order matters only for new engineers'
 * ids (P1, P2, …, made unique).
 */
export function applyPlan(dossier: Dossier, catalogue: Catalogue, date: IsoDate, actions: readonly PlanAction[]): Dossier {
  const anyCode = catalogue.standard.certificates[0]!.code;
  const engineers = dossier.engineers.map((e) => ({ ...e, certificates: [...(e.certificates ?? [])] }));
  const taken = new Set(engineers.map((e) => e.id));
  let lab = [...(dossier.lab ?? [])];
  let projects = [...(dossier.projects ?? [])];
  let training = [...(dossier.training ?? [])];
  let serviceManager = dossier.serviceManager;
  const platform = { ...(dossier.servicePlatform ?? {}) };
  let credits = 0;
  let serial = 0;
  for (const action of actions) {
    switch (action.kind) {
      case 'renew-certificate': {
        const list = engineers[action.engineerIndex!]!.certificates;
        const old = list[action.certificateIndex!]!;
        list[action.certificateIndex!] = { ...old, ...freshCertificate(old.type, date, catalogue.validityMonths), type: old.type };
        break;
      }
      case 'add-certificate':
        engineers[action.engineerIndex!]!.certificates.push(freshCertificate(action.type ?? anyCode, date, catalogue.validityMonths));
        break;
      case 'add-engineer': {
        let id: string;
        do id = `P${++serial}`;
        while (taken.has(id));
        taken.add(id);
        engineers.push({ id, name: `new engineer ${serial}`, certificates: [freshCertificate(action.type ?? anyCode, date, catalogue.validityMonths)] });
        break;
      }
      case 'add-lab':
        lab = [...lab, { category: action.category!, model: 'new unit' }];
        break;
      case 'add-project':
        projects = [...projects, { name: 'new project', listPriceUsd: action.price! }];
        break;
      case 'platform':
        if (action.item === 'serviceManager') serviceManager = { name: 'service manager' } as typeof serviceManager;
        else if (action.item === 'supportEmail') platform.supportEmail = 'support@example.com';
        else if (action.item === 'hotline') platform.hotline = { ...platform.hotline, phone: platform.hotline?.phone ?? '+0 000', ...(action.itemLevel ? { hours: action.itemLevel } : {}) } as typeof platform.hotline;
        else platform.issueTracking = { ...platform.issueTracking, system: platform.issueTracking?.system ?? 'tracker', handlingProcess: true, ...(action.itemLevel ? { mode: action.itemLevel } : {}) } as typeof platform.issueTracking;
        break;
      case 'credits':
        credits += action.amount!;
        break;
      case 'training':
        training = [...training, ...Array.from({ length: action.amount! }, () => ({ date, title: 'training event', kind: 'training' as const }))];
        break;
    }
  }
  if (credits > 0) {
    // Earned by a registered engineer: the first in the dossier, else the first new one.
    const earner = engineers.find((e) => absentOn(e, date) === undefined);
    if (earner !== undefined) earner.credits = (earner.credits ?? 0) + credits;
  }
  return {
    ...dossier,
    engineers,
    ...(lab.length > 0 ? { lab } : {}),
    ...(projects.length > 0 ? { projects } : {}),
    ...(training.length > 0 ? { training } : {}),
    ...(serviceManager !== undefined ? { serviceManager } : {}),
    ...(Object.keys(platform).length > 0 ? { servicePlatform: platform } : {}),
  };
}

/** "an H3CNE", "a PMP": the article as the code is spoken, letter by letter. */
function aCode(code: string): string {
  return `${/^[AEFHILMNORSX]/.test(code) ? 'an' : 'a'} ${code}`;
}

/** "an access point", "an H3C Cloud Lab": a leading acronym is spoken letter by letter. */
function aWord(word: string): string {
  if (/^[A-Z0-9]{2,}\b/.test(word)) return aCode(word);
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The ids of the rows unmet in `before` that `after` meets or raises, in the rows' order. */
function raised(before: ResultsByKind, after: ResultsByKind): string[] {
  const ids: string[] = [];
  for (const [kind, { results }] of before) {
    const now = after.get(kind)!.results;
    results.forEach((r, i) => {
      if (!r.met && (now[i]!.met || now[i]!.have !== r.have)) ids.push(r.id);
    });
  }
  return ids;
}

/**
 * Fills each action's `fills` by applying the plan one action at a time and
 * asking the engine which unmet rows it raised, and words it. `facts` and
 * `by` are the dossier's and its rows' results before any action.
 */
function describe(dossier: Dossier, facts: Facts, rows: readonly Requirement[], actions: PlanAction[], by: ResultsByKind): void {
  const { catalogue, date } = facts;
  const labels = new Map(rows.map((row) => [row.id, row.label]));
  /** The results after `applied` actions. */
  const next = (applied: number): ResultsByKind => {
    const now = gatherFacts(applyPlan(dossier, catalogue, date, actions.slice(0, applied)), catalogue, date);
    const after: ResultsByKind = new Map();
    for (const [kind, { needs }] of by) after.set(kind, { needs, results: evaluateKind(kind, needs, now) });
    return after;
  };
  const validUntilAtLeast = addMonths(date, catalogue.validityMonths);
  const counts = `issued by ${date} and expiring after ${validUntilAtLeast}`;
  actions.forEach((action, i) => {
    const after = next(i + 1);
    action.fills = raised(by, after);
    by = after;
    const fills = action.fills.length > 0 ? `; it fills ${andList(action.fills.map((id) => `"${labels.get(id)}"`))}` : '';
    const or = (action as PlanAction & { or?: string[] }).or;
    const cert = action.type === null ? 'any certificate of the standard' : `${aCode(action.type)}${or !== undefined ? ` (or ${orList(or)})` : ''} certificate`;
    const who = action.engineerIndex !== undefined ? engineerLabel(dossier.engineers[action.engineerIndex]!) : '';
    switch (action.kind) {
      case 'renew-certificate': {
        const old = dossier.engineers[action.engineerIndex!]!.certificates![action.certificateIndex!]!;
        action.text = `Renew the ${action.type} of ${who}, which expires ${old.expires}, by ${date} to an expiry after ${validUntilAtLeast}${fills}.`;
        break;
      }
      case 'add-certificate':
        action.text = `Add ${cert} to ${who}, ${counts}${fills}.`;
        break;
      case 'add-engineer': {
        const personnelOnly = action.type === null && rows.some((row) => row.kind === 'personnel' && row.counts === 'registered' && action.fills.includes(row.id));
        action.text = personnelOnly ? `Register a new engineer by ${date}${fills}.` : `Add a new engineer holding ${cert}, ${counts}${fills}.`;
        break;
      }
      case 'add-lab':
        action.text = `Add ${aWord(catalogue.categoryNames.get(action.category!) ?? action.category!)} to the lab by ${date}${fills}.`;
        break;
      case 'add-project':
        action.text = `Deliver a project with an equipment list price of ${usd(action.price!)} or more (${action.level}), completed by ${date}${fills}.`;
        break;
      case 'platform': {
        const level = action.itemLevel;
        const what = {
          hotline: `an after-sales hotline with a phone number${level ? `, staffed ${level}` : ''}`,
          serviceManager: 'a named service manager',
          supportEmail: 'a support e-mail address',
          issueTracking: `a named issue-tracking system${level ? ` with ${level} tracking` : ''} and a documented customer-issue handling process`,
        }[action.item!];
        action.text = `Provide ${what} by ${date}${fills}.`;
        break;
      }
      case 'credits':
        action.text = `Earn ${groupDigits(action.amount!)} more channel credits among the registered engineers by ${date}${fills}.`;
        break;
      case 'training': {
        const months = Math.max(...rows.map((row) => (row.kind === 'training' ? (row.withinMonths ?? 12) : 0)));
        action.text = `Attend ${plural(action.amount!, 'more training event, meeting or forum', 'more training events, meetings or forums')} dated ${trainingWindowStart(date, months)} to ${date}${fills}.`;
        break;
      }
    }
    delete (action as PlanAction & { or?: string[] }).or;
  });
}

/**
 * The renewals that keep `tierId` (met on `date`) met through `through`:
 * certificates that count now and stop counting by then, each due on its
 * last counting day, the fewest needed (none dropped keeps the tier), in
 * date order. When renewals alone cannot keep the tier that long (an
 * engineer leaves), those that keep it as long as renewals can.
 */
export function keepRenewals(dossier: Dossier, catalogue: Catalogue, date: IsoDate, tierId: string, through: IsoDate, evaluation?: Evaluation): KeepRenewal[] {
  const holds = (d: Dossier): IsoDate | undefined | null => tierHoldsUntil(d, catalogue, date, tierId);
  // The caller's evaluation of the dossier on `date`, when it has one: most dossiers stop here, and evaluating them again doubled the engine's time in a batch.
  const now = evaluation !== undefined ? evaluation.tiers.find((t) => t.id === tierId)?.holdsUntil : holds(dossier);
  if (now === null || now === undefined || compareDates(now, through) >= 0) return [];
  const facts = evaluation?.facts ?? gatherFacts(dossier, catalogue, date);
  const candidates = facts.counting
    .map((held) => ({ held, stops: stopsCountingOn(held.certificate, catalogue) }))
    .filter(({ held, stops }) => compareDates(stops, through) <= 0 && (held.engineer.leftOn === undefined || compareDates(held.engineer.leftOn, stops) > 0))
    .sort((a, b) => compareDates(a.stops, b.stops));
  const renewed = (chosen: ReadonlySet<number>): Dossier => ({
    ...dossier,
    engineers: dossier.engineers.map((engineer) => {
      const mine = candidates.filter((c, i) => chosen.has(i) && c.held.engineer === engineer);
      if (mine.length === 0) return engineer;
      return {
        ...engineer,
        certificates: engineer.certificates!.map((c) => (mine.some((m) => m.held.certificate === c) ? { ...c, expires: addMonths(through, catalogue.validityMonths + 12) } : c)),
      };
    }),
  });
  const lasting = (until: IsoDate | null | undefined, goal: IsoDate): boolean => until === undefined || (until !== null && compareDates(until, goal) >= 0);
  const chosen = new Set(candidates.map((_, i) => i));
  const best = holds(renewed(chosen));
  const goal = lasting(best, through) ? through : (best ?? date);
  // Drop whole runs of renewals while the tier still lasts, halving a run that cannot go, the later half
  // first (a renewal due later is the one a partner can most easily do without): each renewal kept
  // could not be dropped even with more of the others kept, so none of them can, and a handful of
  // renewals among hundreds is found in a few dozen evaluations rather than one per certificate.
  const prune = (from: number, to: number): void => {
    for (let i = from; i < to; i++) chosen.delete(i);
    if (lasting(holds(renewed(chosen)), goal)) return;
    for (let i = from; i < to; i++) chosen.add(i);
    if (to - from === 1) return;
    const mid = (from + to) >>> 1;
    prune(mid, to);
    prune(from, mid);
  };
  prune(0, candidates.length);
  return candidates
    .filter((_, i) => chosen.has(i))
    .map(({ held, stops }) => {
      const by = addDays(stops, -1);
      const text = `Renew the ${held.code} of ${engineerLabel(held.engineer)} by ${by}, the last day it counts (it expires ${held.certificate.expires}).`;
      return { engineer: held.engineer.id, type: held.code, by, tier: tierId, through: goal, text, at: held.pointer };
    });
}

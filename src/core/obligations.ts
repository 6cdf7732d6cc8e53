/**
 * The rating year: what a rated partner owes between its rating's issue and
 * the application date. The vendor's page: "If any changes in certified
 * engineer staffing, the service manager must report it to the H3C office by
 * mailing within three working days of the employee's exit, and the vacancy
 * must be filled with another engineer of the same level within three
 * months." The numbers and the working days come from the standard's
 * `staffing` block; public holidays from the caller. Pure: the date and the
 * holidays are parameters.
 */
import { standingFor, canonicalCode, type Catalogue } from './catalogue.js';
import { addMonths, compareDates, fromDayNumber, toDayNumber, type IsoDate } from './dates.js';
import { notCountingReason } from './facts.js';
import { FlowNetwork } from './max-flow.js';
import type { Dossier, Engineer, Standard } from './model.js';
import { plural } from './words.js';
import { shown } from './places.js';
import type { CurrentRatingStatus } from './rating.js';

export type ObligationStatus = 'met' | 'open' | 'breached';

export interface Obligation {
  code: 'exit-report' | 'vacancy-fill';
  /** The id of the engineer who left. */
  engineer: string;
  due: IsoDate;
  status: ObligationStatus;
  /** vacancy-fill: the leaver's certificate types, per replacement chain only the highest. */
  level?: string[];
  /** vacancy-fill: the id of the joiner who fills the vacancy, or null. */
  filledBy?: string | null;
  /** exit-report: the day the exit was reported, or null (also when that day is after the application date). */
  reportedOn?: IsoDate | null;
  message: string;
  /** JSON pointer of the dossier field the obligation is about. */
  path: string;
}

export type Staffing = NonNullable<Standard['staffing']>;
type Weekday = Staffing['workingDays'][number];

const WEEKDAY_INDEX: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** Monday 0 … Sunday 6 of a day number (day 0, 1970-01-01, was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The day `count` working days after `date`: the days after it, skipping
 * those that are not working days of the week and the holidays. Friday
 * 2026-11-06 + 3 working days (Monday to Friday) = Wednesday 2026-11-11;
 * with 0 it is `date` itself.
 */
export function addWorkingDays(date: IsoDate, count: number, workingDays: readonly Weekday[], holidays: ReadonlySet<IsoDate>): IsoDate {
  const working = new Set(workingDays.map((d) => WEEKDAY_INDEX[d]));
  // Without a working day of the week no count is ever reached; the schema asks for one, and a caller's list is not trusted.
  if (working.size === 0 || count === 0) return date;
  let day = toDayNumber(date);
  for (let left = count; left > 0; ) {
    day += 1;
    if (working.has(weekdayOf(day)) && !holidays.has(fromDayNumber(day))) left -= 1;
  }
  return fromDayNumber(day);
}

/** True when a certificate is held and not yet expired on `day`: issued on or before it, expiring after it (rule 1 without its margin). */
function validOn(certificate: NonNullable<Engineer['certificates']>[number], day: IsoDate): boolean {
  return notCountingReason(undefined, certificate, day, day) === undefined;
}

/** The canonical codes of the certificates an engineer holds on `day`. */
function codesHeldOn(engineer: Engineer, catalogue: Catalogue, day: IsoDate): string[] {
  const codes: string[] = [];
  for (const certificate of engineer.certificates ?? []) {
    const code = canonicalCode(catalogue, certificate.type);
    if (code !== undefined && validOn(certificate, day) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * An engineer's level: the types held, keeping per replacement chain only
 * the highest (H3CNE and H3CSE-RS held together are the level H3CSE-RS).
 */
export function levelOf(codes: readonly string[], catalogue: Catalogue): string[] {
  return codes.filter((code) => !codes.some((other) => other !== code && standingFor(catalogue, code).has(other)));
}

/**
 * Whether an engineer holds, on `day`, for each type of `level` a
 * certificate of that type or of one replacing it. One certificate may stand
 * for two types of the level only where the catalogue has it replace both;
 * no shipped catalogue does.
 */
function reachesLevel(engineer: Engineer, level: readonly string[], catalogue: Catalogue, day: IsoDate): boolean {
  const held = codesHeldOn(engineer, catalogue, day);
  return level.every((type) => held.some((code) => standingFor(catalogue, type).has(code)));
}

interface Leaver {
  engineer: Engineer;
  index: number;
  leftOn: IsoDate;
  level: string[];
}

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b);

/**
 * The staffing obligations of a dossier that declares its current rating,
 * on application date `date`; undefined when it declares none (there is no
 * rating year), empty when nothing is owed or the standard states no
 * staffing obligations. For each engineer who left within the rating year
 * (issued ≤ leftOn ≤ date) and was certified on their last day (leftOn,
 * the day they left, holding a certificate issued by then and not yet
 * expired): the exit report and the vacancy.
 */
export function staffingObligations(dossier: Dossier, catalogue: Catalogue, date: IsoDate, holidays: ReadonlySet<IsoDate> = new Set()): Obligation[] | undefined {
  const rating = dossier.application?.currentRating;
  if (rating === undefined) return undefined;
  const staffing = catalogue.standard.staffing;
  if (staffing === undefined) return [];
  const leavers: Leaver[] = [];
  dossier.engineers.forEach((engineer, index) => {
    const leftOn = engineer.leftOn;
    if (leftOn === undefined || compareDates(leftOn, rating.issued) < 0 || compareDates(leftOn, date) > 0) return;
    const level = levelOf(codesHeldOn(engineer, catalogue, leftOn), catalogue);
    if (level.length > 0) leavers.push({ engineer, index, leftOn, level });
  });
  const fillers = fillVacancies(leavers, dossier.engineers, catalogue, date, staffing.fillWithinMonths);
  const obligations: Obligation[] = [];
  leavers.forEach((leaver, i) => {
    obligations.push(exitReport(leaver, date, staffing, holidays));
    obligations.push(vacancyFill(leaver, date, staffing, fillers[i]));
  });
  return obligations;
}

function exitReport({ engineer, index, leftOn }: Leaver, date: IsoDate, staffing: Staffing, holidays: ReadonlySet<IsoDate>): Obligation {
  const due = addWorkingDays(leftOn, staffing.reportWithinWorkingDays, staffing.workingDays, holidays);
  const written = engineer.exitReportedOn;
  // A report dated after the application date is not made yet on it.
  const reportedOn = written !== undefined && compareDates(written, date) <= 0 ? written : null;
  const within = `within ${plural(staffing.reportWithinWorkingDays, 'working day')} of ${leftOn}`;
  const who = engineer.id;
  let status: ObligationStatus;
  let message: string;
  if (reportedOn !== null && compareDates(reportedOn, due) <= 0) {
    status = 'met';
    message = `the exit of ${who} (left ${leftOn}) was reported ${reportedOn}, ${within} (by ${due})`;
  } else if (reportedOn !== null) {
    status = 'breached';
    message = `the exit of ${who} (left ${leftOn}) was reported ${reportedOn}, after it was due on ${due} (${within})`;
  } else if (compareDates(date, due) > 0) {
    status = 'breached';
    message = `the exit of ${who} (left ${leftOn}) was due to be reported to the vendor by ${due} (${within}) and has not been`;
  } else {
    status = 'open';
    message = `report the exit of ${who} (left ${leftOn}) to the vendor by ${due} (${within})`;
  }
  const path = `/engineers/${index}/${written !== undefined ? 'exitReportedOn' : 'leftOn'}`;
  return { code: 'exit-report', engineer: who, due, status, reportedOn, message, path };
}

function vacancyFill({ engineer, index, leftOn, level }: Leaver, date: IsoDate, staffing: Staffing, filler: Engineer | undefined): Obligation {
  const due = addMonths(leftOn, staffing.fillWithinMonths);
  const who = engineer.id;
  const vacancy = `the vacancy of ${who} (${level.join(', ')}; left ${leftOn})`;
  let status: ObligationStatus;
  let message: string;
  if (filler !== undefined) {
    status = 'met';
    message = `${vacancy} is filled by ${filler.id}, who joined ${filler.joinedOn}`;
  } else if (compareDates(date, due) > 0) {
    status = 'breached';
    message = `${vacancy} was due to be filled by ${due} (within ${plural(staffing.fillWithinMonths, 'month')}) and has not been`;
  } else {
    status = 'open';
    message = `fill ${vacancy} by ${due} with an engineer holding ${level.join(' and ')} (or ${level.length === 1 ? 'a certificate replacing it' : 'certificates replacing them'})`;
  }
  return { code: 'vacancy-fill', engineer: who, due, status, level, filledBy: filler?.id ?? null, message, path: `/engineers/${index}/leftOn` };
}

/**
 * Which joiner fills each vacancy: a joiner can fill a vacancy when they
 * joined after the leaver left and no later than the due date (nor after
 * the application date), had not left by the day they are judged on, and
 * reach the leaver's level on the due date or the application date,
 * whichever comes first. Each joiner fills one vacancy at most: as many as
 * possible are filled, by a maximum matching (the engine's max flow), never
 * by taking the first fit.
 */
function fillVacancies(leavers: readonly Leaver[], engineers: readonly Engineer[], catalogue: Catalogue, date: IsoDate, months: number): Array<Engineer | undefined> {
  const filled: Array<Engineer | undefined> = leavers.map(() => undefined);
  const joiners = engineers.filter((e) => e.joinedOn !== undefined);
  if (leavers.length === 0 || joiners.length === 0) return filled;
  const network = new FlowNetwork();
  const source = network.node();
  const sink = network.node();
  const vacancyNodes = leavers.map(() => network.node());
  const joinerNodes = joiners.map(() => network.node());
  vacancyNodes.forEach((node) => network.edge(source, node, 1));
  joinerNodes.forEach((node) => network.edge(node, sink, 1));
  const links: Array<{ vacancy: number; joiner: number; edge: number }> = [];
  leavers.forEach((leaver, v) => {
    const judgedOn = earlier(addMonths(leaver.leftOn, months), date);
    joiners.forEach((joiner, j) => {
      const joined = joiner.joinedOn!;
      if (joiner === leaver.engineer || compareDates(joined, leaver.leftOn) <= 0 || compareDates(joined, judgedOn) > 0) return;
      if (joiner.leftOn !== undefined && compareDates(joiner.leftOn, judgedOn) <= 0) return;
      if (!reachesLevel(joiner, leaver.level, catalogue, judgedOn)) return;
      links.push({ vacancy: v, joiner: j, edge: network.edge(vacancyNodes[v]!, joinerNodes[j]!, 1) });
    });
  });
  network.maxFlow(source, sink);
  for (const { vacancy, joiner, edge } of links) if (network.flow(edge) > 0) filled[vacancy] = joiners[joiner];
  return filled;
}

/** A warning of the rating year, located by its pointer. */
export interface RatingYearWarning {
  code: 'recertification-at-risk' | 'superseded-standard';
  message: string;
  path: string;
}

/**
 * "H3C reserves the right to delay or prohibit service recertification of
 * any partner at which critical service events are discovered to have
 * occurred during the previous certification year": a critical event dated
 * within the current rating year (its issue date to the earlier of its last
 * valid day and the application date) is warned about, never a gap.
 */
/** The characters of a service event's summary a warning quotes. */
const SUMMARY_SHOWN = 120;

export function recertificationRisks(dossier: Dossier, rating: CurrentRatingStatus, date: IsoDate): RatingYearWarning[] {
  const end = earlier(rating.validUntil, date);
  const warnings: RatingYearWarning[] = [];
  (dossier.serviceEvents ?? []).forEach((event, i) => {
    // A summary is quoted in one line and cut short: a pasted incident log cannot drown the warning.
    if (event.severity !== 'critical' || compareDates(event.date, rating.issued) < 0 || compareDates(event.date, end) > 0) return;
    const resolved = event.resolvedOn !== undefined ? `, resolved ${event.resolvedOn}` : ', not resolved';
    warnings.push({
      code: 'recertification-at-risk',
      message: `a critical service event on ${event.date} ("${shown(event.summary, SUMMARY_SHOWN) ?? ''}"${resolved}) falls within the current rating year (${rating.issued} to ${end}); the vendor may delay or refuse recertification`,
      path: `/serviceEvents/${i}`,
    });
  });
  return warnings;
}

/**
 * The standard that supersedes `standard` on `date`, among `others`: one
 * naming it in `supersedes` whose effective date (if any) is on or before
 * `date`. The first in the order given.
 */
export function successorOn(standard: Pick<Standard, 'id'>, others: ReadonlyArray<Pick<Standard, 'id' | 'title' | 'effective' | 'supersedes'>>, date: IsoDate): Pick<Standard, 'id' | 'title' | 'effective'> | undefined {
  return others.find((other) => other.id !== standard.id && (other.supersedes ?? []).includes(standard.id) && (other.effective === undefined || compareDates(other.effective, date) <= 0));
}

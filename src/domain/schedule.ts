/**
 * The plan as a schedule of daily targets, kept as it was told (SPEC "The
 * schedule"). Changes — the first plan, revisions, days off added or
 * removed — apply in the order they were recorded; each takes effect on a
 * day E and recomputes the days from E on, revision by revision, so a
 * change never alters an earlier day. The schedule is rebuilt from that
 * history on every read: a few dozen changes over 365 days cost well under
 * a millisecond, and undo is nothing more than removing a change.
 */
import { type DayOffRange, monthKey, monthRange, type WorkCalendar } from "./calendar.js";
import { CASCADE_METRICS, computeAnnual, type AnnualTotals, type CascadeMetric, type PlanInput } from "./cascade.js";
import { addDays, daysInMonth, maxDate, minDate, toDayNumber, WEEKDAYS, weekdayIndex, weekdayOf, type IsoDate } from "./dates.js";
import { usageError } from "./errors.js";

/** A plan as told, in effect from a day: the first plan (from its start) or a revision. */
export interface Revision {
  /** When it was recorded, among all the year's changes. */
  seq: number;
  from: IsoDate;
  input: PlanInput;
  note: string | null;
}

/** A days-off range with when it was added and, if it was, removed. */
export interface DayOffEvent extends DayOffRange {
  addedSeq: number;
  removedSeq: number | null;
}

/** A weekly target of a type outside the cascade, from a day on. */
export interface TypeTarget {
  type: string;
  from: IsoDate;
  perWeek: number;
}

export interface ScheduleInput {
  year: number;
  /** What was achieved in the plan year before the start and is not logged, per metric. */
  opening: Readonly<Record<string, number>>;
  /** The first plan then the revisions, in the order they were recorded (their days increase). */
  revisions: readonly Revision[];
  daysOff: readonly DayOffEvent[];
  typeTargets: readonly TypeTarget[];
}

/** A revision with its cascade worked out. */
export interface RevisionPlan extends Revision {
  annual: AnnualTotals;
}

function seasonOf(input: PlanInput, month: number): number {
  return input.seasonality[month] ?? 1;
}

/**
 * Refuses a plan or revision that would take effect on `from` with no day to
 * put its targets on: no working day from `from` to Dec 31 (days off as
 * they stand) has a seasonality weight above 0. Its calls would be planned
 * on no day, and the year's targets would quietly not add up to the annual.
 */
export function checkPlannableFrom(input: PlanInput, from: IsoDate, calendar: Pick<WorkCalendar, "isDayOff">): void {
  const dec31 = `${input.year}-12-31`;
  for (let day = from; day <= dec31; day = addDays(day, 1)) {
    if (!calendar.isDayOff(day) && input.workdays.includes(weekdayOf(day)) && seasonOf(input, Number(day.slice(5, 7)) - 1) > 0) return;
  }
  const zero = input.seasonality.flatMap((w, m) => (w === 0 && monthRange(input.year, m + 1).to >= from ? [monthKey(input.year, m + 1)] : []));
  throw usageError(
    `no working day from ${from} to ${dec31} can carry the plan${zero.length > 0 ? `: ${zero.join(", ")} ${zero.length === 1 ? "has" : "have"} seasonality weight 0` : ""}`,
    zero.length > 0 ? "give the months left a weight above 0 with --seasonality" : "a plan needs a working day left in its year",
  );
}

export class Schedule {
  readonly year: number;
  readonly start: IsoDate;
  readonly opening: Readonly<Record<string, number>>;
  readonly revisions: readonly RevisionPlan[];
  private readonly first: number;
  private readonly days: number;
  /** Per metric, day i of the year's target, and its prefix sums (sum of days before i). */
  private readonly targets = new Map<string, Float64Array>();
  private readonly prefix = new Map<string, Float64Array>();
  /** Whether day i is a working day as things stand now. */
  private readonly working: Uint8Array;
  /** Day i's weekday (`mon`…) and month (0–11). */
  private readonly weekday: (typeof WEEKDAYS)[number][] = [];
  private readonly month: number[] = [];
  /** Per type outside the cascade, its weekly target in effect on day i. */
  private readonly typeTargetsOn = new Map<string, (i: number) => number>();
  /** Each revision's first day, as a day of the year. */
  private readonly revisionStarts: number[];

  constructor(input: ScheduleInput) {
    const revisions = input.revisions.map((r) => ({ ...r, annual: computeAnnual(r.input) }));
    if (revisions.length === 0) throw new Error("a schedule needs a plan");
    this.year = input.year;
    this.revisions = revisions;
    this.start = (revisions[0] as RevisionPlan).from;
    this.opening = input.opening;
    this.first = toDayNumber(`${input.year}-01-01`);
    this.days = toDayNumber(`${input.year}-12-31`) - this.first + 1;
    // Day by day without building date strings: a schedule is rebuilt on every read.
    const firstWeekday = weekdayIndex(`${input.year}-01-01`);
    for (let month = 0; month < 12; month++) for (let d = daysInMonth(input.year, month + 1); d > 0; d--) this.month.push(month);
    for (let i = 0; i < this.days; i++) this.weekday.push(WEEKDAYS[(firstWeekday + i) % 7] as (typeof WEEKDAYS)[number]);
    this.revisionStarts = revisions.map((r) => this.index(r.from));
    this.working = this.replay(input.daysOff);
    this.spreadTypeTargets(input.typeTargets);
    for (const [metric, daily] of this.targets) {
      const sums = new Float64Array(this.days + 1);
      for (let i = 0; i < this.days; i++) sums[i + 1] = (sums[i] as number) + (daily[i] as number);
      this.prefix.set(metric, sums);
    }
  }

  private index(date: IsoDate): number {
    return toDayNumber(date) - this.first;
  }

  /** The revision in effect on day i. */
  private revisionIndexAt(i: number): number {
    let r = 0;
    for (let k = 1; k < this.revisionStarts.length; k++) if ((this.revisionStarts[k] as number) <= i) r = k;
    return r;
  }

  /**
   * Applies the changes in recorded order. Each recomputes the cascade's days
   * from the day it takes effect; days before it keep what they had.
   */
  private replay(daysOff: readonly DayOffEvent[]): Uint8Array {
    const offCount = new Int32Array(this.days);
    const events: { seq: number; apply: () => number | null }[] = [];
    let active = 0;
    for (const [k, r] of this.revisions.entries()) {
      events.push({
        seq: r.seq,
        apply: () => {
          active = k + 1;
          return Math.max(0, this.index(r.from));
        },
      });
    }
    const toggle = (range: DayOffRange, delta: 1 | -1) => (): number | null => {
      let changed: number | null = null;
      const from = Math.max(0, this.index(range.from));
      const to = Math.min(this.days - 1, this.index(range.to));
      for (let i = from; i <= to; i++) {
        const before = offCount[i] as number;
        offCount[i] = before + delta;
        if (changed === null && (before === 0) !== ((offCount[i] as number) === 0)) changed = i;
      }
      return changed;
    };
    for (const d of daysOff) {
      events.push({ seq: d.addedSeq, apply: toggle(d, 1) });
      if (d.removedSeq !== null) events.push({ seq: d.removedSeq, apply: toggle(d, -1) });
    }
    events.sort((a, b) => a.seq - b.seq);
    for (const metric of CASCADE_METRICS) this.targets.set(metric, new Float64Array(this.days));
    for (const event of events) {
      const from = event.apply();
      // A weekend day off changes no working day; nothing is planned before the first plan.
      if (from !== null && active > 0) this.recompute(Math.max(from, this.index(this.start)), active, offCount);
    }
    const working = new Uint8Array(this.days);
    for (let i = 0; i < this.days; i++) working[i] = this.isWorkday(i, this.revisionIndexAt(i), offCount) ? 1 : 0;
    return working;
  }

  private isWorkday(i: number, revision: number, offCount: Int32Array): boolean {
    return (offCount[i] as number) === 0 && (this.revisions[revision] as RevisionPlan).input.workdays.includes(this.weekday[i] as (typeof WEEKDAYS)[number]);
  }

  /** Recomputes the cascade's days from day `e` on, revision by revision (the first `active` revisions exist yet). */
  private recompute(e: number, active: number, offCount: Int32Array): void {
    for (let k = 0; k < active; k++) {
      const r = this.revisions[k] as RevisionPlan;
      const spanEnd = k + 1 < active ? this.index((this.revisions[k + 1] as RevisionPlan).from) - 1 : this.days - 1;
      if (spanEnd < e) continue;
      const p = Math.max(e, this.index(r.from));
      const weights = new Float64Array(this.days);
      let total = 0;
      for (let i = p; i < this.days; i++) {
        if (!this.isWorkday(i, k, offCount)) continue;
        const w = seasonOf(r.input, this.month[i] as number);
        weights[i] = w;
        total += w;
      }
      for (const metric of CASCADE_METRICS) {
        const daily = this.targets.get(metric) as Float64Array;
        const annual = r.annual[metric];
        let frozen = this.opening[metric] ?? 0;
        for (let i = 0; i < p; i++) frozen += daily[i] as number;
        const remaining = annual === null ? 0 : Math.max(0, annual - frozen);
        for (let i = p; i <= spanEnd; i++) daily[i] = total > 0 ? (remaining * (weights[i] as number)) / total : 0;
      }
    }
  }

  /** Types outside the cascade: the weekly target in effect, spread evenly over the week's working days. */
  private spreadTypeTargets(typeTargets: readonly TypeTarget[]): void {
    const byType = new Map<string, TypeTarget[]>();
    for (const t of typeTargets) byType.set(t.type, [...(byType.get(t.type) ?? []), t]);
    const start = this.index(this.start);
    for (const [type, list] of byType) {
      const sorted = [...list].sort((a, b) => (a.from < b.from ? -1 : 1)).map((t) => ({ from: this.index(t.from), perWeek: t.perWeek }));
      const perWeekOn = (i: number): number => {
        let perWeek = 0;
        for (const t of sorted) if (t.from <= i) perWeek = t.perWeek;
        return perWeek;
      };
      this.typeTargetsOn.set(type, perWeekOn);
      const daily = new Float64Array(this.days);
      for (let i = Math.max(0, start); i < this.days; i++) {
        if (this.working[i] !== 1) continue;
        const perWeek = perWeekOn(i);
        const workdays = (this.revisions[this.revisionIndexAt(i)] as RevisionPlan).input.workdays.length;
        daily[i] = workdays > 0 ? perWeek / workdays : 0;
      }
      this.targets.set(type, daily);
    }
  }

  /** The metrics with a schedule: the cascade (revenue only when the plan has it), then other types by name. */
  metrics(): string[] {
    const revenue = this.revisions.some((r) => r.annual.revenue !== null);
    const cascade = CASCADE_METRICS.filter((m) => m !== "revenue" || revenue);
    const others = [...this.targets.keys()].filter((m) => !(CASCADE_METRICS as readonly string[]).includes(m)).sort();
    return [...cascade, ...others];
  }

  /** The sum of a metric's daily targets from `from` to `to`, both included (0 outside the year). */
  planBetween(metric: string, from: IsoDate, to: IsoDate): number {
    const sums = this.prefix.get(metric);
    if (!sums) return 0;
    const a = Math.max(0, this.index(maxDate(from, `${this.year}-01-01`)));
    const b = Math.min(this.days - 1, this.index(minDate(to, `${this.year}-12-31`)));
    return b < a ? 0 : (sums[b + 1] as number) - (sums[a] as number);
  }

  /** A metric's target on one day. */
  target(metric: string, date: IsoDate): number {
    const i = this.index(date);
    return i < 0 || i >= this.days ? 0 : (this.targets.get(metric)?.[i] ?? 0);
  }

  /** The opening balance of a metric (0 when none was given). */
  openingOf(metric: string): number {
    return this.opening[metric] ?? 0;
  }

  /** The revision in effect on `date` (the first plan before its start). */
  revisionAt(date: IsoDate): RevisionPlan {
    const i = Math.min(this.days - 1, Math.max(0, this.index(date)));
    return this.revisions[this.revisionIndexAt(i)] as RevisionPlan;
  }

  /**
   * A metric's annual total as it stood on `date`: the cascade of the revision
   * in effect; for a type outside it, its daily targets up to `date` and the
   * weekly target in effect on `date` over the rest of the year (a target
   * set later from a later day is not known on `date`).
   */
  annual(metric: string, date: IsoDate): number {
    if ((CASCADE_METRICS as readonly string[]).includes(metric)) return this.revisionAt(date).annual[metric as CascadeMetric] ?? 0;
    const perWeek = this.typeTargetsOn.get(metric);
    const d = this.index(date);
    if (perWeek === undefined || d < 0 || d >= this.days - 1) return this.planBetween(metric, `${this.year}-01-01`, `${this.year}-12-31`);
    let rest = 0;
    const onDate = perWeek(d);
    for (let i = Math.max(d + 1, this.index(this.start)); i < this.days; i++) {
      if (this.working[i] !== 1) continue;
      const workdays = (this.revisions[this.revisionIndexAt(i)] as RevisionPlan).input.workdays.length;
      rest += workdays > 0 ? onDate / workdays : 0;
    }
    return this.planBetween(metric, `${this.year}-01-01`, date) + rest;
  }

  isWorkingDay(date: IsoDate): boolean {
    const i = this.index(date);
    return i >= 0 && i < this.days && this.working[i] === 1;
  }

  /** Working days from `from` to `to` (both included) inside the year, as things stand now. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let n = 0;
    const a = Math.max(0, this.index(from));
    const b = Math.min(this.days - 1, this.index(to));
    for (let i = a; i <= b; i++) n += this.working[i] as number;
    return n;
  }

  /**
   * How many working days after `asOf`, in order, have daily targets adding
   * up to `amount` (the last one as a fraction); past Dec 31 the year's last
   * working day's target repeats. Null when no working day follows as-of in
   * the year, or the days ahead plan nothing.
   */
  daysToCover(metric: string, asOf: IsoDate, amount: number): number | null {
    if (amount <= 0) return 0;
    const daily = this.targets.get(metric);
    if (!daily) return null;
    let left = amount;
    let days = 0;
    let last = 0;
    for (let i = Math.max(0, this.index(addDays(asOf, 1))); i < this.days; i++) {
      if (this.working[i] !== 1) continue;
      const t = daily[i] as number;
      last = t;
      if (t > 0 && left <= t) return days + left / t;
      left -= t;
      days++;
    }
    // Past Dec 31 the last working day's target repeats; none, or none planned, and there is no measure.
    return days === 0 || last <= 0 ? null : days + left / last;
  }
}

export function buildSchedule(input: ScheduleInput): Schedule {
  return new Schedule(input);
}

/** The next day a change may take effect on: revisions' days increase. */
export function latestRevisionDay(schedule: Schedule): IsoDate {
  return (schedule.revisions.at(-1) as RevisionPlan).from;
}

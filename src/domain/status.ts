/**
 * The status glance: this week's actual against the plan to date, today's
 * figures, the year-to-date buffer in working days, and the next time block.
 * Pure: the command hands in the plan, the totals and "now".
 */
import { METRIC_OF_TYPE } from "./activity-types.js";
import type { Block, BlockMark } from "./blocks.js";
import type { CommitmentJson } from "./commitments.js";
import { CASCADE_METRICS, type CascadeMetric } from "./cascade.js";
import type { WorkCalendar } from "./calendar.js";
import { addDays, isoWeekOf, mondayOf, weekdayOf, type IsoDate } from "./dates.js";
import type { TypeTotals } from "./entry.js";
import { planBetween, weeklyTargetBetween, type Plan } from "./plan.js";

export interface Span {
  plan: number;
  actual: number;
}

export interface MetricStatus {
  /** `calls` … `revenue`, or an activity type with a weekly target. */
  metric: string;
  today: Span;
  week: { plan: number; planToDate: number; actual: number };
  ytd: Span;
  annual: number;
  /** Working days ahead (+) or behind (−) year to date; null when the annual plan is zero. */
  bufferDays: number | null;
}

export interface NextBlock {
  id: number;
  label: string;
  date: IsoDate;
  start: number;
  end: number;
  activity: string | null;
  /** True when the block is under way right now. */
  now: boolean;
}

export interface StatusInput {
  plan: Plan;
  calendar: WorkCalendar;
  /** Weekly targets of email and custom types. */
  weeklyTargets: ReadonlyMap<string, number>;
  today: IsoDate;
  todayTotals: ReadonlyMap<string, TypeTotals>;
  weekTotals: ReadonlyMap<string, TypeTotals>;
  ytdTotals: ReadonlyMap<string, TypeTotals>;
}

export interface Glance {
  today: IsoDate;
  week: string;
  from: IsoDate;
  to: IsoDate;
  /** Working days of this week up to today, and in the whole week. */
  workingDaysSoFar: number;
  workingDaysInWeek: number;
  metrics: MetricStatus[];
}

/** The entry type whose totals count toward a metric. */
const TYPE_OF: Record<CascadeMetric, string> = { calls: "call", meetings: "meeting", opportunities: "opportunity", deals: "deal", revenue: "deal" };

/** A metric's actual in some totals: counts, or deal amounts in currency units for revenue. */
export function actualFor(metric: string, totals: ReadonlyMap<string, TypeTotals>): number {
  if (metric === "revenue") return (totals.get("deal")?.amountCents ?? 0) / 100;
  const type = (CASCADE_METRICS as readonly string[]).includes(metric) ? TYPE_OF[metric as CascadeMetric] : metric;
  return totals.get(type)?.count ?? 0;
}

/** Metrics the glance shows: the cascade (revenue only when the plan has one) then weekly-target types by name. */
export function glanceMetrics(plan: Plan, weeklyTargets: ReadonlyMap<string, number>): string[] {
  const cascade = CASCADE_METRICS.filter((m) => m !== "revenue" || plan.annual.revenue !== null);
  const custom = [...weeklyTargets.keys()].filter((t) => !(t in METRIC_OF_TYPE)).sort();
  return [...cascade, ...custom];
}

/** A metric's plan between two dates: the cascade's daily targets, or a weekly target spread over working days. */
export function metricPlan(input: Pick<StatusInput, "plan" | "calendar" | "weeklyTargets">, metric: string, from: IsoDate, to: IsoDate): number {
  if ((CASCADE_METRICS as readonly string[]).includes(metric)) return planBetween(input.plan, metric as CascadeMetric, from, to, input.calendar);
  const weekly = input.weeklyTargets.get(metric) ?? 0;
  const start = from < `${input.plan.year}-01-01` ? `${input.plan.year}-01-01` : from;
  const end = to > `${input.plan.year}-12-31` ? `${input.plan.year}-12-31` : to;
  return start > end ? 0 : weeklyTargetBetween(weekly, start, end, input.calendar);
}

/**
 * Working days ahead (+) or behind (−): (ytd actual − ytd plan) ÷ (annual ÷
 * working days in the year). Null when there is nothing to divide by.
 */
export function computeBufferDays(ytdActual: number, ytdPlan: number, annual: number, workingDaysInYear: number): number | null {
  if (annual <= 0 || workingDaysInYear <= 0) return null;
  return (ytdActual - ytdPlan) / (annual / workingDaysInYear);
}

/** This week and today at a glance, per metric. */
export function buildGlance(input: StatusInput): Glance {
  const { plan, calendar, today } = input;
  const from = mondayOf(today);
  const to = addDays(from, 6);
  const jan1 = `${plan.year}-01-01`;
  const dec31 = `${plan.year}-12-31`;
  const workingDaysInYear = calendar.countWorkingDays(jan1, dec31);
  const metrics = glanceMetrics(plan, input.weeklyTargets).map((metric): MetricStatus => {
    const annual = metricPlan(input, metric, jan1, dec31);
    const ytdPlan = metricPlan(input, metric, jan1, today);
    const ytdActual = actualFor(metric, input.ytdTotals);
    return {
      metric,
      today: { plan: metricPlan(input, metric, today, today), actual: actualFor(metric, input.todayTotals) },
      week: { plan: metricPlan(input, metric, from, to), planToDate: metricPlan(input, metric, from, today), actual: actualFor(metric, input.weekTotals) },
      ytd: { plan: ytdPlan, actual: ytdActual },
      annual,
      bufferDays: computeBufferDays(ytdActual, ytdPlan, annual, workingDaysInYear),
    };
  });
  return {
    today,
    week: isoWeekOf(today),
    from,
    to,
    workingDaysSoFar: calendar.countWorkingDays(from, today),
    workingDaysInWeek: calendar.countWorkingDays(from, to),
    metrics,
  };
}

/** Everything `acct status` shows; `streak` is null when it cannot be computed. */
export interface StatusData {
  glance: Glance;
  nextBlock: NextBlock | null;
  dueSoon: CommitmentJson[];
  overdue: CommitmentJson[];
  /** Consecutive finished weeks on plan, or null when unknown. */
  streak: number | null;
}

/**
 * The next occurrence of any block whose end is after `nowMinutes` on
 * `today`, or on a later day within `horizonDays`; days off and occurrences
 * already marked done or skipped are passed over. Ties go to the earlier
 * start, then the lower id.
 */
export function findNextBlock(
  blocks: readonly Block[],
  marks: readonly BlockMark[],
  calendar: WorkCalendar,
  today: IsoDate,
  nowMinutes: number,
  horizonDays = 14,
): NextBlock | null {
  const marked = new Set(marks.map((m) => `${m.blockId}@${m.date}`));
  for (let offset = 0; offset <= horizonDays; offset++) {
    const date = addDays(today, offset);
    if (calendar.isDayOff(date)) continue;
    const weekday = weekdayOf(date);
    const candidates = blocks
      .filter((b) => b.days.includes(weekday) && !marked.has(`${b.id}@${date}`) && (offset > 0 || b.endMin > nowMinutes))
      .sort((a, b) => a.startMin - b.startMin || a.id - b.id);
    const next = candidates[0];
    if (next) {
      return { id: next.id, label: next.label, date, start: next.startMin, end: next.endMin, activity: next.activity, now: offset === 0 && next.startMin <= nowMinutes };
    }
  }
  return null;
}

/** Share of `part` in `whole`, clamped to 0…1 (1 when there is nothing to reach). */
export function fraction(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 1 : 0;
  return Math.max(0, Math.min(1, part / whole));
}

/**
 * The metric engine: what a metric planned and what was done over a period,
 * and the figures derived from them (standing, buffer, projection, what is
 * still needed a week), as SPEC's "The weekly audit" defines them. The
 * status glance, the audit of any period and the report all call these
 * functions, so a figure reads the same on every page.
 */
import { TYPE_OF_METRIC } from "./activity-types.js";
import type { WorkCalendar } from "./calendar.js";
import { CASCADE_METRICS, type CascadeMetric } from "./cascade.js";
import { addDays, maxDate, minDate, type IsoDate } from "./dates.js";
import { ZERO_TOTALS, type TypeTotals } from "./entry.js";
import type { Plan } from "./plan.js";
import type { Schedule } from "./schedule.js";

/** What a metric's plan is made of: the plan in effect now, its calendar, and the schedule of daily targets. */
export interface PlanBasis {
  plan: Plan;
  calendar: WorkCalendar;
  schedule: Schedule;
}

/** How a metric stands for the year to date: at or above plan, at 80 % of it or more, or below. */
export type Standing = "on-track" | "at-risk" | "behind";

/** Outcomes come in lumps: no daily target is shown for them. */
export const OUTCOME_METRICS: readonly string[] = ["deals", "revenue"];

const EPSILON = 1e-9;

export function isCascade(metric: string): metric is CascadeMetric {
  return (CASCADE_METRICS as readonly string[]).includes(metric);
}

/** The singular name of a metric's entry type, for sentences: `calls` → `call`, `linkedin` → `linkedin`. */
export function singularOf(metric: string): string {
  return metric === "revenue" ? "revenue" : isCascade(metric) ? TYPE_OF_METRIC[metric] : metric;
}

/** The metrics a plan tracks: the cascade (revenue only when the plan has it), then types with weekly targets, by name. */
export function trackedMetrics(basis: PlanBasis): string[] {
  return basis.schedule.metrics();
}

/** A metric's actual in per-type totals: counts of its entry type, or deal amounts (currency units) for revenue. */
export function metricActual(metric: string, totals: ReadonlyMap<string, TypeTotals>): number {
  if (metric === "revenue") return (totals.get("deal") ?? ZERO_TOTALS).amountCents / 100;
  return (totals.get(isCascade(metric) ? TYPE_OF_METRIC[metric] : metric) ?? ZERO_TOTALS).count;
}

/** A metric's plan from `from` to `to`, both included: the sum of its daily targets. */
export function metricPlan(basis: PlanBasis, metric: string, from: IsoDate, to: IsoDate): number {
  return from > to ? 0 : basis.schedule.planBetween(metric, from, to);
}

/** A metric's annual total as the revision in effect on `asOf` has it (a type's: the sum of its daily targets). */
export function metricAnnual(basis: PlanBasis, metric: string, asOf: IsoDate): number {
  return basis.schedule.annual(metric, asOf);
}

/** `on-track` at or above plan, `at-risk` at 80 % of it or more, else `behind`. */
export function standingOf(actual: number, plan: number): Standing {
  if (actual >= plan - EPSILON) return "on-track";
  if (actual >= 0.8 * plan - EPSILON) return "at-risk";
  return "behind";
}

/**
 * Today's share `f`: the part of today's working hours that has passed,
 * `clamp((minutes since midnight − day-start) ÷ (hours per day × 60), 0, 1)`.
 */
export function todayShare(minutes: number, dayStart: number, hoursPerDay: number): number {
  if (hoursPerDay <= 0) return 1;
  return Math.min(1, Math.max(0, (minutes - dayStart) / (hoursPerDay * 60)));
}

/** The year's total at the current pace against the plan's own shape: ytd actual ÷ ytd plan × annual; null while nothing is planned. */
export function projection(ytdActual: number, ytdPlan: number, annual: number): number | null {
  return ytdPlan > EPSILON ? (ytdActual / ytdPlan) * annual : null;
}

/** What is still needed per week: the rest of the annual total over the remaining working days, × workdays per week; null when none remain. */
export function requiredPerWeek(annual: number, ytdActual: number, remainingWorkingDays: number, workdaysPerWeek: number): number | null {
  if (remainingWorkingDays <= 0) return null;
  return (Math.max(0, annual - ytdActual) / remainingWorkingDays) * workdaysPerWeek;
}

/**
 * Working days ahead (+) or behind (−): the gap between actual and plan,
 * measured in the coming days' plan. 0 when there is no gap; null when no
 * working day follows as-of in the plan year.
 */
export function bufferDays(basis: PlanBasis, metric: string, asOf: IsoDate, ytdActual: number, ytdPlan: number): number | null {
  const gap = ytdActual - ytdPlan;
  if (Math.abs(gap) < EPSILON) return 0;
  const days = basis.schedule.daysToCover(metric, asOf, Math.abs(gap));
  return days === null ? null : Math.sign(gap) * days;
}

/** A span of days and what was done in it up to as-of. */
export interface Span {
  from: IsoDate;
  to: IsoDate;
  totals: ReadonlyMap<string, TypeTotals>;
}

/** One metric's figures for a period, as of a day. */
export interface MetricFigures {
  metric: string;
  period: { plan: number; planToDate: number; actual: number };
  ytd: { plan: number; actual: number };
  annual: number;
  status: Standing;
  bufferDays: number | null;
  projection: number | null;
  requiredPerWeek: number | null;
}

/** When the figures are taken: the as-of day and how much of it has passed (1 for a day before today). */
export interface AsOf {
  date: IsoDate;
  share: number;
}

/** A metric's plan from `from` up to as-of: the days before it whole, as-of's by its share. */
export function planToDate(basis: PlanBasis, metric: string, from: IsoDate, asOf: AsOf): number {
  if (from > asOf.date) return 0;
  return metricPlan(basis, metric, from, addDays(asOf.date, -1)) + basis.schedule.target(metric, asOf.date) * asOf.share;
}

/**
 * A metric's figures for `period` as of `asOf`: the period's plan, its plan
 * to date and actual, the year to date with the opening balance (the plan
 * year's `ytdTotals` up to as-of), the annual total, and what they imply.
 */
export function metricFigures(basis: PlanBasis, metric: string, period: Span, asOf: AsOf, ytdTotals: ReadonlyMap<string, TypeTotals>): MetricFigures {
  const { schedule } = basis;
  const jan1 = `${schedule.year}-01-01`;
  const dec31 = `${schedule.year}-12-31`;
  const opening = schedule.openingOf(metric);
  const annual = metricAnnual(basis, metric, asOf.date);
  const ytdPlan = opening + (asOf.date > dec31 ? metricPlan(basis, metric, jan1, dec31) : planToDate(basis, metric, jan1, asOf));
  const ytdActual = opening + metricActual(metric, ytdTotals);
  // The plan's working days: none before its start (a plan set in June for July counts July's on).
  const remaining = asOf.date < dec31 ? schedule.workingDaysBetween(maxDate(addDays(asOf.date, 1), schedule.start), dec31) : 0;
  return {
    metric,
    period: {
      plan: metricPlan(basis, metric, period.from, period.to),
      planToDate: asOf.date > period.to ? metricPlan(basis, metric, period.from, period.to) : planToDate(basis, metric, period.from, asOf),
      actual: metricActual(metric, period.totals),
    },
    ytd: { plan: ytdPlan, actual: ytdActual },
    annual,
    status: standingOf(ytdActual, ytdPlan),
    bufferDays: bufferDays(basis, metric, minDate(asOf.date, dec31), ytdActual, ytdPlan),
    projection: projection(ytdActual, ytdPlan, annual),
    requiredPerWeek: requiredPerWeek(annual, ytdActual, remaining, schedule.revisionAt(asOf.date).input.workdays.length),
  };
}

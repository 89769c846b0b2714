/**
 * The metric engine: what a metric planned and what was done over a span of
 * days, and the figures derived from them (status, buffer, projection, what
 * is still needed a week). The status glance, the audit and the report all
 * call these functions, so a figure reads the same on every page.
 */
import { TYPE_OF_METRIC } from "./activity-types.js";
import type { WorkCalendar } from "./calendar.js";
import { CASCADE_METRICS, type CascadeMetric } from "./cascade.js";
import { addDays, maxDate, minDate, type IsoDate } from "./dates.js";
import { ZERO_TOTALS, type TypeTotals } from "./entry.js";
import { annualOf, planBetween, weeklyTargetBetween, type Plan } from "./plan.js";

/** What a metric's plan is made of: the year's cascade and the weekly targets of other types, over the working days. */
export interface PlanBasis {
  plan: Plan;
  calendar: WorkCalendar;
  /** Weekly targets of types outside the cascade (email, custom types). */
  weeklyTargets: ReadonlyMap<string, number>;
}

/** How a metric stands for the year to date: at or above plan, at 80 % of it or more, or below. */
export type Standing = "on-track" | "at-risk" | "behind";

const EPSILON = 1e-9;

export function isCascade(metric: string): metric is CascadeMetric {
  return (CASCADE_METRICS as readonly string[]).includes(metric);
}

/** The singular name of a metric's entry type, for sentences: `calls` → `call`, `linkedin` → `linkedin`. */
export function singularOf(metric: string): string {
  return metric === "revenue" ? "revenue" : isCascade(metric) ? TYPE_OF_METRIC[metric] : metric;
}

/** The metrics a plan tracks: the cascade (revenue only when the plan has it), then types with weekly targets, by name. */
export function trackedMetrics(plan: Plan, weeklyTargets: ReadonlyMap<string, number>): string[] {
  const cascade = CASCADE_METRICS.filter((m) => m !== "revenue" || plan.annual.revenue !== null);
  return [...cascade, ...[...weeklyTargets.keys()].filter((t) => !isCascade(t)).sort()];
}

/** A metric's actual in per-type totals: counts of its entry type, or deal amounts (currency units) for revenue. */
export function metricActual(metric: string, totals: ReadonlyMap<string, TypeTotals>): number {
  if (metric === "revenue") return (totals.get("deal") ?? ZERO_TOTALS).amountCents / 100;
  return (totals.get(isCascade(metric) ? TYPE_OF_METRIC[metric] : metric) ?? ZERO_TOTALS).count;
}

/** A metric's plan from `from` to `to`, both included: the cascade's daily targets, or the weekly target spread over working days. */
export function metricPlan(basis: PlanBasis, metric: string, from: IsoDate, to: IsoDate): number {
  if (from > to) return 0;
  if (isCascade(metric)) return planBetween(basis.plan, metric, from, to, basis.calendar);
  const start = maxDate(from, `${basis.plan.year}-01-01`);
  const end = minDate(to, `${basis.plan.year}-12-31`);
  return start > end ? 0 : weeklyTargetBetween(basis.weeklyTargets.get(metric) ?? 0, start, end, basis.calendar);
}

/** A metric's total for the plan year: the cascade's annual figure, or the sum of a weekly target over the year. */
export function metricAnnual(basis: PlanBasis, metric: string): number {
  return isCascade(metric) ? annualOf(basis.plan, metric) : metricPlan(basis, metric, `${basis.plan.year}-01-01`, `${basis.plan.year}-12-31`);
}

/** `on-track` at or above plan, `at-risk` at 80 % of it or more, else `behind`. */
export function standingOf(actual: number, plan: number): Standing {
  if (actual >= plan - EPSILON) return "on-track";
  if (actual >= 0.8 * plan - EPSILON) return "at-risk";
  return "behind";
}

/** Working days ahead (+) or behind (−): the gap over the average daily target. Null when the year has no target or no working days. */
export function bufferDays(ytdActual: number, ytdPlan: number, annual: number, workingDaysInYear: number): number | null {
  if (annual <= 0 || workingDaysInYear <= 0) return null;
  return (ytdActual - ytdPlan) / (annual / workingDaysInYear);
}

/** The year's total at the current pace: actual per elapsed working day × working days in the year; null before the first working day. */
export function projection(ytdActual: number, elapsedWorkingDays: number, workingDaysInYear: number): number | null {
  if (elapsedWorkingDays <= 0) return null;
  return (ytdActual / elapsedWorkingDays) * workingDaysInYear;
}

/** What is still needed per week: the rest of the annual total over the remaining working days, × workdays per week; null when none remain. */
export function requiredPerWeek(annual: number, ytdActual: number, remainingWorkingDays: number, workdaysPerWeek: number): number | null {
  if (remainingWorkingDays <= 0) return null;
  return (Math.max(0, annual - ytdActual) / remainingWorkingDays) * workdaysPerWeek;
}

/** A span of days and what was done in it. */
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

/** The year-level counts every metric of one as-of day shares. */
export interface YearClock {
  jan1: IsoDate;
  dec31: IsoDate;
  /** The last day of the year to date: as-of, or Dec 31 for a later as-of. */
  ytdEnd: IsoDate;
  workingDaysInYear: number;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
}

/** The plan year's working days before, at and after `asOf`. */
export function yearClock(basis: PlanBasis, asOf: IsoDate): YearClock {
  const jan1 = `${basis.plan.year}-01-01`;
  const dec31 = `${basis.plan.year}-12-31`;
  const ytdEnd = minDate(asOf, dec31);
  const { calendar } = basis;
  return {
    jan1,
    dec31,
    ytdEnd,
    workingDaysInYear: calendar.countWorkingDays(jan1, dec31),
    elapsedWorkingDays: ytdEnd >= jan1 ? calendar.countWorkingDays(jan1, ytdEnd) : 0,
    remainingWorkingDays: asOf < dec31 ? calendar.countWorkingDays(maxDate(addDays(asOf, 1), jan1), dec31) : 0,
  };
}

/**
 * A metric's figures for `period` as of `asOf`: the period's plan, its plan
 * up to as-of and its actual (`period.totals`, entries up to as-of), the year
 * to date (`ytdTotals`), the annual total, and what they imply.
 */
export function metricFigures(basis: PlanBasis, metric: string, period: Span, asOf: IsoDate, ytdTotals: ReadonlyMap<string, TypeTotals>, clock = yearClock(basis, asOf)): MetricFigures {
  const annual = metricAnnual(basis, metric);
  const ytdPlan = metricPlan(basis, metric, clock.jan1, clock.ytdEnd);
  const ytdActual = metricActual(metric, ytdTotals);
  return {
    metric,
    period: {
      plan: metricPlan(basis, metric, period.from, period.to),
      planToDate: metricPlan(basis, metric, period.from, minDate(asOf, period.to)),
      actual: metricActual(metric, period.totals),
    },
    ytd: { plan: ytdPlan, actual: ytdActual },
    annual,
    status: standingOf(ytdActual, ytdPlan),
    bufferDays: bufferDays(ytdActual, ytdPlan, annual, clock.workingDaysInYear),
    projection: projection(ytdActual, clock.elapsedWorkingDays, clock.workingDaysInYear),
    requiredPerWeek: requiredPerWeek(annual, ytdActual, clock.remainingWorkingDays, basis.plan.workdays.length),
  };
}

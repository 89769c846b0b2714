/**
 * The year report as data: the cumulative road of plan against actual per
 * metric, each week's actual against its plan, the funnel's conversion, and
 * commitments kept week by week. Charts are drawn from this by the renderer.
 */
import { buildConversion } from "./audit.js";
import type { Forecast } from "./forecast.js";
import type { Pipeline } from "./pipeline.js";
import type { CommitmentView } from "./commitments.js";
import { addDays, isoWeekOf, maxDate, minDate, mondayOf, type IsoDate } from "./dates.js";
import type { TypeTotals } from "./entry.js";
import { metricActual, metricAnnual, metricPlan, trackedMetrics, type PlanBasis } from "./metrics.js";

export interface WeekPoint {
  week: string;
  /** Monday of the week (may fall in the previous year for week 1). */
  monday: IsoDate;
  /** The last day of the week inside the year. */
  end: IsoDate;
  plan: number;
  /** Null for weeks that have not started by as-of. */
  actual: number | null;
  cumulativePlan: number;
  cumulativeActual: number | null;
}

export interface MetricSeries {
  metric: string;
  annual: number;
  ytdPlan: number;
  ytdActual: number;
  weeks: WeekPoint[];
}

export interface FunnelStage {
  from: string;
  to: string;
  planned: number;
  /** Year to date; null when the earlier stage has none. */
  actual: number | null;
}

export interface CommitmentWeek {
  week: string;
  kept: number;
  missed: number;
  open: number;
}

export interface Report {
  year: number;
  asOf: IsoDate;
  metrics: MetricSeries[];
  funnel: FunnelStage[];
  commitments: CommitmentWeek[];
  /** The pipeline on as-of, when the file names any deal. */
  pipeline?: Pipeline | null;
  /** The year-end forecast on as-of (a band on the revenue and deals roads). */
  forecast?: Forecast | null;
}

export interface ReportInput extends PlanBasis {
  /** Last day counted as done: today, or Dec 31 for a past year. */
  asOf: IsoDate;
  ytdTotals: ReadonlyMap<string, TypeTotals>;
  commitments: readonly CommitmentView[];
}

/** The ISO weeks touching `year`, each clipped to the year: Monday, and its first and last day in the year. */
export function weeksOfYear(year: number): { week: string; monday: IsoDate; from: IsoDate; to: IsoDate }[] {
  const jan1 = `${year}-01-01`;
  const dec31 = `${year}-12-31`;
  const out = [];
  for (let monday = mondayOf(jan1); monday <= dec31; monday = addDays(monday, 7)) {
    out.push({ week: isoWeekOf(monday), monday, from: maxDate(monday, jan1), to: minDate(addDays(monday, 6), dec31) });
  }
  return out;
}

/**
 * Builds the report. A week's actual counts entries of its days inside the
 * year (the ISO week 1 that starts in December counts only its January days);
 * `totalsBetween` supplies the entry totals of a span of days.
 */
export function buildReport(input: ReportInput, totalsBetween: (from: IsoDate, to: IsoDate) => ReadonlyMap<string, TypeTotals>): Report {
  const { plan, asOf } = input;
  const weeks = weeksOfYear(plan.year);
  const totalsOfWeek = weeks.map((w) => (w.from <= asOf ? totalsBetween(w.from, minDate(w.to, asOf)) : null));
  const metrics = trackedMetrics(input).map((metric): MetricSeries => {
    // The opening balance is already done when the year's road starts.
    const opening = input.schedule.openingOf(metric);
    let cumulativePlan = opening;
    let cumulativeActual = opening;
    const points = weeks.map((w, i): WeekPoint => {
      const weekPlan = metricPlan(input, metric, w.from, w.to);
      const totals = totalsOfWeek[i];
      const actual = totals ? metricActual(metric, totals) : null;
      cumulativePlan += weekPlan;
      if (actual !== null) cumulativeActual += actual;
      return { week: w.week, monday: w.monday, end: w.to, plan: weekPlan, actual, cumulativePlan, cumulativeActual: actual === null ? null : cumulativeActual };
    });
    return {
      metric,
      annual: metricAnnual(input, metric, asOf),
      ytdPlan: opening + metricPlan(input, metric, `${plan.year}-01-01`, asOf),
      ytdActual: opening + metricActual(metric, input.ytdTotals),
      weeks: points,
    };
  });
  const funnel = buildConversion(plan, input.ytdTotals).stages.map((s) => ({ from: s.from, to: s.to, planned: s.planned, actual: s.actual }));
  return { year: plan.year, asOf, metrics, funnel, commitments: commitmentsByWeek(input.commitments, plan.year) };
}

/** Commitments due in `year`, counted by the ISO week of their due date; dropped ones are left out. */
export function commitmentsByWeek(commitments: readonly CommitmentView[], year: number): CommitmentWeek[] {
  const byWeek = new Map<string, CommitmentWeek>();
  for (const c of commitments) {
    if (c.status === "dropped" || Number(c.due.slice(0, 4)) !== year) continue;
    const week = isoWeekOf(c.due);
    const row = byWeek.get(week) ?? { week, kept: 0, missed: 0, open: 0 };
    row[c.status]++;
    byWeek.set(week, row);
  }
  return [...byWeek.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
}

/**
 * Spreading a plan over time: annual totals → months (largest remainder) →
 * daily targets on working days → any span of days (weeks, year to date).
 */
import { CASCADE_METRICS, computeAnnual, type AnnualTotals, type CascadeMetric, type PlanInput } from "./cascade.js";
import { monthKey, monthRange, workingDaysByMonth, type WorkCalendar } from "./calendar.js";
import { maxDate, minDate, mondayOf, addDays, type IsoDate } from "./dates.js";

export interface MonthPlan {
  month: string;
  workingDays: number;
  revenue: number;
  deals: number;
  opportunities: number;
  meetings: number;
  calls: number;
}

export interface Plan extends PlanInput {
  annual: AnnualTotals;
  months: MonthPlan[];
}

/**
 * Splits a whole `total` over `weights` in whole units so the parts add up
 * to `total` exactly: each part gets the floor of its share, and the units
 * left over go to the largest remainders (ties to the earlier part).
 */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q + 1e-9));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas
    .map((q, i) => ({ i, rest: q - (parts[i] as number) }))
    .sort((a, b) => (Math.abs(a.rest - b.rest) < 1e-9 ? a.i - b.i : b.rest - a.rest));
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** The cascade and its month-by-month split for `input` on `calendar`. */
export function buildPlan(input: PlanInput, calendar: WorkCalendar): Plan {
  const annual = computeAnnual(input);
  const workingDays = workingDaysByMonth(input.year, calendar);
  const weights = workingDays.map((days, i) => days * (input.seasonality[i] ?? 1));
  const split = (total: number | null) => splitLargestRemainder(Math.round(total ?? 0), weights);
  const byMetric = {
    revenue: split(annual.revenue),
    deals: split(annual.deals),
    opportunities: split(annual.opportunities),
    meetings: split(annual.meetings),
    calls: split(annual.calls),
  };
  const months = workingDays.map((days, i) => ({
    month: monthKey(input.year, i + 1),
    workingDays: days,
    revenue: byMetric.revenue[i] as number,
    deals: byMetric.deals[i] as number,
    opportunities: byMetric.opportunities[i] as number,
    meetings: byMetric.meetings[i] as number,
    calls: byMetric.calls[i] as number,
  }));
  return { ...input, annual, months };
}

/** The annual total of one cascade metric (0 for revenue when the plan has none). */
export function annualOf(plan: Plan, metric: CascadeMetric): number {
  return plan.annual[metric] ?? 0;
}

/** A metric's target on one day: its month's target over the month's working days; 0 off work or outside the year. */
export function dailyTarget(plan: Plan, metric: CascadeMetric, date: IsoDate, calendar: WorkCalendar): number {
  if (Number(date.slice(0, 4)) !== plan.year || !calendar.isWorkingDay(date)) return 0;
  const month = plan.months[Number(date.slice(5, 7)) - 1];
  if (!month || month.workingDays === 0) return 0;
  return month[metric] / month.workingDays;
}

/** Sum of a metric's daily targets from `from` to `to` (both included), within the plan year. */
export function planBetween(plan: Plan, metric: CascadeMetric, from: IsoDate, to: IsoDate, calendar: WorkCalendar): number {
  const start = maxDate(from, `${plan.year}-01-01`);
  const end = minDate(to, `${plan.year}-12-31`);
  if (start > end) return 0;
  // A month's daily target is the same on each of its working days, so each
  // month in the span adds that target times its working days in the span.
  let total = 0;
  for (let month = Number(start.slice(5, 7)), last = Number(end.slice(5, 7)); month <= last; month++) {
    const m = plan.months[month - 1];
    if (!m || m.workingDays === 0) continue;
    const range = monthRange(plan.year, month);
    total += (m[metric] / m.workingDays) * calendar.countWorkingDays(maxDate(start, range.from), minDate(end, range.to));
  }
  return total;
}

/**
 * A custom type's plan between two dates: its weekly target spread evenly
 * over each week's working days, counted on the working days in the span.
 */
export function weeklyTargetBetween(weeklyTarget: number, from: IsoDate, to: IsoDate, calendar: WorkCalendar): number {
  let total = 0;
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const inWeek = calendar.countWorkingDays(monday, sunday);
    if (inWeek === 0) continue;
    const counted = calendar.countWorkingDays(maxDate(monday, from), minDate(sunday, to));
    total += (weeklyTarget * counted) / inWeek;
  }
  return total;
}

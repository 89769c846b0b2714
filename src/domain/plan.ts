/**
 * A year's plan as the pages show it: the cascade of the plan in effect,
 * and each month's targets, the sums of the schedule's daily targets.
 */
import { computeAnnual, type AnnualTotals, type CascadeMetric, type PlanInput } from "./cascade.js";
import { monthKey, monthRange } from "./calendar.js";
import { maxDate } from "./dates.js";
import type { Schedule } from "./schedule.js";

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
 * left over go to the largest remainders (ties to the earlier part). Text
 * pages show month figures this way, so they still add up to the year.
 */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const quotas = weights.map((w) => (total * w) / sum);
  const parts = quotas.map((q) => Math.floor(q + 1e-9));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((q, i) => ({ i, rest: q - (parts[i] as number) })).sort((a, b) => (Math.abs(a.rest - b.rest) < 1e-9 ? a.i - b.i : b.rest - a.rest));
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/** The plan `input` (in effect now) with its cascade, and the months of `schedule`: exact sums of their days. */
export function buildPlan(input: PlanInput, schedule: Schedule): Plan {
  const months = Array.from({ length: 12 }, (_, i) => {
    const { from, to } = monthRange(schedule.year, i + 1);
    const sum = (metric: CascadeMetric) => schedule.planBetween(metric, from, to);
    return {
      month: monthKey(schedule.year, i + 1),
      // The plan's working days: none before its start.
      workingDays: schedule.workingDaysBetween(maxDate(from, schedule.start), to),
      revenue: sum("revenue"),
      deals: sum("deals"),
      opportunities: sum("opportunities"),
      meetings: sum("meetings"),
      calls: sum("calls"),
    };
  });
  return { ...input, annual: computeAnnual(input), months };
}

/** The annual total of one cascade metric (0 for revenue when the plan has none). */
export function annualOf(plan: Plan, metric: CascadeMetric): number {
  return plan.annual[metric] ?? 0;
}

/** The plan in effect on `date` (the first plan before its start), with the schedule's months. */
export function planOn(schedule: Schedule, date: string): Plan {
  return buildPlan(schedule.revisionAt(date).input, schedule);
}

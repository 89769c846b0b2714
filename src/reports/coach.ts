/** The coach's loader: the window's counts, the plan in effect, what the year still needs, the levers and the sales-cycle lag. */
import {
  callsPerWeekNeeded,
  lastUsefulDay,
  observeStages,
  rankLevers,
  workingRates,
  type Coach,
  type CoachWindow,
  type Cycle,
  type Lag,
  type PlanRates,
  type StillNeeded,
  type WindowCounts,
} from "../domain/coach.js";
import { CASCADE_METRICS, type CascadeMetric } from "../domain/cascade.js";
import { addDays, daysBetween, type IsoDate } from "../domain/dates.js";
import { failure, usageError } from "../domain/errors.js";
import { metricActual } from "../domain/metrics.js";
import { median } from "../domain/pipeline.js";
import { planOn } from "../domain/plan.js";
import type { Schedule } from "../domain/schedule.js";
import type { Db } from "../store/connection.js";
import { totalsBetween } from "../store/entries.js";
import { wonDealSpans } from "../store/opportunities.js";
import { loadPlan, type LoadedPlan } from "../store/plans.js";
import { getSetting } from "../store/settings.js";

/** `--window ytd|90d|Nd` (N 7–3650) as the span of days ending on `today`; ytd starts on Jan 1 (or the plan's start). */
export function parseWindow(input: string | undefined, today: IsoDate, planStart: IsoDate): CoachWindow {
  const text = (input ?? "ytd").trim().toLowerCase();
  if (text === "ytd") {
    const from = planStart > today ? today : planStart;
    return { kind: "ytd", from, to: today, days: daysBetween(from, today) + 1 };
  }
  const m = /^(\d+)\s*d$/.exec(text);
  const days = m ? Number(m[1]) : Number.NaN;
  if (!(Number.isInteger(days) && days >= 7 && days <= 3650))
    throw usageError(`--window '${input}' is not ytd or a number of days from 7 to 3650`, "e.g. --window ytd, --window 90d");
  return { kind: "days", from: addDays(today, -(days - 1)), to: today, days };
}

export function loadCycle(db: Db, year: number, asOf: IsoDate): Cycle {
  const until = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const spans = wonDealSpans(db, `${year}-01-01`, until);
  const setting = Number(getSetting(db, "sales-cycle") ?? "30");
  const observed = median(spans);
  const fallback = Number.isInteger(setting) && setting > 0 ? setting : 30;
  return { observed, won: spans.length, setting: fallback, days: observed ?? fallback };
}

/** The last working day of the plan year (null when the plan has none). */
export function lastWorkingDay(schedule: Schedule): IsoDate | null {
  for (let day = `${schedule.year}-12-31`; day >= `${schedule.year}-01-01`; day = addDays(day, -1)) if (schedule.isWorkingDay(day)) return day;
  return null;
}

export function loadLag(db: Db, loaded: LoadedPlan, asOf: IsoDate): Lag {
  const cycle = loadCycle(db, loaded.schedule.year, asOf);
  const last = lastWorkingDay(loaded.schedule);
  const useful = last === null ? null : lastUsefulDay(last, cycle.days);
  return {
    lastUsefulDay: useful,
    cycleDays: cycle.days,
    cycleObserved: cycle.observed !== null,
    passed: useful !== null && asOf > useful,
    nextYear: loaded.schedule.year + 1,
  };
}

/** The plan's rates in effect on `day`. */
export function planRatesOn(loaded: LoadedPlan, day: IsoDate): PlanRates {
  const plan = planOn(loaded.schedule, day);
  return {
    callRate: plan.callRate,
    meetingRate: plan.meetingRate,
    winRate: plan.winRate,
    dealSize: plan.dealSizeCents === null ? null : plan.dealSizeCents / 100,
  };
}

/** What the plan still needs by Dec 31 as of `asOf`, and the working weeks left after it. */
export function stillNeeded(db: Db, loaded: LoadedPlan, asOf: IsoDate): StillNeeded & { remainingWeeks: number } {
  const { schedule } = loaded;
  const dec31 = `${schedule.year}-12-31`;
  const done = doneSoFar(db, loaded, asOf);
  const left = (metric: "revenue" | "deals") => schedule.annual(metric, asOf) - done[metric];
  const workdays = schedule.revisionAt(asOf).input.workdays.length;
  const remainingDays = asOf < dec31 ? schedule.workingDaysBetween(addDays(asOf, 1), dec31) : 0;
  const revenue = schedule.metrics().includes("revenue") ? Math.max(0, left("revenue")) : null;
  const { unit, dealSizeCents } = schedule.revisionAt(asOf).input;
  return {
    revenue,
    // SPEC: the deals still needed are the revenue still needed ÷ the deal size (a deals plan: its deals less those won).
    deals: unit === "revenue" && revenue !== null && dealSizeCents !== null ? revenue / (dealSizeCents / 100) : Math.max(0, left("deals")),
    remainingWeeks: workdays > 0 ? remainingDays / workdays : 0,
  };
}

/** Per cascade metric, what is done this year by `asOf`: the opening balance and the entries. */
export function doneSoFar(db: Db, loaded: LoadedPlan, asOf: IsoDate): Record<CascadeMetric, number> {
  const { schedule } = loaded;
  const jan1 = `${schedule.year}-01-01`;
  const dec31 = `${schedule.year}-12-31`;
  const until = asOf < dec31 ? asOf : dec31;
  const ytd = until >= jan1 ? totalsBetween(db, jan1, until) : new Map();
  return Object.fromEntries(CASCADE_METRICS.map((m) => [m, schedule.openingOf(m) + metricActual(m, ytd)])) as Record<CascadeMetric, number>;
}

/** Reads the window and the plan and builds the coach; exit 1 without a plan for the year. */
export function loadCoach(db: Db | null, today: IsoDate, windowFlag: string | undefined): Coach {
  const year = Number(today.slice(0, 4));
  const loaded = db ? loadPlan(db, year) : null;
  if (!db || !loaded)
    throw failure(
      `no plan for ${year}`,
      `the coach compares your numbers with a plan: acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%`,
    );
  const window = parseWindow(windowFlag, today, loaded.first.start);
  const totals = totalsBetween(db, window.from, window.to);
  const counts: WindowCounts = {
    calls: metricActual("calls", totals),
    meetings: metricActual("meetings", totals),
    opportunities: metricActual("opportunities", totals),
    deals: metricActual("deals", totals),
    revenue: metricActual("revenue", totals),
  };
  const planned = planRatesOn(loaded, today);
  const stages = observeStages(counts, planned);
  const observedDealSize = counts.deals > 0 && counts.revenue > 0 ? counts.revenue / counts.deals : null;
  const rates = workingRates(stages, observedDealSize, planned);
  const need = stillNeeded(db, loaded, today);
  const workdays = loaded.schedule.revisionAt(today).input.workdays.length;
  // The calendar, not the plan year's schedule: a 90-day window may reach back into last year.
  let windowDays = 0;
  for (let day = window.from; day <= window.to; day = addDays(day, 1)) if (loaded.calendar.isWorkingDay(day)) windowDays++;
  const windowWeeks = workdays > 0 ? windowDays / workdays : 0;
  const callsPerWeek = windowWeeks > 0 ? counts.calls / windowWeeks : 0;
  return {
    asOf: today,
    year,
    window,
    counts,
    stages,
    dealSize: { observed: observedDealSize, deals: counts.deals, planned: planned.dealSize },
    cycle: loadCycle(db, year, today),
    callsPerWeek,
    needed: {
      ...need,
      callsPerWeek: {
        observed: callsPerWeekNeeded(need, rates, need.remainingWeeks),
        planned: callsPerWeekNeeded(need, { ...planned }, need.remainingWeeks),
      },
    },
    levers: rankLevers(rates, need, callsPerWeek, need.remainingWeeks),
    lag: loadLag(db, loaded, today),
  };
}

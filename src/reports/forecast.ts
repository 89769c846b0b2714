/** The forecast's loader: the inputs SPEC's simulation needs, read from the store on as-of, and the band they give. */
import { addDays, mondayOf, type IsoDate } from "../domain/dates.js";
import { metricActual } from "../domain/metrics.js";
import { FORECAST_RUNS, forecastSeed, forecastYear, type Forecast } from "../domain/forecast.js";
import { planOn } from "../domain/plan.js";
import type { Db } from "../store/connection.js";
import { dealAmountsBetween, totalsBetween } from "../store/entries.js";
import { planInEffectOn, type LoadedPlan } from "../store/plans.js";
import { weeklyTotalsBetween } from "../store/weekly-totals.js";
import { loadDeals, pipelineSettings } from "./pipeline.js";
import type { DealView } from "../domain/pipeline.js";

/** How many complete weeks the calls are resampled from, and how many weeks with entries make a history the simulation trusts. */
const RECENT_WEEKS = 12;
const TRUSTED_WEEKS = 4;

/**
 * The year-end forecast on `asOf` (SPEC "Coach", Forecast): calls resampled
 * from the last 12 complete ISO weeks with a working day, the year's stage
 * rates and deal sizes, and the open deals expected to close by Dec 31.
 */
export function loadForecast(db: Db, current: LoadedPlan, asOf: IsoDate, deals?: DealView[]): Forecast {
  // Forward-looking: the plan in effect on as-of, not a revision made after it (a past audit reads the same).
  const loaded = planInEffectOn(db, current, asOf);
  const { schedule, calendar } = loaded;
  const year = schedule.year;
  const jan1 = `${year}-01-01`;
  const dec31 = `${year}-12-31`;
  const until = asOf < dec31 ? asOf : dec31;
  const ytd = until >= jan1 ? totalsBetween(db, jan1, until) : new Map();

  // The last 12 complete weeks before as-of's week that had a working day, oldest first. A plan that starts after
  // Jan 1 has its earlier work in the opening balance, not in entries: weeks before its start would read as zeros.
  const firstDay = schedule.start > jan1 ? schedule.start : "0000-01-01";
  const mondays: IsoDate[] = [];
  for (let monday = addDays(mondayOf(asOf), -7), looked = 0; mondays.length < RECENT_WEEKS && looked < 104; monday = addDays(monday, -7), looked++) {
    if (addDays(monday, 6) < firstDay) break;
    if ([0, 1, 2, 3, 4, 5, 6].some((d) => addDays(monday, d) >= firstDay && calendar.isWorkingDay(addDays(monday, d)))) mondays.unshift(monday);
  }
  const weeks = mondays.length === 0 ? [] : weeklyTotalsBetween(db, mondays[0] as IsoDate, addDays(mondays.at(-1) as IsoDate, 7));
  const byMonday = new Map(weeks.map((w) => [w.monday, w.totals]));
  const recentWeeklyCalls = mondays.map((m) => byMonday.get(m)?.get("call")?.count ?? 0);
  const recentWithEntries = mondays.filter((m) => [...(byMonday.get(m)?.values() ?? [])].some((t) => t.entries > 0)).length;
  // The plan's calls stand in for a newcomer's missing history, not for a seller who logged for weeks and stopped:
  // with 4 or more weeks of entries this year, the recent weeks (zeros included) are what they are.
  const yearWeeks = weeklyTotalsBetween(db, mondayOf(jan1), mondayOf(asOf)).filter((w) => [...w.totals.values()].some((t) => t.entries > 0)).length;
  const weeksWithEntries = yearWeeks >= TRUSTED_WEEKS ? Math.max(recentWithEntries, TRUSTED_WEEKS) : recentWithEntries;

  const workdays = schedule.revisionAt(asOf).input.workdays.length;
  const remainingDays = asOf < dec31 ? schedule.workingDaysBetween(addDays(asOf, 1), dec31) : 0;
  const remainingWeeks = workdays > 0 ? remainingDays / workdays : 0;
  const plannedWeeklyCalls = remainingWeeks > 0 ? schedule.planBetween("calls", addDays(asOf, 1), dec31) / remainingWeeks : 0;
  const plan = planOn(schedule, asOf);
  const hasRevenue = schedule.metrics().includes("revenue");

  const probability = new Map(pipelineSettings(db).stages.map((s) => [s.name, s.probability]));
  const openDeals = (deals ?? loadDeals(db, asOf, undefined, year))
    .filter((d) => d.status === "open" && d.close !== null && d.close <= dec31)
    .map((d) => ({ value: d.valueCents / 100, probability: probability.get(d.stage) ?? 0 }));

  return forecastYear({
    recentWeeklyCalls,
    weeksWithEntries,
    plannedWeeklyCalls,
    remainingWeeks,
    ytd: {
      calls: metricActual("calls", ytd),
      meetings: metricActual("meetings", ytd),
      opportunities: metricActual("opportunities", ytd),
      deals: metricActual("deals", ytd),
    },
    plannedRates: { call: plan.callRate, meeting: plan.meetingRate, win: plan.winRate },
    wonDealSizes: until >= jan1 ? dealAmountsBetween(db, jan1, until) : [],
    plannedDealSize: plan.dealSizeCents === null ? null : plan.dealSizeCents / 100,
    revenueSoFar: schedule.openingOf("revenue") + metricActual("revenue", ytd),
    dealsSoFar: schedule.openingOf("deals") + metricActual("deals", ytd),
    openDeals,
    target: { revenue: hasRevenue ? schedule.annual("revenue", asOf) : null, deals: schedule.annual("deals", asOf) },
    runs: FORECAST_RUNS,
    seed: forecastSeed(year, asOf),
  });
}

/** The status glance's loader: this week and today from the store, the streak as the audit counts it. */
import { commitmentToJson, dueSoon } from "../domain/commitments.js";
import { addDays, maxDate, mondayOf, type IsoDate } from "../domain/dates.js";
import { auditYear } from "../domain/audit.js";
import { buildGlance, findNextBlock, type StatusData } from "../domain/status.js";
import { blockActivities, computeAdherence } from "../domain/blocks.js";
import { listBlockMarks, listBlocks, loggedTypesBetween } from "../store/blocks.js";
import { loadCommitments } from "../store/commitments.js";
import type { Db } from "../store/connection.js";
import { totalsBetween } from "../store/entries.js";
import { loadPlan, type LoadedPlan } from "../store/plans.js";
import { planOn } from "../domain/plan.js";
import { auditedPlan, loadAudit, resolveAuditedWeek, todayShareOf } from "./audit.js";
import { hasOpportunities } from "../store/opportunities.js";
import { loadDeals, loadPipeline } from "./pipeline.js";
import { loadForecast } from "./forecast.js";

/** Commitments due within this many days are shown. */
const DUE_SOON_DAYS = 7;
/** A missed commitment stays on the page this long unless it is carried on or dropped. */
const OVERDUE_DAYS = 14;

/** Gathers the glance from the data file, or null when there is no plan for this year. */
export function loadStatus(db: Db, today: IsoDate, nowMinutes: number): StatusData | null {
  const year = Number(today.slice(0, 4));
  const found = loadPlan(db, year);
  if (!found) return null;
  const { calendar, schedule } = found;
  const plan = planOn(schedule, today);
  const jan1 = `${year}-01-01`;
  // The week's plan stops at the year's edge, so its actual does too.
  const weekStart = maxDate(mondayOf(today), jan1);
  const glance = buildGlance({
    plan,
    calendar,
    schedule,
    today,
    share: todayShareOf(db, found, today, nowMinutes),
    todayTotals: totalsBetween(db, today, today),
    weekTotals: totalsBetween(db, weekStart, today),
    ytdTotals: totalsBetween(db, jan1, today),
  });
  const horizon = addDays(today, 14);
  const blocks = listBlocks(db);
  const nextBlock = findNextBlock(blocks, listBlockMarks(db, today, horizon), calendar, today, nowMinutes);
  // The audit's week, counted as the audit counts it.
  const monday = mondayOf(today);
  const weekBlocks = computeAdherence({
    blocks,
    marks: listBlockMarks(db, monday, today),
    logged: loggedTypesBetween(db, monday, today, blockActivities(blocks)),
    calendar,
    from: monday,
    asOf: today,
    nowMinutes,
  });
  const commitments = loadCommitments(db, today, addDays(today, -OVERDUE_DAYS));
  const deals = loadDeals(db, today, undefined, year);
  const soon = dueSoon(commitments, today, addDays(today, DUE_SOON_DAYS)).map(commitmentToJson);
  // Missed but never carried on or dropped: still the user's to deal with.
  const overdue = commitments.filter((c) => c.status === "missed" && c.carriedTo === null && c.due >= addDays(today, -OVERDUE_DAYS)).map(commitmentToJson);
  return {
    glance,
    nextBlock,
    blocks: weekBlocks,
    dueSoon: soon,
    overdue,
    streak: streakOf(db, today, nowMinutes, found),
    pipeline: loadPipeline(db, today, found, undefined, deals),
    forecast: loadForecast(db, found, today, deals),
    hasDeals: hasOpportunities(db),
  };
}

/** Weeks on plan, as the audit counts them; null when this ISO week's year has no plan (early January). */
function streakOf(db: Db, today: IsoDate, nowMinutes: number, found: LoadedPlan): number | null {
  const week = resolveAuditedWeek({}, today);
  // This year's plan, already loaded, unless the ISO week belongs to another year (early January).
  const plan = auditYear(week.week) === found.plan.year ? found : auditedPlan(db, week);
  return plan ? loadAudit(db, week, today, nowMinutes, plan, { lean: true }).celebrations.streak : null;
}

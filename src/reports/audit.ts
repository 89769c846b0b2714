/** The audit's loader: which period, as of when, against which year's plan; reads the store and calls the domain. */
import { auditWindow, auditYear, buildAudit, firstStreakWeek, type Audit, type AuditPeriod } from "../domain/audit.js";
import { isoWeekOf, type IsoDate } from "../domain/dates.js";
import { failure, usageError } from "../domain/errors.js";
import { parseDate, parseMonth, parseQuarter, parseWeek, parseYear } from "../domain/parse.js";
import { blockActivities, DAY_MINUTES } from "../domain/blocks.js";
import { listBlockMarks, listBlocks, loggedTypesBetween } from "../store/blocks.js";
import { loadCommitments } from "../store/commitments.js";
import type { Db } from "../store/connection.js";
import { totalsBetween } from "../store/entries.js";
import { loadPlan, type LoadedPlan } from "../store/plans.js";
import { getDayStart } from "../store/settings.js";
import { todayShare } from "../domain/metrics.js";
import { planOn } from "../domain/plan.js";
import { latestReviews, previousReview, reviewsBetween } from "../store/reviews.js";
import { buddyNoteBefore } from "../store/buddy-notes.js";
import { bestWeeksBefore, weeklyTotalsBetween } from "../store/weekly-totals.js";
import { hasOpportunities } from "../store/opportunities.js";
import { loadDeals, loadPipeline } from "./pipeline.js";
import { loadLag } from "./coach.js";
import { loadForecast } from "./forecast.js";

/** The week to audit, as the user named it: an ISO week, or any date in it. */
export interface WeekChoice {
  week?: string;
  date?: string;
}

/** The period to audit: a week (or the week of a date), a month, a quarter or a year. */
export interface PeriodChoice extends WeekChoice {
  month?: string;
  quarter?: string;
  year?: string;
}

export interface AuditedPeriod extends AuditPeriod {
  /** The ISO week: the audited one, or the week of as-of for a longer period. */
  week: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
}

/** Kept for the commands that audit a week: a period of kind `week`. */
export type AuditedWeek = AuditedPeriod;

/** The week `--week`/`--date` name (default: this week) and its as-of date; a future week is refused. */
export function resolveAuditedWeek(choice: WeekChoice, today: IsoDate): AuditedPeriod {
  if (choice.week !== undefined && choice.date !== undefined) throw usageError("give --week or --date, not both");
  const week = choice.week !== undefined ? parseWeek(choice.week).week : isoWeekOf(choice.date !== undefined ? parseDate(choice.date, today) : today);
  const { from } = parseWeek(week);
  const window = auditWindow(from, today);
  if (!window) throw usageError(`week ${week} has not started yet (today is ${today})`, "audit this week or an earlier one");
  return { kind: "week", id: week, week, ...window };
}

/** The period the flags name (one of --week/--date, --month, --quarter, --year; default this week); a future one is refused. */
export function resolveAuditedPeriod(choice: PeriodChoice, today: IsoDate): AuditedPeriod {
  const longer = (["month", "quarter", "year"] as const).filter((k) => choice[k] !== undefined);
  if (longer.length === 0) return resolveAuditedWeek(choice, today);
  if (longer.length > 1 || choice.week !== undefined || choice.date !== undefined) throw usageError("give one of --week, --date, --month, --quarter or --year");
  const kind = longer[0] as "month" | "quarter" | "year";
  const value = choice[kind] as string;
  const range =
    kind === "month"
      ? parseMonth(value)
      : kind === "quarter"
        ? parseQuarter(value)
        : { id: String(parseYear(value)), from: `${parseYear(value)}-01-01`, to: `${parseYear(value)}-12-31` };
  if (range.from > today) throw usageError(`${kind} ${range.id} has not started yet (today is ${today})`, `audit this ${kind} or an earlier one`);
  const asOf = range.to < today ? range.to : today;
  return { kind, id: range.id, week: isoWeekOf(asOf), from: range.from, to: range.to, asOf };
}

/**
 * The plan a week is audited against: its ISO year's; for late December in a
 * week 01 (or early January in a week 52/53) without one, the as-of date's own year.
 */
export function auditedPlan(db: Db, target: AuditedPeriod): LoadedPlan | null {
  if (target.kind !== "week") return loadPlan(db, Number(target.from.slice(0, 4)));
  const isoYear = auditYear(target.week);
  const asOfYear = Number(target.asOf.slice(0, 4));
  return loadPlan(db, isoYear) ?? (asOfYear !== isoYear ? loadPlan(db, asOfYear) : null);
}

/** How much of today's working hours has passed, from the `day-start` setting and the plan's hours a day. */
export function todayShareOf(db: Db, loaded: LoadedPlan, today: IsoDate, nowMinutes: number): number {
  return todayShare(nowMinutes, getDayStart(db), loaded.schedule.revisionAt(today).input.hoursPerDay);
}

/**
 * Reads everything the audit needs (as SQL aggregates) and builds it; exit 1
 * when the year has no plan. `nowMinutes` is the clock's time of day on
 * `today`: a past period's as-of is over, so all its blocks have ended.
 */
export function loadAudit(db: Db | null, target: AuditedPeriod, today: IsoDate, nowMinutes: number, plan?: LoadedPlan, { lean = false } = {}): Audit {
  const loaded = plan ?? (db ? auditedPlan(db, target) : null);
  const year = loaded?.plan.year ?? (target.kind === "week" ? auditYear(target.week) : Number(target.from.slice(0, 4)));
  if (!db || !loaded)
    throw failure(
      `no plan for ${year}`,
      `set one first, e.g. acct plan set --year ${year} --target 1200000 --deal-size 40000 --win-rate 25% --meeting-rate 50% --call-rate 10%`,
    );
  const jan1 = `${year}-01-01`;
  const ytdEnd = target.asOf < `${year}-12-31` ? target.asOf : `${year}-12-31`;
  const blocks = listBlocks(db);
  const audit = buildAudit({
    period: { kind: target.kind, id: target.id },
    reviews: target.kind === "week" ? [] : reviewsBetween(db, isoWeekOf(target.from), isoWeekOf(target.asOf)),
    // The forward-looking figures (annual, rates, the weakest stage's cost) take the plan in effect at as-of.
    plan: planOn(loaded.schedule, target.asOf),
    calendar: loaded.calendar,
    schedule: loaded.schedule,
    week: target.week,
    from: target.from,
    to: target.to,
    asOf: target.asOf,
    share: target.asOf === today ? todayShareOf(db, loaded, today, nowMinutes) : 1,
    weekTotals: totalsBetween(db, target.from, target.asOf),
    ytdTotals: ytdEnd >= jan1 ? totalsBetween(db, jan1, ytdEnd) : new Map(),
    yearWeeks: weeklyTotalsBetween(db, firstStreakWeek(year), target.from),
    bestWeeks: bestWeeksBefore(db, target.from),
    blocks,
    blockMarks: listBlockMarks(db, target.from, target.asOf),
    loggedTypes: loggedTypesBetween(db, target.from, target.asOf, blockActivities(blocks)),
    nowMinutes: target.asOf === today ? nowMinutes : DAY_MINUTES,
    commitments: loadCommitments(db, today, target.from),
    lastChange: previousReview(db, target.kind === "week" ? target.week : isoWeekOf(target.from))?.change ?? null,
    latestReviews:
      target.kind === "week" ? latestReviews(db, target.week, 3).map(({ week, rating, wins, misses, change }) => ({ week, rating, wins, misses, change })) : [],
    // A note is about a week; audits of later weeks show it, until the next note.
    buddyNote: buddyNoteBefore(db, target.kind === "week" ? target.week : isoWeekOf(target.from)),
  });
  // A caller after the streak alone (status) skips the forward-looking sections.
  if (lean) return audit;
  // Coverage is of the revenue the audit itself says is still needed.
  const revenue = audit.metrics.find((m) => m.metric === "revenue");
  const needed = revenue ? revenue.annual - revenue.ytd.actual : null;
  const deals = loadDeals(db, target.asOf, undefined, loaded.schedule.year);
  return {
    ...audit,
    pipeline: loadPipeline(db, target.asOf, loaded, needed, deals),
    hasDeals: hasOpportunities(db),
    lag: loadLag(db, loaded, target.asOf),
    forecast: loadForecast(db, loaded, target.asOf, deals),
  };
}

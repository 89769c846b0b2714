/** The weekly audit's loader: which week, as of when, against which year's plan; reads the store and calls the domain. */
import { auditWindow, auditYear, buildAudit, firstStreakWeek, type Audit } from "../domain/audit.js";
import { isoWeekOf, type IsoDate } from "../domain/dates.js";
import { failure, usageError } from "../domain/errors.js";
import { parseDate, parseWeek } from "../domain/parse.js";
import { blockActivities, DAY_MINUTES } from "../domain/blocks.js";
import { listBlockMarks, listBlocks, loggedTypesBetween } from "../store/blocks.js";
import { loadCommitments } from "../store/commitments.js";
import type { Db } from "../store/connection.js";
import { totalsBetween } from "../store/entries.js";
import { listWeeklyTargets, loadPlan, type LoadedPlan } from "../store/plans.js";
import { previousReview } from "../store/reviews.js";
import { bestWeeksBefore, weeklyTotalsBetween } from "../store/weekly-totals.js";

/** The week to audit, as the user named it: an ISO week, or any date in it. */
export interface WeekChoice {
  week?: string;
  date?: string;
}

export interface AuditedWeek {
  week: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
}

/** The week `--week`/`--date` name (default: this week) and its as-of date; a future week is refused. */
export function resolveAuditedWeek(choice: WeekChoice, today: IsoDate): AuditedWeek {
  if (choice.week !== undefined && choice.date !== undefined) throw usageError("give --week or --date, not both");
  const week = choice.week !== undefined ? parseWeek(choice.week).week : isoWeekOf(choice.date !== undefined ? parseDate(choice.date, today) : today);
  const { from } = parseWeek(week);
  const window = auditWindow(from, today);
  if (!window) throw usageError(`week ${week} has not started yet (today is ${today})`, "audit this week or an earlier one");
  return { week, ...window };
}

/**
 * The plan a week is audited against: its ISO year's; for late December in a
 * week 01 (or early January in a week 52/53) without one, the as-of date's own year.
 */
export function auditedPlan(db: Db, target: AuditedWeek): LoadedPlan | null {
  const isoYear = auditYear(target.week);
  const asOfYear = Number(target.asOf.slice(0, 4));
  return loadPlan(db, isoYear) ?? (asOfYear !== isoYear ? loadPlan(db, asOfYear) : null);
}

/**
 * Reads everything the audit needs (as SQL aggregates) and builds it; exit 1
 * when the year has no plan. `nowMinutes` is the clock's time of day on
 * `today`: a past period's as-of is over, so all its blocks have ended.
 */
export function loadAudit(db: Db | null, target: AuditedWeek, today: IsoDate, nowMinutes: number): Audit {
  const loaded = db ? auditedPlan(db, target) : null;
  const year = loaded?.plan.year ?? auditYear(target.week);
  if (!db || !loaded) throw failure(`no plan for ${year}`, `set one first, e.g. acct plan set --year ${year} --target 1200000 --deal-size 40000 --win-rate 25% --meeting-rate 50% --call-rate 10%`);
  const jan1 = `${year}-01-01`;
  const ytdEnd = target.asOf < `${year}-12-31` ? target.asOf : `${year}-12-31`;
  const blocks = listBlocks(db);
  return buildAudit({
    plan: loaded.plan,
    calendar: loaded.calendar,
    weeklyTargets: listWeeklyTargets(db),
    week: target.week,
    from: target.from,
    to: target.to,
    asOf: target.asOf,
    weekTotals: totalsBetween(db, target.from, target.asOf),
    ytdTotals: ytdEnd >= jan1 ? totalsBetween(db, jan1, ytdEnd) : new Map(),
    yearWeeks: weeklyTotalsBetween(db, firstStreakWeek(year), target.from),
    bestWeeks: bestWeeksBefore(db, target.from),
    blocks,
    blockMarks: listBlockMarks(db, target.from, target.asOf),
    loggedTypes: loggedTypesBetween(db, target.from, target.asOf, blockActivities(blocks)),
    nowMinutes: target.asOf === today ? nowMinutes : DAY_MINUTES,
    commitments: loadCommitments(db, today),
    lastChange: previousReview(db, target.week)?.change ?? null,
  });
}

/** Per-week totals from `weekly_totals` (kept in step by triggers), for streaks and personal bests. */
import type { WeekTotals } from "../domain/audit.js";
import type { IsoDate } from "../domain/dates.js";
import type { TypeTotals } from "../domain/entry.js";
import type { Db } from "./connection.js";

/**
 * `weekly_totals`, or, in a file from before migration 3 that is read as it
 * is (a read-only file or folder is not upgraded), the same grouped from the
 * day totals.
 */
function weeklyTotalsTable(db: Db): string {
  const current = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'weekly_totals'").get() !== undefined;
  return current
    ? "weekly_totals"
    : `(SELECT date(date, 'weekday 0', '-6 days') AS monday, type, sum(count) AS count, total(amount) AS amount,
               sum(minutes) AS minutes, sum(entries) AS entries
        FROM daily_totals GROUP BY 1, 2)`;
}

/** Totals per ISO week (keyed by its Monday) and type, of the weeks starting `from` … before `before`. */
export function weeklyTotalsBetween(db: Db, from: IsoDate, before: IsoDate): WeekTotals[] {
  const rows = db
    .prepare(`SELECT monday, type, count, amount, minutes, entries FROM ${weeklyTotalsTable(db)} WHERE monday >= ? AND monday < ? ORDER BY monday`)
    .raw()
    .all(from, before) as [string, string, number, number, number, number][];
  const weeks: WeekTotals[] = [];
  let totals = new Map<string, TypeTotals>();
  for (const [monday, type, count, amountCents, minutes, entries] of rows) {
    if (weeks.at(-1)?.monday !== monday) weeks.push({ monday, totals: (totals = new Map()) });
    totals.set(type, { count, amountCents, minutes, entries });
  }
  return weeks;
}

/** Per type, the largest weekly count, amount, minutes and entries of any week before `before` (each its own week's). */
export function bestWeeksBefore(db: Db, before: IsoDate): Map<string, TypeTotals> {
  const rows = db
    .prepare(`SELECT type, max(count), max(amount), max(minutes), max(entries) FROM ${weeklyTotalsTable(db)} WHERE monday < ? GROUP BY type`)
    .raw()
    .all(before) as [string, number, number, number, number][];
  return new Map(rows.map(([type, count, amountCents, minutes, entries]) => [type, { count, amountCents, minutes, entries }]));
}

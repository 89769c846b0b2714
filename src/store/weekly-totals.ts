/** Per-week totals aggregated in SQL from `daily_totals`, for streaks and personal bests. */
import type { WeekTotals } from "../domain/audit.js";
import type { IsoDate } from "../domain/dates.js";
import type { TypeTotals } from "../domain/entry.js";
import type { Db } from "./connection.js";

/**
 * Totals per ISO week (keyed by its Monday) and type of entries dated up to
 * `to`: one GROUP BY over the day totals, however long the history.
 */
export function weeklyTotals(db: Db, to: IsoDate): WeekTotals[] {
  const rows = db
    .prepare(
      `SELECT date(date, 'weekday 0', '-6 days') AS monday, type, sum(count) AS count, sum(amount) AS amount,
              sum(minutes) AS minutes, sum(entries) AS entries
       FROM daily_totals WHERE date <= ? GROUP BY monday, type ORDER BY monday`,
    )
    .all(to) as { monday: string; type: string; count: number; amount: number; minutes: number; entries: number }[];
  const weeks = new Map<string, Map<string, TypeTotals>>();
  for (const r of rows) {
    let totals = weeks.get(r.monday);
    if (!totals) weeks.set(r.monday, (totals = new Map()));
    totals.set(r.type, { count: r.count, amountCents: r.amount, minutes: r.minutes, entries: r.entries });
  }
  return [...weeks].map(([monday, totals]) => ({ monday, totals }));
}

/**
 * The `entries` table and the `daily_totals` it keeps in step (by triggers).
 * Reports read the totals, never every entry.
 */
import type { IsoDate } from "../domain/dates.js";
import type { Entry, TypeTotals } from "../domain/entry.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

interface EntryRow {
  id: number;
  date: string;
  type: string;
  count: number;
  amount: number | null;
  minutes: number | null;
  contact: string | null;
  note: string | null;
}

const COLUMNS = "id, date, type, count, amount, minutes, contact, note";

function toEntry(row: EntryRow): Entry {
  return {
    id: row.id,
    date: row.date,
    type: row.type,
    count: row.count,
    amountCents: row.amount,
    minutes: row.minutes,
    contact: row.contact,
    note: row.note,
  };
}

export type NewEntry = Omit<Entry, "id">;

export function insertEntry(db: Db, entry: NewEntry, createdAt: string, journal: JournalEntry): Entry {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO entries (date, type, count, amount, minutes, contact, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(entry.date, entry.type, entry.count, entry.amountCents, entry.minutes, entry.contact, entry.note, createdAt);
  const id = Number(lastInsertRowid);
  journal.inserted("entries", { id });
  return { id, ...entry };
}

/** A live (not removed) entry by id, or null. */
export function getEntry(db: Db, id: number): Entry | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE id = ? AND deleted_at IS NULL`).get(id) as EntryRow | undefined;
  return row ? toEntry(row) : null;
}

export interface EntryFilter {
  from?: IsoDate;
  to?: IsoDate;
  type?: string;
}

/** Live entries matching the filter, oldest first. */
export function listEntries(db: Db, filter: EntryFilter = {}): Entry[] {
  const where = ["deleted_at IS NULL"];
  const params: Record<string, string> = {};
  if (filter.from) (where.push("date >= @from"), (params.from = filter.from));
  if (filter.to) (where.push("date <= @to"), (params.to = filter.to));
  if (filter.type) (where.push("type = @type"), (params.type = filter.type));
  const rows = db.prepare(`SELECT ${COLUMNS} FROM entries WHERE ${where.join(" AND ")} ORDER BY date, id`).all(params) as EntryRow[];
  return rows.map(toEntry);
}

interface TotalsRow {
  type: string;
  count: number;
  amount: number;
  minutes: number;
  entries: number;
}

/** Totals per type of live entries dated `from`…`to` (both included). */
export function totalsBetween(db: Db, from: IsoDate, to: IsoDate): Map<string, TypeTotals> {
  const rows = db
    .prepare(
      "SELECT type, sum(count) AS count, sum(amount) AS amount, sum(minutes) AS minutes, sum(entries) AS entries FROM daily_totals WHERE date BETWEEN ? AND ? GROUP BY type",
    )
    .all(from, to) as TotalsRow[];
  return new Map(rows.map((r) => [r.type, { count: r.count, amountCents: r.amount, minutes: r.minutes, entries: r.entries }]));
}

/** Per-day totals of live entries dated `from`…`to`, for charts and streaks. */
export function dailyTotals(db: Db, from: IsoDate, to: IsoDate): { date: IsoDate; type: string; totals: TypeTotals }[] {
  const rows = db
    .prepare("SELECT date, type, count, amount, minutes, entries FROM daily_totals WHERE date BETWEEN ? AND ? ORDER BY date, type")
    .all(from, to) as (TotalsRow & { date: string })[];
  return rows.map((r) => ({ date: r.date, type: r.type, totals: { count: r.count, amountCents: r.amount, minutes: r.minutes, entries: r.entries } }));
}

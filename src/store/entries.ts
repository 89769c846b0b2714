/**
 * The `entries` table and the `daily_totals` it keeps in step (by triggers).
 * Reports read the totals, never every entry.
 */
import type { IsoDate } from "../domain/dates.js";
import type { Entry, TypeTotals } from "../domain/entry.js";
import { schemaOf, type Db } from "./connection.js";
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
  opp: number | null;
}

const COLUMNS = "id, date, type, count, amount, minutes, contact, note, opp";
/** Before schema 7 (a file read as it is) entries link to no deal. */
const columnsOf = (db: Db) => (schemaOf(db) >= 7 ? COLUMNS : "id, date, type, count, amount, minutes, contact, note, NULL AS opp");

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
    opp: row.opp,
  };
}

export type NewEntry = Omit<Entry, "id"> & {
  /** Where an imported entry came from (a CRM record, a calendar event): importing it again adds nothing. */
  source?: string | null;
};

export function insertEntry(db: Db, entry: NewEntry, createdAt: string, journal: JournalEntry): Entry {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO entries (date, type, count, amount, minutes, contact, note, created_at, opp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    .run(entry.date, entry.type, entry.count, entry.amountCents, entry.minutes, entry.contact, entry.note, createdAt, entry.opp ?? null);
  const id = Number(lastInsertRowid);
  journal.inserted("entries", { id });
  return { id, ...entry, opp: entry.opp ?? null };
}

/** A live (not removed) entry by id, or null. */
export function getEntry(db: Db, id: number): Entry | null {
  const row = db.prepare(`SELECT ${columnsOf(db)} FROM entries WHERE id = ? AND deleted_at IS NULL`).get(id) as EntryRow | undefined;
  return row ? toEntry(row) : null;
}

export interface EntryFilter {
  from?: IsoDate;
  to?: IsoDate;
  type?: string;
}

function whereOf(filter: EntryFilter): { where: string; params: Record<string, string> } {
  const where = ["deleted_at IS NULL"];
  const params: Record<string, string> = {};
  if (filter.from) where.push("date >= @from"), (params.from = filter.from);
  if (filter.to) where.push("date <= @to"), (params.to = filter.to);
  if (filter.type) where.push("type = @type"), (params.type = filter.type);
  return { where: where.join(" AND "), params };
}

/** Live entries matching the filter, oldest first. */
export function listEntries(db: Db, filter: EntryFilter = {}): Entry[] {
  const { where, params } = whereOf(filter);
  const rows = db.prepare(`SELECT ${columnsOf(db)} FROM entries WHERE ${where} ORDER BY date, id`).all(params) as EntryRow[];
  return rows.map(toEntry);
}

/** Live entries matching the filter, oldest first, one at a time: a long list is never held in memory whole. */
export function* eachEntry(db: Db, filter: EntryFilter = {}): Generator<Entry> {
  const { where, params } = whereOf(filter);
  for (const row of db.prepare(`SELECT ${columnsOf(db)} FROM entries WHERE ${where} ORDER BY date, id`).iterate(params)) yield toEntry(row as EntryRow);
}

/** The latest `limit` live entries matching the filter, oldest first. */
export function latestEntries(db: Db, filter: EntryFilter, limit: number): Entry[] {
  const { where, params } = whereOf(filter);
  const rows = db
    .prepare(`SELECT ${columnsOf(db)} FROM entries WHERE ${where} ORDER BY date DESC, id DESC LIMIT @limit`)
    .all({ ...params, limit }) as EntryRow[];
  return rows.reverse().map(toEntry);
}

/**
 * How many live entries match the filter: summed from daily_totals, which
 * counts them per day and type (counting the entries themselves reads every
 * row: 60 ms at a million).
 */
export function countEntries(db: Db, filter: EntryFilter = {}): number {
  const { where, params } = whereOf(filter);
  const perDay = where.replace("deleted_at IS NULL", "1");
  return (db.prepare(`SELECT total(entries) AS n FROM daily_totals WHERE ${perDay}`).get(params) as { n: number }).n;
}

/**
 * Runs `read` in one read transaction: what it reads in several statements
 * (a count, then the rows, twice) is one consistent snapshot of the file,
 * whatever another process writes meanwhile.
 */
export function inReadSnapshot<T>(db: Db, read: () => T): T {
  if (db.inTransaction) return read();
  return db.transaction(read).deferred();
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
      "SELECT type, sum(count) AS count, total(amount) AS amount, sum(minutes) AS minutes, sum(entries) AS entries FROM daily_totals WHERE date BETWEEN ? AND ? GROUP BY type",
    )
    .all(from, to) as TotalsRow[];
  return new Map(rows.map((r) => [r.type, { count: r.count, amountCents: r.amount, minutes: r.minutes, entries: r.entries }]));
}

/** The size of each deal won from `from` to `to` (currency units): a deal entry of several deals counts each at its share of the amount. */
export function dealAmountsBetween(db: Db, from: IsoDate, to: IsoDate): number[] {
  const rows = db
    // The days with deals come from the totals, so only their entries are read, not the whole year's.
    .prepare(
      `SELECT count, amount FROM entries
       WHERE type = 'deal' AND date IN (SELECT date FROM daily_totals WHERE type = 'deal' AND date BETWEEN ? AND ?)
         AND amount IS NOT NULL AND deleted_at IS NULL`,
    )
    .raw()
    .all(from, to) as [number, number][];
  return rows.flatMap(([count, amount]) => Array<number>(count).fill(amount / count / 100));
}

/** Whether any live entry is dated `from`…`to`. */
export function hasEntriesBetween(db: Db, from: IsoDate, to: IsoDate): boolean {
  return from <= to && db.prepare("SELECT 1 FROM daily_totals WHERE date BETWEEN ? AND ? LIMIT 1").get(from, to) !== undefined;
}

/** Replaces an entry's fields (the row must be live); the triggers move its totals. */
export function updateEntry(db: Db, entry: Entry, journal: JournalEntry): Entry {
  journal.before("entries", { id: entry.id });
  db.prepare("UPDATE entries SET date = ?, type = ?, count = ?, amount = ?, minutes = ?, contact = ?, note = ? WHERE id = ?").run(
    entry.date,
    entry.type,
    entry.count,
    entry.amountCents,
    entry.minutes,
    entry.contact,
    entry.note,
    entry.id,
  );
  return entry;
}

/** Marks a live entry removed (recoverable by undo until purged); null when no such live entry. */
export function removeEntry(db: Db, id: number, at: string, journal: JournalEntry): Entry | null {
  const entry = getEntry(db, id);
  if (!entry) return null;
  journal.before("entries", { id });
  db.prepare("UPDATE entries SET deleted_at = ? WHERE id = ?").run(at, id);
  return entry;
}

const IMPORT_BATCH = 50;
const insertRows = (rows: number) =>
  `INSERT INTO entries (date, type, count, amount, minutes, contact, note, created_at, source) VALUES ${Array(rows).fill("(?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`;

/**
 * The source keys among `keys` that entries already carry (removed ones
 * included: a deleted import stays deleted). Any key known lies between the
 * least and the greatest of `keys`: the sources in that range are read in
 * one pass over the index when they are not many more than the keys (a
 * first import finds none, a re-import its own), else each key is looked up,
 * all in one statement. For a 200,000-row re-import that is 120 ms, where
 * 400 statements of 500 keys each took 230.
 */
export function knownSources(db: Db, keys: readonly string[]): Set<string> {
  const known = new Set<string>();
  if (keys.length === 0) return known;
  let least = keys[0] as string;
  let greatest = least;
  for (const key of keys) {
    if (key < least) least = key;
    else if (key > greatest) greatest = key;
  }
  const limit = 2 * keys.length;
  const inRange = db
    .prepare("SELECT source FROM entries WHERE source BETWEEN ? AND ? LIMIT ?")
    .pluck()
    .all(least, greatest, limit + 1) as string[];
  if (inRange.length === 0) return known;
  if (inRange.length <= limit) {
    const sources = new Set(inRange);
    for (const key of keys) if (sources.has(key)) known.add(key);
    return known;
  }
  const lookup = db.prepare("SELECT source FROM entries WHERE source IN (SELECT value FROM json_each(?))").pluck();
  for (const source of lookup.all(JSON.stringify(keys)) as string[]) known.add(source);
  return known;
}

/**
 * Appends many entries (inside the caller's transaction) and journals them as
 * one range. Rows go in fifty to a statement, which spends a third less time
 * than one statement a row. The per-row totals trigger is set aside meanwhile
 * and the totals added once per day and type, summed here as the rows go by
 * (65 ms for a 200,000-row import, most of it the weekly totals' triggers; a
 * grouped query over the new rows took 80): the import then spends half the
 * time. Dropping and re-creating the trigger is part of the transaction, so
 * a failed import leaves it as it was. Returns how many were added.
 */
export function insertEntries(db: Db, entries: readonly NewEntry[], createdAt: string, journal: JournalEntry, onProgress?: (done: number) => void): number {
  if (entries.length === 0) return 0;
  const trigger = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_ai'").get() as { sql: string } | undefined;
  if (trigger) db.exec("DROP TRIGGER entries_ai");
  const batch = db.prepare(insertRows(IMPORT_BATCH));
  const single = db.prepare(insertRows(1));
  const values: unknown[] = [];
  // Date → type → [count, amount, minutes, entries] of the rows added (all live: an import adds no removed entry).
  const totals = new Map<string, Map<string, [number, number, number, number]>>();
  let first = 0;
  let last = 0;
  for (let i = 0; i < entries.length; ) {
    const rows = entries.length - i >= IMPORT_BATCH ? IMPORT_BATCH : 1;
    values.length = 0;
    for (let k = i; k < i + rows; k++) {
      const e = entries[k] as NewEntry;
      values.push(e.date, e.type, e.count, e.amountCents, e.minutes, e.contact, e.note, createdAt, e.source ?? null);
      let day = totals.get(e.date);
      if (day === undefined) totals.set(e.date, (day = new Map()));
      const sums = day.get(e.type);
      if (sums === undefined) day.set(e.type, [e.count, e.amountCents ?? 0, e.minutes ?? 0, 1]);
      else {
        sums[0] += e.count;
        sums[1] += e.amountCents ?? 0;
        sums[2] += e.minutes ?? 0;
        sums[3]++;
      }
    }
    // One writer holds the lock, so each statement's rows get consecutive ids ending at lastInsertRowid.
    last = Number((rows === IMPORT_BATCH ? batch : single).run(values).lastInsertRowid);
    if (i === 0) first = last - rows + 1;
    i += rows;
    if (onProgress && i >> 13 !== (i - rows) >> 13) onProgress(i);
  }
  if (trigger) {
    const add = db.prepare(
      `INSERT INTO daily_totals (date, type, count, amount, minutes, entries) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (date, type) DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount,
         minutes = minutes + excluded.minutes, entries = entries + excluded.entries`,
    );
    for (const [date, day] of totals) for (const [type, [count, amount, minutes, n]] of day) add.run(date, type, count, amount, minutes, n);
    db.exec(trigger.sql);
  }
  journal.insertedRange("entries", first, last);
  return entries.length;
}

/** Deletes removed entries for good; returns how many. */
export function purgeRemovedEntries(db: Db): number {
  return db.prepare("DELETE FROM entries WHERE deleted_at IS NOT NULL").run().changes;
}

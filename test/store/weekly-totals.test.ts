import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openForWrite, type Db } from "../../src/store/connection.js";
import { insertEntries, insertEntry, purgeRemovedEntries, removeEntry, updateEntry, type NewEntry } from "../../src/store/entries.js";
import { JournalEntry, undoLast } from "../../src/store/journal.js";
import { bestWeeksBefore, weeklyTotalsBetween } from "../../src/store/weekly-totals.js";

let db: Db;
beforeEach(() => {
  db = openForWrite(join(mkdtempSync(join(tmpdir(), "acct-weekly-")), "acct.db"));
});
afterEach(() => db.close());

const newEntry = (date: string, type: string, count: number, amountCents: number | null = null, minutes: number | null = null): NewEntry => ({
  date,
  type,
  count,
  amountCents,
  minutes,
  contact: null,
  note: null,
});

/** One write with its own journal step, as a command makes it. */
function write<T>(fn: (journal: JournalEntry) => T): T {
  return db.transaction(() => {
    const journal = new JournalEntry(db);
    const result = fn(journal);
    journal.save("test", "t");
    return result;
  })();
}

/** The stored weekly totals, and the same recomputed from the live entries: they must always agree. */
function stored() {
  return db.prepare("SELECT monday, type, count, amount, minutes, entries FROM weekly_totals ORDER BY monday, type").all();
}
function recomputed() {
  return db
    .prepare(
      `SELECT date(date, 'weekday 0', '-6 days') AS monday, type, sum(count) AS count, coalesce(sum(amount), 0) AS amount,
              coalesce(sum(minutes), 0) AS minutes, count(*) AS entries
       FROM entries WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
}

describe("weekly totals", () => {
  it("groups entries by ISO week (its Monday) and type, the weeks asked for", () => {
    write((j) => {
      insertEntry(db, newEntry("2026-02-27", "call", 9), "t", j); // W09: before the span
      insertEntry(db, newEntry("2026-03-08", "call", 1), "t", j); // Sunday of W10
      insertEntry(db, newEntry("2026-03-02", "call", 2), "t", j); // Monday of W10
      insertEntry(db, newEntry("2026-03-09", "call", 4), "t", j); // Monday of W11
      insertEntry(db, newEntry("2026-03-10", "deal", 1, 500_00), "t", j);
      insertEntry(db, newEntry("2026-03-16", "call", 8), "t", j); // W12: not before it
    });
    const weeks = weeklyTotalsBetween(db, "2026-03-02", "2026-03-16");
    expect(weeks.map((w) => [w.monday, w.totals.get("call")?.count ?? 0, w.totals.get("deal")?.amountCents ?? 0])).toEqual([
      ["2026-03-02", 3, 0],
      ["2026-03-09", 4, 500_00],
    ]);
    expect(stored()).toEqual(recomputed());
  });

  it("the best week of each type before a week: largest count and amount, each from its own week", () => {
    write((j) => {
      insertEntry(db, newEntry("2025-06-02", "deal", 1, 9_000_00), "t", j); // W23 of 2025: one large deal
      insertEntry(db, newEntry("2026-03-02", "deal", 1, 100_00), "t", j); // W10: three small ones
      insertEntry(db, newEntry("2026-03-03", "deal", 2, 200_00), "t", j);
      insertEntry(db, newEntry("2026-03-04", "call", 30), "t", j);
      insertEntry(db, newEntry("2026-03-09", "call", 50), "t", j); // W11: the week asked about, not before it
    });
    expect(bestWeeksBefore(db, "2026-03-09")).toEqual(
      new Map([
        ["call", { count: 30, amountCents: 0, minutes: 0, entries: 1 }],
        ["deal", { count: 3, amountCents: 9_000_00, minutes: 0, entries: 2 }],
      ]),
    );
    expect(bestWeeksBefore(db, "2025-06-02")).toEqual(new Map());
  });

  it("stays in step through edits across weeks, removals, bulk imports, purges and undo", () => {
    const a = write((j) => insertEntry(db, newEntry("2026-03-06", "meeting", 1, null, 45), "t", j));
    const b = write((j) => insertEntry(db, newEntry("2026-03-06", "deal", 1, 900_00), "t", j));
    write((j) => insertEntry(db, newEntry("2025-12-31", "call", 3), "t", j)); // ISO week 2026-W01 starts 2025-12-29
    expect(stored()).toEqual(recomputed());

    write((j) => updateEntry(db, { ...a, date: "2026-03-12", minutes: 60 }, j)); // into the next week
    expect(stored()).toEqual(recomputed());
    write((j) => removeEntry(db, b.id, "t", j));
    expect(stored()).toEqual(recomputed());
    expect(stored()).not.toContainEqual(expect.objectContaining({ monday: "2026-03-02", type: "deal" }));

    write((j) =>
      insertEntries(db, [newEntry("2026-03-02", "call", 5), newEntry("2026-03-13", "call", 2), newEntry("2026-03-12", "meeting", 1, null, 30)], "t", j),
    );
    expect(stored()).toEqual(recomputed());

    expect(undoLast(db)).toBe("test"); // the bulk insert
    expect(stored()).toEqual(recomputed());
    expect(undoLast(db)).toBe("test"); // the removal
    expect(stored()).toEqual(recomputed());
    expect(stored()).toContainEqual({ monday: "2026-03-02", type: "deal", count: 1, amount: 900_00, minutes: 0, entries: 1 });

    write((j) => removeEntry(db, b.id, "t", j));
    purgeRemovedEntries(db);
    expect(stored()).toEqual(recomputed());
    expect(stored()).toContainEqual({ monday: "2025-12-29", type: "call", count: 3, amount: 0, minutes: 0, entries: 1 });
  });
});

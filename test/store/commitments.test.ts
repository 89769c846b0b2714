import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openForWrite, type Db } from "../../src/store/connection.js";
import { closeCommitment, commitmentProgress, insertCommitment, loadCommitments } from "../../src/store/commitments.js";
import { insertEntry } from "../../src/store/entries.js";
import { JournalEntry } from "../../src/store/journal.js";
import { previousReview, saveReview, listReviews } from "../../src/store/reviews.js";
import { weeklyTotals } from "../../src/store/weekly-totals.js";

let db: Db;
let journal: JournalEntry;
beforeEach(() => {
  db = openForWrite(join(mkdtempSync(join(tmpdir(), "acct-store-")), "acct.db"));
  journal = new JournalEntry(db);
});
afterEach(() => db.close());

const entry = (date: string, type: string, count: number, amountCents: number | null = null) =>
  insertEntry(db, { date, type, count, amountCents, minutes: null, contact: null, note: null }, "t", journal);

describe("commitments store", () => {
  it("progress sums the metric's entries from creation to due, from the daily totals", () => {
    const id = insertCommitment(db, { text: "50 calls", due: "2026-03-13", metric: "call", target: 50, createdOn: "2026-03-09", carriedFrom: null }, journal);
    const plain = insertCommitment(db, { text: "proposal", due: "2026-03-13", metric: null, target: null, createdOn: "2026-03-09", carriedFrom: null }, journal);
    entry("2026-03-08", "call", 100);
    entry("2026-03-09", "call", 20);
    entry("2026-03-13", "call", 30);
    entry("2026-03-13", "meeting", 7);
    entry("2026-03-14", "call", 100);
    expect([...commitmentProgress(db)]).toEqual([[id, 50]]);
    closeCommitment(db, plain, "done", "2026-03-12", journal);
    expect(loadCommitments(db, "2026-03-20").map((c) => [c.id, c.progress, c.status])).toEqual([[id, 50, "kept"], [plain, null, "kept"]]);
  });
});

describe("reviews store", () => {
  it("one review per week; the previous one is the latest earlier week", () => {
    saveReview(db, { week: "2026-W09", rating: 2, wins: null, misses: null, change: "more calls" }, "t", journal);
    saveReview(db, { week: "2026-W10", rating: 3, wins: null, misses: null, change: "call block" }, "t", journal);
    saveReview(db, { week: "2026-W10", rating: 4, wins: "demos", misses: null, change: "Friday block" }, "t", journal);
    expect(listReviews(db).map((r) => [r.week, r.rating])).toEqual([["2026-W09", 2], ["2026-W10", 4]]);
    expect(previousReview(db, "2026-W11")?.change).toBe("Friday block");
    expect(previousReview(db, "2026-W10")?.change).toBe("more calls");
    expect(previousReview(db, "2026-W09")).toBeNull();
  });
});

describe("weekly totals", () => {
  it("groups day totals by ISO week (Monday) and type, up to a date", () => {
    entry("2026-03-08", "call", 1); // Sunday of W10
    entry("2026-03-02", "call", 2); // Monday of W10
    entry("2026-03-09", "call", 4); // Monday of W11
    entry("2026-03-10", "deal", 1, 500_00);
    entry("2026-03-16", "call", 8); // after `to`
    const weeks = weeklyTotals(db, "2026-03-15");
    expect(weeks.map((w) => [w.monday, w.totals.get("call")?.count ?? 0, w.totals.get("deal")?.amountCents ?? 0])).toEqual([
      ["2026-03-02", 3, 0],
      ["2026-03-09", 4, 500_00],
    ]);
  });
});

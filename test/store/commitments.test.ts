import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openForWrite, type Db } from "../../src/store/connection.js";
import { closeCommitment, commitmentProgress, insertCommitment, loadCommitments } from "../../src/store/commitments.js";
import { insertEntry } from "../../src/store/entries.js";
import { JournalEntry } from "../../src/store/journal.js";
import { previousReview, saveReview, listReviews } from "../../src/store/reviews.js";

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
  it("with dueFrom, reads only what a page from that day can show: open ones, those due from it, and whole carried chains", () => {
    const add = (text: string, due: string, carriedFrom: number | null = null, metric: string | null = null) =>
      insertCommitment(db, { text, due, metric, target: metric ? 5 : null, createdOn: "2026-01-05", carriedFrom }, journal);
    const oldDone = add("old, done", "2026-01-09");
    closeCommitment(db, oldDone, "done", "2026-01-08", journal);
    const oldDropped = add("old, dropped", "2026-01-16");
    closeCommitment(db, oldDropped, "dropped", "2026-01-10", journal);
    const missed = add("missed, never carried", "2026-01-23");
    const first = add("carried: first", "2026-01-30");
    const second = add("carried: second", "2026-02-06", first);
    closeCommitment(db, first, "dropped", "2026-02-20", journal); // a link closed long ago still counts for the chain
    const third = add("carried: third", "2026-03-13", second);
    const measured = add("measured, long ago", "2026-01-09", null, "call");
    const recentDone = add("done this week", "2026-03-10");
    closeCommitment(db, recentDone, "done", "2026-03-10", journal);
    const ids = loadCommitments(db, "2026-03-12", "2026-03-09").map((c) => c.id);
    expect(ids).toEqual([missed, first, second, third, measured, recentDone]);
    expect(ids).not.toContain(oldDone);
    expect(ids).not.toContain(oldDropped);
    // The chain keeps its length: the third was carried twice.
    expect(loadCommitments(db, "2026-03-12", "2026-03-09").find((c) => c.id === third)?.carried).toBe(2);
    expect(loadCommitments(db, "2026-03-12").map((c) => c.id)).toHaveLength(8);
  });

  it("progress sums the metric's entries from creation to due, from the daily totals", () => {
    const id = insertCommitment(db, { text: "50 calls", due: "2026-03-13", metric: "call", target: 50, createdOn: "2026-03-09", carriedFrom: null }, journal);
    const plain = insertCommitment(
      db,
      { text: "proposal", due: "2026-03-13", metric: null, target: null, createdOn: "2026-03-09", carriedFrom: null },
      journal,
    );
    entry("2026-03-08", "call", 100);
    entry("2026-03-09", "call", 20);
    entry("2026-03-13", "call", 30);
    entry("2026-03-13", "meeting", 7);
    entry("2026-03-14", "call", 100);
    expect([...commitmentProgress(db)]).toEqual([[id, 50]]);
    closeCommitment(db, plain, "done", "2026-03-12", journal);
    expect(loadCommitments(db, "2026-03-20").map((c) => [c.id, c.progress, c.status])).toEqual([
      [id, 50, "kept"],
      [plain, null, "kept"],
    ]);
  });
});

describe("reviews store", () => {
  it("one review per week; the previous one is the latest earlier week", () => {
    saveReview(db, { week: "2026-W09", rating: 2, wins: null, misses: null, change: "more calls" }, "t", journal);
    saveReview(db, { week: "2026-W10", rating: 3, wins: null, misses: null, change: "call block" }, "t", journal);
    saveReview(db, { week: "2026-W10", rating: 4, wins: "demos", misses: null, change: "Friday block" }, "t", journal);
    expect(listReviews(db).map((r) => [r.week, r.rating])).toEqual([
      ["2026-W09", 2],
      ["2026-W10", 4],
    ]);
    expect(previousReview(db, "2026-W11")?.change).toBe("Friday block");
    expect(previousReview(db, "2026-W10")?.change).toBe("more calls");
    expect(previousReview(db, "2026-W09")).toBeNull();
  });
});

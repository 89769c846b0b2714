import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDemo } from "../../src/domain/demo.js";
import { listBlockMarks, listBlocks } from "../../src/store/blocks.js";
import { loadCommitments } from "../../src/store/commitments.js";
import { inWriteTransaction, openForWrite, type Db } from "../../src/store/connection.js";
import { holdsData, seedDemo } from "../../src/store/demo-seed.js";
import { totalsBetween } from "../../src/store/entries.js";
import { JournalEntry, undoLast } from "../../src/store/journal.js";
import { loadPlan, weeklyTargetsOn } from "../../src/store/plans.js";
import { listReviews } from "../../src/store/reviews.js";

let db: Db;
beforeEach(() => {
  db = openForWrite(join(mkdtempSync(join(tmpdir(), "acct-store-")), "acct.db"));
});
afterEach(() => db.close());

const today = "2026-03-12";
const seed = () =>
  inWriteTransaction(db, () => {
    const journal = new JournalEntry(db);
    const counts = seedDemo(db, buildDemo(today), `${today}T10:00:00`, journal);
    journal.save("demo data", `${today}T10:00:00`);
    return counts;
  });

describe("seedDemo", () => {
  it("stores the plan, types, entries, blocks with marks, commitments and the review", () => {
    expect(holdsData(db)).toBe(false);
    const demo = buildDemo(today);
    const counts = seed();
    expect(holdsData(db)).toBe(true);
    expect(loadPlan(db, 2026)?.plan.annual).toEqual({ revenue: 1_200_000, deals: 30, opportunities: 120, meetings: 240, calls: 2400 });
    expect(weeklyTargetsOn(db, today).get("linkedin")).toBe(20);
    const calls = demo.entries.filter((e) => e.type === "call").reduce((s, e) => s + e.count, 0);
    expect(totalsBetween(db, "2025-01-01", today).get("call")?.count).toBe(calls);
    expect(listBlocks(db)).toHaveLength(3);
    expect(listBlockMarks(db, "2025-01-01", today)).toHaveLength(counts.marks);
    const commitments = loadCommitments(db, today);
    // The sample's seven, then the deals' review actions: a missed, a kept and an open one on the stalled deal, a kept one on the moving deal.
    expect(
      commitments
        .slice(0, 7)
        .map((c) => c.status)
        .sort(),
    ).toEqual(["kept", "kept", "missed", "missed", "missed", "open", "open"]);
    expect(commitments.slice(7).map((c) => c.status)).toEqual(["missed", "kept", "open", "kept"]);
    expect(commitments.find((c) => c.carried === 2)).toMatchObject({ status: "open", metric: "meeting" });
    expect(listReviews(db)).toEqual([expect.objectContaining({ week: "2026-W10", change: expect.stringMatching(/before opening email/) })]);
  });

  it("is one undoable step", () => {
    seed();
    expect(undoLast(db)).toBe("demo data");
    expect(holdsData(db)).toBe(false);
    expect(db.prepare("SELECT count(*) AS n FROM block_marks").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM daily_totals").get()).toEqual({ n: 0 });
  });
});

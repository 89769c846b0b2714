import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface Item {
  id: number;
  text: string;
  due: string;
  metric: string | null;
  target: number | null;
  progress: number | null;
  status: string;
  carried: number;
}

function seed(db: string, rows: [date: string, type: string, count: number][]): void {
  const conn = new Database(db);
  const insert = conn.prepare("INSERT INTO entries (date, type, count, created_at) VALUES (?, ?, ?, 'seed')");
  for (const [date, type, count] of rows) insert.run(date, type, count);
  conn.close();
}

describe("acct commit", () => {
  it("a metric commitment is kept by entries dated from its creation to its due date", async () => {
    const db = tempDb();
    const added = await acctJson<Item>(db, ["commit", "add", "50 calls this week", "--due", "fri", "--metric", "calls", "--target", "50"], {
      now: "2026-03-09",
    });
    expect(added).toEqual({ id: 1, text: "50 calls this week", due: "2026-03-13", metric: "call", target: 50, progress: 0, status: "open", carried: 0 });
    seed(db, [
      ["2026-03-06", "call", 40],
      ["2026-03-10", "call", 30],
      ["2026-03-11", "meeting", 9],
    ]);
    expect((await acctJson<Item[]>(db, ["commit", "list"], { now: "2026-03-11" }))[0]).toMatchObject({ progress: 30, status: "open" });
    seed(db, [
      ["2026-03-12", "call", 25],
      ["2026-03-14", "call", 5],
    ]);
    expect((await acctJson<Item[]>(db, ["commit", "list"], { now: "2026-03-12" }))[0]).toMatchObject({ progress: 55, status: "kept" });
    expectUsageError(await acct(db, ["commit", "done", "1"], { now: "2026-03-12" }), /measured by call entries/);
  });

  it("an unmarked one is missed after its due date; one done in time is kept", async () => {
    const db = tempDb();
    await acctJson(db, ["commit", "add", "send the Acme proposal", "--due", "2026-03-10"], { now: "2026-03-09" });
    await acctJson(db, ["commit", "add", "call back Bob", "--due", "2026-03-10"], { now: "2026-03-09" });
    expect((await acctJson<Item>(db, ["commit", "done", "2"], { now: "2026-03-10" })).status).toBe("kept");
    expect((await acctJson<Item[]>(db, ["commit", "list"], { now: "2026-03-10" })).map((c) => c.status)).toEqual(["open", "kept"]);
    expect((await acctJson<Item[]>(db, ["commit", "list"], { now: "2026-03-11" })).map((c) => c.status)).toEqual(["missed", "kept"]);
    expect((await acctJson<Item>(db, ["commit", "drop", "1"], { now: "2026-03-11" })).status).toBe("dropped");
  });

  it("one carried over twice is flagged by the audit", async () => {
    const db = tempDb();
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    await acctJson(db, ["commit", "add", "book 3 demos", "--due", "2026-03-03", "--metric", "meeting", "--target", "3"], { now: "2026-03-02" });
    expectUsageError(await acct(db, ["commit", "add", "--carry", "1", "--due", "2026-03-06"], { now: "2026-03-02" }), /is open; only a missed one/);
    const second = await acctJson<Item>(db, ["commit", "add", "--carry", "1", "--due", "2026-03-06"], { now: "2026-03-04" });
    expect(second).toMatchObject({ id: 2, text: "book 3 demos", metric: "meeting", target: 3, carried: 1 });
    expectUsageError(await acct(db, ["commit", "add", "--carry", "1", "--due", "2026-03-11"], { now: "2026-03-09" }), /already carried over as #2/);
    const third = await acctJson<Item>(db, ["commit", "add", "--carry", "2", "--due", "2026-03-11"], { now: "2026-03-09" });
    expect(third.carried).toBe(2);
    const audit = await acctJson<{ commitments: { due: Item[]; missed: number; repeated: Item[]; overdue: Item[] } }>(db, ["audit"], { now: "2026-03-12" });
    expect(audit.commitments.due.map((c) => [c.id, c.status])).toEqual([[3, "missed"]]);
    expect(audit.commitments.missed).toBe(1);
    expect(audit.commitments.repeated.map((c) => [c.id, c.carried])).toEqual([[3, 2]]);
    expect(audit.commitments.overdue).toEqual([]);
    const text = (await acct(db, ["audit"], { now: "2026-03-12" })).stdout;
    expect(text).toContain("carried over twice or more:");
    expect(text).toContain("#3 book 3 demos (due 2026-03-11 — 0/3 meeting, carried 2×): missed");
  });

  it("bad input exits 2 and writes nothing", async () => {
    const db = tempDb();
    await acctJson(db, ["commit", "add", "first", "--due", "2026-03-20"]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["commit", "add", "no due date"]), /needs --due/);
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "2026-02-30"]), /does not exist/);
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "2026-03-01"]), /in the past/);
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "fri", "--metric", "call"]), /--metric and --target go together/);
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "fri", "--metric", "cals", "--target", "5"]), /unknown activity type/);
    expectUsageError(await acct(db, ["commit", "add", "", "--due", "fri"]), /must not be empty/);
    expectUsageError(await acct(db, ["commit", "done", "99"]), /no commitment with id 99/);
    expectUsageError(await acct(db, ["commit", "drop", "99"]), /no commitment with id 99/);
    expectUsageError(await acct(db, ["commit", "add", "--carry", "99", "--due", "fri"]), /no commitment with id 99/);
    expect(fingerprint(db)).toBe(before);
    const fresh = tempDb();
    expectUsageError(await acct(fresh, ["commit", "done", "1"]), /no commitment with id 1/);
    expect(fingerprint(fresh)).toBe("absent");
  });
});

/**
 * Time blocks through the commands: overlaps refused, occurrences counted
 * once they end, blocks with an activity kept by what was logged that day,
 * and the unmarked ones named with the command that marks them.
 */
import { describe, expect, it } from "vitest";
import { acct, acctAll, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface BlocksJson {
  scheduled: number;
  kept: number;
  skipped: number;
  unmarked: number;
  adherence: number | null;
  keptByLog: number;
  unmarkedOccurrences: { id: number; label: string; date: string; start: string; end: string; command: string }[];
}

interface DayJson {
  date: string;
  blocks: { id: number; status: string; keptBy: string | null }[];
}

const PROSPECTING = ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30", "--activity", "call"];

/** A plan, and the Tue/Thu prospecting block (#1) added the Monday before: week 2026-W11 is Mon 03-09 … Sun 03-15. */
async function planned(): Promise<string> {
  const db = tempDb();
  await acctAll(db, [EXAMPLE_PLAN, PROSPECTING], { now: "2026-03-09T07:00" });
  return db;
}

describe("acct block add: overlaps", () => {
  it("refuses a block overlapping another on a shared weekday (exit 2, naming it), writing nothing", async () => {
    const db = tempDb();
    await acctAll(db, [PROSPECTING]);
    const before = fingerprint(db);
    const result = await acct(db, ["block", "add", "Calls", "--days", "mon,thu", "--start", "09:00", "--end", "10:00"]);
    expectUsageError(result, /^acct: Calls mon,thu 09:00–10:00 overlaps block #1 Prospecting tue,thu 08:00–09:30 \(call\) on thu from 09:00 to 09:30\n/);
    expect(result.stderr).toContain("--allow-overlap");
    expect(fingerprint(db)).toBe(before);
  });

  it("accepts touching blocks (times are end-exclusive) and blocks on other days", async () => {
    const db = tempDb();
    await acctAll(db, [
      PROSPECTING,
      ["block", "add", "After", "--days", "tue", "--start", "09:30", "--end", "10:00"],
      ["block", "add", "Before", "--days", "thu", "--start", "07:00", "--end", "08:00"],
      ["block", "add", "Monday", "--days", "mon,wed,fri", "--start", "08:00", "--end", "09:30"],
    ]);
    expect((await acctJson<unknown[]>(db, ["block", "list"])).length).toBe(4);
    // One minute into another block is an overlap.
    expectUsageError(
      await acct(db, ["block", "add", "Late", "--days", "wed", "--start", "09:29", "--end", "11:00"]),
      /overlaps block #4 Monday mon,wed,fri 08:00–09:30 on wed from 09:29 to 09:30/,
    );
  });

  it("adds an overlapping block with --allow-overlap", async () => {
    const db = tempDb();
    await acctAll(db, [PROSPECTING]);
    const added = await acctJson<{ id: number }>(db, ["block", "add", "Calls", "--days", "tue", "--start", "08:30", "--end", "09:00", "--allow-overlap"]);
    expect(added.id).toBe(2);
  });
});

describe("acct audit: block figures count occurrences once they end", () => {
  it("at 08:05 Thursday's 08:00–09:30 is not counted yet; at 10:00 it is, unmarked and named with the command", async () => {
    const db = await planned();
    await acctAll(db, [["block", "done", "1", "--date", "2026-03-10"]], { now: "2026-03-10T10:00" });
    const early = await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now: "2026-03-12T08:05" });
    expect(early.blocks).toEqual({ scheduled: 1, kept: 1, skipped: 0, unmarked: 0, adherence: 1, keptByLog: 0, unmarkedOccurrences: [] });

    const later = await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now: "2026-03-12T10:00" });
    expect(later.blocks).toEqual({
      scheduled: 2,
      kept: 1,
      skipped: 0,
      unmarked: 1,
      adherence: 0.5,
      keptByLog: 0,
      unmarkedOccurrences: [{ id: 1, label: "Prospecting", date: "2026-03-12", start: "08:00", end: "09:30", command: "acct block done 1 --date 2026-03-12" }],
    });
    const text = (await acct(db, ["audit"], { now: "2026-03-12T10:00" })).stdout;
    expect(text).toContain("1 of 2 kept, 0 skipped, 1 unmarked: 50% adherence");
    expect(text).toContain("acct block done 1 --date 2026-03-12 (or skip)  thu 08:00–09:30 #1 Prospecting");
    const md = (await acct(db, ["audit", "--format", "md"], { now: "2026-03-12T10:00" })).stdout;
    expect(md).toContain("- thu 2026-03-12 08:00–09:30 #1 Prospecting: `acct block done 1 --date 2026-03-12` (or skip)");

    // Marking it as the audit says removes it from the unmarked.
    await acctAll(db, [["block", "skip", "1", "--date", "2026-03-12"]], { now: "2026-03-12T10:00" });
    expect((await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now: "2026-03-12T10:01" })).blocks).toMatchObject({
      scheduled: 2,
      kept: 1,
      skipped: 1,
      unmarked: 0,
    });
  });

  it("calls logged that day keep a call block (kept (logged)); a skip still beats them", async () => {
    const db = await planned();
    await acctAll(
      db,
      [
        ["log", "call", "5", "--date", "2026-03-10"],
        ["log", "call", "3"],
      ],
      { now: "2026-03-12T11:00" },
    );
    const audit = await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now: "2026-03-12T11:00" });
    expect(audit.blocks).toMatchObject({ scheduled: 2, kept: 2, keptByLog: 2, unmarked: 0, adherence: 1 });
    expect((await acct(db, ["audit"], { now: "2026-03-12T11:00" })).stdout).toContain(
      "2 of 2 kept (2 by what was logged), 0 skipped, 0 unmarked: 100% adherence",
    );
    const today = await acctJson<DayJson>(db, ["block", "today"], { now: "2026-03-12T11:00" });
    expect(today.blocks).toEqual([expect.objectContaining({ id: 1, status: "kept", keptBy: "log" })]);
    expect((await acct(db, ["block", "today"], { now: "2026-03-12T11:00" })).stdout).toMatch(/08:00–09:30 {2}#1 Prospecting \(call\) {2}kept \(logged\)/);

    await acctAll(db, [["block", "skip", "1", "--reason", "sick"]], { now: "2026-03-12T11:00" });
    expect((await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now: "2026-03-12T11:00" })).blocks).toMatchObject({ kept: 1, skipped: 1, keptByLog: 1 });
  });

  it("a past week counts every occurrence: unmarked ones are named, past days whole", async () => {
    const db = await planned();
    // Audited on Monday 03-16 at 07:00: last week is over, Tue and Thu both unmarked.
    const audit = await acctJson<{ asOf: string; blocks: BlocksJson }>(db, ["audit", "--week", "2026-W11"], { now: "2026-03-16T07:00" });
    expect(audit.asOf).toBe("2026-03-15");
    expect(audit.blocks).toMatchObject({ scheduled: 2, kept: 0, unmarked: 2, adherence: 0 });
    expect(audit.blocks.unmarkedOccurrences.map((o) => o.command)).toEqual(["acct block done 1 --date 2026-03-10", "acct block done 1 --date 2026-03-12"]);
  });
});

describe("acct block today and acct status", () => {
  it("block today: pending until a block ends, then unmarked with the command that marks it", async () => {
    const db = await planned();
    const at = async (time: string) => (await acctJson<DayJson>(db, ["block", "today"], { now: `2026-03-12T${time}` })).blocks[0]?.status;
    expect(await at("08:05")).toBe("pending");
    expect(await at("09:30")).toBe("unmarked");
    expect((await acct(db, ["block", "today"], { now: "2026-03-12T09:30" })).stdout).toContain("unmarked — acct block done 1 (or skip)");
  });

  it("status: this week's figures as the audit counts them, and a hint naming the first unmarked block", async () => {
    const db = await planned();
    const now = "2026-03-12T10:00";
    const status = await acctJson<{ blocks: BlocksJson }>(db, ["status"], { now });
    const audit = await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now });
    expect(status.blocks).toEqual(audit.blocks);
    expect(status.blocks).toMatchObject({ scheduled: 2, unmarked: 2 });
    expect((await acct(db, ["status"], { now })).stdout).toContain("Unmarked    2 this week · acct block done 1 --date 2026-03-10 (or skip)");
    await acctAll(
      db,
      [
        ["block", "done", "1", "--date", "tue"],
        ["block", "done", "1"],
      ],
      { now },
    );
    expect((await acct(db, ["status"], { now })).stdout).not.toContain("Unmarked");
  });
});

describe("a block added after its time of day", () => {
  it("has no occurrence that day: not counted, not listed, and not markable", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, PROSPECTING], { now: "2026-03-12T10:00" });
    expect((await acctJson<{ blocks: BlocksJson }>(db, ["audit"], { now: "2026-03-12T12:00" })).blocks.scheduled).toBe(0);
    expect((await acctJson<DayJson>(db, ["block", "today"], { now: "2026-03-12T12:00" })).blocks).toEqual([]);
    const before = fingerprint(db);
    expectUsageError(
      await acct(db, ["block", "done", "1"], { now: "2026-03-12T12:00" }),
      /was added on 2026-03-12 after that day's 08:00–09:30: it has no occurrence on 2026-03-12/,
    );
    expect(fingerprint(db)).toBe(before);
    // Added during the block, the occurrence counts.
    const during = tempDb();
    await acctAll(during, [EXAMPLE_PLAN, PROSPECTING], { now: "2026-03-12T08:30" });
    expect((await acctJson<{ blocks: BlocksJson }>(during, ["audit"], { now: "2026-03-12T12:00" })).blocks).toMatchObject({ scheduled: 1, unmarked: 1 });
  });
});

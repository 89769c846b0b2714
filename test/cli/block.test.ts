import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface BlockJson {
  id: number;
  label: string;
  days: string[];
  start: string;
  end: string;
  activity: string | null;
}

const PROSPECTING = ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30"];

/** A database with the Tue/Thu prospecting block (#1, created Thursday 2026-03-12). */
async function withBlock(): Promise<string> {
  const db = tempDb();
  // Added the Monday before, so this week's earlier days have occurrences.
  expect((await acct(db, [...PROSPECTING, "--activity", "calls"], { now: "2026-03-02" })).code).toBe(0);
  return db;
}

function query<T>(db: string, sql: string): T[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare(sql).all() as T[];
  } finally {
    conn.close();
  }
}

describe("acct block add / list / rm", () => {
  it("adds a block and lists it as JSON and as a table", async () => {
    const db = tempDb();
    const added = await acctJson<BlockJson>(db, [...PROSPECTING, "--activity", "Calls"]);
    expect(added).toEqual({ id: 1, label: "Prospecting", days: ["tue", "thu"], start: "08:00", end: "09:30", activity: "call" });
    const review = await acctJson<BlockJson>(db, ["block", "add", "Review", "--days", "friday", "--start", "16:00", "--end", "17:00"]);
    expect(review.activity).toBeNull();
    expect(await acctJson<BlockJson[]>(db, ["block", "list"])).toEqual([added, review]);
    const text = await acct(db, ["block"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("08:00–09:30");
    expect(text.stdout).toContain("4 h a week in 2 blocks");
  });

  it("resolves custom activity types", async () => {
    const db = tempDb();
    expect((await acct(db, ["type", "add", "linkedin"])).code).toBe(0);
    expect(
      (await acctJson<BlockJson>(db, ["block", "add", "Social", "--days", "mon", "--start", "12:00", "--end", "12:30", "--activity", "LinkedIn"])).activity,
    ).toBe("linkedin");
  });

  it("removes a block softly, as one undo step", async () => {
    const db = await withBlock();
    expect((await acctJson<BlockJson>(db, ["block", "rm", "1"])).label).toBe("Prospecting");
    expect(await acctJson<BlockJson[]>(db, ["block", "list"])).toEqual([]);
    expect(query<{ deleted_at: string | null }>(db, "SELECT deleted_at FROM blocks")).toEqual([{ deleted_at: "2026-03-12T23:59:00" }]);
    expect(query(db, "SELECT summary FROM journal ORDER BY id")).toEqual([{ summary: "block add #1 Prospecting" }, { summary: "block rm #1 Prospecting" }]);
    expectUsageError(await acct(db, ["block", "rm", "1"]), /no block with id 1/);
  });

  it("lists nothing without creating the data file", async () => {
    const db = tempDb();
    expect(await acctJson(db, ["block", "list"])).toEqual([]);
    expect((await acct(db, ["block", "today"])).stdout).toContain("no blocks on 2026-03-12");
    expect(existsSync(db)).toBe(false);
  });
});

describe("acct block add: bad input writes nothing", () => {
  const cases: [string, string[], RegExp][] = [
    ["an hour past 23", ["--start", "25:00"], /start '25:00' is not a time of day/],
    ["a time without minutes", ["--end", "9"], /end '9' is not a time of day/],
    ["an end before the start", ["--start", "09:30", "--end", "08:00"], /ends at 08:00, not after its start at 09:30/],
    ["an end equal to the start", ["--end", "08:00"], /ends at 08:00, not after its start at 08:00/],
    ["an unknown weekday", ["--days", "tue,thurs"], /'thurs' is not a weekday/],
    ["no weekday", ["--days", ","], /days must name at least one weekday/],
    ["an unknown activity", ["--activity", "cals"], /unknown activity type 'cals'/],
  ];
  for (const [name, flags, message] of cases) {
    it(`refuses ${name}`, async () => {
      const fresh = tempDb();
      expectUsageError(await acct(fresh, [...PROSPECTING, ...flags]), message);
      expect(fingerprint(fresh)).toBe("absent");
      const db = await withBlock();
      const before = fingerprint(db);
      expectUsageError(await acct(db, [...PROSPECTING, ...flags]), message);
      expect(fingerprint(db)).toBe(before);
    });
  }

  it("refuses an empty label", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["block", "add", " ", "--days", "tue", "--start", "08:00", "--end", "09:00"]), /label must not be empty/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("names the missing flags when there is no terminal to ask on", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["block", "add", "Prospecting", "--days", "tue"]), /needs --start, --end/);
    expect(fingerprint(db)).toBe("absent");
  });
});

describe("acct block done / skip / today", () => {
  it("marks occurrences and shows today's blocks in time order", async () => {
    const db = await withBlock();
    // Added at 06:00 and listed then (a date alone is the end of the day, when 07:00 has passed).
    const early = { now: "2026-03-12T06:00" };
    await acctJson(db, ["block", "add", "Early", "--days", "thu", "--start", "07:00", "--end", "07:30"], early);
    expect(await acctJson(db, ["block", "done", "1"])).toEqual({ blockId: 1, label: "Prospecting", date: "2026-03-12", status: "done", reason: null });
    expect(await acctJson(db, ["block", "skip", "1", "--date", "tue", "--reason", "sick"])).toMatchObject({
      date: "2026-03-10",
      status: "skipped",
      reason: "sick",
    });
    const today = await acctJson<{ date: string; dayOff: boolean; blocks: (BlockJson & { status: string })[] }>(db, ["block", "today"], early);
    expect(today.date).toBe("2026-03-12");
    expect(today.dayOff).toBe(false);
    expect(today.blocks.map((b) => [b.id, b.start, b.status])).toEqual([
      [2, "07:00", "pending"],
      [1, "08:00", "kept"],
    ]);
    const tuesday = await acct(db, ["block", "today"], { now: "2026-03-10" });
    expect(tuesday.stdout).toMatch(/08:00–09:30 {2}#1 Prospecting \(call\) {2}skipped — sick/);
    expect((await acct(db, ["block", "today"], { now: "2026-03-11" })).stdout).toContain("no blocks on 2026-03-11");
  });

  it("lets a mark be changed: skip then done on the same day keeps one mark", async () => {
    const db = await withBlock();
    await acctJson(db, ["block", "skip", "1"]);
    await acctJson(db, ["block", "done", "1"]);
    expect(query(db, "SELECT block_id, date, status FROM block_marks")).toEqual([{ block_id: 1, date: "2026-03-12", status: "done" }]);
  });

  it("shows a day off as such", async () => {
    const db = await withBlock();
    expect((await acct(db, ["off", "add", "2026-03-12", "--reason", "holiday"])).code).toBe(0);
    expect(await acctJson(db, ["block", "today"])).toEqual({ date: "2026-03-12", dayOff: true, blocks: [] });
  });

  const bad: [string, string[], RegExp][] = [
    ["an unknown id", ["block", "done", "7"], /no block with id 7/],
    ["an id that is not a number", ["block", "skip", "first"], /block id 'first' is not a whole number/],
    ["an impossible date", ["block", "done", "1", "--date", "2026-02-30"], /date '2026-02-30' does not exist/],
    ["a date that is not a date", ["block", "skip", "1", "--date", "someday"], /date 'someday' is not a date/],
    ["a date the block does not fall on", ["block", "done", "1", "--date", "2026-03-11"], /is on tue, thu, not on wed 2026-03-11/],
    ["a day off", ["block", "skip", "1", "--date", "2026-03-10"], /2026-03-10 is a day off \(training\)/],
    ["marking a future occurrence done", ["block", "done", "1", "--date", "2026-03-17"], /has not come yet/],
    ["an empty reason", ["block", "skip", "1", "--reason", ""], /reason must not be empty/],
    ["a date before the block was added", ["block", "done", "1", "--date", "2026-02-26"], /was added on 2026-03-02: it has no occurrence on 2026-02-26/],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name} with nothing written`, async () => {
      const db = await withBlock();
      expect((await acct(db, ["off", "add", "2026-03-10", "--reason", "training"])).code).toBe(0);
      const before = fingerprint(db);
      expectUsageError(await acct(db, args), message);
      expect(fingerprint(db)).toBe(before);
    });
  }

  it("refuses an unknown id on a database that does not exist, without creating it", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["block", "rm", "1"]), /no block with id 1/);
    expect(fingerprint(db)).toBe("absent");
  });
});

describe("acct block suggest", () => {
  it("fails with a hint when there is no plan", async () => {
    const db = await withBlock();
    const before = fingerprint(db);
    const result = await acct(db, ["block", "suggest"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: no plan for 2026/);
    expect(result.stderr).toContain("hint: set one first with acct plan set");
    expect(fingerprint(db)).toBe(before);
  });

  it("sizes blocks from March's plan and adds them with --accept as one undo step", async () => {
    const db = tempDb();
    await acctJson(db, EXAMPLE_PLAN);
    // Every working day of 2026 carries 2,400 / 261 calls and 240 / 261 meetings → a week of 45.98 calls (shown whole) and 4.6 meetings.
    const shown = await acct(db, ["block", "suggest"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("46 ÷ 15 calls an hour = 3.07 h");
    expect(shown.stdout).toContain("4.6 × 1 h a meeting = 4.6 h");
    expect(shown.stderr).toContain("--accept");
    const before = fingerprint(db);
    const proposal = await acctJson<{ callHours: number; blocks: BlockJson[]; added: number[] | null }>(db, ["block", "suggest"]);
    expect(fingerprint(db)).toBe(before);
    expect(proposal.callHours).toBe(3.07);
    // 183.9 min of calls → 3 × 75 min; 275.9 min of meetings → 4 × 75 min.
    expect(proposal.blocks).toEqual([
      { label: "Prospecting", days: ["mon", "wed", "fri"], start: "08:00", end: "09:15", activity: "call", weeklyHours: 3.75 },
      { label: "Customer meetings", days: ["mon", "tue", "thu", "fri"], start: "14:00", end: "15:15", activity: "meeting", weeklyHours: 5 },
    ]);
    expect(proposal.added).toBeNull();

    const accepted = await acctJson<{ added: number[] }>(db, ["block", "suggest", "--accept"]);
    expect(accepted.added).toEqual([1, 2]);
    expect((await acctJson<BlockJson[]>(db, ["block", "list"])).map((b) => [b.label, b.start, b.end])).toEqual([
      ["Prospecting", "08:00", "09:15"],
      ["Customer meetings", "14:00", "15:15"],
    ]);
    expect(query<{ summary: string }>(db, "SELECT summary FROM journal WHERE summary LIKE 'block%'")).toEqual([{ summary: "block suggest: 2 block(s)" }]);
    // Now the plan is covered.
    expect((await acct(db, ["block", "suggest"])).stdout).toContain("nothing to add");
  });

  it("takes calls per hour from the flag, else from the calls-per-hour setting", async () => {
    const db = tempDb();
    await acctJson(db, EXAMPLE_PLAN);
    expect(await acctJson<{ callsPerHour: number; callHours: number }>(db, ["block", "suggest", "--calls-per-hour", "10"])).toMatchObject({
      callsPerHour: 10,
      callHours: 4.6,
    });
    const conn = new Database(db);
    conn.prepare("INSERT INTO settings (key, value) VALUES ('calls-per-hour', '20')").run();
    conn.close();
    expect(await acctJson<{ callsPerHour: number; callHours: number }>(db, ["block", "suggest"])).toMatchObject({ callsPerHour: 20, callHours: 2.3 });
  });

  it("refuses a bad --calls-per-hour with nothing written", async () => {
    const db = tempDb();
    await acctJson(db, EXAMPLE_PLAN);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["block", "suggest", "--calls-per-hour", "0", "--accept"]), /calls per hour must be from 1 to 1,000/);
    expectUsageError(await acct(db, ["block", "suggest", "--calls-per-hour", "fast", "--accept"]), /calls per hour 'fast' is not a whole number/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("acct block export", () => {
  function parse(text: string) {
    const calendar = new ICAL.Component(ICAL.parse(text));
    return calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  }

  it("writes an iCalendar file a parser reads back: summary, weekly rule, times, stable UIDs", async () => {
    const db = await withBlock();
    await acctJson(db, ["block", "add", "Review", "--days", "fri", "--start", "16:00", "--end", "17:00"]);
    const out = join(dirname(db), "blocks.ics");
    const result = await acct(db, ["block", "export", "--ics", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`wrote 2 blocks to ${out}`);
    const [prospecting, review] = parse(readFileSync(out, "utf8"));
    expect(prospecting?.summary).toBe("Prospecting");
    const rule = prospecting?.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.parts.BYDAY).toEqual(["TU", "TH"]);
    expect(prospecting?.startDate.toString()).toBe("2026-03-03T08:00:00");
    expect(prospecting?.endDate.toString()).toBe("2026-03-03T09:30:00");
    expect(review?.summary).toBe("Review");
    expect(review?.startDate.toString()).toBe("2026-03-13T16:00:00");
    expect((review!.component.getFirstPropertyValue("rrule") as ICAL.Recur).parts.BYDAY).toEqual(["FR"]);

    const [{ value: installId }] = query<{ value: string }>(db, "SELECT value FROM settings WHERE key = 'install-id'") as [{ value: string }];
    expect(prospecting?.uid).toBe(`${installId}-block-1@acct`);
    expect(review?.uid).toBe(`${installId}-block-2@acct`);

    // Exporting again (to stdout, without --ics: it is the only format) gives the same UIDs.
    const again = await acct(db, ["block", "export"]);
    expect(again.code).toBe(0);
    expect(parse(again.stdout).map((e) => e.uid)).toEqual([prospecting?.uid, review?.uid]);
    // Another database gets other UIDs for its block #1.
    expect(parse((await acct(await withBlock(), ["block", "export"])).stdout)[0]?.uid).not.toBe(prospecting?.uid);
  });

  it("gives blocks from elsewhere (no install id yet) one on export, and still leaves out days off", async () => {
    const db = await withBlock();
    expect((await acct(db, ["off", "add", "2026-03-05"])).code).toBe(0);
    const conn = new Database(db);
    conn.prepare("DELETE FROM settings WHERE key = 'install-id'").run();
    conn.close();
    const result = await acct(db, ["block", "export"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("EXDATE:20260305T080000");
    expect(query(db, "SELECT value FROM settings WHERE key = 'install-id'")).toHaveLength(1);
  });

  it("writes the same wall-clock times whatever the system time zone", async () => {
    const db = await withBlock();
    // acct runs in this process, so the system time zone is this process's TZ (Node reads a change at once).
    const times = async (tz: string, offsetMinutes: number) => {
      const saved = process.env.TZ;
      process.env.TZ = tz;
      try {
        expect(new Date(2026, 2, 3, 8).getTimezoneOffset(), tz).toBe(offsetMinutes);
        return (await acct(db, ["block", "export"])).stdout.split("\r\n").filter((l) => /^(DTSTART|DTEND|RRULE|UID)/.test(l));
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    };
    const tokyo = await times("Asia/Tokyo", -540);
    expect(tokyo).toContain("DTSTART:20260303T080000");
    expect(tokyo).toContain("DTEND:20260303T093000");
    expect(await times("America/Los_Angeles", 480)).toEqual(tokyo);
    expect(await times("UTC", 0)).toEqual(tokyo);
  });

  it("starts the calendar on the first occurrence acct counts: not the day it was added after that day's block", async () => {
    const db = tempDb();
    // Thursday 2026-03-12 at 23:59 (a date alone): Tuesday and Thursday 08:00–09:30 has no occurrence today.
    expect((await acct(db, ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30"])).code).toBe(0);
    expectUsageError(await acct(db, ["block", "done", "1"]), /has no occurrence on 2026-03-12/);
    expect((await acct(db, ["block", "export"])).stdout).toContain("DTSTART:20260317T080000");
    // Added at 07:00 the same day, today's occurrence counts, and the calendar starts today.
    const early = tempDb();
    expect(
      (await acct(early, ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30"], { now: "2026-03-12T07:00" })).code,
    ).toBe(0);
    expect((await acct(early, ["block", "export"], { now: "2026-03-12T07:00" })).stdout).toContain("DTSTART:20260312T080000");
  });

  it("excludes days off from the recurrence", async () => {
    const db = await withBlock();
    expect((await acct(db, ["off", "add", "2026-03-16..2026-03-20", "--reason", "vacation"])).code).toBe(0);
    const text = (await acct(db, ["block", "export"])).stdout;
    expect(text).toContain("EXDATE:20260317T080000,20260319T080000\r\n");
  });

  it("writes an empty calendar without creating the data file", async () => {
    const db = tempDb();
    const result = await acct(db, ["block", "export", "--ics"]);
    expect(result.code).toBe(0);
    expect(parse(result.stdout)).toEqual([]);
    expect(existsSync(db)).toBe(false);
  });

  it("refuses a file in a folder that does not exist (exit 2), writing nothing", async () => {
    const db = await withBlock();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["block", "export", "--out", join(dirname(db), "missing", "blocks.ics")]), /^acct: the folder .*missing does not exist/);
    expect(fingerprint(db)).toBe(before);
  });
});

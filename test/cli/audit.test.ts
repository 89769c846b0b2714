import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";
import { displayWidth } from "../../src/render/text-width.js";

// 2026 has 261 weekdays. 261 deals at 100 % win and meeting rates and a 25 %
// call rate make every daily target whole: 1 deal, 1 opportunity, 1 meeting,
// 4 calls and 1,000 of revenue per working day.
const WHOLE_PLAN = [
  "plan",
  "set",
  "--unit",
  "deals",
  "--target",
  "261",
  "--deal-size",
  "1000",
  "--win-rate",
  "1",
  "--meeting-rate",
  "1",
  "--call-rate",
  "0.25",
  "--customer-time",
  "25%",
  "--start",
  "2026-01-01",
];

interface MetricJson {
  metric: string;
  week: { plan: number; planToDate: number; actual: number };
  ytd: { plan: number; actual: number };
  annual: number;
  status: string;
  bufferDays: number | null;
  projection: number | null;
  requiredPerWeek: number | null;
}
interface AuditJson {
  week: string;
  from: string;
  to: string;
  asOf: string;
  metrics: MetricJson[];
  conversion: {
    stages: { from: string; to: string; planned: number; actual: number | null }[];
    dealSize: { planned: number | null; actual: number | null };
    weakest: string | null;
  };
  customerTime: { minutes: number; workingMinutes: number; share: number | null; goal: number | null };
  blocks: {
    scheduled: number;
    kept: number;
    skipped: number;
    unmarked: number;
    adherence: number | null;
    unmarkedOccurrences: { id: number; date: string; command: string }[];
  };
  commitments: {
    due: { id: number; status: string; carried: number }[];
    kept: number;
    missed: number;
    open: number;
    overdue: { id: number }[];
    repeated: { id: number; carried: number }[];
  };
  lastChange: string | null;
}

/** Writes entries straight into the file (the triggers keep daily_totals in step). */
function seed(db: string, rows: [date: string, type: string, count: number, amount?: number, minutes?: number][]): void {
  const conn = new Database(db);
  const insert = conn.prepare("INSERT INTO entries (date, type, count, amount, minutes, created_at) VALUES (?, ?, ?, ?, ?, 'seed')");
  conn.transaction(() => {
    for (const [date, type, count, amount, minutes] of rows) insert.run(date, type, count, amount === undefined ? null : amount * 100, minutes ?? null);
  })();
  conn.close();
}

async function planned(args: string[] = [], now = "2026-03-12"): Promise<string> {
  const db = tempDb();
  for (const a of [args.length > 0 ? args : WHOLE_PLAN]) expect((await acct(db, a, { now })).code).toBe(0);
  return db;
}

const metricOf = (audit: AuditJson, name: string) => audit.metrics.find((m) => m.metric === name) as MetricJson;

describe("acct audit figures", () => {
  let db: string;
  beforeAll(async () => {
    db = await planned();
    seed(db, [
      ["2026-01-15", "call", 100],
      ["2026-02-10", "call", 32],
      ["2026-02-10", "meeting", 40],
      ["2026-02-11", "opportunity", 10],
      ["2026-02-20", "deal", 2, 25000],
      ["2026-03-04", "call", 7], // week 10
      ["2026-03-09", "call", 10, undefined, 60], // week 11 from here
      ["2026-03-11", "call", 8],
      ["2026-03-12", "meeting", 5, undefined, 60],
      ["2026-03-13", "call", 50], // after as-of: never counted on Thursday
    ]);
  });

  it("mid-week (Thu 2026-03-12): week, plan to date, year to date, buffer, projection, need per week", async () => {
    const audit = await acctJson<AuditJson>(db, ["audit"]);
    expect([audit.week, audit.from, audit.to, audit.asOf]).toEqual(["2026-W11", "2026-03-09", "2026-03-15", "2026-03-12"]);
    const calls = metricOf(audit, "calls");
    expect(calls.week).toEqual({ plan: 20, planToDate: 16, actual: 18 });
    // 51 working days from Jan 1 to Mar 12 × 4 = 204; 100 + 32 + 7 + 18 = 157 done.
    expect(calls.ytd).toEqual({ plan: 204, actual: 157 });
    expect(calls.annual).toBe(1044);
    expect(calls.status).toBe("behind");
    expect(calls.bufferDays).toBe(-11.75); // (157 − 204) / 4
    expect(calls.projection).toBe(803.47); // 157 / 51 × 261
    expect(calls.requiredPerWeek).toBe(21.12); // (1044 − 157) / 210 × 5
    const meetings = metricOf(audit, "meetings");
    expect(meetings.ytd).toEqual({ plan: 51, actual: 45 });
    expect(meetings.status).toBe("at-risk");
    expect(metricOf(audit, "revenue").ytd).toEqual({ plan: 51000, actual: 25000 });
    expect(audit.conversion.stages.map((s) => s.actual)).toEqual([0.2866, 0.2222, 0.2]);
    expect(audit.conversion.dealSize).toEqual({ planned: 1000, actual: 12500 });
    expect(audit.conversion.weakest).toBe("opportunities");
    expect(audit.customerTime).toEqual({ minutes: 120, workingMinutes: 1920, share: 0.0625, goal: 0.25 });
    expect(audit.blocks).toMatchObject({ scheduled: 0, kept: 0, skipped: 0, unmarked: 0, adherence: null });
  });

  it("a past week (--week 2026-W10) is audited as of its Sunday; --date picks the same week", async () => {
    const audit = await acctJson<AuditJson>(db, ["audit", "--week", "2026-W10"]);
    expect([audit.from, audit.to, audit.asOf]).toEqual(["2026-03-02", "2026-03-08", "2026-03-08"]);
    const calls = metricOf(audit, "calls");
    expect(calls.week).toEqual({ plan: 20, planToDate: 20, actual: 7 });
    // Jan 22 + Feb 20 + Mar 2–6 5 = 47 working days.
    expect(calls.ytd).toEqual({ plan: 188, actual: 139 });
    expect(calls.requiredPerWeek).toBe(21.14); // (1044 − 139) / 214 × 5
    expect(await acctJson<AuditJson>(db, ["audit", "--date", "2026-03-04"])).toEqual(audit);
  });

  it("text and markdown, piped, carry no ANSI codes", async () => {
    for (const args of [["audit"], ["audit", "--format", "md"]]) {
      const result = await acct(db, args);
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/\x1b\[/);
    }
    const text = (await acct(db, ["audit"])).stdout;
    expect(text.split("\n")[1]).toMatch(/^✗ Revenue behind: /);
    expect(text).toContain("Weakest stage: at 20% opportunity→deal you need 1,305 opportunities, not 261");
    expect(text).not.toContain("Time blocks");
    const md = (await acct(db, ["audit", "--format", "md"])).stdout;
    expect(md).toMatch(/^# Weekly audit 2026-W11/);
    expect(md).toContain("| calls | 20 | 18 | 204 | 157 | 1,044 | behind | −11.8 |");
  });

  it("fits the metrics table to the width ($COLUMNS here, a terminal's own width on one), naming what it leaves out", async () => {
    const full = (await acct(db, ["audit"])).stdout;
    expect(full).toMatch(/│ Metric +│ +Week │ To date │ Done │ YTD plan │ YTD done │ Status +│ Buffer │ Pace\/yr │ Annual │ Need\/wk │/);
    expect(full).not.toContain("Not shown");
    const narrow = (await acct(db, ["audit"], { env: { COLUMNS: "80" } })).stdout;
    for (const line of narrow.split("\n")) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(narrow).toMatch(/│ Metric +│ +Week │ Done │ YTD done │ Status +│ Buffer │ Need\/wk │/);
    expect(narrow.replace(/\n/g, " ")).toContain("Not shown, for the terminal's width: Annual, Pace/yr, To date, YTD plan (--json has every column).");
    // The rest of the page says the same, its long sentences wrapped (piped with no $COLUMNS, each is one line).
    const words = (text: string) => text.replace(/\s+/g, " ");
    expect(narrow.slice(narrow.indexOf("Effectiveness"))).not.toBe(full.slice(full.indexOf("Effectiveness")));
    expect(words(narrow.slice(narrow.indexOf("Effectiveness")))).toBe(words(full.slice(full.indexOf("Effectiveness"))));
    expect(full).toContain("  Weakest stage: at 20% opportunity→deal you need 1,305 opportunities, not 261 (5,220 calls, not 1,044)\n");
    expect(narrow).toContain("  Weakest stage: at 20% opportunity→deal you need 1,305 opportunities, not 261\n    (5,220 calls, not 1,044)\n");
    expect((await acct(db, ["audit", "--json"], { env: { COLUMNS: "80" } })).stdout).toBe((await acct(db, ["audit", "--json"])).stdout);
  });
});

describe("audit edges of the calendar", () => {
  it("the first day of the year: one working day elapsed; entries of the old year count for the week only", async () => {
    const db = await planned(WHOLE_PLAN, "2026-01-01");
    seed(db, [
      ["2025-12-30", "call", 3],
      ["2026-01-01", "call", 2],
    ]);
    const audit = await acctJson<AuditJson>(db, ["audit"], { now: "2026-01-01" });
    expect([audit.week, audit.from, audit.asOf]).toEqual(["2026-W01", "2025-12-29", "2026-01-01"]);
    const calls = metricOf(audit, "calls");
    expect(calls.week).toEqual({ plan: 8, planToDate: 4, actual: 5 });
    expect(calls.ytd).toEqual({ plan: 4, actual: 2 });
    expect(calls.projection).toBe(522);
    expect(calls.bufferDays).toBe(-0.5);
    expect(calls.requiredPerWeek).toBe(20.04); // (1044 − 2) / 260 × 5
  });

  it("a week spanning two months takes each month's daily target", async () => {
    // April weighs double: 261 + 22 = 283 meeting-days; calls 4 a day in March, 8 in April.
    const db = await planned(
      [
        "plan",
        "set",
        "--unit",
        "deals",
        "--target",
        "283",
        "--deal-size",
        "1000",
        "--win-rate",
        "1",
        "--meeting-rate",
        "1",
        "--call-rate",
        "0.25",
        "--seasonality",
        "1,1,1,2,1,1,1,1,1,1,1,1",
        "--start",
        "2026-01-01",
      ],
      "2026-04-02",
    );
    const audit = await acctJson<AuditJson>(db, ["audit"], { now: "2026-04-02" });
    expect([audit.week, audit.from, audit.to]).toEqual(["2026-W14", "2026-03-30", "2026-04-05"]);
    const calls = metricOf(audit, "calls");
    expect(calls.week.plan).toBe(32); // Mar 30–31: 2 × 4, Apr 1–3: 3 × 8
    expect(calls.week.planToDate).toBe(24);
    expect(calls.ytd.plan).toBe(272); // 64 × 4 + 2 × 8
  });

  it("a week with days off: no plan and no working minutes on them", async () => {
    const db = tempDb();
    expect((await acct(db, ["off", "add", "2026-03-10..2026-03-11", "--reason", "training"])).code).toBe(0);
    // 259 working days left in the year: keep 4 calls a day.
    expect(
      (
        await acct(db, [
          "plan",
          "set",
          "--unit",
          "deals",
          "--target",
          "259",
          "--deal-size",
          "1000",
          "--win-rate",
          "1",
          "--meeting-rate",
          "1",
          "--call-rate",
          "0.25",
          "--start",
          "2026-01-01",
        ])
      ).code,
    ).toBe(0);
    seed(db, [["2026-03-09", "call", 4, undefined, 30]]);
    const audit = await acctJson<AuditJson>(db, ["audit"]);
    const calls = metricOf(audit, "calls");
    expect(calls.week).toEqual({ plan: 12, planToDate: 8, actual: 4 });
    expect(calls.ytd.plan).toBe(196); // 49 working days × 4
    expect(audit.customerTime.workingMinutes).toBe(960);
  });

  it("the last week of the year: nothing remains to require; a past W53 still uses its own year", async () => {
    const db = await planned(WHOLE_PLAN, "2026-12-31");
    seed(db, [
      ["2026-06-01", "call", 1000],
      ["2027-01-02", "call", 9],
    ]);
    const current = metricOf(await acctJson<AuditJson>(db, ["audit"], { now: "2026-12-31" }), "calls");
    expect(current.week).toEqual({ plan: 16, planToDate: 16, actual: 0 });
    expect(current.ytd).toEqual({ plan: 1044, actual: 1000 });
    expect(current.projection).toBe(1000);
    // No working day of the year follows Dec 31: there are no coming days to measure the gap in.
    expect(current.bufferDays).toBeNull();
    expect(current.requiredPerWeek).toBeNull();
    const past = await acctJson<AuditJson>(db, ["audit", "--week", "2026-W53"], { now: "2027-01-05" });
    expect(past.asOf).toBe("2027-01-03");
    expect(metricOf(past, "calls").week.actual).toBe(9);
    expect(metricOf(past, "calls").ytd).toEqual({ plan: 1044, actual: 1000 });
  });
});

describe("audit sections from other tables", () => {
  it("time blocks: the week's occurrences up to as-of, days off excluded, shown once blocks exist", async () => {
    const db = await planned();
    expect((await acct(db, ["off", "add", "2026-03-10"])).code).toBe(0);
    const conn = new Database(db);
    conn.exec(`INSERT INTO blocks (id, label, days, start_min, end_min, activity, created_at) VALUES (1, 'prospecting', 'mon,tue,thu,fri', 480, 570, 'call', '2026-01-05T09:00:00');
               INSERT INTO block_marks (block_id, date, status, reason) VALUES (1, '2026-03-09', 'done', NULL), (1, '2026-03-12', 'skipped', 'customer visit'), (1, '2026-03-02', 'done', NULL);`);
    conn.close();
    // Mon, (Tue off), Thu once its 09:30 end has passed; Fri is after as-of.
    const now = "2026-03-12T10:00";
    expect((await acctJson<AuditJson>(db, ["audit"], { now })).blocks).toMatchObject({ scheduled: 2, kept: 1, skipped: 1, unmarked: 0, adherence: 0.5 });
    expect((await acct(db, ["audit"], { now })).stdout).toContain("1 of 2 kept, 1 skipped, 0 unmarked: 50% adherence");
  });

  it("late December in week 01 falls back to the plan of the as-of date's year", async () => {
    const db = await planned([...WHOLE_PLAN.slice(0, -2), "--year", "2025", "--start", "2025-01-01"], "2025-12-30");
    const audit = await acctJson<AuditJson>(db, ["audit"], { now: "2025-12-30" });
    expect([audit.week, audit.asOf]).toEqual(["2026-W01", "2025-12-30"]);
    expect(metricOf(audit, "calls").week.plan).toBe(12); // Dec 29–31 of the 2025 plan
  });
});

describe("audit failures", () => {
  it("no plan for the year: exit 1 with a hint", async () => {
    const db = tempDb();
    const result = await acct(db, ["audit"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: no plan for 2026\nhint: .*acct plan set/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("bad week, bad date, a future week, both --week and --date: exit 2", async () => {
    const db = await planned();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["audit", "--week", "2026-W60"]), /week '2026-W60' is not an ISO week/);
    expectUsageError(await acct(db, ["audit", "--date", "2026-02-30"]), /does not exist/);
    expectUsageError(await acct(db, ["audit", "--week", "2026-W12"]), /has not started yet/);
    expectUsageError(await acct(db, ["audit", "--week", "2026-W10", "--date", "2026-03-02"]), /not both/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("acct audit --reflect and acct reviews", () => {
  it("without a terminal takes the flags, stores the review, and the next audit recalls the change", async () => {
    const db = await planned();
    const saved = await acct(db, [
      "audit",
      "--reflect",
      "--rating",
      "4",
      "--wins",
      "two demos",
      "--misses",
      "no calls on Friday",
      "--change",
      "call block on Friday",
    ]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain("saved review #1 of 2026-W11");
    expect(await acctJson(db, ["reviews"])).toEqual([
      { id: 1, week: "2026-W11", rating: 4, wins: "two demos", misses: "no calls on Friday", change: "call block on Friday" },
    ]);
    const next = await acctJson<AuditJson>(db, ["audit"], { now: "2026-03-17" });
    expect(next.lastChange).toBe("call block on Friday");
    expect((await acctJson<AuditJson>(db, ["audit"])).lastChange).toBeNull();
  });

  it("names the missing flags, refuses rating 6, writes nothing", async () => {
    const db = await planned();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["audit", "--reflect", "--rating", "4"]), /--wins, --misses, --change/);
    expectUsageError(await acct(db, ["audit", "--reflect", "--rating", "6", "--wins", "a", "--misses", "b", "--change", "c"]), /rating must be from 1 to 5/);
    expectUsageError(await acct(db, ["audit", "--rating", "3"]), /go with --reflect/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("acct buddy and acct share", () => {
  it("no buddy: exit 2 with a hint; with one, share writes markdown with a mailto link", async () => {
    const db = await planned();
    const before = fingerprint(db);
    const none = await acct(db, ["share"]);
    expectUsageError(none, /no buddy/);
    expect(none.stderr).toContain("acct buddy set");
    expect(fingerprint(db)).toBe(before);
    expectUsageError(await acct(db, ["buddy", "set", "Sam", "--email", "not-an-email"]), /not an email address/);
    expect((await acct(db, ["buddy", "set", "Sam Lee", "--email", "sam@example.com"])).code).toBe(0);
    expect(await acctJson(db, ["buddy"])).toEqual({ name: "Sam Lee", email: "sam@example.com" });
    expect(await acctJson(db, ["buddy", "show"])).toEqual({ name: "Sam Lee", email: "sam@example.com" });
    const out = join(dirname(db), "week.md");
    const shared = await acct(db, ["share", "--out", out]);
    expect(shared.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("mailto:sam@example.com?subject=Weekly%20audit%202026-W11");
    expect(text).toContain("Hi Sam Lee");
    expect(text).toContain("# Weekly audit 2026-W11");
    expect(text).not.toMatch(/\x1b\[/);
  });
});

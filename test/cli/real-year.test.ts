/**
 * Plans through a real year (SPEC revision 2): a mid-year start with an
 * opening balance, revisions that leave earlier audits as they were, a past
 * sick day, a KPI from a date, today's share, and month/quarter/year audits.
 */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { AuditJson } from "../../src/render/audit-json.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const PLAN = ["plan", "set", "--target", "1.2m", "--deal-size", "40k", "--win-rate", "25%", "--meeting-rate", "50%", "--call-rate", "10%"];

type MetricJson = AuditJson["metrics"][number];
const metric = (audit: AuditJson, name: string) => audit.metrics.find((m) => m.metric === name) as MetricJson;

function seed(db: string, rows: [date: string, type: string, count: number][]): void {
  const conn = new Database(db);
  const insert = conn.prepare("INSERT INTO entries (date, type, count, created_at) VALUES (?, ?, ?, 'seed')");
  for (const [date, type, count] of rows) insert.run(date, type, count);
  conn.close();
}

describe("a plan that starts mid-year", () => {
  it("starts today when nothing was logged this year: no days behind, the year's rest over the days left", async () => {
    const db = tempDb();
    const now = "2026-12-01";
    const plan = await acctJson<{ start: string; opening: object; workingDays: number }>(db, [...PLAN, "--target", "900k"], { now });
    // December's 23 working days are the plan's: none before its start.
    expect(plan).toMatchObject({ start: "2026-12-01", opening: {}, workingDays: 23 });
    expect((await acct(db, ["plan", "show"], { now })).stdout).toContain("a typical week: 400 calls");
    const audit = await acctJson<AuditJson>(db, ["audit"], { now });
    const calls = metric(audit, "calls");
    // 900k at 40k a deal: 23 deals, 92 opportunities, 184 meetings, 1,840 calls, over December's 23 working
    // days; the audit is at the end of Dec 1 (a date alone): one day planned, none done.
    expect(calls.annual).toBe(1840);
    expect(calls.ytd.plan).toBeCloseTo(80, 1);
    expect(calls.bufferDays).toBeCloseTo(-1, 2);
    expect(calls.requiredPerWeek).toBeCloseTo((1840 / 22) * 5, 1);
  });

  it("needs per week over the plan's working days only: a plan set in June from July asks July's pace", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-07-01"], { now: "2026-06-15" });
    // 2,400 calls over the 132 working days from Jul 1 to Dec 31: 90.9 a week (not 2,400 over the 139 after Jun 20).
    const calls = metric(await acctJson<AuditJson>(db, ["audit"], { now: "2026-06-20" }), "calls");
    expect(calls.requiredPerWeek).toBe(90.91);
  });

  it("counts the opening balance in the year to date, and asks for the rest only", async () => {
    const db = tempDb();
    const now = "2026-07-01";
    const plan = await acctJson<{ start: string; opening: Record<string, number> }>(
      db,
      [...PLAN, "--opening", "revenue=420k,deals=11,opps=40,meetings=90,calls=1200"],
      { now },
    );
    expect(plan.start).toBe("2026-07-01");
    expect(plan.opening).toEqual({ revenue: 420000, deals: 11, opportunities: 40, meetings: 90, calls: 1200 });
    const audit = await acctJson<AuditJson>(db, ["audit"], { now });
    const revenue = metric(audit, "revenue");
    // 780k left over the 132 working days from Jul 1; the opening counts as done and as planned.
    expect(revenue.ytd.actual).toBe(420000);
    expect(revenue.ytd.plan).toBeCloseTo(420000 + 780000 / 132, 2);
    expect(metric(audit, "calls").ytd.plan).toBeCloseTo(1200 + 1200 / 132, 1);
  });

  it("a --start given explicitly wins; one outside the plan year is refused, nothing written", async () => {
    const db = tempDb();
    expect((await acctJson<{ start: string }>(db, [...PLAN, "--start", "2026-04-01"])).start).toBe("2026-04-01");
    const other = tempDb();
    expectUsageError(await acct(other, [...PLAN, "--start", "2027-01-05"]), /--start 2027-01-05 is not in the plan year 2026/);
    expectUsageError(await acct(other, [...PLAN, "--opening", "revenue=1k,tweets=5"]), /unknown activity type 'tweets'/);
    expectUsageError(await acct(other, [...PLAN, "--opening", "calls"]), /--opening 'calls' is not NAME=VALUE/);
    expectUsageError(await acct(other, [...PLAN, "--opening", "calls=5,Calls=6"]), /^acct: --opening names calls twice\n/);
    expectUsageError(
      await acct(other, [...PLAN, "--start", "2026-01-01", "--opening", "deals=2"]),
      /^acct: --opening is what was done before the plan's start, and 2026-01-01 is the first day of 2026\nhint: give --start D/,
    );
    expect(fingerprint(other)).toBe("absent");
  });
});

describe("revisions", () => {
  it("change the days from --from on; an audit of an earlier week reads byte for byte as before", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    seed(db, [
      ["2026-01-05", "call", 40],
      ["2026-02-03", "call", 50],
    ]);
    const january = (await acct(db, ["audit", "--week", "2026-W02", "--json"], { now: "2026-03-12" })).stdout;
    const januaryText = (await acct(db, ["audit", "--week", "2026-W02"], { now: "2026-03-12" })).stdout;
    const revised = await acctJson<{ revisions: { from: string; note: string; target: number }[]; annual: { calls: number } }>(
      db,
      ["plan", "set", "--target", "1.5m", "--note", "territory grew"],
      { now: "2026-03-12" },
    );
    expect(revised.revisions).toEqual([expect.objectContaining({ from: "2026-03-12", note: "territory grew", target: 1500000 })]);
    // 1.5m at 40k: 38 deals, 152 opportunities, 304 meetings, 3,040 calls.
    expect(revised.annual.calls).toBe(3040);
    expect((await acct(db, ["audit", "--week", "2026-W02", "--json"], { now: "2026-03-12" })).stdout).toBe(january);
    expect((await acct(db, ["audit", "--week", "2026-W02"], { now: "2026-03-12" })).stdout).toBe(januaryText);
    // The year still adds up to the new total, and the inputs left out were kept.
    const show = await acctJson<{ months: { calls: number }[]; winRate: number; seasonality: number[] }>(db, ["plan", "show"], { now: "2026-03-12" });
    expect(show.months.reduce((s, m) => s + m.calls, 0)).toBeCloseTo(3040, 0);
    expect(show.winRate).toBe(0.25);
    const history = await acctJson<{ id: number; from: string; annual: { calls: number } }[]>(db, ["plan", "history"], { now: "2026-03-12" });
    expect(history.map((h) => [h.id, h.from, h.annual.calls])).toEqual([
      [1, "2026-01-01", 2400],
      [2, "2026-03-12", 3040],
    ]);
    // Undo removes the revision.
    expect((await acct(db, ["undo"], { now: "2026-03-12" })).stdout).toMatch(/^undid: plan revision 2026 from 2026-03-12/);
    expect(await acctJson<unknown[]>(db, ["plan", "history"], { now: "2026-03-12" })).toHaveLength(1);
  });

  it("keep seasonality, customer time and workdays when the flags leave them out", async () => {
    const db = tempDb();
    await acctJson(
      db,
      [...PLAN, "--start", "2026-01-01", "--seasonality", "0.5,1,1,1,1,1,1,1,1,1,1,1.5", "--customer-time", "30%", "--workdays", "mon,tue,wed,thu"],
      { now: "2026-01-02" },
    );
    const revised = await acctJson<{ seasonality: number[]; customerTime: number; workdays: string[] }>(db, ["plan", "set", "--win-rate", "30%"], {
      now: "2026-05-04",
    });
    expect(revised).toMatchObject({ seasonality: [0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5], customerTime: 0.3, workdays: ["mon", "tue", "wed", "thu"] });
  });

  it("show a typical week of the plan in effect, over the weeks from its first day", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    expect((await acct(db, ["plan", "show"], { now: "2026-01-02" })).stdout).toContain("a typical week: 46 calls");
    // From Jul 1: 3,040 calls (38 deals) less the 2,400 × 129/261 planned before it, over the 132 working days left:
    // 70.2 a week, where the whole year's 3,040 over its 261 days would say 58.
    const revised = await acct(db, ["plan", "set", "--target", "1.5m"], { now: "2026-07-01" });
    expect(revised.stdout).toContain("a typical week: 70 calls");
  });

  it.each([
    ["--from outside the plan year", ["--target", "1.5m", "--from", "2027-01-04"], /--from 2027-01-04 is not in the plan year 2026/],
    ["--from before the plan in effect began", ["--target", "1.5m", "--from", "2026-02-01"], /--from 2026-02-01 is before 2026-03-02/],
    ["another start", ["--target", "1.5m", "--start", "2026-02-01"], /--start and --opening are for the first plan only/],
    ["an opening on a revision", ["--opening", "deals=2"], /--start and --opening are for the first plan only/],
    ["nothing to change", ["--note", "just a note"], /give the flags to change/],
  ])("refuses %s (exit 2, nothing written)", async (_what, flags, message) => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-03-02"], { now: "2026-03-02" });
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["plan", "set", ...flags], { now: "2026-03-12" }), message);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("days off and custom targets from a date", () => {
  it("a past sick day moves its share to the days after it; the weeks before it keep their plan", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    // What a past week planned and did stays; the forward-looking figures (what is still needed) may move.
    const pastFigures = async () =>
      (await acctJson<AuditJson>(db, ["audit", "--week", "2026-W03"], { now: "2026-03-12" })).metrics.map((m) => [
        m.metric,
        m.period,
        m.ytd,
        m.annual,
        m.status,
      ]);
    const january = await pastFigures();
    const year = (await acctJson<{ months: { calls: number }[] }>(db, ["plan", "show"], { now: "2026-03-12" })).months;
    expect((await acct(db, ["off", "add", "2026-02-10", "--reason", "sick"], { now: "2026-03-12" })).code).toBe(0);
    expect(await pastFigures()).toEqual(january);
    const after = (await acctJson<{ months: { calls: number; workingDays: number }[] }>(db, ["plan", "show"], { now: "2026-03-12" })).months;
    expect(after[0]?.calls).toBe(year[0]?.calls);
    expect(after[1]?.workingDays).toBe(19);
    expect(after.reduce((s, m) => s + m.calls, 0)).toBeCloseTo(2400, 0);
  });

  it("a KPI added in March is planned from then on: it does not start weeks behind", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    expect((await acct(db, ["type", "add", "discovery"], { now: "2026-03-09" })).code).toBe(0);
    expect(await acctJson(db, ["plan", "target", "discovery", "5"], { now: "2026-03-09" })).toEqual({ type: "discovery", perWeek: 5, from: "2026-03-09" });
    const audit = await acctJson<AuditJson>(db, ["audit"], { now: "2026-03-12" });
    const discovery = metric(audit, "discovery");
    // Mon–Thu of its first week: 4 of the week's 5.
    expect(discovery.ytd.plan).toBeCloseTo(4, 9);
    expect(discovery.period.plan).toBeCloseTo(5, 9);
    const january = await acctJson<AuditJson>(db, ["audit", "--week", "2026-W03"], { now: "2026-03-12" });
    expect(metric(january, "discovery").period.plan).toBe(0);
  });
});

describe("custom targets in the order they are told", () => {
  const targetOn = async (db: string, now: string) => metric(await acctJson<AuditJson>(db, ["audit"], { now }), "linkedin").period.plan;

  it("a target told later from an earlier day replaces one told earlier from a later day; undo brings it back", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-06-15"], { now: "2026-06-15" });
    expect((await acct(db, ["type", "add", "linkedin"], { now: "2026-06-15" })).code).toBe(0);
    await acctJson(db, ["plan", "target", "linkedin", "25"], { now: "2026-06-15" });
    await acctJson(db, ["plan", "target", "linkedin", "50"], { now: "2026-06-29" });
    await acctJson(db, ["plan", "target", "linkedin", "10", "--from", "2026-06-22"], { now: "2026-06-29" });
    expect(await targetOn(db, "2026-06-16")).toBe(25);
    expect(await targetOn(db, "2026-06-23")).toBe(10);
    // Week 27 and every week after: 10, not the 50 told before it.
    expect(await targetOn(db, "2026-06-30")).toBe(10);
    expect(await targetOn(db, "2026-09-15")).toBe(10);
    expect((await acct(db, ["plan", "show"], { now: "2026-06-29" })).stdout).toContain("weekly target: 10 linkedin");
    expect((await acct(db, ["undo"], { now: "2026-06-29" })).code).toBe(0);
    expect(await targetOn(db, "2026-06-23")).toBe(25);
    expect(await targetOn(db, "2026-06-30")).toBe(50);
  });

  it("a target from before the plan's start holds from the start", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-06-15"], { now: "2026-06-15" });
    expect((await acct(db, ["type", "add", "linkedin"], { now: "2026-06-15" })).code).toBe(0);
    await acctJson(db, ["plan", "target", "linkedin", "25"], { now: "2026-06-15" });
    await acctJson(db, ["plan", "target", "linkedin", "10", "--from", "2026-06-01"], { now: "2026-06-17" });
    expect(await targetOn(db, "2026-06-17")).toBe(10);
    expect(await targetOn(db, "2026-06-08")).toBe(0);
  });

  it("a past week's annual, projection and need keep the target known then", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-06-15"], { now: "2026-06-15" });
    expect((await acct(db, ["type", "add", "linkedin"], { now: "2026-06-15" })).code).toBe(0);
    await acctJson(db, ["plan", "target", "linkedin", "25"], { now: "2026-06-15" });
    const week25 = async () => {
      const m = metric(await acctJson<AuditJson>(db, ["audit", "--week", "2026-W25"], { now: "2026-07-01" }), "linkedin");
      return [m.annual, m.projection, m.requiredPerWeek, m.period, m.ytd];
    };
    const before = await week25();
    // 25 a week over the 144 working days from Jun 15 (five a week): 720.
    expect(before[0]).toBeCloseTo(720, 6);
    await acctJson(db, ["plan", "target", "linkedin", "50"], { now: "2026-06-29" });
    expect(await week25()).toEqual(before);
    // Week 27 (as of Sunday Jul 5) knows it: 10 days at 5 a day, then Jun 29 – Jul 3 and the 129 working days after at 10.
    const week27 = metric(await acctJson<AuditJson>(db, ["audit", "--week", "2026-W27"], { now: "2026-07-10" }), "linkedin");
    expect(week27.annual).toBeCloseTo(10 * 5 + 5 * 10 + 129 * 10, 6);
  });
});

describe("a plan needs a day to carry it", () => {
  it("refuses a revision when every working day left has seasonality weight 0 (exit 2, nothing written)", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01", "--seasonality", "1,1,1,1,1,1,0,0,0,0,0,0"], { now: "2026-01-02" });
    const before = fingerprint(db);
    expectUsageError(
      await acct(db, ["plan", "set", "--target", "2m"], { now: "2026-07-06" }),
      /^acct: no working day from 2026-07-06 to 2026-12-31 can carry the plan: 2026-07, 2026-08, 2026-09, 2026-10, 2026-11, 2026-12 have seasonality weight 0\nhint: give the months left a weight above 0 with --seasonality\n$/,
    );
    expect(fingerprint(db)).toBe(before);
    // Giving the months left a weight is a revision like any other.
    expect((await acct(db, ["plan", "set", "--target", "2m", "--seasonality", "1,1,1,1,1,1,1,1,1,1,1,1"], { now: "2026-07-06" })).code).toBe(0);
  });

  it("refuses a first plan whose start has no working day with a weight after it, or only days off, creating no file", async () => {
    const db = tempDb();
    expectUsageError(
      await acct(db, [...PLAN, "--start", "2026-12-01", "--seasonality", "1,1,1,1,1,1,1,1,1,1,1,0"], { now: "2026-12-01" }),
      /^acct: no working day from 2026-12-01 to 2026-12-31 can carry the plan: 2026-12 has seasonality weight 0\n/,
    );
    expect(fingerprint(db)).toBe("absent");
    expect((await acct(db, ["off", "add", "2026-12-01..2026-12-31", "--reason", "leave"], { now: "2026-11-30" })).code).toBe(0);
    const before = fingerprint(db);
    expectUsageError(
      await acct(db, [...PLAN, "--start", "2026-12-01"], { now: "2026-11-30" }),
      /^acct: no working day from 2026-12-01 to 2026-12-31 can carry the plan\nhint: a plan needs a working day left in its year\n$/,
    );
    expect(fingerprint(db)).toBe(before);
  });
});

describe("today's share and longer periods", () => {
  it("in the morning, today's plan has not started: a Monday 08:05 audit is not behind", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    const monday = await acctJson<AuditJson>(db, ["audit"], { now: "2026-03-09T08:05" });
    expect(metric(monday, "calls").period.planToDate).toBe(0);
    const noon = await acctJson<AuditJson>(db, ["audit"], { now: "2026-03-09T13:00" });
    expect(metric(noon, "calls").period.planToDate).toBeCloseTo(2400 / 261 / 2, 2);
    expect((await acct(db, ["config", "set", "day-start", "07:00"])).code).toBe(0);
    const early = await acctJson<AuditJson>(db, ["audit"], { now: "2026-03-09T08:05" });
    expect(metric(early, "calls").period.planToDate).toBeGreaterThan(0);
  });

  it("audits a month, a quarter and a year with their weeks' reviews; a future one is refused", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    expect(
      (
        await acct(db, ["audit", "--reflect", "--week", "2026-W06", "--rating", "4", "--wins", "w", "--misses", "m", "--change", "call first"], {
          now: "2026-03-12",
        })
      ).code,
    ).toBe(0);
    const february = await acctJson<AuditJson>(db, ["audit", "--month", "2026-02"], { now: "2026-03-12" });
    expect(february.period).toEqual({ kind: "month", id: "2026-02", from: "2026-02-01", to: "2026-02-28" });
    expect(metric(february, "calls").period.plan).toBeCloseTo((20 * 2400) / 261, 1);
    expect(february.reviews.map((r) => [r.week, r.rating])).toEqual([["2026-W06", 4]]);
    expect((await acctJson<AuditJson>(db, ["audit", "--quarter", "2026-Q1"], { now: "2026-03-12" })).period.to).toBe("2026-03-31");
    expect((await acctJson<AuditJson>(db, ["audit", "--year", "2026"], { now: "2026-03-12" })).period.kind).toBe("year");
    expect((await acct(db, ["audit", "--month", "2026-02", "--format", "md"], { now: "2026-03-12" })).stdout).toContain("# Audit of 2026-02");
    expectUsageError(await acct(db, ["audit", "--month", "2026-04"], { now: "2026-03-12" }), /month 2026-04 has not started yet/);
    expectUsageError(
      await acct(db, ["audit", "--month", "2026-02", "--week", "2026-W06"], { now: "2026-03-12" }),
      /give one of --week, --date, --month, --quarter or --year/,
    );
    expectUsageError(await acct(db, ["audit", "--month", "2026-02", "--reflect"], { now: "2026-03-12" }), /--reflect reviews a week/);
  });
});

describe("an older data file", () => {
  it("keeps its plan and days off: the plan from Jan 1, the days off known before it", async () => {
    const db = tempDb();
    await acctJson(db, [...PLAN, "--start", "2026-01-01"], { now: "2026-01-02" });
    expect((await acct(db, ["off", "add", "2026-08-03..2026-08-14"], { now: "2026-01-02" })).code).toBe(0);
    // Make it look like schema 3: the plan as the only row, days off without an order.
    const conn = new Database(db);
    conn.exec("UPDATE plans SET seq = 1; UPDATE days_off SET added_seq = 0");
    conn.close();
    const show = await acctJson<{ months: { calls: number }[] }>(db, ["plan", "show"], { now: "2026-03-12" });
    // 251 working days: every one carries the same share, August's vacation taken out from the start.
    expect(show.months[0]?.calls).toBeCloseTo((22 * 2400) / 251, 2);
  });
});

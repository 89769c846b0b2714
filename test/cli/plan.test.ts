import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, examplePlanFor, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface PlanJson {
  year: number;
  unit: string;
  target: number;
  dealSize: number | null;
  annual: { revenue: number | null; deals: number; opportunities: number; meetings: number; calls: number };
  months: { month: string; workingDays: number; revenue: number; deals: number; opportunities: number; meetings: number; calls: number }[];
}

const sum = (plan: PlanJson, key: "revenue" | "deals" | "opportunities" | "meetings" | "calls") => plan.months.reduce((s, m) => s + m[key], 0);

describe("acct plan set / show", () => {
  it("cascades 1,200,000 at 40,000 a deal into 30 deals, 120 opportunities, 240 meetings, 2,400 calls", async () => {
    const db = tempDb();
    const plan = await acctJson<PlanJson>(db, EXAMPLE_PLAN);
    expect(plan).toMatchObject({ year: 2026, unit: "revenue", target: 1200000, dealSize: 40000, winRate: 0.25, meetingRate: 0.5, callRate: 0.1 });
    expect(plan.annual).toEqual({ revenue: 1200000, deals: 30, opportunities: 120, meetings: 240, calls: 2400 });
    expect(plan.months.map((m) => m.workingDays)).toEqual([22, 20, 22, 22, 21, 22, 23, 21, 22, 22, 21, 23]);
    // Each month is the exact sum of its days: 2,400 / 261 calls a working day (JSON to 2 decimals).
    expect(plan.months.map((m) => m.calls)).toEqual(
      [22, 20, 22, 22, 21, 22, 23, 21, 22, 22, 21, 23].map((days) => Math.round(((days * 2400) / 261) * 100) / 100),
    );
    for (const key of ["revenue", "deals", "opportunities", "meetings", "calls"] as const) expect(sum(plan, key)).toBeCloseTo(plan.annual[key] ?? 0, 1);
    expect(plan).toMatchObject({ start: "2026-01-01", opening: {}, revisions: [] });
    expect(await acctJson<PlanJson>(db, ["plan", "show"])).toEqual(plan);
  });

  it("prints the cascade and a month table as text", async () => {
    const db = tempDb();
    const result = await acct(db, [
      ...EXAMPLE_PLAN.slice(0, 2),
      "--target",
      "1.2m",
      "--deal-size",
      "$40,000",
      "--win-rate",
      "25%",
      "--meeting-rate",
      "50%",
      "--call-rate",
      "10%",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2,400 calls");
    expect(result.stdout).toContain("2026-12");
    expect(result.stdout).toContain("$1,200,000");
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it("takes percent rates on a deals plan without tripping on float noise", async () => {
    const db = tempDb();
    const plan = await acctJson<PlanJson>(db, [
      "plan",
      "set",
      "--unit",
      "deals",
      "--target",
      "57",
      "--win-rate",
      "57%",
      "--meeting-rate",
      "50%",
      "--call-rate",
      "10%",
    ]);
    // 57 / 0.57 is 100.00000000000001 in floating point: a naive ceil says 101.
    expect(plan.annual).toEqual({ revenue: null, deals: 57, opportunities: 100, meetings: 200, calls: 2000 });
    expect(sum(plan, "calls")).toBeCloseTo(2000, 1);
  });

  it("moves the split with days off and seasonality, and re-spreads when days off change", async () => {
    const db = tempDb();
    const before = await acctJson<PlanJson>(db, EXAMPLE_PLAN);
    expect((await acct(db, ["off", "add", "2026-08-03..2026-08-14", "--reason", "vacation"])).code).toBe(0);
    const after = await acctJson<PlanJson>(db, ["plan", "show"]);
    expect(after.months[7]?.workingDays).toBe(11);
    expect(after.months[7]!.calls).toBeLessThan(before.months[7]!.calls);
    expect(sum(after, "calls")).toBeCloseTo(2400, 1);

    // The same day the plan began, `plan set` again corrects it: December weighs nothing.
    const seasonal = await acctJson<PlanJson>(db, [...EXAMPLE_PLAN, "--seasonality", "1,1,1,1,1,1,1,1,1,1,1,0"], { now: "2026-01-01" });
    expect(seasonal.months[11]?.calls).toBe(0);
    expect(sum(seasonal, "calls")).toBeCloseTo(2400, 1);
  });

  it("plans another year with other workdays", async () => {
    const db = tempDb();
    const plan = await acctJson<PlanJson>(db, [...examplePlanFor(2027), "--workdays", "mon,tue,wed,thu"]);
    expect(plan.year).toBe(2027);
    expect(plan.months.reduce((s, m) => s + m.workingDays, 0)).toBe(208);
    expect((await acct(db, ["plan", "show"])).code).toBe(1); // no plan for 2026 yet
  });

  it("accepts global options after the command", async () => {
    const db = tempDb();
    const result = await acct(null, [...EXAMPLE_PLAN, "--db", db, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).annual.calls).toBe(2400);
  });

  it("shows nothing and creates nothing when there is no plan", async () => {
    const db = tempDb();
    const result = await acct(db, ["plan", "show"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: there is no plan for 2026/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("bad plan input exits 2 and writes nothing", () => {
  const withFlag = (flag: string, value: string) => {
    const args = [...EXAMPLE_PLAN];
    const i = args.indexOf(flag);
    if (i >= 0) args[i + 1] = value;
    else args.push(flag, value);
    return args;
  };
  it.each([
    ["negative target", withFlag("--target", "-5"), /target/],
    ["zero target", withFlag("--target", "0"), /target must be more than zero/],
    ["zero win rate", withFlag("--win-rate", "0"), /win rate must be at least 0\.1% and at most 100% \(got '0'\)/],
    ["a win rate too small to plan on", withFlag("--win-rate", "0.05%"), /win rate must be at least 0\.1%/],
    ["a call rate of 1e-7", withFlag("--call-rate", "0.0000001"), /call rate must be at least 0\.1%/],
    ["rate above 1", withFlag("--call-rate", "1.5"), /call rate must be/],
    ["rate above 100%", withFlag("--meeting-rate", "120%"), /meeting rate must be/],
    ["year 20x6", withFlag("--year", "20x6"), /year '20x6'/],
    ["11 seasonality weights", withFlag("--seasonality", "1,1,1,1,1,1,1,1,1,1,1"), /12 month weights, got 11/],
    ["bad workday", withFlag("--workdays", "mon,funday"), /'funday' is not a weekday/],
    ["bad unit", withFlag("--unit", "euros"), /unit/],
    ["hours per day 25", withFlag("--hours-per-day", "25"), /hours per day/],
    ["missing flags without a terminal", ["plan", "set", "--target", "1m"], /--deal-size, --win-rate, --meeting-rate, --call-rate/],
  ])("%s", async (_name, args, pattern) => {
    // Another year's plan in the file: the command under test sets a first plan, for this year.
    const db = tempDb();
    expect((await acct(db, examplePlanFor(2025))).code).toBe(0);
    const before = fingerprint(db);
    expectUsageError(await acct(db, args), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("a bad first command does not create the file", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, withFlag("--target", "0")), /target/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("days off", () => {
  it("adds, lists and removes days off", async () => {
    const db = tempDb();
    const added = await acctJson<{ id: number; from: string; to: string; reason: string }>(db, [
      "off",
      "add",
      "2026-08-03..2026-08-14",
      "--reason",
      "vacation",
    ]);
    expect(added).toEqual({ id: 1, from: "2026-08-03", to: "2026-08-14", reason: "vacation" });
    await acctJson(db, ["off", "add", "2026-12-24"]);
    expect(await acctJson<unknown[]>(db, ["off", "list"])).toHaveLength(2);
    expect((await acct(db, ["off", "rm", "1"])).code).toBe(0);
    expect(await acctJson(db, ["off", "list"])).toEqual([{ id: 2, from: "2026-12-24", to: "2026-12-24", reason: null }]);
  });

  it.each([
    ["2026-02-30", /does not exist/],
    ["2026-08-14..2026-08-03", /ends before it starts/],
    ["someday", /not a date/],
  ])("refuses %s", async (dates, pattern) => {
    const db = tempDb();
    await acct(db, ["off", "add", "2026-01-02"]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["off", "add", dates]), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("refuses an unknown id", async () => {
    const db = tempDb();
    await acct(db, ["off", "add", "2026-01-02"]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["off", "rm", "9"]), /no day off with id 9/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("custom types", () => {
  it("adds a type with a weekly target", async () => {
    const db = tempDb();
    expect((await acct(db, ["type", "add", "LinkedIn"])).code).toBe(0);
    expect(await acctJson(db, ["plan", "target", "linkedin", "25"])).toEqual({ type: "linkedin", perWeek: 25, from: "2026-03-12" });
    expect((await acctJson<{ name: string; weeklyTarget: number | null }[]>(db, ["type", "list"])).at(-1)).toEqual({
      name: "linkedin",
      builtin: false,
      weeklyTarget: 25,
    });
  });
  it("suggests the closest name for an unknown type", async () => {
    const db = tempDb();
    await acct(db, ["type", "add", "linkedin"]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["plan", "target", "linkdin", "25"]), /did you mean 'linkedin'/);
    expect(fingerprint(db)).toBe(before);
  });
  it("refuses a duplicate or a built-in name", async () => {
    const db = tempDb();
    await acct(db, ["type", "add", "linkedin"]);
    expectUsageError(await acct(db, ["type", "add", "linkedin"]), /already exists/);
    expectUsageError(await acct(db, ["type", "add", "calls"]), /already exists/);
  });
});

describe("the data file", () => {
  it("is created 0600 in a 0700 folder on first write", async () => {
    const { statSync } = await import("node:fs");
    const { dirname, join } = await import("node:path");
    const db = join(dirname(tempDb()), "nested", "acct.db");
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(db)).mode & 0o777).toBe(0o700);
  });
  it("follows ACCT_DB and XDG_DATA_HOME", async () => {
    const { existsSync: exists } = await import("node:fs");
    const { dirname, join } = await import("node:path");
    const viaEnv = tempDb();
    expect((await acct(null, EXAMPLE_PLAN, { env: { ACCT_DB: viaEnv } })).code).toBe(0);
    expect(exists(viaEnv)).toBe(true);
    const xdg = dirname(tempDb());
    expect((await acct(null, EXAMPLE_PLAN, { env: { XDG_DATA_HOME: xdg } })).code).toBe(0);
    expect(exists(join(xdg, "acct", "acct.db"))).toBe(true);
  });
  it("reports a bad ACCT_NOW as a usage error", async () => {
    expectUsageError(await acct(tempDb(), ["plan", "show"], { now: "2026-02-30" }), /ACCT_NOW/);
  });
});

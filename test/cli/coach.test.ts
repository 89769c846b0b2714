/** SPEC "Coach": `acct coach`, `acct plan what-if` (and --apply), the sales-cycle lag in the audit; bad input writes nothing. */
import { describe, expect, it } from "vitest";
import { acct, acctAll, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface StageJson {
  stage: string;
  successes: number;
  trials: number;
  rate: number | null;
  low: number | null;
  high: number | null;
  planned: number;
  verdict: string;
}
interface CoachJson {
  window: { kind: string; from: string; to: string; days: number };
  stages: StageJson[];
  dealSize: { observed: number | null; deals: number; planned: number | null };
  cycleDays: { observed: number | null; won: number; setting: number; used: number };
  activity: { callsPerWeek: number };
  needed: { revenue: number | null; deals: number; remainingWeeks: number; callsPerWeek: { observed: number | null; planned: number | null } };
  levers: { lever: string; change: string; callsPerWeekSaved: number | null; revenueAdded: number | null }[];
  lastUsefulDay: string | null;
}

/** The example plan (1.2m, 40k deals, 25 % / 50 % / 10 %) and, in the week of 2026-03-02, 200 calls, 30 meetings, 12 opportunities, 3 deals of 30k. */
async function seeded(): Promise<string> {
  const db = tempDb();
  await acctAll(db, [
    EXAMPLE_PLAN,
    ["log", "call", "200", "--date", "2026-03-02"],
    ["log", "meeting", "30", "--date", "2026-03-03"],
    ["log", "opp", "12", "--date", "2026-03-04"],
    ["log", "deal", "--amount", "30k", "--date", "2026-03-05"],
    ["log", "deal", "--amount", "30k", "--date", "2026-03-05"],
    ["log", "deal", "--amount", "30k", "--date", "2026-03-05"],
  ]);
  return db;
}

describe("acct coach", () => {
  it("shows the observed rates with their 80 % intervals beside the plan's, and ranks the levers", async () => {
    const db = await seeded();
    const c = await acctJson<CoachJson>(db, ["coach"]);
    expect(c.window).toEqual({ kind: "ytd", from: "2026-01-01", to: "2026-03-12", days: 71 });
    // 30 of 200 = 15 %: the 80 % Wilson interval is 12.05–18.52 % (cross-checked in Python), all above the planned 10 %.
    expect(c.stages[0]).toMatchObject({ stage: "call-rate", successes: 30, trials: 200, rate: 0.15, planned: 0.1, verdict: "safe" });
    expect(c.stages[0]?.low).toBeCloseTo(0.1205, 4);
    expect(c.stages[0]?.high).toBeCloseTo(0.1852, 4);
    // 12 of 30 = 40 %, planned 50 %: the interval (29.3–51.7 %) holds it. 3 of 12 = 25 %.
    expect(c.stages[1]).toMatchObject({ rate: 0.4, verdict: "unclear" });
    expect(c.stages[2]).toMatchObject({ rate: 0.25, verdict: "unclear" });
    expect(c.dealSize).toEqual({ observed: 30_000, deals: 3, planned: 40_000 });
    // 1.2m − 90k = 1.11m still needed; 200 calls over the 51 working days from Jan 1 (a Thursday) to Mar 12: 200 ÷ 10.2 weeks = 19.61 a week.
    expect(c.needed.revenue).toBe(1_110_000);
    // The deals still needed: the revenue still needed ÷ the plan's deal size (not the plan's 30 deals less the 3 won).
    expect(c.needed.deals).toBe(27.75);
    expect(c.activity.callsPerWeek).toBeCloseTo(19.61, 2);
    expect(c.levers).toHaveLength(5);
    const worth = c.levers.map((l) => l.revenueAdded ?? 0);
    expect([...worth].sort((a, b) => b - a)).toEqual(worth);
    expect(c.cycleDays).toEqual({ observed: null, won: 0, setting: 30, used: 30 });
    const text = (await acct(db, ["coach"])).stdout;
    expect(text).toMatch(/You book a meeting from 15% of calls \(30 of 200; 80% sure: 12%–18\.5%\), planned 10%: the plan is safe on this step/);
    expect(text).toMatch(/Most valuable lever: /);
  });

  it("words a small saving with its decimal, not as 'saves 0 calls a week'", async () => {
    const db = await seeded();
    // A $1m deal leaves little to do: every lever saves less than a call a week.
    await acctAll(db, [["log", "deal", "--amount", "1m", "--date", "2026-03-06"]]);
    const c = await acctJson<CoachJson>(db, ["coach"]);
    const small = c.levers.find((l) => l.callsPerWeekSaved !== null && l.callsPerWeekSaved > 0 && l.callsPerWeekSaved < 1);
    expect(small, JSON.stringify(c.levers)).toBeDefined();
    const text = (await acct(db, ["coach"])).stdout;
    expect(text).toContain(`saves ${(Math.round((small?.callsPerWeekSaved ?? 0) * 10) / 10).toFixed(1)} calls a week`);
    // A saving that rounds to 0.0 but is not nothing is said as such.
    expect(text).not.toMatch(/saves 0 calls/);
    expect(text).toContain("saves under 0.1 calls a week");
  });

  it("looks back over --window 90d or Nd", async () => {
    const db = await seeded();
    const c = await acctJson<CoachJson>(db, ["coach", "--window", "7d"]);
    expect(c.window).toEqual({ kind: "days", from: "2026-03-06", to: "2026-03-12", days: 7 });
    expect(c.stages[0]?.trials).toBe(0);
    expect(c.stages[0]?.verdict).toBe("no-data");
  });

  it("refuses a bad --window and works only with a plan", async () => {
    const db = await seeded();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["coach", "--window", "3d"]), /^acct: --window '3d' is not ytd or a number of days from 7 to 3650/);
    expectUsageError(await acct(db, ["coach", "--window", "month"]), /^acct: --window 'month'/);
    expect(fingerprint(db)).toBe(before);
    const none = tempDb();
    const r = await acct(none, ["coach"]);
    expect([r.code, r.stderr.split("\n")[0]]).toEqual([1, "acct: no plan for 2026"]);
    expect(fingerprint(none)).toBe("absent");
  });
});

interface WhatIfJson {
  remainingWeeks: number;
  current: { annual: Record<string, number | null>; perWeek: Record<string, number | null> };
  whatIf: { inputs: { winRate: number }; annual: Record<string, number | null>; perWeek: Record<string, number | null> };
}

describe("acct plan what-if", () => {
  it("shows the cascade and weekly needs with the change, and writes nothing", async () => {
    const db = await seeded();
    const before = fingerprint(db);
    const w = await acctJson<WhatIfJson>(db, ["plan", "what-if", "--win-rate", "30%"]);
    // 30 deals ÷ 30 % = 100 opportunities ÷ 50 % = 200 meetings ÷ 10 % = 2,000 calls (ceil at each step, as plan set).
    expect(w.whatIf.annual).toEqual({ revenue: 1_200_000, deals: 30, opportunities: 100, meetings: 200, calls: 2000 });
    expect(w.current.annual.calls).toBe(2400);
    // What is left after the 200 calls done, over the weeks left.
    expect(w.whatIf.perWeek.calls).toBeCloseTo(1800 / w.remainingWeeks, 1);
    expect(w.current.perWeek.calls).toBeCloseTo(2200 / w.remainingWeeks, 1);
    expect(fingerprint(db)).toBe(before);
  });

  it("--apply stores it as a revision from today", async () => {
    const db = await seeded();
    await acct(db, ["plan", "what-if", "--win-rate", "30%", "--apply"]);
    const history = await acctJson<{ from: string; winRate: number; annual: { calls: number }; note: string | null }[]>(db, ["plan", "history"]);
    expect(history.map((h) => [h.from, h.winRate, h.annual.calls])).toEqual([
      ["2026-01-01", 0.25, 2400],
      ["2026-03-12", 0.3, 2000],
    ]);
    expect(history[1]?.note).toBe("what-if: --win-rate 30%");
    expect((await acct(db, ["plan", "history"])).stdout).toBe(
      "#1 from 2026-01-01: $1,200,000, 2,400 calls\n#2 from 2026-03-12: $1,200,000, 2,000 calls — what-if: --win-rate 30%\n",
    );
    expect((await acct(db, ["undo"])).code).toBe(0);
    expect(await acctJson<unknown[]>(db, ["plan", "history"])).toHaveLength(1);
  });

  it("needs a change, a valid one, and a plan; nothing is written", async () => {
    const db = await seeded();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["plan", "what-if"]), /^acct: plan what-if needs something to change/);
    expectUsageError(await acct(db, ["plan", "what-if", "--win-rate", "0"]), /win rate must be at least 0\.1%/);
    expectUsageError(await acct(db, ["plan", "what-if", "--target", "abc", "--apply"]), /not a money amount/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("the sales-cycle lag", () => {
  it("the audit names the last useful day, and says so once it has passed, with next year's plan to make", async () => {
    const db = await seeded();
    await acctAll(db, [["config", "set", "sales-cycle", "45"]]);
    // The last working day of 2026 is Thursday Dec 31; less 45 days: Nov 16.
    const before = await acctJson<{ lastUsefulDay: string }>(db, ["audit"], { now: "2026-11-16T12:00" });
    expect(before.lastUsefulDay).toBe("2026-11-16");
    expect((await acct(db, ["audit"], { now: "2026-11-16T12:00" })).stdout).not.toMatch(/Sales-cycle lag/);
    const after = (await acct(db, ["audit"], { now: "2026-11-17T12:00" })).stdout;
    expect(after).toMatch(/Past 2026-11-16, the last working day less your 45-day sales cycle/);
    expect(after).toMatch(/acct plan set --year 2027/);
  });

  it("uses the observed cycle of won deals once there is one", async () => {
    const db = await seeded();
    await acctAll(db, [
      ["opp", "add", "Acme", "--value", "40k", "--date", "2026-02-10"],
      ["opp", "won", "1", "--date", "2026-03-02"],
    ]);
    // Opened Feb 10, won Mar 2: 20 days; Dec 31 less 20 = Dec 11.
    expect((await acctJson<CoachJson>(db, ["coach"])).cycleDays).toEqual({ observed: 20, won: 1, setting: 30, used: 20 });
    expect((await acctJson<{ lastUsefulDay: string }>(db, ["audit"])).lastUsefulDay).toBe("2026-12-11");
  });
});

interface ForecastJson {
  revenue: { p10: number; p50: number; p90: number } | null;
  deals: { p10: number; p50: number; p90: number };
  probability: number;
  runs: number;
  seed: number;
}

describe("the forecast in the audit and status", () => {
  it("is reproducible for the same data and day, ordered, and the same in the audit and status", async () => {
    const db = await seeded();
    const a = (await acctJson<{ forecast: ForecastJson }>(db, ["audit"])).forecast;
    const b = (await acctJson<{ forecast: ForecastJson }>(db, ["audit"])).forecast;
    expect(a).toEqual(b);
    expect(a.runs).toBe(10_000);
    expect(a.revenue?.p10).toBeLessThanOrEqual(a.revenue?.p50 ?? 0);
    expect(a.revenue?.p50).toBeLessThanOrEqual(a.revenue?.p90 ?? 0);
    // What is already won is the floor of every run: 90,000 and 3 deals.
    expect(a.revenue?.p10).toBeGreaterThanOrEqual(90_000);
    expect(a.deals.p10).toBeGreaterThanOrEqual(3);
    expect((await acctJson<{ forecast: ForecastJson }>(db, ["status"])).forecast).toEqual(a);
    // Another day, another seed.
    expect((await acctJson<{ forecast: ForecastJson }>(db, ["audit"], { now: "2026-03-13T12:00" })).forecast.seed).not.toBe(a.seed);
    expect((await acct(db, ["audit"])).stdout).toMatch(
      /Forecast \(10,000 simulated rests of the year\)\n {2}\d+(\.\d)?% likely to reach the target: year-end revenue \$/,
    );
  });

  it("a plan started mid-year resamples the weeks since its start, not the unlogged weeks before it", async () => {
    const db = tempDb();
    // Started Jul 1 with the first half in the opening balance; then 60 calls, 6 meetings, 3 opportunities a week and a deal every other week.
    const weeks = ["07-01", "07-06", "07-13", "07-20", "07-27", "08-03"];
    await acctAll(
      db,
      [
        [...EXAMPLE_PLAN, "--start", "2026-07-01", "--opening", "revenue=420k,deals=11"],
        ...weeks.map((d) => ["log", "call", "60", "meeting", "6", "opp", "3", "--date", `2026-${d}`]),
        ...["07-06", "07-20", "08-03"].map((d) => ["log", "deal", "--amount", "40k", "--date", `2026-${d}`]),
      ],
      { now: "2026-08-14T18:00" },
    );
    const f = (await acctJson<{ forecast: ForecastJson }>(db, ["audit"], { now: "2026-08-14T18:00" })).forecast;
    // 100 working days left (20 weeks) at 60 calls, 10 % → 50 % → about 17 %: about 10 more deals on the 14 done. Resampling
    // the twelve weeks back to May, six of them empty, would halve the calls and the new deals.
    expect(f.deals.p50).toBeGreaterThanOrEqual(22);
    expect(f.deals.p50).toBeLessThanOrEqual(27);
  });

  it("a seller already past the target is certain; one who stopped in January is not", async () => {
    const ahead = tempDb();
    await acctAll(ahead, [EXAMPLE_PLAN, ["log", "deal", "30", "--amount", "1.3m", "--date", "2026-03-02"]]);
    expect((await acctJson<{ forecast: ForecastJson }>(ahead, ["audit"])).forecast.probability).toBe(1);
    // Five weeks of calls in January and February, then nothing: the last twelve weeks before June 15 are all zeros, far short of 1.2m.
    const stopped = tempDb();
    await acctAll(stopped, [EXAMPLE_PLAN, ...["01-05", "01-12", "01-19", "01-26", "02-02"].map((d) => ["log", "call", "40", "--date", `2026-${d}`])], {
      now: "2026-06-15T12:00",
    });
    const f = (await acctJson<{ forecast: ForecastJson }>(stopped, ["audit"], { now: "2026-06-15T12:00" })).forecast;
    expect(f.probability).toBe(0);
    expect(f.revenue).toEqual({ p10: 0, p50: 0, p90: 0 });
    // A newcomer with a week of history is forecast on the plan's calls instead.
    const newcomer = tempDb();
    await acctAll(newcomer, [EXAMPLE_PLAN, ["log", "call", "40", "--date", "2026-06-08"]], { now: "2026-06-15T12:00" });
    expect((await acctJson<{ forecast: ForecastJson }>(newcomer, ["audit"], { now: "2026-06-15T12:00" })).forecast.revenue?.p50).toBeGreaterThan(0);
  });
});

describe("the coach at the edges (found by a new user's trial)", () => {
  it("at 0 % on a stage no number of calls is enough: null, said in words, and no lever is named when none adds anything", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["log", "call", "5", "meeting", "10", "--date", "2026-03-02"]]);
    const c = await acctJson<CoachJson>(db, ["coach"]);
    expect(c.stages[1]).toMatchObject({ rate: 0, trials: 10 });
    expect(c.needed.callsPerWeek.observed).toBeNull();
    const text = (await acct(db, ["coach"])).stdout;
    expect(text).toMatch(/no number of calls reaches it at your rates \(you have converted none of 10 meetings yet\)/);
    const none = tempDb();
    await acctAll(none, [EXAMPLE_PLAN]);
    expect((await acct(none, ["coach"])).stdout).not.toMatch(/Most valuable lever/);
  });

  it("a window reaching into last year counts last year's working days too", async () => {
    const db = tempDb();
    await acctAll(db, [
      EXAMPLE_PLAN,
      ...["2025-12-15", "2025-12-22", "2026-01-05", "2026-02-02", "2026-03-02"].map((d) => ["log", "call", "50", "meeting", "5", "--date", d]),
    ]);
    // 2025-12-13 – 2026-03-12 holds 64 weekdays, 12.8 weeks: 250 calls ÷ 12.8 = 19.53 a week.
    const c = await acctJson<CoachJson>(db, ["coach", "--window", "90d"]);
    expect(c.window.from).toBe("2025-12-13");
    expect(c.activity.callsPerWeek).toBeCloseTo(19.53, 2);
  });

  it("says 1 opportunity, not 1 opportunities", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["log", "opp", "--date", "2026-03-02"]]);
    expect((await acct(db, ["coach"])).stdout).toMatch(/1 opportunity cannot tell it from the plan yet/);
  });
});

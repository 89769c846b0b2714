/** The coach's arithmetic (SPEC "Coach: the plan from your own numbers"), each figure worked out by hand in the comment beside it. */
import { describe, expect, it } from "vitest";
import {
  buildWhatIf,
  callsPerWeekNeeded,
  lastUsefulDay,
  observeStages,
  rankLevers,
  weeklyNeeds,
  wilsonInterval,
  workingRates,
  yieldOf,
} from "../../src/domain/coach.js";
import { examplePlanInput } from "../helpers/plans.js";

describe("the 80 % Wilson interval", () => {
  it("6 of 23: p 0.26087, centre 0.27681, half-width 0.11448 (Python cross-check: 0.162330–0.391284)", () => {
    // z = 1.2815516, z² = 1.6423745; denominator 1 + z²/23 = 1.0714076;
    // centre (0.2608696 + z²/46) / 1.0714076 = 0.276807;
    // half z·√(p(1−p)/23 + z²/(4·23²)) / 1.0714076 = 0.114477 (low 0.162330, high 0.391284).
    const i = wilsonInterval(6, 23);
    expect(i?.low).toBeCloseTo(0.16233, 5);
    expect(i?.high).toBeCloseTo(0.391284, 5);
  });

  it("0 of 10 starts at 0 and is not empty; 10 of 10 ends at 1", () => {
    // centre = half = (z²/20) / (1 + z²/10) = 0.0821187 / 1.1642375 = 0.0705345: the interval is [0, 0.141069].
    const none = wilsonInterval(0, 10);
    expect(none?.low).toBeCloseTo(0, 9);
    expect(none?.high).toBeCloseTo(0.141069, 5);
    const all = wilsonInterval(10, 10);
    expect(all?.high).toBeCloseTo(1, 9);
    expect(all?.low).toBeCloseTo(1 - 0.141069, 5);
  });

  it("no trials: no interval; more successes than trials count as all of them", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(12, 10)).toEqual(wilsonInterval(10, 10));
  });

  it("narrows as the trials grow around the same rate", () => {
    const small = wilsonInterval(3, 10);
    const large = wilsonInterval(300, 1000);
    expect((large?.high ?? 0) - (large?.low ?? 0)).toBeLessThan((small?.high ?? 0) - (small?.low ?? 0));
  });
});

describe("observed stages beside the plan", () => {
  const plan = { callRate: 0.1, meetingRate: 0.5, winRate: 0.25, dealSize: 40_000 };

  it("says safe when the whole interval is at or above the plan, below when it is all under it, unclear when it holds the plan's rate", () => {
    const [calls, meetings, wins] = observeStages({ calls: 1000, meetings: 200, opportunities: 100, deals: 25, revenue: 1_000_000 }, plan);
    expect([calls?.rate, calls?.verdict]).toEqual([0.2, "safe"]); // 200 of 1,000: 80 % interval about 18.4–21.7 %, all above 10 %
    expect([meetings?.rate, meetings?.verdict]).toEqual([0.5, "unclear"]); // 100 of 200: the interval holds 50 %
    expect([wins?.rate, wins?.verdict]).toEqual([0.25, "unclear"]);
    const [, , losing] = observeStages({ calls: 0, meetings: 0, opportunities: 200, deals: 10, revenue: 400_000 }, plan);
    expect(losing?.verdict).toBe("below"); // 10 of 200 = 5 %: the interval is well under 25 %
    const [none] = observeStages({ calls: 0, meetings: 0, opportunities: 0, deals: 0, revenue: 0 }, plan);
    expect([none?.rate, none?.interval, none?.verdict]).toEqual([null, null, "no-data"]);
  });

  it("works on the observed rates where there are trials (0 % included), the plan's elsewhere", () => {
    // 40 of 500 calls booked a meeting; none of the 40 meetings became an opportunity; no opportunity yet to win.
    const stages = observeStages({ calls: 500, meetings: 40, opportunities: 0, deals: 0, revenue: 0 }, plan);
    expect(workingRates(stages, null, plan)).toEqual({ callRate: 0.08, meetingRate: 0, winRate: 0.25, dealSize: 40_000 });
    // At 0 % no number of calls is enough, unless nothing is needed.
    expect(callsPerWeekNeeded({ revenue: 400_000, deals: 10 }, workingRates(stages, null, plan), 10)).toBeNull();
    expect(callsPerWeekNeeded({ revenue: 0, deals: 0 }, workingRates(stages, null, plan), 10)).toBe(0);
    expect(workingRates(stages, 32_500, plan).dealSize).toBe(32_500);
  });
});

describe("what the year needs and what each lever is worth", () => {
  // Rates 10 % → 50 % → 25 %, deals of 40,000; 400,000 still needed over 10 weeks; 50 calls a week today.
  const rates = { callRate: 0.1, meetingRate: 0.5, winRate: 0.25, dealSize: 40_000 };
  const needed = { revenue: 400_000, deals: 10 };

  it("needs 80 calls a week: 10 deals ÷ 25 % ÷ 50 % ÷ 10 % = 800 calls over 10 weeks", () => {
    expect(callsPerWeekNeeded(needed, rates, 10)).toBeCloseTo(80, 9);
    expect(callsPerWeekNeeded(needed, rates, 0)).toBeNull();
    // A deals plan without a deal size counts deals.
    expect(callsPerWeekNeeded({ revenue: null, deals: 5 }, { ...rates, dealSize: null }, 10)).toBeCloseTo(40, 9);
  });

  it("50 calls a week for 10 weeks yield 6.25 deals, 250,000", () => {
    expect(yieldOf(50, rates, 10)).toEqual({ deals: 6.25, revenue: 250_000 });
  });

  it("ranks the levers by the revenue they add by Dec 31, each with the calls a week it saves", () => {
    const levers = rankLevers(rates, needed, 50, 10);
    // Win rate 30 %: 7.5 deals, +50,000; needs 10 ÷ .3 ÷ .5 ÷ .1 = 666.7 calls, 66.67 a week: saves 13.33.
    expect(levers[0]).toMatchObject({ lever: "win-rate", change: "+5 points" });
    expect(levers[0]?.revenueAdded).toBeCloseTo(50_000, 6);
    expect(levers[0]?.callsPerWeekSaved).toBeCloseTo(80 - 200 / 3, 6);
    // The four others each add 25,000 (6.875 deals, or 6.25 deals of 44,000); a rate or the size saves 80 − 72.73 = 7.27 calls, activity none.
    expect(levers.slice(1).map((l) => l.lever)).toEqual(["call-rate", "meeting-rate", "deal-size", "activity"]);
    for (const l of levers.slice(1)) expect(l.revenueAdded).toBeCloseTo(25_000, 6);
    for (const l of levers.slice(1, 4)) expect(l.callsPerWeekSaved).toBeCloseTo(80 - 800 / 11, 6);
    expect(levers[4]?.callsPerWeekSaved).toBe(0);
  });

  it("caps a rate at 100 %", () => {
    const levers = rankLevers({ ...rates, winRate: 0.98 }, needed, 50, 10);
    const win = levers.find((l) => l.lever === "win-rate");
    // 0.98 → 1: 50 × 10 × .1 × .5 × (1 − .98) = 0.5 deals more, 20,000.
    expect(win?.revenueAdded).toBeCloseTo(20_000, 6);
  });
});

describe("what-if and the weekly needs", () => {
  it("follows the cascade's own rules and divides what is left by the weeks left", () => {
    const current = examplePlanInput();
    const changed = { ...current, winRate: 0.3 };
    const done = { calls: 400, meetings: 40, opportunities: 20, deals: 5, revenue: 200_000 };
    const w = buildWhatIf(2026, "2026-03-12", current, changed, done, 40);
    // 1.2m ÷ 40k = 30 deals; ÷ 30 % = 100 opportunities; ÷ 50 % = 200 meetings; ÷ 10 % = 2,000 calls.
    expect(w.whatIf.annual).toEqual({ revenue: 1_200_000, deals: 30, opportunities: 100, meetings: 200, calls: 2000 });
    expect(w.current.annual.calls).toBe(2400);
    // (2,000 − 400) ÷ 40 = 40 calls a week; (1.2m − 200k) ÷ 40 = 25,000.
    expect(w.whatIf.perWeek.calls).toBe(40);
    expect(w.whatIf.perWeek.revenue).toBe(25_000);
    expect(w.current.perWeek.calls).toBe(50);
    expect(weeklyNeeds(w.whatIf.annual, { ...done, calls: 5000 }, 40).calls).toBe(0);
    expect(weeklyNeeds(w.whatIf.annual, done, 0).calls).toBeNull();
  });
});

describe("the sales-cycle lag", () => {
  it("is the last working day less the cycle in calendar days", () => {
    expect(lastUsefulDay("2026-12-31", 30)).toBe("2026-12-01");
    expect(lastUsefulDay("2026-12-31", 45)).toBe("2026-11-16");
  });
});

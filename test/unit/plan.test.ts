import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePlanInput, WORKWEEK } from "../helpers/plans.js";
import { makeCalendar, workingDaysByMonth } from "../../src/domain/calendar.js";
import { CASCADE_METRICS, type PlanInput } from "../../src/domain/cascade.js";
import { addDays, eachDay } from "../../src/domain/dates.js";
import { buildPlan, dailyTarget, planBetween, splitLargestRemainder, weeklyTargetBetween } from "../../src/domain/plan.js";

const input: PlanInput = examplePlanInput();

describe("splitLargestRemainder", () => {
  it("adds up exactly and gives leftovers to the largest remainders", () => {
    // 10 over 1:1:1 → 3.33 each → 3,3,3 and one left: ties go to the earlier part.
    expect(splitLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 7 over 1:2 → 2.33, 4.67 → 2, 4 and one left to the larger remainder.
    expect(splitLargestRemainder(7, [1, 2])).toEqual([2, 5]);
  });
  it("gives nothing to zero weights", () => {
    expect(splitLargestRemainder(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
  });
});

describe("working days", () => {
  it("counts 2026's weekdays month by month", () => {
    const calendar = makeCalendar([...WORKWEEK], []);
    expect(workingDaysByMonth(2026, calendar)).toEqual([22, 20, 22, 22, 21, 22, 23, 21, 22, 22, 21, 23]);
  });
  it("removes days off that fall on workdays only", () => {
    // 2026-08-03 (Mon) .. 2026-08-14 (Fri): 10 workdays, the weekend between does not count twice.
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-08-03", to: "2026-08-14" }]);
    expect(workingDaysByMonth(2026, calendar)[7]).toBe(11);
    expect(calendar.isWorkingDay("2026-08-05")).toBe(false);
    expect(calendar.isWorkingDay("2026-08-17")).toBe(true);
  });
});

describe("buildPlan", () => {
  it("splits calls by working days with the largest remainder", () => {
    const plan = buildPlan(input, makeCalendar([...WORKWEEK], []));
    // 2400 × days / 261: floors sum to 2396; the 4 left go to Feb (.908), Jul and Dec (.494), then Jan (.298).
    expect(plan.months.map((m) => m.calls)).toEqual([203, 184, 202, 202, 193, 202, 212, 193, 202, 202, 193, 212]);
    for (const metric of ["calls", "meetings", "opportunities", "deals", "revenue"] as const) {
      expect(plan.months.reduce((s, m) => s + m[metric], 0)).toBe(metric === "revenue" ? 1_200_000 : plan.annual[metric]);
    }
  });

  it("moves targets with seasonality", () => {
    const seasonality = [1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2];
    const plan = buildPlan({ ...input, seasonality }, makeCalendar([...WORKWEEK], []));
    expect(plan.months[6]?.calls).toBe(0);
    // weights: 238 (11 months minus July, Dec counted twice: 261 − 23 + 23) → Dec gets 2 × 23 / 261 of 2400.
    expect(plan.months[11]!.calls).toBeGreaterThan(2 * plan.months[0]!.calls - 2);
    expect(plan.months.reduce((s, m) => s + m.calls, 0)).toBe(2400);
  });

  it("gives days off no target and spreads the month over the rest", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-08-03", to: "2026-08-14" }]);
    const plan = buildPlan(input, calendar);
    expect(plan.months[7]?.workingDays).toBe(11);
    expect(dailyTarget(plan, "calls", "2026-08-05", calendar)).toBe(0);
    expect(dailyTarget(plan, "calls", "2026-08-17", calendar)).toBeCloseTo(plan.months[7]!.calls / 11, 10);
  });
});

describe("planBetween", () => {
  const calendar = makeCalendar([...WORKWEEK], []);
  const plan = buildPlan(input, calendar);
  it("sums the daily targets of a week's working days", () => {
    // 2026-W11: Mon 9 … Sun 15 March: five March working days, 202 calls / 22 days each.
    expect(planBetween(plan, "calls", "2026-03-09", "2026-03-15", calendar)).toBeCloseTo((5 * 202) / 22, 9);
  });
  it("splits a week that spans two months by each month's rate", () => {
    // Mon 2026-03-30, Tue 03-31 in March; Wed 04-01 … Fri 04-03 in April.
    expect(planBetween(plan, "calls", "2026-03-30", "2026-04-05", calendar)).toBeCloseTo((2 * 202) / 22 + (3 * 202) / 22, 9);
  });
  it("counts nothing outside the plan year", () => {
    // 2026-W01 runs Mon 2025-12-29 … Sun 2026-01-04: only Jan 1 and 2 count.
    expect(planBetween(plan, "calls", "2025-12-29", "2026-01-04", calendar)).toBeCloseTo((2 * 203) / 22, 9);
  });
  it("adds up to the annual total over the year", () => {
    expect(planBetween(plan, "meetings", "2026-01-01", "2026-12-31", calendar)).toBeCloseTo(240, 9);
  });
  it("equals the sum of the daily targets over any span, with days off and a short week", () => {
    const offCalendar = makeCalendar(["mon", "tue", "wed", "thu"], [{ from: "2026-03-10", to: "2026-03-20" }, { from: "2026-12-24", to: "2027-01-02" }]);
    const offPlan = buildPlan(input, offCalendar);
    const day = (n: number) => addDays("2025-12-20", n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.constantFrom(...CASCADE_METRICS), (a, b, metric) => {
        const [from, to] = a <= b ? [day(a), day(b)] : [day(b), day(a)];
        let sum = 0;
        for (const d of eachDay(from, to)) sum += dailyTarget(offPlan, metric, d, offCalendar);
        expect(planBetween(offPlan, metric, from, to, offCalendar)).toBeCloseTo(sum, 6);
      }),
      { numRuns: 300 },
    );
  });
});

describe("weeklyTargetBetween", () => {
  it("spreads a weekly target evenly over the week's working days", () => {
    const calendar = makeCalendar([...WORKWEEK], []);
    expect(weeklyTargetBetween(25, "2026-03-09", "2026-03-15", calendar)).toBeCloseTo(25, 9);
    expect(weeklyTargetBetween(25, "2026-03-09", "2026-03-11", calendar)).toBeCloseTo(15, 9);
  });
  it("keeps the week's total when a day is off", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-03-09", to: "2026-03-09" }]);
    expect(weeklyTargetBetween(24, "2026-03-09", "2026-03-15", calendar)).toBeCloseTo(24, 9);
    expect(weeklyTargetBetween(24, "2026-03-09", "2026-03-10", calendar)).toBeCloseTo(6, 9);
  });
});

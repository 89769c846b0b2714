import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePlanInput, planBasis, WORKWEEK } from "../helpers/plans.js";
import { makeCalendar, workingDaysByMonth } from "../../src/domain/calendar.js";
import { CASCADE_METRICS, type PlanInput } from "../../src/domain/cascade.js";
import { addDays, eachDay } from "../../src/domain/dates.js";
import { splitLargestRemainder } from "../../src/domain/plan.js";

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
  it("gives each month the sum of its days' targets, adding up to the year", () => {
    const { plan } = planBasis(input);
    // Every working day carries 2400 / 261 calls: January's 22 days make 202.3.
    expect(plan.months[0]?.calls).toBeCloseTo((22 * 2400) / 261, 9);
    for (const metric of ["calls", "meetings", "opportunities", "deals", "revenue"] as const) {
      expect(plan.months.reduce((s, m) => s + m[metric], 0)).toBeCloseTo(metric === "revenue" ? 1_200_000 : plan.annual[metric], 6);
    }
  });

  it("moves targets with seasonality", () => {
    const seasonality = [1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 2];
    const { plan } = planBasis({ ...input, seasonality });
    expect(plan.months[6]?.calls).toBe(0);
    // Weights: 261 − 23 (July) + 23 (December counted twice) = 261; December gets 2 × 23 / 261 of 2,400.
    expect(plan.months[11]?.calls).toBeCloseTo((2 * 23 * 2400) / 261, 9);
    expect(plan.months.reduce((s, m) => s + m.calls, 0)).toBeCloseTo(2400, 9);
  });

  it("gives days off no target and spreads the year over the rest", () => {
    const { plan, schedule } = planBasis(input, [{ from: "2026-08-03", to: "2026-08-14" }]);
    expect(plan.months[7]?.workingDays).toBe(11);
    expect(schedule.target("calls", "2026-08-05")).toBe(0);
    expect(schedule.target("calls", "2026-08-17")).toBeCloseTo(2400 / 251, 10);
  });

  it("a span's plan equals the sum of its daily targets, with days off and a short week (property)", () => {
    const { schedule } = planBasis({ ...input, workdays: ["mon", "tue", "wed", "thu"] }, [
      { from: "2026-03-10", to: "2026-03-20" },
      { from: "2026-12-24", to: "2027-01-02" },
    ]);
    const day = (n: number) => addDays("2025-12-20", n);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.constantFrom(...CASCADE_METRICS), (a, b, metric) => {
        const [from, to] = a <= b ? [day(a), day(b)] : [day(b), day(a)];
        let sum = 0;
        for (const d of eachDay(from, to)) sum += schedule.target(metric, d);
        expect(schedule.planBetween(metric, from, to)).toBeCloseTo(sum, 6);
      }),
      { numRuns: 300 },
    );
  });
});

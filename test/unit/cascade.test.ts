import { describe, expect, it } from "vitest";
import { examplePlanInput } from "../helpers/plans.js";
import { ceilTolerant, computeAnnual, type PlanInput } from "../../src/domain/cascade.js";

const base: PlanInput = examplePlanInput();

describe("ceilTolerant", () => {
  it("ignores float noise just above a whole number", () => {
    expect(57 / 0.57).toBeGreaterThan(100); // 100.00000000000001
    expect(Math.ceil(57 / 0.57)).toBe(101);
    expect(ceilTolerant(57 / 0.57)).toBe(100);
  });
  it("still rounds real fractions up", () => {
    expect(ceilTolerant(100.001)).toBe(101);
    expect(ceilTolerant(14.285714)).toBe(15);
    expect(ceilTolerant(3)).toBe(3);
  });
});

describe("computeAnnual", () => {
  it("works the revenue funnel backwards", () => {
    expect(computeAnnual(base)).toEqual({ revenue: 1_200_000, deals: 30, opportunities: 120, meetings: 240, calls: 2400 });
  });

  it("rounds each stage up: 1,000,000 at 45,000 needs 23 deals", () => {
    const annual = computeAnnual({ ...base, target: 1_000_000_00, dealSizeCents: 45_000_00, winRate: 0.3, meetingRate: 0.4, callRate: 0.07 });
    // 22.2 → 23 deals; 23 / 0.3 = 76.67 → 77; 77 / 0.4 = 192.5 → 193; 193 / 0.07 = 2757.1 → 2758
    expect(annual).toEqual({ revenue: 1_000_000, deals: 23, opportunities: 77, meetings: 193, calls: 2758 });
  });

  it("takes a number of deals as the target, where float noise would break a naive ceil", () => {
    const annual = computeAnnual({ ...base, unit: "deals", target: 57, dealSizeCents: null, winRate: 0.57, meetingRate: 0.5, callRate: 0.1 });
    expect(annual).toEqual({ revenue: null, deals: 57, opportunities: 100, meetings: 200, calls: 2000 });
  });

  it("gives a deals plan revenue when it has a deal size", () => {
    expect(computeAnnual({ ...base, unit: "deals", target: 10, dealSizeCents: 12_500_50 }).revenue).toBe(125_005);
  });
});

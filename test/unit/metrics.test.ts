/** The metric engine: one definition of each figure, hand-computed. */
import { describe, expect, it } from "vitest";
import { examplePlanInput, WORKWEEK } from "../helpers/plans.js";
import { typeTotals } from "../helpers/totals.js";
import { makeCalendar } from "../../src/domain/calendar.js";
import { buildPlan } from "../../src/domain/plan.js";
import { bufferDays, metricActual, metricAnnual, metricFigures, projection, requiredPerWeek, singularOf, standingOf, trackedMetrics } from "../../src/domain/metrics.js";

const input = examplePlanInput();
const calendar = makeCalendar([...WORKWEEK], []);
const plan = buildPlan(input, calendar);

describe("bufferDays", () => {
  it("divides the year-to-date gap by the average day's share of the annual plan", () => {
    // 2,400 calls over 261 working days is 9.195… a day; 20 calls ahead is 2.175 days.
    expect(bufferDays(120, 100, 2400, 261)).toBeCloseTo(20 / (2400 / 261), 10);
    expect(bufferDays(80, 100, 2400, 261)).toBeCloseTo(-2.175, 3);
  });
  it("is null without an annual plan or working days", () => {
    expect(bufferDays(5, 0, 0, 261)).toBeNull();
    expect(bufferDays(5, 0, 100, 0)).toBeNull();
  });
});

describe("metricActual", () => {
  it("counts entries of the metric's type and sums deal amounts for revenue", () => {
    const t = typeTotals({ call: { count: 12 }, deal: { count: 2, amountCents: 7_500_000 }, linkedin: { count: 4 } });
    expect(metricActual("calls", t)).toBe(12);
    expect(metricActual("deals", t)).toBe(2);
    expect(metricActual("revenue", t)).toBe(75_000);
    expect(metricActual("linkedin", t)).toBe(4);
    expect(metricActual("meetings", t)).toBe(0);
  });
});

describe("trackedMetrics", () => {
  it("lists the cascade then weekly-target types by name, without revenue on a deals plan lacking a deal size", () => {
    expect(trackedMetrics(plan, new Map([["linkedin", 25], ["email", 50]]))).toEqual(["calls", "meetings", "opportunities", "deals", "revenue", "email", "linkedin"]);
    const deals = buildPlan({ ...input, unit: "deals", target: 20, dealSizeCents: null }, calendar);
    expect(trackedMetrics(deals, new Map())).toEqual(["calls", "meetings", "opportunities", "deals"]);
  });
});

describe("the formulas", () => {
  it("status: on-track at plan, at-risk from 80 %, behind below", () => {
    expect(standingOf(10, 10)).toBe("on-track");
    expect(standingOf(8, 10)).toBe("at-risk");
    expect(standingOf(7.99, 10)).toBe("behind");
    expect(standingOf(0, 0)).toBe("on-track");
  });
  it("buffer days: the gap over the average daily target", () => {
    // 1044 a year over 261 days = 4 a day; 54 short = 13.5 days.
    expect(bufferDays(150, 204, 1044, 261)).toBe(-13.5);
    expect(bufferDays(10, 6, 1044, 261)).toBe(1);
    expect(bufferDays(1, 0, 0, 261)).toBeNull();
  });
  it("projection: pace per elapsed working day over the year, null before the first", () => {
    expect(projection(150, 51, 261)).toBeCloseTo(767.647059, 5);
    expect(projection(0, 0, 261)).toBeNull();
  });
  it("required per week: the rest over remaining working days × workdays a week, null when none remain", () => {
    expect(requiredPerWeek(1044, 150, 210, 5)).toBeCloseTo(21.285714, 5);
    expect(requiredPerWeek(1044, 2000, 210, 5)).toBe(0);
    expect(requiredPerWeek(1044, 150, 0, 5)).toBeNull();
  });
});

describe("metricAnnual", () => {
  it("is the cascade's annual figure, exactly as the plan states it, for every page", () => {
    const odd = buildPlan({ ...input, target: 100_000_050, dealSizeCents: 40_000_00 }, calendar);
    expect(metricAnnual({ plan: odd, calendar, weeklyTargets: new Map() }, "revenue")).toBe(1_000_000.5);
    expect(metricAnnual({ plan, calendar, weeklyTargets: new Map() }, "calls")).toBe(2400);
  });
  it("is a weekly target summed over the year's working days for other types", () => {
    // 25 a week over 261 working days (52.2 weeks of 5).
    expect(metricAnnual({ plan, calendar, weeklyTargets: new Map([["linkedin", 25]]) }, "linkedin")).toBeCloseTo(25 * (261 / 5), 9);
  });
});

describe("metricFigures", () => {
  it("gives a week's plan, plan to date and actual, the year to date and what follows from them", () => {
    // Thursday 2026-03-12, week Mar 9–15. March: 22 working days, 200 calls planned (largest remainder of 2,400 by working days).
    const march = plan.months[2]!;
    const perDay = march.calls / march.workingDays;
    const basis = { plan, calendar, weeklyTargets: new Map<string, number>() };
    const f = metricFigures(basis, "calls", { from: "2026-03-09", to: "2026-03-15", totals: typeTotals({ call: { count: 30 } }) }, "2026-03-12", typeTotals({ call: { count: 400 } }));
    expect(f.period.plan).toBeCloseTo(5 * perDay, 9);
    expect(f.period.planToDate).toBeCloseTo(4 * perDay, 9);
    expect(f.period.actual).toBe(30);
    expect(f.ytd.actual).toBe(400);
    expect(f.annual).toBe(2400);
    expect(f.status).toBe(f.ytd.actual >= f.ytd.plan ? "on-track" : f.ytd.actual >= 0.8 * f.ytd.plan ? "at-risk" : "behind");
    expect(f.bufferDays).toBeCloseTo((400 - f.ytd.plan) / (2400 / 261), 9);
    // Jan 1 – Mar 12 has 51 working days; 210 remain.
    expect(f.projection).toBeCloseTo((400 / 51) * 261, 9);
    expect(f.requiredPerWeek).toBeCloseTo(((2400 - 400) / 210) * 5, 9);
  });
});

describe("singularOf", () => {
  it("names the entry type of a metric, the one map for sentences", () => {
    expect(["calls", "meetings", "opportunities", "deals", "revenue", "linkedin"].map(singularOf)).toEqual(["call", "meeting", "opportunity", "deal", "revenue", "linkedin"]);
  });
});

/** The metric engine: one definition of each figure, hand-computed. */
import { describe, expect, it } from "vitest";
import { examplePlanInput, planBasis } from "../helpers/plans.js";
import { typeTotals } from "../helpers/totals.js";
import {
  bufferDays,
  metricActual,
  metricAnnual,
  metricFigures,
  projection,
  requiredPerWeek,
  singularOf,
  standingOf,
  todayShare,
  trackedMetrics,
} from "../../src/domain/metrics.js";
import { buildSchedule } from "../../src/domain/schedule.js";

const input = examplePlanInput(); // 2,400 calls over 2026's 261 working days
const basis = planBasis(input);
const perDay = 2400 / 261;

describe("the formulas", () => {
  it("status: on-track at plan, at-risk from 80 %, behind below", () => {
    expect(standingOf(10, 10)).toBe("on-track");
    expect(standingOf(8, 10)).toBe("at-risk");
    expect(standingOf(7.99, 10)).toBe("behind");
    expect(standingOf(0, 0)).toBe("on-track");
  });
  it("projection: the year at the pace against the plan's own shape, null while nothing is planned", () => {
    expect(projection(150, 200, 1044)).toBeCloseTo(783, 9);
    expect(projection(5, 0, 1044)).toBeNull();
  });
  it("required per week: the rest over remaining working days × workdays a week, null when none remain", () => {
    expect(requiredPerWeek(1044, 150, 210, 5)).toBeCloseTo(21.285714, 5);
    expect(requiredPerWeek(1044, 2000, 210, 5)).toBe(0);
    expect(requiredPerWeek(1044, 150, 0, 5)).toBeNull();
  });
  it("today's share: the part of today's working hours that has passed", () => {
    expect(todayShare(8 * 60 + 5, 9 * 60, 8)).toBe(0); // before the day starts
    expect(todayShare(13 * 60, 9 * 60, 8)).toBe(0.5);
    expect(todayShare(23 * 60 + 59, 9 * 60, 8)).toBe(1);
  });
  it("buffer days: the gap measured in the coming working days' targets", () => {
    // On Thursday 2026-03-12, 2.5 days' targets behind is −2.5 days; ahead +1.
    expect(bufferDays(basis, "calls", "2026-03-12", 100, 100 + 2.5 * perDay)).toBeCloseTo(-2.5, 9);
    expect(bufferDays(basis, "calls", "2026-03-12", 100 + perDay, 100)).toBeCloseTo(1, 9);
    expect(bufferDays(basis, "calls", "2026-03-12", 100, 100)).toBe(0);
    expect(bufferDays(basis, "calls", "2026-12-31", 1, 5)).toBeNull();
  });
});

describe("metricActual and trackedMetrics", () => {
  it("counts entries of the metric's type and sums deal amounts for revenue", () => {
    const t = typeTotals({ call: { count: 12 }, deal: { count: 2, amountCents: 7_500_000 }, linkedin: { count: 4 } });
    expect(metricActual("calls", t)).toBe(12);
    expect(metricActual("deals", t)).toBe(2);
    expect(metricActual("revenue", t)).toBe(75_000);
    expect(metricActual("linkedin", t)).toBe(4);
    expect(metricActual("meetings", t)).toBe(0);
  });
  it("lists the cascade then weekly-target types by name, without revenue on a deals plan lacking a deal size", () => {
    const targets = [
      { type: "linkedin", from: "1970-01-01", perWeek: 25 },
      { type: "email", from: "1970-01-01", perWeek: 50 },
    ];
    expect(trackedMetrics(planBasis(input, [], targets))).toEqual(["calls", "meetings", "opportunities", "deals", "revenue", "email", "linkedin"]);
    expect(trackedMetrics(planBasis({ ...input, unit: "deals", target: 20, dealSizeCents: null }))).toEqual(["calls", "meetings", "opportunities", "deals"]);
  });
});

describe("metricAnnual", () => {
  it("is the cascade's annual figure of the plan in effect, exactly, on every page", () => {
    expect(metricAnnual(planBasis({ ...input, target: 100_000_050 }), "revenue", "2026-03-12")).toBe(1_000_000.5);
    expect(metricAnnual(basis, "calls", "2026-03-12")).toBe(2400);
  });
  it("is a weekly target summed over the year's working days for other types", () => {
    expect(metricAnnual(planBasis(input, [], [{ type: "linkedin", from: "1970-01-01", perWeek: 25 }]), "linkedin", "2026-03-12")).toBeCloseTo(
      25 * (261 / 5),
      9,
    );
  });
});

describe("metricFigures", () => {
  it("gives a week's plan, plan to date and actual, the year to date and what follows from them", () => {
    // Thursday 2026-03-12 at 13:00 with the day starting 09:00 and 8 hours a day: half of today counts.
    const f = metricFigures(
      basis,
      "calls",
      { from: "2026-03-09", to: "2026-03-15", totals: typeTotals({ call: { count: 30 } }) },
      { date: "2026-03-12", share: 0.5 },
      typeTotals({ call: { count: 400 } }),
    );
    expect(f.period.plan).toBeCloseTo(5 * perDay, 9);
    expect(f.period.planToDate).toBeCloseTo(3.5 * perDay, 9);
    expect(f.period.actual).toBe(30);
    // Jan 1 – Mar 11: 50 working days, plus half of Mar 12.
    expect(f.ytd.plan).toBeCloseTo(50.5 * perDay, 9);
    expect(f.ytd.actual).toBe(400);
    expect(f.annual).toBe(2400);
    expect(f.status).toBe("at-risk"); // 400 of 464.4: 86 %
    expect(f.bufferDays).toBeCloseTo((400 - 50.5 * perDay) / perDay, 9);
    expect(f.projection).toBeCloseTo((400 / (50.5 * perDay)) * 2400, 9);
    // 261 − 51 = 210 working days after as-of.
    expect(f.requiredPerWeek).toBeCloseTo(((2400 - 400) / 210) * 5, 9);
  });
  it("counts the opening balance in the year to date, plan and actual alike, and nothing before the start", () => {
    const schedule = buildSchedule({
      year: 2026,
      opening: { calls: 2000 },
      revisions: [{ seq: 1, from: "2026-12-01", input, note: null }],
      daysOff: [],
      typeTargets: [],
    });
    const late = { ...basis, schedule };
    const f = metricFigures(
      late,
      "calls",
      { from: "2026-11-30", to: "2026-12-06", totals: typeTotals({}) },
      { date: "2026-12-01", share: 1 },
      typeTotals({ call: { count: 30 } }),
    );
    expect(f.period.plan).toBeCloseTo((400 / 23) * 4, 9); // Tue Dec 1 – Fri Dec 4: Mon Nov 30 is before the start
    expect(f.ytd.plan).toBeCloseTo(2000 + 400 / 23, 9);
    expect(f.ytd.actual).toBe(2030);
    expect(f.status).toBe("on-track");
  });
});

describe("singularOf", () => {
  it("names the entry type of a metric, the one map for sentences", () => {
    expect(["calls", "meetings", "opportunities", "deals", "revenue", "linkedin"].map(singularOf)).toEqual([
      "call",
      "meeting",
      "opportunity",
      "deal",
      "revenue",
      "linkedin",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { examplePlanInput, planBasis } from "../helpers/plans.js";
import { typeTotals } from "../helpers/totals.js";
import type { PlanInput } from "../../src/domain/cascade.js";
import type { CommitmentView } from "../../src/domain/commitments.js";
import { buildReport, commitmentsByWeek, weeksOfYear } from "../../src/domain/report.js";

const input: PlanInput = examplePlanInput();
const basis = planBasis(input);
const { calendar } = basis;

describe("weeksOfYear", () => {
  it("lists the ISO weeks touching 2026, clipped to the year", () => {
    const weeks = weeksOfYear(2026);
    expect(weeks).toHaveLength(53);
    expect(weeks[0]).toEqual({ week: "2026-W01", monday: "2025-12-29", from: "2026-01-01", to: "2026-01-04" });
    expect(weeks.at(-1)).toEqual({ week: "2026-W53", monday: "2026-12-28", from: "2026-12-28", to: "2026-12-31" });
  });
});

describe("buildReport", () => {
  // 10 calls every working day up to Wednesday 2026-01-07.
  const report = buildReport({ ...basis, asOf: "2026-01-07", ytdTotals: typeTotals({ call: { count: 50 } }), commitments: [] }, (from, to) =>
    typeTotals({ call: { count: 10 * calendar.countWorkingDays(from, to) } }),
  );
  const calls = report.metrics.find((m) => m.metric === "calls")!;

  it("runs the cumulative plan up to the annual total", () => {
    expect(calls.weeks.at(-1)!.cumulativePlan).toBeCloseTo(2400, 6);
    expect(calls.annual).toBeCloseTo(2400, 6);
    // Week 1 holds Jan 1–2: two working days of 2,400 / 261 calls.
    expect(calls.weeks[0]!.plan).toBeCloseTo((2 * 2400) / 261, 9);
  });

  it("counts actuals only for weeks begun by as-of, cumulatively", () => {
    expect(calls.weeks[0]!.actual).toBe(20);
    expect(calls.weeks[1]!.actual).toBe(30);
    expect(calls.weeks[1]!.cumulativeActual).toBe(50);
    expect(calls.weeks[2]!.actual).toBeNull();
    expect(calls.weeks[2]!.cumulativeActual).toBeNull();
    expect(calls.ytdActual).toBe(50);
  });

  it("shows revenue only when the plan has it", () => {
    expect(report.metrics.map((m) => m.metric)).toEqual(["calls", "meetings", "opportunities", "deals", "revenue"]);
  });
});

describe("the report's funnel", () => {
  it("is the audit's conversion: each stage over the one above, year to date", () => {
    const funnel = buildReport(
      { ...basis, asOf: "2026-03-12", ytdTotals: typeTotals({ call: { count: 200 }, meeting: { count: 18 }, opportunity: { count: 9 } }), commitments: [] },
      () => new Map(),
    ).funnel;
    expect(funnel).toEqual([
      { from: "calls", to: "meetings", planned: 0.1, actual: 0.09 },
      { from: "meetings", to: "opportunities", planned: 0.5, actual: 0.5 },
      { from: "opportunities", to: "deals", planned: 0.25, actual: 0 },
    ]);
  });
});

describe("commitmentsByWeek", () => {
  const view = (id: number, due: string, status: CommitmentView["status"]): CommitmentView => ({
    id,
    text: "x",
    due,
    metric: null,
    target: null,
    progress: null,
    status,
    carried: 0,
    createdOn: due,
    carriedFrom: null,
    carriedTo: null,
  });
  it("groups by the ISO week due, leaving out dropped ones and other years", () => {
    const weeks = commitmentsByWeek(
      [
        view(1, "2026-03-13", "kept"),
        view(2, "2026-03-12", "missed"),
        view(3, "2026-03-06", "kept"),
        view(4, "2026-03-13", "dropped"),
        view(5, "2025-12-30", "kept"),
        view(6, "2026-03-20", "open"),
      ],
      2026,
    );
    expect(weeks).toEqual([
      { week: "2026-W10", kept: 1, missed: 0, open: 0 },
      { week: "2026-W11", kept: 1, missed: 1, open: 0 },
      { week: "2026-W12", kept: 0, missed: 0, open: 1 },
    ]);
  });
});

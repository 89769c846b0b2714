import { describe, expect, it } from "vitest";
import { examplePlanInput, planBasis, WORKWEEK } from "../helpers/plans.js";
import { makeCalendar } from "../../src/domain/calendar.js";
import { typeTotals } from "../helpers/totals.js";
import type { Block } from "../../src/domain/blocks.js";
import type { PlanInput } from "../../src/domain/cascade.js";
import { buildGlance, findNextBlock, fraction } from "../../src/domain/status.js";

const input: PlanInput = examplePlanInput();
const basis = planBasis(input, [], [{ type: "linkedin", from: "1970-01-01", perWeek: 25 }]);
const { calendar } = basis;

describe("buildGlance", () => {
  // Thursday 2026-01-08, the day over (share 1): 2,400 calls over 261 working days a day.
  const glance = buildGlance({
    ...basis,
    today: "2026-01-08",
    share: 1,
    todayTotals: typeTotals({ call: { count: 10 } }),
    weekTotals: typeTotals({ call: { count: 40 }, linkedin: { count: 12 } }),
    ytdTotals: typeTotals({ call: { count: 60 }, linkedin: { count: 12 } }),
  });
  const calls = glance.metrics.find((m) => m.metric === "calls")!;
  const linkedin = glance.metrics.find((m) => m.metric === "linkedin")!;
  const perDay = 2400 / 261;

  it("frames the ISO week and counts its working days", () => {
    expect(glance).toMatchObject({ week: "2026-W02", from: "2026-01-05", to: "2026-01-11", workingDaysSoFar: 4, workingDaysInWeek: 5 });
  });

  it("puts this week's actual next to the plan to date and the whole week's plan", () => {
    expect(calls.week.plan).toBeCloseTo(5 * perDay, 9);
    expect(calls.week.planToDate).toBeCloseTo(4 * perDay, 9);
    expect(calls.week.actual).toBe(40);
    expect(calls.today).toEqual({ plan: expect.closeTo(perDay, 9), actual: 10 });
  });

  it("shows no daily target for outcomes, which come in lumps", () => {
    expect(glance.metrics.find((m) => m.metric === "deals")?.today.plan).toBeNull();
    expect(glance.metrics.find((m) => m.metric === "revenue")?.today.plan).toBeNull();
  });

  it("measures the buffer in the coming days' plan: 6 working days planned, 60 done", () => {
    // Jan 1–2 (Thu, Fri) and Jan 5–8: 6 working days → 55.17 calls planned; 60 done.
    expect(calls.ytd.plan).toBeCloseTo(6 * perDay, 9);
    expect(calls.annual).toBeCloseTo(2400, 9);
    expect(calls.bufferDays).toBeCloseTo((60 - 6 * perDay) / perDay, 9);
  });

  it("spreads a weekly target evenly over the week's working days", () => {
    expect(linkedin.week).toEqual({ plan: 25, planToDate: 20, actual: 12 });
    // 2026-W01 runs Mon Dec 29 – Sun Jan 4: its 25 spread over 5 working days, 2 of them in 2026.
    expect(linkedin.ytd.plan).toBeCloseTo(10 + 20, 9);
  });
});

describe("findNextBlock", () => {
  const blocks: Block[] = [
    { id: 1, label: "Prospecting", days: ["tue", "thu"], startMin: 8 * 60, endMin: 9 * 60 + 30, activity: "call" },
    { id: 2, label: "Follow-ups", days: ["mon", "wed"], startMin: 14 * 60, endMin: 15 * 60, activity: null },
  ];

  it("returns a block under way as now, and a later one today", () => {
    expect(findNextBlock(blocks, [], calendar, "2026-03-12", 8 * 60 + 15)).toMatchObject({ id: 1, date: "2026-03-12", now: true });
    expect(findNextBlock(blocks, [], calendar, "2026-03-11", 9 * 60)).toMatchObject({ id: 2, date: "2026-03-11", now: false });
  });

  it("moves to a later day once today's blocks have ended", () => {
    // Thursday 10:00: Prospecting is over; Friday has nothing; Monday has Follow-ups.
    expect(findNextBlock(blocks, [], calendar, "2026-03-12", 10 * 60)).toMatchObject({ id: 2, date: "2026-03-16" });
  });

  it("passes over days off and occurrences already marked", () => {
    const off = makeCalendar([...WORKWEEK], [{ from: "2026-03-16", to: "2026-03-16" }]);
    expect(findNextBlock(blocks, [], off, "2026-03-12", 10 * 60)).toMatchObject({ id: 1, date: "2026-03-17" });
    const marks = [{ blockId: 1, date: "2026-03-12", status: "done" as const, reason: null }];
    expect(findNextBlock(blocks, marks, calendar, "2026-03-12", 7 * 60)).toMatchObject({ id: 2, date: "2026-03-16" });
  });

  it("is null without blocks", () => {
    expect(findNextBlock([], [], calendar, "2026-03-12", 0)).toBeNull();
  });
});

describe("fraction", () => {
  it("clamps to 0…1 and treats an empty plan as reached", () => {
    expect(fraction(5, 10)).toBe(0.5);
    expect(fraction(15, 10)).toBe(1);
    expect(fraction(0, 0)).toBe(0);
    expect(fraction(3, 0)).toBe(1);
  });
});

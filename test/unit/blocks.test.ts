import { describe, expect, it } from "vitest";
import { examplePlanInput } from "../helpers/plans.js";
import {
  blockOccurrences,
  blocksOnDay,
  computeAdherence,
  firstFreeStart,
  firstWeekdayOnOrAfter,
  proposeBlocks,
  spreadDays,
  splitWeeklyMinutes,
  weeklyPlanned,
  type Block,
  type BlockMark,
  type SuggestInput,
} from "../../src/domain/blocks.js";
import { makeCalendar } from "../../src/domain/calendar.js";
import type { PlanInput } from "../../src/domain/cascade.js";
import { buildPlan } from "../../src/domain/plan.js";
import { AcctError } from "../../src/domain/errors.js";

const WORKWEEK = ["mon", "tue", "wed", "thu", "fri"] as const;
const prospecting: Block = { id: 1, label: "Prospecting", days: ["tue", "thu"], startMin: 480, endMin: 570, activity: "call" };
const review: Block = { id: 2, label: "Review", days: ["fri"], startMin: 960, endMin: 1020, activity: null };
const noDaysOff = makeCalendar([...WORKWEEK], []);

describe("blockOccurrences and computeAdherence (the audit's blocks figures)", () => {
  // ISO week 2026-W11: Monday 03-09 … Sunday 03-15; as-of Thursday 03-12.
  const marks: BlockMark[] = [
    { blockId: 1, date: "2026-03-10", status: "done", reason: null },
    { blockId: 1, date: "2026-03-12", status: "skipped", reason: "customer call ran over" },
  ];

  it("counts the week's occurrences up to as-of, kept and skipped", () => {
    const occurrences = blockOccurrences([prospecting, review], "2026-03-09", "2026-03-12", noDaysOff);
    // Tue 10 and Thu 12 for block 1; Friday's review is after as-of.
    expect(occurrences).toEqual([
      { blockId: 1, date: "2026-03-10" },
      { blockId: 1, date: "2026-03-12" },
    ]);
    expect(computeAdherence(occurrences, marks)).toEqual({ scheduled: 2, kept: 1, skipped: 1, adherence: 0.5 });
  });

  it("drops an occurrence that falls on a day off from the count, and its mark with it", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-03-10", to: "2026-03-10" }]);
    const occurrences = blockOccurrences([prospecting, review], "2026-03-09", "2026-03-12", calendar);
    expect(occurrences).toEqual([{ blockId: 1, date: "2026-03-12" }]);
    // The "done" mark on the day off no longer counts: 0 kept of 1.
    expect(computeAdherence(occurrences, marks)).toEqual({ scheduled: 1, kept: 0, skipped: 1, adherence: 0 });
  });

  it("counts a whole week with a day off on Friday: 2 + 0 scheduled", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-03-13", to: "2026-03-13" }]);
    const occurrences = blockOccurrences([prospecting, review], "2026-03-09", "2026-03-15", calendar);
    const adherence = computeAdherence(occurrences, [{ blockId: 2, date: "2026-03-13", status: "done", reason: null }, ...marks]);
    expect(adherence).toEqual({ scheduled: 2, kept: 1, skipped: 1, adherence: 0.5 });
  });

  it("has no adherence when nothing was scheduled", () => {
    expect(computeAdherence(blockOccurrences([review], "2026-03-09", "2026-03-12", noDaysOff), marks)).toEqual({
      scheduled: 0,
      kept: 0,
      skipped: 0,
      adherence: null,
    });
  });
});

describe("blocksOnDay", () => {
  const early: Block = { id: 3, label: "Early calls", days: ["thu"], startMin: 420, endMin: 450, activity: "call" };

  it("lists the day's blocks in time order with their status", () => {
    const items = blocksOnDay([prospecting, review, early], "2026-03-12", noDaysOff, [
      { blockId: 1, date: "2026-03-12", status: "skipped", reason: "sick" },
      { blockId: 3, date: "2026-03-05", status: "done", reason: null },
    ]);
    expect(items.map((i) => [i.block.id, i.status, i.reason])).toEqual([
      [3, "pending", null],
      [1, "skipped", "sick"],
    ]);
  });

  it("has nothing on a day off", () => {
    expect(blocksOnDay([prospecting], "2026-03-12", makeCalendar([...WORKWEEK], [{ from: "2026-03-12", to: "2026-03-12" }]), [])).toEqual([]);
  });
});

describe("firstWeekdayOnOrAfter", () => {
  it("finds the first of the block's days from a date on", () => {
    expect(firstWeekdayOnOrAfter(["tue", "thu"], "2026-03-12")).toBe("2026-03-12");
    expect(firstWeekdayOnOrAfter(["tue", "thu"], "2026-03-13")).toBe("2026-03-17");
    expect(firstWeekdayOnOrAfter(["mon"], "2026-12-29")).toBe("2027-01-04");
  });
});

describe("spreadDays", () => {
  it("spreads blocks evenly over the workdays", () => {
    expect(spreadDays(WORKWEEK, 1)).toEqual(["wed"]);
    expect(spreadDays(WORKWEEK, 2)).toEqual(["tue", "thu"]);
    expect(spreadDays(WORKWEEK, 3)).toEqual(["mon", "wed", "fri"]);
    expect(spreadDays(WORKWEEK, 4)).toEqual(["mon", "tue", "thu", "fri"]);
    expect(spreadDays(WORKWEEK, 9)).toEqual([...WORKWEEK]);
    expect(spreadDays(["mon", "wed", "sat"], 2)).toEqual(["mon", "sat"]);
  });
});

describe("splitWeeklyMinutes", () => {
  it("uses the fewest blocks of at most the longest length when they fit exactly", () => {
    // 180 min: 2 × 90 = 180 (3 × 60 is no less, and more blocks).
    expect(splitWeeklyMinutes(180, WORKWEEK, 90)).toEqual({ days: ["tue", "thu"], minutes: 90 });
  });

  it("picks the block count whose 15-minute lengths waste least", () => {
    // 183.6 min: 3 × 75 = 225, 4 × 60 = 240, 5 × 45 = 225 → 3 blocks (fewer on a tie).
    expect(splitWeeklyMinutes(183.6, WORKWEEK, 90)).toEqual({ days: ["mon", "wed", "fri"], minutes: 75 });
  });

  it("proposes at least 30 minutes", () => {
    expect(splitWeeklyMinutes(10, WORKWEEK, 90)).toEqual({ days: ["wed"], minutes: 30 });
  });

  it("makes longer blocks on every workday when the longest length is not enough", () => {
    // 600 min on two workdays: 7 blocks of 90 would be needed, so 2 × 300.
    expect(splitWeeklyMinutes(600, ["mon", "tue"], 90)).toEqual({ days: ["mon", "tue"], minutes: 300 });
  });

  it("proposes nothing when nothing is needed", () => {
    expect(splitWeeklyMinutes(0, WORKWEEK, 90)).toBeNull();
    expect(splitWeeklyMinutes(-30, WORKWEEK, 90)).toBeNull();
  });
});

describe("firstFreeStart", () => {
  it("moves past blocks that share a day and overlap", () => {
    const taken = [prospecting, { days: ["tue" as const], startMin: 570, endMin: 600 }];
    expect(firstFreeStart(taken, ["tue"], 480, 60)).toBe(600);
    expect(firstFreeStart(taken, ["thu"], 480, 60)).toBe(570);
    expect(firstFreeStart(taken, ["mon"], 480, 60)).toBe(480);
    expect(firstFreeStart(taken, ["tue"], 420, 60)).toBe(420);
  });
});

describe("proposeBlocks", () => {
  const base: SuggestInput = { weeklyCalls: 45, weeklyMeetings: 4, callsPerHour: 15, hoursPerMeeting: 1, workdays: WORKWEEK, existing: [] };

  it("turns 45 calls at 15 an hour and 4 one-hour meetings into Tue/Thu blocks", () => {
    // Calls: 45 ÷ 15 = 3 h = 2 × 90 min. Meetings: 4 × 1 h = 240 min = 2 × 120 min.
    const proposal = proposeBlocks(base);
    expect(proposal.callHours).toBe(3);
    expect(proposal.meetingHours).toBe(4);
    expect(proposal.blocks).toEqual([
      { label: "Prospecting", days: ["tue", "thu"], startMin: 480, endMin: 570, activity: "call" },
      { label: "Customer meetings", days: ["tue", "thu"], startMin: 840, endMin: 960, activity: "meeting" },
    ]);
  });

  it("counts existing blocks of the activity and moves new blocks past the others", () => {
    const busyTuesday = { days: ["tue" as const], startMin: 480, endMin: 540, activity: null };
    const proposal = proposeBlocks({ ...base, existing: [{ ...prospecting, days: ["mon"] }, busyTuesday] });
    // 180 min needed, 90 blocked on Monday: 90 more as one Wednesday block at 08:00.
    expect(proposal.existingCallHours).toBe(1.5);
    expect(proposal.blocks[0]).toEqual({ label: "Prospecting", days: ["wed"], startMin: 480, endMin: 570, activity: "call" });

    const moved = proposeBlocks({ ...base, weeklyMeetings: 0, existing: [busyTuesday] });
    expect(moved.blocks).toEqual([{ label: "Prospecting", days: ["tue", "thu"], startMin: 540, endMin: 630, activity: "call" }]);
  });

  it("adds nothing when the blocks already cover the plan (a shortfall under 15 minutes counts as covered)", () => {
    const covered = proposeBlocks({ ...base, weeklyCalls: 47, weeklyMeetings: 0, existing: [prospecting] });
    // 47 ÷ 15 = 3.13 h: 8 minutes short of 3 h blocked.
    expect(covered.blocks).toEqual([]);
  });

  it("starts meetings an hour after long prospecting blocks end", () => {
    // 450 calls ÷ 15 = 30 h = 1,800 min: more than 5 × 90, so 5 × 360 min, 08:00–14:00.
    const proposal = proposeBlocks({ ...base, weeklyCalls: 450, weeklyMeetings: 25 });
    expect(proposal.blocks[0]).toMatchObject({ days: [...WORKWEEK], startMin: 480, endMin: 840 });
    // 25 h of meetings = 5 × 300 min, from an hour after 14:00: 15:00–20:00.
    expect(proposal.blocks[1]).toMatchObject({ days: [...WORKWEEK], startMin: 900, endMin: 1200 });
  });

  it("fails when the time needed does not fit in a day", () => {
    expect(() => proposeBlocks({ ...base, weeklyCalls: 1000, callsPerHour: 1 })).toThrow(AcctError);
  });
});

describe("weeklyPlanned", () => {
  const input: PlanInput = examplePlanInput();

  it("is the month's daily target times the workdays a week", () => {
    const plan = buildPlan(input, noDaysOff);
    // March 2026: 202 calls over 22 working days, 5 workdays a week.
    expect(plan.months[2]).toMatchObject({ calls: 202, workingDays: 22 });
    expect(weeklyPlanned(plan, "calls", "2026-03-12")).toBeCloseTo((202 / 22) * 5, 9);
    expect(weeklyPlanned(plan, "meetings", "2026-03-12")).toBeCloseTo(((plan.months[2]?.meetings ?? 0) / 22) * 5, 9);
  });

  it("falls back to the year's average in a month with no working days", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-08-01", to: "2026-08-31" }]);
    const plan = buildPlan(input, calendar);
    const workingDays = plan.months.reduce((s, m) => s + m.workingDays, 0);
    expect(weeklyPlanned(plan, "calls", "2026-08-10")).toBeCloseTo((2400 / workingDays) * 5, 9);
  });
});

describe("a block added mid-week", () => {
  it("has no occurrences before the day it was added", async () => {
    const { blockOccurrences } = await import("../../src/domain/blocks.js");
    const { makeCalendar } = await import("../../src/domain/calendar.js");
    const calendar = makeCalendar(["mon", "tue", "wed", "thu", "fri"], []);
    const block = { id: 1, label: "Calls", days: ["mon" as const, "thu" as const], startMin: 480, endMin: 570, activity: null, createdOn: "2026-03-11" };
    // Week of Mon 2026-03-09: Monday is before the block existed; Thursday counts.
    expect(blockOccurrences([block], "2026-03-09", "2026-03-15", calendar)).toEqual([{ blockId: 1, date: "2026-03-12" }]);
  });
});

import { describe, expect, it } from "vitest";
import { examplePlanInput } from "../helpers/plans.js";
import { planBasis } from "../helpers/plans.js";
import {
  blockOccurrences,
  blocksOnDay,
  computeAdherence,
  DAY_MINUTES,
  existedFor,
  findOverlap,
  firstFreeStart,
  hasEnded,
  occurrenceState,
  overlaps,
  sharedDays,
  firstWeekdayOnOrAfter,
  proposeBlocks,
  spreadDays,
  splitWeeklyMinutes,
  weeklyPlanned,
  type Adherence,
  type AdherenceInput,
  type Block,
  type BlockMark,
  type LoggedTypes,
  type SuggestInput,
} from "../../src/domain/blocks.js";
import { makeCalendar } from "../../src/domain/calendar.js";
import type { PlanInput } from "../../src/domain/cascade.js";
import { AcctError } from "../../src/domain/errors.js";

const WORKWEEK = ["mon", "tue", "wed", "thu", "fri"] as const;
const prospecting: Block = { id: 1, label: "Prospecting", days: ["tue", "thu"], startMin: 480, endMin: 570, activity: "call" };
const review: Block = { id: 2, label: "Review", days: ["fri"], startMin: 960, endMin: 1020, activity: null };
const noDaysOff = makeCalendar([...WORKWEEK], []);

describe("blockOccurrences and computeAdherence (the audit's blocks figures)", () => {
  // ISO week 2026-W11: Monday 03-09 … Sunday 03-15; as-of Thursday 03-12, the day over.
  const marks: BlockMark[] = [
    { blockId: 1, date: "2026-03-10", status: "done", reason: null },
    { blockId: 1, date: "2026-03-12", status: "skipped", reason: "customer call ran over" },
  ];
  const week = (blocks: Block[], calendar = noDaysOff, extra: Partial<AdherenceInput> = {}) =>
    computeAdherence({ blocks, marks, logged: new Map(), calendar, from: "2026-03-09", asOf: "2026-03-12", nowMinutes: DAY_MINUTES, ...extra });
  const counts = (a: Adherence) => ({ scheduled: a.scheduled, kept: a.kept, skipped: a.skipped, unmarked: a.unmarked, adherence: a.adherence });

  it("counts the week's occurrences up to as-of, kept and skipped", () => {
    const occurrences = blockOccurrences([prospecting, review], "2026-03-09", "2026-03-12", noDaysOff);
    // Tue 10 and Thu 12 for block 1; Friday's review is after as-of.
    expect(occurrences).toEqual([
      { blockId: 1, date: "2026-03-10" },
      { blockId: 1, date: "2026-03-12" },
    ]);
    expect(week([prospecting, review])).toEqual({ scheduled: 2, kept: 1, skipped: 1, unmarked: 0, keptByLog: 0, adherence: 0.5, unmarkedOccurrences: [] });
  });

  it("drops an occurrence that falls on a day off from the count, and its mark with it", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-03-10", to: "2026-03-10" }]);
    expect(blockOccurrences([prospecting, review], "2026-03-09", "2026-03-12", calendar)).toEqual([{ blockId: 1, date: "2026-03-12" }]);
    // The "done" mark on the day off no longer counts: 0 kept of 1.
    expect(counts(week([prospecting, review], calendar))).toEqual({ scheduled: 1, kept: 0, skipped: 1, unmarked: 0, adherence: 0 });
  });

  it("counts a whole week with a day off on Friday: 2 + 0 scheduled", () => {
    const calendar = makeCalendar([...WORKWEEK], [{ from: "2026-03-13", to: "2026-03-13" }]);
    const adherence = week([prospecting, review], calendar, {
      asOf: "2026-03-15",
      marks: [{ blockId: 2, date: "2026-03-13", status: "done", reason: null }, ...marks],
    });
    expect(counts(adherence)).toEqual({ scheduled: 2, kept: 1, skipped: 1, unmarked: 0, adherence: 0.5 });
  });

  it("has no adherence when nothing was scheduled", () => {
    expect(counts(week([review]))).toEqual({ scheduled: 0, kept: 0, skipped: 0, unmarked: 0, adherence: null });
    expect(counts(week([]))).toEqual({ scheduled: 0, kept: 0, skipped: 0, unmarked: 0, adherence: null });
  });
});

describe("computeAdherence: occurrences count once they end; the log keeps activity blocks", () => {
  // Week 2026-W11, as-of Thursday 03-12. Block 1 prospecting tue/thu 08:00–09:30 (call),
  // block 3 meetings tue/thu 14:00–15:00 (meeting), block 2 review fri (after as-of).
  const meetings: Block = { id: 3, label: "Meetings", days: ["tue", "thu"], startMin: 840, endMin: 900, activity: "meeting" };
  const blocks = [prospecting, review, meetings];
  const marks: BlockMark[] = [
    { blockId: 1, date: "2026-03-10", status: "done", reason: null },
    { blockId: 3, date: "2026-03-12", status: "skipped", reason: "no-show" },
  ];
  // Calls logged on Thursday; meetings on Thursday too (but block 3 was skipped then).
  const logged: LoggedTypes = new Map([["2026-03-12", new Set(["call", "meeting"])]]);
  const at = (nowMinutes: number, extra: Partial<AdherenceInput> = {}) =>
    computeAdherence({ blocks, marks, logged, calendar: noDaysOff, from: "2026-03-09", asOf: "2026-03-12", nowMinutes, ...extra });

  it("at 08:05 Thursday's 08:00–09:30 has not ended: only Tuesday's two count", () => {
    // Tue: block 1 done (kept), block 3 unmarked. Thursday: nothing has ended yet.
    expect(at(8 * 60 + 5)).toMatchObject({ scheduled: 2, kept: 1, skipped: 0, unmarked: 1, keptByLog: 0, adherence: 0.5 });
  });

  it("at 09:30, the end itself, Thursday's prospecting has ended and the calls logged keep it", () => {
    // + Thu block 1, kept by the calls logged: 3 scheduled, 2 kept (1 by the log), 1 unmarked → 2 ÷ 3.
    expect(at(9 * 60 + 30)).toMatchObject({ scheduled: 3, kept: 2, skipped: 0, unmarked: 1, keptByLog: 1, adherence: 2 / 3 });
    expect(at(9 * 60 + 29).scheduled).toBe(2);
  });

  it("at 15:00 Thursday's meetings have ended: skipped beats the meetings logged", () => {
    // 4 scheduled: kept 2 (Tue prospecting by mark, Thu by log), skipped 1 (Thu meetings), unmarked 1 (Tue meetings) → 0.5.
    const figures = at(15 * 60);
    expect(figures).toMatchObject({ scheduled: 4, kept: 2, skipped: 1, unmarked: 1, keptByLog: 1, adherence: 0.5 });
    expect(figures.unmarkedOccurrences).toEqual([{ blockId: 3, label: "Meetings", date: "2026-03-10", startMin: 840, endMin: 900 }]);
  });

  it("a past day counts whole, whatever the time of day on as-of", () => {
    // As-of Sunday, the week over (DAY_MINUTES): Friday's review is unmarked too.
    const over = at(DAY_MINUTES, { asOf: "2026-03-15" });
    expect(over).toMatchObject({ scheduled: 5, kept: 2, skipped: 1, unmarked: 2, adherence: 0.4 });
    expect(over.unmarkedOccurrences.map((o) => [o.blockId, o.date])).toEqual([
      [3, "2026-03-10"],
      [2, "2026-03-13"],
    ]);
  });

  it("an activity block with nothing of its type logged that day is unmarked, not kept", () => {
    const figures = at(DAY_MINUTES, { logged: new Map([["2026-03-11", new Set(["call"])]]) });
    // Thu prospecting: calls were logged Wednesday, not Thursday.
    expect(figures).toMatchObject({ scheduled: 4, kept: 1, skipped: 1, unmarked: 2, keptByLog: 0 });
    expect(figures.unmarkedOccurrences.map((o) => [o.blockId, o.date])).toEqual([
      [3, "2026-03-10"],
      [1, "2026-03-12"],
    ]);
  });

  it("a block without an activity is never kept by the log", () => {
    const noActivity: Block = { ...prospecting, activity: null };
    expect(
      computeAdherence({ blocks: [noActivity], marks: [], logged, calendar: noDaysOff, from: "2026-03-12", asOf: "2026-03-12", nowMinutes: DAY_MINUTES }),
    ).toMatchObject({
      scheduled: 1,
      kept: 0,
      unmarked: 1,
    });
  });

  it("a block added mid-week counts from the day it was added; on that day only if it ends after it was added", () => {
    // Added Tuesday at 10:00: Tuesday's 08:00–09:30 had ended (not counted), Tuesday's 14:00–15:00 counts.
    const added = (b: Block): Block => ({ ...b, createdOn: "2026-03-10", createdMin: 600 });
    const figures = computeAdherence({
      blocks: [added(prospecting), added(meetings)],
      marks: [],
      logged: new Map(),
      calendar: noDaysOff,
      from: "2026-03-09",
      asOf: "2026-03-12",
      nowMinutes: DAY_MINUTES,
    });
    expect(figures.unmarkedOccurrences.map((o) => [o.blockId, o.date])).toEqual([
      [3, "2026-03-10"],
      [1, "2026-03-12"],
      [3, "2026-03-12"],
    ]);
    // Added at 08:30, during the block: that occurrence counts.
    expect(existedFor({ ...prospecting, createdOn: "2026-03-10", createdMin: 510 }, "2026-03-10")).toBe(true);
    expect(existedFor({ ...prospecting, createdOn: "2026-03-10", createdMin: 570 }, "2026-03-10")).toBe(false);
    expect(existedFor({ ...prospecting, createdOn: "2026-03-10", createdMin: 570 }, "2026-03-09")).toBe(false);
    expect(existedFor({ ...prospecting, createdOn: "2026-03-10" }, "2026-03-10")).toBe(true);
  });
});

describe("occurrenceState and hasEnded", () => {
  const done: BlockMark = { blockId: 1, date: "2026-03-12", status: "done", reason: null };
  const skipped: BlockMark = { blockId: 1, date: "2026-03-12", status: "skipped", reason: "sick" };
  const calls = new Set(["call"]);

  it("a mark decides, ended or not; skipped beats what was logged", () => {
    expect(occurrenceState(prospecting, done, undefined, false)).toEqual({ status: "kept", keptBy: "mark", reason: null });
    expect(occurrenceState(prospecting, done, calls, true)).toEqual({ status: "kept", keptBy: "mark", reason: null });
    expect(occurrenceState(prospecting, skipped, calls, true)).toEqual({ status: "skipped", keptBy: null, reason: "sick" });
  });

  it("without a mark: pending until it ends, then kept by the log or unmarked", () => {
    expect(occurrenceState(prospecting, undefined, calls, false)).toEqual({ status: "pending", keptBy: null, reason: null });
    expect(occurrenceState(prospecting, undefined, calls, true)).toEqual({ status: "kept", keptBy: "log", reason: null });
    expect(occurrenceState(prospecting, undefined, new Set(["meeting"]), true)).toEqual({ status: "unmarked", keptBy: null, reason: null });
    expect(occurrenceState(review, undefined, calls, true).status).toBe("unmarked");
  });

  it("ends at its end time on as-of; earlier days whole; later days never", () => {
    expect(hasEnded(prospecting, "2026-03-12", "2026-03-12", 569)).toBe(false);
    expect(hasEnded(prospecting, "2026-03-12", "2026-03-12", 570)).toBe(true);
    expect(hasEnded(prospecting, "2026-03-11", "2026-03-12", 0)).toBe(true);
    expect(hasEnded(prospecting, "2026-03-13", "2026-03-12", DAY_MINUTES)).toBe(false);
  });
});

describe("findOverlap", () => {
  const slot = (days: Block["days"], start: string, end: string) => {
    const [h1, m1] = start.split(":").map(Number) as [number, number];
    const [h2, m2] = end.split(":").map(Number) as [number, number];
    return { days, startMin: h1 * 60 + m1, endMin: h2 * 60 + m2 };
  };

  it("times are end-exclusive: touching blocks do not overlap", () => {
    expect(findOverlap(slot(["tue"], "09:30", "10:00"), [prospecting])).toBeNull();
    expect(findOverlap(slot(["tue"], "07:00", "08:00"), [prospecting])).toBeNull();
    expect(findOverlap(slot(["tue"], "09:29", "10:00"), [prospecting])).toBe(prospecting);
    expect(findOverlap(slot(["thu"], "07:00", "08:01"), [prospecting])).toBe(prospecting);
  });

  it("only a shared weekday counts", () => {
    expect(findOverlap(slot(["mon", "wed", "fri"], "08:00", "09:30"), [prospecting])).toBeNull();
    expect(findOverlap(slot(["fri", "thu"], "08:30", "09:00"), [prospecting, review])).toBe(prospecting);
    expect(sharedDays(slot(["fri", "thu"], "08:30", "09:00"), prospecting)).toEqual(["thu"]);
  });

  it("names the first overlapping block, and a slot inside or around one overlaps it", () => {
    const second: Block = { ...prospecting, id: 2, label: "Second", startMin: 540, endMin: 600 };
    expect(findOverlap(slot(["tue"], "09:00", "09:45"), [prospecting, second])).toBe(prospecting);
    expect(findOverlap(slot(["tue"], "09:30", "09:45"), [prospecting, second])).toBe(second);
    expect(findOverlap(slot(["tue"], "06:00", "12:00"), [second])).toBe(second);
    expect(findOverlap(slot(["tue"], "08:15", "08:30"), [prospecting])).toBe(prospecting);
    expect(overlaps(prospecting, prospecting)).toBe(true);
  });
});

describe("blocksOnDay", () => {
  const early: Block = { id: 3, label: "Early calls", days: ["thu"], startMin: 420, endMin: 450, activity: "call" };
  const late: Block = { id: 4, label: "Late", days: ["thu"], startMin: 600, endMin: 660, activity: null };

  it("lists the day's blocks in time order with their state at the time of day", () => {
    const marks: BlockMark[] = [
      { blockId: 1, date: "2026-03-12", status: "skipped", reason: "sick" },
      { blockId: 3, date: "2026-03-05", status: "done", reason: null },
    ];
    // At 08:05: the early block has ended (unmarked), prospecting is skipped, the late one not yet ended.
    const items = blocksOnDay([prospecting, review, early, late], "2026-03-12", noDaysOff, marks, new Set(), 485);
    expect(items.map((i) => [i.block.id, i.status, i.keptBy, i.reason])).toEqual([
      [3, "unmarked", null, null],
      [1, "skipped", null, "sick"],
      [4, "pending", null, null],
    ]);
    // With calls logged that day, the early call block is kept by the log.
    expect(blocksOnDay([early], "2026-03-12", noDaysOff, [], new Set(["call"]), 485).map((i) => [i.status, i.keptBy])).toEqual([["kept", "log"]]);
  });

  it("has nothing on a day off", () => {
    expect(
      blocksOnDay([prospecting], "2026-03-12", makeCalendar([...WORKWEEK], [{ from: "2026-03-12", to: "2026-03-12" }]), [], new Set(), DAY_MINUTES),
    ).toEqual([]);
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
    const { plan } = planBasis(input);
    // March 2026: 22 working days of 2400 / 261 calls, 5 workdays a week.
    expect(plan.months[2]?.workingDays).toBe(22);
    expect(weeklyPlanned(plan, "calls", "2026-03-12")).toBeCloseTo((2400 / 261) * 5, 9);
    expect(weeklyPlanned(plan, "meetings", "2026-03-12")).toBeCloseTo(((plan.months[2]?.meetings ?? 0) / 22) * 5, 9);
  });

  it("falls back to the year's average in a month with no working days", () => {
    const { plan } = planBasis(input, [{ from: "2026-08-01", to: "2026-08-31" }]);
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

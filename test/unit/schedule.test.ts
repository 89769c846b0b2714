/** The schedule of daily targets: start, opening, revisions and days off, each never changing an earlier day. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examplePlanInput } from "../helpers/plans.js";
import { buildSchedule, type DayOffEvent, type Revision, type ScheduleInput } from "../../src/domain/schedule.js";

const plan = examplePlanInput(); // 2026: 1.2m at 40k, 25/50/10 % → 2,400 calls; Mon–Fri, 261 working days
const first = (from = "2026-01-01", overrides = {}): Revision => ({ seq: 1, from, input: { ...plan, ...overrides }, note: null });
const input = (overrides: Partial<ScheduleInput> = {}): ScheduleInput => ({
  year: 2026,
  opening: {},
  revisions: [first()],
  daysOff: [],
  typeTargets: [],
  ...overrides,
});
const off = (from: string, to: string, addedSeq: number, removedSeq: number | null = null): DayOffEvent => ({ from, to, addedSeq, removedSeq });

describe("the schedule", () => {
  it("spreads the year evenly over its working days without seasonality", () => {
    const s = buildSchedule(input());
    expect(s.target("calls", "2026-03-12")).toBeCloseTo(2400 / 261, 12);
    expect(s.target("calls", "2026-03-14")).toBe(0); // a Saturday
    expect(s.planBetween("calls", "2026-01-01", "2026-12-31")).toBeCloseTo(2400, 9);
    expect(s.planBetween("revenue", "2026-01-01", "2026-12-31")).toBeCloseTo(1_200_000, 6);
  });

  it("weights each working day by its month's seasonality", () => {
    const seasonality = [0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5];
    const s = buildSchedule(input({ revisions: [first("2026-01-01", { seasonality })] }));
    // Jan 2026 has 22 working days, Dec 23; the others 216: total weight 11 + 216 + 34.5 = 261.5.
    expect(s.target("calls", "2026-01-05")).toBeCloseTo((2400 * 0.5) / 261.5, 12);
    expect(s.target("calls", "2026-12-01")).toBeCloseTo((2400 * 1.5) / 261.5, 12);
  });

  it("plans nothing before a mid-year start and counts the opening balance as already done", () => {
    // Start Tuesday 2026-12-01: December has 23 working days, 22 of them from Dec 1 on (Dec 1–31 minus weekends).
    const s = buildSchedule(input({ revisions: [first("2026-12-01")], opening: { calls: 2000, revenue: 1_000_000 } }));
    expect(s.planBetween("calls", "2026-01-01", "2026-11-30")).toBe(0);
    const workingInDecember = s.workingDaysBetween("2026-12-01", "2026-12-31");
    expect(workingInDecember).toBe(23);
    expect(s.target("calls", "2026-12-01")).toBeCloseTo(400 / 23, 12);
    expect(s.target("revenue", "2026-12-01")).toBeCloseTo(200_000 / 23, 9);
  });

  it("a revision changes the days from its day on, never the days before", () => {
    const before = buildSchedule(input());
    const revised = buildSchedule(input({ revisions: [first(), { seq: 2, from: "2026-07-01", input: { ...plan, target: 2_400_000_00 }, note: "bigger" }] }));
    expect(revised.planBetween("calls", "2026-01-01", "2026-06-30")).toBeCloseTo(before.planBetween("calls", "2026-01-01", "2026-06-30"), 9);
    // The rest of the year delivers the new annual total: 4,800 calls in all.
    expect(revised.planBetween("calls", "2026-01-01", "2026-12-31")).toBeCloseTo(4800, 9);
    expect(revised.annual("calls", "2026-06-30")).toBe(2400);
    expect(revised.annual("calls", "2026-07-01")).toBe(4800);
  });

  it("a sick day added later moves its share to the days after it, and January keeps its plan", () => {
    const before = buildSchedule(input());
    const sick = buildSchedule(input({ daysOff: [off("2026-02-10", "2026-02-10", 2)] }));
    expect(sick.planBetween("calls", "2026-01-01", "2026-02-09")).toBeCloseTo(before.planBetween("calls", "2026-01-01", "2026-02-09"), 9);
    expect(sick.target("calls", "2026-02-10")).toBe(0);
    expect(sick.planBetween("calls", "2026-01-01", "2026-12-31")).toBeCloseTo(2400, 9);
    expect(sick.target("calls", "2026-02-11")).toBeGreaterThan(before.target("calls", "2026-02-11"));
  });

  it("days off known before the plan are left out from the start; removing one gives the day back from then on", () => {
    const known = buildSchedule(input({ revisions: [{ ...first(), seq: 5 }], daysOff: [off("2026-08-03", "2026-08-14", 1)] }));
    expect(known.target("calls", "2026-03-12")).toBeCloseTo(2400 / 251, 12);
    const removed = buildSchedule(input({ revisions: [{ ...first(), seq: 5 }], daysOff: [off("2026-08-03", "2026-08-14", 1, 6)] }));
    expect(removed.planBetween("calls", "2026-01-01", "2026-08-02")).toBeCloseTo(known.planBetween("calls", "2026-01-01", "2026-08-02"), 9);
    expect(removed.target("calls", "2026-08-03")).toBeGreaterThan(0);
    expect(removed.planBetween("calls", "2026-01-01", "2026-12-31")).toBeCloseTo(2400, 9);
  });

  it("a type's weekly target applies from its day on, spread over the week's working days", () => {
    const s = buildSchedule(input({ typeTargets: [{ type: "linkedin", from: "2026-03-02", perWeek: 25 }] }));
    expect(s.planBetween("linkedin", "2026-02-23", "2026-03-01")).toBe(0);
    expect(s.planBetween("linkedin", "2026-03-02", "2026-03-08")).toBeCloseTo(25, 12);
    expect(s.metrics()).toEqual(["calls", "meetings", "opportunities", "deals", "revenue", "linkedin"]);
  });

  it("buffer days count the coming working days' targets, the last as a fraction", () => {
    const s = buildSchedule(input());
    const daily = 2400 / 261;
    expect(s.daysToCover("calls", "2026-03-12", daily * 2.5)).toBeCloseTo(2.5, 9);
    expect(s.daysToCover("calls", "2026-03-12", 0)).toBe(0);
    expect(s.daysToCover("calls", "2026-12-31", 10)).toBeNull();
    // Past Dec 31 the last working day's target repeats.
    expect(s.daysToCover("calls", "2026-12-30", daily * 3)).toBeCloseTo(3, 9);
  });

  it("whatever days off come and go, in any order, the year adds up and an earlier day never changes (property)", () => {
    const day = fc.integer({ min: 0, max: 364 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const change = fc.record({ a: day, b: day, removed: fc.boolean() });
    const seed = Number(process.env.ACCT_FUZZ_SEED ?? Date.now() % 1e9);
    console.log(`schedule property seed ${seed} (ACCT_FUZZ_SEED=${seed} reproduces it)`);
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), (changes) => {
        const events: DayOffEvent[] = [];
        let seq = 2;
        let previous = buildSchedule(input());
        // Once a change leaves no working day after it, the share of the days it moved has nowhere to go.
        let shareLost = false;
        for (const c of changes) {
          const [from, to] = c.a <= c.b ? [c.a, c.b] : [c.b, c.a];
          events.push(off(from, to, seq++, null));
          if (c.removed) (events.at(-1) as DayOffEvent).removedSeq = seq++;
          const next = buildSchedule(input({ daysOff: events.map((e) => ({ ...e })) }));
          // No day before the change's first day moves.
          expect(
            next.planBetween(
              "calls",
              "2026-01-01",
              from === "2026-01-01" ? "2025-12-31" : new Date(Date.parse(`${from}T00:00:00Z`) - 864e5).toISOString().slice(0, 10),
            ),
          ).toBeCloseTo(
            previous.planBetween(
              "calls",
              "2026-01-01",
              from === "2026-01-01" ? "2025-12-31" : new Date(Date.parse(`${from}T00:00:00Z`) - 864e5).toISOString().slice(0, 10),
            ),
            6,
          );
          const total = next.planBetween("calls", "2026-01-01", "2026-12-31");
          // The year adds up while every change so far left a working day after it to take the share of the days it moved.
          shareLost ||= next.workingDaysBetween(from, "2026-12-31") === 0;
          if (!shareLost) expect(total).toBeCloseTo(2400, 6);
          previous = next;
        }
      }),
      { seed, numRuns: Number(process.env.ACCT_FUZZ_RUNS ?? 200) },
    );
  });
});

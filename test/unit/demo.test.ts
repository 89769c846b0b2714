import { describe, expect, it } from "vitest";
import { addDays, mondayOf, weekdayOf } from "../../src/domain/dates.js";
import { buildDemo, demoWeeks } from "../../src/domain/demo.js";
import { seededRandom } from "../../src/domain/random.js";

describe("seededRandom", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});

describe("buildDemo", () => {
  const today = "2026-03-12";
  const demo = buildDemo(today);

  it("is the same for the same day and differs on another", () => {
    expect(buildDemo(today)).toEqual(demo);
    expect(buildDemo("2026-03-13").entries).not.toEqual(demo.entries);
  });

  it("logs the year so far (at least ten weeks) of working days up to today, none on days off or weekends", () => {
    const dates = demo.entries.map((e) => e.date);
    // 2026-03-12 is in ISO week 11: the whole year so far, from Thursday Jan 1.
    expect(demoWeeks(today)).toBe(11);
    expect([...dates].sort()[0]).toBe("2026-01-01");
    // Early in January, ten weeks reach back into December.
    expect(demoWeeks("2026-01-07")).toBe(10);
    expect(
      buildDemo("2026-01-07")
        .entries.map((e) => e.date)
        .sort()[0],
    ).toBe(addDays(mondayOf("2026-01-07"), -63));
    expect(dates.every((d) => d <= today)).toBe(true);
    expect(dates.some((d) => ["sat", "sun"].includes(weekdayOf(d)))).toBe(false);
    const holiday = demo.daysOff[0]!.from;
    expect(dates).not.toContain(holiday);
    // Believable volume: about 9 calls a working day, some meetings, a few deals with amounts.
    const calls = demo.entries.filter((e) => e.type === "call").reduce((s, e) => s + e.count, 0);
    expect(calls).toBeGreaterThan(250);
    expect(calls).toBeLessThan(650);
    const deals = demo.entries.filter((e) => e.type === "deal");
    expect(deals.every((d) => d.amountCents !== null && d.amountCents > 0)).toBe(true);
  });

  it("plans 1.2m at 40k with 25/50/10 % for today's year", () => {
    expect(demo.plan).toMatchObject({ year: 2026, target: 120_000_000, dealSizeCents: 4_000_000, winRate: 0.25, meetingRate: 0.5, callRate: 0.1 });
  });

  it("carries one commitment over twice and keeps its due dates in order", () => {
    const chain = demo.commitments.filter((c) => c.carriedFrom !== null);
    expect(chain.map((c) => c.carriedFrom)).toEqual([2, 3]);
    const dues = [2, 3, 4].map((i) => demo.commitments[i]!.due);
    expect([...dues].sort()).toEqual(dues);
    expect(demo.commitments.every((c) => c.createdOn <= c.due)).toBe(true);
  });

  it("marks only past block occurrences", () => {
    for (const block of demo.blocks) for (const mark of block.marks) expect(mark.date < today && block.days.includes(weekdayOf(mark.date))).toBe(true);
    expect(demo.blocks.flatMap((b) => b.marks).some((m) => m.status === "skipped")).toBe(true);
  });
});

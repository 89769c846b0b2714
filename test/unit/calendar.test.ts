import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeCalendar } from "../../src/domain/calendar.js";
import { addDays, eachDay, inWeekOrder, WEEKDAYS } from "../../src/domain/dates.js";

describe("countWorkingDays", () => {
  const workweek = makeCalendar(
    ["mon", "tue", "wed", "thu", "fri"],
    [
      { from: "2026-08-03", to: "2026-08-14" },
      { from: "2026-12-24", to: "2026-12-24" },
    ],
  );

  it("counts workdays in both ends of the span, minus days off", () => {
    expect(workweek.countWorkingDays("2026-03-09", "2026-03-15")).toBe(5); // Mon … Sun
    expect(workweek.countWorkingDays("2026-03-14", "2026-03-15")).toBe(0); // a weekend
    expect(workweek.countWorkingDays("2026-03-13", "2026-03-13")).toBe(1); // one Friday
    expect(workweek.countWorkingDays("2026-03-15", "2026-03-09")).toBe(0); // backwards
    expect(workweek.countWorkingDays("2026-08-01", "2026-08-31")).toBe(21 - 10); // two weeks off in August
    expect(workweek.countWorkingDays("2026-01-01", "2026-12-31")).toBe(261 - 10 - 1);
  });

  it("a day off on a weekend costs nothing", () => {
    const weekendOff = makeCalendar(["mon", "tue", "wed", "thu", "fri"], [{ from: "2026-03-14", to: "2026-03-15" }]);
    expect(weekendOff.countWorkingDays("2026-03-09", "2026-03-22")).toBe(10);
  });

  it("agrees with checking day by day, for any workdays, days off and span", () => {
    const day = (n: number) => addDays("2025-11-01", n);
    const span = fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 30 }));
    fc.assert(
      fc.property(fc.subarray([...WEEKDAYS]), fc.array(span, { maxLength: 5 }), span, (workdays, offSpans, [from, length]) => {
        const calendar = makeCalendar(
          workdays,
          offSpans.map(([a, n]) => ({ from: day(a), to: day(a + n) })),
        );
        const days = eachDay(day(from), day(from + length * 7));
        expect(calendar.countWorkingDays(day(from), day(from + length * 7))).toBe(days.filter((d) => calendar.isWorkingDay(d)).length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("inWeekOrder", () => {
  it("orders weekdays from the week's first day", () => {
    expect(inWeekOrder(["mon", "sun", "wed"])).toEqual(["mon", "wed", "sun"]);
    expect(inWeekOrder(["mon", "sun", "wed"], "sun")).toEqual(["sun", "mon", "wed"]);
    expect(inWeekOrder([], "sun")).toEqual([]);
  });
});

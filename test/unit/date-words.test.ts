/**
 * The date vocabulary (SPEC, Conventions: dates) with hand-computed dates on
 * several todays, its errors, and properties over any day acct handles.
 * Property runs print their seed; ACCT_FUZZ_SEED=<seed> replays one.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, daysBetween, fromDayNumber, isoWeekOf, mondayOf, toDayNumber, weekdayOf, WEEKDAYS, type Weekday } from "../../src/domain/dates.js";
import { AcctError } from "../../src/domain/errors.js";
import { parseDate, parseDateRange, parseDueDate, parseMonth, parseQuarter } from "../../src/domain/parse.js";

const SEED = process.env.ACCT_FUZZ_SEED === undefined ? Date.now() ^ (Math.random() * 0x7fffffff) : Number(process.env.ACCT_FUZZ_SEED);
const RUNS = 2000;

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AcctError);
    expect((error as AcctError).exitCode).toBe(2);
    return (error as AcctError).message;
  }
  throw new Error("expected a usage error");
}

// [input, when it happened, when it is due]; "past" where a due date refuses it.
type Row = [input: string, happened: string, due: string];

const TODAYS: { name: string; today: string; rows: Row[] }[] = [
  {
    name: "Monday 2026-03-09 (ISO week 2026-W11)",
    today: "2026-03-09",
    rows: [
      ["today", "2026-03-09", "2026-03-09"],
      ["yesterday", "2026-03-08", "past"],
      ["tomorrow", "2026-03-10", "2026-03-10"],
      ["mon", "2026-03-09", "2026-03-16"],
      ["fri", "2026-03-06", "2026-03-13"],
      ["sunday", "2026-03-08", "2026-03-15"],
      ["last fri", "2026-03-06", "past"],
      ["last mon", "2026-03-02", "past"],
      ["last sun", "2026-03-08", "past"],
      ["next mon", "2026-03-16", "2026-03-16"],
      ["next fri", "2026-03-20", "2026-03-20"],
      ["next sun", "2026-03-22", "2026-03-22"],
      ["+3d", "2026-03-12", "2026-03-12"],
      ["-2d", "2026-03-07", "past"],
      ["+2w", "2026-03-23", "2026-03-23"],
      ["-1w", "2026-03-02", "past"],
      ["+0d", "2026-03-09", "2026-03-09"],
      ["eow", "2026-03-13", "2026-03-13"],
      ["eom", "2026-03-31", "2026-03-31"],
      ["eoq", "2026-03-31", "2026-03-31"],
    ],
  },
  {
    name: "Friday 2026-03-13, the weekly review",
    today: "2026-03-13",
    rows: [
      ["fri", "2026-03-13", "2026-03-20"],
      ["thu", "2026-03-12", "2026-03-19"],
      ["sat", "2026-03-07", "2026-03-14"],
      ["last fri", "2026-03-06", "past"],
      ["next fri", "2026-03-20", "2026-03-20"],
      ["next mon", "2026-03-16", "2026-03-16"],
      ["+1w", "2026-03-20", "2026-03-20"],
      ["eow", "2026-03-13", "2026-03-13"],
      ["eom", "2026-03-31", "2026-03-31"],
      ["eoq", "2026-03-31", "2026-03-31"],
    ],
  },
  {
    name: "Saturday 2026-03-14, after the week's last working day",
    today: "2026-03-14",
    rows: [
      ["fri", "2026-03-13", "2026-03-20"],
      ["sat", "2026-03-14", "2026-03-21"],
      ["sun", "2026-03-08", "2026-03-15"],
      ["last fri", "2026-03-06", "past"],
      ["next fri", "2026-03-20", "2026-03-20"],
      ["next sun", "2026-03-22", "2026-03-22"],
      ["eow", "2026-03-20", "2026-03-20"],
      ["eom", "2026-03-31", "2026-03-31"],
    ],
  },
  {
    name: "Sunday 2026-03-15",
    today: "2026-03-15",
    rows: [
      ["mon", "2026-03-09", "2026-03-16"],
      ["sun", "2026-03-15", "2026-03-22"],
      ["last mon", "2026-03-02", "past"],
      ["last sun", "2026-03-08", "past"],
      ["next mon", "2026-03-16", "2026-03-16"],
      ["next sun", "2026-03-22", "2026-03-22"],
      ["eow", "2026-03-20", "2026-03-20"],
    ],
  },
  {
    name: "Thursday 2026-12-31, in ISO week 2026-W53",
    today: "2026-12-31",
    rows: [
      ["tomorrow", "2027-01-01", "2027-01-01"],
      ["fri", "2026-12-25", "2027-01-01"],
      ["thu", "2026-12-31", "2027-01-07"],
      ["last fri", "2026-12-25", "past"],
      ["next fri", "2027-01-08", "2027-01-08"],
      ["next mon", "2027-01-04", "2027-01-04"],
      ["+1d", "2027-01-01", "2027-01-01"],
      ["+2w", "2027-01-14", "2027-01-14"],
      // The parser has no calendar: New Year's Day is a Friday like any other.
      ["eow", "2027-01-01", "2027-01-01"],
      ["eom", "2026-12-31", "2026-12-31"],
      ["eoq", "2026-12-31", "2026-12-31"],
    ],
  },
  {
    name: "Tuesday 2026-06-30, a quarter's last day",
    today: "2026-06-30",
    rows: [
      ["eow", "2026-07-03", "2026-07-03"],
      ["eom", "2026-06-30", "2026-06-30"],
      ["eoq", "2026-06-30", "2026-06-30"],
      ["last fri", "2026-06-26", "past"],
      ["next fri", "2026-07-10", "2026-07-10"],
      ["+1d", "2026-07-01", "2026-07-01"],
    ],
  },
  {
    name: "Friday 2024-03-29, the last working day of a quarter that ends on a Sunday",
    today: "2024-03-29",
    rows: [
      ["eom", "2024-03-29", "2024-03-29"],
      ["eoq", "2024-03-29", "2024-03-29"],
      ["fri", "2024-03-29", "2024-04-05"],
    ],
  },
  {
    name: "Saturday 2024-03-30, after it",
    today: "2024-03-30",
    rows: [
      ["eow", "2024-04-05", "2024-04-05"],
      ["eom", "2024-04-30", "2024-04-30"],
      ["eoq", "2024-06-28", "2024-06-28"],
    ],
  },
  {
    name: "Saturday 2026-01-31, after the month's last working day, before a short month",
    today: "2026-01-31",
    rows: [
      ["eom", "2026-02-27", "2026-02-27"],
      ["eoq", "2026-03-31", "2026-03-31"],
      ["2024-02-29", "2024-02-29", "past"],
      ["2026-02-28", "2026-02-28", "2026-02-28"],
    ],
  },
];

describe.each(TODAYS)("$name", ({ today, rows }) => {
  it.each(rows)("%s: happened %s, due %s", (input, happened, due) => {
    expect(parseDate(input, today)).toBe(happened);
    if (due === "past") expect(refusal(() => parseDueDate(input, today))).toMatch(/^due date .* is in the past \(today is \d{4}-\d{2}-\d{2}\)$/);
    else expect(parseDueDate(input, today)).toBe(due);
  });
});

describe("how the words may be written", () => {
  const today = "2026-03-13";
  it.each([
    ["  Next   FRIDAY ", "2026-03-20"],
    ["+ 3 d", "2026-03-16"],
    ["+3 D", "2026-03-16"],
    [" EOW ", "2026-03-13"],
    ["Tomorrow", "2026-03-14"],
    ["Eom", "2026-03-31"],
  ])("%j → %s", (input, date) => expect(parseDueDate(input, today)).toBe(date));
  it("the same for a date that happened", () => expect(parseDate("LAST  Fri", today)).toBe("2026-03-06"));
});

describe("working days", () => {
  it("eow, eom and eoq end on the plan's workdays when the caller knows them", () => {
    const sixDays: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat"];
    expect(parseDate("eow", "2026-03-14", "date", { workdays: sixDays })).toBe("2026-03-14");
    expect(parseDueDate("eow", "2026-03-12", { workdays: ["mon", "wed"] })).toBe("2026-03-18");
    expect(parseDueDate("eow", "2026-03-11", { workdays: ["mon", "wed"] })).toBe("2026-03-11");
    expect(parseDueDate("eom", "2026-03-12", { workdays: ["mon"] })).toBe("2026-03-30");
    expect(parseDueDate("eoq", "2026-03-31", { workdays: ["mon"] })).toBe("2026-06-29");
    // Every day a working day: the period's last day.
    expect(parseDueDate("eow", "2026-03-15", { workdays: [...WEEKDAYS] })).toBe("2026-03-15");
  });
});

describe("errors: exit 2 and what is wrong", () => {
  const today = "2026-03-12";
  it.each([
    ["next xyz", /^due date 'next xyz': 'xyz' is not a weekday$/],
    ["last", /^due date 'last' is not a date$/],
    ["+0x", /^due date '\+0x' is not a date$/],
    ["+3", /^due date '\+3' is not a date$/],
    ["3d", /^due date '3d' is not a date$/],
    ["+3 days", /^due date '\+3 days' is not a date$/],
    ["+9999999d", /^due date '\+9999999d' is outside the years acct handles \(1970–9998\)$/],
    ["+99999999999999999999999w", /is outside the years acct handles/],
    ["2026-02-30", /^due date '2026-02-30' does not exist$/],
    ["9999-01-01", /^due date '9999-01-01' is outside the years acct handles/],
    ["someday", /^due date 'someday' is not a date$/],
    ["", /^due date '' is not a date$/],
    ["yesterday", /^due date 'yesterday' \(2026-03-11\) is in the past \(today is 2026-03-12\)$/],
    ["2026-03-11", /^due date 2026-03-11 is in the past/],
  ])("%j", (input, message) => expect(refusal(() => parseDueDate(input, today))).toMatch(message));

  it("names the date and hints at every form", () => {
    try {
      parseDate("someday", today, "--from");
    } catch (error) {
      expect((error as AcctError).message).toBe("--from 'someday' is not a date");
      expect((error as AcctError).hint).toBe("use YYYY-MM-DD, today, yesterday, tomorrow, a weekday (fri, last fri, next fri), +3d, -2d, +2w, eow, eom or eoq");
    }
    expect(refusal(() => parseDate("+0x", today))).toBe("date '+0x' is not a date");
  });

  it("keeps every result within the years acct handles", () => {
    expect(parseDate("+99999d", "2026-03-12")).toBe(new Date(Date.UTC(2026, 2, 12 + 99999)).toISOString().slice(0, 10));
    expect(refusal(() => parseDate("-99999d", "2026-03-12"))).toMatch(/outside the years acct handles/);
    expect(refusal(() => parseDate("last fri", "1970-01-01"))).toBe("date 'last fri' is outside the years acct handles (1970–9998)");
    expect(refusal(() => parseDate("yesterday", "1970-01-01"))).toMatch(/outside the years/);
    expect(refusal(() => parseDueDate("next fri", "9998-12-31"))).toMatch(/outside the years/);
    expect(refusal(() => parseDueDate("eow", "9998-12-31"))).toMatch(/outside the years/);
    expect(parseDueDate("eoq", "9998-12-30")).toBe("9998-12-31");
    expect(parseDate("1970-01-01", "1970-01-01")).toBe("1970-01-01");
  });

  it("ranges take the words on both sides", () => {
    expect(parseDateRange("next mon..next fri", "2026-03-12")).toEqual({ from: "2026-03-16", to: "2026-03-20" });
    expect(parseDateRange("+1w", "2026-03-12")).toEqual({ from: "2026-03-19", to: "2026-03-19" });
    expect(refusal(() => parseDateRange("next fri..next mon", "2026-03-12"))).toMatch(/ends before it starts/);
  });
});

describe("months and quarters", () => {
  it.each([
    ["2026-03", { id: "2026-03", from: "2026-03-01", to: "2026-03-31" }],
    ["2026-02", { id: "2026-02", from: "2026-02-01", to: "2026-02-28" }],
    ["2024-02", { id: "2024-02", from: "2024-02-01", to: "2024-02-29" }],
    [" 2026-12 ", { id: "2026-12", from: "2026-12-01", to: "2026-12-31" }],
  ])("month %j", (input, month) => expect(parseMonth(input)).toEqual(month));
  it.each([
    ["2026-Q1", { id: "2026-Q1", from: "2026-01-01", to: "2026-03-31" }],
    ["2026-q2", { id: "2026-Q2", from: "2026-04-01", to: "2026-06-30" }],
    ["2026-Q3", { id: "2026-Q3", from: "2026-07-01", to: "2026-09-30" }],
    ["2026Q4", { id: "2026-Q4", from: "2026-10-01", to: "2026-12-31" }],
  ])("quarter %j", (input, quarter) => expect(parseQuarter(input)).toEqual(quarter));
  it.each([
    ["2026-13", /^month '2026-13' is not a month$/],
    ["2026-00", /is not a month/],
    ["2026-3", /is not a month/],
    ["9999-01", /^month '9999-01' is outside the years acct handles/],
  ])("refuses month %j", (input, message) => expect(refusal(() => parseMonth(input))).toMatch(message));
  it.each([
    ["2026-Q5", /^quarter '2026-Q5' is not a quarter$/],
    ["2026-Q0", /is not a quarter/],
    ["2026-03", /is not a quarter/],
    ["1969-Q4", /^quarter '1969-Q4' is outside the years acct handles/],
  ])("refuses quarter %j", (input, message) => expect(refusal(() => parseQuarter(input))).toMatch(message));
});

// Any day whose neighbourhood (three weeks, the next quarter) stays within the years acct handles.
const anyToday = fc.integer({ min: toDayNumber("1970-01-12"), max: toDayNumber("9998-09-30") }).map(fromDayNumber);
const anyWeekday = fc.constantFrom(...WEEKDAYS);
const anyWorkdays = fc.subarray([...WEEKDAYS], { minLength: 1 });
const index = (d: Weekday) => WEEKDAYS.indexOf(d);

describe(`properties (seed ${SEED}, replay with ACCT_FUZZ_SEED=${SEED})`, () => {
  const options = { numRuns: RUNS, seed: SEED };
  beforeAll(() => console.log(`date-words properties: seed ${SEED}`));

  it("next D is D in the next ISO week: 7 + D days after this week's Monday, 1 to 13 days from today", () => {
    fc.assert(
      fc.property(anyToday, anyWeekday, (today, day) => {
        const next = parseDate(`next ${day}`, today);
        expect(daysBetween(mondayOf(today), next)).toBe(7 + index(day));
        expect(weekdayOf(next)).toBe(day);
        expect(isoWeekOf(next)).toBe(isoWeekOf(addDays(today, 7)));
        const ahead = daysBetween(today, next);
        expect(ahead >= 1 && ahead <= 13).toBe(true);
        expect(parseDueDate(`next ${day}`, today)).toBe(next);
      }),
      options,
    );
  });

  it("last D is D in the previous ISO week: 7 − D days before this week's Monday", () => {
    fc.assert(
      fc.property(anyToday, anyWeekday, (today, day) => {
        const last = parseDate(`last ${day}`, today);
        expect(daysBetween(mondayOf(today), last)).toBe(index(day) - 7);
        expect(isoWeekOf(last)).toBe(isoWeekOf(addDays(today, -7)));
      }),
      options,
    );
  });

  it("a due weekday is strictly after today and within 7 days; one that happened is today or within the 6 days before", () => {
    fc.assert(
      fc.property(anyToday, anyWeekday, (today, day) => {
        const due = parseDueDate(day, today);
        expect(weekdayOf(due)).toBe(day);
        expect(daysBetween(today, due)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(today, due)).toBeLessThanOrEqual(7);
        const happened = parseDate(day, today);
        expect(weekdayOf(happened)).toBe(day);
        expect(daysBetween(happened, today)).toBeGreaterThanOrEqual(0);
        expect(daysBetween(happened, today)).toBeLessThanOrEqual(6);
      }),
      options,
    );
  });

  it("+Nd and +Nw count from today", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber("1973-01-01"), max: toDayNumber("9995-12-31") }).map(fromDayNumber),
        fc.integer({ min: -1000, max: 1000 }),
        (today, n) => {
          const sign = n < 0 ? "-" : "+";
          expect(daysBetween(today, parseDate(`${sign}${Math.abs(n)}d`, today))).toBe(n);
          const weeks = Math.trunc(n / 100) || 0;
          expect(daysBetween(today, parseDate(`${weeks < 0 ? "-" : "+"}${Math.abs(weeks)}w`, today))).toBe(weeks * 7);
        },
      ),
      options,
    );
  });

  it("eow is the last working day of this ISO week, or of the next once it has passed", () => {
    fc.assert(
      fc.property(anyToday, anyWorkdays, (today, workdays) => {
        const eow = parseDueDate("eow", today, { workdays });
        const lastOf = (monday: string) => [6, 5, 4, 3, 2, 1, 0].map((i) => addDays(monday, i)).find((d) => workdays.includes(weekdayOf(d)));
        const thisWeek = lastOf(mondayOf(today)) as string;
        expect(eow).toBe(thisWeek >= today ? thisWeek : lastOf(addDays(mondayOf(today), 7)));
      }),
      options,
    );
  });

  it("eom and eoq are the last working day of the month or quarter, not before today, at most in the next one", () => {
    fc.assert(
      fc.property(anyToday, anyWorkdays, (today, workdays) => {
        for (const [word, months] of [
          ["eom", 1],
          ["eoq", 3],
        ] as const) {
          const end = parseDueDate(word, today, { workdays });
          expect(end >= today).toBe(true);
          expect(workdays).toContain(weekdayOf(end));
          // No working day after it in its period: the period's last day is within 6 days and every day between is off.
          const period = (d: string) => Math.floor((Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1) / months);
          const after = [1, 2, 3, 4, 5, 6].map((i) => addDays(end, i)).filter((d) => period(d) === period(end));
          expect(after.some((d) => workdays.includes(weekdayOf(d)))).toBe(false);
          expect(period(end) - period(today)).toBeGreaterThanOrEqual(0);
          expect(period(end) - period(today)).toBeLessThanOrEqual(1);
        }
      }),
      options,
    );
  });
});

// date-fns works on local dates unless told otherwise; a calendar date must not depend on the zone.
describe.each(["Pacific/Kiritimati", "Pacific/Apia", "America/Los_Angeles"])("in the time zone %s", (zone) => {
  const before = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });

  it("every word means the same date as in UTC, across days the zone skipped", () => {
    // The zone is in force: Kiritimati skipped 1994-12-31 and Apia 2011-12-30, so local midnight of those days is another day.
    const skipped = { "Pacific/Kiritimati": [1994, 31], "Pacific/Apia": [2011, 30] }[zone];
    if (skipped) expect(new Date(skipped[0] as number, 11, skipped[1]).getDate()).not.toBe(skipped[1]);
    const cases: [today: string, word: string, read: typeof parseDate | typeof parseDueDate, date: string][] = [
      ["1994-12-30", "tomorrow", parseDate, "1994-12-31"],
      ["1994-12-30", "sat", parseDueDate, "1994-12-31"],
      ["1994-12-29", "next sat", parseDate, "1995-01-07"],
      ["1994-12-29", "eom", parseDate, "1994-12-30"],
      ["1995-01-01", "last sat", parseDate, "1994-12-24"],
      ["1995-01-01", "sat", parseDate, "1994-12-31"],
      ["2011-12-29", "fri", parseDueDate, "2011-12-30"],
      ["2011-12-31", "fri", parseDate, "2011-12-30"],
      ["2011-12-26", "eow", parseDate, "2011-12-30"],
      ["2011-12-26", "next fri", parseDate, "2012-01-06"],
      ["2011-12-31", "eoq", parseDueDate, "2012-03-30"],
      ["2026-03-08", "next fri", parseDueDate, "2026-03-13"],
      ["2026-03-07", "sun", parseDueDate, "2026-03-08"],
      ["2026-11-01", "eow", parseDueDate, "2026-11-06"],
    ];
    for (const [today, word, read, date] of cases) expect(`${today} ${word} → ${read(word, today)}`).toBe(`${today} ${word} → ${date}`);
  });

  it("agrees with day-number arithmetic on any day", () => {
    fc.assert(
      fc.property(anyToday, anyWeekday, (today, day) => {
        expect(parseDate(`next ${day}`, today)).toBe(addDays(mondayOf(today), 7 + index(day)));
        expect(parseDueDate(day, today)).toBe(addDays(today, ((index(day) - index(weekdayOf(today)) + 6) % 7) + 1));
        expect(parseDate(day, today)).toBe(addDays(today, -((index(weekdayOf(today)) - index(day) + 7) % 7)));
      }),
      { numRuns: 500, seed: SEED },
    );
  });
});

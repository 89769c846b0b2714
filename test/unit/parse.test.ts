import { describe, expect, it } from "vitest";
import { AcctError } from "../../src/domain/errors.js";
import {
  parseCount,
  parseDate,
  parseDateRange,
  parseMoney,
  parseRate,
  parseSeasonality,
  parseText,
  parseTime,
  parseWeek,
  parseWeekdays,
  parseYear,
} from "../../src/domain/parse.js";
import { isoWeekOf } from "../../src/domain/dates.js";

const rejects = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AcctError);
    expect((error as AcctError).exitCode).toBe(2);
    return;
  }
  throw new Error("expected a usage error");
};

describe("parseMoney", () => {
  it.each([
    ["42000", 4_200_000],
    ["42,000", 4_200_000],
    ["42k", 4_200_000],
    ["42K", 4_200_000],
    ["1.5m", 150_000_000],
    ["$42,000.50", 4_200_050],
    ["0.5", 50],
    ["1,000,000,000,000", 100_000_000_000_000],
  ])("%s → %i cents", (input, cents) => expect(parseMoney(input)).toBe(cents));
  it.each(["0", "-5", "12xyz", "9e99", "", "1,00", "$", "1.001", "1000000000001", "abc"])("rejects %j", (input) => rejects(() => parseMoney(input)));
});

describe("parseRate", () => {
  it.each([
    ["0.25", 0.25],
    ["25%", 0.25],
    ["100%", 1],
    ["1", 1],
    [".5", 0.5],
  ])("%s → %d", (input, rate) => expect(parseRate(input)).toBe(rate));
  it.each(["0", "0%", "1.01", "101%", "-0.2", "abc", ""])("rejects %j", (input) => rejects(() => parseRate(input)));
});

describe("parseCount", () => {
  it("accepts 1 to 100000", () => {
    expect(parseCount("1")).toBe(1);
    expect(parseCount("100000")).toBe(100000);
  });
  it.each(["0", "-3", "2.5", "abc", "100001", ""])("rejects %j", (input) => rejects(() => parseCount(input)));
});

describe("parseDate (today is Thursday 2026-03-12)", () => {
  const today = "2026-03-12";
  it.each([
    ["today", "2026-03-12"],
    ["yesterday", "2026-03-11"],
    ["thu", "2026-03-12"],
    ["mon", "2026-03-09"],
    ["Monday", "2026-03-09"],
    ["fri", "2026-03-06"],
    ["sun", "2026-03-08"],
    ["2026-02-28", "2026-02-28"],
    ["2024-02-29", "2024-02-29"],
  ])("%s → %s", (input, date) => expect(parseDate(input, today)).toBe(date));
  it.each(["2026-02-30", "2025-02-29", "2026-13-01", "someday", "12/03/2026", ""])("rejects %j", (input) => rejects(() => parseDate(input, today)));
  it("reads ranges and refuses reversed ones", () => {
    expect(parseDateRange("2026-08-03..2026-08-14", today)).toEqual({ from: "2026-08-03", to: "2026-08-14" });
    expect(parseDateRange("2026-08-03", today)).toEqual({ from: "2026-08-03", to: "2026-08-03" });
    rejects(() => parseDateRange("2026-08-14..2026-08-03", today));
  });
});

describe("ISO weeks", () => {
  it("parses a week into Monday..Sunday", () => {
    expect(parseWeek("2026-W11")).toEqual({ week: "2026-W11", from: "2026-03-09", to: "2026-03-15" });
    expect(parseWeek("2026-W01")).toEqual({ week: "2026-W01", from: "2025-12-29", to: "2026-01-04" });
    expect(parseWeek("2026-W53")).toEqual({ week: "2026-W53", from: "2026-12-28", to: "2027-01-03" });
  });
  it("rejects weeks a year does not have", () => {
    rejects(() => parseWeek("2025-W53"));
    rejects(() => parseWeek("2026-W00"));
    rejects(() => parseWeek("2026-11"));
  });
  it("names the week of a date", () => {
    expect(isoWeekOf("2026-03-12")).toBe("2026-W11");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01");
  });
});

describe("other inputs", () => {
  it("reads years", () => {
    expect(parseYear("2026")).toBe(2026);
    rejects(() => parseYear("20x6"));
    rejects(() => parseYear("26"));
  });
  it("reads workdays in week order", () => {
    expect(parseWeekdays("fri,Mon,tuesday")).toEqual(["mon", "tue", "fri"]);
    rejects(() => parseWeekdays("mon,funday"));
  });
  it("needs exactly 12 seasonality weights", () => {
    expect(parseSeasonality("1,1,1.2,1,1,1,0.8,0.6,1,1.1,1.2,1")).toHaveLength(12);
    rejects(() => parseSeasonality("1,1,1,1,1,1,1,1,1,1,1"));
    rejects(() => parseSeasonality("1,1,1,1,1,1,1,1,1,1,1,-1"));
    rejects(() => parseSeasonality("0,0,0,0,0,0,0,0,0,0,0,0"));
  });
  it("reads times of day", () => {
    expect(parseTime("08:00")).toBe(480);
    expect(parseTime("9:30")).toBe(570);
    rejects(() => parseTime("25:00"));
    rejects(() => parseTime("08:60"));
  });
  it("keeps text verbatim up to 500 characters", () => {
    expect(parseText(" café 👋 ")).toBe(" café 👋 ");
    expect(parseText("👋".repeat(500))).toHaveLength(1000);
    rejects(() => parseText("x".repeat(501)));
    rejects(() => parseText("   "));
  });
});

describe("groupDigits", () => {
  it("writes numbers as toLocaleString('en-US') does, without loading ICU", async () => {
    const { groupDigits } = await import("../../src/domain/digits.js");
    const cases: [number, number][] = [
      [0, 0],
      [7, 0],
      [999, 0],
      [1000, 0],
      [1234567, 0],
      [2400, 1],
      [46.15, 1],
      [0.5, 1],
      [-186.44, 1],
      [1_200_000, 2],
      [1234.5, 2],
      [100000, 0],
      [42000.5, 2],
      [46.25, 1],
      [1.005, 2],
      [0.125, 2],
      [2.5, 0],
    ];
    for (const [n, d] of cases) expect(groupDigits(n, d)).toBe(n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: 0 }));
    expect(groupDigits(1234.5, 2, true)).toBe("1,234.50");
    expect(groupDigits(42000, 0, true)).toBe("42,000");
    // Unlike Intl, no "-0" for a negative number that rounds to zero.
    expect(groupDigits(-0.04, 1)).toBe("0");
  });
});

describe("day numbers", () => {
  it("agree with the calendar over four centuries, leap days included", async () => {
    const { toDayNumber, fromDayNumber } = await import("../../src/domain/dates.js");
    for (let day = toDayNumber("1900-01-01"), end = toDayNumber("2300-12-31"); day <= end; day += 1) {
      const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(day) !== expected || toDayNumber(expected) !== day) throw new Error(`day ${day}: ${fromDayNumber(day)} vs ${expected}`);
    }
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(toDayNumber("2024-02-29"))).toBe("2024-02-29");
  });
});

describe("the rules a restore shares with the command line", () => {
  it("parseEmail takes a plain address and nothing that changes a mailto: link", async () => {
    const { parseEmail } = await import("../../src/domain/parse.js");
    expect(parseEmail(" sam.lee+acct@example.co.uk ")).toBe("sam.lee+acct@example.co.uk");
    expect(parseEmail("o'brien@example.com")).toBe("o'brien@example.com");
    for (const bad of [
      "sam@example.com?body=hi",
      "sam&cc=x@example.com",
      "sam%3F@example.com",
      "sam@example.com#x",
      "sam@example.com\r\nBcc: x@y.z",
      "sam @example.com",
      "sam",
      "sam@localhost",
      "<sam@example.com>",
      "a@b@example.com",
    ]) {
      rejects(() => parseEmail(bad));
    }
  });

  it("parseName is one line of text, trimmed", async () => {
    const { parseName } = await import("../../src/domain/parse.js");
    expect(parseName("  Zoë O'Brien 🚀 ")).toBe("Zoë O'Brien 🚀");
    for (const bad of ["Sam\nLee", "Sam\rLee", "Sam\u0000", "Sam\u001b[31m", "Sam\u2028Lee", " ", "x".repeat(501)]) rejects(() => parseName(bad));
  });

  it("parseText refuses a NUL character, and keeps line breaks", () => {
    rejects(() => parseText("a\u0000b"));
    expect(parseText("line\r\nbreak")).toBe("line\r\nbreak");
  });

  it("month weights are finite and at most a billion, as typed or as stored", async () => {
    const { checkSeasonality } = await import("../../src/domain/parse.js");
    rejects(() => parseSeasonality(`${"9".repeat(400)},1,1,1,1,1,1,1,1,1,1,1`));
    expect(parseSeasonality("1000000000,0,0,0,0,0,0,0,0,0,0,0")[0]).toBe(1e9);
    expect(checkSeasonality([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5])).toHaveLength(12);
    for (const bad of [
      [1, 1],
      [...Array(11).fill(1), -1],
      [...Array(11).fill(1), null],
      [...Array(11).fill(1), "1"],
      [...Array(11).fill(1), Infinity],
      Array(12).fill(0),
    ]) {
      rejects(() => checkSeasonality(bad));
    }
  });

  it("rates, hours and money as stored", async () => {
    const { isHoursPerDay, isMoneyCents, isRate } = await import("../../src/domain/parse.js");
    expect([1, 0.5, 0.001].every(isRate)).toBe(true);
    expect([0, -0.1, 0.000999, 1e-300, 1.01, Infinity, "0.5", null].some(isRate)).toBe(false);
    expect([0.25, 8, 24].every(isHoursPerDay)).toBe(true);
    expect([0, 24.01, "8"].some(isHoursPerDay)).toBe(false);
    expect([1, 1e14].every(isMoneyCents)).toBe(true);
    expect([0, 1e14 + 1, 1.5, "100"].some(isMoneyCents)).toBe(false);
  });
});

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

import { describe, expect, it } from "vitest";
import { centsToText, entriesFromCsv, entryToCsvFields } from "../../src/domain/entry-import.js";
import { AcctError } from "../../src/domain/errors.js";

const HEADER = "date,type,count,amount,minutes,contact,note\n";
const TODAY = "2026-03-12";
const read = (text: string, custom: string[] = []) => entriesFromCsv(text, custom, { today: TODAY });

const problem = (text: string, custom: string[] = []): string => {
  try {
    read(text, custom);
  } catch (error) {
    if (error instanceof AcctError && error.exitCode === 2) return error.message;
    throw error;
  }
  throw new Error("accepted");
};

describe("entriesFromCsv", () => {
  it("reads entries, resolving types and leaving empty fields absent", () => {
    const entries = read(`${HEADER}2026-03-12,Calls,3,,15,Acme,\n2026-03-09,deal,1,"42,000.50",,,"won, finally"\n2026-03-10,linkedin,,,,,\n`, ["linkedin"]);
    expect(entries).toEqual([
      { date: "2026-03-12", type: "call", count: 3, amountCents: null, minutes: 15, contact: "Acme", note: null },
      { date: "2026-03-09", type: "deal", count: 1, amountCents: 4200050, minutes: null, contact: null, note: "won, finally" },
      { date: "2026-03-10", type: "linkedin", count: 1, amountCents: null, minutes: null, contact: null, note: null },
    ]);
  });

  it("takes the columns in any order, date and type required", () => {
    expect(read("type,date\ncall,2026-01-02\n")).toEqual([
      { date: "2026-01-02", type: "call", count: 1, amountCents: null, minutes: null, contact: null, note: null },
    ]);
    expect(problem("type,count\ncall,1\n")).toBe("line 1: the header has no 'date' column");
    expect(problem("date,type,colour\n")).toBe("line 1: unknown column 'colour'");
  });

  it("names the physical line of the first bad record, after multi-line fields", () => {
    const text = `${HEADER}2026-03-12,call,1,,,,"one\ntwo\nthree"\n2026-03-12,call,0,,,,\n`;
    expect(problem(text)).toBe("line 5: count '0' is not a whole number from 1 to 100000");
  });

  it.each([
    ["2026-02-30,call,1,,,,", "line 2: date '2026-02-30' is not a real YYYY-MM-DD date"],
    ["12/03/2026,call,1,,,,", "line 2: date '12/03/2026' is not a real YYYY-MM-DD date"],
    ["2026-03-12,cal,1,,,,", "line 2: unknown activity type 'cal'"],
    ["2026-03-12,call,2.5,,,,", "line 2: count '2.5' is not a whole number from 1 to 100000"],
    ["2026-03-12,call,100001,,,,", "line 2: count '100001' is not a whole number from 1 to 100000"],
    ["2026-03-12,deal,1,12xyz,,,", "line 2: amount '12xyz' is not a money amount"],
    ["2026-03-12,deal,1,-5,,,", "line 2: amount '-5' is not a money amount"],
    ["2026-03-12,call,1,500,,,", "line 2: an amount is only for deals, not for type 'call'"],
    ["2026-03-12,call,1,,-10,,", "line 2: minutes '-10' is not a whole number from 0 to 100000"],
    [`2026-03-12,call,1,,,,${"x".repeat(501)}`, "line 2: note is longer than 500 characters"],
    ["2026-03-12,call,1", "line 2: expected 7 fields, found 3"],
    ["2026-03-13,call,1,,,,", "line 2: date 2026-03-13 is in the future"],
    ["2099-12-31,call,1,,,,", "line 2: date 2099-12-31 is in the future"],
  ])("refuses %j", (row, message) => {
    expect(problem(`${HEADER}${row}\n`)).toBe(message);
  });

  it("refuses a future date as acct log --date does, with its hint, wherever the row is", () => {
    const text = `${HEADER}2026-03-12,call,1,,,,\r2026-03-11,call,1,,,,\r2027-01-01,meeting,1,,,,\r`;
    try {
      read(text);
      throw new Error("accepted");
    } catch (error) {
      expect(error).toBeInstanceOf(AcctError);
      expect((error as AcctError).message).toBe("line 4: date 2027-01-01 is in the future");
      expect((error as AcctError).hint).toBe("log what was done, on the day it was done");
    }
    // Today itself and a repeated date (checked once) are fine.
    expect(read(`${HEADER}2026-03-12,call,1,,,,\n2026-03-12,call,2,,,,\n`)).toHaveLength(2);
    expect(entriesFromCsv(`${HEADER}2026-03-13,call,1,,,,\n`, [], { today: "2026-03-13" })).toHaveLength(1);
  });

  it("reads LF, CRLF and CR-only files alike, line numbers included", () => {
    const rows = ["2026-03-10,call,2,,,Acme,", '2026-03-11,meeting,1,,30,"Bo, Inc","two\nlines"', "2026-03-12,deal,1,42k,,,"];
    const lf = read(`${HEADER}${rows.join("\n")}\n`);
    expect(lf).toHaveLength(3);
    for (const eol of ["\r\n", "\r"]) {
      const text = `${HEADER.replace("\n", eol)}${rows.map((r) => r.replace("\n", eol)).join(eol)}${eol}`;
      expect(read(text).map((e) => ({ ...e, note: e.note?.replace(eol, "\n") ?? null }))).toEqual(lf);
      expect(problem(`${text}2026-03-12,call,0,,,,${eol}`)).toBe("line 6: count '0' is not a whole number from 1 to 100000");
    }
  });

  it("a header alone gives no entries; an empty file is refused", () => {
    expect(read(HEADER)).toEqual([]);
    expect(read(`${HEADER}\n\r\n\r`)).toEqual([]);
    expect(problem("")).toBe("the file is empty: nothing to import");
    expect(problem("\n\r\n")).toBe("the file is empty: nothing to import");
  });

  it("counts characters, not UTF-16 units, against the 500 limit", () => {
    expect(read(`${HEADER}2026-03-12,call,1,,,,${"😀".repeat(500)}\n`)[0]?.note).toBe("😀".repeat(500));
  });
});

describe("centsToText / entryToCsvFields", () => {
  it("writes plain decimals that parse back", () => {
    expect(centsToText(4200000)).toBe("42000");
    expect(centsToText(4200050)).toBe("42000.50");
    expect(centsToText(5)).toBe("0.05");
    expect(entryToCsvFields({ date: "2026-03-12", type: "deal", count: 1, amountCents: 4200050, minutes: null, contact: "A, B", note: null })).toEqual([
      "2026-03-12",
      "deal",
      "1",
      "42000.50",
      "",
      "A, B",
      "",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { checkDateFormat, entriesFromCrm, parseMap, presetNamed, readCrmDate, readMinutes } from "../../src/domain/crm-import.js";
import { detectDelimiter, readCsv } from "../../src/domain/csv.js";

const base = { today: "2026-03-12", customTypes: [] as string[] };

describe("CRM import", () => {
  it("reads dates in the preset's or the given forms, a local time keeping its date", () => {
    expect(readCrmDate("03/02/2026 11:45 PM", ["MM/dd/yyyy"])).toBe("2026-03-02");
    expect(readCrmDate("3/5/2026", ["M/d/yyyy"])).toBe("2026-03-05");
    expect(readCrmDate("09.03.2026", ["dd.MM.yyyy"])).toBe("2026-03-09");
    expect(readCrmDate("2026-03-09 23:59:59", ["yyyy-MM-dd"])).toBe("2026-03-09");
    expect(readCrmDate("2026-02-30", ["yyyy-MM-dd"])).toBeNull();
    expect(readCrmDate("13/45/2026", ["MM/dd/yyyy"])).toBeNull();
  });

  it("reads durations as minutes", () => {
    expect([readMinutes("45"), readMinutes("45 min"), readMinutes("1:30"), readMinutes("00:45:00"), readMinutes("1h 30m"), readMinutes("soon")]).toEqual([
      45,
      45,
      90,
      45,
      90,
      null,
    ]);
  });

  it("detects the delimiter from the header, outside quotes", () => {
    expect(detectDelimiter("\uFEFFa;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter("a\tb\tc")).toBe("\t");
    expect(detectDelimiter('"x;y";b,c')).toBe(",");
    const rows: string[][] = [];
    readCsv('a;"b;c"\n1;2\n', ({ fields }) => rows.push(fields), ";");
    expect(rows).toEqual([
      ["a", "b;c"],
      ["1", "2"],
    ]);
  });

  it("keys rows by record id, else by their fields and rank among identical rows", () => {
    const read = entriesFromCrm("id,date,type\n7,2026-03-01,call\n,2026-03-01,call\n,2026-03-01,call\n", { ...base, preset: "generic" });
    expect(read.entries.map((e) => e.source)).toEqual([
      "generic:7",
      expect.stringMatching(/^generic:#[0-9a-f]{20}:1$/),
      expect.stringMatching(/^generic:#[0-9a-f]{20}:2$/),
    ]);
    expect(read.entries[1]?.source.slice(0, -2)).toBe(read.entries[2]?.source.slice(0, -2));
  });

  it("refuses a record id twice, an unknown preset, field or format", () => {
    expect(() => entriesFromCrm("id,date,type\n7,2026-03-01,call\n7,2026-03-02,call\n", { ...base, preset: "generic" })).toThrow(
      /line 3: record id '7' appears twice \(first on line 2\)/,
    );
    expect(() => presetNamed("pipdrive")).toThrow(/unknown --from 'pipdrive'/);
    expect(() => parseMap("Foo=contacts")).toThrow(/unknown field 'contacts'/);
    expect(() => checkDateFormat("dd.MM")).toThrow(/does not name a year/);
    expect(() => checkDateFormat("yyyy-MM-dd")).not.toThrow();
  });

  it("asks for a date and a type column, naming what the preset expects", () => {
    expect(() => entriesFromCrm("Subject,Type\nx,Call\n", { ...base, preset: "salesforce" })).toThrow(
      /line 1: no column for date \(salesforce exports name it 'date'/,
    );
  });
});

import { format as formatDate } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import fc from "fast-check";
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

/** The date-fns reading readCrmDate must agree with wherever it answers by hand: every form with every time suffix, in order. */
function dateFnsReading(text: string, formats: readonly string[]): string | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : formatDate(d, "yyyy-MM-dd");
  }
  for (const format of formats) {
    for (const suffix of ["", " HH:mm", " HH:mm:ss", " h:mm a", " h:mm:ss a", " h:mma", "'T'HH:mm", "'T'HH:mm:ss", ", h:mm a", ", HH:mm"]) {
      const d = parse(value, format + suffix, new Date(2000, 0, 1));
      if (isValid(d) && d.getFullYear() >= 1000) return formatDate(d, "yyyy-MM-dd");
    }
  }
  return null;
}

describe("CRM dates read by hand", () => {
  const FORMS = [
    ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"],
    ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"],
    ["yyyy-MM-dd", "MM/dd/yyyy", "dd.MM.yyyy"],
    ["dd.MM.yyyy"],
    ["d/M/yyyy"],
    ["yyyyMMdd"],
    ["dd MMM yyyy"],
  ];
  const number = (max: number) => fc.integer({ min: 0, max }).chain((n) => fc.constantFrom(String(n), String(n).padStart(2, "0")));
  const year = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("2023", "2024", "2026", "1000", "9999") },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom("999", "0999", "26"), fc.integer({ min: 0, max: 2100 }).map(String)) },
  );
  const separator = fc.constantFrom("/", "-", ".", " ");
  const datePart = fc
    .tuple(number(13), number(32), year, separator, fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, separator), fc.constantFrom("mdy", "dmy", "ymd"))
    .map(([m, d, y, s1, other, order]) => {
      const s2 = other ?? s1;
      return order === "mdy" ? `${m}${s1}${d}${s2}${y}` : order === "dmy" ? `${d}${s1}${m}${s2}${y}` : `${y}${s1}${m}${s2}${d}`;
    });
  const timePart = fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(" ", " ", ", ", "T", ",", "  "),
          number(25),
          number(61),
          fc.option(number(61)),
          fc.constantFrom("", "", " AM", "PM", " pm", " a.m.", " XM", "Z"),
        )
        .map(([lead, h, m, s, ampm]) => `${lead}${h}:${m}${s === null ? "" : `:${s}`}${ampm}`),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
  );

  it("agrees with date-fns on every value, in every form (fast-check)", () => {
    fc.assert(
      fc.property(datePart, timePart, fc.constantFrom(...FORMS), (date, time, formats) => {
        expect(readCrmDate(date + time, formats)).toBe(dateFnsReading(date + time, formats));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with date-fns on any text after a good date (fast-check)", () => {
    const anyTime = fc.oneof(timePart, fc.string({ unit: fc.constantFrom(..." ,T:0123456789APMapm."), maxLength: 12 }));
    fc.assert(
      fc.property(
        fc.constantFrom("03/02/2026", "3/2/2026", "2026-03-02", "02.03.2026", "12/31/1999"),
        anyTime,
        fc.constantFrom(...FORMS),
        (date, time, formats) => {
          expect(readCrmDate(date + time, formats)).toBe(dateFnsReading(date + time, formats));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("agrees on the forms each export writes", () => {
    const cases: [string, string[]][] = [
      ["03/02/2026 09:30 AM", ["MM/dd/yyyy"]],
      ["3/5/2026, 10:15 PM", ["M/d/yyyy"]],
      ["2026-03-09 14:05", ["yyyy-MM-dd"]],
      ["2026-03-09T14:05:09", ["yyyy-MM-dd"]],
      ["2024-02-29", ["yyyy-MM-dd"]],
      ["2023-02-29", ["yyyy-MM-dd"]],
      ["0999-01-01", ["yyyy-MM-dd"]],
      ["12/31/2025 12:00 AM", ["MM/dd/yyyy"]],
      ["12/31/2025 13:00 PM", ["MM/dd/yyyy"]],
      ["12/31/2025 9:30am", ["MM/dd/yyyy"]],
      ["9.3.2026", ["dd.MM.yyyy"]],
    ];
    for (const [text, formats] of cases) expect(readCrmDate(text, formats), text).toBe(dateFnsReading(text, formats));
    expect(readCrmDate("3/5/2026, 10:15 PM", ["M/d/yyyy"])).toBe("2026-03-05");
    expect(readCrmDate("12/31/2025 9:30am", ["MM/dd/yyyy"])).toBe("2025-12-31");
  });
});

describe("CRM durations and columns", () => {
  it("reads a bare number in the column's unit, anything else as written", () => {
    expect([readMinutes("1800000", "ms"), readMinutes("720", "s"), readMinutes("45", "min"), readMinutes("00:30", "ms"), readMinutes("45 min", "s")]).toEqual([
      30, 12, 45, 30, 45,
    ]);
    expect([readMinutes("29000", "ms"), readMinutes("31000", "ms"), readMinutes("01:30:00", "s")]).toEqual([0, 1, 90]);
  });

  it("reads a field from the first of the preset's columns not empty in the row", () => {
    // A Salesforce report: an event has a Duration in minutes, a logged call a Call Duration in seconds.
    const text = [
      '"Activity ID","Subject","Type","Activity Subtype","Date","Duration","Call Duration"',
      '"00U1","Demo","Meeting","Event","3/5/2026","45",""',
      '"00T1","Call","","Call","3/5/2026","","600"',
      '"00T2","Chase","","Task","3/5/2026","",""',
    ].join("\n");
    const read = entriesFromCrm(text, { ...base, preset: "salesforce" });
    expect(read.entries.map((e) => [e.type, e.minutes, e.note])).toEqual([
      ["meeting", 45, "Demo"],
      ["call", 10, "Call"],
    ]);
    expect(read.skipped).toEqual(new Map([["Task", 1]]));
    expect(read.used).toMatchObject({ type: "Type or Activity Subtype", minutes: "Duration or Call Duration" });
  });

  it("stops at a Salesforce report's footer, but not before a row that follows it", () => {
    const rows = ['"Activity ID","Subject","Type","Date"', '"00T1","Call","Call","3/5/2026"'];
    const footer = [
      '""',
      '"Grand Totals (1 records)"',
      '""',
      '"Confidential Information - Do Not Distribute"',
      '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
    ];
    expect(entriesFromCrm([...rows, ...footer].join("\r\n"), { ...base, preset: "salesforce" }).entries).toHaveLength(1);
    expect(() => entriesFromCrm([...rows, ...footer, '"00T2","Call","Call","3/6/2026"'].join("\n"), { ...base, preset: "salesforce" })).toThrow(
      /^line 4: expected 4 fields, found 1/,
    );
    expect(() => entriesFromCrm([...rows, '"00T2"'].join("\n"), { ...base, preset: "salesforce" })).toThrow(/^line 3: expected 4 fields, found 1/);
  });
});

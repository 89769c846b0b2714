import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countLineBreaks, csvField, csvLine, readCsv, type CsvRecord } from "../../src/domain/csv.js";
import { AcctError } from "../../src/domain/errors.js";

const read = (text: string): CsvRecord[] => {
  const records: CsvRecord[] = [];
  readCsv(text, (r) => records.push(r));
  return records;
};

const errorOf = (text: string): string => {
  try {
    read(text);
  } catch (error) {
    if (error instanceof AcctError) return error.message;
    throw error;
  }
  throw new Error("no error");
};

describe("readCsv", () => {
  it("splits fields and records, with LF or CRLF line ends", () => {
    expect(read("a,b,c\n1,2,3\r\n4,,6")).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "2", "3"] },
      { line: 3, fields: ["4", "", "6"] },
    ]);
  });

  it("keeps quoted commas, doubled quotes and line breaks, and counts the physical lines they span", () => {
    const records = read('h1,h2\n"a, b","say ""hi"""\n"two\nlines\r\nthree",x\nlast,"y"\r\n');
    expect(records).toEqual([
      { line: 1, fields: ["h1", "h2"] },
      { line: 2, fields: ["a, b", 'say "hi"'] },
      { line: 3, fields: ["two\nlines\r\nthree", "x"] },
      { line: 6, fields: ["last", "y"] },
    ]);
  });

  it("skips blank lines but still counts them, ignores a byte-order mark, and keeps a trailing empty field", () => {
    expect(read("\uFEFFa,b\n\n\r\n1,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 4, fields: ["1", ""] },
    ]);
  });

  it("keeps spaces, emoji and formula-looking text verbatim", () => {
    expect(read(" a ,=SUM(A1),😀,@x,-1,+2")).toEqual([{ line: 1, fields: [" a ", "=SUM(A1)", "😀", "@x", "-1", "+2"] }]);
  });

  it("reads a lone CR (old Mac files) as a line break, and mixed line ends alike", () => {
    expect(read("a,b\r1,2\r\r3,\r")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
      { line: 4, fields: ["3", ""] },
    ]);
    expect(read('h\r"x\ry"\rz\n"q"\r\nw')).toEqual([
      { line: 1, fields: ["h"] },
      { line: 2, fields: ["x\ry"] },
      { line: 4, fields: ["z"] },
      { line: 5, fields: ["q"] },
      { line: 6, fields: ["w"] },
    ]);
    expect(errorOf('a\r1\r2,"open\r\rnever')).toBe("line 3: a quoted field is never closed");
    expect(errorOf('a\r"x\ry"z')).toBe("line 3: unexpected text after a closing quote");
  });

  it("reads the same records whatever the line ends: LF, CRLF or CR (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 6 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        (rows, eol) => {
          const table = rows.map((r) => [r[0] as string, r[1] as string]);
          const records = table.map((r) => r.map(csvField).join(","));
          const back = read(records.join(eol) + eol);
          expect(back.map((r) => r.fields)).toEqual(table);
          // Each record starts on the line after the breaks written before it.
          let offset = 0;
          for (const [k, record] of back.entries()) {
            expect(record.line).toBe(countLineBreaks(records.join(eol) + eol, 0, offset) + 1);
            offset += (records[k] as string).length + eol.length;
          }
        },
      ),
    );
  });

  it("names the line of a malformed field", () => {
    expect(errorOf('a,b\n1,2\nx"y,3')).toBe("line 3: a quote inside an unquoted field (quote the whole field and double the quote)");
    expect(errorOf('a\n"open\nnever closed')).toBe("line 2: a quoted field is never closed");
    expect(errorOf('a,b\n"x\ny"z,1')).toBe("line 3: unexpected text after a closing quote");
  });
});

describe("csvField / csvLine", () => {
  it("quotes only what needs it", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("=1+1")).toBe("=1+1");
    expect(csvLine(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });

  it("round-trips any text through write then read", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "x"));
        const text = table.map(csvLine).join("");
        const back = read(text).map((r) => r.fields);
        // A record whose only fields are empty is a blank line; there are none with width ≥ 2.
        expect(back).toEqual(table);
      }),
    );
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InputFormat, type InputLimits, lineAt, readImportInput } from "../../src/cli/import-input.js";
import { AcctError } from "../../src/domain/errors.js";

const folder = mkdtempSync(join(tmpdir(), "acct-input-"));
let files = 0;

function fileWith(content: string | Buffer, name = `in-${++files}.csv`): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const SMALL: InputLimits = { maxBytes: 1000, maxCsvLine: 20, chunk: 7 };

function refusal(path: string, format: InputFormat = "auto", limits = SMALL): { message: string; hint?: string; exitCode: number } {
  try {
    readImportInput(path, format, limits);
  } catch (error) {
    if (error instanceof AcctError) return { message: error.message, hint: error.hint, exitCode: error.exitCode };
    throw error;
  }
  throw new Error("accepted");
}

describe("readImportInput", () => {
  it("reads a file whole, across chunks, as UTF-8", () => {
    const text = "\uFEFFdate,type\r\n2026-03-12,call\rcafé 😀\n";
    expect(readImportInput(fileWith(text), "auto", SMALL)).toBe(text);
    expect(readImportInput(fileWith(""), "auto", SMALL)).toBe("");
  });

  it("refuses a file over the size limit before reading it", () => {
    const r = refusal(fileWith("x\n".repeat(600)));
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.message).toMatch(/ is 1 MB; an import reads at most 1 MB$/);
  });

  it("refuses a NUL byte with its line, as soon as it is read", () => {
    expect(refusal(fileWith(Buffer.from("date,type\n2026-03-12,call\r\nab\u0000c\n")))).toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/^line 3: a NUL byte; .* is not a text file$/),
      // Any import takes text, a calendar too: the hint does not send a calendar user to acct export.
      hint: "import a text file: a CSV, a JSON export, a CRM export or an .ics calendar",
    });
    expect(refusal(fileWith(Buffer.alloc(50)), "json").message).toMatch(/^line 1: a NUL byte/);
  });

  it("refuses a CSV line longer than the limit, wherever the chunks split it; a JSON file may have long lines", () => {
    const long = `${"a".repeat(21)}\n`;
    for (const before of ["", "h\n", "h\r\n", "h\r", "1234567\r\n", "123456\r\n", `${"b".repeat(20)}\n`]) {
      const breaks = before === "" ? 0 : 1;
      expect(refusal(fileWith(before + long)).message).toBe(
        `line ${1 + breaks}: more than 20 bytes without a line break; ${join(folder, `in-${files}.csv`)} is not a CSV export`,
      );
    }
    const fine = `${"a".repeat(20)}\r\n${"b".repeat(20)}\r${"c".repeat(20)}\n`;
    expect(readImportInput(fileWith(fine), "auto", SMALL)).toBe(fine);
    const json = `{"a": "${"x".repeat(100)}"}`;
    expect(readImportInput(fileWith(json, "one-line.json"), "json", SMALL)).toBe(json);
    expect(readImportInput(fileWith(`\n  ${json}`, "any-name"), "auto", SMALL)).toBe(`\n  ${json}`);
  });

  it("finds the first line over the limit for any text and any chunk size (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "bbbbb", "\n", "\r", "\r\n"), { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (parts, chunk, maxCsvLine) => {
          const text = `x${parts.join("")}`;
          const lines = text.split(/\r\n|\r|\n/);
          const over = lines.findIndex((l) => l.length > maxCsvLine);
          const path = fileWith(text);
          const limits = { maxBytes: 1000, maxCsvLine, chunk };
          if (over === -1) expect(readImportInput(path, "csv", limits)).toBe(text);
          else expect(refusal(path, "csv", limits).message).toMatch(new RegExp(`^line ${over + 1}: more than ${maxCsvLine} bytes`));
        },
      ),
    );
  });

  it("refuses text that is not UTF-8, naming the line", () => {
    const latin1 = Buffer.concat([Buffer.from("date,type\n2026-03-12,call\nCaf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(refusal(fileWith(latin1))).toMatchObject({ exitCode: 2, message: "line 3: not UTF-8 text" });
  });

  it("refuses folders, devices and named pipes without opening them", () => {
    expect(refusal(folder).message).toBe(`${folder} is a folder, not a file`);
    expect(refusal("/dev/zero")).toMatchObject({ exitCode: 2, message: "/dev/zero is a device, not a file" });
    expect(refusal(join(folder, "missing.csv")).message).toBe(`no such file: ${join(folder, "missing.csv")}`);
  });

  it("lineAt counts LF, CRLF and a lone CR once each (property: as many lines as the text split on them)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "\n", "\r", "\r\n", "é"), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const bytes = Buffer.from(text);
        expect(lineAt(bytes, bytes.length)).toBe(text.split(/\r\n|\r|\n/).length);
      }),
    );
  });
});

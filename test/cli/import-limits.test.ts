/**
 * What `acct import` reads is bounded and checked before anything is
 * written: no input makes it abort, hang or write half a change, and a file
 * with nothing to import changes nothing (no undo step either).
 */
import { closeSync, existsSync, ftruncateSync, openSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const HEADER = "date,type,count,amount,minutes,contact,note";

/** A data file holding two logged entries (two undo steps). */
async function seeded(): Promise<string> {
  const db = tempDb();
  expect((await acct(db, ["log", "call", "2", "--date", "2026-03-10"])).code).toBe(0);
  expect((await acct(db, ["log", "meeting", "--contact", "Acme"])).code).toBe(0);
  return db;
}

const near = (db: string, name: string) => join(dirname(db), name);

describe("acct import refuses what it cannot read, at once, writing nothing", () => {
  // A named pipe and standard input: test/process/import-stdin.test.ts.
  it.each([
    ["/dev/zero", /^acct: \/dev\/zero is a device, not a file\nhint: to import what a command writes, pipe it in/],
    ["/dev/urandom", /^acct: \/dev\/urandom is a device, not a file/],
    ["/dev/null", /^acct: \/dev\/null is a device, not a file/],
  ])("a device: %s", async (path, pattern) => {
    const db = await seeded();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["import", path]), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("a folder", async () => {
    const db = await seeded();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["import", dirname(db)]), /is a folder, not a file/);
    expect(fingerprint(db)).toBe(before);
  });

  it("a file over 256 MB, before reading it", async () => {
    const db = await seeded();
    const big = near(db, "huge.csv");
    // Sparse: no disk space is used.
    const fd = openSync(big, "w");
    ftruncateSync(fd, 256 * 1024 * 1024 + 1);
    closeSync(fd);
    const before = fingerprint(db);
    expectUsageError(
      await acct(db, ["import", big]),
      /huge\.csv is 257 MB; an import reads at most 256 MB\nhint: split the CSV into smaller files, each with the header line/,
    );
    expect(fingerprint(db)).toBe(before);
  });

  it.each([
    [
      "a line of 100,000 bytes",
      `${HEADER}\n2026-03-12,call,1,,,,${"x".repeat(100_000)}\n`,
      /^acct: line 2: more than 65,536 bytes without a line break; .*bad\.csv is not a CSV export/,
    ],
    [
      "a binary file",
      Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])]),
      /^acct: line 4: a NUL byte; .*bad\.csv is not a text file/,
    ],
    [
      "Latin-1 text",
      Buffer.concat([Buffer.from(`${HEADER}\n2026-03-12,call,1,,,Caf`), Buffer.from([0xe9]), Buffer.from(",\n")]),
      /^acct: line 2: not UTF-8 text\nhint: save .*bad\.csv as UTF-8/,
    ],
    [
      "a date after today",
      `${HEADER}\n2026-03-12,call,1,,,,\n2026-03-13,call,1,,,,\n`,
      /^acct: line 3: date 2026-03-13 is in the future\nhint: log what was done, on the day it was done/,
    ],
    ["a date next year, CR-only lines", `${HEADER}\r2026-03-12,call,1,,,,\r2027-01-04,call,1,,,,\r`, /^acct: line 3: date 2027-01-04 is in the future/],
    ["an empty file", "", /^acct: the file is empty: nothing to import\nhint: a CSV export starts with the header line/],
    ["blank lines only", "\r\n\r\n", /^acct: the file is empty: nothing to import/],
  ])("%s", async (_what, content, pattern) => {
    const db = await seeded();
    const file = near(db, "bad.csv");
    writeFileSync(file, content);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["import", file]), pattern);
    expectUsageError(await acct(db, ["import", file, "--dry-run"]), pattern);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("acct import of a file with nothing to import", () => {
  it.each([
    ["a header alone", `${HEADER}\r\n`],
    ["a header and blank lines", `${HEADER}\n\n\r\n\r`],
    ["a header in another order, CR-only", "type,date\r"],
  ])("%s: says so, writes nothing, and leaves undo to the change before", async (_what, content) => {
    const db = await seeded();
    const file = near(db, "empty.csv");
    writeFileSync(file, content);
    const before = fingerprint(db);
    const result = await acct(db, ["import", file]);
    expect(result).toEqual({ code: 0, stdout: `nothing to import: ${file} has a header line but no entries\n`, stderr: "" });
    expect((await acct(db, ["import", file, "--dry-run"])).stdout).toBe(`nothing to import: ${file} has a header line but no entries\n`);
    expect(await acctJson(db, ["import", file])).toEqual({ format: "csv", dryRun: false, entries: 0, imported: 0, newTypes: [], from: null, to: null });
    expect(fingerprint(db)).toBe(before);
    // Following an undo now takes back the last real change, the meeting, and only it.
    expect((await acct(db, ["undo"])).stdout).toBe("undid: log #2 2026-03-12 1 meeting\n");
    expect((await acctJson<EntryJson[]>(db, ["log", "list"])).map((e) => e.type)).toEqual(["call"]);
    // A data file that does not exist yet is not created.
    const fresh = tempDb();
    expect((await acct(fresh, ["import", file])).code).toBe(0);
    expect(existsSync(fresh)).toBe(false);
  });

  it("a JSON export with no rows: nothing to restore, no file, no undo step", async () => {
    const empty = tempDb();
    const json = near(empty, "empty.json");
    const exported = await acct(empty, ["export", "--out", json]);
    expect(exported.code).toBe(0);
    const fresh = tempDb();
    expect(await acct(fresh, ["import", json])).toEqual({ code: 0, stdout: `nothing to restore: ${json} holds no rows\n`, stderr: "" });
    expect((await acct(fresh, ["import", json, "--dry-run"])).stdout).toBe(`nothing to restore: ${json} holds no rows\n`);
    expect(await acctJson<{ entries: number }>(fresh, ["import", json])).toMatchObject({ format: "json", entries: 0 });
    expect(existsSync(fresh)).toBe(false);
  });
});

describe("acct import reads every line-end convention alike", () => {
  it("LF, CRLF and CR-only files give the same entries, quoted line breaks kept", async () => {
    const rows = ["2026-03-10,call,2,,,Acme,", '2026-03-11,meeting,1,,30,"Bo, Inc",plain', "2026-03-12,deal,1,42k,,,won"];
    const results: EntryJson[][] = [];
    for (const eol of ["\n", "\r\n", "\r"]) {
      const db = tempDb();
      const file = near(db, "in.csv");
      writeFileSync(file, `${HEADER}${eol}${rows.join(eol)}${eol}`);
      const result = await acct(db, ["import", file]);
      expect(result.stdout).toBe(`imported 3 entries dated 2026-03-10..2026-03-12 from ${file}; undo with: acct undo\n`);
      results.push(await acctJson<EntryJson[]>(db, ["log", "list"]));
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toHaveLength(3);
  });
});

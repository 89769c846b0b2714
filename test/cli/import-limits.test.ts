/**
 * What `acct import` reads is bounded and checked before anything is
 * written: no input makes it abort, hang or write half a change, and a file
 * with nothing to import changes nothing (no undo step either).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, ftruncateSync, openSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, BIN, expectUsageError, fingerprint, tempDb, type Result } from "../helpers/cli.js";

const HEADER = "date,type,count,amount,minutes,contact,note";

/** A data file holding two logged entries (two undo steps). */
function seeded(): string {
  const db = tempDb();
  expect(acct(db, ["log", "call", "2", "--date", "2026-03-10"]).code).toBe(0);
  expect(acct(db, ["log", "meeting", "--contact", "Acme"]).code).toBe(0);
  return db;
}

const near = (db: string, name: string) => join(dirname(db), name);

/** `acct --db db import ARGS` with stdin read from `stdin` (a path or a shell pipeline), never waiting more than 20 s. */
function importFrom(db: string, args: string[], stdin: { path?: string; shell?: string }): Result {
  const env = { ...process.env, ACCT_NOW: "2026-03-12" };
  if (stdin.shell) {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const r = spawnSync("sh", ["-c", `${stdin.shell} | ${q(process.execPath)} ${q(BIN)} --db ${q(db)} import ${args.map(q).join(" ")}`], {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  const fd = openSync(stdin.path as string, "r");
  try {
    const r = spawnSync(process.execPath, [BIN, "--db", db, "import", ...args], { env, encoding: "utf8", stdio: [fd, "pipe", "pipe"], timeout: 20_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe("acct import refuses what it cannot read, at once, writing nothing", () => {
  it.each([
    ["/dev/zero", /^acct: \/dev\/zero is a device, not a file\nhint: to import what a command writes, pipe it in/],
    ["/dev/urandom", /^acct: \/dev\/urandom is a device, not a file/],
    ["/dev/null", /^acct: \/dev\/null is a device, not a file/],
  ])("a device: %s", (path, pattern) => {
    const db = seeded();
    const before = fingerprint(db);
    expectUsageError(acct(db, ["import", path]), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("a named pipe, without waiting for a writer", () => {
    const db = seeded();
    const fifo = near(db, "pipe.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const before = fingerprint(db);
    const result = spawnSync(process.execPath, [BIN, "--db", db, "import", fifo], {
      env: { ...process.env, ACCT_NOW: "2026-03-12" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expectUsageError(
      { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr },
      /is a named pipe, not a file\nhint: to import what a command writes, pipe it in: … \| acct import -/,
    );
    expect(fingerprint(db)).toBe(before);
  });

  it("a folder", () => {
    const db = seeded();
    const before = fingerprint(db);
    expectUsageError(acct(db, ["import", dirname(db)]), /is a folder, not a file/);
    expect(fingerprint(db)).toBe(before);
  });

  it("a file over 256 MB, before reading it", () => {
    const db = seeded();
    const big = near(db, "huge.csv");
    // Sparse: no disk space is used.
    const fd = openSync(big, "w");
    ftruncateSync(fd, 256 * 1024 * 1024 + 1);
    closeSync(fd);
    const before = fingerprint(db);
    expectUsageError(
      acct(db, ["import", big]),
      /huge\.csv is 257 MB; an import reads at most 256 MB\nhint: split the CSV into smaller files, each with the header line/,
    );
    expect(fingerprint(db)).toBe(before);
  });

  it("standard input from /dev/zero or /dev/urandom: not text", () => {
    for (const device of ["/dev/zero", "/dev/urandom"]) {
      const db = seeded();
      const before = fingerprint(db);
      expectUsageError(importFrom(db, ["-"], { path: device }), /^acct: line \d+: (a NUL byte; standard input is not a text file|not UTF-8 text)/);
      expect(fingerprint(db)).toBe(before);
    }
    const fresh = tempDb();
    expectUsageError(importFrom(fresh, ["-"], { path: "/dev/zero" }), /^acct: line 1: a NUL byte; standard input is not a text file/);
    expect(existsSync(fresh)).toBe(false);
  });

  it("endless standard input: stops at 256 MB", () => {
    const db = seeded();
    const before = fingerprint(db);
    expectUsageError(importFrom(db, ["-"], { shell: "yes 2026-03-12,call" }), /^acct: standard input holds more than 256 MB; an import reads at most that/);
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
  ])("%s", (_what, content, pattern) => {
    const db = seeded();
    const file = near(db, "bad.csv");
    writeFileSync(file, content);
    const before = fingerprint(db);
    expectUsageError(acct(db, ["import", file]), pattern);
    expectUsageError(acct(db, ["import", file, "--dry-run"]), pattern);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("acct import of a file with nothing to import", () => {
  it.each([
    ["a header alone", `${HEADER}\r\n`],
    ["a header and blank lines", `${HEADER}\n\n\r\n\r`],
    ["a header in another order, CR-only", "type,date\r"],
  ])("%s: says so, writes nothing, and leaves undo to the change before", (_what, content) => {
    const db = seeded();
    const file = near(db, "empty.csv");
    writeFileSync(file, content);
    const before = fingerprint(db);
    const result = acct(db, ["import", file]);
    expect(result).toEqual({ code: 0, stdout: `nothing to import: ${file} has a header line but no entries\n`, stderr: "" });
    expect(acct(db, ["import", file, "--dry-run"]).stdout).toBe(`nothing to import: ${file} has a header line but no entries\n`);
    expect(acctJson(db, ["import", file])).toEqual({ format: "csv", dryRun: false, entries: 0, imported: 0, newTypes: [], from: null, to: null });
    expect(fingerprint(db)).toBe(before);
    // Following an undo now takes back the last real change, the meeting, and only it.
    expect(acct(db, ["undo"]).stdout).toBe("undid: log #2 2026-03-12 1 meeting\n");
    expect(acctJson<EntryJson[]>(db, ["log", "list"]).map((e) => e.type)).toEqual(["call"]);
    // A data file that does not exist yet is not created.
    const fresh = tempDb();
    expect(acct(fresh, ["import", file]).code).toBe(0);
    expect(existsSync(fresh)).toBe(false);
  });

  it("a JSON export with no rows: nothing to restore, no file, no undo step", () => {
    const empty = tempDb();
    const json = near(empty, "empty.json");
    const exported = acct(empty, ["export", "--out", json]);
    expect(exported.code).toBe(0);
    const fresh = tempDb();
    expect(acct(fresh, ["import", json])).toEqual({ code: 0, stdout: `nothing to restore: ${json} holds no rows\n`, stderr: "" });
    expect(acct(fresh, ["import", json, "--dry-run"]).stdout).toBe(`nothing to restore: ${json} holds no rows\n`);
    expect(acctJson<{ entries: number }>(fresh, ["import", json])).toMatchObject({ format: "json", entries: 0 });
    expect(existsSync(fresh)).toBe(false);
  });
});

describe("acct import reads every line-end convention alike", () => {
  it("LF, CRLF and CR-only files give the same entries, quoted line breaks kept", () => {
    const rows = ["2026-03-10,call,2,,,Acme,", '2026-03-11,meeting,1,,30,"Bo, Inc",plain', "2026-03-12,deal,1,42k,,,won"];
    const results = ["\n", "\r\n", "\r"].map((eol) => {
      const db = tempDb();
      const file = near(db, "in.csv");
      writeFileSync(file, `${HEADER}${eol}${rows.join(eol)}${eol}`);
      const result = acct(db, ["import", file]);
      expect(result.stdout).toBe(`imported 3 entries dated 2026-03-10..2026-03-12 from ${file}; undo with: acct undo\n`);
      return acctJson<EntryJson[]>(db, ["log", "list"]);
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toHaveLength(3);
  });
});

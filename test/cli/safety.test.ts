/**
 * The data file and what acct writes beside it: outputs never land on the
 * data file, `--db` opens exactly the file it names, odd paths get a plain
 * message, dates stay in the years acct handles, totals cannot overflow,
 * and every command refuses words it does not take. What needs a process
 * (a current folder, another user) is in test/process/safety.test.ts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fileBytes, fingerprint, tempDb } from "../helpers/in-process.js";

/** A data file with a plan, an entry and a block, its -wal and -shm present as while in use. */
async function seeded(): Promise<string> {
  const db = tempDb();
  expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
  expect((await acct(db, ["log", "call", "3"])).code).toBe(0);
  expect((await acct(db, ["block", "add", "Calls", "--days", "tue", "--start", "08:00", "--end", "09:00"])).code).toBe(0);
  return db;
}

/** Every command that writes an --out file, with the flags that make it write there. */
const WRITERS: readonly (readonly string[])[] = [["export", "--format", "json"], ["export", "--format", "csv"], ["report"], ["share"], ["block", "export"]];

describe("no output is written onto the data file", () => {
  it.each(WRITERS)("acct %s --out <the data file, its -wal or -shm, or a link to it> exits 2, with or without --force", async (...command) => {
    const db = await seeded();
    const link = join(dirname(db), "link-to-data.db");
    symlinkSync(db, link);
    const folderLink = join(dirname(db), "same-folder");
    symlinkSync(dirname(db), folderLink);
    expect((await acct(db, ["buddy", "set", "Sam", "--email", "sam@example.com"])).code).toBe(0);
    const before = fileBytes(db);
    for (const target of [db, `${db}-wal`, `${db}-shm`, link, join(folderLink, "acct.db"), join(folderLink, "acct.db-wal")]) {
      for (const force of [[], ["--force"]]) {
        const result = await acct(db, [...command, "--out", target, ...force]);
        expectUsageError(result, /is acct's data file \(or part of it\); not writing over it/);
      }
    }
    expect(fileBytes(db).equals(before)).toBe(true);
    expect((await acct(db, ["check"])).code).toBe(0);
  });

  it("acct backup --out the data file through a link exits 2", async () => {
    const db = await seeded();
    const folderLink = join(dirname(db), "same-folder");
    symlinkSync(dirname(db), folderLink);
    expectUsageError(await acct(db, ["backup", "--out", join(folderLink, "acct.db")]), /already exists|cannot be the data file/);
  });

  it.each(WRITERS)("acct %s --out into a missing folder: exit 2 naming the folder, nothing written", async (...command) => {
    const db = await seeded();
    const print = fingerprint(db);
    const result = await acct(db, [...command, "--out", join(dirname(db), "missing", "out.file")]);
    expectUsageError(result, /the folder .*missing does not exist/);
    expect(fingerprint(db)).toBe(print);
    expect(existsSync(join(dirname(db), "missing"))).toBe(false);
  });

  it.each(WRITERS)("acct %s writes its file owner-only (0600), like the data file", async (...command) => {
    const db = await seeded();
    expect((await acct(db, ["buddy", "set", "Sam", "--email", "sam@example.com"])).code).toBe(0);
    const out = join(dirname(db), "out.file");
    const result = await acct(db, [...command, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe("--db opens exactly the file it names", () => {
  // Names relative to the current folder: test/process/safety.test.ts.
  it("an empty --db exits 2 and writes nothing, even with ACCT_DB set", async () => {
    const fallback = tempDb();
    for (const args of [["status"], ["log", "call"], ["plan", "show"]]) {
      expectUsageError(await acct(null, ["--db", "", ...args], { env: { ACCT_DB: fallback } }), /--db needs a file name/);
    }
    expect(existsSync(fallback)).toBe(false);
  });

  it.each([
    [
      "a dangling symbolic link",
      (dir: string) => symlinkSync(join(dir, "nowhere.db"), join(dir, "acct.db")),
      /is a symbolic link to .*nowhere\.db, which does not exist/,
    ],
    [
      "a loop of symbolic links",
      (dir: string) => (symlinkSync(join(dir, "b.db"), join(dir, "acct.db")), symlinkSync(join(dir, "acct.db"), join(dir, "b.db"))),
      /is a loop of symbolic links/,
    ],
    ["a folder", (dir: string) => mkdirSync(join(dir, "acct.db")), /is a folder, not a data file/],
    ["a FIFO", (dir: string) => spawnSync("mkfifo", [join(dir, "acct.db")]), /is not a regular file/],
    ["a path through a file", (dir: string) => writeFileSync(join(dir, "acct.db"), "x"), /inside something that is not a folder/, "acct.db/inner.db"],
  ] as const)("%s as --db: exit 2 and a plain message, for reads and writes alike", async (_what, make, message, name: string = "acct.db") => {
    const dir = dirname(tempDb());
    make(dir);
    const before = readdirSync(dir).sort();
    for (const args of [["status"], ["audit"], ["log", "list"], ["log", "call"], ["check"], ["backup", "--out", join(dir, "copy.db")]]) {
      const result = await acct(join(dir, name), args);
      expectUsageError(result, message);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe("the years acct handles: 1970–9998", () => {
  it.each([
    [["report", "--year", "9999"], /year '9999' is outside the years acct handles \(1970–9998\)/],
    [["plan", "show", "--year", "1969"], /year '1969' is outside/],
    [["audit", "--date", "0001-01-01"], /date '0001-01-01' is outside the years acct handles/],
    [["audit", "--week", "9999-W01"], /week '9999-W01' is outside/],
    [["log", "call", "--date", "1969-12-31"], /date '1969-12-31' is outside/],
    [["off", "add", "9999-01-01"], /outside the years/],
  ] as const)("acct %s exits 2 and writes nothing", async (args, message) => {
    const db = await seeded();
    const print = fingerprint(db);
    expectUsageError(await acct(db, [...args]), message);
    expect(fingerprint(db)).toBe(print);
  });

  it.each(["9999-12-31", "0001-01-01", "10000-01-01"])("ACCT_NOW=%s exits 2 before touching anything", async (now) => {
    const db = tempDb();
    for (const args of [["demo", "--db", db], ["status"], ["log", "call"]]) {
      const result = await acct(args[0] === "demo" ? null : db, args, { now });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^acct: ACCT_NOW '.*' (is outside the years acct handles \(1970–9998\)|is not a date)\n/);
    }
    expect(existsSync(db)).toBe(false);
  });

  it.each(["1970-01-01", "1970-01-05", "9998-12-31", "9998-06-15"])("at the edge %s every read command works on a demo", async (now) => {
    const db = tempDb();
    expect((await acct(null, ["demo", "--db", db], { now })).code).toBe(0);
    expect((await acct(db, ["buddy", "set", "Sam", "--email", "sam@example.com"], { now })).code).toBe(0);
    const out = join(dirname(db), "r.html");
    for (const args of [
      ["status"],
      ["audit"],
      ["audit", "--json"],
      ["report", "--out", out],
      ["plan", "show"],
      ["log", "list"],
      ["block", "export"],
      ["share"],
    ]) {
      const result = await acct(db, args, { now });
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
      expect(result.stdout).not.toMatch(/NaN|Infinity/);
    }
  });
});

// Reading a file acct may not write (as another user): test/process/safety.test.ts.

describe("totals that cannot overflow", () => {
  it("100,000 deals of 1e12 each: every report still works", async () => {
    const db = tempDb();
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    const csv = join(dirname(db), "deals.csv");
    const lines = ["date,type,count,amount,minutes,contact,note"];
    for (let i = 0; i < 100_000; i++) lines.push(`2026-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, "0")},deal,1,1000000000000,,,`);
    writeFileSync(csv, `${lines.join("\n")}\n`);
    const imported = await acct(db, ["import", csv]);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await acct(db, ["log", "deal", "--amount", "1000000000000"])).code).toBe(0);
    const audit = await acctJson<{ metrics: { metric: string; ytd: { actual: number } }[] }>(db, ["audit"]);
    const revenue = audit.metrics.find((m) => m.metric === "revenue");
    expect(revenue?.ytd.actual).toBeGreaterThanOrEqual(1e17 * 0.999);
    for (const args of [
      ["status"],
      ["audit"],
      ["audit", "--format", "md"],
      ["plan", "show"],
      ["report", "--out", join(dirname(db), "r.html")],
      ["audit", "--week", "2026-W05", "--json"],
    ]) {
      const result = await acct(db, args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
    }
    expect((await acct(db, ["undo"])).code).toBe(0);
    expect((await acct(db, ["status"])).code).toBe(0);
  });
});

describe("every command refuses words it does not take", () => {
  it.each([
    ["block", "rm", "1", "abc"],
    ["block", "today", "X"],
    ["block", "list", "x"],
    ["plan", "target", "call", "25", "x"],
    ["plan", "show", "2026"],
    ["log", "list", "calls"],
    ["off", "list", "x"],
    ["commit", "list", "x"],
    ["undo", "twice"],
    ["status", "now"],
    ["type", "list", "x"],
    ["reviews", "x"],
    ["check", "x"],
  ])("acct %s … exits 2 naming the command's usage, nothing written", async (...args) => {
    const db = await seeded();
    const print = fingerprint(db);
    const result = await acct(db, args);
    expectUsageError(result, /^acct: too many arguments for '[a-z]+'\. Expected \d arguments? but got \d+\.\nhint: usage: acct /);
    expect(fingerprint(db)).toBe(print);
  });

  it("a missing argument names the command's usage", async () => {
    const db = await seeded();
    expectUsageError(
      await acct(db, ["plan", "target", "email"]),
      /^acct: missing required argument 'per-week'\nhint: usage: acct plan target \[options\] <type> <per-week>\n$/,
    );
  });
});

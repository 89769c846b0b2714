/**
 * Failure tests: every case is a real process against a real file. The
 * slowest (800 concurrent writes at full size) grow with ACCT_SLOW_TESTS=1,
 * which .ci/run sets.
 */
import { chmodSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, fileBytes, fingerprint, tempDb, type Result } from "../helpers/cli.js";
import { acctAsUser, acctInShell, finished, giveToUser, integrity, sharedTempDir, startAcct, walGrows } from "../helpers/processes.js";

const SLOW = process.env.ACCT_SLOW_TESTS === "1";

/** One `acct:` line (+ an optional hint), exit 1, no stack trace, nothing on stdout. */
function expectFailure(result: Result, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines[0]).toMatch(/^acct: /);
  expect(lines[0]).toMatch(pattern);
  expect(lines.length).toBeLessThanOrEqual(2);
  if (lines[1] !== undefined) expect(lines[1]).toMatch(/^hint: /);
}

/** A small acct file with a plan and two days off, closed cleanly (no -wal left). */
function seededDb(path = tempDb()): string {
  expect(acct(path, EXAMPLE_PLAN).code).toBe(0);
  expect(acct(path, ["off", "add", "2026-08-03..2026-08-14", "--reason", "vacation"]).code).toBe(0);
  expect(acct(path, ["off", "add", "2026-12-24"]).code).toBe(0);
  return path;
}

const WRITE = ["log", "call", "3", "--contact", "Ada"];
const READS = [
  ["off", "list", "--json"],
  ["plan", "show", "--json"],
  ["check", "--json"],
  ["audit", "--json"],
  ["status", "--json"],
  ["log", "list", "--json"],
];

/** A CSV of `rows` calls in acct's export format. */
function bigCsv(rows: number): string {
  const path = join(dirname(tempDb()), "big.csv");
  const lines = ["date,type,count,amount,minutes,contact,note"];
  for (let i = 0; i < rows; i++)
    lines.push(`2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},call,${1 + (i % 5)},,,Contact ${i},`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const entryCount = (db: string) => acctJson<unknown[]>(db, ["log", "list", "--from", "2000-01-01", "--to", "2100-01-01"]).length;

describe("files that are not (usable) acct databases: exit 1, one line, file untouched", () => {
  const cases: [string, (path: string) => void, RegExp][] = [
    [
      "a corrupt file",
      (path) => {
        seededDb(path);
        const bytes = fileBytes(path);
        // Garbage over the schema page after the 100-byte header: SQLite cannot read the tables.
        for (let i = 100; i < 4096; i++) bytes[i] = (i * 7919) % 251;
        writeFileSync(path, bytes);
      },
      /not an acct database \(not SQLite, or damaged\)/,
    ],
    ["a text file", (path) => writeFileSync(path, "date,type\n2026-01-01,call\n".repeat(200)), /not an acct database/],
    [
      "another program's SQLite database",
      (path) => {
        const db = new Database(path);
        db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a'), ('b');");
        db.close();
      },
      /belongs to another program/,
    ],
    ["a zero-byte file", (path) => writeFileSync(path, ""), /empty file/],
    [
      "a database from a newer acct",
      (path) => {
        seededDb(path);
        const db = new Database(path);
        db.pragma("user_version = 99");
        db.close();
      },
      /newer acct \(schema 99/,
    ],
  ];
  for (const [name, make, pattern] of cases) {
    it(name, () => {
      const db = tempDb();
      make(db);
      const before = fileBytes(db);
      for (const args of [WRITE, ["off", "list"], ["plan", "show"], ["type", "add", "linkedin"]]) {
        expectFailure(acct(db, args), pattern);
        expect(fileBytes(db).equals(before)).toBe(true);
      }
      expect(readdirSync(dirname(db)).filter((f) => f.includes("backup"))).toEqual([]);
    });
  }

  it("acct check reports a damaged file as not ok, exit 1", () => {
    const db = seededDb();
    const bytes = fileBytes(db);
    for (let i = 100; i < 4096; i++) bytes[i] = 0xee;
    writeFileSync(db, bytes);
    const result = acct(db, ["check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: /);
    expect(fileBytes(db).equals(bytes)).toBe(true);
  });
});

describe("read-only file and folder (run as an unprivileged user, since root ignores modes)", () => {
  it("a read-only file: writes fail with exit 1, reads work, file untouched", () => {
    const dir = sharedTempDir();
    giveToUser(dir);
    const db = seededDb(join(dir, "acct.db"));
    giveToUser(db);
    chmodSync(db, 0o444);
    const before = fileBytes(db);
    const print = fingerprint(db);
    expectFailure(acctAsUser(db, WRITE), /read-only/);
    for (const args of READS) {
      const result = acctAsUser(db, args);
      expect(result.code, result.stderr).toBe(0);
      expect(() => JSON.parse(result.stdout)).not.toThrow();
    }
    expect(JSON.parse(acctAsUser(db, ["off", "list", "--json"]).stdout)).toHaveLength(2);
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(fingerprint(db)).toBe(print);
  });

  it("a read-only folder holding a WAL database: writes fail with exit 1, reads work, nothing created", () => {
    const dir = sharedTempDir();
    const db = seededDb(join(dir, "acct.db"));
    giveToUser(db); // the file itself is writable; the folder is not
    chmodSync(dir, 0o555);
    const before = fileBytes(db);
    const listing = readdirSync(dir);
    expectFailure(acctAsUser(db, WRITE), /read-only|cannot open/);
    for (const args of READS) {
      const result = acctAsUser(db, args);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(JSON.parse(acctAsUser(db, ["plan", "show", "--json"]).stdout).year).toBe(2026);
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(listing);
  });

  it("a schema-1 file in a read-only folder is read as it is, not upgraded", () => {
    const dir = sharedTempDir();
    const db = join(dir, "acct.db");
    writeFileSync(db, fileBytes(new URL("../fixtures/schema-v1.db", import.meta.url).pathname));
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    const before = fileBytes(db);
    const result = acctAsUser(db, ["off", "list", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
    for (const args of READS) {
      const read = acctAsUser(db, args);
      expect(read.code, `${args.join(" ")}: ${read.stderr}`).toBe(0);
    }
    // The audit of the old file (its weekly totals grouped on the fly) is the audit of the upgraded one.
    const upgraded = join(sharedTempDir(), "acct.db");
    writeFileSync(upgraded, before);
    expect(acctAsUser(db, ["audit", "--json"]).stdout).toBe(acct(upgraded, ["audit", "--json"]).stdout);
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["acct.db"]);
  });

  it("a new data file in a read-only folder: exit 1 naming the file, nothing created", () => {
    const dir = sharedTempDir();
    chmodSync(dir, 0o555);
    expectFailure(acctAsUser(join(dir, "acct.db"), WRITE), /cannot create .*acct\.db: the folder .* is read-only/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a data file in a folder that does not exist and cannot be created: exit 1", () => {
    const dir = sharedTempDir();
    chmodSync(dir, 0o555);
    expectFailure(acctAsUser(join(dir, "sub", "acct.db"), WRITE), /cannot create the folder/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a full disk", () => {
  it("an import that fills the disk fails with exit 1 and a plain message; earlier rows intact", () => {
    const db = seededDb();
    expect(acct(db, ["log", "call", "7", "--date", "2026-03-10"]).code).toBe(0);
    const print = fingerprint(db);
    const csv = bigCsv(60_000);
    // 1 MB: the write-ahead log of a 60,000-row import outgrows it mid-write.
    const result = acctInShell(db, "ulimit -f 1024", ["import", csv]);
    expectFailure(result, /disk is full/);
    expect(fingerprint(db)).toBe(print);
    expect(entryCount(db)).toBe(1);
    expect(integrity(db)).toBe("ok");
  });

  it("a write that cannot grow the file fails with exit 1 and a plain message; earlier rows stay", () => {
    const db = seededDb();
    const print = fingerprint(db);
    // 4 KB: SQLite cannot even size its shared-memory file, as on a full disk.
    const result = acctInShell(db, "ulimit -f 4", WRITE);
    expectFailure(result, /disk is full/);
    expect(fingerprint(db)).toBe(print);
    expect(acctJson<unknown[]>(db, ["off", "list"])).toHaveLength(2);
  });
});

describe("killed in the middle of a large import", () => {
  it("kill -9: integrity_check ok and the import entirely absent", async () => {
    const db = seededDb();
    expect(acct(db, ["log", "meeting", "--date", "2026-03-10"]).code).toBe(0);
    const print = fingerprint(db);
    const child = startAcct(db, ["import", bigCsv(200_000)]);
    const done = finished(child);
    await walGrows(db, 1 << 20);
    child.kill("SIGKILL");
    expect((await done).code).toBe(137);
    expect(integrity(db)).toBe("ok");
    expect(fingerprint(db)).toBe(print);
    expect(entryCount(db)).toBe(1);
    expect(acct(db, ["check"]).code).toBe(0);
  });
});

describe("concurrent writers", () => {
  const perProcess = SLOW ? 100 : 12;
  it(`8 processes × ${perProcess} acct log call at once on a new file: every row, no failure`, async () => {
    const db = tempDb();
    const failures: string[] = [];
    const worker = async (w: number) => {
      for (let i = 0; i < perProcess; i++) {
        const result = await finished(startAcct(db, ["log", "call", "--contact", `w${w}-${i}`]));
        if (result.code !== 0) failures.push(`${w}/${i}: ${result.code} ${result.stderr}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    expect(failures).toEqual([]);
    const rows = acctJson<{ contact: string; count: number }[]>(db, ["log", "list", "--from", "2026-03-12", "--to", "2026-03-12"]);
    expect(rows).toHaveLength(8 * perProcess);
    expect(new Set(rows.map((r) => r.contact)).size).toBe(8 * perProcess);
    expect(integrity(db)).toBe("ok");
    // The running totals the reports read were kept in step by every writer.
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare("SELECT sum(count) AS calls, sum(entries) AS entries FROM daily_totals").get()).toEqual({
        calls: 8 * perProcess,
        entries: 8 * perProcess,
      });
    } finally {
      conn.close();
    }
  }, 600_000);
});

/** `acct backup` and `acct check`: both read the data file and never change it. */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fileBytes, tempDb } from "../helpers/in-process.js";

async function seeded(): Promise<string> {
  const db = tempDb();
  expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
  expect((await acct(db, ["off", "add", "2026-08-03..2026-08-14", "--reason", "vacation"])).code).toBe(0);
  return db;
}

describe("acct backup", () => {
  // Into the current folder, and while another process writes: test/process/backup.test.ts.
  it("--out FILE, --json", async () => {
    const db = await seeded();
    const out = join(dirname(db), "copy.db");
    const json = await acctJson<{ path: string; bytes: number }>(db, ["backup", "--out", out]);
    expect(json.path).toBe(out);
    expect(json.bytes).toBe(statSync(out).size);
    expect(await acctJson<unknown[]>(out, ["off", "list"])).toHaveLength(1);
  });

  it("refuses to overwrite a file: exit 2, the file untouched", async () => {
    const db = await seeded();
    const out = join(dirname(db), "taken.db");
    writeFileSync(out, "mine");
    expectUsageError(await acct(db, ["backup", "--out", out]), /already exists/);
    expect(fileBytes(out).toString()).toBe("mine");
  });

  it("a missing folder or the data file itself as --out: exit 2", async () => {
    const db = await seeded();
    expectUsageError(await acct(db, ["backup", "--out", join(dirname(db), "no", "x.db")]), /does not exist/);
    expectUsageError(await acct(db, ["backup", "--out", db]), /already exists/);
  });

  it("no data file: exit 1, nothing created", async () => {
    const db = tempDb();
    const result = await acct(db, ["backup", "--out", join(dirname(db), "x.db")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: no acct database at /);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dirname(db), "x.db"))).toBe(false);
  });
});

describe("acct check", () => {
  it("summarises what the file holds and changes nothing", async () => {
    const db = await seeded();
    const before = fileBytes(db);
    const report = await acctJson<{ ok: boolean; integrity: string[]; foreignKeys: string[]; summary: Record<string, unknown> }>(db, ["check"]);
    expect(report.ok).toBe(true);
    expect(report.integrity).toEqual([]);
    expect(report.foreignKeys).toEqual([]);
    expect(report.summary).toMatchObject({ entries: 0, firstDate: null, plans: [2026], daysOff: 1, blocks: 0, commitments: 0, reviews: 0 });
    expect(report.summary.bytes).toBeGreaterThan(0);
    const text = await acct(db, ["check"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`: ok\\n\\s+schema version\\s+${SCHEMA_VERSION}\\n`));
    expect(text.stdout).toMatch(/plans\s+2026/);
    expect(fileBytes(db).equals(before)).toBe(true);
  });

  it("a broken foreign key makes it not ok: exit 1, the report still printed", async () => {
    const db = await seeded();
    const raw = new Database(db);
    raw.pragma("foreign_keys = OFF");
    raw.prepare("INSERT INTO block_marks (block_id, date, status) VALUES (42, '2026-03-10', 'done')").run();
    raw.close();
    const result = await acct(db, ["check", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).foreignKeys).toEqual(["block_marks row 1 points at a missing blocks row"]);
    expect(result.stderr).toMatch(/^acct: .* failed the integrity check\n/);
  });

  it("no data file: exit 1 and no file created", async () => {
    const db = tempDb();
    const result = await acct(db, ["check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: no acct database at /);
    expect(existsSync(db)).toBe(false);
  });

  it("unknown flag: exit 2", async () => {
    expectUsageError(await acct(await seeded(), ["check", "--fix"]), /unknown option/);
  });
});

/** A schema-1 file (test/fixtures/schema-v1.db, made with migration 1's SQL) upgrades with a backup first. */
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/migrations.js";
import { acct, fileBytes, tempDb } from "../helpers/in-process.js";

const FIXTURE = fileURLToPath(new URL("../fixtures/schema-v1.db", import.meta.url));

function rows(path: string, sql: string): unknown[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

const version = (path: string) => rows(path, "PRAGMA user_version")[0];
const ENTRIES = "SELECT * FROM entries ORDER BY id";
const TOTALS = "SELECT * FROM daily_totals ORDER BY date, type";

function fixtureCopy(): string {
  const db = tempDb();
  copyFileSync(FIXTURE, db);
  return db;
}

describe("upgrading a schema-1 file", () => {
  it("the fixture really is schema 1: the same tables and indexes migration 1 creates", () => {
    const fresh = new Database(":memory:");
    fresh.exec(MIGRATIONS[0] as string);
    const schema = (db: Database.Database) => db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY name").all();
    const fixture = new Database(FIXTURE, { readonly: true });
    expect(schema(fixture)).toEqual(schema(fresh));
    expect(fixture.pragma("user_version", { simple: true })).toBe(1);
    expect(fixture.pragma("application_id", { simple: true })).toBe(0x61636374);
    expect((fixture.prepare("SELECT count(*) AS n FROM entries").get() as { n: number }).n).toBe(60);
    fixture.close();
    fresh.close();
  });

  it("a write upgrades it: backup copy first, every entry and total survives", async () => {
    const db = fixtureCopy();
    const entries = rows(db, ENTRIES);
    const totals = rows(db, TOTALS);
    const original = fileBytes(db);
    const result = await acct(db, ["off", "add", "2026-05-01"]);
    expect(result.code, result.stderr).toBe(0);
    expect(version(db)).toEqual({ user_version: SCHEMA_VERSION });
    // Every entry as it was, with the columns later migrations add (a source key since schema 6) empty.
    expect(rows(db, ENTRIES)).toEqual(entries.map((e) => ({ ...(e as object), source: null, opp: null })));
    expect(rows(db, TOTALS)).toEqual(totals);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE name IN ('commitments_by_due', 'block_marks_by_date')")).toHaveLength(2);
    // Migration 3 fills the weekly totals from the day totals the file already held.
    const weeks = rows(db, "SELECT monday, type, count, amount, minutes, entries FROM weekly_totals ORDER BY monday, type");
    expect(weeks.length).toBeGreaterThan(5);
    expect(weeks).toEqual(
      rows(
        db,
        `SELECT date(date, 'weekday 0', '-6 days') AS monday, type, sum(count) AS count, coalesce(sum(amount), 0) AS amount,
                coalesce(sum(minutes), 0) AS minutes, count(*) AS entries
         FROM entries WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      ),
    );
    const backup = `${db}.v1-backup`;
    expect(existsSync(backup)).toBe(true);
    expect(version(backup)).toEqual({ user_version: 1 });
    expect(rows(backup, ENTRIES)).toEqual(entries);
    // The backup is a copy of what the file held, not a byte copy of it; the original bytes are gone only after it exists.
    expect(original.length).toBeGreaterThan(0);
    expect(rows(db, "SELECT reason FROM days_off ORDER BY id")).toEqual([{ reason: "vacation" }, { reason: "Christmas Eve" }, { reason: null }]);
    expect((await acct(db, ["check"])).code).toBe(0);
  });

  it("a read-only command upgrades a writable file too (with its backup)", async () => {
    const db = fixtureCopy();
    const result = await acct(db, ["off", "list", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(2);
    expect(version(db)).toEqual({ user_version: SCHEMA_VERSION });
    expect(existsSync(`${db}.v1-backup`)).toBe(true);
  });

  it("an existing backup is never overwritten: the next one gets a new name", async () => {
    const db = fixtureCopy();
    copyFileSync(FIXTURE, `${db}.v1-backup`);
    const before = fileBytes(`${db}.v1-backup`);
    expect((await acct(db, ["off", "list"])).code).toBe(0);
    expect(fileBytes(`${db}.v1-backup`).equals(before)).toBe(true);
    expect(existsSync(`${db}.v1-backup-2`)).toBe(true);
    expect(
      readdirSync(dirname(db))
        .filter((f) => f.includes("backup"))
        .sort(),
    ).toEqual(["acct.db.v1-backup", "acct.db.v1-backup-2"]);
  });

  it("acct check and acct backup leave an old file as it is", async () => {
    const db = fixtureCopy();
    const before = fileBytes(db);
    const check = await acct(db, ["check", "--json"]);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).summary).toMatchObject({
      schemaVersion: 1,
      currentSchemaVersion: SCHEMA_VERSION,
      entries: 59,
      removedEntries: 1,
      plans: [2025, 2026],
    });
    const out = join(dirname(db), "copy.db");
    expect((await acct(db, ["backup", "--out", out])).code).toBe(0);
    expect(fileBytes(db).equals(before)).toBe(true);
    expect(version(out)).toEqual({ user_version: 1 });
  });
});

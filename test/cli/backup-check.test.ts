/** `acct backup` and `acct check`: both read the data file and never change it. */
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { SCHEMA_VERSION } from "../../src/store/migrations.js";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fileBytes, fingerprint, tempDb } from "../helpers/cli.js";
import { finished, startAcct } from "../helpers/processes.js";

function seeded(): string {
  const db = tempDb();
  expect(acct(db, EXAMPLE_PLAN).code).toBe(0);
  expect(acct(db, ["off", "add", "2026-08-03..2026-08-14", "--reason", "vacation"]).code).toBe(0);
  return db;
}

describe("acct backup", () => {
  it("writes acct-<today>.db in the current folder, owner-only, a working copy", () => {
    const db = seeded();
    const cwd = join(dirname(db), "here");
    mkdirSync(cwd);
    const before = fingerprint(db);
    const result = acct(db, ["backup"], { cwd });
    expect(result.code, result.stderr).toBe(0);
    const out = join(cwd, "acct-2026-03-12.db");
    expect(result.stdout).toContain(out);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(fingerprint(out)).toBe(before);
    expect(fingerprint(db)).toBe(before);
    expect(acct(out, ["check"]).code).toBe(0);
  });

  it("--out FILE, --json", () => {
    const db = seeded();
    const out = join(dirname(db), "copy.db");
    const json = acctJson<{ path: string; bytes: number }>(db, ["backup", "--out", out]);
    expect(json.path).toBe(out);
    expect(json.bytes).toBe(statSync(out).size);
    expect(acctJson<unknown[]>(out, ["off", "list"])).toHaveLength(1);
  });

  it("refuses to overwrite a file: exit 2, the file untouched", () => {
    const db = seeded();
    const out = join(dirname(db), "taken.db");
    writeFileSync(out, "mine");
    expectUsageError(acct(db, ["backup", "--out", out]), /already exists/);
    expect(fileBytes(out).toString()).toBe("mine");
  });

  it("a missing folder or the data file itself as --out: exit 2", () => {
    const db = seeded();
    expectUsageError(acct(db, ["backup", "--out", join(dirname(db), "no", "x.db")]), /does not exist/);
    expectUsageError(acct(db, ["backup", "--out", db]), /already exists/);
  });

  it("no data file: exit 1, nothing created", () => {
    const db = tempDb();
    const result = acct(db, ["backup", "--out", join(dirname(db), "x.db")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: no acct database at /);
    expect(existsSync(db)).toBe(false);
    expect(existsSync(join(dirname(db), "x.db"))).toBe(false);
  });

  it("copies a consistent state while another process is writing", async () => {
    const db = seeded();
    const writer = new Database(db);
    writer.exec("BEGIN IMMEDIATE; INSERT INTO days_off (from_date, to_date, reason) VALUES ('2026-09-01', '2026-09-01', 'uncommitted');");
    const out = join(dirname(db), "online.db");
    try {
      const result = await finished(startAcct(db, ["backup", "--out", out]));
      expect(result.code, result.stderr).toBe(0);
    } finally {
      writer.exec("COMMIT");
      writer.close();
    }
    expect(acctJson<{ reason: string }[]>(out, ["off", "list"]).map((d) => d.reason)).toEqual(["vacation"]);
  });
});

describe("acct check", () => {
  it("summarises what the file holds and changes nothing", () => {
    const db = seeded();
    const before = fileBytes(db);
    const report = acctJson<{ ok: boolean; integrity: string[]; foreignKeys: string[]; summary: Record<string, unknown> }>(db, ["check"]);
    expect(report.ok).toBe(true);
    expect(report.integrity).toEqual([]);
    expect(report.foreignKeys).toEqual([]);
    expect(report.summary).toMatchObject({ entries: 0, firstDate: null, plans: [2026], daysOff: 1, blocks: 0, commitments: 0, reviews: 0 });
    expect(report.summary.bytes).toBeGreaterThan(0);
    const text = acct(db, ["check"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`: ok\\n\\s+schema version\\s+${SCHEMA_VERSION}\\n`));
    expect(text.stdout).toMatch(/plans\s+2026/);
    expect(fileBytes(db).equals(before)).toBe(true);
  });

  it("a broken foreign key makes it not ok: exit 1, the report still printed", () => {
    const db = seeded();
    const raw = new Database(db);
    raw.pragma("foreign_keys = OFF");
    raw.prepare("INSERT INTO block_marks (block_id, date, status) VALUES (42, '2026-03-10', 'done')").run();
    raw.close();
    const result = acct(db, ["check", "--json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).foreignKeys).toEqual(["block_marks row 1 points at a missing blocks row"]);
    expect(result.stderr).toMatch(/^acct: .* failed the integrity check\n/);
  });

  it("no data file: exit 1 and no file created", () => {
    const db = tempDb();
    const result = acct(db, ["check"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: no acct database at /);
    expect(existsSync(db)).toBe(false);
  });

  it("unknown flag: exit 2", () => {
    expectUsageError(acct(seeded(), ["check", "--fix"]), /unknown option/);
  });
});

/**
 * `acct backup` as only a process shows it: into the current folder by
 * default, and a consistent copy while another process holds a write
 * transaction. The rest of backup and check is tested in process
 * (test/cli/backup-check.test.ts).
 */
import { mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, fingerprint, tempDb } from "../helpers/cli.js";
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

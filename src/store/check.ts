/** What `acct check` asks of a file: SQLite's own checks and a count of what it holds. */
import { statSync } from "node:fs";
import type { Db } from "./connection.js";
import { SCHEMA_VERSION } from "./migrations.js";
import type { CheckReport, FileSummary } from "../domain/check.js";

const MAX_PROBLEMS = 50;

/** Runs integrity_check and foreign_key_check, then summarises the file when it can be read. */
export function checkFile(db: Db, path: string): CheckReport {
  const integrity = runCheck(() => (db.prepare(`PRAGMA integrity_check(${MAX_PROBLEMS})`).pluck().all() as string[]).filter((line) => line !== "ok"));
  const foreignKeys = runCheck(() =>
    (db.prepare("PRAGMA foreign_key_check").all() as { table: string; rowid: number | null; parent: string }[])
      .slice(0, MAX_PROBLEMS)
      .map((r) => `${r.table} row ${r.rowid ?? "?"} points at a missing ${r.parent} row`),
  );
  let summary: FileSummary | null = null;
  try {
    summary = summarise(db, path);
  } catch (error) {
    integrity.push(`cannot summarise: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { path, ok: integrity.length === 0 && foreignKeys.length === 0 && summary !== null, integrity, foreignKeys, summary };
}

function runCheck(check: () => string[]): string[] {
  try {
    return check();
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

function count(db: Db, sql: string): number {
  return db.prepare(sql).pluck().get() as number;
}

function summarise(db: Db, path: string): FileSummary {
  const span = db.prepare("SELECT min(date) AS first, max(date) AS last FROM entries WHERE deleted_at IS NULL").get() as {
    first: string | null;
    last: string | null;
  };
  const sizeOf = (file: string) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  return {
    schemaVersion: db.pragma("user_version", { simple: true }) as number,
    currentSchemaVersion: SCHEMA_VERSION,
    entries: count(db, "SELECT count(*) FROM entries WHERE deleted_at IS NULL"),
    removedEntries: count(db, "SELECT count(*) FROM entries WHERE deleted_at IS NOT NULL"),
    firstDate: span.first,
    lastDate: span.last,
    plans: db.prepare("SELECT year FROM plans ORDER BY year").pluck().all() as number[],
    daysOff: count(db, "SELECT count(*) FROM days_off"),
    blocks: count(db, "SELECT count(*) FROM blocks WHERE deleted_at IS NULL"),
    commitments: count(db, "SELECT count(*) FROM commitments"),
    reviews: count(db, "SELECT count(*) FROM reviews"),
    bytes: sizeOf(path) + sizeOf(`${path}-wal`),
  };
}

/**
 * The undo journal. A write records, for every row it touches, the row as it
 * was before (or null if the write created it); `undoLast` puts those rows
 * back. Table and column names come from this program, never from input.
 */
import type { Db } from "./connection.js";

type Value = string | number | null;
type Row = Record<string, Value>;

/** One touched row (by key), or a run of rows inserted by id (bulk import). */
export type Change = { table: string; key: Row; before: Row | null } | { table: string; insertedIds: { from: number; to: number } };

/** Collects the before-images of one write; `save` stores them as one undoable step. */
export class JournalEntry {
  private readonly changes: Change[] = [];

  constructor(private readonly db: Db) {}

  /** Call before updating or deleting the row with `key`. */
  before(table: string, key: Row): void {
    const where = Object.keys(key)
      .map((k) => `${k} = @${k}`)
      .join(" AND ");
    const row = (this.db.prepare(`SELECT * FROM ${table} WHERE ${where}`).get(key) as Row | undefined) ?? null;
    this.changes.push({ table, key, before: row });
  }

  /** Call after inserting the row with `key`. */
  inserted(table: string, key: Row): void {
    this.changes.push({ table, key, before: null });
  }

  /** Call after inserting rows with ids `from`…`to`. */
  insertedRange(table: string, from: number, to: number): void {
    this.changes.push({ table, insertedIds: { from, to } });
  }

  save(summary: string, at: string): void {
    if (this.changes.length === 0) return;
    this.db.prepare("INSERT INTO journal (at, summary, changes) VALUES (?, ?, ?)").run(at, summary, JSON.stringify(this.changes));
  }
}

/** Reverses the most recent change not yet undone. Returns its summary, or null when there is none. */
export function undoLast(db: Db): string | null {
  const last = db.prepare("SELECT id, summary, changes FROM journal WHERE undone = 0 ORDER BY id DESC LIMIT 1").get() as
    | { id: number; summary: string; changes: string }
    | undefined;
  if (!last) return null;
  const changes = JSON.parse(last.changes) as Change[];
  for (const change of changes.reverse()) restore(db, change);
  db.prepare("UPDATE journal SET undone = 1 WHERE id = ?").run(last.id);
  return last.summary;
}

function restore(db: Db, change: Change): void {
  if ("insertedIds" in change) {
    db.prepare(`DELETE FROM ${change.table} WHERE id BETWEEN ? AND ?`).run(change.insertedIds.from, change.insertedIds.to);
    return;
  }
  const where = Object.keys(change.key)
    .map((k) => `${k} = @k_${k}`)
    .join(" AND ");
  const keyParams = Object.fromEntries(Object.entries(change.key).map(([k, v]) => [`k_${k}`, v]));
  if (change.before === null) {
    db.prepare(`DELETE FROM ${change.table} WHERE ${where}`).run(keyParams);
    return;
  }
  const columns = Object.keys(change.before);
  const exists = db.prepare(`SELECT 1 FROM ${change.table} WHERE ${where}`).get(keyParams);
  if (exists) {
    const set = columns.map((c) => `${c} = @${c}`).join(", ");
    db.prepare(`UPDATE ${change.table} SET ${set} WHERE ${where}`).run({ ...change.before, ...keyParams });
  } else {
    db.prepare(`INSERT INTO ${change.table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`).run(change.before);
  }
}

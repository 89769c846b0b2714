/** The `blocks` and `block_marks` tables. */
import type { Block, BlockMark, LoggedTypes, MarkStatus, StoredBlock } from "../domain/blocks.js";
import type { IsoDate, Weekday } from "../domain/dates.js";
import { INSTALL_ID } from "../domain/settings.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

interface BlockRow {
  id: number;
  label: string;
  days: string;
  start_min: number;
  end_min: number;
  activity: string | null;
  created_at: string;
}

/** Minutes after midnight of a creation stamp, as written (`2026-03-12T10:05:00`, or with a space); 0 when it carries no time. */
function stampMinutes(stamp: string): number {
  const m = /^\d{4}-\d{2}-\d{2}[T ](\d{2}):(\d{2})/.exec(stamp);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

function toBlock(row: BlockRow): StoredBlock {
  return {
    id: row.id,
    label: row.label,
    days: row.days.split(",") as Weekday[],
    startMin: row.start_min,
    endMin: row.end_min,
    activity: row.activity,
    createdOn: row.created_at.slice(0, 10),
    createdMin: stampMinutes(row.created_at),
  };
}

/** Live (not removed) blocks with the day each was added, by id. */
export function listBlocks(db: Db): StoredBlock[] {
  const rows = db
    .prepare("SELECT id, label, days, start_min, end_min, activity, created_at FROM blocks WHERE deleted_at IS NULL ORDER BY id")
    .all() as BlockRow[];
  return rows.map(toBlock);
}

/** Done/skipped marks dated `from`…`to`. */
export function listBlockMarks(db: Db, from: IsoDate, to: IsoDate): BlockMark[] {
  const rows = db.prepare("SELECT block_id, date, status, reason FROM block_marks WHERE date BETWEEN ? AND ? ORDER BY date, block_id").all(from, to) as {
    block_id: number;
    date: string;
    status: MarkStatus;
    reason: string | null;
  }[];
  return rows.map((r) => ({ blockId: r.block_id, date: r.date, status: r.status, reason: r.reason }));
}

/**
 * Per day from `from` to `to`, which of `types` have at least one entry
 * logged that day (from daily_totals, one row per day and type): what keeps
 * a block with an activity.
 */
export function loggedTypesBetween(db: Db, from: IsoDate, to: IsoDate, types: readonly string[]): LoggedTypes {
  const out = new Map<IsoDate, Set<string>>();
  if (types.length === 0 || from > to) return out;
  const rows = db
    .prepare(`SELECT date, type FROM daily_totals WHERE date BETWEEN ? AND ? AND entries > 0 AND type IN (${types.map(() => "?").join(", ")})`)
    .all(from, to, ...types) as { date: string; type: string }[];
  for (const r of rows) {
    const day = out.get(r.date) ?? new Set<string>();
    day.add(r.type);
    out.set(r.date, day);
  }
  return out;
}

export interface BlockInput {
  label: string;
  days: Weekday[];
  startMin: number;
  endMin: number;
  activity: string | null;
}

/** A live block by id, or null. */
export function getBlock(db: Db, id: number): Block | null {
  const row = db.prepare("SELECT id, label, days, start_min, end_min, activity, created_at FROM blocks WHERE id = ? AND deleted_at IS NULL").get(id) as
    | BlockRow
    | undefined;
  return row ? toBlock(row) : null;
}

/** Adds a block; `at` is the creation stamp. */
export function insertBlock(db: Db, input: BlockInput, at: string, journal: JournalEntry): Block {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO blocks (label, days, start_min, end_min, activity, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .run(input.label, input.days.join(","), input.startMin, input.endMin, input.activity, at);
  const id = Number(lastInsertRowid);
  journal.inserted("blocks", { id });
  ensureInstallId(db);
  return { id, ...input, createdOn: at.slice(0, 10), createdMin: stampMinutes(at) };
}

/** Soft-deletes a live block (undo restores it); null when there is none with `id`. */
export function removeBlock(db: Db, id: number, at: string, journal: JournalEntry): Block | null {
  const block = getBlock(db, id);
  if (!block) return null;
  journal.before("blocks", { id });
  db.prepare("UPDATE blocks SET deleted_at = ? WHERE id = ?").run(at, id);
  return block;
}

/** Marks one occurrence done or skipped, replacing an earlier mark of that date. */
export function markBlock(db: Db, mark: BlockMark, journal: JournalEntry): BlockMark {
  journal.before("block_marks", { block_id: mark.blockId, date: mark.date });
  db.prepare(
    `INSERT INTO block_marks (block_id, date, status, reason) VALUES (?, ?, ?, ?)
     ON CONFLICT (block_id, date) DO UPDATE SET status = excluded.status, reason = excluded.reason`,
  ).run(mark.blockId, mark.date, mark.status, mark.reason);
  return mark;
}

/** This database's random id, which keeps exported calendar UIDs stable and distinct from other databases'; null before the first block. */
export function getInstallId(db: Db): string | null {
  const row = db.prepare("SELECT value FROM settings WHERE key = ?").get(INSTALL_ID) as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * Creates the install id if missing. Deliberately not journaled: undoing the
 * write that created it must not change the identity of later exports.
 */
export function ensureInstallId(db: Db): string {
  db.prepare("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)").run(INSTALL_ID, globalThis.crypto.randomUUID()); // the global: importing node:crypto costs every run ~2 ms
  return getInstallId(db) as string;
}

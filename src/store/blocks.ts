/** The `blocks` and `block_marks` tables. */
import type { Block, BlockMark, MarkStatus } from "../domain/blocks.js";
import type { IsoDate, Weekday } from "../domain/dates.js";
import type { Db } from "./connection.js";

interface BlockRow {
  id: number;
  label: string;
  days: string;
  start_min: number;
  end_min: number;
  activity: string | null;
}

function toBlock(row: BlockRow): Block {
  return {
    id: row.id,
    label: row.label,
    days: row.days.split(",") as Weekday[],
    startMin: row.start_min,
    endMin: row.end_min,
    activity: row.activity,
  };
}

/** Live (not removed) blocks, by id. */
export function listBlocks(db: Db): Block[] {
  const rows = db.prepare("SELECT id, label, days, start_min, end_min, activity FROM blocks WHERE deleted_at IS NULL ORDER BY id").all() as BlockRow[];
  return rows.map(toBlock);
}

/** Done/skipped marks dated `from`…`to`. */
export function listBlockMarks(db: Db, from: IsoDate, to: IsoDate): BlockMark[] {
  const rows = db
    .prepare("SELECT block_id, date, status, reason FROM block_marks WHERE date BETWEEN ? AND ? ORDER BY date, block_id")
    .all(from, to) as { block_id: number; date: string; status: MarkStatus; reason: string | null }[];
  return rows.map((r) => ({ blockId: r.block_id, date: r.date, status: r.status, reason: r.reason }));
}

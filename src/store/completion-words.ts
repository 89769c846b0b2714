/** Cheap lookups for shell completion: ids of what a command may name. */
import type { Db } from "./connection.js";

/** Ids of blocks that are not removed. */
export function listBlockIds(db: Db): number[] {
  return db.prepare("SELECT id FROM blocks WHERE deleted_at IS NULL ORDER BY id").pluck().all() as number[];
}

/** Ids of commitments still open (the ones done, drop and carry act on). */
export function listOpenCommitmentIds(db: Db): number[] {
  return db.prepare("SELECT id FROM commitments WHERE status = 'open' ORDER BY id").pluck().all() as number[];
}

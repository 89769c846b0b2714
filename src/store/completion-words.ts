/** Cheap lookups for shell completion: ids of what a command may name. */
import { schemaOf, type Db } from "./connection.js";

/** Ids of blocks that are not removed. */
export function listBlockIds(db: Db): number[] {
  return db.prepare("SELECT id FROM blocks WHERE deleted_at IS NULL ORDER BY id").pluck().all() as number[];
}

/** Ids of commitments still open (the ones done, drop and carry act on). */
export function listOpenCommitmentIds(db: Db): number[] {
  return db.prepare("SELECT id FROM commitments WHERE status = 'open' ORDER BY id").pluck().all() as number[];
}

/** Ids of open deals (the ones stage, review, won and lost act on). */
export function listOpenOppIds(db: Db): number[] {
  if (schemaOf(db) < 7) return [];
  return db.prepare("SELECT id FROM opportunities WHERE status = 'open' ORDER BY id").pluck().all() as number[];
}

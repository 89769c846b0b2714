/** The `commitments` table, and each commitment's measured progress from `daily_totals`. */
import { viewCommitments, type Commitment, type CommitmentView, type StoredStatus } from "../domain/commitments.js";
import type { IsoDate } from "../domain/dates.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

/** A row of the commitments table as stored. */
export interface CommitmentRow {
  id: number;
  text: string;
  due: string;
  metric: string | null;
  target: number | null;
  created_on: string;
  status: StoredStatus;
  closed_on: string | null;
  carried_from: number | null;
}

export function toCommitment(row: CommitmentRow): Commitment {
  return {
    id: row.id,
    text: row.text,
    due: row.due,
    metric: row.metric,
    target: row.target,
    createdOn: row.created_on,
    stored: row.status,
    closedOn: row.closed_on,
    carriedFrom: row.carried_from,
  };
}

/**
 * Every commitment, oldest first; with `dueFrom`, only those a page about
 * the days from `dueFrom` on can show: still open (missed ones and measured
 * ones included), due from that day, or part of a carried-over chain (whose
 * length every link needs). Years of deal actions closed long ago stay unread.
 */
export function listCommitments(db: Db, dueFrom?: IsoDate): Commitment[] {
  const where =
    dueFrom === undefined
      ? ""
      : `WHERE status = 'open' OR due >= @dueFrom OR carried_from IS NOT NULL
           OR id IN (SELECT carried_from FROM commitments WHERE carried_from IS NOT NULL)`;
  const rows = db
    .prepare(`SELECT id, text, due, metric, target, created_on, status, closed_on, carried_from FROM commitments ${where} ORDER BY id`)
    .all(dueFrom === undefined ? {} : { dueFrom }) as CommitmentRow[];
  return rows.map(toCommitment);
}

/** For each commitment with a metric: the count of its type's entries dated from its creation to its due date. */
export function commitmentProgress(db: Db): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT c.id AS id, coalesce(sum(t.count), 0) AS progress
       FROM commitments c LEFT JOIN daily_totals t ON t.type = c.metric AND t.date BETWEEN c.created_on AND c.due
       WHERE c.metric IS NOT NULL GROUP BY c.id`,
    )
    .all() as { id: number; progress: number }[];
  return new Map(rows.map((r) => [r.id, r.progress]));
}

/** Every commitment as it stands on `today` (status, progress, times carried); with `dueFrom`, those listCommitments keeps. */
export function loadCommitments(db: Db, today: IsoDate, dueFrom?: IsoDate): CommitmentView[] {
  return viewCommitments(listCommitments(db, dueFrom), commitmentProgress(db), today);
}

export interface NewCommitment {
  text: string;
  due: IsoDate;
  metric: string | null;
  target: number | null;
  createdOn: IsoDate;
  carriedFrom: number | null;
  /** The deal and the review whose action it is (SPEC "Pipeline and big-deal reviews"). */
  opp?: number | null;
  review?: number | null;
}

export function insertCommitment(db: Db, c: NewCommitment, journal: JournalEntry): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO commitments (text, due, metric, target, created_on, carried_from, opp, review) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
    .run(c.text, c.due, c.metric, c.target, c.createdOn, c.carriedFrom, c.opp ?? null, c.review ?? null);
  const id = Number(lastInsertRowid);
  journal.inserted("commitments", { id });
  return id;
}

/** Marks a commitment done or dropped on `on`. */
export function closeCommitment(db: Db, id: number, status: "done" | "dropped", on: IsoDate, journal: JournalEntry): void {
  journal.before("commitments", { id });
  db.prepare("UPDATE commitments SET status = ?, closed_on = ? WHERE id = ?").run(status, on, id);
}

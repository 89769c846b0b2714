/** The `reviews` table: what the seller concluded at each weekly audit. */
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

/** The spec's review object. */
export interface Review {
  id: number;
  week: string;
  rating: number;
  wins: string | null;
  misses: string | null;
  change: string | null;
}

export type NewReview = Omit<Review, "id">;

const COLUMNS = "id, week, rating, wins, misses, change";

/** Every review, oldest week first. */
export function listReviews(db: Db): Review[] {
  return db.prepare(`SELECT ${COLUMNS} FROM reviews ORDER BY week, id`).all() as Review[];
}

/** The latest review of a week before `week` (ISO week strings sort in time order), or null. */
export function previousReview(db: Db, week: string): Review | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM reviews WHERE week < ? ORDER BY week DESC, id DESC LIMIT 1`).get(week) as Review | undefined) ?? null;
}

/** The latest `count` reviews of weeks up to `week` (included), oldest first. */
export function latestReviews(db: Db, week: string, count: number): Review[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM reviews WHERE week <= ? ORDER BY week DESC, id DESC LIMIT ?`).all(week, count) as Review[];
  return rows.reverse();
}

/** The reviews of the weeks `from`…`to` (ISO weeks), in week order. */
export function reviewsBetween(db: Db, from: string, to: string): Review[] {
  return db.prepare(`SELECT ${COLUMNS} FROM reviews WHERE week BETWEEN ? AND ? ORDER BY week, id`).all(from, to) as Review[];
}

/** Stores the review of `review.week`, replacing an earlier one of the same week (one review per week). */
export function saveReview(db: Db, review: NewReview, at: string, journal: JournalEntry): Review {
  const existing = db.prepare("SELECT id FROM reviews WHERE week = ?").get(review.week) as { id: number } | undefined;
  if (existing) {
    journal.before("reviews", { id: existing.id });
    db.prepare("UPDATE reviews SET rating = ?, wins = ?, misses = ?, change = ?, created_at = ? WHERE id = ?").run(
      review.rating,
      review.wins,
      review.misses,
      review.change,
      at,
      existing.id,
    );
    return { id: existing.id, ...review };
  }
  const { lastInsertRowid } = db
    .prepare("INSERT INTO reviews (week, rating, wins, misses, change, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .run(review.week, review.rating, review.wins, review.misses, review.change, at);
  const id = Number(lastInsertRowid);
  journal.inserted("reviews", { id });
  return { id, ...review };
}

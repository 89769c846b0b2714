/** The `buddy_notes` table: what the buddy said back about a week (SPEC "The buddy loop"). */
import type { BuddyNote } from "../domain/audit.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

/** Records what the buddy said about `note.week`; undoable. */
export function addBuddyNote(db: Db, note: BuddyNote, at: string, journal: JournalEntry): number {
  const { lastInsertRowid } = db.prepare("INSERT INTO buddy_notes (week, text, created_at) VALUES (?, ?, ?)").run(note.week, note.text, at);
  const id = Number(lastInsertRowid);
  journal.inserted("buddy_notes", { id });
  return id;
}

/** The latest note about a week before `week` (ISO week strings sort in time order; the later of one week's notes), or null. */
export function buddyNoteBefore(db: Db, week: string): BuddyNote | null {
  // An older file read as it is (a read-only file or folder is not upgraded) has no notes yet.
  if ((db.pragma("user_version", { simple: true }) as number) < 5) return null;
  return (db.prepare("SELECT week, text FROM buddy_notes WHERE week < ? ORDER BY week DESC, id DESC LIMIT 1").get(week) as BuddyNote | undefined) ?? null;
}

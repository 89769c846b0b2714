/** The `settings` key/value table (buddy, preferences). */
import type { Weekday } from "../domain/dates.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

export function getSetting(db: Db | null, key: string): string | null {
  if (!db) return null;
  const row = db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** The `week-start` setting: the first day of the week in displays. */
export function getWeekStart(db: Db | null): Weekday {
  return getSetting(db, "week-start") === "sun" ? "sun" : "mon";
}

export function setSetting(db: Db, key: string, value: string | null, journal: JournalEntry): void {
  journal.before("settings", { key });
  if (value === null) db.prepare("DELETE FROM settings WHERE key = ?").run(key);
  else db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
}

export function listSettings(db: Db | null): Record<string, string> {
  if (!db) return {};
  const rows = db.prepare("SELECT key, value FROM settings ORDER BY key").all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

/** The `settings` key/value table (buddy, preferences). */
import type { Weekday } from "../domain/dates.js";
import { BUDDY_EMAIL, BUDDY_NAME, settingSpec } from "../domain/settings.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

export function getSetting(db: Db | null, key: string): string | null {
  if (!db) return null;
  const row = db.prepare("SELECT value FROM settings WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * The `currency` setting as `acct config set` accepts it, else `$`: a value
 * written into the file some other way (a restore, another program) is not
 * shown in place of money.
 */
export function getCurrency(db: Db | null): string {
  const stored = getSetting(db, "currency");
  if (stored === null) return "$";
  try {
    return settingSpec("currency").parse(stored) === stored ? stored : "$";
  } catch {
    return "$";
  }
}

export interface Buddy {
  name: string;
  email: string | null;
}

/** The buddy stored in settings, or null. */
export function getBuddy(db: Db | null): Buddy | null {
  const name = getSetting(db, BUDDY_NAME);
  return name === null ? null : { name, email: getSetting(db, BUDDY_EMAIL) };
}

/** The `day-start` setting in minutes after midnight (default 09:00). */
export function getDayStart(db: Db | null): number {
  const [h, m] = (getSetting(db, "day-start") ?? "09:00").split(":").map(Number);
  return Number.isInteger(h) && Number.isInteger(m) ? (h as number) * 60 + (m as number) : 9 * 60;
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

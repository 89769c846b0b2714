/** The preferences a user sets once with `acct config`: keys, defaults and validation. */
import { AcctError, usageError } from "./errors.js";
import { formatTime, parseEmail, parseHours, parseName, parseTime, parseWholeNumber } from "./parse.js";
import { closest } from "./suggest.js";

export interface SettingSpec {
  key: string;
  description: string;
  /** The value used while the key is not set. */
  default: string;
  /** Examples of accepted values, for hints. */
  accepts: string;
  /** Validates what the user typed and returns the value to store; throws a usage error. */
  parse(input: string): string;
}

function parseCurrency(input: string): string {
  const text = input.trim();
  // A currency sign ($ € £ ¥ ₹ …) or a short code (EUR, kr, CHF).
  if (/^\p{Sc}$/u.test(text) || /^[A-Za-z]{1,3}$/.test(text)) return text;
  throw usageError(`currency '${input}' is not a currency symbol or a 1–3 letter code`, "e.g. $, €, £ or EUR");
}

function parseWeekStart(input: string): string {
  const text = input.trim().toLowerCase();
  if (text === "mon" || text === "monday") return "mon";
  if (text === "sun" || text === "sunday") return "sun";
  throw usageError(`week-start '${input}' must be mon or sun`);
}

export const SETTINGS: readonly SettingSpec[] = [
  {
    key: "currency",
    description: "currency symbol or code shown before money",
    default: "$",
    accepts: "$, €, £, EUR",
    parse: parseCurrency,
  },
  {
    key: "week-start",
    description: "first day of the week when weekdays are listed (ISO weeks stay Monday–Sunday)",
    default: "mon",
    accepts: "mon, sun",
    parse: parseWeekStart,
  },
  {
    key: "hours-per-day",
    description: "default working hours a day for acct plan set",
    default: "8",
    accepts: "a number above 0, at most 24",
    parse: (input) => String(parseHours(input)),
  },
  {
    key: "day-start",
    description: "when the working day starts: today's plan counts from then, pro rata over the hours a day",
    default: "09:00",
    accepts: "a time like 08:30",
    parse: (input) => formatTime(parseTime(input, "day-start")),
  },
  {
    key: "calls-per-hour",
    description: "default calls per hour for acct block suggest",
    default: "15",
    accepts: "a whole number 1–1000",
    parse: (input) => String(parseWholeNumber(input, "calls per hour", 1, 1000)),
  },
];

/** The spec of a setting key, or a usage error naming the closest key. */
export function settingSpec(key: string): SettingSpec {
  const name = key.trim().toLowerCase();
  const spec = SETTINGS.find((s) => s.key === name);
  if (spec) return spec;
  const keys = SETTINGS.map((s) => s.key);
  const suggestion = closest(name, keys);
  throw usageError(`unknown setting '${key}'`, suggestion ? `did you mean '${suggestion}'? (settings: ${keys.join(", ")})` : `settings: ${keys.join(", ")}`);
}

/** Keys acct keeps in the settings table besides the preferences above. */
export const BUDDY_NAME = "buddy.name";
export const BUDDY_EMAIL = "buddy.email";
/** The database's random id, which names its calendar events (UIDs). */
export const INSTALL_ID = "install-id";

/** How the stored keys that are not preferences are checked: each returns the value as acct would store it. */
const STORED_KEYS: Record<string, (value: string) => string> = {
  [BUDDY_NAME]: (value) => parseName(value, "buddy name"),
  [BUDDY_EMAIL]: parseEmail,
  [INSTALL_ID]: (value) => {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value)) throw usageError(`install id ${JSON.stringify(value)} is not letters, digits, '.', '-' or '_'`);
    return value;
  },
};

/**
 * Checks a settings row as a data file holds it (a restore): a known key
 * whose value is what `acct config set` (or `acct buddy set`) would store.
 * Throws a usage error saying what is wrong.
 */
export function checkStoredSetting(key: string, value: string): void {
  const parse = (Object.hasOwn(STORED_KEYS, key) ? STORED_KEYS[key] : undefined) ?? SETTINGS.find((s) => s.key === key)?.parse;
  if (parse === undefined) {
    throw usageError(`unknown setting ${JSON.stringify(key)}`, `settings: ${[...SETTINGS.map((s) => s.key), ...Object.keys(STORED_KEYS)].join(", ")}`);
  }
  let stored: string;
  try {
    stored = parse(value);
  } catch (error) {
    if (error instanceof AcctError) throw usageError(`setting ${key}: ${error.message}`, error.hint);
    throw error;
  }
  if (stored !== value) throw usageError(`setting ${key} is ${JSON.stringify(value)}, not as acct stores it (${JSON.stringify(stored)})`);
}

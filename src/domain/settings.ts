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

/** The open stages a deal moves through, in order, when `stages` is not set. */
export const DEFAULT_STAGES = ["qualify", "discovery", "proposal", "negotiation"] as const;
/** Their win probabilities, in percent. */
export const DEFAULT_STAGE_PROBABILITIES = [10, 25, 50, 75] as const;
const MAX_STAGES = 12;

/** `qualify, discovery, proposal` → `qualify,discovery,proposal`: names of letters, digits and `-`, lower case, unique. */
export function parseStages(input: string): string {
  const names = input.split(",").map((s) => s.trim().toLowerCase());
  if (names.length === 0 || names.some((n) => n === "")) throw usageError(`stages '${input}' has an empty name`, "e.g. qualify,discovery,proposal,negotiation");
  for (const name of names) {
    if (!/^[a-z][a-z0-9-]{0,29}$/.test(name))
      throw usageError(
        `stage '${name}' is not a name of letters, digits and '-' (at most 30, starting with a letter)`,
        "e.g. qualify,discovery,proposal,negotiation",
      );
  }
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) throw usageError(`stage '${twice}' is named twice`);
  if (names.length > MAX_STAGES) throw usageError(`${names.length} stages is more than ${MAX_STAGES}`);
  return names.join(",");
}

/** `10, 25%, 50` → `10,25,50`: win probabilities in percent, each above 0 and below 100. */
export function parseStageProbabilities(input: string): string {
  const values = input.split(",").map((s) => s.trim().replace(/%$/, "").trim());
  for (const v of values) {
    const n = Number(v);
    if (v === "" || !/^\d+(\.\d+)?$/.test(v) || !(n > 0 && n < 100))
      throw usageError(`stage probability '${v}' is not a percentage above 0 and below 100`, "e.g. 10,25,50,75 (one per stage, in percent)");
  }
  if (values.length > MAX_STAGES) throw usageError(`${values.length} probabilities is more than ${MAX_STAGES}`);
  return values.map((v) => String(Number(v))).join(",");
}

function parseCoverageGoal(input: string): string {
  const text = input.trim().replace(/[x×]$/i, "");
  const n = Number(text);
  if (text === "" || !/^\d+(\.\d+)?$/.test(text) || !(n > 0 && n <= 100))
    throw usageError(`coverage-goal '${input}' is not a number above 0, at most 100`, "e.g. 3 (3× the revenue still needed)");
  return String(n);
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
  {
    key: "stages",
    description: "a deal's open stages, in order (acct opp)",
    default: DEFAULT_STAGES.join(","),
    accepts: "names separated by commas, e.g. qualify,demo,proposal",
    parse: parseStages,
  },
  {
    key: "stage-probabilities",
    description: "each stage's chance to win, in percent (weighted pipeline)",
    default: DEFAULT_STAGE_PROBABILITIES.join(","),
    accepts: "one percentage per stage, e.g. 10,25,50,75",
    parse: parseStageProbabilities,
  },
  {
    key: "idle-days",
    description: "an open deal with nothing on it for this many days is idle",
    default: "14",
    accepts: "a whole number 1–365",
    parse: (input) => String(parseWholeNumber(input, "idle-days", 1, 365)),
  },
  {
    key: "sales-cycle",
    description: "days from opening a deal to winning it, until won deals show your own (coach, audit)",
    default: "30",
    accepts: "a whole number of days 1–730",
    parse: (input) => String(parseWholeNumber(input, "sales-cycle", 1, 730)),
  },
  {
    key: "coverage-goal",
    description: "open pipeline wanted, as a multiple of the revenue still needed",
    default: "3",
    accepts: "a number above 0, e.g. 3",
    parse: parseCoverageGoal,
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

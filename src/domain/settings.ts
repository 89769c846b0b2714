/** The preferences a user sets once with `acct config`: keys, defaults and validation. */
import { usageError } from "./errors.js";
import { parseHours, parseWholeNumber } from "./parse.js";
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

/**
 * Parsers for everything a user types. Each returns the stored form or throws
 * a usage error (exit 2) that says what was expected.
 */
import { groupDigits } from "./digits.js";
import { usageError } from "./errors.js";
import { DATE_FORMS, type DateSense, type DateWordOptions, resolveDateWord, weekdayFromName } from "./date-words.js";
import { daysInMonth, isoWeekRange, isSupportedYear, isValidIsoDate, YEAR_RANGE, WEEKDAYS, type IsoDate, type Weekday } from "./dates.js";

export { weekdayFromName } from "./date-words.js";
export type { DateWordOptions } from "./date-words.js";

export const MAX_MONEY_CENTS = 1e12 * 100;
export const MAX_COUNT = 100_000;
export const MAX_TEXT = 500;

const MONEY = /^[$€£¥]?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([kKmM])?$/;

/** Money (`42000`, `42,000`, `42k`, `1.5m`, `$42,000.50`) → integer cents, in (0, 1e12] units. */
export function parseMoney(input: string, what = "amount"): number {
  const text = input.trim();
  const m = MONEY.exec(text);
  if (!m) throw usageError(`${what} '${input}' is not a money amount`, "use e.g. 42000, 42,000, 42k, 1.5m or $42,000.50");
  const number = Number((m[1] as string).replace(/,/g, ""));
  const suffix = (m[2] ?? "").toLowerCase();
  const units = number * (suffix === "k" ? 1e3 : suffix === "m" ? 1e6 : 1);
  const cents = Math.round(units * 100);
  if (Math.abs(units * 100 - cents) > 1e-6) throw usageError(`${what} '${input}' has fractions of a cent`);
  if (cents <= 0) throw usageError(`${what} must be more than zero (got '${input}')`);
  if (cents > MAX_MONEY_CENTS) throw usageError(`${what} '${input}' is too large (at most 1,000,000,000,000)`);
  return cents;
}

/** Whether `cents` is money as stored: whole cents, more than zero, at most 1e12 units. */
export function isMoneyCents(cents: unknown): cents is number {
  return typeof cents === "number" && Number.isInteger(cents) && cents > 0 && cents <= MAX_MONEY_CENTS;
}

/**
 * The smallest rate a plan is built on (0.1 %). SPEC.md says (0, 1]; below
 * this the cascade asks for more calls than anyone could make (1e-300 gave
 * "Infinity calls"), and the rate would show as "0.0%".
 */
export const MIN_RATE = 0.001;

/** Whether `rate` is a rate: at least 0.1 %, at most 1. */
export function isRate(rate: unknown): rate is number {
  return typeof rate === "number" && rate >= MIN_RATE && rate <= 1;
}

/** A rate (`0.25` or `25%`) in [0.001, 1]. */
export function parseRate(input: string, what = "rate"): number {
  const text = input.trim();
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(%)?$/.exec(text);
  if (!m) throw usageError(`${what} '${input}' is not a rate`, "use a fraction like 0.25 or a percentage like 25%");
  const rate = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  if (!isRate(rate)) throw usageError(`${what} must be at least 0.1% and at most 100% (got '${input}')`);
  return rate;
}

/** A whole number in [min, max]. */
export function parseWholeNumber(input: string, what: string, min: number, max: number): number {
  const text = input.trim();
  if (!/^[+-]?\d+$/.test(text)) throw usageError(`${what} '${input}' is not a whole number`);
  const n = Number(text);
  if (n < min || n > max) throw usageError(`${what} must be from ${min} to ${groupDigits(max)} (got '${input}')`);
  return n;
}

/** A count of activity: whole number 1…100000. */
export function parseCount(input: string, what = "count"): number {
  return parseWholeNumber(input, what, 1, MAX_COUNT);
}

/** Minutes spent with a customer: whole number 0…100000. */
export function parseMinutes(input: string): number {
  return parseWholeNumber(input, "minutes", 0, MAX_COUNT);
}

/** Free text (contact, note, labels): 1…500 characters, stored verbatim; no NUL character (SQLite and terminals cut text there). */
export function parseText(input: string, what = "text"): string {
  if (input.trim() === "") throw usageError(`${what} must not be empty`);
  if (input.includes("\0")) throw usageError(`${what} contains a NUL character`);
  const length = [...input].length;
  if (length > MAX_TEXT) throw usageError(`${what} is ${length} characters long; the most is ${MAX_TEXT}`);
  return input;
}

/**
 * A date that says when something happened (an entry, a mark, a day off, a
 * report's date): `YYYY-MM-DD` or a word of the vocabulary (date-words.ts),
 * where a bare weekday is the most recent such day, today included. With
 * `workdays`, `eow`, `eom` and `eoq` end on those weekdays (default mon–fri).
 */
export function parseDate(input: string, today: IsoDate, what = "date", options: DateWordOptions = {}): IsoDate {
  return readDate(input, today, what, "happened", options);
}

/**
 * A due date (commitments, actions, close dates): like parseDate, but a bare
 * weekday is the next such day after today, and a date before today is
 * refused (`today` itself is allowed).
 */
export function parseDueDate(value: string, today: IsoDate, options: DateWordOptions = {}, what = "due date"): IsoDate {
  const due = readDate(value, today, what, "due", options);
  if (due < today) {
    const named = value.trim() === due ? due : `'${value.trim()}' (${due})`;
    throw usageError(`${what} ${named} is in the past (today is ${today})`, `a ${what} is today or later: e.g. fri, next fri, eow, +3d`);
  }
  return due;
}

function readDate(input: string, today: IsoDate, what: string, sense: DateSense, options: DateWordOptions): IsoDate {
  const word = resolveDateWord(input, today, sense, options, what);
  if (word !== null) return word;
  const text = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (!isSupportedYear(Number(text.slice(0, 4)))) throw usageError(`${what} '${input}' is outside the years acct handles (${YEAR_RANGE})`);
    if (!isValidIsoDate(text)) throw usageError(`${what} '${input}' does not exist`);
    return text;
  }
  throw usageError(`${what} '${input}' is not a date`, `use ${DATE_FORMS}`);
}

/** A date or an inclusive range `A..B`. */
export function parseDateRange(input: string, today: IsoDate, options: DateWordOptions = {}): { from: IsoDate; to: IsoDate } {
  const parts = input.split("..");
  if (parts.length > 2) throw usageError(`'${input}' is not a date or a range A..B`);
  const from = parseDate(parts[0] ?? "", today, "date", options);
  const to = parts.length === 2 ? parseDate(parts[1] ?? "", today, "date", options) : from;
  if (to < from) throw usageError(`range '${input}' ends before it starts`);
  return { from, to };
}

/** An ISO week `YYYY-Www` → its Monday and Sunday. */
export function parseWeek(input: string): { week: string; from: IsoDate; to: IsoDate } {
  const m = /^(\d{4})-?[wW](\d{1,2})$/.exec(input.trim());
  if (m && !isSupportedYear(Number(m[1]))) throw usageError(`week '${input}' is outside the years acct handles (${YEAR_RANGE})`);
  const range = m ? isoWeekRange(Number(m[1]), Number(m[2])) : null;
  if (!m || !range) throw usageError(`week '${input}' is not an ISO week`, "use YYYY-Www, e.g. 2026-W11");
  return { week: `${m[1]}-W${(m[2] as string).padStart(2, "0")}`, ...range };
}

/** A month `YYYY-MM` → its id and its first and last days. */
export function parseMonth(input: string): { id: string; from: IsoDate; to: IsoDate } {
  const m = /^(\d{4})-(\d{2})$/.exec(input.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw usageError(`month '${input}' is not a month`, "use YYYY-MM, e.g. 2026-03");
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (!isSupportedYear(year)) throw usageError(`month '${input}' is outside the years acct handles (${YEAR_RANGE})`);
  const id = `${m[1]}-${m[2]}`;
  return { id, from: `${id}-01`, to: `${id}-${String(daysInMonth(year, month)).padStart(2, "0")}` };
}

/** A quarter `YYYY-Qn` → its id and its first and last days (Q1 is January to March). */
export function parseQuarter(input: string): { id: string; from: IsoDate; to: IsoDate } {
  const m = /^(\d{4})-?[qQ]([1-4])$/.exec(input.trim());
  if (!m) throw usageError(`quarter '${input}' is not a quarter`, "use YYYY-Qn, e.g. 2026-Q1 (Q1 is January to March)");
  const year = Number(m[1]);
  if (!isSupportedYear(year)) throw usageError(`quarter '${input}' is outside the years acct handles (${YEAR_RANGE})`);
  const first = (Number(m[2]) - 1) * 3 + 1;
  const last = first + 2;
  const month = (n: number) => `${m[1]}-${String(n).padStart(2, "0")}`;
  return { id: `${m[1]}-Q${m[2]}`, from: `${month(first)}-01`, to: `${month(last)}-${daysInMonth(year, last)}` };
}

/** A year acct handles: four digits, FIRST_YEAR…LAST_YEAR. */
export function parseYear(input: string): number {
  if (!/^\d{4}$/.test(input.trim())) throw usageError(`year '${input}' is not a year like 2026`);
  const year = Number(input);
  if (!isSupportedYear(year)) throw usageError(`year '${input}' is outside the years acct handles (${YEAR_RANGE})`);
  return year;
}

/** A comma-separated list of weekdays, e.g. `mon,tue,wed`, in week order. */
export function parseWeekdays(input: string, what = "workdays"): Weekday[] {
  const names = input
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0) throw usageError(`${what} must name at least one weekday`);
  const days = new Set<Weekday>();
  for (const name of names) {
    const day = weekdayFromName(name);
    if (!day) throw usageError(`'${name}' is not a weekday`, "use mon, tue, wed, thu, fri, sat, sun");
    days.add(day);
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

/** The largest month weight: a year of days at this weight still sums to a finite number. */
export const MAX_SEASONALITY_WEIGHT = 1e9;

/** Twelve non-negative month weights, not all zero. */
export function parseSeasonality(input: string): number[] {
  const parts = input.split(",").map((s) => s.trim());
  if (parts.length !== 12) throw usageError(`seasonality needs 12 month weights, got ${parts.length}`, "e.g. 1,1,1.2,1,1,1,0.8,0.6,1,1.1,1.2,1");
  const weights = parts.map((p) => {
    if (!/^(\d+(\.\d+)?|\.\d+)$/.test(p)) throw usageError(`seasonality weight '${p}' is not a number of zero or more`);
    return Number(p);
  });
  checkSeasonality(weights);
  return weights;
}

/** Checks month weights as stored: twelve numbers from 0 to MAX_SEASONALITY_WEIGHT, not all zero. */
export function checkSeasonality(weights: readonly unknown[]): number[] {
  if (weights.length !== 12) throw usageError(`seasonality needs 12 month weights, got ${weights.length}`, "e.g. 1,1,1.2,1,1,1,0.8,0.6,1,1.1,1.2,1");
  for (const w of weights) {
    if (typeof w !== "number" || !(w >= 0)) throw usageError(`seasonality weight ${JSON.stringify(w)} is not a number of zero or more`);
    if (w > MAX_SEASONALITY_WEIGHT) throw usageError(`seasonality weight ${w} is too large (at most ${groupDigits(MAX_SEASONALITY_WEIGHT)})`);
  }
  if (weights.every((w) => w === 0)) throw usageError("seasonality weights must not all be zero");
  return weights as number[];
}

/** Hours in a working day: (0, 24]. */
export function parseHours(input: string): number {
  const text = input.trim();
  const hours = /^(\d+(\.\d+)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!isHoursPerDay(hours)) throw usageError(`hours per day must be a number above 0 and at most 24 (got '${input}')`);
  return hours;
}

/** Whether `hours` is a working day's length: above 0, at most 24. */
export function isHoursPerDay(hours: unknown): hours is number {
  return typeof hours === "number" && hours > 0 && hours <= 24;
}

/** A time of day `HH:MM` (24-hour) → minutes after midnight. */
export function parseTime(input: string, what = "time"): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(input.trim());
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw usageError(`${what} '${input}' is not a time of day`, "use 24-hour HH:MM, e.g. 08:00 or 13:30");
  return minutes;
}

/** Minutes after midnight → `HH:MM`. */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The last minute of a day: times of day are 0 (00:00) to this (23:59). */
export const LAST_MINUTE = 23 * 60 + 59;

/**
 * An email address, plain: `name@example.com`. Nothing that would change the
 * mailto: link it goes into (`?`, `&`, `%`, `#`), no spaces or line breaks.
 */
export function parseEmail(input: string): string {
  const email = input.trim();
  if (email.length > 254 || !/^[A-Za-z0-9._+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(email)) {
    throw usageError(`${JSON.stringify(input)} is not an email address`, "use a plain address, e.g. sam@example.com (no spaces, ?, & or %)");
  }
  return email;
}

/** A name (a buddy's): text on one line, no control characters, trimmed. */
export function parseName(input: string, what = "name"): string {
  const name = parseText(input, what).trim();
  if (/[\p{Cc}\u2028\u2029]/u.test(name)) throw usageError(`${what} must be one line of text without control characters`);
  return name;
}

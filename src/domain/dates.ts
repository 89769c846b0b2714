/**
 * Calendar dates as `YYYY-MM-DD` strings and day numbers (days since
 * 1970-01-01). All arithmetic is in UTC so no time zone or DST can shift a day.
 */

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * The years acct handles. A plan year's last ISO week and the day after
 * December 31 must still be four-digit dates, which they are up to 9998.
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 9998;
export const YEAR_RANGE = `${FIRST_YEAR}–${LAST_YEAR}`;

/** True when `year` is one acct handles (FIRST_YEAR…LAST_YEAR). */
export function isSupportedYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** True when `text` is a real calendar date written `YYYY-MM-DD`, in a year acct handles. */
export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isSupportedYear(y) || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days in month `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number of a valid ISO date. */
export function toDayNumber(date: IsoDate): number {
  // Days from civil (H. Hinnant): plain arithmetic, no Date objects; reports walk thousands of days.
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Weekday index 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: IsoDate): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((toDayNumber(date) + 3) % 7) + 7) % 7;
}

/** Weekday name (`mon`…`sun`). */
export function weekdayOf(date: IsoDate): Weekday {
  return WEEKDAYS[weekdayIndex(date)] as Weekday;
}

/** `days` in the order of a week that starts on `weekStart` (the `week-start` setting). */
export function inWeekOrder(days: readonly Weekday[], weekStart: Weekday = "mon"): Weekday[] {
  const from = WEEKDAYS.indexOf(weekStart);
  const position = (d: Weekday) => (WEEKDAYS.indexOf(d) - from + 7) % 7;
  return [...days].sort((a, b) => position(a) - position(b));
}

/** Monday of the ISO week containing `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -weekdayIndex(date));
}

/** The ISO week (`YYYY-Www`) containing `date`. */
export function isoWeekOf(date: IsoDate): string {
  // The ISO year is the year of the week's Thursday.
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Monday and Sunday of ISO week `week` of ISO year `year`, or null if the year has no such week. */
export function isoWeekRange(year: number, week: number): { from: IsoDate; to: IsoDate } | null {
  if (week < 1 || week > 53) return null;
  const jan4 = `${String(year).padStart(4, "0")}-01-04`;
  const from = addDays(mondayOf(jan4), (week - 1) * 7);
  if (isoWeekOf(from) !== `${year}-W${String(week).padStart(2, "0")}`) return null;
  return { from, to: addDays(from, 6) };
}

/** Each date from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = toDayNumber(from), end = toDayNumber(to); d <= end; d++) out.push(fromDayNumber(d));
  return out;
}

/** The later / earlier of two ISO dates (string order is date order). */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/**
 * The date vocabulary (SPEC, Conventions: dates): what `fri`, `last fri`,
 * `next fri`, `+3d`, `-2w`, `eow`, `eom` and `eoq` mean on a given day.
 *
 * The calendar jumps (to a weekday, to the end of a week, month or quarter)
 * are date-fns's, run on UTC dates: a calendar date has no time zone, and a
 * local one is not always a day that happened there (Pacific/Kiritimati
 * skipped 1994-12-31, Pacific/Apia 2011-12-30). Counting days stays with the
 * day numbers of dates.ts, which is simpler and faster.
 */
import { UTCDateMini } from "@date-fns/utc/date/mini";
import { addMonths } from "date-fns/addMonths";
import { addQuarters } from "date-fns/addQuarters";
import { addWeeks } from "date-fns/addWeeks";
import { lastDayOfISOWeek } from "date-fns/lastDayOfISOWeek";
import { lastDayOfMonth } from "date-fns/lastDayOfMonth";
import { lastDayOfQuarter } from "date-fns/lastDayOfQuarter";
import { nextDay } from "date-fns/nextDay";
import { previousDay } from "date-fns/previousDay";
import { startOfISOWeek } from "date-fns/startOfISOWeek";
import type { Day } from "date-fns";
import { addDays, FIRST_YEAR, fromDayNumber, LAST_YEAR, toDayNumber, weekdayOf, WEEKDAYS, YEAR_RANGE, type IsoDate, type Weekday } from "./dates.js";
import { usageError } from "./errors.js";

/**
 * What a date says, which decides what a bare weekday name means: when
 * something happened (entries, marks, days off, report dates: the most recent
 * such day, today included) or when something is due (commitments: the next
 * such day after today).
 */
export type DateSense = "happened" | "due";

export interface DateWordOptions {
  /**
   * The working weekdays `eow`, `eom` and `eoq` end on (default mon–fri);
   * days off are not looked at. A function is called only when a word needs
   * them, so a caller may read them from the plan lazily.
   */
  workdays?: readonly Weekday[] | (() => readonly Weekday[] | null);
}

export const DEFAULT_WORKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

/** The forms a date can take, for hints. */
export const DATE_FORMS = "YYYY-MM-DD, today, yesterday, tomorrow, a weekday (fri, last fri, next fri), +3d, -2d, +2w, eow, eom or eoq";

const WEEKDAY_NAMES = new Map<string, Weekday>();
for (const [i, full] of ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].entries()) {
  const short = WEEKDAYS[i] as Weekday;
  WEEKDAY_NAMES.set(short, short);
  WEEKDAY_NAMES.set(full, short);
}

/** A weekday name (`mon`, `Monday`, …) or null. */
export function weekdayFromName(input: string): Weekday | null {
  return WEEKDAY_NAMES.get(input.trim().toLowerCase()) ?? null;
}

const FIRST_DAY = toDayNumber(`${FIRST_YEAR}-01-01`);
const LAST_DAY = toDayNumber(`${LAST_YEAR}-12-31`);

/**
 * The date a word names on `today`, or null when `input` is none of the
 * words (a `YYYY-MM-DD` date, say). Case and extra spaces do not matter.
 * Throws a usage error (exit 2) for a malformed word (`next xyz`, `+3x`) or a
 * date outside the years acct handles.
 */
export function resolveDateWord(input: string, today: IsoDate, sense: DateSense, options: DateWordOptions = {}, what = "date"): IsoDate | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const outside = () => usageError(`${what} '${input}' is outside the years acct handles (${YEAR_RANGE})`);
  const checked = (date: IsoDate) => {
    if (!(toDayNumber(date) >= FIRST_DAY && toDayNumber(date) <= LAST_DAY)) throw outside();
    return date;
  };

  if (text === "today") return today;
  if (text === "yesterday") return checked(addDays(today, -1));
  if (text === "tomorrow") return checked(addDays(today, 1));

  const offset = /^([+-]) ?(\d+) ?([a-z]*)$/.exec(text);
  if (offset) {
    const unit = offset[3] as string;
    if (unit !== "d" && unit !== "w") throw usageError(`${what} '${input}' is not a date`, "count days or weeks from today: +3d, -2d, +2w, -1w");
    const days = Number(offset[2]) * (unit === "w" ? 7 : 1) * (offset[1] === "-" ? -1 : 1);
    const day = toDayNumber(today) + days;
    // Checked before it becomes a date: +99999999999d must not reach the calendar.
    if (!(day >= FIRST_DAY && day <= LAST_DAY)) throw outside();
    return fromDayNumber(day);
  }

  const weekday = weekdayFromName(text);
  if (weekday) return checked(sense === "due" ? toIso(nextDay(utcDate(today), dayOfWeek(weekday))) : onOrBefore(today, weekday));

  const relative = /^(last|next) (.+)$/.exec(text);
  if (relative) {
    const day = weekdayFromName(relative[2] as string);
    if (!day) throw usageError(`${what} '${input}': '${relative[2]}' is not a weekday`, `use ${relative[1]} mon … ${relative[1]} sun, e.g. ${relative[1]} fri`);
    // The weekday of the previous or next ISO week (Monday–Sunday), whatever today is.
    const jump =
      relative[1] === "last" ? previousDay(startOfISOWeek(utcDate(today)), dayOfWeek(day)) : nextDay(lastDayOfISOWeek(utcDate(today)), dayOfWeek(day));
    return checked(toIso(jump));
  }

  if (text === "eow" || text === "eom" || text === "eoq") {
    const given = typeof options.workdays === "function" ? options.workdays() : options.workdays;
    const workdays = given && given.length > 0 ? given : DEFAULT_WORKDAYS;
    const [periodEnd, following] = PERIOD_ENDS[text];
    // The last working day of this period; once it has passed, of the next one.
    const thisOne = lastWorkingDay(toIso(periodEnd(utcDate(today))), workdays);
    if (thisOne >= today) return checked(thisOne);
    return checked(lastWorkingDay(toIso(periodEnd(following(utcDate(today), 1))), workdays));
  }
  return null;
}

/** A date whose getters and setters are UTC's (the minimal UTCDate has the same shape). */
type UtcDate = InstanceType<typeof UTCDateMini>;
type Jump = (date: UtcDate) => UtcDate;
const PERIOD_ENDS: Record<"eow" | "eom" | "eoq", [end: Jump, add: (date: UtcDate, n: number) => UtcDate]> = {
  eow: [lastDayOfISOWeek, addWeeks],
  eom: [lastDayOfMonth, addMonths],
  eoq: [lastDayOfQuarter, addQuarters],
};

/** `date` if it is a working day, else the working day before it (a week, month or quarter holds every weekday). */
function lastWorkingDay(date: IsoDate, workdays: readonly Weekday[]): IsoDate {
  let day = date;
  for (let i = 0; i < 6 && !workdays.includes(weekdayOf(day)); i++) day = addDays(day, -1);
  return day;
}

/** The most recent `weekday`, today included. */
function onOrBefore(today: IsoDate, weekday: Weekday): IsoDate {
  return weekdayOf(today) === weekday ? today : toIso(previousDay(utcDate(today), dayOfWeek(weekday)));
}

/** date-fns numbers weekdays from Sunday (0) to Saturday (6). */
function dayOfWeek(weekday: Weekday): Day {
  return ((WEEKDAYS.indexOf(weekday) + 1) % 7) as Day;
}

/** `YYYY-MM-DD` → midnight UTC, in a Date whose getters and setters are UTC's, so date-fns works in UTC. */
function utcDate(date: IsoDate): UtcDate {
  return new UTCDateMini(toDayNumber(date) * 86_400_000);
}

function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

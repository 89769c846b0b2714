/**
 * The working-day calendar: which days count as working days, given the
 * plan's workdays and the user's days off.
 */
import { daysBetween, daysInMonth, toDayNumber, WEEKDAYS, type IsoDate, type Weekday } from "./dates.js";
import { usageError } from "./errors.js";

export interface DayOffRange {
  from: IsoDate;
  to: IsoDate;
}

export interface WorkCalendar {
  workdays: readonly Weekday[];
  isDayOff(date: IsoDate): boolean;
  isWorkingDay(date: IsoDate): boolean;
  /** Working days from `from` to `to`, both included. */
  countWorkingDays(from: IsoDate, to: IsoDate): number;
}

/** Builds a calendar from workdays and day-off ranges. */
export function makeCalendar(workdays: readonly Weekday[], daysOff: readonly DayOffRange[]): WorkCalendar {
  // Day numbers, not strings: reports count working days over whole years many times.
  const off = new Set<number>();
  for (const range of daysOff) for (let d = toDayNumber(range.from), end = toDayNumber(range.to); d <= end; d++) off.add(d);
  const weekdays = new Set(workdays.map((w) => WEEKDAYS.indexOf(w)));
  const weekdayOf = (day: number): number => (((day + 3) % 7) + 7) % 7; // day 0, 1970-01-01, was a Thursday
  const works = (day: number): boolean => weekdays.has(weekdayOf(day)) && !off.has(day);
  return {
    workdays,
    isDayOff: (date) => off.has(toDayNumber(date)),
    isWorkingDay: (date) => works(toDayNumber(date)),
    countWorkingDays(from, to) {
      const start = toDayNumber(from);
      const end = toDayNumber(to);
      if (start > end) return 0;
      // Whole weeks hold every workday once; then the days left over; then the days off that fell on workdays.
      const weeks = Math.floor((end - start + 1) / 7);
      let n = weeks * weekdays.size;
      for (let d = start + weeks * 7; d <= end; d++) if (weekdays.has(weekdayOf(d))) n++;
      for (const d of off) if (d >= start && d <= end && weekdays.has(weekdayOf(d))) n--;
      return n;
    },
  };
}

/** `YYYY-MM` of month `month` (1–12). */
export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** First and last day of a month (1–12). */
export function monthRange(year: number, month: number): { from: IsoDate; to: IsoDate } {
  const key = monthKey(year, month);
  return { from: `${key}-01`, to: `${key}-${String(daysInMonth(year, month)).padStart(2, "0")}` };
}

/** Working days in each of the 12 months of `year`. */
export function workingDaysByMonth(year: number, calendar: WorkCalendar): number[] {
  return Array.from({ length: 12 }, (_, i) => {
    const { from, to } = monthRange(year, i + 1);
    return calendar.countWorkingDays(from, to);
  });
}

/** The longest range of days off, in days. */
export const MAX_DAYS_OFF_RANGE = 366;

/** Checks a range of days off: it ends on or after its start, and is at most a year long. */
export function checkDayOffRange(range: DayOffRange, what = `range ${range.from}..${range.to}`): void {
  if (range.to < range.from) throw usageError(`${what} ends before it starts`);
  if (daysBetween(range.from, range.to) >= MAX_DAYS_OFF_RANGE) throw usageError(`${what} is longer than a year`);
}

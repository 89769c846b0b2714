/**
 * The working-day calendar: which days count as working days, given the
 * plan's workdays and the user's days off.
 */
import { daysInMonth, eachDay, weekdayOf, type IsoDate, type Weekday } from "./dates.js";

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
  const off = new Set<IsoDate>();
  for (const range of daysOff) for (const day of eachDay(range.from, range.to)) off.add(day);
  const days = new Set(workdays);
  const isDayOff = (date: IsoDate): boolean => off.has(date);
  const isWorkingDay = (date: IsoDate): boolean => days.has(weekdayOf(date)) && !off.has(date);
  return {
    workdays,
    isDayOff,
    isWorkingDay,
    countWorkingDays(from, to) {
      let n = 0;
      for (const day of eachDay(from, to)) if (isWorkingDay(day)) n++;
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

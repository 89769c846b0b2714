/** The `plans`, `days_off`, `custom_types` and `weekly_targets` tables. */
import type { PlanInput, PlanUnit } from "../domain/cascade.js";
import { makeCalendar, type DayOffRange, type WorkCalendar } from "../domain/calendar.js";
import { buildPlan, type Plan } from "../domain/plan.js";
import type { Weekday } from "../domain/dates.js";
import type { Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

interface PlanRow {
  year: number;
  unit: PlanUnit;
  target: number;
  deal_size: number | null;
  win_rate: number;
  meeting_rate: number;
  call_rate: number;
  workdays: string;
  seasonality: string;
  hours_per_day: number;
  customer_time: number | null;
}

function toPlanInput(row: PlanRow): PlanInput {
  return {
    year: row.year,
    unit: row.unit,
    target: row.target,
    dealSizeCents: row.deal_size,
    winRate: row.win_rate,
    meetingRate: row.meeting_rate,
    callRate: row.call_rate,
    workdays: row.workdays.split(",") as Weekday[],
    seasonality: JSON.parse(row.seasonality) as number[],
    hoursPerDay: row.hours_per_day,
    customerTime: row.customer_time,
  };
}

export function getPlanInput(db: Db, year: number): PlanInput | null {
  const row = db.prepare("SELECT * FROM plans WHERE year = ?").get(year) as PlanRow | undefined;
  return row ? toPlanInput(row) : null;
}

export function savePlanInput(db: Db, plan: PlanInput, at: string, journal: JournalEntry): void {
  journal.before("plans", { year: plan.year });
  db.prepare(
    `INSERT INTO plans (year, unit, target, deal_size, win_rate, meeting_rate, call_rate, workdays, seasonality, hours_per_day, customer_time, updated_at)
     VALUES (@year, @unit, @target, @dealSize, @winRate, @meetingRate, @callRate, @workdays, @seasonality, @hoursPerDay, @customerTime, @at)
     ON CONFLICT (year) DO UPDATE SET unit = excluded.unit, target = excluded.target, deal_size = excluded.deal_size,
       win_rate = excluded.win_rate, meeting_rate = excluded.meeting_rate, call_rate = excluded.call_rate,
       workdays = excluded.workdays, seasonality = excluded.seasonality, hours_per_day = excluded.hours_per_day,
       customer_time = excluded.customer_time, updated_at = excluded.updated_at`,
  ).run({
    year: plan.year,
    unit: plan.unit,
    target: plan.target,
    dealSize: plan.dealSizeCents,
    winRate: plan.winRate,
    meetingRate: plan.meetingRate,
    callRate: plan.callRate,
    workdays: plan.workdays.join(","),
    seasonality: JSON.stringify(plan.seasonality),
    hoursPerDay: plan.hoursPerDay,
    customerTime: plan.customerTime,
    at,
  });
}

export interface DayOff extends DayOffRange {
  id: number;
  reason: string | null;
}

export function listDaysOff(db: Db): DayOff[] {
  return db
    .prepare("SELECT id, from_date AS \"from\", to_date AS \"to\", reason FROM days_off ORDER BY from_date, id")
    .all() as DayOff[];
}

export function addDayOff(db: Db, range: DayOffRange, reason: string | null, journal: JournalEntry): DayOff {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO days_off (from_date, to_date, reason) VALUES (?, ?, ?)")
    .run(range.from, range.to, reason);
  const id = Number(lastInsertRowid);
  journal.inserted("days_off", { id });
  return { id, ...range, reason };
}

/** Removes a day-off range; false when no such id. */
export function removeDayOff(db: Db, id: number, journal: JournalEntry): DayOff | null {
  const row = listDaysOff(db).find((d) => d.id === id);
  if (!row) return null;
  journal.before("days_off", { id });
  db.prepare("DELETE FROM days_off WHERE id = ?").run(id);
  return row;
}

export function listCustomTypes(db: Db): string[] {
  return (db.prepare("SELECT name FROM custom_types ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

export function addCustomType(db: Db, name: string, at: string, journal: JournalEntry): void {
  db.prepare("INSERT INTO custom_types (name, created_at) VALUES (?, ?)").run(name, at);
  journal.inserted("custom_types", { name });
}

/** Weekly targets of non-cascade types (email and custom types). */
export function listWeeklyTargets(db: Db): Map<string, number> {
  const rows = db.prepare("SELECT type, target FROM weekly_targets ORDER BY type").all() as { type: string; target: number }[];
  return new Map(rows.map((r) => [r.type, r.target]));
}

export function setWeeklyTarget(db: Db, type: string, target: number, journal: JournalEntry): void {
  journal.before("weekly_targets", { type });
  db.prepare("INSERT INTO weekly_targets (type, target) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET target = excluded.target").run(type, target);
}

/** A year's plan and the working-day calendar it is spread over. */
export interface LoadedPlan {
  plan: Plan;
  calendar: WorkCalendar;
}

/** A year's plan spread over its calendar, or null when the year has no plan. */
export function loadPlan(db: Db, year: number): LoadedPlan | null {
  const input = getPlanInput(db, year);
  if (!input) return null;
  const calendar = makeCalendar(input.workdays, listDaysOff(db));
  return { plan: buildPlan(input, calendar), calendar };
}

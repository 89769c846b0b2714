/**
 * The plan's tables: `plans` (a year's first plan, with its start and opening
 * balance), `plan_revisions`, `days_off`, `custom_types`, and the weekly
 * targets of other types (`weekly_targets`, from always; `target_changes`,
 * from a day). Every change to the plan carries a number in the order it was
 * recorded (`seq`), from which the schedule is rebuilt.
 */
import type { PlanInput, PlanUnit } from "../domain/cascade.js";
import { makeCalendar, type DayOffRange, type WorkCalendar } from "../domain/calendar.js";
import { buildPlan, type Plan } from "../domain/plan.js";
import type { IsoDate, Weekday } from "../domain/dates.js";
import { buildSchedule, type DayOffEvent, type Revision, type Schedule, type TypeTarget } from "../domain/schedule.js";
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

interface FirstPlanRow extends PlanRow {
  start_date: string | null;
  opening: string;
  note: string | null;
  seq: number;
  updated_at: string;
}

interface RevisionRow extends PlanRow {
  id: number;
  from_date: string;
  note: string | null;
  seq: number;
  created_at: string;
}

/** A year's first plan as told: its inputs, the day it starts, what was done before it. */
export interface FirstPlan {
  input: PlanInput;
  start: IsoDate;
  opening: Record<string, number>;
  note: string | null;
  seq: number;
  at: string;
}

/** A revision as stored. */
export interface StoredRevision extends Revision {
  id: number;
  at: string;
}

/**
 * Whether the file has revision 2's plan tables (schema 4). An older file
 * read as it is (a read-only file or folder is not upgraded) has one plan a
 * year, days off deleted outright, and weekly targets from always.
 */
function hasRevisions(db: Db): boolean {
  return (db.pragma("user_version", { simple: true }) as number) >= 4;
}

/** The next number in the order changes to the plan are recorded. */
export function nextChangeSeq(db: Db): number {
  const row = db
    .prepare(
      `SELECT max(coalesce((SELECT max(seq) FROM plans), 0), coalesce((SELECT max(seq) FROM plan_revisions), 0),
              coalesce((SELECT max(added_seq) FROM days_off), 0), coalesce((SELECT max(removed_seq) FROM days_off), 0)) AS seq`,
    )
    .get() as { seq: number };
  return row.seq + 1;
}

export function getFirstPlan(db: Db, year: number): FirstPlan | null {
  const row = db.prepare("SELECT * FROM plans WHERE year = ?").get(year) as (Partial<FirstPlanRow> & PlanRow & { updated_at: string }) | undefined;
  if (!row) return null;
  return {
    input: toPlanInput(row),
    start: row.start_date ?? `${year}-01-01`,
    opening: JSON.parse(row.opening ?? "{}") as Record<string, number>,
    note: row.note ?? null,
    seq: row.seq ?? 1,
    at: row.updated_at,
  };
}

/** The year's revisions after its first plan, in the order they take effect. */
export function listRevisions(db: Db, year: number): StoredRevision[] {
  if (!hasRevisions(db)) return [];
  const rows = db.prepare("SELECT * FROM plan_revisions WHERE year = ? ORDER BY from_date").all(year) as RevisionRow[];
  return rows.map((r) => ({ id: r.id, seq: r.seq, from: r.from_date, note: r.note, input: toPlanInput(r), at: r.created_at }));
}

/** The plan in effect now: the latest revision's inputs, else the first plan's. */
export function getPlanInput(db: Db, year: number): PlanInput | null {
  const first = getFirstPlan(db, year);
  if (!first) return null;
  return listRevisions(db, year).at(-1)?.input ?? first.input;
}

const planParams = (plan: PlanInput) => ({
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
});

/** Stores a year's first plan (the year has none yet). */
export function saveFirstPlan(db: Db, plan: Omit<FirstPlan, "seq">, journal: JournalEntry): void {
  db.prepare(
    `INSERT INTO plans (year, unit, target, deal_size, win_rate, meeting_rate, call_rate, workdays, seasonality, hours_per_day, customer_time, updated_at,
                        start_date, opening, note, seq)
     VALUES (@year, @unit, @target, @dealSize, @winRate, @meetingRate, @callRate, @workdays, @seasonality, @hoursPerDay, @customerTime, @at,
             @start, @opening, @note, @seq)`,
  ).run({ ...planParams(plan.input), at: plan.at, start: plan.start, opening: JSON.stringify(plan.opening), note: plan.note, seq: nextChangeSeq(db) });
  journal.inserted("plans", { year: plan.input.year });
}

/**
 * Replaces the inputs of the plan change that takes effect on `from` — the
 * first plan or a revision — keeping its day, start and opening balance: a
 * correction made the same day rewrites nothing that has passed.
 */
export function replacePlanOn(db: Db, year: number, from: IsoDate, input: PlanInput, note: string | null, at: string, journal: JournalEntry): void {
  const set = `unit = @unit, target = @target, deal_size = @dealSize, win_rate = @winRate, meeting_rate = @meetingRate, call_rate = @callRate,
               workdays = @workdays, seasonality = @seasonality, hours_per_day = @hoursPerDay, customer_time = @customerTime, note = coalesce(@note, note)`;
  const params = { ...planParams(input), note, at, from };
  const revision = db.prepare("SELECT id FROM plan_revisions WHERE year = ? AND from_date = ?").get(year, from) as { id: number } | undefined;
  if (revision) {
    journal.before("plan_revisions", { id: revision.id });
    db.prepare(`UPDATE plan_revisions SET ${set}, created_at = @at WHERE id = @id`).run({ ...params, id: revision.id });
  } else {
    journal.before("plans", { year });
    db.prepare(`UPDATE plans SET ${set}, updated_at = @at WHERE year = @year`).run(params);
  }
}

/** Stores a revision of a year's plan, in effect from `from`. */
export function addRevision(db: Db, revision: { input: PlanInput; from: IsoDate; note: string | null; at: string }, journal: JournalEntry): StoredRevision {
  const seq = nextChangeSeq(db);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO plan_revisions (year, from_date, note, unit, target, deal_size, win_rate, meeting_rate, call_rate, workdays, seasonality, hours_per_day, customer_time, seq, created_at)
       VALUES (@year, @from, @note, @unit, @target, @dealSize, @winRate, @meetingRate, @callRate, @workdays, @seasonality, @hoursPerDay, @customerTime, @seq, @at)`,
    )
    .run({ ...planParams(revision.input), from: revision.from, note: revision.note, seq, at: revision.at });
  const id = Number(lastInsertRowid);
  journal.inserted("plan_revisions", { id });
  return { id, seq, from: revision.from, note: revision.note, input: revision.input, at: revision.at };
}

export interface DayOff extends DayOffRange {
  id: number;
  reason: string | null;
}

/** The days off in force (not removed). */
export function listDaysOff(db: Db): DayOff[] {
  if (!hasRevisions(db)) return db.prepare('SELECT id, from_date AS "from", to_date AS "to", reason FROM days_off ORDER BY from_date, id').all() as DayOff[];
  return db.prepare('SELECT id, from_date AS "from", to_date AS "to", reason FROM days_off WHERE removed_seq IS NULL ORDER BY from_date, id').all() as DayOff[];
}

/** Every day-off range ever added, with when it was added and removed: the schedule's history. */
export function listDayOffEvents(db: Db): DayOffEvent[] {
  // An older file's days off were all known before its plans (seq 1).
  if (!hasRevisions(db)) return listDaysOff(db).map((d) => ({ from: d.from, to: d.to, addedSeq: 0, removedSeq: null }));
  return db
    .prepare('SELECT from_date AS "from", to_date AS "to", reason, added_seq AS addedSeq, removed_seq AS removedSeq FROM days_off ORDER BY added_seq, id')
    .all() as DayOffEvent[];
}

export function addDayOff(db: Db, range: DayOffRange, reason: string | null, journal: JournalEntry): DayOff {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO days_off (from_date, to_date, reason, added_seq) VALUES (?, ?, ?, ?)")
    .run(range.from, range.to, reason, nextChangeSeq(db));
  const id = Number(lastInsertRowid);
  journal.inserted("days_off", { id });
  return { id, ...range, reason };
}

/** Removes a day-off range; false when no such id. */
export function removeDayOff(db: Db, id: number, journal: JournalEntry): DayOff | null {
  const row = listDaysOff(db).find((d) => d.id === id);
  if (!row) return null;
  journal.before("days_off", { id });
  // Kept, marked removed: the schedule replays when it was removed.
  db.prepare("UPDATE days_off SET removed_seq = ? WHERE id = ?").run(nextChangeSeq(db), id);
  return row;
}

export function listCustomTypes(db: Db): string[] {
  return (db.prepare("SELECT name FROM custom_types ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

export function addCustomType(db: Db, name: string, at: string, journal: JournalEntry): void {
  db.prepare("INSERT INTO custom_types (name, created_at) VALUES (?, ?)").run(name, at);
  journal.inserted("custom_types", { name });
}

/** Weekly targets of other types (email, custom types) as they change over time: from always, or from a day. */
export function listTypeTargets(db: Db): TypeTarget[] {
  const always = db.prepare("SELECT type, target FROM weekly_targets").all() as { type: string; target: number }[];
  if (!hasRevisions(db)) return always.map((r) => ({ type: r.type, from: "1970-01-01", perWeek: r.target }));
  const dated = db.prepare("SELECT type, from_date, target FROM target_changes ORDER BY from_date").all() as {
    type: string;
    from_date: string;
    target: number;
  }[];
  return [
    ...always.map((r) => ({ type: r.type, from: "1970-01-01", perWeek: r.target })),
    ...dated.map((r) => ({ type: r.type, from: r.from_date, perWeek: r.target })),
  ];
}

/** The weekly target of each other type in effect on `date` (types without one are left out). */
export function weeklyTargetsOn(db: Db, date: IsoDate): Map<string, number> {
  const current = new Map<string, number>();
  for (const t of [...listTypeTargets(db)].sort((a, b) => (a.from < b.from ? -1 : 1))) if (t.from <= date) current.set(t.type, t.perWeek);
  for (const [type, target] of current) if (target === 0) current.delete(type);
  return new Map([...current].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Sets a type's weekly target from `from` on; days before keep the earlier
 * target. Changes apply in the order they are told: targets set earlier from
 * a later day are replaced by this one, not left to take over again.
 */
export function setTypeTarget(db: Db, type: string, from: IsoDate, target: number, journal: JournalEntry): void {
  const later = db.prepare("SELECT from_date FROM target_changes WHERE type = ? AND from_date > ?").pluck().all(type, from) as string[];
  for (const day of later) journal.before("target_changes", { type, from_date: day });
  db.prepare("DELETE FROM target_changes WHERE type = ? AND from_date > ?").run(type, from);
  journal.before("target_changes", { type, from_date: from });
  db.prepare("INSERT INTO target_changes (type, from_date, target) VALUES (?, ?, ?) ON CONFLICT (type, from_date) DO UPDATE SET target = excluded.target").run(
    type,
    from,
    target,
  );
}

/** A year's plan, the working-day calendar it is spread over, and its schedule of daily targets. */
export interface LoadedPlan {
  /** The plan in effect now (the latest revision), with its cascade and months. */
  plan: Plan;
  calendar: WorkCalendar;
  schedule: Schedule;
  first: FirstPlan;
  revisions: StoredRevision[];
}

/** A year's plan and its schedule, or null when the year has no plan. */
export function loadPlan(db: Db, year: number, options: { revisionsFrom?: IsoDate } = {}): LoadedPlan | null {
  const first = getFirstPlan(db, year);
  if (!first) return null;
  const { revisionsFrom } = options;
  const revisions = listRevisions(db, year).filter((r) => revisionsFrom === undefined || r.from <= revisionsFrom);
  const schedule = buildSchedule({
    year,
    opening: first.opening,
    revisions: [{ seq: first.seq, from: first.start, input: first.input, note: first.note }, ...revisions],
    daysOff: listDayOffEvents(db),
    typeTargets: listTypeTargets(db),
  });
  const input = revisions.at(-1)?.input ?? first.input;
  const calendar = makeCalendar(input.workdays, listDaysOff(db));
  return { plan: buildPlan(input, schedule), calendar, schedule, first, revisions };
}

/**
 * The plan as it stood on `asOf`: `loaded` itself, or, when a revision takes
 * effect after that day, the plan without it. Forward-looking figures of a
 * past day (a pipeline's months, a forecast) read the same after a later revision.
 */
export function planInEffectOn(db: Db, loaded: LoadedPlan, asOf: IsoDate): LoadedPlan {
  if (!loaded.revisions.some((r) => r.from > asOf)) return loaded;
  return loadPlan(db, loaded.schedule.year, { revisionsFrom: asOf }) ?? loaded;
}

/** Time blocks: weekly recurring slots, their occurrences, and how well they are kept. */
import type { WorkCalendar } from "./calendar.js";
import { addDays, eachDay, weekdayOf, type IsoDate, type Weekday } from "./dates.js";
import { failure } from "./errors.js";
import type { Plan } from "./plan.js";

export interface Block {
  id: number;
  label: string;
  days: Weekday[];
  /** Minutes after midnight. */
  startMin: number;
  endMin: number;
  activity: string | null;
  /** The day the block was added: it has no occurrences before it. */
  createdOn?: IsoDate;
  /**
   * Minutes after midnight on `createdOn` when it was added: that day's
   * occurrence exists only if it ends later (0, the whole day, when unknown).
   */
  createdMin?: number;
}

/** A block as stored: the day it was added is always known. */
export interface StoredBlock extends Block {
  createdOn: IsoDate;
}

export type MarkStatus = "done" | "skipped";

export interface BlockMark {
  blockId: number;
  date: IsoDate;
  status: MarkStatus;
  reason: string | null;
}

export interface Occurrence {
  blockId: number;
  date: IsoDate;
}

/** Each date from `from` to `to` on which a block falls (see occursOn), in date then block order. */
export function blockOccurrences(blocks: readonly Block[], from: IsoDate, to: IsoDate, calendar: WorkCalendar): Occurrence[] {
  const out: Occurrence[] = [];
  if (from > to) return out;
  for (const date of eachDay(from, to)) {
    for (const block of blocks) if (occursOn(block, date, calendar)) out.push({ blockId: block.id, date });
  }
  return out;
}

/** The distinct activity types of `blocks`: the entries that can keep them. */
export function blockActivities(blocks: readonly Block[]): string[] {
  return [...new Set(blocks.flatMap((b) => (b.activity === null ? [] : [b.activity])))];
}

/** Minutes in a day: the "now" of a day that is over, whose every occurrence has ended. */
export const DAY_MINUTES = 24 * 60;

/** Per day, the activity types with at least one entry logged that day. */
export type LoggedTypes = ReadonlyMap<IsoDate, ReadonlySet<string>>;

/**
 * Where an occurrence stands: `kept` (marked done, or kept by the entries of
 * its activity logged that day), `skipped` (marked so), `unmarked` (ended,
 * neither), `pending` (not ended yet, no mark).
 */
export type OccurrenceStatus = "kept" | "skipped" | "unmarked" | "pending";

export interface OccurrenceState {
  status: OccurrenceStatus;
  /** How a kept occurrence was kept: its mark, or the entries logged that day; null unless kept. */
  keptBy: "mark" | "log" | null;
  /** The reason given with a skip, if any. */
  reason: string | null;
}

/**
 * True when an occurrence of `block` on `date` has ended by `asOf` at
 * `nowMinutes` (minutes after midnight): a day before as-of counts whole,
 * a later day not at all, and on as-of the block's end must have come
 * (a block ending 09:30 has ended at 09:30).
 */
export function hasEnded(block: Pick<Block, "endMin">, date: IsoDate, asOf: IsoDate, nowMinutes: number): boolean {
  return date < asOf || (date === asOf && block.endMin <= nowMinutes);
}

/**
 * One occurrence's state. A mark decides (done: kept, skipped: skipped,
 * whatever was logged); without one, an occurrence is pending until it
 * ends, then kept by the log when the block has an activity and entries of
 * that type were logged that day, else unmarked.
 */
export function occurrenceState(
  block: Pick<Block, "activity">,
  mark: BlockMark | undefined,
  typesLogged: ReadonlySet<string> | undefined,
  ended: boolean,
): OccurrenceState {
  if (mark) return mark.status === "done" ? { status: "kept", keptBy: "mark", reason: mark.reason } : { status: "skipped", keptBy: null, reason: mark.reason };
  if (!ended) return { status: "pending", keptBy: null, reason: null };
  if (block.activity !== null && typesLogged?.has(block.activity)) return { status: "kept", keptBy: "log", reason: null };
  return { status: "unmarked", keptBy: null, reason: null };
}

/** An ended occurrence nobody marked, with what names it. */
export interface UnmarkedOccurrence {
  blockId: number;
  label: string;
  date: IsoDate;
  startMin: number;
  endMin: number;
}

/** The block figures of a period (the audit's `blocks`, the status glance's week). */
export interface Adherence {
  /** Occurrences that have ended by as-of (days off and days before a block existed excluded). */
  scheduled: number;
  /** Kept: marked done, or kept by the entries logged that day. */
  kept: number;
  skipped: number;
  unmarked: number;
  /** Of the kept, those kept by what was logged rather than by a mark. */
  keptByLog: number;
  /** kept ÷ (kept + skipped + unmarked), or null when nothing has ended yet. */
  adherence: number | null;
  /** The unmarked ones in date, then time order: what to mark. */
  unmarkedOccurrences: UnmarkedOccurrence[];
}

export interface AdherenceInput {
  blocks: readonly Block[];
  /** Marks of the period (others are ignored). */
  marks: readonly BlockMark[];
  /** The activity types logged per day of the period. */
  logged: LoggedTypes;
  calendar: WorkCalendar;
  from: IsoDate;
  asOf: IsoDate;
  /** Minutes after midnight on as-of; DAY_MINUTES when as-of is over. */
  nowMinutes: number;
}

/**
 * The block figures from `from` to `asOf`: every occurrence (see occursOn)
 * whose end has passed by as-of at `nowMinutes` counts once, as kept,
 * skipped or unmarked (see occurrenceState).
 */
export function computeAdherence(input: AdherenceInput): Adherence {
  const byKey = new Map(input.marks.map((m) => [`${m.blockId}@${m.date}`, m]));
  const byId = new Map(input.blocks.map((b) => [b.id, b]));
  const figures: Adherence = { scheduled: 0, kept: 0, skipped: 0, unmarked: 0, keptByLog: 0, adherence: null, unmarkedOccurrences: [] };
  for (const o of blockOccurrences(input.blocks, input.from, input.asOf, input.calendar)) {
    const block = byId.get(o.blockId) as Block;
    if (!hasEnded(block, o.date, input.asOf, input.nowMinutes)) continue;
    const state = occurrenceState(block, byKey.get(`${o.blockId}@${o.date}`), input.logged.get(o.date), true);
    figures.scheduled++;
    if (state.status === "kept") {
      figures.kept++;
      if (state.keptBy === "log") figures.keptByLog++;
    } else if (state.status === "skipped") figures.skipped++;
    else {
      figures.unmarked++;
      figures.unmarkedOccurrences.push({ blockId: block.id, label: block.label, date: o.date, startMin: block.startMin, endMin: block.endMin });
    }
  }
  figures.unmarkedOccurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.startMin - b.startMin || a.blockId - b.blockId));
  figures.adherence = figures.scheduled === 0 ? null : figures.kept / figures.scheduled;
  return figures;
}

/**
 * True when `block` has an occurrence on `date`: its weekday is one of the
 * block's days, the date is not a day off, and the block existed by then
 * (see existedFor).
 */
export function occursOn(block: Block, date: IsoDate, calendar: WorkCalendar): boolean {
  return block.days.includes(weekdayOf(date)) && !calendar.isDayOff(date) && existedFor(block, date);
}

/**
 * True when the block had been added by its occurrence on `date`: a later
 * day than the one it was added, or that day when the occurrence ends
 * after the moment it was added (a block added at 10:00 for 08:00–09:30
 * starts the next time).
 */
export function existedFor(block: Block, date: IsoDate): boolean {
  if (block.createdOn === undefined || date > block.createdOn) return true;
  return date === block.createdOn && block.endMin > (block.createdMin ?? 0);
}

/** The first date on or after `date` whose weekday is one of the block's days (days off not considered). */
export function firstWeekdayOnOrAfter(days: readonly Weekday[], date: IsoDate): IsoDate {
  for (let i = 0; i < 7; i++) {
    const day = addDays(date, i);
    if (days.includes(weekdayOf(day))) return day;
  }
  throw new Error(`no weekday given for a block starting ${date}`);
}

export interface DayItem extends OccurrenceState {
  block: Block;
}

/**
 * The blocks falling on `date` in time order (then by id), each with its
 * state (see occurrenceState) at `nowMinutes` that day; none on a day off.
 */
export function blocksOnDay(
  blocks: readonly Block[],
  date: IsoDate,
  calendar: WorkCalendar,
  marks: readonly BlockMark[],
  typesLogged: ReadonlySet<string>,
  nowMinutes: number,
): DayItem[] {
  return blocks
    .filter((b) => occursOn(b, date, calendar))
    .sort((a, b) => a.startMin - b.startMin || a.endMin - b.endMin || a.id - b.id)
    .map((block) => {
      const mark = marks.find((m) => m.blockId === block.id && m.date === date);
      return { block, ...occurrenceState(block, mark, typesLogged, hasEnded(block, date, date, nowMinutes)) };
    });
}

/** Minutes a week a block takes (its length times its days). */
export function weeklyMinutes(block: Pick<Block, "days" | "startMin" | "endMin">): number {
  return (block.endMin - block.startMin) * block.days.length;
}

/** `n` of `workdays` spread as evenly as possible over the week: 2 of mon–fri are tue and thu, 3 are mon, wed, fri. */
export function spreadDays(workdays: readonly Weekday[], n: number): Weekday[] {
  const k = workdays.length;
  const count = Math.min(Math.max(n, 0), k);
  const picked: Weekday[] = [];
  for (let i = 0; i < count; i++) picked.push(workdays[Math.floor(((i + 0.5) * k) / count)] as Weekday);
  return picked;
}

/** The granularity of proposed block lengths, and the shortest block worth proposing. */
export const SLOT_MINUTES = 15;
export const MIN_BLOCK_MINUTES = 30;

/**
 * How `needed` minutes a week split into equal blocks on `workdays`: the
 * fewest blocks of at most `maxBlock` minutes (lengths rounded up to 15
 * minutes, at least 30) whose total is the least at or above `needed`; when
 * even one block a workday is not enough, one longer block on every workday.
 */
export function splitWeeklyMinutes(needed: number, workdays: readonly Weekday[], maxBlock: number): { days: Weekday[]; minutes: number } | null {
  if (needed <= 1e-9 || workdays.length === 0) return null;
  const lengthFor = (n: number) => Math.max(MIN_BLOCK_MINUTES, Math.ceil(needed / n / SLOT_MINUTES - 1e-9) * SLOT_MINUTES);
  const fewest = Math.ceil(needed / maxBlock - 1e-9);
  if (fewest >= workdays.length) return { days: [...workdays], minutes: lengthFor(workdays.length) };
  let best = { n: fewest, total: fewest * lengthFor(fewest) };
  for (let n = fewest + 1; n <= workdays.length; n++) {
    const total = n * lengthFor(n);
    if (total < best.total) best = { n, total };
  }
  return { days: spreadDays(workdays, best.n), minutes: lengthFor(best.n) };
}

export interface SuggestInput {
  /** The plan's calls and meetings in a typical week. */
  weeklyCalls: number;
  weeklyMeetings: number;
  callsPerHour: number;
  /** Hours one meeting takes, travel and notes included. */
  hoursPerMeeting: number;
  workdays: readonly Weekday[];
  /** Blocks already there: those for calls and meetings count toward the need, and new blocks avoid them all. */
  existing: readonly Pick<Block, "days" | "startMin" | "endMin" | "activity">[];
}

export interface ProposedBlock {
  label: string;
  days: Weekday[];
  startMin: number;
  endMin: number;
  activity: "call" | "meeting";
}

export interface Proposal {
  /** Hours a week the plan needs for calls and meetings. */
  callHours: number;
  meetingHours: number;
  /** Hours a week already blocked for each. */
  existingCallHours: number;
  existingMeetingHours: number;
  blocks: ProposedBlock[];
}

export const PROSPECTING_START = 8 * 60;
export const PROSPECTING_MAX_BLOCK = 90;
export const MEETINGS_START = 14 * 60;
export const MEETINGS_MAX_BLOCK = 120;
const END_OF_DAY = 24 * 60;

/** The time a block takes in a week: its days and its hours. */
export type Slot = Pick<Block, "days" | "startMin" | "endMin">;

/** The weekdays two blocks share, in the first one's order. */
export function sharedDays(a: Pick<Slot, "days">, b: Pick<Slot, "days">): Weekday[] {
  return a.days.filter((d) => b.days.includes(d));
}

/**
 * True when two blocks overlap: they share a weekday and their times
 * intersect. Times are end-exclusive: 09:00–09:30 and 09:30–10:00 do not.
 */
export function overlaps(a: Slot, b: Slot): boolean {
  return sharedDays(a, b).length > 0 && a.startMin < b.endMin && b.startMin < a.endMin;
}

/** The first of `existing` (in its order) that `slot` overlaps (see overlaps), or null. */
export function findOverlap<T extends Slot>(slot: Slot, existing: readonly T[]): T | null {
  return existing.find((other) => overlaps(slot, other)) ?? null;
}

/** The earliest start at or after `from` where `minutes` on `days` overlap none of `taken`. */
export function firstFreeStart(taken: readonly Slot[], days: readonly Weekday[], from: number, minutes: number): number {
  let start = from;
  for (;;) {
    const clash = findOverlap({ days: [...days], startMin: start, endMin: start + minutes }, taken);
    if (!clash) return start;
    start = clash.endMin;
  }
}

/**
 * Blocks that give the plan's weekly calls and meetings enough time:
 * calls ÷ calls per hour, and meetings × hours per meeting, less what
 * existing blocks of that activity already cover (a shortfall under 15
 * minutes counts as covered), split by `splitWeeklyMinutes` into morning
 * prospecting blocks (from 08:00, up to 1.5 h) and afternoon meeting blocks
 * (from 14:00, and at least an hour after prospecting ends, up to 2 h), each
 * moved later past any block already on its days. Throws a failure when the
 * time needed does not fit in a day.
 */
export function proposeBlocks(input: SuggestInput): Proposal {
  const callHours = input.weeklyCalls / input.callsPerHour;
  const meetingHours = input.weeklyMeetings * input.hoursPerMeeting;
  const blockedFor = (activity: string) => input.existing.filter((b) => b.activity === activity).reduce((s, b) => s + weeklyMinutes(b), 0);
  const existingCall = blockedFor("call");
  const existingMeeting = blockedFor("meeting");
  const shortfall = (needed: number) => (needed >= SLOT_MINUTES ? needed : 0);
  const calls = splitWeeklyMinutes(shortfall(callHours * 60 - existingCall), input.workdays, PROSPECTING_MAX_BLOCK);
  const meetings = splitWeeklyMinutes(shortfall(meetingHours * 60 - existingMeeting), input.workdays, MEETINGS_MAX_BLOCK);
  const taken: Slot[] = [...input.existing];
  const blocks: ProposedBlock[] = [];
  let meetingsFrom = MEETINGS_START;
  if (calls) {
    const startMin = firstFreeStart(taken, calls.days, PROSPECTING_START, calls.minutes);
    const block: ProposedBlock = { label: "Prospecting", days: calls.days, startMin, endMin: startMin + calls.minutes, activity: "call" };
    blocks.push(block);
    taken.push(block);
    meetingsFrom = Math.max(MEETINGS_START, Math.ceil((block.endMin + 60) / 30) * 30);
  }
  if (meetings) {
    const startMin = firstFreeStart(taken, meetings.days, meetingsFrom, meetings.minutes);
    blocks.push({ label: "Customer meetings", days: meetings.days, startMin, endMin: startMin + meetings.minutes, activity: "meeting" });
  }
  if (blocks.some((b) => b.endMin > END_OF_DAY)) {
    throw failure(
      `the plan needs ${round1(callHours)} h of calls and ${round1(meetingHours)} h of meetings a week: more than fits in a day on ${input.workdays.join(", ")}`,
      "raise --calls-per-hour, or revisit the plan with acct plan set",
    );
  }
  return { callHours, meetingHours, existingCallHours: existingCall / 60, existingMeetingHours: existingMeeting / 60, blocks };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A typical week of a plan metric around `date`: its month's daily target
 * times the number of workdays a week (the year's average when the month has
 * no working days), so seasonality and days off shape the suggestion.
 */
export function weeklyPlanned(plan: Plan, metric: "calls" | "meetings", date: IsoDate): number {
  const month = plan.months[Number(date.slice(5, 7)) - 1];
  const perDay =
    month && month.workingDays > 0
      ? month[metric] / month.workingDays
      : plan.months.reduce((s, m) => s + m[metric], 0) /
        Math.max(
          1,
          plan.months.reduce((s, m) => s + m.workingDays, 0),
        );
  return perDay * plan.workdays.length;
}

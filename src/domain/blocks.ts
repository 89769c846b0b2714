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

export interface Adherence {
  scheduled: number;
  kept: number;
  skipped: number;
  /** kept ÷ scheduled, or null when nothing was scheduled. */
  adherence: number | null;
}

/** How many occurrences were scheduled, kept and skipped; marks on other dates are ignored. */
export function computeAdherence(occurrences: readonly Occurrence[], marks: readonly BlockMark[]): Adherence {
  const byKey = new Map(marks.map((m) => [`${m.blockId}@${m.date}`, m.status]));
  let kept = 0;
  let skipped = 0;
  for (const o of occurrences) {
    const status = byKey.get(`${o.blockId}@${o.date}`);
    if (status === "done") kept++;
    else if (status === "skipped") skipped++;
  }
  const scheduled = occurrences.length;
  return { scheduled, kept, skipped, adherence: scheduled === 0 ? null : kept / scheduled };
}

/**
 * True when `block` has an occurrence on `date`: its weekday is one of the
 * block's days, the date is not a day off, and the block existed by then.
 */
export function occursOn(block: Block, date: IsoDate, calendar: WorkCalendar): boolean {
  return block.days.includes(weekdayOf(date)) && !calendar.isDayOff(date) && (block.createdOn === undefined || date >= block.createdOn);
}

/** The first date on or after `date` whose weekday is one of the block's days (days off not considered). */
export function firstWeekdayOnOrAfter(days: readonly Weekday[], date: IsoDate): IsoDate {
  for (let i = 0; i < 7; i++) {
    const day = addDays(date, i);
    if (days.includes(weekdayOf(day))) return day;
  }
  throw new Error(`no weekday given for a block starting ${date}`);
}

export type DayStatus = "kept" | "skipped" | "pending";

export interface DayItem {
  block: Block;
  status: DayStatus;
  reason: string | null;
}

/** The blocks falling on `date` in time order (then by id), each with its mark; none on a day off. */
export function blocksOnDay(blocks: readonly Block[], date: IsoDate, calendar: WorkCalendar, marks: readonly BlockMark[]): DayItem[] {
  return blocks
    .filter((b) => occursOn(b, date, calendar))
    .sort((a, b) => a.startMin - b.startMin || a.endMin - b.endMin || a.id - b.id)
    .map((block) => {
      const mark = marks.find((m) => m.blockId === block.id && m.date === date);
      const status: DayStatus = mark ? (mark.status === "done" ? "kept" : "skipped") : "pending";
      return { block, status, reason: mark?.reason ?? null };
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

type Slot = Pick<Block, "days" | "startMin" | "endMin">;

/** The earliest start at or after `from` where `minutes` on `days` overlap none of `taken`. */
export function firstFreeStart(taken: readonly Slot[], days: readonly Weekday[], from: number, minutes: number): number {
  let start = from;
  for (;;) {
    const clash = taken.find((t) => t.days.some((d) => days.includes(d)) && t.startMin < start + minutes && start < t.endMin);
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
  const perDay = month && month.workingDays > 0
    ? month[metric] / month.workingDays
    : plan.months.reduce((s, m) => s + m[metric], 0) / Math.max(1, plan.months.reduce((s, m) => s + m.workingDays, 0));
  return perDay * plan.workdays.length;
}

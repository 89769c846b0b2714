/** Time blocks: weekly recurring slots, their occurrences, and how well they are kept. */
import type { WorkCalendar } from "./calendar.js";
import { eachDay, weekdayOf, type IsoDate, type Weekday } from "./dates.js";

export interface Block {
  id: number;
  label: string;
  days: Weekday[];
  /** Minutes after midnight. */
  startMin: number;
  endMin: number;
  activity: string | null;
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

/** Each date from `from` to `to` on which a block falls, days off excluded, in date then block order. */
export function blockOccurrences(blocks: readonly Block[], from: IsoDate, to: IsoDate, calendar: WorkCalendar): Occurrence[] {
  const out: Occurrence[] = [];
  if (from > to) return out;
  for (const date of eachDay(from, to)) {
    if (calendar.isDayOff(date)) continue;
    const weekday = weekdayOf(date);
    for (const block of blocks) if (block.days.includes(weekday)) out.push({ blockId: block.id, date });
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

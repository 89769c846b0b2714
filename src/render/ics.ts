/**
 * Time blocks as an RFC 5545 calendar, via ical-generator (loaded lazily).
 * Times are floating local times: a block at 08:00 is at 08:00 wherever the
 * calendar program runs, and the file needs no VTIMEZONE definitions.
 */
import { existedFor, firstWeekdayOnOrAfter } from "../domain/blocks.js";
import { addDays, inWeekOrder, toDayNumber, weekdayOf, type IsoDate, type Weekday } from "../domain/dates.js";
import type { StoredBlock } from "../domain/blocks.js";
import { loadPackage } from "../packages.js";
import { icsText } from "./escape.js";

export interface IcsOptions {
  /** The database's install id: with the block id it makes each UID. */
  installId: string;
  /** When the file is written (DTSTAMP). */
  stamp: Date;
  /** Every day off, one date each; occurrences on them become EXDATEs. */
  daysOff: readonly IsoDate[];
  /** The first day of the week (WKST), from the `week-start` setting. */
  weekStart?: Weekday;
}

/** The UID of a block's event: the same on every export, distinct between databases. */
export function blockUid(installId: string, blockId: number): string {
  return `${installId}-block-${blockId}@acct`;
}

/**
 * A JS Date whose UTC fields are the wall-clock `date` + `minutes`:
 * ical-generator writes a floating time from the UTC fields, so the system
 * zone cannot shift it.
 */
function wallClock(date: IsoDate, minutes: number): Date {
  return new Date(toDayNumber(date) * 86_400_000 + minutes * 60_000);
}

/** One weekly recurring event per block, starting on its first occurrence after it was added. */
export async function renderBlocksIcs(blocks: readonly StoredBlock[], options: IcsOptions): Promise<string> {
  const { default: ical, ICalEventRepeatingFreq, ICalWeekday } = await loadPackage<typeof import("ical-generator")>("ical-generator");
  const byDay = {
    mon: ICalWeekday.MO,
    tue: ICalWeekday.TU,
    wed: ICalWeekday.WE,
    thu: ICalWeekday.TH,
    fri: ICalWeekday.FR,
    sat: ICalWeekday.SA,
    sun: ICalWeekday.SU,
  };
  const calendar = ical({ name: "acct time blocks", prodId: { company: "acct", product: "acct time blocks", language: "EN" } });
  for (const block of blocks) {
    // The first occurrence acct counts: the day it was added only if that day's occurrence ended after it was added.
    const first = firstWeekdayOnOrAfter(block.days, existedFor(block, block.createdOn) ? block.createdOn : addDays(block.createdOn, 1));
    const exclude = options.daysOff.filter((d) => d >= first && block.days.includes(weekdayOf(d))).map((d) => wallClock(d, block.startMin));
    calendar.createEvent({
      // ical-generator escapes TEXT (\\ ; , and line breaks) but not the UID; control characters, which TEXT may not hold, are shown.
      id: icsText(blockUid(options.installId, block.id)),
      summary: icsText(block.label),
      description: `acct block #${block.id}${block.activity ? ` (${icsText(block.activity)})` : ""}`,
      start: wallClock(first, block.startMin),
      end: wallClock(first, block.endMin),
      floating: true,
      stamp: options.stamp,
      repeating: {
        freq: ICalEventRepeatingFreq.WEEKLY,
        byDay: inWeekOrder(block.days, options.weekStart).map((d) => byDay[d]),
        ...(options.weekStart === "sun" ? { startOfWeek: ICalWeekday.SU } : {}),
        ...(exclude.length > 0 ? { exclude } : {}),
      },
    });
  }
  // RFC 5545 ends every content line, the last one included, with CRLF.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/**
 * `acct import FILE.ics`: the meetings of a calendar file. ical.js loads only
 * here (outside the bundle), so a calendar costs the other commands nothing.
 * Events that have ended become `meeting` entries (minutes: the duration;
 * contact: the title); recurring events are expanded up to now, all-day and
 * cancelled ones skipped; each occurrence keeps the source key
 * `ics:UID@ORIGINAL-START`, so importing the file again adds nothing.
 */
import { hash } from "node:crypto";
import type ICALModule from "ical.js";
import { isSupportedYear } from "../domain/dates.js";
import { groupDigits } from "../domain/digits.js";
import { AcctError, usageError } from "../domain/errors.js";
import { MAX_COUNT, MAX_TEXT } from "../domain/parse.js";
import { loadPackage } from "../packages.js";
import { insertEntries, knownSources, type NewEntry } from "../store/entries.js";
import type { Context } from "./context.js";

type ICAL = typeof ICALModule;
type Time = InstanceType<ICAL["Time"]>;
type Component = InstanceType<ICAL["Component"]>;

/** The most occurrences one import expands: a rule beyond it is refused rather than filling the file. */
export const MAX_OCCURRENCES = 100_000;

/** A file is a calendar when its name ends in .ics or its text starts with BEGIN:VCALENDAR. */
export function isCalendar(file: string, text: string): boolean {
  return /\.ics$/i.test(file) || /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text);
}

interface Occurrence extends NewEntry {
  source: string;
  /** The start as a point in time, for the order. */
  startMs: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The title as a contact: control characters (C0, C1, tab and line or paragraph separators) as spaces, cut to MAX_TEXT characters; an empty title is no contact. */
function contactOf(summary: unknown): string | null {
  if (typeof summary !== "string") return null;
  const text = summary.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").trim();
  if (text === "") return null;
  return [...text].slice(0, MAX_TEXT).join("");
}

/** The original start as the key's date-time: UTC (with Z) when the time has a zone, as written when floating. */
function keyTime(ical: ICAL, time: Time): string {
  const zone = time.zone?.tzid;
  if (!zone || zone === "floating") return time.toString();
  return `${time.convertToZone(ical.Timezone.utcTimezone).toString().replace(/Z?$/, "")}Z`;
}

/** Per IANA zone, a formatter that reads an instant's wall time there; null for a name that is not a zone. */
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();

function zoneFormat(zone: string): Intl.DateTimeFormat | null {
  if (!zoneFormats.has(zone)) {
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      // Not a zone this runtime knows (an Outlook name without its VTIMEZONE): the time stays local.
    }
    zoneFormats.set(zone, format);
  }
  return zoneFormats.get(zone) ?? null;
}

/** How far `zone`'s wall clock is ahead of UTC at the instant `ms`. */
function offsetAt(format: Intl.DateTimeFormat, ms: number): number {
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(ms))) part[p.type] = Number(p.value);
  return Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0) - ms;
}

/**
 * A time as a point in time (ms). A TZID the file gives no VTIMEZONE for
 * leaves ical.js a floating time; when the TZID is an IANA zone (as Google
 * and Apple write them), the wall time is read in that zone, not the local one.
 */
function instantOf(time: Time): number {
  const zone = time.zone?.tzid;
  // ical.js keeps the TZID it could not resolve as `timezone` (not in its types).
  const tzid = (time as Time & { timezone?: string }).timezone;
  const format = (!zone || zone === "floating") && tzid ? zoneFormat(tzid) : null;
  if (format === null) return time.toJSDate().getTime();
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  // The offset at the guess, then at the instant it gives: right on both sides of a daylight-saving change.
  const guess = wall - offsetAt(format, wall);
  return wall - offsetAt(format, guess);
}

/** An event's UID; without one, a stand-in hashed from its start, end and title (as a CRM row without a record id), the same on every import of the file. */
function uidOf(vevent: Component): string {
  const uid = vevent.getFirstPropertyValue("uid");
  if (typeof uid === "string" && uid.trim() !== "") return uid;
  const fields = ["dtstart", "dtend", "duration", "summary"].map((name) => vevent.getFirstProperty(name)?.toICALString() ?? "");
  return `no-uid-${hash("sha256", JSON.stringify(fields), "hex").slice(0, 16)}`;
}

/** Reads one event: what ical.js cannot read in it (a date like 2026061X) is bad input naming the event, not an internal error. */
function readEvent(file: string, vevent: Component, read: () => void): void {
  try {
    read();
  } catch (error) {
    if (error instanceof AcctError) throw error;
    const title = contactOf(vevent.getFirstPropertyValue("summary"));
    throw usageError(
      `${file}: event ${title === null ? uidOf(vevent) : `'${title}'`} cannot be read: ${(error as Error).message}`,
      "fix or remove that event in the calendar, or export the calendar again",
    );
  }
}

function isCancelled(component: Component): boolean {
  return String(component.getFirstPropertyValue("status") ?? "").toUpperCase() === "CANCELLED";
}

/**
 * The ended, timed, not cancelled occurrences of the calendar `text`, as entries
 * with their source keys, in order of their start. `nowMs`: now as a point in time.
 */
export function occurrencesOf(ical: ICAL, file: string, text: string, nowMs: number, match: string | null): Occurrence[] {
  let root: Component;
  try {
    root = new ical.Component(ical.parse(text.replace(/^\uFEFF/, "")));
  } catch (error) {
    throw usageError(`${file} is not a calendar: ${(error as Error).message}`, "import an .ics file a calendar exported (BEGIN:VCALENDAR …)");
  }
  if (root.name !== "vcalendar") throw usageError(`${file} is not a calendar: it holds a ${root.name.toUpperCase()}, not a VCALENDAR`);
  ical.TimezoneService.reset();
  for (const vtz of root.getAllSubcomponents("vtimezone")) {
    const tz = new ical.Timezone(vtz);
    if (tz.tzid) ical.TimezoneService.register(tz, tz.tzid);
  }
  // Events by UID; one without a UID gets one from its start, end and title, so importing it again still adds nothing.
  const masters: [uid: string, event: Component][] = [];
  const exceptionsOf = new Map<string, Component[]>();
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const uid = uidOf(vevent);
    if (vevent.hasProperty("recurrence-id")) exceptionsOf.set(uid, [...(exceptionsOf.get(uid) ?? []), vevent]);
    else masters.push([uid, vevent]);
  }
  const needle = match?.toLowerCase() ?? null;
  const out: Occurrence[] = [];
  const sources = new Set<string>();
  let expanded = 0;
  const add = (uid: string, original: Time, item: Component, start: Time, end: Time) => {
    if (++expanded > MAX_OCCURRENCES) {
      throw usageError(
        `${file} expands to more than ${groupDigits(MAX_OCCURRENCES)} occurrences; acct imports at most that many at once`,
        "export a shorter period of the calendar",
      );
    }
    if (start.isDate || isCancelled(item)) return;
    const startJs = new Date(instantOf(start));
    const endMs = instantOf(end);
    if (endMs > nowMs) return;
    const contact = contactOf(item.getFirstPropertyValue("summary"));
    if (needle !== null && !(contact ?? "").toLowerCase().includes(needle)) return;
    if (!isSupportedYear(startJs.getFullYear())) return;
    const source = `ics:${uid}@${keyTime(ical, original)}`;
    // The same event twice in one file (a calendar merged with itself) is one meeting.
    if (sources.has(source)) return;
    sources.add(source);
    const minutes = Math.min(MAX_COUNT, Math.max(0, Math.floor((endMs - startJs.getTime()) / 60_000)));
    out.push({ date: localDate(startJs), type: "meeting", count: 1, amountCents: null, minutes, contact, note: null, source, startMs: startJs.getTime() });
  };
  for (const [uid, master] of masters) {
    readEvent(file, master, () => {
      const event = new ical.Event(master);
      const own = exceptionsOf.get(uid) ?? [];
      for (const exception of own) event.relateException(exception);
      if (event.startDate === null) return;
      if (!event.isRecurring()) {
        if (!event.startDate.isDate) add(uid, event.startDate, master, event.startDate, event.endDate);
        return;
      }
      if (isCancelled(master) || event.startDate.isDate) return;
      const iterator = event.iterator();
      for (let next = iterator.next(); next; next = iterator.next()) {
        // In order of their original start: the rest start after now, bar the ones moved earlier (below).
        if (instantOf(next) > nowMs) break;
        const details = event.getOccurrenceDetails(next);
        add(uid, details.recurrenceId, details.item.component, details.startDate, details.endDate);
      }
      // An occurrence moved from a later day to an earlier one has ended once its new end has passed, whatever its original day.
      for (const exception of own) {
        const moved = new ical.Event(exception);
        if (moved.recurrenceId !== null && moved.startDate !== null && instantOf(moved.recurrenceId) > nowMs)
          add(uid, moved.recurrenceId, exception, moved.startDate, moved.endDate);
      }
    });
  }
  // A moved occurrence whose series is not in the file stands alone, keyed by its RECURRENCE-ID.
  for (const [uid] of masters) exceptionsOf.delete(uid);
  for (const [uid, alone] of exceptionsOf) {
    for (const exception of alone) {
      readEvent(file, exception, () => {
        const event = new ical.Event(exception);
        if (event.startDate !== null && event.recurrenceId !== null) add(uid, event.recurrenceId, exception, event.startDate, event.endDate);
      });
    }
  }
  out.sort((a, b) => a.startMs - b.startMs || (a.source < b.source ? -1 : 1));
  return out;
}

const plural = (n: number, one: string, many: string) => `${groupDigits(n)} ${n === 1 ? one : many}`;

/** Imports the ended meetings of the calendar `text`; one undo step; nothing already imported is added again. */
export async function importIcs(ctx: Context, file: string, text: string, dryRun: boolean, match: string | null): Promise<void> {
  const ical = (await loadPackage<{ default: ICAL }>("ical.js")).default;
  const [y, m, d] = ctx.clock.today.split("-").map(Number) as [number, number, number];
  const nowMs = new Date(y, m - 1, d, Math.floor(ctx.clock.minutes / 60), ctx.clock.minutes % 60).getTime();
  const all = occurrencesOf(ical, file, text, nowMs, match);
  const db = ctx.read();
  const known = db
    ? knownSources(
        db,
        all.map((o) => o.source),
      )
    : new Set<string>();
  const fresh = all.filter((o) => !known.has(o.source));
  const summary = `${plural(all.length, "event", "events")}: ${groupDigits(known.size)} already here, ${groupDigits(fresh.length)} new`;
  let added = 0;
  if (!dryRun && fresh.length > 0) {
    added = ctx.transaction(`import ${plural(fresh.length, "meeting", "meetings")} from ${file}`, (wdb, journal) =>
      insertEntries(
        wdb,
        fresh.map(({ startMs: _, ...entry }) => entry),
        ctx.clock.stamp,
        journal,
      ),
    );
  }
  const from = fresh[0]?.date ?? null;
  const to = fresh.at(-1)?.date ?? null;
  if (ctx.json) {
    return ctx.printJson({
      format: "ics",
      dryRun,
      events: all.length,
      known: known.size,
      new: fresh.length,
      imported: added,
      from,
      to,
      entries: dryRun ? fresh.map(({ date, minutes, contact, source }) => ({ date, minutes, contact, source })) : undefined,
    });
  }
  if (dryRun) {
    for (const o of fresh) ctx.print(`${o.date}  meeting  ${String(o.minutes).padStart(4)} min  ${o.contact ?? ""}`.trimEnd());
    ctx.print(`${summary}; ${fresh.length === 0 ? "nothing to import" : "would be imported"} (nothing written)`);
    return;
  }
  if (added === 0) return ctx.print(`${summary}; nothing to import`);
  ctx.print(`${summary}; imported ${plural(added, "meeting", "meetings")} dated ${from}..${to} from ${file}; undo with: acct undo`);
}

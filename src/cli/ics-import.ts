/**
 * `acct import FILE.ics`: the meetings of a calendar file. ical.js loads only
 * here (outside the bundle), so a calendar costs the other commands nothing.
 * Events that have ended become `meeting` entries (minutes: the duration;
 * contact: the title); recurring events are expanded up to now, all-day and
 * cancelled ones skipped; each occurrence keeps the source key
 * `ics:UID@ORIGINAL-START`, so importing the file again adds nothing.
 */
import type ICALModule from "ical.js";
import { isSupportedYear } from "../domain/dates.js";
import { groupDigits } from "../domain/digits.js";
import { usageError } from "../domain/errors.js";
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

/** The title as a contact: control characters but tab dropped, cut to MAX_TEXT characters; an empty title is no contact. */
function contactOf(summary: unknown): string | null {
  if (typeof summary !== "string") return null;
  const text = summary.replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, " ").trim();
  if (text === "") return null;
  return [...text].slice(0, MAX_TEXT).join("");
}

/** The original start as the key's date-time: UTC (with Z) when the time has a zone, as written when floating. */
function keyTime(ical: ICAL, time: Time): string {
  const zone = time.zone?.tzid;
  if (!zone || zone === "floating") return time.toString();
  return `${time.convertToZone(ical.Timezone.utcTimezone).toString().replace(/Z?$/, "")}Z`;
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
  const masters = new Map<string, Component>();
  const exceptions: Component[] = [];
  for (const vevent of root.getAllSubcomponents("vevent")) {
    const uid = String(vevent.getFirstPropertyValue("uid") ?? "");
    if (vevent.hasProperty("recurrence-id")) exceptions.push(vevent);
    else if (!masters.has(uid)) masters.set(uid, vevent);
  }
  const needle = match?.toLowerCase() ?? null;
  const out: Occurrence[] = [];
  let expanded = 0;
  const add = (uid: string, original: Time, item: Component, start: Time, end: Time) => {
    if (++expanded > MAX_OCCURRENCES) {
      throw usageError(
        `${file} expands to more than ${groupDigits(MAX_OCCURRENCES)} occurrences; acct imports at most that many at once`,
        "export a shorter period of the calendar",
      );
    }
    if (start.isDate || isCancelled(item)) return;
    const startJs = start.toJSDate();
    const endMs = end.toJSDate().getTime();
    if (endMs > nowMs) return;
    const contact = contactOf(item.getFirstPropertyValue("summary"));
    if (needle !== null && !(contact ?? "").toLowerCase().includes(needle)) return;
    if (!isSupportedYear(startJs.getFullYear())) return;
    const minutes = Math.min(MAX_COUNT, Math.max(0, Math.floor((endMs - startJs.getTime()) / 60_000)));
    const date = localDate(startJs);
    out.push({
      date,
      type: "meeting",
      count: 1,
      amountCents: null,
      minutes,
      contact,
      note: null,
      source: `ics:${uid}@${keyTime(ical, original)}`,
      startMs: startJs.getTime(),
    });
  };
  for (const [uid, master] of masters) {
    const event = new ical.Event(master);
    for (const exception of exceptions) if (String(exception.getFirstPropertyValue("uid") ?? "") === uid) event.relateException(exception);
    if (event.startDate === null) continue;
    if (!event.isRecurring()) {
      if (event.startDate.isDate) continue;
      add(uid, event.startDate, master, event.startDate, event.endDate);
      continue;
    }
    if (isCancelled(master) || event.startDate.isDate) continue;
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      // Occurrences are in order of their original start: one starting after now has not ended (a moved one is taken next time).
      if (next.toJSDate().getTime() > nowMs) break;
      const details = event.getOccurrenceDetails(next);
      add(uid, details.recurrenceId, details.item.component, details.startDate, details.endDate);
    }
  }
  // A moved occurrence whose series is not in the file stands alone, keyed by its RECURRENCE-ID.
  for (const exception of exceptions) {
    const uid = String(exception.getFirstPropertyValue("uid") ?? "");
    if (masters.has(uid)) continue;
    const event = new ical.Event(exception);
    if (event.startDate === null || event.recurrenceId === null) continue;
    add(uid, event.recurrenceId, exception, event.startDate, event.endDate);
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

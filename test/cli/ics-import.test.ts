import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

/** A calendar as Google or Outlook exports one: two time zones, a weekly series with an exception and a moved occurrence. */
const CALENDAR = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Test//Calendar//EN",
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
  "BEGIN:VTIMEZONE",
  "TZID:America/New_York",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "TZNAME:EDT",
  "DTSTART:19700308T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "TZNAME:EST",
  "DTSTART:19701101T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
  // Weekly on Tuesdays 10:00–11:00 Berlin, no end; Feb 24 skipped; Mar 3 moved to Wed Mar 4 14:00–14:30.
  "BEGIN:VEVENT",
  "UID:weekly-acme@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Acme weekly sync",
  "DTSTART;TZID=Europe/Berlin:20260210T100000",
  "DTEND;TZID=Europe/Berlin:20260210T110000",
  "RRULE:FREQ=WEEKLY",
  "EXDATE;TZID=Europe/Berlin:20260224T100000",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:weekly-acme@example.com",
  "DTSTAMP:20260101T000000Z",
  "RECURRENCE-ID;TZID=Europe/Berlin:20260303T100000",
  "SUMMARY:Acme weekly sync (moved)",
  "DTSTART;TZID=Europe/Berlin:20260304T140000",
  "DTEND;TZID=Europe/Berlin:20260304T143000",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:offsite@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Team offsite",
  "DTSTART;VALUE=DATE:20260305",
  "DTEND;VALUE=DATE:20260306",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:cancelled@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Umbrella pitch",
  "STATUS:CANCELLED",
  "DTSTART;TZID=Europe/Berlin:20260306T090000",
  "DTEND;TZID=Europe/Berlin:20260306T100000",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:future@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Acme quarterly review",
  "DTSTART;TZID=Europe/Berlin:20260320T090000",
  "DTEND;TZID=Europe/Berlin:20260320T100000",
  "END:VEVENT",
  // 02:00 UTC: 03:00 in Berlin on the 10th, 19:00 in Los Angeles on the 9th.
  "BEGIN:VEVENT",
  "UID:globex@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Globex demo",
  "DTSTART:20260310T020000Z",
  "DTEND:20260310T030000Z",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:initech@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Initech call",
  "DTSTART;TZID=America/New_York:20260311T090000",
  "DTEND;TZID=America/New_York:20260311T094500",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:floating@example.com",
  "DTSTAMP:20260101T000000Z",
  "SUMMARY:Pipeline review",
  "DTSTART:20260310T090000",
  "DTEND:20260310T093000",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/** Runs `fn` with the process (and so acct's) time zone set to `tz`. */
async function inZone<T>(tz: string, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return await fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

function setup(text = CALENDAR, name = "work.ics"): { db: string; file: string } {
  const db = tempDb();
  const file = join(dirname(db), name);
  writeFileSync(file, text);
  return { db, file };
}

const rows = (entries: EntryJson[]) => entries.map((e) => [e.date, e.type, e.count, e.minutes, e.contact]);

describe("acct import FILE.ics", () => {
  it("imports the ended meetings once, in local time, and a second import adds nothing", async () => {
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup();
      const first = await acct(db, ["import", file]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toBe(`7 events: 0 already here, 7 new; imported 7 meetings dated 2026-02-10..2026-03-11 from ${file}; undo with: acct undo\n`);
      expect(rows(await acctJson<EntryJson[]>(db, ["log", "list", "--from", "2026-01-01"]))).toEqual([
        ["2026-02-10", "meeting", 1, 60, "Acme weekly sync"],
        ["2026-02-17", "meeting", 1, 60, "Acme weekly sync"],
        ["2026-03-04", "meeting", 1, 30, "Acme weekly sync (moved)"],
        ["2026-03-10", "meeting", 1, 60, "Globex demo"],
        ["2026-03-10", "meeting", 1, 30, "Pipeline review"],
        ["2026-03-10", "meeting", 1, 60, "Acme weekly sync"],
        ["2026-03-11", "meeting", 1, 45, "Initech call"],
      ]);
      const before = fingerprint(db);
      const again = await acct(db, ["import", file]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toBe("7 events: 7 already here, 0 new; nothing to import\n");
      expect(fingerprint(db)).toBe(before);
      // A week later the next occurrence has ended: only it is new.
      const later = await acctJson<{ events: number; known: number; new: number }>(db, ["import", file], { now: "2026-03-17T12:00" });
      expect(later).toMatchObject({ events: 8, known: 7, new: 1 });
    });
  });

  it("converts zoned and UTC times to the machine's time zone; floating times stay as written", async () => {
    const listed = await inZone("America/Los_Angeles", async () => {
      const { db, file } = setup();
      expect((await acct(db, ["import", file])).code).toBe(0);
      return rows(await acctJson<EntryJson[]>(db, ["log", "list", "--from", "2026-01-01"]));
    });
    expect(listed).toContainEqual(["2026-03-09", "meeting", 1, 60, "Globex demo"]);
    expect(listed).toContainEqual(["2026-03-10", "meeting", 1, 30, "Pipeline review"]);
    // 10:00 Berlin is 01:00 in Los Angeles, the same day.
    expect(listed).toContainEqual(["2026-02-10", "meeting", 1, 60, "Acme weekly sync"]);
  });

  it("--match keeps the events whose title contains the text, in any case", async () => {
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup();
      const result = await acct(db, ["import", file, "--match", "ACME"]);
      expect(result.stdout).toMatch(/^4 events: 0 already here, 4 new; imported 4 meetings/);
      expect((await acctJson<EntryJson[]>(db, ["log", "list", "--from", "2026-01-01"])).every((e) => e.contact?.startsWith("Acme"))).toBe(true);
      expectUsageError(await acct(db, ["import", file, "--match", " "]), /--match needs a text/);
    });
  });

  it("fills in the audit's customer time", async () => {
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup();
      expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
      expect((await acct(db, ["import", file])).code).toBe(0);
      const audit = await acctJson<{ customerTime: { minutes: number } }>(db, ["audit"]);
      // Week of Mar 9–15: 60 + 60 + 30 (Mar 10) + 45 (Mar 11).
      expect(audit.customerTime.minutes).toBe(195);
    });
  });

  it("--dry-run lists what would be added and writes nothing; the import is one undo step", async () => {
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup();
      const dry = await acct(db, ["import", file, "--dry-run"]);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout.split("\n")).toContain("2026-03-11  meeting    45 min  Initech call");
      expect(dry.stdout).toMatch(/7 events: 0 already here, 7 new; would be imported \(nothing written\)\n$/);
      expect(fingerprint(db)).toBe("absent");
      expect((await acct(db, ["log", "call"])).code).toBe(0);
      const before = fingerprint(db);
      expect((await acct(db, ["import", file])).code).toBe(0);
      expect((await acct(db, ["undo"])).code).toBe(0);
      expect((await acctJson<EntryJson[]>(db, ["log", "list", "--from", "2026-01-01"])).map((e) => e.type)).toEqual(["call"]);
      expect(fingerprint(db)).not.toBe("absent");
      expect(before).not.toBe("absent");
    });
  });

  it("cuts a title to 500 characters, turns its line breaks into spaces, and takes an event without DTEND as 0 minutes", async () => {
    const long = `Acme\\nfollow-up\t\u0085\u009b\u2028${"x".repeat(600)}`;
    const text = CALENDAR.replace("SUMMARY:Pipeline review", `SUMMARY:${long}`).replace("DTEND:20260310T093000\r\n", "");
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup(text);
      expect((await acct(db, ["import", file])).code).toBe(0);
      const entry = (await acctJson<EntryJson[]>(db, ["log", "list", "--from", "2026-01-01"])).find((e) => e.contact?.startsWith("Acme follow-up"));
      expect(entry?.contact).toHaveLength(500);
      // A tab, C1 controls (NEL, CSI) and a line separator are spaces too.
      expect(entry?.contact?.slice(0, 19)).toBe("Acme follow-up    x");
      expect(entry?.minutes).toBe(0);
    });
  });

  it("recognises a calendar by its content, whatever the name", async () => {
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup(CALENDAR, "export.txt");
      const result = await acctJson<{ format: string; new: number }>(db, ["import", file]);
      expect(result).toMatchObject({ format: "ics", new: 7 });
    });
  });

  it("imports events without a UID, and events that share one, each once; again adds nothing", async () => {
    const event = (start: string, title: string, uid: string | null) => [
      "BEGIN:VEVENT",
      ...(uid === null ? [] : [`UID:${uid}`]),
      `DTSTART:${start}`,
      `DTEND:${start.replace("T09", "T10")}`,
      `SUMMARY:${title}`,
      "END:VEVENT",
    ];
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      ...event("20260302T090000Z", "A", null),
      ...event("20260303T090000Z", "B", null),
      ...event("20260304T090000Z", "C", "same"),
      ...event("20260305T090000Z", "D", "same"),
      // The same event twice (a calendar merged with itself): one meeting.
      ...event("20260305T090000Z", "D", "same"),
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    await inZone("UTC", async () => {
      const { db, file } = setup(text);
      expect((await acct(db, ["import", file])).stdout).toMatch(/^4 events: 0 already here, 4 new; imported 4 meetings/);
      expect((await acctJson<EntryJson[]>(db, ["log", "list"])).map((e) => e.contact)).toEqual(["A", "B", "C", "D"]);
      expect((await acct(db, ["import", file])).stdout).toBe("4 events: 4 already here, 0 new; nothing to import\n");
    });
  });

  it("reads a TZID the file has no VTIMEZONE for in that IANA zone, so a meeting has ended only when it has", async () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "UID:la@example.com",
      "DTSTART;TZID=America/Los_Angeles:20260310T200000",
      "DTEND;TZID=America/Los_Angeles:20260310T210000",
      "SUMMARY:West coast call",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    await inZone("Europe/Berlin", async () => {
      const { db, file } = setup(text);
      // 20:00–21:00 in Los Angeles (PDT since Mar 8) is 04:00–05:00 on Mar 11 in Berlin (still CET).
      expect(await acctJson(db, ["import", file, "--dry-run"], { now: "2026-03-11T04:30" })).toMatchObject({ events: 0 });
      expect((await acct(db, ["import", file], { now: "2026-03-11T05:00" })).code).toBe(0);
      expect(rows(await acctJson<EntryJson[]>(db, ["log", "list"], { now: "2026-03-11T05:00" }))).toEqual([
        ["2026-03-11", "meeting", 1, 60, "West coast call"],
      ]);
    });
  });

  it("imports an occurrence moved to an earlier day once it has ended, and not again when its original day passes", async () => {
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "BEGIN:VEVENT",
      "UID:fri@example.com",
      "DTSTART:20260227T100000Z",
      "DTEND:20260227T110000Z",
      "RRULE:FREQ=WEEKLY;COUNT=6",
      "SUMMARY:Friday review",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:fri@example.com",
      "RECURRENCE-ID:20260320T100000Z",
      "DTSTART:20260310T140000Z",
      "DTEND:20260310T150000Z",
      "SUMMARY:Friday review (pulled forward)",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    await inZone("UTC", async () => {
      const { db, file } = setup(text);
      expect((await acct(db, ["import", file], { now: "2026-03-12" })).code).toBe(0);
      expect(rows(await acctJson<EntryJson[]>(db, ["log", "list"], { now: "2026-03-12" }))).toEqual([
        ["2026-02-27", "meeting", 1, 60, "Friday review"],
        ["2026-03-06", "meeting", 1, 60, "Friday review"],
        ["2026-03-10", "meeting", 1, 60, "Friday review (pulled forward)"],
      ]);
      // After Mar 20, the moved one is known; only Mar 13 and 27 have been added.
      expect(await acctJson(db, ["import", file], { now: "2026-03-28" })).toMatchObject({ events: 5, known: 3, new: 2 });
    });
  });

  it("refuses an event whose date cannot be read as bad input (exit 2), naming it, writing nothing", async () => {
    const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:x", "DTSTART:2026061X", "SUMMARY:Broken", "END:VEVENT", "END:VCALENDAR", ""].join(
      "\r\n",
    );
    const { db, file } = setup(text);
    expectUsageError(await acct(db, ["import", file]), /^acct: .*work\.ics: event 'Broken' cannot be read: /);
    expect(fingerprint(db)).toBe("absent");
  });

  it("refuses a file that is not a calendar, and an endless rule past the occurrence cap, writing nothing", async () => {
    const bad = setup("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\n", "bad.ics");
    expectUsageError(await acct(bad.db, ["import", bad.file]), /bad\.ics is not a calendar: /);
    expect(fingerprint(bad.db)).toBe("absent");
    const minutely = CALENDAR.replace("RRULE:FREQ=WEEKLY", "RRULE:FREQ=MINUTELY").replace(
      "DTSTART;TZID=Europe/Berlin:20260210T100000",
      "DTSTART;TZID=Europe/Berlin:20250210T100000",
    );
    const huge = setup(minutely);
    expectUsageError(await acct(huge.db, ["import", huge.file]), /more than 100,000 occurrences/);
    expect(fingerprint(huge.db)).toBe("absent");
    const csv = setup("date,type\n", "x.csv");
    expectUsageError(await acct(csv.db, ["import", csv.file, "--match", "Acme"]), /--match applies to calendar/);
    expectUsageError(await acct(csv.db, ["import", csv.file, "--from", "generic", "--match", "Acme"]), /--match applies to calendar/);
  });
});

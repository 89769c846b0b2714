import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const folder = mkdtempSync(join(tmpdir(), "acct-crm-"));
let files = 0;
function file(text: string, ext = "csv"): string {
  const path = join(folder, `export-${++files}.${ext}`);
  writeFileSync(path, text);
  return path;
}

/** A HubSpot activities export: BOM, commas, US dates with a time, upper-case types, tasks and notes among them. */
const HUBSPOT = [
  "\uFEFFActivity ID,Activity date,Activity type,Associated Contact,Call and meeting duration,Body preview,Activity assigned to",
  "58213001,03/02/2026 09:30 AM,CALL,Jane Doe (jane@acme.com),00:12:00,Discovery call,Sam Rep",
  "58213002,03/02/2026 02:00 PM,MEETING,Bob Lee,00:45:00,Demo for the ops team,Sam Rep",
  '58213003,03/03/2026 10:00 AM,TASK,,,"Follow up, send deck",Sam Rep',
  "58213004,03/03/2026 11:15 AM,EMAIL,Jane Doe (jane@acme.com),,Re: pricing,Sam Rep",
  "58213005,03/04/2026 08:00 AM,NOTE,,,Internal note,Sam Rep",
].join("\r\n");

/** A Salesforce "Tasks and Events" report: BOM, semicolons, M/d/yyyy, no record id, two identical calls. */
const SALESFORCE = [
  "\uFEFFSubject;Name;Company / Account;Type;Date;Duration;Assigned",
  "Call;Ann Smith;Globex;Call;3/5/2026;15;Sam Rep",
  "Call;Ann Smith;Globex;Call;3/5/2026;15;Sam Rep",
  "Quarterly review;Tom Jones;Initech;Meeting;3/6/2026;60;Sam Rep",
  "Send quote;Tom Jones;Initech;Other;3/6/2026;;Sam Rep",
].join("\n");

/** A Pipedrive activities export: tabs, ISO dates, h:mm durations, deadlines and tasks. */
const PIPEDRIVE = [
  "Activity - ID\tActivity - Subject\tActivity - Type\tActivity - Due date\tActivity - Due time\tActivity - Duration\tActivity - Contact person\tActivity - Organization\tActivity - Done",
  "771\tIntro call\tCall\t2026-03-09\t10:00\t00:30\tKim Park\tUmbrella\tDone",
  "772\tOnsite demo\tMeeting\t2026-03-10\t14:00\t1:30\tKim Park\tUmbrella\tDone",
  "773\tContract due\tDeadline\t2026-03-11\t\t\t\tUmbrella\tNot done",
  "774\tSend proposal\tTask\t2026-03-11\t\t\tKim Park\tUmbrella\tNot done",
].join("\n");

/*
 * Fixtures with the columns the real exports name (README, "CRM activity
 * exports", says where each name comes from): HubSpot's activity property
 * labels with a call's duration in milliseconds; a Salesforce "Tasks and
 * Events" report, every field quoted, an event's Duration in minutes and a
 * call's Call Duration in seconds, and the report's footer; Pipedrive's
 * "Activity - …" columns, durations HH:MM.
 */
const HUBSPOT_PROPERTIES = [
  "Record ID,Activity date,Activity type,Activity assigned to,Associated Contact,Associated Contact IDs,Call duration,Call Title,Meeting name,Body preview",
  '1001,2026-03-02 09:30,CALL,Sam Rep,Jane Doe,501,720000,Discovery call,,"Asked about pricing, wants a demo"',
  "1002,2026-03-02 14:00,MEETING,Sam Rep,Bob Lee,502,,,Demo for the ops team,",
  "1003,2026-03-03 10:00,INCOMING_EMAIL,Sam Rep,Jane Doe,501,,,,Re: pricing",
  "1004,2026-03-03 11:00,TASK,Sam Rep,,,,,,Send the deck",
  "1005,2026-03-04 08:00,NOTE,Sam Rep,,,,,,Internal note",
  "1006,2026-03-04 16:45,CALL,Sam Rep,Kim Park,503,29000,Left a voicemail,,",
].join("\n");

const SALESFORCE_REPORT = [
  '"Subject","Name","Company / Account","Type","Activity Subtype","Date","Duration","Call Duration","Assigned","Activity ID","Comments"',
  '"Intro call","Ann Smith","Globex","Call","Call","3/5/2026","","540","Sam Rep","00T5g00000AbCdEAAA","Discussed renewal"',
  '"Quarterly review","Tom Jones","Initech","Meeting","Event","3/6/2026","60","","Sam Rep","00U5g00000FgHiJAAA",""',
  '"Follow-up","Tom Jones","Initech","","Email","3/6/2026","","","Sam Rep","00T5g00000KlMnOAAA",""',
  '"Send quote","Tom Jones","Initech","Other","Task","3/9/2026","","","Sam Rep","00T5g00000PqRsTAAA",""',
  '""',
  '"Grand Totals (4 records)"',
  '""',
  '"Confidential Information - Do Not Distribute"',
  '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
].join("\r\n");

const PIPEDRIVE_ACTIVITIES = [
  "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Due time,Activity - Duration,Activity - Done,Activity - Deal,Activity - Contact person,Activity - Organization,Activity - Note,Activity - Assigned to user",
  '881,First call,Call,2026-03-04,10:30,00:30,Done,Ovens for the new shop,Nadia Chérif,Nouvelle Boulangerie,"Needs two ovens, budget 20k",Inès Moreau',
  "882,Showroom visit,Meeting,2026-03-05,14:00,01:30,Done,Ovens for the new shop,Nadia Chérif,Nouvelle Boulangerie,Liked the deck oven,Inès Moreau",
  "883,Lunch with the owners,Lunch,2026-03-06,12:00,01:00,Done,,,Nouvelle Boulangerie,,Inès Moreau",
  "884,Send the revised quote,Task,2026-03-10,09:00,,To do,Ovens for the new shop,Nadia Chérif,Nouvelle Boulangerie,,Inès Moreau",
  "885,Contract due,Deadline,2026-03-11,,,To do,Ovens for the new shop,,Nouvelle Boulangerie,,Inès Moreau",
].join("\n");

const list = async (db: string) => await acctJson<EntryJson[]>(db, ["log", "list", "--all"]);
const brief = (entries: EntryJson[]) => entries.map((e) => [e.date, e.type, e.count, e.minutes, e.contact, e.note]).sort();

describe("acct import --from", () => {
  it("imports a HubSpot export once; again adds nothing and says so", async () => {
    const db = tempDb();
    const path = file(HUBSPOT);
    const first = await acct(db, ["import", path, "--from", "hubspot"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^5 rows: 0 already here, 3 new, 2 skipped; imported 3 entries from .*; undo with: acct undo\n$/);
    expect(first.stderr).toMatch(/skipped 2 rows of types nothing maps: NOTE 1, TASK 1/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-02", "call", 1, 12, "Jane Doe (jane@acme.com)", "Discovery call"],
      ["2026-03-02", "meeting", 1, 45, "Bob Lee", "Demo for the ops team"],
      ["2026-03-03", "email", 1, null, "Jane Doe (jane@acme.com)", "Re: pricing"],
    ]);
    const before = fingerprint(db);
    const again = await acct(db, ["import", path, "--from", "hubspot"]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("5 rows: 3 already here, 0 new, 2 skipped; nothing to import\n");
    expect(fingerprint(db)).toBe(before);
  });

  it("reads a semicolon-delimited Salesforce report and counts two identical calls both, once", async () => {
    const db = tempDb();
    const path = file(SALESFORCE);
    const first = await acct(db, ["import", path, "--from", "salesforce"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^4 rows: 0 already here, 3 new, 1 skipped;/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-05", "call", 1, 15, "Ann Smith", "Call"],
      ["2026-03-05", "call", 1, 15, "Ann Smith", "Call"],
      ["2026-03-06", "meeting", 1, 60, "Tom Jones", "Quarterly review"],
    ]);
    // A third identical call later in a longer export is new; the first two are not.
    const longer = file(`${SALESFORCE}\nCall;Ann Smith;Globex;Call;3/5/2026;15;Sam Rep\n`);
    const again = await acct(db, ["import", longer, "--from", "salesforce"]);
    expect(again.stdout).toMatch(/^5 rows: 3 already here, 1 new, 1 skipped;/);
    expect((await list(db)).filter((e) => e.type === "call")).toHaveLength(3);
  });

  it("reads a tab-delimited Pipedrive export, durations as h:mm", async () => {
    const db = tempDb();
    const result = await acct(db, ["import", file(PIPEDRIVE), "--from", "pipedrive"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Deadline 1, Task 1/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-09", "call", 1, 30, "Kim Park", "Intro call"],
      ["2026-03-10", "meeting", 1, 90, "Kim Park", "Onsite demo"],
    ]);
  });

  it("reads HubSpot's activity properties: Record ID, a call's duration in milliseconds, the first note column a row fills", async () => {
    const db = tempDb();
    const path = file(HUBSPOT_PROPERTIES);
    const dry = await acct(db, ["import", path, "--from", "hubspot", "--dry-run"]);
    expect(dry.stdout).toContain(
      "columns read: Record ID → id, Activity date → date, Activity type → type, Associated Contact → contact, Call duration → minutes, Body preview or Call Title or Meeting name → note\n",
    );
    expect(dry.stdout).toContain("columns ignored: Activity assigned to, Associated Contact IDs\n");
    const first = await acct(db, ["import", path, "--from", "hubspot"]);
    expect(first.stdout).toMatch(/^6 rows: 0 already here, 4 new, 2 skipped; imported 4 entries/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-02", "call", 1, 12, "Jane Doe", "Asked about pricing, wants a demo"],
      ["2026-03-02", "meeting", 1, null, "Bob Lee", "Demo for the ops team"],
      ["2026-03-03", "email", 1, null, "Jane Doe", "Re: pricing"],
      ["2026-03-04", "call", 1, 0, "Kim Park", "Left a voicemail"],
    ]);
    const before = fingerprint(db);
    expect((await acct(db, ["import", path, "--from", "hubspot"])).stdout).toBe("6 rows: 4 already here, 0 new, 2 skipped; nothing to import\n");
    expect(fingerprint(db)).toBe(before);
  });

  it("reads a Salesforce Tasks and Events report: quoted fields, Duration or Call Duration, the subtype when Type is empty, the footer", async () => {
    const db = tempDb();
    const path = file(SALESFORCE_REPORT);
    const first = await acct(db, ["import", path, "--from", "salesforce"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^4 rows: 0 already here, 3 new, 1 skipped;/);
    expect(first.stderr).toMatch(/skipped 1 row of types nothing maps: Other 1/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-05", "call", 1, 9, "Ann Smith", "Intro call"],
      ["2026-03-06", "email", 1, null, "Tom Jones", "Follow-up"],
      ["2026-03-06", "meeting", 1, 60, "Tom Jones", "Quarterly review"],
    ]);
    expect((await acct(db, ["import", path, "--from", "salesforce"])).stdout).toMatch(/^4 rows: 3 already here, 0 new, 1 skipped; nothing to import/);
  });

  it("reads a Pipedrive activities export: HH:MM durations, lunch as a meeting, the organization when no person is named", async () => {
    const db = tempDb();
    const result = await acct(db, ["import", file(PIPEDRIVE_ACTIVITIES), "--from", "pipedrive"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^5 rows: 0 already here, 3 new, 2 skipped;/);
    expect(result.stderr).toMatch(/Deadline 1, Task 1/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-04", "call", 1, 30, "Nadia Chérif", "First call"],
      ["2026-03-05", "meeting", 1, 90, "Nadia Chérif", "Showroom visit"],
      ["2026-03-06", "meeting", 1, 60, "Nouvelle Boulangerie", "Lunch with the owners"],
    ]);
  });

  it("a bad row rejects the whole file, named by its line; nothing is written", async () => {
    const db = tempDb();
    expect((await acct(db, ["log", "call"])).code).toBe(0);
    const before = fingerprint(db);
    const bad = HUBSPOT.replace("03/03/2026 11:15 AM", "13/45/2026 11:15 AM");
    const result = await acct(db, ["import", file(bad), "--from", "hubspot"]);
    expectUsageError(result, /^acct: line 5: date '13\/45\/2026 11:15 AM' is not in the form MM\/dd\/yyyy/);
    expect(fingerprint(db)).toBe(before);
    expect(fingerprint(db)).toBe(before);
  });

  it("skips activities scheduled after today (an export holds them beside the done ones), and imports them once they have happened", async () => {
    const db = tempDb();
    const scheduled = HUBSPOT.replace("03/04/2026 08:00 AM,NOTE", "03/20/2026 08:00 AM,CALL");
    const first = await acct(db, ["import", file(scheduled), "--from", "hubspot"]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/skipped 1 row dated after today: scheduled, not done yet/);
    expect(first.stdout).toMatch(/^5 rows: 0 already here, 3 new, 2 skipped; imported 3 entries/);
    const json = await acctJson<{ scheduled: number; new: number }>(db, ["import", file(scheduled), "--from", "hubspot", "--dry-run"]);
    expect([json.scheduled, json.new]).toEqual([1, 0]);
    // The same export after the 20th brings the call, and nothing twice.
    const later = await acct(db, ["import", file(scheduled), "--from", "hubspot"], { now: "2026-03-21" });
    expect(later.stdout).toMatch(/^5 rows: 3 already here, 1 new, 1 skipped/);
  });

  it("--map and --types override the preset key by key", async () => {
    const db = tempDb();
    expect((await acct(db, ["type", "add", "task"])).code).toBe(0);
    const result = await acct(db, [
      "import",
      file(HUBSPOT),
      "--from",
      "hubspot",
      "--map",
      "Activity assigned to=contact,Body preview=",
      "--types",
      "TASK=task,note=skip",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^5 rows: 0 already here, 4 new, 1 skipped;/);
    expect(brief(await list(db))).toEqual([
      ["2026-03-02", "call", 1, 12, "Sam Rep", null],
      ["2026-03-02", "meeting", 1, 45, "Sam Rep", null],
      ["2026-03-03", "email", 1, null, "Sam Rep", null],
      ["2026-03-03", "task", 1, null, "Sam Rep", null],
    ]);
  });

  it("--date-format reads dates the preset does not know", async () => {
    const db = tempDb();
    const text = "id;date;type;contact\nA-1;09.03.2026;call;Kim\nA-2;10.03.2026 14:30;meeting;Kim\n";
    const result = await acct(db, ["import", file(text), "--from", "generic", "--date-format", "dd.MM.yyyy"]);
    expect(result.code).toBe(0);
    expect(brief(await list(db)).map((e) => e.slice(0, 2))).toEqual([
      ["2026-03-09", "call"],
      ["2026-03-10", "meeting"],
    ]);
    expectUsageError(await acct(db, ["import", file(text), "--from", "generic", "--date-format", "MM/dd/yyyy"]), /^acct: line 2: date '09.03.2026'/);
  });

  it("--strict refuses rows whose type nothing maps", async () => {
    const db = tempDb();
    const result = await acct(db, ["import", file(HUBSPOT), "--from", "hubspot", "--strict"]);
    expectUsageError(result, /^acct: line 4: no acct type for 'TASK'/);
    expect(result.stderr).toMatch(/--types 'TASK=call'/);
  });

  it("--dry-run names the columns read and ignored and writes nothing", async () => {
    const db = tempDb();
    expect((await acct(db, ["log", "call"])).code).toBe(0);
    const before = fingerprint(db);
    const result = await acct(db, ["import", file(HUBSPOT), "--from", "hubspot", "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("columns ignored: Activity assigned to\n");
    expect(result.stdout).toContain("Activity date → date");
    expect(result.stdout).toMatch(/is fine: 5 rows: 0 already here, 3 new, 2 skipped \(nothing written\)\n$/);
    expect(fingerprint(db)).toBe(before);
    const json = await acctJson<{ ignoredColumns: string[]; new: number; skipped: Record<string, number> }>(db, [
      "import",
      file(HUBSPOT),
      "--from",
      "hubspot",
      "--dry-run",
      "--json",
    ]);
    expect(json).toMatchObject({ ignoredColumns: ["Activity assigned to"], new: 3, skipped: { TASK: 1, NOTE: 1 } });
  });

  it("skips and counts rows with no type value (a Salesforce event without a Type); --types '=meeting' maps them", async () => {
    const report = [
      '"Subject","Name","Type","Date","Duration","Activity ID"',
      '"Intro call","Ann Smith","Call","6/10/2026","15","00T1"',
      '"Event no type","Tom Jones","","6/13/2026","45","00U2"',
    ].join("\r\n");
    const db = tempDb();
    const first = await acct(db, ["import", file(report), "--from", "salesforce"], { now: "2026-06-15" });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^2 rows: 0 already here, 1 new, 1 skipped;/);
    expect(first.stderr).toContain("skipped 1 row of types nothing maps: (no type) 1");
    const mapped = await acct(db, ["import", file(report), "--from", "salesforce", "--types", "=meeting"], { now: "2026-06-15" });
    expect(mapped.stdout).toMatch(/^2 rows: 1 already here, 1 new;/);
    expect(brief(await list(db)).map((e) => e.slice(0, 4))).toEqual([
      ["2026-06-10", "call", 1, 15],
      ["2026-06-13", "meeting", 1, 45],
    ]);
    const strict = await acct(tempDb(), ["import", file(report), "--from", "salesforce", "--strict"], { now: "2026-06-15" });
    expectUsageError(strict, /^acct: line 3: type is empty\nhint: map it with --types '=call'/);
  });

  it("skips and counts activities whose status says they did not happen: to do, not started, cancelled", async () => {
    const pipedrive = [
      "Activity - ID,Activity - Subject,Activity - Type,Activity - Due date,Activity - Done,Activity - Contact person",
      "1,Made call,Call,2026-06-01,Done,Kim",
      "2,Overdue call never made,Call,2026-06-01,To do,Kim",
    ].join("\n");
    const salesforce = [
      '"Subject","Type","Date","Status","Activity ID"',
      '"Logged call","Call","6/2/2026","Completed","00T1"',
      '"Call back","Call","6/2/2026","Not Started","00T2"',
    ].join("\n");
    const hubspot = [
      "Record ID,Activity date,Activity type,Meeting outcome",
      "1,2026-06-03 10:00,MEETING,Completed",
      "2,2026-06-03 11:00,MEETING,Canceled",
      "3,2026-06-03 12:00,MEETING,",
    ].join("\n");
    const db = tempDb();
    for (const [text, preset, status] of [
      [pipedrive, "pipedrive", "To do"],
      [salesforce, "salesforce", "Not Started"],
      [hubspot, "hubspot", "Canceled"],
    ] as const) {
      const result = await acct(db, ["import", file(text), "--from", preset], { now: "2026-06-15" });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(`skipped 1 row not done (status ${status} 1): an entry records what was done`);
      const json = await acctJson<{ notDone: Record<string, number> }>(db, ["import", file(text), "--from", preset, "--dry-run"], { now: "2026-06-15" });
      expect(json.notDone).toEqual({ [status]: 1 });
    }
    expect(brief(await list(db)).map((e) => e.slice(0, 2))).toEqual([
      ["2026-06-01", "call"],
      ["2026-06-02", "call"],
      ["2026-06-03", "meeting"],
      ["2026-06-03", "meeting"],
    ]);
  });

  it("gives a HubSpot meeting the minutes between its start and end time when no duration is written", async () => {
    const text = [
      "Record ID,Activity date,Activity type,Meeting name,Meeting start time,Meeting end time,Call and meeting duration,Associated Contact",
      '7001,2026-06-10 14:00,MEETING,"Acme, kickoff",2026-06-10 14:00,2026-06-10 15:30,,Bob',
      "7002,06/11/2026 09:00 AM,MEETING,Review,06/11/2026 09:00 AM,06/11/2026 09:45 AM,,Kim",
      "7003,2026-06-12 10:00,MEETING,Logged,2026-06-12 10:00,2026-06-12 12:00,00:20:00,Ann",
    ].join("\n");
    const db = tempDb();
    const dry = await acct(db, ["import", file(text), "--from", "hubspot", "--dry-run"], { now: "2026-06-15" });
    expect(dry.stdout).toContain("Call and meeting duration or Meeting start time to Meeting end time → minutes");
    expect(dry.stdout).not.toContain("columns ignored");
    expect((await acct(db, ["import", file(text), "--from", "hubspot"], { now: "2026-06-15" })).code).toBe(0);
    // A written duration wins over the span (7003).
    expect(brief(await list(db)).map((e) => [e[0], e[3], e[4]])).toEqual([
      ["2026-06-10", 90, "Bob"],
      ["2026-06-11", 45, "Kim"],
      ["2026-06-12", 20, "Ann"],
    ]);
    const bad = text.replace("2026-06-10 15:30", "half past three");
    const other = tempDb();
    expectUsageError(
      await acct(other, ["import", file(bad), "--from", "hubspot"], { now: "2026-06-15" }),
      /^acct: line 2: meeting time 'half past three' is not a date and time/,
    );
    expect(fingerprint(other)).toBe("absent");
  });

  it("says which rows --types skipped on purpose, apart from the ones nothing maps", async () => {
    const result = await acct(tempDb(), ["import", file(HUBSPOT), "--from", "hubspot", "--types", "task=skip"]);
    expect(result.stderr).toContain("skipped 1 row as --types says: TASK 1");
    expect(result.stderr).toContain("skipped 1 row of types nothing maps: NOTE 1");
    expectUsageError(
      await acct(tempDb(), ["import", file(HUBSPOT), "--from", "hubspot", "--types", "TASK"]),
      /--types 'TASK' is not Value=type\nhint: for example: --types 'Phone call=call/,
    );
  });

  it("refuses bad flags with exit 2, writing nothing", async () => {
    const db = tempDb();
    const path = file(HUBSPOT);
    expectUsageError(await acct(db, ["import", path, "--from", "hubspt"]), /unknown --from 'hubspt'[\s\S]*did you mean 'hubspot'/);
    expectUsageError(await acct(db, ["import", path, "--from", "hubspot", "--map", "Body preview=notes"]), /unknown field 'notes'[\s\S]*did you mean 'note'/);
    expectUsageError(await acct(db, ["import", path, "--from", "hubspot", "--map", "Subject=note"]), /the file has no column 'Subject'/);
    expectUsageError(await acct(db, ["import", path, "--from", "hubspot", "--types", "TASK=tsk"]), /--types: unknown activity type 'tsk'/);
    expectUsageError(await acct(db, ["import", path, "--from", "hubspot", "--date-format", "MM/yyyy"]), /--date-format 'MM\/yyyy' does not name/);
    expectUsageError(await acct(db, ["import", path, "--map", "Subject=note"]), /go with --from/);
    expect((await acct(db, ["log", "list"])).stdout).not.toMatch(/call/);
  });

  it("without --from, a CSV import is acct's own as before", async () => {
    const db = tempDb();
    const result = await acct(db, ["import", file("date,type,count\n2026-03-10,call,3\n")]);
    expect(result.stdout).toMatch(/^imported 1 entry dated 2026-03-10\.\.2026-03-10/);
  });
});

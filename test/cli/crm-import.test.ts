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

  it("a bad row rejects the whole file, named by its line; nothing is written", async () => {
    const db = tempDb();
    expect((await acct(db, ["log", "call"])).code).toBe(0);
    const before = fingerprint(db);
    const bad = HUBSPOT.replace("03/03/2026 11:15 AM", "13/45/2026 11:15 AM");
    const result = await acct(db, ["import", file(bad), "--from", "hubspot"]);
    expectUsageError(result, /^acct: line 5: date '13\/45\/2026 11:15 AM' is not in the form MM\/dd\/yyyy/);
    expect(fingerprint(db)).toBe(before);
    const future = HUBSPOT.replace("03/04/2026 08:00 AM,NOTE", "12/24/2026 08:00 AM,CALL");
    expectUsageError(await acct(db, ["import", file(future), "--from", "hubspot"]), /^acct: line 6: date 2026-12-24 is in the future/);
    expect(fingerprint(db)).toBe(before);
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

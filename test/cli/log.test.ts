import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/cli.js";

const logged = (db: string, args: string[], now?: string) => acctJson<EntryJson>(db, ["log", ...args], { now });
const list = (db: string, args: string[] = []) => acctJson<EntryJson[]>(db, ["log", "list", ...args]);

describe("acct log", () => {
  it("records an entry and echoes it, as text or as the entry object", () => {
    const db = tempDb();
    const text = acct(db, ["log", "call", "3", "--contact", "Acme", "--note", "follow up"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe("logged #1 2026-03-12 3 calls, Acme: follow up\n");
    expect(logged(db, ["meeting", "--minutes", "45"])).toEqual({ id: 2, date: "2026-03-12", type: "meeting", count: 1, amount: null, minutes: 45, contact: null, note: null });
  });

  it.each([
    [["Calls", "2"], { type: "call", count: 2 }],
    [["CALL"], { type: "call", count: 1 }],
    [["opp"], { type: "opportunity" }],
    [["OPP"], { type: "opportunity" }],
    [["Opportunities", "4"], { type: "opportunity", count: 4 }],
    [["emails", "10"], { type: "email", count: 10 }],
    [["deal", "--amount", "42k"], { type: "deal", amount: 42000 }],
    [["deal", "--amount", "$42,000.50"], { type: "deal", amount: 42000.5 }],
    [["deal", "--amount", "1.5m"], { type: "deal", amount: 1500000 }],
    [["deal", "--amount", "42,000"], { type: "deal", amount: 42000 }],
    [["deal"], { type: "deal", amount: null }],
    [["call", "--date", "yesterday"], { date: "2026-03-11" }],
    [["call", "--date", "mon"], { date: "2026-03-09" }],
    [["call", "--date", "Thursday"], { date: "2026-03-12" }],
    [["call", "--date", "2026-01-05"], { date: "2026-01-05" }],
  ])("accepts %j", (args, expected) => {
    expect(logged(tempDb(), args)).toMatchObject(expected);
  });

  it("logs a custom type, singular or plural", () => {
    const db = tempDb();
    expect(acct(db, ["type", "add", "linkedin"]).code).toBe(0);
    expect(logged(db, ["LinkedIns", "5"])).toMatchObject({ type: "linkedin", count: 5 });
  });

  it("refuses a custom type named like a log subcommand", () => {
    const db = tempDb();
    for (const name of ["list", "edit", "rm"]) expectUsageError(acct(db, ["type", "add", name]), /taken by a command/);
    expect(existsSync(db)).toBe(false);
  });

  it("stores awkward text verbatim", () => {
    const db = tempDb();
    const note = `'); DROP TABLE entries;-- "quoted", commas\nand a new line 😀`;
    expect(logged(db, ["call", "--note", note, "--contact", "=HYPERLINK(\"x\")"])).toMatchObject({ note, contact: '=HYPERLINK("x")' });
    expect(list(db)[0]).toMatchObject({ note });
  });

  it("suggests the closest type for an unknown one", () => {
    const db = tempDb();
    expectUsageError(acct(db, ["log", "cals"]), /unknown activity type 'cals'[\s\S]*did you mean 'call'/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("names the closest type even for a far-off name", () => {
    const db = tempDb();
    expectUsageError(acct(db, ["log", "xyzzy"]), /unknown activity type 'xyzzy'\nhint: the closest is '\w+'; types: call, email/);
  });

  it("points a mistyped subcommand to the subcommand", () => {
    const db = tempDb();
    expectUsageError(acct(db, ["log", "lst"]), /unknown activity type 'lst'\nhint: did you mean 'acct log list'\?/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("without a type and without a terminal, exits 2 naming what is missing", () => {
    expectUsageError(acct(tempDb(), ["log"]), /log needs an activity type/);
  });
});

describe("acct log list / edit / rm and acct undo", () => {
  const seed = () => {
    const db = tempDb();
    logged(db, ["call", "5", "--date", "2026-03-02"]);
    logged(db, ["meeting", "--date", "2026-03-09"]);
    logged(db, ["call", "3", "--date", "2026-03-10"]);
    logged(db, ["deal", "--amount", "40k", "--date", "2026-03-12"]);
    return db;
  };

  it("filters by date and type", () => {
    const db = seed();
    expect(list(db).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect(list(db, ["--from", "mon"]).map((e) => e.id)).toEqual([2, 3, 4]);
    expect(list(db, ["--to", "2026-03-09"]).map((e) => e.id)).toEqual([1, 2]);
    expect(list(db, ["--from", "2026-03-03", "--to", "2026-03-10", "--type", "Calls"]).map((e) => e.id)).toEqual([3]);
    const table = acct(db, ["log", "list", "--type", "deal"]);
    expect(table.stdout).toContain("$40,000");
    expect(table.stdout).not.toContain("meeting");
    expect(acct(tempDb(), ["log", "list"]).stdout).toBe("no entries\n");
  });

  it("edits any field, and undo puts the old values back", () => {
    const db = seed();
    const before = list(db);
    const edited = acctJson<EntryJson>(db, ["log", "edit", "3", "--count", "4", "--type", "meeting", "--minutes", "30", "--contact", "Bo", "--note", "n", "--date", "2026-03-11"]);
    expect(edited).toEqual({ id: 3, date: "2026-03-11", type: "meeting", count: 4, amount: null, minutes: 30, contact: "Bo", note: "n" });
    expect(acctJson<EntryJson>(db, ["log", "edit", "4", "--amount", "45k"]).amount).toBe(45000);
    expect(acctJson<EntryJson>(db, ["log", "edit", "3", "--clear", "note,minutes"])).toMatchObject({ note: null, minutes: null, contact: "Bo" });
    for (let i = 0; i < 3; i++) expect(acct(db, ["undo"]).code).toBe(0);
    expect(list(db)).toEqual(before);
  });

  it("removes an entry, keeps the row, and undo brings it back", () => {
    const db = seed();
    const result = acct(db, ["log", "rm", "2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("removed #2 2026-03-09 1 meeting\n");
    expect(list(db).map((e) => e.id)).toEqual([1, 3, 4]);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) AS n FROM entries WHERE id = 2 AND deleted_at IS NOT NULL").get()).toEqual({ n: 1 });
    conn.close();
    expect(acct(db, ["undo"]).stdout).toBe("undid: rm #2 2026-03-09 1 meeting\n");
    expect(list(db).map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  it("undoes adds one by one, then says there is nothing left (exit 1)", () => {
    const db = seed();
    expect(acct(db, ["undo"]).stdout).toBe("undid: log #4 2026-03-12 1 deal\n");
    expect(acctJson<{ undone: string }>(db, ["undo"])).toEqual({ undone: "log #3 2026-03-10 3 calls" });
    acct(db, ["undo"]);
    acct(db, ["undo"]);
    expect(list(db)).toEqual([]);
    const none = acct(db, ["undo"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^acct: nothing to undo/);
    expect(acct(tempDb(), ["undo"]).code).toBe(1);
  });

  it("undoes plan, day-off and type changes too", () => {
    const db = tempDb();
    expect(acct(db, ["plan", "set", "--target", "1m", "--deal-size", "40k", "--win-rate", "25%", "--meeting-rate", "50%", "--call-rate", "10%"]).code).toBe(0);
    expect(acct(db, ["plan", "set", "--target", "2m", "--deal-size", "40k", "--win-rate", "25%", "--meeting-rate", "50%", "--call-rate", "10%"]).code).toBe(0);
    expect(acct(db, ["off", "add", "2026-08-03..2026-08-14"]).code).toBe(0);
    expect(acct(db, ["type", "add", "linkedin"]).code).toBe(0);
    expect(acct(db, ["undo"]).stdout).toBe("undid: type add linkedin\n");
    expect(acctJson<unknown[]>(db, ["type", "list"])).toHaveLength(5);
    expect(acct(db, ["undo"]).stdout).toMatch(/^undid: off add 2026-08-03\.\.2026-08-14/);
    expect(acctJson(db, ["off", "list"])).toEqual([]);
    expect(acct(db, ["undo"]).stdout).toBe("undid: plan set 2026\n");
    expect(acctJson<{ target: number }>(db, ["plan", "show"]).target).toBe(1000000);
    expect(acct(db, ["undo"]).code).toBe(0);
    expect(acct(db, ["plan", "show"]).code).toBe(1);
  });

  it("purges removed entries for good", () => {
    const db = seed();
    acct(db, ["log", "rm", "1", "2"]);
    expect(acctJson(db, ["log", "purge"])).toEqual({ purged: 2 });
    expect(acct(db, ["undo"]).code).toBe(1);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) AS n FROM entries").get()).toEqual({ n: 2 });
    conn.close();
  });

  it("takes global options after the subcommand", () => {
    const db = seed();
    const result = acct(null, ["log", "edit", "1", "--note", "x", "--db", db, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).note).toBe("x");
  });
});

describe("bad input exits 2 and writes nothing", () => {
  const note501 = "x".repeat(501);
  it.each([
    [["log", "call", "0"], /count must be from 1 to 100,000/],
    [["log", "call", "-3"], /count|unknown option/],
    [["log", "call", "--", "-3"], /count must be from 1/],
    [["log", "call", "2.5"], /count '2.5' is not a whole number/],
    [["log", "call", "abc"], /count 'abc' is not a whole number/],
    [["log", "call", "100001"], /count must be from 1 to 100,000/],
    [["log", "deal", "--amount", "0"], /amount must be more than zero/],
    [["log", "deal", "--amount", "-5"], /amount '-5' is not a money amount/],
    [["log", "deal", "--amount", "12xyz"], /amount '12xyz' is not a money amount/],
    [["log", "deal", "--amount", "9e99"], /amount '9e99' is not a money amount/],
    [["log", "call", "--amount", "5k"], /an amount is only for deals/],
    [["log", "meeting", "--minutes", "-10"], /minutes must be from 0 to 100,000 \(got '-10'\)/],
    [["log", "call", "--date", "2026-02-30"], /date '2026-02-30' does not exist/],
    [["log", "call", "--date", "someday"], /date 'someday' is not a date/],
    [["log", "call", "--date", "tomorrow"], /is in the future/],
    [["log", "call", "--note", note501], /note is 501 characters long; the most is 500/],
    [["log", "call", "--contact", ""], /contact must not be empty/],
    [["log", "call", "--bogus"], /unknown option '--bogus'/],
    [["log", "list", "--bogus"], /unknown option '--bogus'/],
    [["log", "list", "--from", "someday"], /not a date/],
    [["log", "edit", "99", "--count", "2"], /no entry with id 99/],
    [["log", "edit", "1", "--count", "0"], /count must be from 1/],
    [["log", "edit", "1"], /nothing to change/],
    [["log", "edit", "1", "--bogus", "1"], /unknown option '--bogus'/],
    [["log", "edit", "abc", "--count", "2"], /id 'abc' is not a whole number/],
    [["log", "rm", "99"], /no entry with id 99/],
    [["log", "rm", "1", "99"], /no entry with id 99/],
    [["log", "rm", "1", "--note", "x"], /unknown option '--note'/],
    [["undo", "--bogus"], /unknown option '--bogus'/],
  ])("%j", (args, pattern) => {
    const db = tempDb();
    logged(db, ["call", "2"]);
    const before = fingerprint(db);
    expectUsageError(acct(db, args), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("does not create the file for bad input", () => {
    const db = tempDb();
    expectUsageError(acct(db, ["log", "call", "0"]), /count/);
    expect(existsSync(db)).toBe(false);
  });
});

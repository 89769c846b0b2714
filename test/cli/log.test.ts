import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const logged = async (db: string, args: string[], now?: string) => await acctJson<EntryJson>(db, ["log", ...args], { now });
const list = async (db: string, args: string[] = []) => await acctJson<EntryJson[]>(db, ["log", "list", ...args]);

describe("acct log", () => {
  it("records an entry and echoes it, as text or as the entry object", async () => {
    const db = tempDb();
    const text = await acct(db, ["log", "call", "3", "--contact", "Acme", "--note", "follow up"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe("logged #1 2026-03-12 3 calls, Acme: follow up\n");
    expect(await logged(db, ["meeting", "--minutes", "45"])).toEqual({
      id: 2,
      date: "2026-03-12",
      type: "meeting",
      count: 1,
      amount: null,
      minutes: 45,
      contact: null,
      note: null,
      opp: null,
    });
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
  ])("accepts %j", async (args, expected) => {
    expect(await logged(tempDb(), args)).toMatchObject(expected);
  });

  it("logs a custom type, singular or plural", async () => {
    const db = tempDb();
    expect((await acct(db, ["type", "add", "linkedin"])).code).toBe(0);
    expect(await logged(db, ["LinkedIns", "5"])).toMatchObject({ type: "linkedin", count: 5 });
  });

  it("refuses a custom type named like a log subcommand", async () => {
    const db = tempDb();
    for (const name of ["list", "edit", "rm"]) expectUsageError(await acct(db, ["type", "add", name]), /taken by a command/);
    expect(existsSync(db)).toBe(false);
  });

  it("stores awkward text verbatim", async () => {
    const db = tempDb();
    const note = `'); DROP TABLE entries;-- "quoted", commas\nand a new line 😀`;
    expect(await logged(db, ["call", "--note", note, "--contact", '=HYPERLINK("x")'])).toMatchObject({ note, contact: '=HYPERLINK("x")' });
    expect((await list(db))[0]).toMatchObject({ note });
  });

  it("suggests the closest type for an unknown one", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["log", "cals"]), /unknown activity type 'cals'[\s\S]*did you mean 'call'/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("names the closest type even for a far-off name", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["log", "xyzzy"]), /unknown activity type 'xyzzy'\nhint: the closest is '\w+'; types: call, email/);
  });

  it("points a mistyped subcommand to the subcommand", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["log", "lst"]), /unknown activity type 'lst'\nhint: did you mean 'acct log list'\?/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("without a type and without a terminal, exits 2 naming what is missing", async () => {
    expectUsageError(await acct(tempDb(), ["log"]), /log needs an activity type/);
  });
});

describe("acct log list / edit / rm and acct undo", () => {
  const seed = async () => {
    const db = tempDb();
    await logged(db, ["call", "5", "--date", "2026-03-02"]);
    await logged(db, ["meeting", "--date", "2026-03-09"]);
    await logged(db, ["call", "3", "--date", "2026-03-10"]);
    await logged(db, ["deal", "--amount", "40k", "--date", "2026-03-12"]);
    return db;
  };

  it("filters by date and type", async () => {
    const db = await seed();
    expect((await list(db)).map((e) => e.id)).toEqual([1, 2, 3, 4]);
    expect((await list(db, ["--from", "mon"])).map((e) => e.id)).toEqual([2, 3, 4]);
    expect((await list(db, ["--to", "2026-03-09"])).map((e) => e.id)).toEqual([1, 2]);
    expect((await list(db, ["--from", "2026-03-03", "--to", "2026-03-10", "--type", "Calls"])).map((e) => e.id)).toEqual([3]);
    const table = await acct(db, ["log", "list", "--type", "deal"]);
    expect(table.stdout).toContain("$40,000");
    expect(table.stdout).not.toContain("meeting");
    expect((await acct(tempDb(), ["log", "list"])).stdout).toBe("no entries\n");
  });

  it("edits any field, and undo puts the old values back", async () => {
    const db = await seed();
    const before = await list(db);
    const edited = await acctJson<EntryJson>(db, [
      "log",
      "edit",
      "3",
      "--count",
      "4",
      "--type",
      "meeting",
      "--minutes",
      "30",
      "--contact",
      "Bo",
      "--note",
      "n",
      "--date",
      "2026-03-11",
    ]);
    expect(edited).toEqual({ id: 3, date: "2026-03-11", type: "meeting", count: 4, amount: null, minutes: 30, contact: "Bo", note: "n", opp: null });
    expect((await acctJson<EntryJson>(db, ["log", "edit", "4", "--amount", "45k"])).amount).toBe(45000);
    expect(await acctJson<EntryJson>(db, ["log", "edit", "3", "--clear", "note,minutes"])).toMatchObject({ note: null, minutes: null, contact: "Bo" });
    for (let i = 0; i < 3; i++) expect((await acct(db, ["undo"])).code).toBe(0);
    expect(await list(db)).toEqual(before);
  });

  it("removes an entry, keeps the row, and undo brings it back", async () => {
    const db = await seed();
    const result = await acct(db, ["log", "rm", "2"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("removed #2 2026-03-09 1 meeting\n");
    expect((await list(db)).map((e) => e.id)).toEqual([1, 3, 4]);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) AS n FROM entries WHERE id = 2 AND deleted_at IS NOT NULL").get()).toEqual({ n: 1 });
    conn.close();
    expect((await acct(db, ["undo"])).stdout).toBe("undid: rm #2 2026-03-09 1 meeting\n");
    expect((await list(db)).map((e) => e.id)).toEqual([1, 2, 3, 4]);
  });

  it("undoes adds one by one, then says there is nothing left (exit 1)", async () => {
    const db = await seed();
    expect((await acct(db, ["undo"])).stdout).toBe("undid: log #4 2026-03-12 1 deal\n");
    expect(await acctJson<{ undone: string }>(db, ["undo"])).toEqual({ undone: "log #3 2026-03-10 3 calls" });
    await acct(db, ["undo"]);
    await acct(db, ["undo"]);
    expect(await list(db)).toEqual([]);
    const none = await acct(db, ["undo"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^acct: nothing to undo/);
    expect((await acct(tempDb(), ["undo"])).code).toBe(1);
  });

  it("undoes plan, day-off and type changes too", async () => {
    const db = tempDb();
    expect(
      (await acct(db, ["plan", "set", "--target", "1m", "--deal-size", "40k", "--win-rate", "25%", "--meeting-rate", "50%", "--call-rate", "10%"])).code,
    ).toBe(0);
    expect(
      (await acct(db, ["plan", "set", "--target", "2m", "--deal-size", "40k", "--win-rate", "25%", "--meeting-rate", "50%", "--call-rate", "10%"])).code,
    ).toBe(0);
    expect((await acct(db, ["off", "add", "2026-08-03..2026-08-14"])).code).toBe(0);
    expect((await acct(db, ["type", "add", "linkedin"])).code).toBe(0);
    expect((await acct(db, ["undo"])).stdout).toBe("undid: type add linkedin\n");
    expect(await acctJson<unknown[]>(db, ["type", "list"])).toHaveLength(5);
    expect((await acct(db, ["undo"])).stdout).toMatch(/^undid: off add 2026-08-03\.\.2026-08-14/);
    expect(await acctJson(db, ["off", "list"])).toEqual([]);
    expect((await acct(db, ["undo"])).stdout).toBe("undid: plan set 2026\n");
    expect((await acctJson<{ target: number }>(db, ["plan", "show"])).target).toBe(1000000);
    expect((await acct(db, ["undo"])).code).toBe(0);
    expect((await acct(db, ["plan", "show"])).code).toBe(1);
  });

  it("purges removed entries for good", async () => {
    const db = await seed();
    await acct(db, ["log", "rm", "1", "2"]);
    expect(await acctJson(db, ["log", "purge"])).toEqual({ purged: 2 });
    expect((await acct(db, ["undo"])).code).toBe(1);
    const conn = new Database(db, { readonly: true });
    expect(conn.prepare("SELECT count(*) AS n FROM entries").get()).toEqual({ n: 2 });
    conn.close();
  });

  it("takes global options after the subcommand", async () => {
    const db = await seed();
    const result = await acct(null, ["log", "edit", "1", "--note", "x", "--db", db, "--json"]);
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
    [["log", "call", "abc"], /unknown activity type 'abc'/],
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
  ])("%j", async (args, pattern) => {
    const db = tempDb();
    await logged(db, ["call", "2"]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, args), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("does not create the file for bad input", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["log", "call", "0"]), /count/);
    expect(existsSync(db)).toBe(false);
  });
});

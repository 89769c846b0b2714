import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const list = async (db: string) => await acctJson<EntryJson[]>(db, ["log", "list"]);
const pairs = (entries: EntryJson[]) => entries.map((e) => [e.type, e.count]);

describe("acct log with several types", () => {
  it("logs one entry per type, each echoed", async () => {
    const db = tempDb();
    const result = await acct(db, ["log", "call", "18", "meeting", "2", "opp", "1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("logged #1 2026-03-12 18 calls\nlogged #2 2026-03-12 2 meetings\nlogged #3 2026-03-12 1 opportunity\n");
    expect(pairs(await list(db))).toEqual([
      ["call", 18],
      ["meeting", 2],
      ["opportunity", 1],
    ]);
  });

  it("counts default to 1; a type may come twice; custom types too", async () => {
    const db = tempDb();
    expect((await acct(db, ["type", "add", "linkedin"])).code).toBe(0);
    expect((await acct(db, ["log", "call", "meeting", "LinkedIns", "4", "call"])).code).toBe(0);
    expect(pairs(await list(db))).toEqual([
      ["call", 1],
      ["meeting", 1],
      ["linkedin", 4],
      ["call", 1],
    ]);
  });

  it("dates every entry with --date and gives each the note and contact", async () => {
    const db = tempDb();
    const entries = await acctJson<EntryJson[]>(db, [
      "log",
      "call",
      "5",
      "email",
      "3",
      "--date",
      "yesterday",
      "--note",
      "Acme push",
      "--contact",
      "Acme",
      "--json",
    ]);
    expect(entries).toEqual([
      { id: 1, date: "2026-03-11", type: "call", count: 5, amount: null, minutes: null, contact: "Acme", note: "Acme push", opp: null },
      { id: 2, date: "2026-03-11", type: "email", count: 3, amount: null, minutes: null, contact: "Acme", note: "Acme push", opp: null },
    ]);
  });

  it("gives --amount to the one deal among them", async () => {
    const entries = await acctJson<EntryJson[]>(tempDb(), ["log", "meeting", "deal", "--amount", "42k", "--json"]);
    expect(entries.map((e) => [e.type, e.amount])).toEqual([
      ["meeting", null],
      ["deal", 42000],
    ]);
  });

  it("keeps --json of a single entry the entry object", async () => {
    expect(await acctJson<EntryJson>(tempDb(), ["log", "call", "2", "--json"])).toMatchObject({ id: 1, type: "call", count: 2 });
  });

  it("is one undo step, named after all the entries", async () => {
    const db = tempDb();
    await acct(db, ["log", "email", "4"]);
    await acct(db, ["log", "call", "18", "meeting", "2", "opp", "1"]);
    expect((await acct(db, ["undo"])).stdout).toBe("undid: log #2-#4 2026-03-12 18 calls, 2 meetings, 1 opportunity\n");
    expect(pairs(await list(db))).toEqual([["email", 4]]);
  });
});

describe("several types: bad input exits 2 and writes nothing", () => {
  it.each([
    [["log", "call", "18", "meetng", "2"], /unknown activity type 'meetng'\nhint: did you mean 'meeting'\?/],
    [["log", "call", "18", "meeting", "0"], /count must be from 1 to 100,000 \(got '0'\)/],
    [["log", "call", "18", "meeting", "100001"], /count must be from 1 to 100,000/],
    [["log", "call", "2.5", "meeting"], /count '2.5' is not a whole number/],
    [["log", "5", "call"], /a count comes after its type, not before \('5' is first\)/],
    [["log", "call", "18", "2"], /two counts in a row \('18 2'\)/],
    [["log", "call", "meeting", "--minutes", "30"], /--minutes is for one entry/],
    [["log", "call", "meeting", "--amount", "5k"], /--amount needs exactly one deal among the entries \(there are 0\)/],
    [["log", "deal", "deal", "--amount", "5k"], /--amount needs exactly one deal among the entries \(there are 2\)/],
    [["log", "call", "meeting", "--date", "tomorrow"], /is in the future/],
  ])("%j", async (args, pattern) => {
    const db = tempDb();
    await acct(db, ["log", "call", "2"]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, args), pattern);
    expect(fingerprint(db)).toBe(before);
  });
});

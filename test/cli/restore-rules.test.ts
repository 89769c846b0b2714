/**
 * A JSON restore checks every row as the commands would: one bad row rejects
 * the file with its table and row, and nothing is written (the target file is
 * not even created). One case per class of bad row; the domain test
 * (test/unit/restore-rules.test.ts) holds the variants.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";
import { DEMO_NOW, demoExportText, type ExportDoc, type ExportRow } from "../helpers/demo-export.js";

let base = "";

beforeAll(async () => {
  base = await demoExportText();
});

const rowOf = (doc: ExportDoc, table: string, match: (r: ExportRow) => boolean = () => true): ExportRow => {
  const row = doc.tables[table]?.find(match);
  if (!row) throw new Error(`no such row in ${table}`);
  return row;
};
const indexOf = (doc: ExportDoc, table: string, match: (r: ExportRow) => boolean): number => doc.tables[table]!.findIndex(match);

type Case = [string, (doc: ExportDoc) => void, RegExp];

const CASES: Case[] = [
  [
    "seasonality of 11 weights",
    (d) => void (rowOf(d, "plans").seasonality = "[1,1,1,1,1,1,1,1,1,1,1]"),
    /^acct: tables\.plans\[0\]: seasonality needs 12 month weights, got 11/,
  ],
  [
    "seasonality all zero",
    (d) => void (rowOf(d, "plans").seasonality = "[0,0,0,0,0,0,0,0,0,0,0,0]"),
    /^acct: tables\.plans\[0\]: seasonality weights must not all be zero/,
  ],
  ["workdays not weekdays", (d) => void (rowOf(d, "plans").workdays = "mon,someday"), /^acct: tables\.plans\[0\]: workdays: 'someday' is not a weekday/],
  ["a win rate of 0", (d) => void (rowOf(d, "plans").win_rate = 0), /^acct: tables\.plans\[0\]: win_rate 0 is not a rate from 0.001 to 1/],
  [
    "a win rate too small to plan on",
    (d) => void (rowOf(d, "plans").win_rate = 1e-300),
    /^acct: tables\.plans\[0\]: win_rate 1e-300 is not a rate from 0\.001 to 1/,
  ],
  ["a call rate of 2", (d) => void (rowOf(d, "plans").call_rate = 2), /^acct: tables\.plans\[0\]: call_rate 2 is not a rate/],
  ["hours per day of 0", (d) => void (rowOf(d, "plans").hours_per_day = 0), /^acct: tables\.plans\[0\]: hours_per_day 0 is not a number above 0/],
  ["a plan year out of range", (d) => void (rowOf(d, "plans").year = 12026), /^acct: tables\.plans\[0\]: year 12026 is not a year/],
  ["a target of no money", (d) => void (rowOf(d, "plans").target = 0), /^acct: tables\.plans\[0\]: target 0 is not an amount of cents/],
  ["block days not weekdays", (d) => void (rowOf(d, "blocks").days = "tue,thu,xyz"), /^acct: tables\.blocks\[0\]: days: 'xyz' is not a weekday/],
  ["a block ending before it starts", (d) => void (rowOf(d, "blocks").start_min = 1000), /^acct: tables\.blocks\[0\]: end_min 570 is not after start_min 1000/],
  ["a block past midnight", (d) => void (rowOf(d, "blocks").end_min = 1500), /^acct: tables\.blocks\[0\]: end_min 1500 is not a whole number from 0 to 1439/],
  [
    "CR/LF in the install id",
    (d) => void (rowOf(d, "settings", (r) => r.key === "install-id").value = "abc\r\nDTSTART:1"),
    /^acct: tables\.settings\[2\]: setting install-id: install id "abc\\r\\nDTSTART:1"/,
  ],
  [
    "an email with ?body=",
    (d) => void (rowOf(d, "settings", (r) => r.key === "buddy.email").value = "sam@example.com?body=pwned"),
    /^acct: tables\.settings\[0\]: setting buddy\.email: "sam@example\.com\?body=pwned" is not an email address/,
  ],
  ["an unknown setting", (d) => d.tables.settings!.push({ key: "colour", value: "red" }), /^acct: tables\.settings\[3\]: unknown setting "colour"/],
  [
    "an entry in the future",
    (d) => void (rowOf(d, "entries").date = "2026-03-13"),
    /^acct: tables\.entries\[0\]: date 2026-03-13 is in the future \(today is 2026-03-12\)/,
  ],
  [
    "a NUL byte in a note",
    (d) => void (rowOf(d, "entries").note = "before\u0000after"),
    /^acct: tables\.entries\[0\]: note is not text .* without a NUL character/,
  ],
  ["a NUL byte in a label", (d) => void (rowOf(d, "blocks").label = "Calls\u0000"), /^acct: tables\.blocks\[0\]: label contains a NUL character/],
  [
    "a count out of range",
    (d) => void (rowOf(d, "entries").count = 100_001),
    /^acct: tables\.entries\[0\]: count 100001 is not a whole number from 1 to 100000/,
  ],
  [
    "a custom type named like a built-in one",
    (d) => void (rowOf(d, "custom_types").name = "meetings"),
    /^acct: tables\.custom_types\[0\]: name: type 'meetings' already exists/,
  ],
  ["a malformed week", (d) => void (rowOf(d, "reviews").week = "2026-W60"), /^acct: tables\.reviews\[0\]: week '2026-W60' is not an ISO week/],
  ["a review of a week to come", (d) => void (rowOf(d, "reviews").week = "2026-W20"), /^acct: tables\.reviews\[0\]: week 2026-W20 has not started yet/],
  [
    "a commitment carried from itself",
    (d) => void (rowOf(d, "commitments", (r) => r.id === 4).carried_from = 4),
    /^acct: tables\.commitments\[3\]: commitment 4 is carried from itself/,
  ],
  [
    "commitments carried in a circle",
    (d) => void (rowOf(d, "commitments", (r) => r.id === 3).carried_from = 5),
    /^acct: tables\.commitments\[2\]: carried_from 5 is not an earlier commitment/,
  ],
  ["a block mark of no block", (d) => void (rowOf(d, "block_marks").block_id = 99), /^acct: tables\.block_marks\[0\]: block_id 99 is not a block of the file/],
  [
    "a block mark off the block's days",
    (d) => void (rowOf(d, "block_marks", (r) => r.block_id === 1).date = "2026-01-05"),
    /^acct: tables\.block_marks\[0\]: date 2026-01-05 is a mon: block 1 is on tue,thu/,
  ],
  [
    "a weekly target for a cascade type",
    (d) => void (rowOf(d, "target_changes").type = "call"),
    /^acct: tables\.target_changes\[0\]: type 'call' has no weekly target/,
  ],
  [
    "a day off longer than a year",
    (d) => void (rowOf(d, "days_off").to_date = "2027-06-30"),
    /^acct: tables\.days_off\[0\]: range 2026-01-30\.\.2027-06-30 is longer than a year/,
  ],
  ["an id that is not a whole number", (d) => void (rowOf(d, "days_off").id = "1"), /^acct: tables\.days_off\[0\]: id "1" is not a whole number from 1/],
  [
    "a timestamp that is not one",
    (d) => void (rowOf(d, "commitments").created_on = "last week"),
    /^acct: tables\.commitments\[0\]: created_on "last week" is not a real YYYY-MM-DD date/,
  ],
];

describe("a JSON restore checks every row as the commands do", () => {
  it("restores the untouched export", async () => {
    const db = tempDb();
    const file = join(dirname(db), "good.json");
    writeFileSync(file, base);
    expect((await acct(db, ["import", file], { now: DEMO_NOW })).code).toBe(0);
  });

  it.each(CASES)("%s: exit 2, naming the row, nothing written", async (_name, mutate, pattern) => {
    const doc = JSON.parse(base) as ExportDoc;
    mutate(doc);
    const db = tempDb();
    const file = join(dirname(db), "bad.json");
    writeFileSync(file, JSON.stringify(doc));
    expectUsageError(await acct(db, ["import", file, "--dry-run"], { now: DEMO_NOW }), pattern);
    expectUsageError(await acct(db, ["import", file], { now: DEMO_NOW }), pattern);
    expect(fingerprint(db)).toBe("absent");
  });

  it("names the line too in the layout export writes, and stays one line for hostile text", async () => {
    const doc = JSON.parse(base) as ExportDoc;
    const lines = base.split("\n");
    const line = lines.findIndex((l) => l.includes('"key":"buddy.name"')) + 1;
    const at = indexOf(doc, "settings", (r) => r.key === "buddy.name");
    const db = tempDb();
    const file = join(dirname(db), "bad.json");
    writeFileSync(file, base.replace('"value":"Sam Lee"', '"value":"Sam\\r\\nBcc: eve@example.com"'));
    const result = await acct(db, ["import", file], { now: DEMO_NOW });
    expectUsageError(result, new RegExp(`^acct: line ${line}: tables\\.settings\\[${at}\\]: setting buddy\\.name: buddy name must be one line`));
    expect(result.stderr.split("\n").filter((l) => l !== "")).toHaveLength(1);
    expect(fingerprint(db)).toBe("absent");
  });

  it("leaves an existing empty file as it was", async () => {
    const db = tempDb();
    expect((await acct(db, ["config", "set", "currency", "€"])).code).toBe(0);
    expect((await acct(db, ["config", "unset", "currency"])).code).toBe(0);
    const before = fingerprint(db);
    const doc = JSON.parse(base) as ExportDoc;
    rowOf(doc, "reviews").rating = 9;
    const file = join(dirname(db), "bad.json");
    writeFileSync(file, JSON.stringify(doc));
    expectUsageError(await acct(db, ["import", file], { now: DEMO_NOW }), /^acct: tables\.reviews\[0\]: rating 9 is not a whole number from 1 to 5/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("the command line refuses what a restore refuses", () => {
  it.each<[string, string[], RegExp]>([
    ["an email with ?body=", ["buddy", "set", "Sam", "--email", "sam@example.com?body=hi"], /^acct: "sam@example\.com\?body=hi" is not an email address/],
    ["a buddy name over two lines", ["buddy", "set", "Sam\nBcc: eve@example.com"], /^acct: buddy name must be one line/],
    [
      "a month weight past a billion",
      [
        "plan",
        "set",
        "--target",
        "1m",
        "--deal-size",
        "40k",
        "--win-rate",
        "0.25",
        "--meeting-rate",
        "0.5",
        "--call-rate",
        "0.1",
        "--seasonality",
        `${"9".repeat(400)},1,1,1,1,1,1,1,1,1,1,1`,
      ],
      /^acct: seasonality weight Infinity is too large/,
    ],
    [
      "rates that ask for more calls than a number counts exactly",
      ["plan", "set", "--target", "1000000000000", "--deal-size", "0.01", "--win-rate", "0.1%", "--meeting-rate", "0.1%", "--call-rate", "0.1%"],
      /^acct: the plan needs more calls than acct can count/,
    ],
    ["a day off longer than a year", ["off", "add", "2026-01-01..2027-01-02"], /^acct: range '2026-01-01\.\.2027-01-02' is longer than a year/],
  ])("%s", async (_name, args, pattern) => {
    const db = tempDb();
    expectUsageError(await acct(db, args, { now: DEMO_NOW }), pattern);
    expect(fingerprint(db)).toBe("absent");
  });
});

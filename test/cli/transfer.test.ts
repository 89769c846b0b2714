import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const AWKWARD = [
  "commas, everywhere, ,",
  "quotes \"double\" and 'single'",
  "new\nlines\r\nand CRLF",
  "emoji 😀🎉 and accents: café",
  "'); DROP TABLE entries;--",
  "=SUM(A1:A9)",
  "+1 555 0100",
  "-minus",
  "@mention",
  "  leading and trailing spaces  ",
];

const list = async (db: string) => await acctJson<EntryJson[]>(db, ["log", "list"]);
const withoutIds = (entries: EntryJson[]) => entries.map(({ id: _id, ...rest }) => rest);

async function seed(): Promise<string> {
  const db = tempDb();
  for (const [i, text] of AWKWARD.entries()) {
    expect(
      (
        await acct(db, [
          "log",
          i % 2 ? "call" : "meeting",
          String(i + 1),
          "--note",
          text,
          "--contact",
          AWKWARD[AWKWARD.length - 1 - i]!,
          "--minutes",
          String(i * 5),
        ])
      ).code,
    ).toBe(0);
  }
  expect((await acct(db, ["log", "deal", "--amount", "$42,000.50", "--date", "mon"])).code).toBe(0);
  expect((await acct(db, ["log", "email", "--date", "2026-01-02"])).code).toBe(0);
  return db;
}

const fileNear = (db: string, name: string) => join(dirname(db), name);

describe("export → import", () => {
  it("round-trips the entries through CSV verbatim", async () => {
    const db = await seed();
    const csv = fileNear(db, "entries.csv");
    expect((await acct(db, ["export", "--format", "csv", "--out", csv])).stdout).toBe(`exported 12 entries to ${csv}\n`);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("date,type,count,amount,minutes,contact,note\r\n")).toBe(true);
    expect(text).toContain('"new\nlines\r\nand CRLF"');
    expect(text).toContain(",=SUM(A1:A9)");

    const copy = tempDb();
    const result = await acct(copy, ["import", csv]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`imported 12 entries dated 2026-01-02..2026-03-12 from ${csv}; undo with: acct undo\n`);
    expect(withoutIds(await list(copy))).toEqual(withoutIds(await list(db)));
    // Stdout and --out write the same bytes.
    expect((await acct(copy, ["export", "--format", "csv"])).stdout).toBe(text);
  });

  it("brings custom types along in a CSV round trip, but still refuses a likely typo", async () => {
    const db = tempDb();
    expect((await acct(db, ["type", "add", "linkedin"])).code).toBe(0);
    expect((await acct(db, ["log", "linkedin", "3"])).code).toBe(0);
    expect((await acct(db, ["log", "call", "2"])).code).toBe(0);
    const csv = fileNear(db, "with-types.csv");
    expect((await acct(db, ["export", "--format", "csv", "--out", csv])).code).toBe(0);

    const copy = tempDb();
    const dry = await acct(copy, ["import", csv, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain("would add your own type: linkedin");
    expect(fingerprint(copy)).toBe("absent");
    const result = await acct(copy, ["import", csv, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 2, newTypes: ["linkedin"] });
    expect(await list(copy)).toEqual(await list(db));
    expect((await acct(copy, ["undo"])).code).toBe(0);
    expect((await acctJson<{ name: string }[]>(copy, ["type", "list"])).map((t) => t.name)).not.toContain("linkedin");

    const typo = fileNear(db, "typo.csv");
    writeFileSync(typo, "date,type,count,amount,minutes,contact,note\n2026-03-11,meetng,1,,,,\n");
    const fresh = tempDb();
    expectUsageError(await acct(fresh, ["import", typo]), /line 2: unknown activity type 'meetng'[\s\S]*did you mean 'meeting'/);
  });

  it("restores a whole database from JSON into a new file", async () => {
    const db = await seed();
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    expect((await acct(db, ["off", "add", "2026-08-03..2026-08-14", "--reason", "vacation"])).code).toBe(0);
    expect((await acct(db, ["type", "add", "linkedin"])).code).toBe(0);
    expect((await acct(db, ["plan", "target", "linkedin", "25"])).code).toBe(0);
    expect((await acct(db, ["log", "linkedin", "3"])).code).toBe(0);
    expect((await acct(db, ["log", "rm", "1"])).code).toBe(0);
    const json = fileNear(db, "backup.json");
    expect((await acct(db, ["export", "--out", json])).code).toBe(0);
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(doc).toMatchObject({ format: "acct-export", version: 1 });
    expect(Object.keys(doc.tables)).toEqual(
      expect.arrayContaining(["plans", "days_off", "custom_types", "weekly_targets", "entries", "settings", "blocks", "block_marks", "commitments", "reviews"]),
    );

    const copy = tempDb();
    expect(await acctJson(copy, ["import", json])).toMatchObject({ format: "json", dryRun: false, entries: 13 });
    expect(await list(copy)).toEqual(await list(db));
    expect((await acct(copy, ["plan", "show", "--json"])).stdout).toBe((await acct(db, ["plan", "show", "--json"])).stdout);
    expect((await acct(copy, ["off", "list", "--json"])).stdout).toBe((await acct(db, ["off", "list", "--json"])).stdout);
    // The removed entry came along, still removed: the export of the copy is the same document.
    expect((await acct(copy, ["export"])).stdout).toBe(readFileSync(json, "utf8"));
    // A restore is one undo step.
    expect((await acct(copy, ["undo"])).stdout).toMatch(/^undid: import/);
    expect(await list(copy)).toEqual([]);
  });

  it("refuses to restore JSON over existing data, writing nothing", async () => {
    const db = await seed();
    const json = fileNear(db, "backup.json");
    await acct(db, ["export", "--out", json]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["import", json]), /already holds data/);
    expect(fingerprint(db)).toBe(before);
  });

  it("adds CSV entries to existing ones, and undo takes the whole import back", async () => {
    const db = await seed();
    const csv = fileNear(db, "entries.csv");
    await acct(db, ["export", "--format", "csv", "--out", csv]);
    const before = await list(db);
    expect((await acct(db, ["import", csv])).code).toBe(0);
    expect(await list(db)).toHaveLength(24);
    expect((await acct(db, ["undo"])).stdout).toBe(`undid: import 12 entries from ${csv}\n`);
    expect(await list(db)).toEqual(before);
  });

  it("checks without writing on --dry-run", async () => {
    const db = await seed();
    const csv = fileNear(db, "entries.csv");
    await acct(db, ["export", "--format", "csv", "--out", csv]);
    const copy = tempDb();
    expect(await acctJson(copy, ["import", csv, "--dry-run"])).toEqual({
      format: "csv",
      dryRun: true,
      entries: 12,
      imported: 0,
      newTypes: [],
      from: "2026-01-02",
      to: "2026-03-12",
    });
    expect(existsSync(copy)).toBe(false);
    const json = fileNear(db, "backup.json");
    await acct(db, ["export", "--out", json]);
    expect((await acct(copy, ["import", json, "--dry-run"])).stdout).toMatch(/is fine: 12 entries would be restored \(nothing written\)/);
    expect(existsSync(copy)).toBe(false);
  });

  it("replaces an earlier export but not another file, unless --force", async () => {
    const db = await seed();
    const other = fileNear(db, "notes.txt");
    writeFileSync(other, "precious");
    expectUsageError(await acct(db, ["export", "--out", other]), /exists and is not an acct export; not replacing it/);
    expect(readFileSync(other, "utf8")).toBe("precious");
    const json = fileNear(db, "backup.json");
    expect((await acct(db, ["export", "--out", json])).code).toBe(0);
    expect((await acct(db, ["export", "--out", json])).code).toBe(0);
    expect((await acct(db, ["export", "--format", "csv", "--out", json])).code).toBe(0);
    expect((await acct(db, ["export", "--out", other, "--force"])).code).toBe(0);
    expect(JSON.parse(readFileSync(other, "utf8")).format).toBe("acct-export");
  });

  it("exports an empty database without creating it", async () => {
    const db = tempDb();
    expect((await acct(db, ["export", "--format", "csv"])).stdout).toBe("date,type,count,amount,minutes,contact,note\r\n");
    expect(JSON.parse((await acct(db, ["export"])).stdout)).toMatchObject({ format: "acct-export", tables: {} });
    expect(existsSync(db)).toBe(false);
  });
});

describe("a bad file is rejected whole, naming its line", () => {
  const HEADER = "date,type,count,amount,minutes,contact,note\n";
  const good = '2026-03-10,call,2,,,"Smith, John","line one\nline two"\n';

  // Each message, and the line it names, is the parser's (test/unit/entry-import.test.ts, csv.test.ts); here, that the
  // command refuses the whole file with it: exit 2, nothing written, good rows before the bad one included.
  it.each([
    [`${HEADER}${good}${good}2026-02-30,call,1,,,,\n`, /^acct: line 6: date '2026-02-30' is not a real/],
    [`${HEADER}${good}"unterminated,call,1,,,,\n`, /^acct: line 4: a quoted field is never closed/],
  ])("%j", async (text, pattern) => {
    const db = await seed();
    const file = fileNear(db, "bad.csv");
    writeFileSync(file, text);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["import", file]), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("rejects a bad JSON export, naming the row", async () => {
    const db = await seed();
    const json = fileNear(db, "backup.json");
    await acct(db, ["export", "--out", json]);
    const text = readFileSync(json, "utf8");
    const lines = text.split("\n");
    const row = lines.findIndex((l) => l.includes('"id":4,'));
    lines[row] = lines[row]!.replace('"count":4', '"count":0');
    writeFileSync(json, lines.join("\n"));
    const copy = tempDb();
    // In the layout export writes (one row per line) the error names the line too.
    expectUsageError(await acct(copy, ["import", json]), new RegExp(`^acct: line ${row + 1}: tables\\.entries\\[3\\]: count 0 is not a whole number`));
    const doc = JSON.parse(text);
    doc.tables.entries[3].count = 0;
    writeFileSync(json, JSON.stringify(doc));
    expectUsageError(await acct(copy, ["import", json]), /^acct: tables\.entries\[3\]: count 0 is not a whole number/);
    expect(existsSync(copy)).toBe(false);
    writeFileSync(json, "{ not json");
    expectUsageError(await acct(copy, ["import", json]), /is not valid JSON/);
    expectUsageError(await acct(copy, ["import", fileNear(db, "missing.csv")]), /no such file/);
    expectUsageError(await acct(copy, ["import", json, "--bogus"]), /unknown option '--bogus'/);
    expectUsageError(await acct(copy, ["export", "--format", "xml"]), /--format/);
    expect(existsSync(copy)).toBe(false);
  });
});

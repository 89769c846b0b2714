import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { EntryJson } from "../../src/domain/entry.js";
import { acct, acctJson, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

/** A data file with `n` entries, written straight into SQLite (the CLI makes the schema): one a day from 2016-01-01 on, cycling. */
async function bigDb(n: number): Promise<string> {
  const db = tempDb();
  expect((await acct(db, ["log", "email", "--date", "2015-12-31", "--note", "the very first"])).code).toBe(0);
  const conn = new Database(db);
  const insert = conn.prepare(
    "INSERT INTO entries (date, type, count, amount, minutes, contact, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')",
  );
  const start = Date.UTC(2016, 0, 1);
  conn.transaction(() => {
    for (let i = 2; i <= n; i++) {
      const date = new Date(start + Math.floor((i * 3650) / n) * 86_400_000).toISOString().slice(0, 10);
      const deal = i % 7 === 0;
      insert.run(date, deal ? "deal" : "call", 1 + (i % 5), deal ? 4_000_000 : null, null, i % 3 ? `Contact ${i}` : null, null);
    }
  })();
  conn.close();
  return db;
}

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("acct log list at any length", () => {
  it("shows the latest 100 by default, with a note on stderr saying how to see the rest; --all streams all 130,000 without failing", async () => {
    const n = 130_000;
    const db = await bigDb(n);
    const latest = await acct(db, ["log", "list"]);
    expect(latest.code).toBe(0);
    const shown = lines(latest.stdout);
    expect(shown).toHaveLength(101);
    expect(shown[0]).toMatch(/^ +ID {2}Date {8}Type {2}Count {2} *Amount {2}Contact$/);
    expect(shown[1]).toMatch(/^129901 {2}\d{4}-\d\d-\d\d {2}/);
    expect(shown[100]).toMatch(/^130000 {2}2025-\d\d-\d\d {2}call {6}1 +Contact 130000$/);
    expect(latest.stderr).toBe("… 129,900 earlier entries not shown: acct log list --all (or --from/--to/--limit)\n");

    const all = await acct(db, ["log", "list", "--all"]);
    expect(all.code).toBe(0);
    expect(all.stderr).toBe("");
    const every = lines(all.stdout);
    expect(every).toHaveLength(n + 1);
    expect(every[1]).toMatch(/^ +1 {2}2015-12-31 {2}email +1 +the very first$/);
    expect(every[n]!.split(/ +/)).toEqual(shown[100]!.split(/ +/));
    // Every line has the header's columns where the header has them: one width for all.
    const dateAt = every[0]!.indexOf("Date");
    expect(every.every((l) => /^\d{4}-\d\d-\d\d$/.test(l.slice(dateAt, dateAt + 10)))).toBe(false);
    expect(every.slice(1).every((l) => /^\d{4}-\d\d-\d\d$/.test(l.slice(dateAt, dateAt + 10)))).toBe(true);

    // --json lists everything, as it always did.
    const json = JSON.parse((await acct(db, ["log", "list", "--json"])).stdout) as EntryJson[];
    expect(json).toHaveLength(n);
    expect(json[n - 1]).toMatchObject({ id: n, type: "call", contact: `Contact ${n}` });
  });

  it("takes --limit, keeps the filters in the note, and says nothing when all are shown", async () => {
    const db = await bigDb(300);
    const three = await acct(db, ["log", "list", "--limit", "3"]);
    expect(lines(three.stdout).map((l) => l.trim().split(/ +/)[0])).toEqual(["ID", "298", "299", "300"]);
    expect(three.stderr).toBe("… 297 earlier entries not shown: acct log list --all (or --from/--to/--limit)\n");
    const filtered = await acct(db, ["log", "list", "--type", "deals", "--from", "2020-01-01", "--limit", "1"]);
    expect(lines(filtered.stdout)).toHaveLength(2);
    expect(filtered.stderr).toMatch(/^… [\d,]+ earlier entries not shown: acct log list --from 2020-01-01 --type deal --all \(or --from\/--to\/--limit\)\n$/);
    const one = await acct(db, ["log", "list", "--from", "2016-01-01", "--limit", "299"]);
    expect(one.stderr).toBe("");
    expect(lines(one.stdout)).toHaveLength(300);
    const single = await acct(db, ["log", "list", "--limit", "299"]);
    expect(single.stderr).toBe("… 1 earlier entry not shown: acct log list --all (or --from/--to/--limit)\n");
    expect((await acctJson<EntryJson[]>(db, ["log", "list", "--limit", "2"])).map((e) => e.id)).toEqual([299, 300]);
    expect(await acctJson<EntryJson[]>(db, ["log", "list", "--all"])).toHaveLength(300);
  });

  it("fits a terminal's width by cutting the note, then the contact, and leaves columns no entry fills out", async () => {
    const db = tempDb();
    expect(
      (await acct(db, ["log", "call", "2", "--contact", "Björk Guðmundsdóttir at 株式会社サンプル", "--note", `${"a long note ".repeat(20)}end`])).code,
    ).toBe(0);
    expect((await acct(db, ["log", "email", "--note", "short 😀"])).code).toBe(0);
    const wide = lines((await acct(db, ["log", "list"])).stdout);
    // The contact takes 40 columns: 24 for the Latin letters, 2 for each of the 8 CJK characters.
    expect(wide[0]).toBe(`ID  Date        Type   Count  ${"Contact".padEnd(40)}  Note`);
    expect(wide[1]).toMatch(/ {2}a long note .* end$/);
    for (const columns of ["80", "60"]) {
      const narrow = await acct(db, ["log", "list"], { env: { COLUMNS: columns } });
      expect(narrow.code).toBe(0);
      for (const line of lines(narrow.stdout)) {
        // Each CJK character takes two columns.
        const width = [...line].reduce((w, c) => w + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
        expect(width, line).toBeLessThanOrEqual(Number(columns));
      }
      expect(narrow.stdout).toContain("…");
    }
    expect(lines((await acct(db, ["log", "list"], { env: { COLUMNS: "60" } })).stdout)[2]).toMatch(/short 😀$/);
    expect((await acct(tempDb(), ["log", "list", "--all"])).stdout).toBe("no entries\n");
  });
});

describe("acct log list: bad flags exit 2 and write nothing", () => {
  it.each([
    [["log", "list", "--all", "--limit", "5"], /--all and --limit contradict each other/],
    [["log", "list", "--limit", "0"], /--limit must be from 1/],
    [["log", "list", "--limit", "ten"], /--limit 'ten' is not a whole number/],
    [["log", "list", "--limit"], /argument missing/],
  ])("%j", async (args, pattern) => {
    const db = tempDb();
    expect((await acct(db, ["log", "call"])).code).toBe(0);
    const before = fingerprint(db);
    expectUsageError(await acct(db, args), pattern);
    expect(fingerprint(db)).toBe(before);
  });
});

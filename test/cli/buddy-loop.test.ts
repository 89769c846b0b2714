/** SPEC "The buddy loop": the share carries the week's review and next week's commitments; buddy notes; the three-weeks flag. */
import { join } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import type { AuditJson } from "../../src/render/audit-json.js";
import { findRepeatedChange, normalizeChange } from "../../src/domain/audit.js";
import { acct, acctAll, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

const review = (week: string, change: string, extra: string[] = []) => [
  "audit",
  "--week",
  week,
  "--reflect",
  "--rating",
  "4",
  "--wins",
  `wins of ${week}`,
  "--misses",
  `misses of ${week}`,
  "--change",
  change,
  ...extra,
];

async function seeded(): Promise<string> {
  const db = tempDb();
  await acctAll(db, [EXAMPLE_PLAN, ["buddy", "set", "Sam Lee", "--email", "sam@example.com"]]);
  return db;
}

const audit = (db: string, week: string) => acctJson<AuditJson>(db, ["audit", "--week", week]);

describe("the share carries the week's review and next week's commitments", () => {
  it("shows rating, wins, misses, change and the commitments due next week in md, text and JSON", async () => {
    const db = await seeded();
    await acctAll(db, [
      review("2026-W11", "Call block *every* Friday"),
      ["commit", "add", "Book three demos", "--due", "2026-03-18"],
      ["commit", "add", "Due this week", "--due", "2026-03-13"],
      ["commit", "add", "Due in two weeks", "--due", "2026-03-25"],
    ]);
    const share = await acct(db, ["share"]);
    expect(share.code, share.stderr).toBe(0);
    expect(share.stdout).toContain(
      "## My review of the week\n\n- rating: 4/5\n- wins: wins of 2026-W11\n- misses: misses of 2026-W11\n- change: Call block \\*every\\* Friday\n",
    );
    const next = share.stdout.slice(share.stdout.indexOf("## Due next week"));
    expect(next).toMatch(/^## Due next week\n\n- #1 Book three demos \(due 2026-03-18\): open\n/);
    expect(next).not.toContain("Due in two weeks");
    expect(next).not.toContain("Due this week");
    expect((await acct(db, ["audit", "--format", "md"])).stdout).toContain("## My review of the week");

    const text = (await acct(db, ["audit"])).stdout;
    expect(text).toContain("Your review of the week\n  rating: 4/5\n  wins: wins of 2026-W11\n");
    expect(text).toMatch(/Due next week\n {4}· #1 Book three demos \(due 2026-03-18\): open/);

    const json = await audit(db, "2026-W11");
    expect(json.review).toEqual({ week: "2026-W11", rating: 4, wins: "wins of 2026-W11", misses: "misses of 2026-W11", change: "Call block *every* Friday" });
    expect(json.nextWeek.map((c) => c.text)).toEqual(["Book three demos"]);
    // A week not reviewed yet has no review; the previous week's lists this week's commitments as next week's.
    const before = await audit(db, "2026-W10");
    expect(before.review).toBeNull();
    expect(before.nextWeek.map((c) => c.text)).toEqual(["Due this week"]);
  });

  it("escapes hostile review text in Markdown and on the terminal", async () => {
    const db = await seeded();
    await acctAll(db, [review("2026-W11", "# heading\u001b[31m <b>x</b>")]);
    const md = (await acct(db, ["share"])).stdout;
    expect(md).not.toContain("\u001b");
    expect(md).toContain("- change: \\# heading");
    const text = (await acct(db, ["audit"])).stdout;
    expect(text).not.toContain("\u001b");
    expect(text).toContain("␛[31m");
  });
});

describe("acct buddy note", () => {
  it("notes the latest reviewed week by default; later audits show it until the next note", async () => {
    const db = await seeded();
    await acctAll(db, [review("2026-W08", "a"), review("2026-W09", "b")]);
    const noted = await acct(db, ["buddy", "note", "Keep the Friday block"]);
    expect(noted.code, noted.stderr).toBe(0);
    expect(noted.stdout).toBe("noted what your buddy said about 2026-W09; audits from 2026-W10 show it\n");
    expect((await audit(db, "2026-W09")).buddyNote).toBeNull();
    for (const week of ["2026-W10", "2026-W11"]) expect((await audit(db, week)).buddyNote).toEqual({ week: "2026-W09", text: "Keep the Friday block" });

    expect(await acctJson(db, ["buddy", "note", "Two demos, well done", "--week", "2026-W10"])).toEqual({
      id: 2,
      week: "2026-W10",
      text: "Two demos, well done",
    });
    expect((await audit(db, "2026-W10")).buddyNote).toEqual({ week: "2026-W09", text: "Keep the Friday block" });
    expect((await audit(db, "2026-W11")).buddyNote).toEqual({ week: "2026-W10", text: "Two demos, well done" });

    const text = (await acct(db, ["audit"])).stdout;
    expect(text).toContain("Your buddy said (week 2026-W10)\n  Two demos, well done\n");
    const md = (await acct(db, ["share"])).stdout;
    expect(md).toContain("## Your buddy said (week 2026-W10)\n\n> Two demos, well done\n");
  });

  it("is undone by acct undo", async () => {
    const db = await seeded();
    await acctAll(db, [review("2026-W10", "a")]);
    const before = (await acct(db, ["export"])).stdout;
    await acctAll(db, [["buddy", "note", "Nice"]]);
    expect((await audit(db, "2026-W11")).buddyNote).toEqual({ week: "2026-W10", text: "Nice" });
    expect((await acct(db, ["undo"])).stdout).toMatch(/^undid: buddy note 2026-W10/);
    expect((await acct(db, ["export"])).stdout).toBe(before);
    expect((await audit(db, "2026-W11")).buddyNote).toBeNull();
  });

  it("refuses bad input with exit 2, writing nothing", async () => {
    const db = await seeded();
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["buddy", "note", "Nice"]), /no reviewed week yet/);
    await acctAll(db, [review("2026-W10", "a")]);
    const reviewed = fingerprint(db);
    expect(reviewed).not.toBe(before);
    expectUsageError(await acct(db, ["buddy", "note", "  "]), /note must not be empty/);
    expectUsageError(await acct(db, ["buddy", "note", "Nice", "--week", "2026-W12"]), /week 2026-W12 has not started yet/);
    expectUsageError(await acct(db, ["buddy", "note", "Nice", "--week", "next"]), /not an ISO week/);
    expectUsageError(await acct(db, ["buddy", "note"]), /missing required argument/);
    expect(fingerprint(db)).toBe(reviewed);
    // A week without a review may be named: the buddy can answer a share of any started week.
    expect((await acct(db, ["buddy", "note", "Fine", "--week", "2026-W11"])).code).toBe(0);
  });

  it("comes along in a JSON export and restore", async () => {
    const db = await seeded();
    await acctAll(db, [review("2026-W10", "a"), ["buddy", "note", "Keep going"]]);
    const dir = mkdtempSync(join(tmpdir(), "acct-buddy-"));
    const json = join(dir, "backup.json");
    await acctAll(db, [["export", "--out", json]]);
    const copy = join(dir, "copy.db");
    expect((await acct(copy, ["import", json])).code).toBe(0);
    expect((await audit(copy, "2026-W11")).buddyNote).toEqual({ week: "2026-W10", text: "Keep going" });
    expect((await acct(copy, ["export"])).stdout).toBe((await acct(db, ["export"])).stdout);
  });
});

describe("a change promised three weeks running", () => {
  it("is flagged when the audited week and the two before promise it (case and spacing ignored)", async () => {
    const db = await seeded();
    await acctAll(db, [review("2026-W09", "Call  block on Friday"), review("2026-W10", "call block on friday "), review("2026-W11", "CALL BLOCK ON FRIDAY")]);
    expect((await audit(db, "2026-W11")).changeRepeated).toEqual({ change: "CALL BLOCK ON FRIDAY", weeks: ["2026-W09", "2026-W10", "2026-W11"] });
    // Two weeks are not three.
    expect((await audit(db, "2026-W10")).changeRepeated).toBeNull();
    const text = (await acct(db, ["audit"])).stdout;
    expect(text).toContain("! you have promised this three weeks running: CALL BLOCK ON FRIDAY (2026-W09, 2026-W10, 2026-W11)");
    expect((await acct(db, ["share"])).stdout).toContain("**you have promised this three weeks running: CALL BLOCK ON FRIDAY (2026-W09, 2026-W10, 2026-W11)**");
  });

  it("is not flagged when a week between promises something else, or a week between has no review", async () => {
    const db = await seeded();
    await acctAll(db, [
      review("2026-W08", "call block"),
      review("2026-W09", "something else"),
      review("2026-W10", "call block"),
      review("2026-W11", "call block"),
    ]);
    expect((await audit(db, "2026-W11")).changeRepeated).toBeNull();
    const gap = await seeded();
    await acctAll(gap, [review("2026-W07", "call block"), review("2026-W08", "call block"), review("2026-W10", "call block")]);
    expect((await audit(gap, "2026-W10")).changeRepeated).toBeNull();
  });

  it("wraps the flag to the terminal's width", async () => {
    const db = await seeded();
    const long = "book the call block every Friday morning before anything else gets in the way of it";
    await acctAll(db, [review("2026-W09", long), review("2026-W10", long), review("2026-W11", long)]);
    const text = (await acct(db, ["audit"], { terminal: { columns: 50 } })).stdout;
    for (const line of text.split("\n")) expect(line.replace(/\u001b\[[0-9;]*m/g, "").length).toBeLessThanOrEqual(50);
    expect(text).toContain("you have promised this three weeks");
  });

  it("normalizes case and spacing, and needs consecutive ISO weeks across a year's end", () => {
    expect(normalizeChange("  Call\tBlock  on FRIDAY ")).toBe("call block on friday");
    const r = (week: string, change: string | null) => ({ week, rating: 3, wins: null, misses: null, change });
    // 2025 has 52 ISO weeks, 2026 has 53.
    expect(findRepeatedChange([r("2025-W51", "x"), r("2025-W52", "X"), r("2026-W01", " x")], "2026-W01")).toEqual({
      change: " x",
      weeks: ["2025-W51", "2025-W52", "2026-W01"],
    });
    expect(findRepeatedChange([r("2026-W51", "x"), r("2026-W52", "x"), r("2027-W01", "x")], "2027-W01")).toBeNull();
    // The audited week itself must be reviewed.
    expect(findRepeatedChange([r("2026-W08", "x"), r("2026-W09", "x"), r("2026-W10", "x")], "2026-W11")).toBeNull();
    expect(findRepeatedChange([r("2026-W09", null), r("2026-W10", null), r("2026-W11", null)], "2026-W11")).toBeNull();
  });
});

/** The date vocabulary where commands read dates: due dates look strictly forward; next fri, last fri, +1w, eow. */
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface Commitment {
  id: number;
  due: string;
  status: string;
}

const FRIDAY = "2026-03-13";
const SATURDAY = "2026-03-14";
const MONDAY = "2026-03-09";

describe("due dates", () => {
  it("a commitment made in Friday's review with --due fri is due next Friday, and open on Monday", async () => {
    const db = tempDb();
    const added = await acctJson<Commitment>(db, ["commit", "add", "book 3 demos", "--due", "fri"], { now: FRIDAY });
    expect(added.due).toBe("2026-03-20");
    expect(added.status).toBe("open");
    const monday = await acctJson<Commitment[]>(db, ["commit", "list"], { now: "2026-03-16" });
    expect(monday.map((c) => [c.id, c.status])).toEqual([[1, "open"]]);
  });

  it("takes next fri, +2w, eow, eom, tomorrow and today", async () => {
    const db = tempDb();
    const due = async (word: string, now: string) => (await acctJson<Commitment>(db, ["commit", "add", `due ${word}`, "--due", word], { now })).due;
    expect(await due("next fri", FRIDAY)).toBe("2026-03-20");
    expect(await due("next fri", MONDAY)).toBe("2026-03-20");
    expect(await due("  Next  Friday ", MONDAY)).toBe("2026-03-20");
    expect(await due("+2w", FRIDAY)).toBe("2026-03-27");
    expect(await due("eow", FRIDAY)).toBe("2026-03-13");
    expect(await due("eow", SATURDAY)).toBe("2026-03-20");
    expect(await due("eom", FRIDAY)).toBe("2026-03-31");
    expect(await due("today", FRIDAY)).toBe("2026-03-13");
    expect(await due("tomorrow", FRIDAY)).toBe("2026-03-14");
  });

  it("eow ends on the plan's last workday", async () => {
    const db = tempDb();
    expect((await acct(db, [...EXAMPLE_PLAN, "--workdays", "mon,tue,wed,thu,fri,sat"], { now: MONDAY })).code).toBe(0);
    expect((await acctJson<Commitment>(db, ["commit", "add", "x", "--due", "eow"], { now: SATURDAY })).due).toBe("2026-03-14");
    expect((await acctJson<Commitment>(db, ["commit", "add", "x", "--due", "eow"], { now: "2026-03-15" })).due).toBe("2026-03-21");
  });

  it("refuses a past or malformed due date with exit 2 and writes nothing", async () => {
    const db = tempDb();
    await acctJson(db, ["commit", "add", "first", "--due", "fri"], { now: FRIDAY });
    const before = fingerprint(db);
    expectUsageError(
      await acct(db, ["commit", "add", "x", "--due", "last fri"], { now: FRIDAY }),
      /^acct: due date 'last fri' \(2026-03-06\) is in the past \(today is 2026-03-13\)\n/,
    );
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "yesterday"], { now: FRIDAY }), /in the past/);
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "-2d"], { now: FRIDAY }), /in the past/);
    expectUsageError(
      await acct(db, ["commit", "add", "x", "--due", "next xyz"], { now: FRIDAY }),
      /^acct: due date 'next xyz': 'xyz' is not a weekday\nhint: use next mon … next sun, e\.g\. next fri\n$/,
    );
    expectUsageError(
      await acct(db, ["commit", "add", "x", "--due", "+0x"], { now: FRIDAY }),
      /^acct: due date '\+0x' is not a date\nhint: count days or weeks from today/,
    );
    expectUsageError(
      await acct(db, ["commit", "add", "x", "--due", "+9999999d"], { now: FRIDAY }),
      /^acct: due date '\+9999999d' is outside the years acct handles \(1970–9998\)\n$/,
    );
    expectUsageError(await acct(db, ["commit", "add", "x", "--due", "2026-02-30"], { now: FRIDAY }), /^acct: due date '2026-02-30' does not exist\n$/);
    expectUsageError(
      await acct(db, ["commit", "add", "x", "--due", "someday"], { now: FRIDAY }),
      /hint: use YYYY-MM-DD, today, yesterday, tomorrow, a weekday \(fri, last fri, next fri\), \+3d/,
    );
    expect(fingerprint(db)).toBe(before);
  });
});

describe("dates that say when something happened", () => {
  it("log --date last fri, -2d and a bare weekday (today included); the future is refused", async () => {
    const db = tempDb();
    const logged = async (date: string) => (await acctJson<{ date: string }>(db, ["log", "call", "--date", date], { now: FRIDAY })).date;
    expect(await logged("last fri")).toBe("2026-03-06");
    expect(await logged("LAST  MONDAY")).toBe("2026-03-02");
    expect(await logged("-2d")).toBe("2026-03-11");
    expect(await logged("-1w")).toBe("2026-03-06");
    expect(await logged("fri")).toBe("2026-03-13");
    expect(await logged("eow")).toBe("2026-03-13");
    expectUsageError(await acct(db, ["log", "call", "--date", "next fri"], { now: FRIDAY }), /in the future/);
    expectUsageError(await acct(db, ["log", "call", "--date", "next xyz"], { now: FRIDAY }), /^acct: date 'next xyz': 'xyz' is not a weekday\n/);
  });

  it("log list --from last mon --to -1d", async () => {
    const db = tempDb();
    for (const date of ["2026-03-01", "2026-03-02", "2026-03-08", "2026-03-09"]) await acctJson(db, ["log", "call", "--date", date], { now: FRIDAY });
    const listed = await acctJson<{ date: string }[]>(db, ["log", "list", "--from", "last mon", "--to", "-5d"], { now: FRIDAY });
    expect(listed.map((e) => e.date)).toEqual(["2026-03-02", "2026-03-08"]);
    expectUsageError(await acct(db, ["log", "list", "--from", "+3x"], { now: FRIDAY }), /^acct: --from '\+3x' is not a date\n/);
  });

  it("block done --date last tue", async () => {
    const db = tempDb();
    await acctJson(db, ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30"], { now: "2026-03-02" });
    const marked = await acctJson<{ date: string; status: string }>(db, ["block", "done", "1", "--date", "last tue"], { now: FRIDAY });
    expect(marked).toMatchObject({ date: "2026-03-03", status: "done" });
  });

  it("off add +1w, and a range of words", async () => {
    const db = tempDb();
    expect(await acctJson(db, ["off", "add", "+1w"], { now: "2026-03-12" })).toMatchObject({ from: "2026-03-19", to: "2026-03-19" });
    expect(await acctJson(db, ["off", "add", "next mon..next fri", "--reason", "vacation"], { now: "2026-03-12" })).toMatchObject({
      from: "2026-03-16",
      to: "2026-03-20",
    });
    expectUsageError(await acct(db, ["off", "add", "next fri..next mon"], { now: "2026-03-12" }), /ends before it starts/);
  });

  it("audit --date last fri audits last week", async () => {
    const db = tempDb();
    expect((await acct(db, EXAMPLE_PLAN, { now: MONDAY })).code).toBe(0);
    expect((await acctJson<{ week: string }>(db, ["audit", "--date", "last fri"], { now: FRIDAY })).week).toBe("2026-W10");
  });
});

describe("acct help dates", () => {
  it("describes the vocabulary", async () => {
    const { stdout, code } = await acct(null, ["help", "dates"]);
    expect(code).toBe(0);
    for (const word of ["last fri", "next fri", "+3d, -2d, +2w, -1w", "eow", "eom, eoq", "2026-W11", "2026-Q1", "a week away"]) expect(stdout).toContain(word);
  });
});

import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface SettingJson {
  key: string;
  value: string;
  default: string;
  set: boolean;
}

function journalSummaries(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare("SELECT summary FROM journal ORDER BY id").pluck().all() as string[];
  } finally {
    conn.close();
  }
}

describe("acct config", () => {
  it("lists every setting with its default before anything is set, without creating the file", async () => {
    const db = tempDb();
    const list = await acctJson<SettingJson[]>(db, ["config", "list"]);
    expect(list.map((s) => [s.key, s.value, s.set])).toEqual([
      ["currency", "$", false],
      ["week-start", "mon", false],
      ["hours-per-day", "8", false],
      ["day-start", "09:00", false],
      ["calls-per-hour", "15", false],
      ["stages", "qualify,discovery,proposal,negotiation", false],
      ["stage-probabilities", "10,25,50,75", false],
      ["idle-days", "14", false],
      ["sales-cycle", "30", false],
      ["coverage-goal", "3", false],
    ]);
    expect(fingerprint(db)).toBe("absent");
    expect((await acct(db, ["config"])).stdout).toMatch(/^currency\s+\$ \(default\)/);
  });

  it("sets, gets and unsets each key, normalising what was typed, and records each change in the journal", async () => {
    const db = tempDb();
    expect((await acct(db, ["config", "set", "currency", "€"])).stdout).toBe("currency = €\n");
    expect((await acct(db, ["config", "set", "week-start", "Sunday"])).stdout).toBe("week-start = sun\n");
    expect((await acct(db, ["config", "set", "hours-per-day", "7.50"])).stdout).toBe("hours-per-day = 7.5\n");
    expect((await acct(db, ["config", "set", "Calls-Per-Hour", "20"])).stdout).toBe("calls-per-hour = 20\n");
    expect((await acct(db, ["config", "get", "currency"])).stdout).toBe("€\n");
    expect(await acctJson<SettingJson>(db, ["config", "get", "calls-per-hour"])).toMatchObject({
      key: "calls-per-hour",
      value: "20",
      default: "15",
      set: true,
    });
    expect((await acct(db, ["config", "unset", "currency"])).stdout).toBe("currency = $ (default)\n");
    expect((await acct(db, ["config", "get", "currency"])).stdout).toBe("$\n");
    expect(journalSummaries(db)).toEqual([
      "config set currency",
      "config set week-start",
      "config set hours-per-day",
      "config set calls-per-hour",
      "config unset currency",
    ]);
  });

  it("shows the currency setting in text output, a letter code with a space", async () => {
    const db = tempDb();
    await acct(db, ["config", "set", "currency", "€"]);
    expect((await acct(db, EXAMPLE_PLAN)).stdout).toContain("€1,200,000");
    await acct(db, ["config", "set", "currency", "EUR"]);
    expect((await acct(db, ["plan", "show"])).stdout).toContain("EUR 1,200,000");
  });

  it("orders weekdays from the week-start in text and calendar output, not in JSON or the weeks themselves", async () => {
    const db = tempDb();
    await acct(db, [...EXAMPLE_PLAN, "--workdays", "sun,mon,tue,wed,thu"]);
    const add = ["block", "add", "Calls", "--days", "mon,sun", "--start", "09:00", "--end", "10:00"];
    expect((await acct(db, add)).stdout).toBe("added block #1 Calls mon,sun 09:00–10:00\n");
    expect((await acct(db, ["plan", "show"])).stdout).toContain("(mon, tue, wed, thu, sun,");
    const isoWeek = (await acctJson<{ from: string }>(db, ["audit"])).from;

    await acct(db, ["config", "set", "week-start", "sun"]);
    expect((await acct(db, ["plan", "show"])).stdout).toContain("(sun, mon, tue, wed, thu,");
    expect((await acct(db, ["block", "list"])).stdout).toMatch(/Calls\s+│ sun,mon /);
    expect((await acct(db, ["block", "rm", "1"])).stdout).toBe("removed block #1 Calls sun,mon 09:00–10:00\n");
    await acct(db, ["undo"]);
    const ics = (await acct(db, ["block", "export"])).stdout;
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=SU,MO;WKST=SU/);
    expect((await acctJson<{ days: string[] }[]>(db, ["block", "list"]))[0]?.days).toEqual(["mon", "sun"]);
    expect((await acctJson<{ workdays: string[] }>(db, ["plan", "show"])).workdays).toEqual(["mon", "tue", "wed", "thu", "sun"]);
    expect((await acctJson<{ from: string }>(db, ["audit"])).from).toBe(isoWeek); // the audit's week stays ISO, Monday to Sunday
  });

  it("uses hours-per-day as the plan's default when --hours-per-day is left out", async () => {
    const db = tempDb();
    await acct(db, ["config", "set", "hours-per-day", "6"]);
    expect((await acctJson<{ hoursPerDay: number }>(db, EXAMPLE_PLAN)).hoursPerDay).toBe(6);
    expect((await acctJson<{ hoursPerDay: number }>(db, [...EXAMPLE_PLAN, "--hours-per-day", "9"])).hoursPerDay).toBe(9);
    await acct(db, ["config", "unset", "hours-per-day"]);
    // A new plan (another file): the flag left out takes the default again. A revision would keep the plan's 9.
    expect((await acctJson<{ hoursPerDay: number }>(tempDb(), EXAMPLE_PLAN)).hoursPerDay).toBe(8);
  });

  it("gives acct block suggest its calls per hour, and acct log its currency", async () => {
    const db = tempDb();
    await acct(db, EXAMPLE_PLAN);
    await acct(db, ["config", "set", "calls-per-hour", "30"]);
    expect((await acct(db, ["block", "suggest"])).stdout).toContain("÷ 30 calls an hour");
    expect((await acct(db, ["block", "suggest", "--calls-per-hour", "10"])).stdout).toContain("÷ 10 calls an hour");
    await acct(db, ["config", "set", "currency", "£"]);
    expect((await acct(db, ["log", "deal", "--amount", "42k"])).stdout).toContain("£42,000");
  });

  const bad: [string, string[], RegExp][] = [
    ["an unknown key, with the closest one", ["config", "set", "curency", "€"], /unknown setting 'curency'\nhint: did you mean 'currency'\?/],
    ["an unknown key on get", ["config", "get", "colour"], /unknown setting 'colour'/],
    ["a currency that is neither a sign nor a short code", ["config", "set", "currency", "EURO"], /currency 'EURO' is not a currency symbol/],
    ["an empty currency", ["config", "set", "currency", ""], /currency '' is not/],
    ["a week start other than mon or sun", ["config", "set", "week-start", "wed"], /week-start 'wed' must be mon or sun/],
    ["zero hours a day", ["config", "set", "hours-per-day", "0"], /hours per day must be a number above 0 and at most 24/],
    ["more than 24 hours a day", ["config", "set", "hours-per-day", "25"], /at most 24/],
    ["zero calls per hour", ["config", "set", "calls-per-hour", "0"], /calls per hour must be from 1 to 1,000/],
    ["a fractional calls per hour", ["config", "set", "calls-per-hour", "12.5"], /calls per hour '12.5' is not a whole number/],
    ["too many calls per hour", ["config", "set", "calls-per-hour", "1001"], /from 1 to 1,000/],
    ["a missing value", ["config", "set", "currency"], /missing required argument 'value'/],
  ];
  for (const [what, args, pattern] of bad) {
    it(`refuses ${what}: exit 2, nothing written`, async () => {
      const fresh = tempDb();
      expectUsageError(await acct(fresh, args), pattern);
      expect(fingerprint(fresh)).toBe("absent");

      const db = tempDb();
      await acct(db, ["config", "set", "currency", "£"]);
      const before = fingerprint(db);
      expectUsageError(await acct(db, args), pattern);
      expect(fingerprint(db)).toBe(before);
    });
  }
});

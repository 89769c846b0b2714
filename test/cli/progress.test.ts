import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, examplePlanFor, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface StatusMetric {
  metric: string;
  today: { plan: number; actual: number };
  week: { plan: number; planToDate: number; actual: number };
  ytd: { plan: number; actual: number };
  annual: number;
  bufferDays: number | null;
}
interface StatusJson {
  ready: true;
  today: string;
  week: string;
  metrics: StatusMetric[];
  nextBlock: { label: string; date: string; start: string; end: string; now: boolean } | null;
  commitments: { dueSoon: { id: number; due: string; status: string; carried: number }[]; overdue: { id: number }[] };
  streak: number | null;
}

const width = (line: string) => [...line].length;
const metric = (status: StatusJson, name: string) => status.metrics.find((m) => m.metric === name)!;

/** A database filled by `acct demo` as of the helper's default day (Thursday 2026-03-12), 10:00. */
async function demoDb(): Promise<string> {
  const db = tempDb();
  const result = await acct(db, ["demo"], { now: "2026-03-12T10:00" });
  if (result.code !== 0) throw new Error(`demo failed: ${result.stderr}`);
  return db;
}

describe("acct status on a fresh database", () => {
  it("welcomes a new user, names the next command and creates no file", async () => {
    const db = tempDb();
    for (const args of [[], ["status"]]) {
      const result = await acct(db, args);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("acct plan set --target");
      expect(result.stdout).toContain("acct demo");
      expect(result.stderr).toBe("");
    }
    expect(fingerprint(db)).toBe("absent");
  });

  it("says so in JSON", async () => {
    const db = tempDb();
    expect(await acctJson(db, ["status"])).toEqual({ ready: false, reason: "no-database", next: expect.stringMatching(/^acct plan set /) });
    expect(fingerprint(db)).toBe("absent");
  });

  it("asks for a plan when the file exists without one for this year", async () => {
    const db = tempDb();
    expect((await acct(db, examplePlanFor(2025))).code).toBe(0);
    const result = await acct(db, ["status"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/no plan for this year/);
    expect(await acctJson(db, ["status"])).toMatchObject({ ready: false, reason: "no-plan" });
  });
});

describe("acct status on an empty year (a plan, no entries)", () => {
  const db = tempDb();
  beforeAll(async () => {
    await acct(db, EXAMPLE_PLAN);
  });

  it("shows this week's plan to date against nothing done, and the buffer behind", async () => {
    const status = await acctJson<StatusJson>(db, ["status"]);
    expect(status).toMatchObject({ ready: true, today: "2026-03-12", week: "2026-W11", nextBlock: null, commitments: { dueSoon: [], overdue: [] } });
    expect(status.metrics.map((m) => m.metric)).toEqual(["calls", "meetings", "opportunities", "deals", "revenue"]);
    const calls = metric(status, "calls");
    // 2,400 / 261 calls every working day; Mon–Thu of this week is 4 of its 5.
    const perDay = 2400 / 261;
    expect(calls.week).toEqual({ plan: Math.round(5 * perDay * 100) / 100, planToDate: Math.round(4 * perDay * 100) / 100, actual: 0 });
    expect(calls.annual).toBe(2400);
    // Jan 1 – Mar 12: 22 + 20 + 9 working days; all of it behind, measured in the coming days' targets.
    expect(calls.ytd.plan).toBeCloseTo(51 * perDay, 1);
    expect(calls.bufferDays).toBeCloseTo(-51, 1);
  });

  it("fits 80 columns without colour when piped", async () => {
    const result = await acct(db, ["status"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Thursday 2026-03-12");
    expect(result.stdout).toMatch(/calls .*0\/37/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    for (const line of result.stdout.split("\n")) expect(width(line)).toBeLessThanOrEqual(80);
  });
});

describe("acct demo", () => {
  it("fills a fresh file, prints status and the audit, and says how to start with your own data", async () => {
    const db = tempDb();
    const result = await acct(db, ["demo"], { now: "2026-03-12T10:00" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sample year in ${db}`);
    expect(result.stdout).toContain("this week");
    expect(result.stdout).toContain("Weekly audit 2026-W11");
    expect(result.stdout).toMatch(/Start with your own data \(kept in .+acct\.db\):\n\s+acct plan set /);
  });

  it("is followed by a status with activity, a next block, commitments and a streak", async () => {
    const status = await acctJson<StatusJson>(await demoDb(), ["status"], { now: "2026-03-12T10:00" });
    expect(metric(status, "calls").week.actual).toBeGreaterThan(0);
    expect(metric(status, "calls").ytd.actual).toBeGreaterThan(200);
    expect(metric(status, "linkedin").week.plan).toBe(20);
    expect(status.nextBlock).toMatchObject({ date: expect.stringMatching(/^2026-03-1[2-9]$/) });
    expect(status.commitments.dueSoon.some((c) => c.carried === 2)).toBe(true);
    expect(status.commitments.overdue.length).toBeGreaterThan(0);
    expect(typeof status.streak).toBe("number");
  });

  it("is followed by an audit with activity, blocks, commitments and the review's change", async () => {
    const audit = await acctJson<{
      metrics: { metric: string; week: { actual: number } }[];
      blocks: { scheduled: number; kept: number };
      commitments: { repeated: unknown[] };
      lastChange: string | null;
    }>(await demoDb(), ["audit"], { now: "2026-03-12T10:00" });
    expect(audit.metrics.find((m) => m.metric === "calls")!.week.actual).toBeGreaterThan(0);
    expect(audit.blocks.scheduled).toBeGreaterThan(0);
    expect(audit.commitments.repeated).toHaveLength(1);
    expect(audit.lastChange).toMatch(/Calls first thing/);
  });

  it("gives the same sample for the same day", async () => {
    // Every row but the random install id that block export keys calendar UIDs on.
    const rows = (db: string) => {
      const conn = new Database(db, { readonly: true });
      try {
        const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
        return tables.map(({ name }) =>
          conn
            .prepare(`SELECT * FROM "${name}"`)
            .all()
            .filter((r) => (r as { key?: string }).key !== "install-id"),
        );
      } finally {
        conn.close();
      }
    };
    const first = rows(await demoDb());
    expect(first.flat().length).toBeGreaterThan(300);
    expect(rows(await demoDb())).toEqual(first);
  });

  it("uses a temporary file, never the default data file, without --db or ACCT_DB", async () => {
    const home = mkdtempSync(join(tmpdir(), "acct-home-"));
    const result = await acct(null, ["demo", "--json"], { env: { HOME: home, XDG_DATA_HOME: join(home, "data") } });
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as { db: string; temporary: boolean; ownDataFile: string; status: { ready: boolean } };
    expect(out.temporary).toBe(true);
    expect(out.ownDataFile).toBe(join(home, "data", "acct", "acct.db"));
    expect(existsSync(out.db)).toBe(true);
    expect(existsSync(out.ownDataFile)).toBe(false);
    expect(out.status.ready).toBe(true);
  });

  it("refuses a file that already holds data, and leaves it as it was", async () => {
    const db = tempDb();
    await acct(db, EXAMPLE_PLAN);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["demo"]), /already holds data/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("acct report", () => {
  // Without --out it writes into the current folder: test/process/report-default-out.test.ts.
  it("says when there are no commitments, and reports --json", async () => {
    const db = tempDb();
    await acct(db, EXAMPLE_PLAN);
    const out = join(mkdtempSync(join(tmpdir(), "acct-report-")), "r.html");
    const json = await acctJson<{ path: string; charts: number; year: number }>(db, ["report", "--out", out]);
    expect(json).toMatchObject({ path: out, charts: 11, year: 2026 });
    expect(readFileSync(out, "utf8")).toContain('data-empty="commitments"');
  });

  it("rejects a bad year", async () => {
    const db = tempDb();
    expectUsageError(await acct(db, ["report", "--year", "twenty"]), /year/);
    expect(fingerprint(db)).toBe("absent");
  });

  it("refuses plainly an output it cannot write", async () => {
    const db = tempDb();
    await acct(db, EXAMPLE_PLAN);
    // A missing folder is a mistake in the command line, as for every --out.
    expectUsageError(
      await acct(db, ["report", "--out", join(tmpdir(), "no-such-folder-acct", "r.html")]),
      /^acct: the folder .*no-such-folder-acct does not exist/,
    );
    const dir = mkdtempSync(join(tmpdir(), "acct-report-"));
    // A folder is a mistake in the command line, not a failure of the machine.
    expectUsageError(await acct(db, ["report", "--out", dir]), /is a folder/);
  });
});

/**
 * Every text page fits the terminal (80 columns and wider), whatever the data
 * holds, and reads its figures as the JSON has them: text and `--json` are
 * two renderings of one report, so every figure the text shows is the JSON's
 * rounded as the text rounds it (src/render/format.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditJson } from "../../src/render/audit-json.js";
import type { StatusJson } from "../../src/render/status.js";
import { displayWidth } from "../../src/render/text-width.js";
import { acct, acctAll, acctJson, tempDb } from "../helpers/in-process.js";
import { LONG, NOW, WIDE_TEXT_SEED } from "../helpers/wide-text.js";

let db = "";

beforeAll(async () => {
  db = tempDb();
  expect((await acct(db, ["demo"], { now: NOW })).code).toBe(0);
  await acctAll(db, WIDE_TEXT_SEED, { now: NOW });
});

const COMMANDS = [
  ["audit"],
  ["audit", "--month", "2026-03"],
  ["audit", "--year", "2026"],
  ["status"],
  ["commit", "list"],
  ["log", "list"],
  ["plan", "show"],
  ["plan", "history"],
  ["block", "list"],
  ["block", "today"],
  ["reviews"],
  ["off", "list"],
  ["type", "list"],
];

describe("text pages on a terminal", () => {
  for (const columns of [80, 100]) {
    it(`no line is wider than a terminal of ${columns} columns`, async () => {
      for (const args of COMMANDS) {
        const result = await acct(db, args, { now: NOW, terminal: { columns } });
        expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
        expect(result.stdout.trim(), args.join(" ")).not.toBe("");
        for (const line of result.stdout.split("\n")) expect(displayWidth(line), `acct ${args.join(" ")}: ${line}`).toBeLessThanOrEqual(columns);
      }
    });
  }

  it("wraps sentences under their indent on a terminal, and keeps them whole when piped", async () => {
    const narrow = (await acct(db, ["audit"], { now: NOW, terminal: { columns: 80 } })).stdout.replace(/\u001b\[[0-9;]*m/g, "");
    expect(narrow).toContain(
      "\n    · #12 Ask every one of the forty accounts on the Q1 list for a referral\n      before the board meeting in April (due 2026-03-13 — 0/40\n      linkedin-connection-requests): open\n",
    );
    // A word no line holds (no spaces in Japanese) starts on the first line and goes on under the indent.
    expect(narrow).toMatch(/\n {4}· #13 株式会社\S+\n {6}\S+/);
    const piped = (await acct(db, ["audit"], { now: NOW })).stdout;
    expect(piped).toContain(`#12 ${LONG} (due 2026-03-13 — 0/40 linkedin-connection-requests): open`);
    expect((await acct(db, ["commit", "list"], { now: NOW })).stdout).toContain(LONG);
    expect((await acct(db, ["commit", "list"], { now: NOW, terminal: { columns: 80 } })).stdout).toContain("│ Ask every one of");
    // A review is its words: they wrap within the table.
    const reviews = (await acct(db, ["reviews"], { now: NOW, terminal: { columns: 80 } })).stdout.replace(/\u001b\[[0-9;]*m/g, "");
    const column = (i: number) =>
      reviews
        .split("\n")
        .map((line) => line.split("│")[i]?.trim() ?? "")
        .filter(Boolean)
        .join(" ");
    expect(column(5)).toContain("no calls on Friday afternoon");
    expect(column(4)).toContain(LONG);
  });
});

/** A figure as the text shows it (`2,237`, `4.6`, `$20.3k`, `$4,069`, `−2.2`, `47.9%`): its value, and half the step it was rounded to. */
function shown(cell: string): { value: number; tolerance: number } {
  const m = /^([+−-]?)\$?([\d,]+(?:\.(\d+))?)([kmb%]?)$/.exec(cell.trim());
  if (!m) throw new Error(`not a figure: '${cell}'`);
  const [, sign = "", digits = "", decimals = "", suffix = ""] = m;
  const scale = { "": 1, k: 1e3, m: 1e6, b: 1e9, "%": 0.01 }[suffix] as number;
  const step = 10 ** -decimals.length * scale;
  const value = Number(digits.replace(/,/g, "")) * scale * (sign === "" || sign === "+" ? 1 : -1);
  return { value, tolerance: step / 2 + 1e-9 };
}

function expectShown(cell: string | undefined, json: number | null, what: string): void {
  expect(json, what).not.toBeNull();
  const { value, tolerance } = shown(cell ?? "");
  expect(Math.abs(value - (json as number)), `${what}: text ${cell}, JSON ${json}`).toBeLessThanOrEqual(tolerance);
}

describe("the text's figures are the JSON's", () => {
  it("the audit: every cell of the metrics table, the verdict, the rates, the average deal", async () => {
    const text = (await acct(db, ["audit"], { now: NOW, terminal: { columns: 200 } })).stdout.replace(/\u001b\[[0-9;]*m/g, "");
    const json = await acctJson<AuditJson>(db, ["audit"], { now: NOW });
    const table = text.split("\n").filter((l) => l.startsWith("│"));
    const head = (table[0] as string).split("│").map((c) => c.trim());
    expect(head.slice(1, -1)).toEqual(["Metric", "Week", "To date", "Done", "YTD plan", "YTD done", "Status", "Buffer", "Pace/yr", "Annual", "Need/wk"]);
    expect(table.length - 1).toBe(json.metrics.length);
    for (const m of json.metrics) {
      const row = table.find((l) => l.split("│")[1]?.trim() === m.metric);
      const cells = (row ?? "").split("│").map((c) => c.trim());
      const cell = (name: string) => cells[head.indexOf(name)];
      expectShown(cell("Week"), m.period.plan, `${m.metric} week`);
      expectShown(cell("To date"), m.period.planToDate, `${m.metric} to date`);
      expectShown(cell("Done"), m.period.actual, `${m.metric} done`);
      expectShown(cell("YTD plan"), m.ytd.plan, `${m.metric} ytd plan`);
      expectShown(cell("YTD done"), m.ytd.actual, `${m.metric} ytd done`);
      expect(cell("Status")).toContain(m.status);
      expectShown(cell("Buffer"), m.bufferDays, `${m.metric} buffer`);
      expectShown(cell("Pace/yr"), m.projection, `${m.metric} pace`);
      expectShown(cell("Annual"), m.annual, `${m.metric} annual`);
      expectShown(cell("Need/wk"), m.requiredPerWeek, `${m.metric} need`);
      // No false precision: counts of ten or more are whole, money in the column all compact or all whole.
      for (const c of cells.slice(2, -1).filter((c) => /\d/.test(c) && !/^[+−]/.test(c))) {
        if (m.metric === "revenue") expect(c, m.metric).toMatch(/^\$(\d{1,3}|\d+(\.\d)?[kmb])$/);
        else if (shown(c).value >= 10) expect(c, m.metric).toMatch(/^[\d,]+$/);
      }
    }
    const ofPlan = /: ([\d.]+%) of plan to date/.exec(text)?.[1];
    expectShown(ofPlan, json.verdict.ofPlan, "verdict");
    expect(text).toContain(json.headline.replace(/^(.{40}).*$/, "$1"));
    for (const s of json.conversion.stages) {
      const line = text.split("\n").find((l) => l.includes(`${s.from.replace(/s$/, "").replace("opportunitie", "opportunity")} → `));
      const [actual, planned] = [...(line ?? "").matchAll(/([\d.]+%)/g)].map((x) => x[1]);
      expectShown(actual, s.actual, `${s.from} rate`);
      expectShown(planned, s.planned, `${s.from} planned rate`);
    }
    expectShown(/average deal +(\$[\d,]+)/.exec(text)?.[1], json.conversion.dealSize.actual, "average deal");
  });

  it("the status: done, due, the week's plan and the buffer", async () => {
    const text = (await acct(db, ["status"], { now: NOW, terminal: { columns: 80 } })).stdout.replace(/\u001b\[[0-9;]*m/g, "");
    const json = await acctJson<StatusJson>(db, ["status"], { now: NOW });
    for (const m of json.metrics) {
      const line = text.split("\n").find((l) => l.startsWith(`${m.metric.slice(0, 12)}`)) ?? "";
      const [doneDue = "", week = "", today = "", ...buffer] = line.slice(35).trim().split(/\s+/);
      const [done, due] = doneDue.split("/");
      expectShown(done, m.week.actual, `${m.metric} done`);
      expectShown(due, m.week.planToDate, `${m.metric} due`);
      expectShown(week, m.week.plan, `${m.metric} week`);
      // Outcomes come in lumps: no target for today, only what was done.
      if (m.today.plan === null) expect(today).not.toContain("/");
      expectShown(today.split("/")[0], m.today.actual, `${m.metric} today`);
      const days = buffer.join(" ");
      if (days === "on plan") expect(Math.abs(m.bufferDays ?? 1)).toBeLessThan(0.05);
      else {
        expectShown(days.replace(/ days?$/, ""), m.bufferDays, `${m.metric} buffer`);
        expect(days).toMatch(days.startsWith("+1 ") || days.startsWith("−1 ") ? / day$/ : / days$/);
      }
    }
    expect(json.metrics.filter((m) => m.metric === "deals" || m.metric === "revenue").map((m) => m.today.plan)).toEqual([null, null]);
  });
});

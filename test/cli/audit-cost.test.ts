/** The audit's weakest stage when a rate is 0 so far: what is known, never "Infinity calls". */
import { describe, expect, it } from "vitest";
import { acct, EXAMPLE_PLAN, tempDb } from "../helpers/in-process.js";

const NOT_A_NUMBER = /\bNaN\b|Infinity/;

describe("acct audit with a stage at 0 so far", () => {
  it.each([
    [
      [["log", "call", "40"]],
      "no meeting yet from 40 calls, where the plan's 10% would give 4: too early to say how many calls the year needs at this rate",
      "calls",
    ],
    [
      [
        ["log", "call", "30"],
        ["log", "meeting", "3"],
      ],
      "no opportunity yet from 3 meetings, where the plan's 50% would give 1.5",
      "meetings",
    ],
  ])("after %j: text, markdown and JSON say what is known; JSON has null for the cost", async (logs, known, metric) => {
    const db = tempDb();
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    expect((await acct(db, ["buddy", "set", "Sam", "--email", "sam@example.com"])).code).toBe(0);
    for (const log of logs) expect((await acct(db, log)).code).toBe(0);
    for (const args of [["audit"], ["audit", "--format", "md"], ["status"], ["share"], ["audit", "--json"], ["status", "--json"]]) {
      const result = await acct(db, args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
      expect(result.stdout, args.join(" ")).not.toMatch(NOT_A_NUMBER);
    }
    expect((await acct(db, ["audit"])).stdout).toContain(`Weakest stage: ${known}`);
    expect((await acct(db, ["audit", "--format", "md"])).stdout).toContain(`weakest stage: ${known}`);
    const json = JSON.parse((await acct(db, ["audit", "--json"])).stdout);
    expect(json.conversion.weakest).toBe(metric);
    expect(json.conversion.cost).toMatchObject({ metric, needed: null, callsNeeded: null, callsPlanned: 2400 });
    expect(json.conversion.cost.text).toContain(known);
  });

  it("with no conversions at all, markdown says so as the text page does", async () => {
    const db = tempDb();
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    expect((await acct(db, ["audit"])).stdout).toContain("No conversions to compare yet");
    expect((await acct(db, ["audit", "--format", "md"])).stdout).toContain("- no conversions to compare yet");
    expect((await acct(db, ["audit", "--format", "md"])).stdout).not.toContain("every stage converts at or above plan");
  });
});

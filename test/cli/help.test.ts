/** Help that teaches: the topics, each command's help, and suggestions for a typo. */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HELP_TOPICS } from "../../src/cli/help-topics.js";
import { acct, expectUsageError, tempDb } from "../helpers/in-process.js";

describe("acct help", () => {
  it("lists the commands and the topics", async () => {
    const result = await acct(null, ["help"]);
    expect(result.code).toBe(0);
    for (const name of ["plan", "off", "type", "config", "completion", "help"]) expect(result.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    for (const topic of HELP_TOPICS) expect(result.stdout).toMatch(new RegExp(`^  ${topic.name}\\s+${topic.summary.slice(0, 20)}`, "m"));
    expect((await acct(null, ["--help"])).stdout).toBe(result.stdout);
  });

  it("explains each concept", async () => {
    const expected: Record<string, RegExp> = {
      cascade: /deals\s+= target ÷ deal size/,
      buffer: /measured in the coming\s+working days. targets/,
      commitments: /carried over twice or more/,
      audit: /acct audit --help/,
      dates: /2026-W11\s+an ISO week/,
      money: /stored as whole cents/,
    };
    for (const topic of HELP_TOPICS) {
      const result = await acct(null, ["help", topic.name]);
      expect(result.code, topic.name).toBe(0);
      expect(result.stdout).toMatch(expected[topic.name] as RegExp);
    }
    expect(Object.keys(expected)).toEqual(HELP_TOPICS.map((t) => t.name));
  });

  it("shows a command's help, nested ones too", async () => {
    expect((await acct(null, ["help", "plan", "set"])).stdout).toBe((await acct(null, ["plan", "set", "--help"])).stdout);
    expect((await acct(null, ["help", "config"])).stdout).toBe((await acct(null, ["config", "--help"])).stdout);
  });

  it("suggests the closest topic or command for a typo", async () => {
    expectUsageError(await acct(null, ["help", "cascde"]), /no command or topic 'cascde'\nhint: did you mean 'acct help cascade'\?/);
    expectUsageError(await acct(null, ["help", "plan", "shw"]), /hint: did you mean 'acct help plan show'\?/);
  });
});

describe("unknown commands and flags", () => {
  const cases: [string[], RegExp][] = [
    [["plan", "shw"], /^acct: unknown command 'plan shw'\nhint: did you mean 'plan show'\?\n$/],
    [["lgo"], /^acct: unknown command 'lgo'\nhint: did you mean 'log'\?\n$/],
    [["plan", "set", "--targt", "5"], /^acct: unknown option '--targt'\nhint: did you mean '--target'\?\n$/],
    [["config", "lst"], /^acct: unknown command 'config lst'\nhint: did you mean 'config list'\?\n$/],
    [["--jsn"], /^acct: unknown option '--jsn'\nhint: did you mean '--json'\?\n$/],
  ];
  for (const [args, pattern] of cases) {
    it(`acct ${args.join(" ")} exits 2 with a suggestion`, async () => {
      const db = tempDb();
      expectUsageError(await acct(db, args), pattern);
      expect(existsSync(db)).toBe(false);
    });
  }
});

/**
 * What acct prints for its completion scripts: the words they ask for
 * (`acct completion --words`), exactly and only from an acct file, and the
 * usage errors. The scripts themselves run in real shells in
 * test/process/completion.test.ts.
 */
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addRawTypes, HOSTILE_TYPES, UNOFFERABLE_TYPES } from "../helpers/hostile-types.js";
import { acct, expectUsageError, tempDb } from "../helpers/in-process.js";

let db = "";

/** A data file holding the hostile types, written straight into the store's table. */
async function hostileDb(): Promise<string> {
  const file = tempDb();
  expect((await acct(file, ["type", "add", "linkedin"])).code).toBe(0);
  addRawTypes(file, [...HOSTILE_TYPES, ...UNOFFERABLE_TYPES]);
  return file;
}

beforeAll(async () => {
  db = tempDb();
  for (const args of [
    ["type", "add", "linkedin"],
    ["off", "add", "2026-08-03"],
    ["off", "add", "2026-12-24"],
  ]) {
    expect((await acct(db, args)).code).toBe(0);
  }
});

describe("acct completion --words", () => {
  it("prints hostile names exactly, one a line, and leaves out those with a line break, tab or other control character", async () => {
    const file = await hostileDb();
    const words = (await acct(file, ["completion", "--words", "types"])).stdout.split("\n").slice(0, -1);
    expect(words).toEqual(["call", "email", "meeting", "opportunity", "deal", ...[...HOSTILE_TYPES, "linkedin"].sort()]);
  });

  it("prints the built-in and custom types, one a line", async () => {
    expect((await acct(db, ["completion", "--words", "types"])).stdout).toBe("call\nemail\nmeeting\nopportunity\ndeal\nlinkedin\n");
    expect((await acct(null, ["completion", "--words", "types"], { env: { ACCT_DB: db } })).stdout).toContain("linkedin\n");
  });

  it("is silent on a missing or foreign file and never creates one", async () => {
    const missing = tempDb();
    expect(await acct(missing, ["completion", "--words", "days-off"])).toEqual({ code: 0, stdout: "", stderr: "" });
    const foreign = tempDb("other.sqlite");
    new Database(foreign).exec("CREATE TABLE t (x)");
    expect(await acct(foreign, ["completion", "--words", "types"])).toEqual({ code: 0, stdout: "call\nemail\nmeeting\nopportunity\ndeal\n", stderr: "" });
    expect(await acct(foreign, ["completion", "--words", "blocks"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("completes open deals' ids and the stages (the setting's, else the default ones)", async () => {
    const deals = tempDb();
    for (const args of [
      ["opp", "add", "Acme", "--value", "10k"],
      ["opp", "add", "Globex", "--value", "10k"],
      ["opp", "lost", "1", "--reason", "timing"],
    ]) {
      expect((await acct(deals, args)).code).toBe(0);
    }
    expect((await acct(deals, ["completion", "--words", "opps"])).stdout).toBe("2\n");
    expect((await acct(deals, ["completion", "--words", "stages"])).stdout).toBe("qualify\ndiscovery\nproposal\nnegotiation\n");
    expect((await acct(deals, ["config", "set", "stages", "qualify,demo,proposal,negotiation"])).code).toBe(0);
    expect((await acct(deals, ["completion", "--words", "stages"])).stdout).toBe("qualify\ndemo\nproposal\nnegotiation\n");
    expect((await acct(tempDb(), ["completion", "--words", "opps"])).stdout).toBe("");
  });

  it("is not shown in the help", async () => {
    expect((await acct(null, ["completion", "--help"])).stdout).not.toContain("--words");
  });
});

describe("acct completion errors", () => {
  it("refuses an unknown shell and a missing one", async () => {
    expectUsageError(await acct(null, ["completion", "powershell"]), /argument 'shell' is invalid|invalid for argument 'shell'/);
    expectUsageError(await acct(null, ["completion"]), /which shell\?/);
  });
});

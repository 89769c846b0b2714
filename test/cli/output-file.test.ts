import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { acct, EXAMPLE_PLAN, expectUsageError, tempDb } from "../helpers/in-process.js";

/** Every --out: an earlier output of the same kind may be replaced, any other file only with --force. */
describe("--out never clobbers a file acct did not write", () => {
  const setup = async () => {
    const db = tempDb();
    const folder = dirname(db);
    expect((await acct(db, EXAMPLE_PLAN)).code).toBe(0);
    expect((await acct(db, ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30"])).code).toBe(0);
    expect((await acct(db, ["buddy", "set", "Sam"])).code).toBe(0);
    const precious = join(folder, "notes.txt");
    writeFileSync(precious, "my notes\n");
    return { db, folder, precious };
  };

  it.each([
    ["export", (out: string) => ["export", "--out", out]],
    ["export csv", (out: string) => ["export", "--format", "csv", "--out", out]],
    ["block export", (out: string) => ["block", "export", "--ics", "--out", out]],
    ["report", (out: string) => ["report", "--out", out]],
    ["share", (out: string) => ["share", "--out", out]],
  ])("%s", async (_name, args) => {
    const { db, folder, precious } = await setup();
    expectUsageError(await acct(db, args(precious)), /exists and is not an acct .*not replacing it/);
    expect(readFileSync(precious, "utf8")).toBe("my notes\n");
    expectUsageError(await acct(db, args(folder)), /is a folder/);

    const out = join(folder, "output");
    expect((await acct(db, args(out))).code).toBe(0);
    const first = readFileSync(out, "utf8");
    expect(first.length).toBeGreaterThan(0);
    // A second run replaces its own earlier output.
    expect((await acct(db, args(out))).code).toBe(0);
    // --force replaces any file.
    expect((await acct(db, [...args(precious), "--force"])).code).toBe(0);
    expect(readFileSync(precious, "utf8")).not.toBe("my notes\n");
  });
});

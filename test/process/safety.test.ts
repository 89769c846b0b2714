/**
 * The data file as only a process shows it: a relative --db is a file in
 * the current folder, and reading a file acct may not write (run as another
 * user) leaves nothing that blocks a later write. The rest of the data file's
 * safety is tested in process (test/cli/safety.test.ts).
 */
import { chmodSync, existsSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { acct, EXAMPLE_PLAN, tempDb } from "../helpers/cli.js";
import { acctAsUser, giveToUser, sharedTempDir } from "../helpers/processes.js";

describe("--db relative to the current folder", () => {
  it.each([" lead.db", "trail.db ", ":memory:", "file:uri.db", "file:uri.db?mode=memory", "per%20cent.db", "q?x=1.db", "hash#1.db"])(
    "--db '%s' creates and reopens that very file",
    (name) => {
      const folder = dirname(tempDb());
      const result = acct(null, ["--db", name, "log", "call", "2"], { cwd: folder });
      expect(result.code, result.stderr).toBe(0);
      expect(readdirSync(folder)).toEqual([name]);
      expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
      const list = acct(null, ["--db", name, "log", "list", "--json"], { cwd: folder });
      expect(JSON.parse(list.stdout)).toHaveLength(1);
    },
  );

  it("a relative --db is the file in the current folder, and the demo names it absolutely", () => {
    const folder = dirname(tempDb());
    const result = acct(null, ["--db", "demo.db", "demo"], { cwd: folder });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Sample year in ${join(folder, "demo.db")}`);
  });
});

describe("reading a file acct may not write", () => {
  it("leaves no read-only -shm behind: once the file is writable again, writes work", () => {
    const dir = sharedTempDir();
    giveToUser(dir);
    const db = join(dir, "acct.db");
    expect(acctAsUser(db, EXAMPLE_PLAN).code).toBe(0);
    expect(acctAsUser(db, ["log", "call"]).code).toBe(0);
    chmodSync(db, 0o444);
    for (const args of [["status"], ["audit"], ["log", "list"]]) expect(acctAsUser(db, args).code).toBe(0);
    for (const suffix of ["-shm", "-wal"]) {
      const companion = `${db}${suffix}`;
      if (existsSync(companion)) expect(statSync(companion).mode & 0o200).toBe(0o200);
    }
    chmodSync(db, 0o600);
    const write = acctAsUser(db, ["log", "call"]);
    expect(write.code, write.stderr).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

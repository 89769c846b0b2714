/**
 * What only a process shows of acct import's bounded reading: a named pipe
 * is refused without waiting for a writer, and standard input (a device, an
 * endless pipe) is read only so far, writing nothing. The refusals of files
 * are tested in process (test/cli/import-limits.test.ts).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { acct, BIN, expectUsageError, fingerprint, tempDb, type Result } from "../helpers/cli.js";

/** A data file holding two logged entries (two undo steps). */
function seeded(): string {
  const db = tempDb();
  expect(acct(db, ["log", "call", "2", "--date", "2026-03-10"]).code).toBe(0);
  expect(acct(db, ["log", "meeting", "--contact", "Acme"]).code).toBe(0);
  return db;
}

const near = (db: string, name: string) => join(dirname(db), name);

/** `acct --db db import ARGS` with stdin read from `stdin` (a path or a shell pipeline), never waiting more than 20 s. */
function importFrom(db: string, args: string[], stdin: { path?: string; shell?: string }): Result {
  const env = { ...process.env, ACCT_NOW: "2026-03-12" };
  if (stdin.shell) {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const r = spawnSync("sh", ["-c", `${stdin.shell} | ${q(process.execPath)} ${q(BIN)} --db ${q(db)} import ${args.map(q).join(" ")}`], {
      env,
      encoding: "utf8",
      timeout: 20_000,
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }
  const fd = openSync(stdin.path as string, "r");
  try {
    const r = spawnSync(process.execPath, [BIN, "--db", db, "import", ...args], { env, encoding: "utf8", stdio: [fd, "pipe", "pipe"], timeout: 20_000 });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

describe("acct import refuses what it cannot read, at once, writing nothing", () => {
  it("a named pipe, without waiting for a writer", () => {
    const db = seeded();
    const fifo = near(db, "pipe.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const before = fingerprint(db);
    const result = spawnSync(process.execPath, [BIN, "--db", db, "import", fifo], {
      env: { ...process.env, ACCT_NOW: "2026-03-12" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expectUsageError(
      { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr },
      /is a named pipe, not a file\nhint: to import what a command writes, pipe it in: … \| acct import -/,
    );
    expect(fingerprint(db)).toBe(before);
  });

  it("standard input from /dev/zero or /dev/urandom: not text", () => {
    for (const device of ["/dev/zero", "/dev/urandom"]) {
      const db = seeded();
      const before = fingerprint(db);
      expectUsageError(importFrom(db, ["-"], { path: device }), /^acct: line \d+: (a NUL byte; standard input is not a text file|not UTF-8 text)/);
      expect(fingerprint(db)).toBe(before);
    }
    const fresh = tempDb();
    expectUsageError(importFrom(fresh, ["-"], { path: "/dev/zero" }), /^acct: line 1: a NUL byte; standard input is not a text file/);
    expect(existsSync(fresh)).toBe(false);
  });

  it("endless standard input: stops at 256 MB", () => {
    const db = seeded();
    const before = fingerprint(db);
    expectUsageError(importFrom(db, ["-"], { shell: "yes 2026-03-12,call" }), /^acct: standard input holds more than 256 MB; an import reads at most that/);
    expect(fingerprint(db)).toBe(before);
  });
});

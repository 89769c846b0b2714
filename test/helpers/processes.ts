/** Real-process helpers for the failure tests: another user, a shell with limits, a terminal. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, existsSync, mkdtempSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, type Result } from "./cli.js";

export const NOBODY = 65534;

const baseEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, ACCT_NOW: "2026-03-12", ...extra };
  delete env.NO_COLOR;
  delete env.ACCT_DEBUG;
  delete env.ACCT_DB;
  return env;
};

/**
 * Runs acct as an unprivileged user so file modes apply. As root (CI) this
 * needs setpriv; without it the test fails instead of passing untested.
 */
export function acctAsUser(db: string, args: string[]): Result {
  const isRoot = process.getuid?.() === 0;
  const command = isRoot ? "setpriv" : process.execPath;
  const argv = [...(isRoot ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", process.execPath] : []), BIN, "--db", db, ...args];
  const result = spawnSync(command, argv, { env: baseEnv({ HOME: tmpdir() }), encoding: "utf8", input: "" });
  if (result.error) throw new Error(`cannot run as an unprivileged user (${command}): ${result.error.message}`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A temp folder the unprivileged user can enter and read. */
export function sharedTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "acct-shared-"));
  chmodSync(dir, 0o755);
  return dir;
}

/** Hands a path to the unprivileged user (no-op when not running as root). */
export function giveToUser(path: string): void {
  if (process.getuid?.() === 0) chownSync(path, NOBODY, NOBODY);
}

/** Copies a file, keeping nothing of its ownership. */
export function copy(from: string, to: string): string {
  copyFileSync(from, to);
  return to;
}

/** Runs acct inside `bash -c` after `prefix` (e.g. `ulimit -f 64`); the shell's exit status is returned. */
export function acctInShell(db: string, prefix: string, args: string[], input = ""): Result {
  const quoted = [process.execPath, BIN, "--db", db, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const result = spawnSync("bash", ["-c", `${prefix}; ${quoted}`], { env: baseEnv(), encoding: "utf8", input });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Starts acct without waiting for it. */
export function startAcct(db: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, "--db", db, ...args], { env: baseEnv(env), stdio: ["ignore", "pipe", "pipe"] });
}

/**
 * Resolves with the exit code, stdout and stderr; for a death by a signal,
 * 128 + the signal's number, as a shell reports it (SIGKILL: 137). Ctrl-C is
 * tested through a real shell on a terminal (test/process/interrupt.test.ts).
 */
export function finished(child: ChildProcess): Promise<Result> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      const signalled = signal ? 128 + constants.signals[signal] : -1;
      resolve({ code: code ?? signalled, stdout, stderr });
    });
  });
}

/** SQLite's own integrity check of a file, opened read-only: "ok" when whole. */
export function integrity(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.pragma("integrity_check", { simple: true }) as string;
  } finally {
    conn.close();
  }
}

/** Resolves once the write-ahead log of `db` holds more than `bytes`: an import is mid-write. */
export async function walGrows(db: string, bytes: number): Promise<void> {
  for (let i = 0; i < 4000; i++) {
    if (existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > bytes) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("the import never started writing");
}

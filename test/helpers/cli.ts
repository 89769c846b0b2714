/** Spawns the built CLI against a temporary database, as a user would run it. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const BIN = fileURLToPath(new URL("../../bin/acct.cjs", import.meta.url));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  now?: string;
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

/** A fresh folder and a database path inside it (the file does not exist yet). */
export function tempDb(name = "acct.db"): string {
  return join(mkdtempSync(join(tmpdir(), "acct-test-")), name);
}

/** Runs `acct ...args` with `--db db` and ACCT_NOW fixed (default 2026-03-12, a Thursday). */
export function acct(db: string | null, args: string[], options: RunOptions = {}): Result {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ACCT_NOW: options.now ?? "2026-03-12",
    NO_COLOR: undefined,
    ACCT_DEBUG: undefined,
    ACCT_DB: undefined,
    COLUMNS: undefined,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const spawnOptions: SpawnSyncOptions = { env: env as NodeJS.ProcessEnv, input: options.input ?? "", encoding: "utf8", cwd: options.cwd };
  const result = spawnSync(process.execPath, [BIN, ...(db ? ["--db", db] : []), ...args], spawnOptions);
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** `acct ... --json`, parsed; fails the test with stderr when the command fails. */
export function acctJson<T = unknown>(db: string | null, args: string[], options: RunOptions = {}): T {
  const result = acct(db, [...args, "--json"], options);
  if (result.code !== 0) throw new Error(`acct ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/**
 * A fingerprint of everything a database holds (every table's rows), or of
 * its absence: equal fingerprints before and after mean nothing was written.
 */
export function fingerprint(db: string): string {
  if (!existsSync(db)) return "absent";
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash("sha256");
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) hash.update(name).update(JSON.stringify(conn.prepare(`SELECT * FROM "${name}"`).all()));
    hash.update(String(conn.pragma("user_version", { simple: true })));
    return hash.digest("hex");
  } finally {
    conn.close();
  }
}

/** The raw bytes of a file, for "left untouched" checks. */
export function fileBytes(path: string): Buffer {
  return readFileSync(path);
}

/** The standard example plan: 1,200,000 at 40,000 a deal, 25 % / 50 % / 10 %, for all of 2026 (not from "today"). */
export const EXAMPLE_PLAN = [
  "plan",
  "set",
  "--target",
  "1200000",
  "--deal-size",
  "40000",
  "--win-rate",
  "0.25",
  "--meeting-rate",
  "0.5",
  "--call-rate",
  "0.1",
  "--start",
  "2026-01-01",
];

/** The example plan for another whole year. */
export const examplePlanFor = (year: number): string[] => [...EXAMPLE_PLAN.slice(0, -2), "--year", String(year), "--start", `${year}-01-01`];

/** Asserts the shape of a usage error: exit 2, one `acct:` line first, no stack trace. */
export function expectUsageError(result: Result, pattern: RegExp): void {
  if (result.code !== 2) throw new Error(`expected exit 2, got ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  if (!result.stderr.startsWith("acct: ")) throw new Error(`stderr does not start with 'acct: ': ${result.stderr}`);
  if (!pattern.test(result.stderr)) throw new Error(`stderr ${JSON.stringify(result.stderr)} does not match ${pattern}`);
  if (/\n\s+at /.test(result.stderr)) throw new Error(`stack trace in stderr: ${result.stderr}`);
  if (result.stdout !== "") throw new Error(`stdout not empty on error: ${result.stdout}`);
}

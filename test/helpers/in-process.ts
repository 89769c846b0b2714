/**
 * Runs acct in this process: `run(argv, deps)` with a temporary real data
 * file, fake streams and a fixed clock. Most command tests belong here; a
 * process is spawned only for what only a process shows (test/process/).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { run } from "../../src/cli/run.js";
import type { Result } from "./cli.js";

export type { Result } from "./cli.js";
export { EXAMPLE_PLAN, examplePlanFor, expectUsageError, fileBytes, fingerprint, tempDb } from "./cli.js";

export interface InProcessOptions {
  /** ACCT_NOW (default 2026-03-12, a Thursday). */
  now?: string;
  /** More environment; HOME is a fresh temporary folder unless given. */
  env?: Record<string, string | undefined>;
  /** Pretend stdout is a terminal of this many columns. */
  terminal?: { columns: number };
}

/** Runs `acct ...args` with `--db db` (unless db is null) in this process. */
export async function acct(db: string | null, args: readonly string[], options: InProcessOptions = {}): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const env: NodeJS.ProcessEnv = { ACCT_NOW: options.now ?? "2026-03-12", ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const home = env.HOME ?? mkdtempSync(join(tmpdir(), "acct-home-"));
  const code = await run([...(db === null ? [] : ["--db", db]), ...args], {
    env: { HOME: home, ...env },
    home,
    stdout: { write: (text: string) => (stdout += text), isTTY: options.terminal !== undefined, columns: options.terminal?.columns },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}

/** `acct ... --json`, parsed; fails the test with stderr when the command fails. */
export async function acctJson<T = unknown>(db: string | null, args: readonly string[], options: InProcessOptions = {}): Promise<T> {
  const result = await acct(db, [...args, "--json"], options);
  expect(result.code, `acct ${args.join(" ")}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** Runs each command in turn and expects every one to succeed. */
export async function acctAll(db: string, commands: readonly (readonly string[])[], options: InProcessOptions = {}): Promise<void> {
  for (const args of commands) {
    const result = await acct(db, args, options);
    expect(result.code, `acct ${args.join(" ")}: ${result.stderr}`).toBe(0);
  }
}

/**
 * Property-based fuzzing of every command's arguments, each run a real
 * process: it exits only 0, 1 or 2, never prints a stack trace, and leaves the
 * database unchanged on exit 2. The command tree (names, options) is read
 * from the program itself, so new commands and flags are fuzzed too.
 *
 * Each run draws a new seed and names it in the test's title; a failure
 * prints it again. ACCT_FUZZ_SEED=<seed> replays the same command lines in
 * the same order against the same file, so the same failure and the same
 * shrunk case; ACCT_FUZZ_RUNS sets how many.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/program.js";
import { readClock } from "../../src/cli/clock.js";
import { acct, EXAMPLE_PLAN, fingerprint, tempDb } from "../helpers/cli.js";

const RUNS = Number(process.env.ACCT_FUZZ_RUNS ?? 150);
const SEED = process.env.ACCT_FUZZ_SEED === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(process.env.ACCT_FUZZ_SEED);
if (!Number.isSafeInteger(SEED)) throw new Error(`ACCT_FUZZ_SEED must be a whole number, not '${process.env.ACCT_FUZZ_SEED}'`);

interface Leaf {
  path: string[];
  options: { flag: string; takesValue: boolean }[];
  args: number;
}

/** Every runnable command path with its options, read from the real program. */
function commandLeaves(): Leaf[] {
  const sink = { write: () => true };
  const { program } = createProgram({ env: {}, clock: readClock({ ACCT_NOW: "2026-03-12" }), home: tmpdir(), stdout: sink, stderr: sink, stdinIsTTY: false });
  const leaves: Leaf[] = [];
  const walk = (command: Command, path: string[]) => {
    const options = command.options.filter((o) => o.long && o.long !== "--db").map((o) => ({ flag: o.long as string, takesValue: o.required || o.optional }));
    leaves.push({ path, options, args: command.registeredArguments.length });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  for (const top of program.commands) walk(top, [top.name()]);
  return leaves;
}

/** Values that are valid somewhere, invalid elsewhere, or hostile everywhere. */
const value = fc.oneof(
  fc.constantFrom("call", "calls", "Meeting", "opp", "deal", "linkedin", "emial", "1", "0", "-1", "3", "100000", "100001", "1e3", "NaN", "Infinity"),
  fc.constantFrom(
    "2026-03-12",
    "2026-02-30",
    "today",
    "yesterday",
    "mon",
    "sunday",
    "2026-W11",
    "2026-W54",
    "2026-01-01..2026-01-05",
    "2026-05-01..2026-04-01",
  ),
  fc.constantFrom(
    "42k",
    "$42,000.50",
    "1.5m",
    "0",
    "-5",
    "1e13",
    "25%",
    "0.5",
    "150%",
    "08:00",
    "25:00",
    "mon,wed",
    "x,y",
    "1,1,1",
    "md",
    "json",
    "csv",
    "text",
    "revenue",
  ),
  fc.constantFrom(
    "",
    " ",
    "--",
    "-",
    "-x",
    "--help",
    "--json",
    "--no-color",
    "--version",
    "%s%n",
    "'; DROP TABLE entries; --",
    "../../etc/passwd",
    "a".repeat(600),
    "Zoë 🚀 — 日本",
    "\t",
    "1 2",
  ),
  // A command line cannot carry a NUL byte.
  fc.string({ maxLength: 12 }).filter((s) => !s.includes("\u0000")),
  fc.integer({ min: -3, max: 1_000_000_000 }).map(String),
);

function argvFor(leaf: Leaf) {
  const positional = fc.array(value, { maxLength: leaf.args + 1 });
  const flags = leaf.options.length
    ? fc.array(
        fc.constantFrom(...leaf.options).chain((o) =>
          o.takesValue
            ? fc.oneof(
                value.map((v) => [o.flag, v]),
                fc.constant([o.flag]),
              )
            : fc.constant([o.flag]),
        ),
        { maxLength: 4 },
      )
    : fc.constant([] as string[][]);
  return fc.tuple(positional, flags).map(([pos, fl]) => [...leaf.path, ...pos, ...fl.flat()]);
}

describe("fuzzing every command's arguments", () => {
  it(`${RUNS} random command lines (seed ${SEED}): exit 0, 1 or 2, no stack trace, nothing written on exit 2`, () => {
    console.log(`fuzz: seed ${SEED}, ${RUNS} runs (replay with ACCT_FUZZ_SEED=${SEED})`);
    const leaves = commandLeaves();
    expect(leaves.length).toBeGreaterThan(20);
    const home = mkdtempSync(join(tmpdir(), "acct-fuzz-home-"));
    const db = tempDb();
    expect(acct(db, EXAMPLE_PLAN).code).toBe(0);
    expect(acct(db, ["log", "call", "5"]).code).toBe(0);
    const env = { HOME: home, XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), EDITOR: "true", VISUAL: "true", BROWSER: "true" };
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...leaves).chain(argvFor), (argv) => {
        seen.add(argv.slice(0, 2).join(" "));
        const before = fingerprint(db);
        const result = acct(db, argv, { env, cwd: home });
        const context = `acct ${JSON.stringify(argv)} → ${result.code}\n${result.stderr}`;
        expect([0, 1, 2], context).toContain(result.code);
        expect(result.stderr, context).not.toMatch(/\n\s+at /);
        if (result.code !== 0) expect(result.stderr, context).toMatch(/^acct: /);
        if (result.code === 2) expect(fingerprint(db), context).toBe(before);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(seen.size).toBeGreaterThan(15);
  }, 900_000);
});

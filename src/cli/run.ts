/**
 * The entry: reads the environment and the clock once, runs the program, and
 * is the one place that turns errors into exit codes.
 */
import { CommanderError } from "commander";
import { AcctError, EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_USAGE } from "../domain/errors.js";
import { terminalPage, visibleControls } from "../render/escape.js";
import { readClock } from "./clock.js";
import type { Deps } from "./context.js";
import { createProgram } from "./program.js";

export async function run(argv: string[], base: Omit<Deps, "clock">): Promise<number> {
  const debug = base.env.ACCT_DEBUG === "1";
  let app: ReturnType<typeof createProgram>["app"] | undefined;
  try {
    // Assigned, not spread: a spread would evaluate base's lazy getters (stdinIsTTY).
    const deps: Deps = Object.assign(base, { clock: readClock(base.env) });
    const created = createProgram(deps, argv);
    app = created.app;
    await created.program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    return report(error, base, debug);
  } finally {
    app?.closeAll();
  }
}

function report(error: unknown, deps: Omit<Deps, "clock">, debug: boolean): number {
  // Messages echo what was typed or read (unknown type 'X', line 3: …): one line each, control characters shown.
  const say = (line: string) => deps.stderr.write(`${visibleControls(line)}\n`);
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") return 0;
    const [first = "", ...rest] = error.message
      .replace(/^error: /, "")
      .split("\n")
      .filter((l) => l.trim() !== "");
    say(`acct: ${first}`);
    for (const line of rest) say(`hint: ${hintOf(line)}`);
    if (rest.length === 0) {
      const usage = (error as CommanderError & { usage?: string }).usage;
      say(usage ? `hint: usage: ${usage}` : "hint: see acct --help");
    }
    return EXIT_USAGE;
  }
  if (isPromptExit(error)) {
    say("acct: interrupted; nothing was saved");
    return EXIT_INTERRUPTED;
  }
  if (error instanceof AcctError) {
    say(`acct: ${error.message}`);
    if (error.hint) say(`hint: ${error.hint}`);
    if (debug && error.stack) deps.stderr.write(`${terminalPage(error.stack, false)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`acct: unexpected error: ${message}`);
  if (debug && error instanceof Error && error.stack) deps.stderr.write(`${terminalPage(error.stack, false)}\n`);
  else say("hint: run again with ACCT_DEBUG=1 for details");
  return EXIT_FAILURE;
}

/** Commander's `(Did you mean --target?)` in the house style: `did you mean '--target'?`. */
function hintOf(line: string): string {
  const text = line.replace(/^\((.*)\)$/, "$1");
  const suggestion = /^Did you mean (\S+)\?$/.exec(text);
  return suggestion ? `did you mean '${suggestion[1]}'?` : text;
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError");
}

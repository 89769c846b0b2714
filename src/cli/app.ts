/** The glue every command module receives: a way to get its Context. */
import type { Command } from "commander";
import { Context, type Deps, type GlobalOptions } from "./context.js";
import { usageError } from "../domain/errors.js";
import { closest } from "../domain/suggest.js";

export class App {
  private readonly contexts: Context[] = [];

  constructor(readonly deps: Deps) {}

  /** The Context for a command's action, from its own and the global options. */
  context(command: Command): Context {
    const ctx = new Context(this.deps, command.optsWithGlobals<GlobalOptions>());
    this.contexts.push(ctx);
    return ctx;
  }

  closeAll(): void {
    for (const ctx of this.contexts) ctx.close();
  }
}

const EXAMPLES = new WeakMap<Command, readonly string[]>();

/** Appends examples to a command's help. */
export function withExamples(command: Command, examples: readonly string[]): Command {
  EXAMPLES.set(command, [...(EXAMPLES.get(command) ?? []), ...examples]);
  return command.addHelpText("after", `\nExamples:\n${examples.map((e) => `  $ ${e}`).join("\n")}\n`);
}

/**
 * Makes `parent` alone run `action` (e.g. `acct plan` shows the plan) while a
 * mistyped subcommand still fails as unknown, with the closest name.
 */
export function withDefaultAction(parent: Command, action: (command: Command) => Promise<void> | void): Command {
  return parent.allowExcessArguments(true).action(async (_flags: object, command: Command) => {
    const [typed] = command.args;
    if (typed !== undefined) {
      const names = parent.commands.map((c) => c.name());
      const suggestion = closest(typed, names);
      const path = parent.parent ? `${parent.name()} ` : "";
      throw usageError(`unknown command '${path}${typed}'`, suggestion ? `did you mean '${path}${suggestion}'?` : `commands: ${names.join(", ")}`);
    }
    await action(command);
  });
}

/** The examples given to a command with withExamples (none if it has none). */
export function examplesOf(command: Command): readonly string[] {
  return EXAMPLES.get(command) ?? [];
}

/**
 * What the shell may complete, read from the live commander tree: every
 * command path with its subcommands, flags, flag values and positional
 * arguments. A value completes its choices, or what `completes()` declared
 * where the option or argument is defined; nothing is guessed from names.
 */
import type { Argument, Command, Option } from "commander";
import type { CompletionNode, CompletionOption, ValueKind } from "../render/completion.js";
import { type CompletionKind, completionKindOf } from "./completes.js";
import { HELP_TOPICS } from "./help-topics.js";
import { SETTINGS } from "../domain/settings.js";

const DATE_WORDS = ["today", "yesterday", "tomorrow", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "eow", "eom", "eoq"];

/** What a declared kind completes; `program` for the names `acct help` takes. */
function completedValue(kind: CompletionKind | undefined, choices: readonly string[] | undefined, program: Command): ValueKind {
  if (choices) return { kind: "choices", values: [...choices] };
  switch (kind) {
    case undefined:
      return { kind: "free" };
    case "type":
      return { kind: "words", words: "types" };
    case "file":
      return { kind: "file" };
    case "date":
      return { kind: "choices", values: DATE_WORDS };
    case "block-id":
      return { kind: "words", words: "blocks" };
    case "commitment-id":
      return { kind: "words", words: "commitments" };
    case "day-off-id":
      return { kind: "words", words: "days-off" };
    case "opp-id":
      return { kind: "words", words: "opps" };
    case "stage":
      return { kind: "words", words: "stages" };
    case "setting":
      return { kind: "choices", values: SETTINGS.map((s) => s.key) };
    case "help-topic":
      return { kind: "choices", values: [...program.commands.map((c) => c.name()).filter((n) => n !== "help"), ...HELP_TOPICS.map((t) => t.name)] };
  }
}

function toOption(option: Option, program: Command): CompletionOption {
  const takesValue = option.required || option.optional;
  return {
    flags: [option.short, option.long].filter((f): f is string => typeof f === "string"),
    description: option.description,
    value: takesValue ? completedValue(completionKindOf(option), option.argChoices, program) : null,
  };
}

const toArg = (arg: Argument, program: Command): ValueKind => completedValue(completionKindOf(arg), arg.argChoices, program);

/** Every command path of `program`, depth first, with what may follow it. */
export function buildCompletionTree(program: Command): CompletionNode[] {
  const help = program.createHelp();
  const globals = help.visibleOptions(program).filter((o) => o.long !== "--help" && o.long !== "--version");
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string) => {
    const subcommands = help.visibleCommands(command).filter((c) => c.name() !== "help" || command === program);
    const own = help.visibleOptions(command);
    nodes.push({
      path,
      description: command.description(),
      subcommands: subcommands.map((c) => ({ name: c.name(), description: c.description() })),
      options: [...own, ...(command === program ? [] : globals)].map((o) => toOption(o, program)),
      args: command.registeredArguments.map((a) => toArg(a, program)),
      variadic: command.registeredArguments.at(-1)?.variadic === true,
    });
    for (const sub of subcommands) visit(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  visit(program, "");
  return nodes;
}

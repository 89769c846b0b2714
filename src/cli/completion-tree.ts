/**
 * What the shell may complete, read from the live commander tree: every
 * command path with its subcommands, flags, flag values and positional
 * arguments. The shell scripts in src/render/completion.ts are built from it.
 */
import type { Command, Option } from "commander";
import type { CompletionNode, CompletionOption, ValueKind, WordKind } from "../render/completion.js";
import { HELP_TOPICS } from "./help-topics.js";
import { SETTINGS } from "../domain/settings.js";

const DATE_WORDS: ValueKind = { kind: "choices", values: ["today", "yesterday", "tomorrow", "mon", "tue", "wed", "thu", "fri", "sat", "sun"] };
const TYPE_OPTIONS = new Set(["--type", "--metric", "--activity"]);
const FILE_OPTIONS = new Set(["--db", "--out", "--file"]);
const DATE_OPTIONS = new Set(["--date", "--from", "--to", "--due"]);
const ID_WORDS: Record<string, WordKind> = { block: "blocks", commit: "commitments", off: "days-off" };

function optionValue(option: Option): ValueKind | null {
  if (!option.required && !option.optional) return null;
  if (option.argChoices) return { kind: "choices", values: [...option.argChoices] };
  const long = option.long ?? "";
  if (TYPE_OPTIONS.has(long)) return { kind: "words", words: "types" };
  if (FILE_OPTIONS.has(long)) return { kind: "file" };
  if (DATE_OPTIONS.has(long)) return DATE_WORDS;
  if (long === "--carry") return { kind: "words", words: "commitments" };
  return { kind: "free" };
}

function argValue(name: string, choices: readonly string[] | undefined, path: string): ValueKind {
  if (choices) return { kind: "choices", values: [...choices] };
  if (name === "type") return { kind: "words", words: "types" };
  if (name === "key" && path.startsWith("config")) return { kind: "choices", values: SETTINGS.map((s) => s.key) };
  if (name === "file") return { kind: "file" };
  if (name === "date" || name === "dates") return DATE_WORDS;
  const top = path.split(" ")[0] ?? "";
  if (/id$/i.test(name) && ID_WORDS[top]) return { kind: "words", words: ID_WORDS[top] };
  return { kind: "free" };
}

function toOption(option: Option): CompletionOption {
  return {
    flags: [option.short, option.long].filter((f): f is string => typeof f === "string"),
    description: option.description,
    value: optionValue(option),
  };
}

/** Every command path of `program`, depth first, with what may follow it. */
export function buildCompletionTree(program: Command): CompletionNode[] {
  const help = program.createHelp();
  const globals = help.visibleOptions(program).filter((o) => o.long !== "--help" && o.long !== "--version");
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string) => {
    const subcommands = help.visibleCommands(command).filter((c) => c.name() !== "help" || command === program);
    const own = help.visibleOptions(command);
    const options = [...own, ...(command === program ? [] : globals)].map(toOption);
    let args = command.registeredArguments.map((a) => argValue(a.name(), a.argChoices, path));
    if (command === program.commands.find((c) => c.name() === "help")) {
      args = [{ kind: "choices", values: [...program.commands.map((c) => c.name()).filter((n) => n !== "help"), ...HELP_TOPICS.map((t) => t.name)] }];
    }
    nodes.push({
      path,
      description: command.description(),
      subcommands: subcommands.map((c) => ({ name: c.name(), description: c.description() })),
      options,
      args,
      variadic: command.registeredArguments.at(-1)?.variadic === true,
    });
    for (const sub of subcommands) visit(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  visit(program, "");
  return nodes;
}

/** `acct completion bash|zsh|fish`: prints a completion script; the scripts read the command tree from `--tree`. */
import { Argument, Command, Option } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { buildCompletionTree } from "../completion-tree.js";
import bashScript from "../completion/acct.bash";
import fishScript from "../completion/acct.fish";
import zshScript from "../completion/acct.zsh";
import type { Context } from "../context.js";
import { BUILTIN_TYPES } from "../../domain/activity-types.js";
import { usageError } from "../../domain/errors.js";
import { renderCompletionTree, SHELLS, WORD_KINDS, type Shell, type WordKind } from "../../render/completion.js";
import { hasControls } from "../../render/escape.js";
import { listBlockIds, listOpenCommitmentIds, listOpenOppIds } from "../../store/completion-words.js";
import { pipelineSettings } from "../../reports/pipeline.js";
import { listCustomTypes, listDaysOff } from "../../store/plans.js";

const SCRIPTS: Record<Shell, string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

/** A missing, locked or foreign file completes nothing rather than failing. */
function quietly<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** The words of one kind; the built-in types even when the file cannot be read. */
function wordsOf(ctx: Context, kind: WordKind): (string | number)[] {
  const db = quietly(() => ctx.read(), null);
  if (kind === "types") return [...BUILTIN_TYPES, ...(db ? quietly(() => listCustomTypes(db), []) : [])];
  if (!db) return [];
  if (kind === "blocks") return quietly(() => listBlockIds(db), []);
  if (kind === "commitments") return quietly(() => listOpenCommitmentIds(db), []);
  if (kind === "opps") return quietly(() => listOpenOppIds(db), []);
  if (kind === "stages") return quietly(() => pipelineSettings(db).stages.map((s) => s.name), []);
  return quietly(() => listDaysOff(db).map((d) => d.id), []);
}

export function completionCommand(app: App): Command {
  const completion: Command = new Command("completion")
    .description("print a shell completion script (bash, zsh or fish)")
    .addArgument(new Argument("[shell]", "the shell to complete in").choices([...SHELLS]))
    // Both are called by the scripts at completion time.
    .addOption(new Option("--words <kind>", "print the words of one kind that live in the data file, one a line").choices([...WORD_KINDS]).hideHelp())
    .addOption(new Option("--tree", "print the command tree: commands, flags and what completes their values").hideHelp())
    .action((shell: string | undefined, flags: { words?: WordKind; tree?: boolean }, command: Command) => {
      const ctx = app.context(command);
      if (flags.words) {
        // Completion must never disturb the prompt: no output but the words, no error.
        // Exactly the words, one a line: a word with a control character (a line break, a tab) cannot be one, and is left out.
        const words = wordsOf(ctx, flags.words)
          .map(String)
          .filter((w) => !hasControls(w));
        if (words.length > 0) ctx.deps.stdout.write(`${words.join("\n")}\n`);
        return;
      }
      let root = command;
      while (root.parent) root = root.parent;
      if (flags.tree) return void ctx.deps.stdout.write(renderCompletionTree(buildCompletionTree(root)));
      if (shell === undefined) throw usageError("which shell? acct completion bash|zsh|fish", "e.g. source <(acct completion bash)");
      ctx.deps.stdout.write(SCRIPTS[shell as Shell]);
    });
  completion.addHelpText(
    "after",
    `
Install (once):
  bash   echo 'source <(acct completion bash)' >> ~/.bashrc
  zsh    echo 'source <(acct completion zsh)' >> ~/.zshrc     (after compinit)
  fish   acct completion fish > ~/.config/fish/completions/acct.fish`,
  );
  return withExamples(completion, ["source <(acct completion bash)", "acct completion zsh > _acct", "acct completion fish > acct.fish"]);
}

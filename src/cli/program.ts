/**
 * The command tree: global options and one addCommand per command module.
 * A run builds only the command it invokes (see commandsNeeded).
 */
import { Command, Option } from "commander";
import { App, examplesOf, withDefaultAction, withExamples } from "./app.js";
import { completes } from "./completes.js";
import type { Deps } from "./context.js";
import { auditCommand } from "./commands/audit.js";
import { backupCommand } from "./commands/backup.js";
import { blockCommand } from "./commands/block.js";
import { buddyCommand } from "./commands/buddy.js";
import { checkCommand } from "./commands/check.js";
import { commitCommand } from "./commands/commit.js";
import { completionCommand } from "./commands/completion.js";
import { coachCommand } from "./commands/coach.js";
import { configCommand } from "./commands/config.js";
import { demoCommand } from "./commands/demo.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { logCommand } from "./commands/log.js";
import { offCommand } from "./commands/off.js";
import { oppCommand } from "./commands/opp.js";
import { pipelineCommand } from "./commands/pipeline.js";
import { planCommand } from "./commands/plan.js";
import { reportCommand } from "./commands/report.js";
import { reviewsCommand } from "./commands/reviews.js";
import { shareCommand } from "./commands/share.js";
import { showStatus, statusCommand } from "./commands/status.js";
import { typeCommand } from "./commands/type.js";
import { helpCommand } from "./commands/help.js";
import { topicsHelp } from "./help-topics.js";
import { undoCommand } from "./commands/undo.js";

export const VERSION = "0.1.0";

/** Every top-level command, in help order. */
const COMMANDS: readonly (readonly [string, (app: App) => Command])[] = [
  ["plan", planCommand],
  ["off", offCommand],
  ["type", typeCommand],
  ["log", logCommand],
  ["undo", undoCommand],
  ["export", exportCommand],
  ["import", importCommand],
  ["audit", auditCommand],
  ["commit", commitCommand],
  ["reviews", reviewsCommand],
  ["opp", oppCommand],
  ["pipeline", pipelineCommand],
  ["coach", coachCommand],
  ["buddy", buddyCommand],
  ["share", shareCommand],
  ["block", blockCommand],
  ["status", statusCommand],
  ["report", reportCommand],
  ["demo", demoCommand],
  ["backup", backupCommand],
  ["check", checkCommand],
  ["completion", completionCommand],
  ["config", configCommand],
];

const ALL = Symbol("all commands");
/** Commands that look at the whole command tree. */
const WHOLE_TREE = new Set(["help", "completion"]);
/** Global options that take a value: their value is not a command name. */
const VALUE_OPTIONS = new Set(["--db"]);

/**
 * Which command a run needs built: the one `argv` names; all of them for
 * help, completion, or a name that is not a command (so the closest can be
 * suggested); `status` for `acct` alone. Building every command's options and
 * help text costs start-up time, so a run builds only what it can reach.
 */
function commandsNeeded(argv: readonly string[] | undefined): string | typeof ALL {
  if (!argv) return ALL;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") return ALL;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (arg === "-h" || arg === "--help") return ALL;
    else if (!arg.startsWith("-")) return COMMANDS.some(([name]) => name === arg) && !WHOLE_TREE.has(arg) ? arg : ALL;
  }
  return "status"; // acct alone shows the status
}

/** Builds the command tree; with `argv`, only the command it invokes. */
export function createProgram(deps: Deps, argv?: readonly string[]): { program: Command; app: App } {
  const app = new App(deps);
  const program = new Command("acct")
    .description("Accountability for salespeople: turn an annual target into daily activity, log it, audit it weekly.")
    .version(VERSION, "-V, --version")
    .addOption(completes(new Option("--db <path>", "data file (default: $ACCT_DB, else $XDG_DATA_HOME/acct/acct.db)"), "file"))
    .option("--json", "print one JSON document instead of text")
    .option("--no-color", "no colour in the output");
  withExamples(program, ["acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%", "acct log call 5", "acct audit"]);

  const needed = commandsNeeded(argv);
  for (const [name, factory] of COMMANDS) if (needed === ALL || needed === name) program.addCommand(factory(app));
  // A command group without examples of its own teaches with its subcommands' first ones.
  forEachCommand(program, (command) => {
    if (command === program || command.commands.length === 0 || examplesOf(command).length > 0) return;
    const fromSubcommands = command.commands.flatMap((sub) => examplesOf(sub).slice(0, 1)).slice(0, 3);
    if (fromSubcommands.length > 0) withExamples(command, fromSubcommands);
  });
  // `acct help` is ours (commands and topics); commander's implicit one knows no topics.
  program.helpCommand(false).addCommand(helpCommand(app, program));
  program.addHelpText("after", topicsHelp());
  withDefaultAction(program, (command) => showStatus(app, command));
  forEachCommand(program, (command) => {
    // Subcommands inherit their group's tolerance of a stray word (withDefaultAction); a leaf refuses extra arguments.
    if (command.commands.length === 0) command.allowExcessArguments(false);
    command
      .showSuggestionAfterError(true)
      .exitOverride((error) => {
        // run() names the command's usage in the hint.
        throw Object.assign(error, { usage: usageOf(command) });
      })
      .configureOutput({
        writeOut: (text) => deps.stdout.write(text),
        writeErr: (text) => deps.stderr.write(text),
        // Usage errors reach run()'s catch through exitOverride, which prints them once.
        outputError: () => {},
      });
  });
  return { program, app };
}

/** `acct plan target [options] <type> <perWeek>`: the command's full name and its arguments. */
function usageOf(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return `${names.join(" ")} ${command.usage()}`;
}

function forEachCommand(command: Command, fn: (command: Command) => void): void {
  fn(command);
  for (const sub of command.commands) forEachCommand(sub, fn);
}

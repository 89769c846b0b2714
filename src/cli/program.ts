/** The command tree: global options and one addCommand per command module. */
import { Command } from "commander";
import { App, examplesOf, withDefaultAction, withExamples } from "./app.js";
import type { Deps } from "./context.js";
import { auditCommand } from "./commands/audit.js";
import { backupCommand } from "./commands/backup.js";
import { blockCommand } from "./commands/block.js";
import { buddyCommand } from "./commands/buddy.js";
import { checkCommand } from "./commands/check.js";
import { commitCommand } from "./commands/commit.js";
import { completionCommand } from "./commands/completion.js";
import { configCommand } from "./commands/config.js";
import { demoCommand } from "./commands/demo.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { logCommand } from "./commands/log.js";
import { offCommand } from "./commands/off.js";
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

export function createProgram(deps: Deps): { program: Command; app: App } {
  const app = new App(deps);
  const program = new Command("acct")
    .description("Accountability for salespeople: turn an annual target into daily activity, log it, audit it weekly.")
    .version(VERSION, "-V, --version")
    .option("--db <path>", "data file (default: $ACCT_DB, else $XDG_DATA_HOME/acct/acct.db)")
    .option("--json", "print one JSON document instead of text")
    .option("--no-color", "no colour in the output");
  withExamples(program, [
    "acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%",
    "acct log call 5",
    "acct audit",
  ]);

  const commands = [
    planCommand(app),
    offCommand(app),
    typeCommand(app),
    logCommand(app),
    undoCommand(app),
    exportCommand(app),
    importCommand(app),
    auditCommand(app),
    commitCommand(app),
    reviewsCommand(app),
    buddyCommand(app),
    shareCommand(app),
    blockCommand(app),
    statusCommand(app),
    reportCommand(app),
    demoCommand(app),
    backupCommand(app),
    checkCommand(app),
    completionCommand(app),
    configCommand(app),
  ];
  for (const command of commands) {
    program.addCommand(command);
  }
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
  forEachCommand(program, (command) =>
    command
      .showSuggestionAfterError(true)
      .exitOverride()
      .configureOutput({
        writeOut: (text) => deps.stdout.write(text),
        writeErr: (text) => deps.stderr.write(text),
        // Usage errors reach run()'s catch through exitOverride, which prints them once.
        outputError: () => {},
      }),
  );
  return { program, app };
}

function forEachCommand(command: Command, fn: (command: Command) => void): void {
  fn(command);
  for (const sub of command.commands) forEachCommand(sub, fn);
}

/** `acct report`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function reportCommand(app: App): Command {
  return new Command("report")
    .description("a self-contained HTML report with charts (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct report is not built yet");
    });
}

/** `acct buddy`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function buddyCommand(app: App): Command {
  return new Command("buddy")
    .description("the accountability buddy who sees your weekly summary (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct buddy is not built yet");
    });
}

/** `acct config`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function configCommand(app: App): Command {
  return new Command("config")
    .description("settings: currency symbol, week start, hours per day (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct config is not built yet");
    });
}

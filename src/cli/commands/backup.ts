/** `acct backup`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function backupCommand(app: App): Command {
  return new Command("backup")
    .description("copy the data file safely while in use (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct backup is not built yet");
    });
}

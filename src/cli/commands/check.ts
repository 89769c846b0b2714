/** `acct check`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function checkCommand(app: App): Command {
  return new Command("check")
    .description("check the data file's integrity and summarise it (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct check is not built yet");
    });
}

/** `acct export`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function exportCommand(app: App): Command {
  return new Command("export")
    .description("export everything as JSON or the entries as CSV (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct export is not built yet");
    });
}

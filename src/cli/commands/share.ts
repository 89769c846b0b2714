/** `acct share`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function shareCommand(app: App): Command {
  return new Command("share")
    .description("write the weekly summary addressed to your buddy (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct share is not built yet");
    });
}

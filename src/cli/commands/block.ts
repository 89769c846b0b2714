/** `acct block`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function blockCommand(app: App): Command {
  return new Command("block")
    .description("weekly time blocks for prospecting and other activity (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct block is not built yet");
    });
}

/** `acct commit`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function commitCommand(app: App): Command {
  return new Command("commit")
    .description("SMART commitments checked at the next review (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct commit is not built yet");
    });
}

/** `acct undo`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function undoCommand(app: App): Command {
  return new Command("undo")
    .description("reverse the most recent change (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct undo is not built yet");
    });
}

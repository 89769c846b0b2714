/** `acct reviews`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function reviewsCommand(app: App): Command {
  return new Command("reviews")
    .description("past weekly reviews (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct reviews is not built yet");
    });
}

/** `acct demo`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function demoCommand(app: App): Command {
  return new Command("demo")
    .description("fill a database with a realistic sample year and show it (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct demo is not built yet");
    });
}

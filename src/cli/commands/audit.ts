/** `acct audit`: placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

export function auditCommand(app: App): Command {
  return new Command("audit")
    .description("the weekly audit: plan vs actual, effectiveness, commitments (not built yet)")
    .allowUnknownOption(true)
    .allowExcessArguments(true)
    .action((_flags: object, command: Command) => {
      app.context(command);
      throw failure("acct audit is not built yet");
    });
}

/** `acct status` (and `acct` alone): placeholder until its issue lands; replace this whole file. */
import { Command } from "commander";
import type { App } from "../app.js";
import { failure } from "../../domain/errors.js";

/** What `acct` alone runs. */
export async function showStatus(app: App, command: Command): Promise<void> {
  app.context(command);
  throw failure("acct status is not built yet", "see acct --help");
}

export function statusCommand(app: App): Command {
  return new Command("status")
    .description("today and this week at a glance (not built yet)")
    .action((_flags: object, command: Command) => showStatus(app, command));
}

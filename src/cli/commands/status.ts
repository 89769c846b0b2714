/** `acct status` (and `acct` alone): today and this week at a glance. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { loadStatus } from "../../reports/status.js";
import { FIRST_PLAN_COMMAND, renderFirstRun, renderStatusText, statusToJson, type FirstRunJson } from "../../render/status.js";

/** What `acct` alone runs: the status page, or the first-run message before there is a plan. */
export async function showStatus(app: App, command: Command): Promise<void> {
  const ctx = app.context(command);
  const db = ctx.read();
  const data = db ? loadStatus(db, ctx.today, ctx.clock.minutes) : null;
  if (!data) {
    const reason: FirstRunJson["reason"] = db ? "no-plan" : "no-database";
    if (ctx.json) return ctx.printJson({ ready: false, reason, next: FIRST_PLAN_COMMAND } satisfies FirstRunJson);
    return ctx.print(renderFirstRun(reason, FIRST_PLAN_COMMAND, ctx.render));
  }
  if (ctx.json) return ctx.printJson(statusToJson(data));
  ctx.print(renderStatusText(data, ctx.render));
}

export function statusCommand(app: App): Command {
  const status = new Command("status")
    .description("today and this week at a glance: progress bars, buffer, next block, commitments due (also: acct alone)")
    .action((_flags: object, command: Command) => showStatus(app, command));
  return withExamples(status, ["acct", "acct status --json", "ACCT_NOW=2026-03-13 acct status --no-color"]);
}

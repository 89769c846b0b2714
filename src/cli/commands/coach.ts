/** `acct coach`: your own conversion rates with their uncertainty, what the year needs at them, and the levers worth pulling. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { loadCoach } from "../../reports/coach.js";
import { coachToJson, renderCoachText } from "../../render/coach.js";

export function coachCommand(app: App): Command {
  const coach = new Command("coach")
    .description("your own rates (with 80% intervals) beside the plan's, the calls a week the year needs at them, and the levers ranked")
    .option("--window <span>", "what to look back over: ytd (default), 90d, or any Nd from 7d")
    .action((flags: { window?: string }, command: Command) => {
      const ctx = app.context(command);
      const coachData = loadCoach(ctx.read(), ctx.today, flags.window);
      if (ctx.json) return ctx.printJson(coachToJson(coachData));
      ctx.print(renderCoachText(coachData, ctx.render));
    });
  return withExamples(coach, ["acct coach", "acct coach --window 90d", "acct coach --json"]);
}

/** `acct pipeline`: open value, weighted value and coverage of the revenue still needed, by close month, with the deals that need doing. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { pipelineToJson, renderPipelineText } from "../../render/pipeline.js";
import { loadPipeline, emptyPipeline } from "../../reports/pipeline.js";

export function pipelineCommand(app: App): Command {
  const pipeline = new Command("pipeline")
    .description("the pipeline: open and weighted value, coverage of the revenue still needed, by close month; stalled, idle and overdue deals")
    .action(async (_flags: object, command: Command) => {
      const ctx = app.context(command);
      const db = ctx.read();
      const figures = db ? loadPipeline(db, ctx.today) : emptyPipeline(ctx.today);
      if (ctx.json) return ctx.printJson(pipelineToJson(figures));
      ctx.print(await renderPipelineText(figures, ctx.render));
      if (figures.open === 0 && figures.won + figures.lost === 0) ctx.note("no deals yet: acct opp add NAME --value X [--close D]");
    });
  withExamples(pipeline, ["acct pipeline", "acct pipeline --json"]);
  return pipeline;
}

/** `acct report`: the year as one self-contained HTML page with charts. */
import { Command, Option } from "commander";
import { completes } from "../completes.js";
import { resolve } from "node:path";
import type { App } from "../app.js";
import { checkOutputTarget, REPORT_OUTPUT, writeOutputFile } from "../output-file.js";
import { withExamples } from "../app.js";
import { failure } from "../../domain/errors.js";
import { parseText, parseYear } from "../../domain/parse.js";
import { buildReport } from "../../domain/report.js";
import { loadCommitments } from "../../store/commitments.js";
import { totalsBetween } from "../../store/entries.js";
import { loadPlan } from "../../store/plans.js";
import { planOn } from "../../domain/plan.js";
import { hasOpportunities } from "../../store/opportunities.js";
import { loadPipeline } from "../../reports/pipeline.js";
import { loadForecast } from "../../reports/forecast.js";

interface ReportFlags {
  year?: string;
  out?: string;
  force?: boolean;
}

export function reportCommand(app: App): Command {
  const report = new Command("report")
    .description("write the year as one self-contained HTML page with charts: the road, weekly bars, the funnel, commitments")
    .option("--year <year>", "plan year (default: this year)")
    .addOption(completes(new Option("--out <file>", "where to write it (default: report-YEAR.html in the current folder; replaces an earlier report)"), "file"))
    .option("--force", "with --out: replace FILE even if acct did not write it")
    .action(async (flags: ReportFlags, command: Command) => {
      const ctx = app.context(command);
      const year = flags.year === undefined ? Number(ctx.today.slice(0, 4)) : parseYear(flags.year);
      const out = resolve(flags.out === undefined ? `report-${year}.html` : parseText(flags.out, "--out"));
      // Checked before the charts are drawn, which takes a moment.
      checkOutputTarget(out, REPORT_OUTPUT, flags.force === true, ctx.dbPath);
      const db = ctx.read();
      const found = db ? loadPlan(db, year) : null;
      if (!db || !found) {
        throw failure(
          `there is no plan for ${year}`,
          `create one with: acct plan set --year ${year} --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%`,
        );
      }
      const dec31 = `${year}-12-31`;
      const asOf = ctx.today < dec31 ? ctx.today : dec31;
      const data = buildReport(
        {
          plan: planOn(found.schedule, asOf),
          calendar: found.calendar,
          schedule: found.schedule,
          asOf,
          ytdTotals: asOf >= `${year}-01-01` ? totalsBetween(db, `${year}-01-01`, asOf) : new Map(),
          commitments: loadCommitments(db, ctx.today),
        },
        (from, to) => totalsBetween(db, from, to),
      );
      const withPipeline = {
        ...data,
        pipeline: hasOpportunities(db) ? loadPipeline(db, asOf, found) : null,
        forecast: asOf < dec31 ? loadForecast(db, found, asOf) : null,
      };
      const { renderReportHtml } = await import("../../render/report-html.js");
      const html = await renderReportHtml(withPipeline, ctx.render);
      writeOutputFile(out, html, REPORT_OUTPUT, flags.force === true, ctx.dbPath);
      const charts = (html.match(/data-chart="/g) ?? []).length;
      if (ctx.json) ctx.printJson({ year, asOf, path: out, charts, bytes: Buffer.byteLength(html) });
      else ctx.print(out);
    });
  return withExamples(report, [
    "acct report",
    "acct report --year 2025 --out ~/Desktop/sales-2025.html",
    "acct demo --db /tmp/demo.db && acct --db /tmp/demo.db report --out /tmp/demo.html",
  ]);
}

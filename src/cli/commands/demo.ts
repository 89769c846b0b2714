/** `acct demo`: a realistic sample year in a fresh (or given, empty) data file, then status and audit. */
import { wrapToWidth } from "../../render/text-width.js";
import { Command } from "commander";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { Context, type GlobalOptions } from "../context.js";
import { buildDemo, demoWeeks } from "../../domain/demo.js";
import { usageError } from "../../domain/errors.js";
import { resolveDbPath } from "../../store/connection.js";
import { holdsData, seedDemo } from "../../store/demo-seed.js";
import { loadAudit, resolveAuditedWeek } from "../../reports/audit.js";
import { loadStatus } from "../../reports/status.js";
import { auditToJson } from "../../render/audit-json.js";
import { renderAuditText } from "../../render/audit-text.js";
import { formatNumber } from "../../render/format.js";
import { FIRST_PLAN_COMMAND, renderStatusText, statusToJson } from "../../render/status.js";

/** Where the demo goes: `--db` or `$ACCT_DB` when given, else a new temporary folder (never the default data file). */
function demoTarget(options: GlobalOptions, env: NodeJS.ProcessEnv): { path: string; temporary: boolean } {
  if (options.db !== undefined) return { path: options.db, temporary: false };
  if (env.ACCT_DB) return { path: env.ACCT_DB, temporary: false };
  return { path: join(mkdtempSync(join(tmpdir(), "acct-demo-")), "acct.db"), temporary: true };
}

export function demoCommand(app: App): Command {
  const demo = new Command("demo")
    .description("fill a new data file with a realistic sample year and show status and audit (never touches your own data)")
    .action(async (_flags: object, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const target = demoTarget(options, app.deps.env);
      const ctx = new Context(app.deps, { ...options, db: target.path });
      try {
        await runDemo(app, ctx, target.temporary);
      } finally {
        ctx.close();
      }
    });
  return withExamples(demo, ["acct demo", "acct demo --db /tmp/sample.db && acct --db /tmp/sample.db report", "acct demo --json"]);
}

async function runDemo(app: App, ctx: Context, temporary: boolean): Promise<void> {
  const existing = ctx.read();
  if (existing && holdsData(existing)) {
    throw usageError(
      `${ctx.dbPath} already holds data; the demo only fills an empty file`,
      "run acct demo without --db for a temporary file, or give a new path",
    );
  }
  const data = buildDemo(ctx.today);
  const counts = ctx.transaction("demo data", (db, journal) => seedDemo(db, data, ctx.clock.stamp, journal));
  const db = ctx.read();
  if (!db) return;
  const audit = loadAudit(db, resolveAuditedWeek({}, ctx.today), ctx.today, ctx.clock.minutes);
  const status = loadStatus(db, ctx.today, ctx.clock.minutes);
  const own = ownDataFile(app, ctx.dbPath);

  if (ctx.json) {
    ctx.printJson({ db: ctx.dbPath, temporary, seeded: counts, status: status && statusToJson(status), audit: auditToJson(audit), ownDataFile: own });
    return;
  }
  const s = ctx.style;
  const sample = `(${formatNumber(counts.entries)} entries over ${demoWeeks(ctx.today)} weeks, ${counts.blocks} time blocks, ${counts.commitments} commitments, six deals, a review)`;
  ctx.print(wrapToWidth(`${s.bold(`Sample year in ${ctx.dbPath}`)} ${s.dim(sample)}`, ctx.width, "", "  ").join("\n"));
  ctx.print("");
  if (status) ctx.print(renderStatusText(status, ctx.render));
  ctx.print("");
  ctx.print(s.dim("─".repeat(78)));
  ctx.print(await renderAuditText(audit, ctx.render));
  ctx.print("");
  ctx.print(s.dim("─".repeat(78)));
  ctx.print(
    wrapToWidth(`Explore the sample:  acct --db ${ctx.dbPath} report   (or log, audit, pipeline, coach, opp show 2 …)`, ctx.width, "", "  ").join("\n"),
  );
  ctx.print(wrapToWidth(`Start with your own data (kept in ${own}):`, ctx.width, "", "  ").join("\n"));
  // A command too wide for the terminal goes on with a shell continuation, so it still pastes whole.
  const command =
    FIRST_PLAN_COMMAND.length + 2 <= ctx.width ? [FIRST_PLAN_COMMAND] : FIRST_PLAN_COMMAND.replace(" --win-rate", " \\\n    --win-rate").split("\n");
  ctx.print(command.map((line) => `  ${s.bold(line)}`).join("\n"));
}

/** The user's own data file, as plain `acct` would use it; the XDG default when the demo went to $ACCT_DB. */
function ownDataFile(app: App, demoPath: string): string {
  const own = resolveDbPath(undefined, app.deps.env, app.deps.home);
  return own === demoPath ? resolveDbPath(undefined, { ...app.deps.env, ACCT_DB: undefined }, app.deps.home) : own;
}

/** `acct check`: SQLite's integrity and foreign-key checks plus what the file holds. Never writes. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { failure } from "../../domain/errors.js";
import { openAsIs } from "../../store/connection.js";
import { checkFile } from "../../store/check.js";
import { renderCheckText } from "../../render/check.js";
import type { CheckReport } from "../../domain/check.js";

export function checkCommand(app: App): Command {
  const check = new Command("check")
    .description("check the data file's integrity and summarise what it holds (read-only)")
    .action((_flags: object, command: Command) => {
      const ctx = app.context(command);
      const db = openAsIs(ctx.dbPath);
      let report: CheckReport;
      try {
        report = checkFile(db, ctx.dbPath);
      } finally {
        db.close();
      }
      if (ctx.json) ctx.printJson(report);
      else ctx.print(renderCheckText(report, ctx.style));
      if (!report.ok) throw failure(`${ctx.dbPath} failed the integrity check`, "restore it from a backup (acct backup makes one)");
    });
  return withExamples(check, ["acct check", "acct check --json", "acct backup --out copy.db && acct --db copy.db check"]);
}

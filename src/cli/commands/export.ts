/** `acct export`: the whole database as JSON, or the entries as CSV. */
import { Command, Option } from "commander";
import { completes } from "../completes.js";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { usageError } from "../../domain/errors.js";
import { checkOutputTarget, EXPORT_OUTPUT, writeOutputFile } from "../output-file.js";
import { listEntries } from "../../store/entries.js";
import { SCHEMA_VERSION } from "../../store/migrations.js";

export function exportCommand(app: App): Command {
  const exp = new Command("export")
    .description("export everything as JSON (enough to restore a database) or the entries as CSV")
    .addOption(new Option("--format <format>", "json: every table; csv: entries only").choices(["json", "csv"]).default("json"))
    .addOption(completes(new Option("--out <file>", "write to FILE instead of stdout (replaces an earlier export)"), "file"))
    .option("--force", "with --out: replace FILE even if it is not an earlier export")
    .action(async (flags: { format: "json" | "csv"; out?: string; force?: boolean }, command: Command) => {
      const ctx = app.context(command);
      if (flags.out !== undefined) checkOutputTarget(flags.out, EXPORT_OUTPUT, flags.force === true, ctx.dbPath);
      if (ctx.json && flags.format === "csv" && flags.out === undefined) {
        throw usageError("--json prints JSON; CSV on stdout is not JSON", "write the CSV to a file with --out FILE, or drop --json");
      }
      const db = ctx.read();
      let text: string;
      let entries: number;
      if (flags.format === "csv") {
        const { csvLine } = await import("../../domain/csv.js");
        const { CSV_COLUMNS, entryToCsvFields } = await import("../../domain/entry-import.js");
        const rows = db ? listEntries(db) : [];
        text = csvLine(CSV_COLUMNS) + rows.map((e) => csvLine(entryToCsvFields(e))).join("");
        entries = rows.length;
      } else {
        const { exportDatabase } = await import("../../store/transfer.js");
        const doc = exportDatabase(db, SCHEMA_VERSION, ctx.clock.stamp);
        // One row per line: readable, and diffs of two exports stay small.
        const tables = Object.entries(doc.tables).map(
          ([name, rows]) => `    ${JSON.stringify(name)}: [${rows.length ? `\n${rows.map((r) => `      ${JSON.stringify(r)}`).join(",\n")}\n    ` : ""}]`,
        );
        const head = JSON.stringify({ format: doc.format, version: doc.version, schema: doc.schema, exportedAt: doc.exportedAt }, null, 2).slice(0, -2);
        text = `${head},\n  "tables": {\n${tables.join(",\n")}\n  }\n}\n`;
        entries = (doc.tables.entries ?? []).filter((r) => r.deleted_at === null).length;
      }
      if (flags.out === undefined) {
        ctx.deps.stdout.write(text);
        return;
      }
      writeOutputFile(flags.out, text, EXPORT_OUTPUT, flags.force === true, ctx.dbPath);
      if (ctx.json) ctx.printJson({ format: flags.format, out: flags.out, entries });
      else ctx.print(`exported ${entries} ${entries === 1 ? "entry" : "entries"}${flags.format === "json" ? " and everything else" : ""} to ${flags.out}`);
    });
  return withExamples(exp, ["acct export --out acct-backup.json", "acct export --format csv --out entries.csv", "acct export --format csv | less"]);
}

/** `acct export`: the whole database as JSON, or the entries as CSV. */
import { Command, Option } from "commander";
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { failure, usageError } from "../../domain/errors.js";
import { listEntries } from "../../store/entries.js";
import { SCHEMA_VERSION } from "../../store/migrations.js";

/** Whether `path` holds an earlier export (which a new export may replace). */
function isEarlierExport(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const head = Buffer.alloc(64);
    const text = head.subarray(0, readSync(fd, head, 0, 64, 0)).toString("utf8");
    return text.startsWith("date,type,count,amount,minutes,contact,note") || /^\{\s*"format": "acct-export"/.test(text);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Refuses to replace a file that is not an earlier export, unless forced: --out must not clobber by typo. */
function checkTarget(path: string, force: boolean): void {
  if (force || !existsSync(path)) return;
  if (statSync(path).isDirectory()) throw usageError(`${path} is a folder`, "give a file name with --out");
  if (!isEarlierExport(path)) throw usageError(`${path} exists and is not an acct export; not replacing it`, "choose another name, or add --force to replace it");
}

/** Writes via a temporary file and a rename, so a failed export never leaves half a file. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw failure(`cannot write ${path}: ${(error as Error).message}`);
  }
}

export function exportCommand(app: App): Command {
  const exp = new Command("export")
    .description("export everything as JSON (enough to restore a database) or the entries as CSV")
    .addOption(new Option("--format <format>", "json: every table; csv: entries only").choices(["json", "csv"]).default("json"))
    .option("--out <file>", "write to FILE instead of stdout (replaces an earlier export)")
    .option("--force", "with --out: replace FILE even if it is not an earlier export")
    .action(async (flags: { format: "json" | "csv"; out?: string; force?: boolean }, command: Command) => {
      const ctx = app.context(command);
      if (flags.out !== undefined) checkTarget(flags.out, flags.force === true);
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
      writeAtomically(flags.out, text);
      if (ctx.json) ctx.printJson({ format: flags.format, out: flags.out, entries });
      else ctx.print(`exported ${entries} ${entries === 1 ? "entry" : "entries"}${flags.format === "json" ? " and everything else" : ""} to ${flags.out}`);
    });
  return withExamples(exp, ["acct export --out acct-backup.json", "acct export --format csv --out entries.csv", "acct export --format csv | less"]);
}

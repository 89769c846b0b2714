/** `acct backup`: a consistent copy of the data file, taken with SQLite's online backup while it may be in use. */
import { Command, Option } from "commander";
import { completes } from "../completes.js";
import { existsSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { usageError } from "../../domain/errors.js";
import { parseText } from "../../domain/parse.js";
import { openAsIs } from "../../store/connection.js";
import { isDataFile } from "../output-file.js";
import { describeSqliteError } from "../../store/sqlite-errors.js";

export function backupCommand(app: App): Command {
  const backup = new Command("backup")
    .description("copy the data file safely, even while it is in use (default: ./acct-YYYY-MM-DD.db)")
    .addOption(completes(new Option("--out <file>", "where to write the copy (never overwritten)"), "file"))
    .action(async (flags: { out?: string }, command: Command) => {
      const ctx = app.context(command);
      const out = resolve(flags.out === undefined ? `acct-${ctx.today}.db` : parseText(flags.out, "--out"));
      if (existsSync(out)) throw usageError(`${out} already exists; a backup never overwrites a file`, "choose another name with --out FILE");
      if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw usageError(`folder ${dirname(out)} does not exist`);
      if (isDataFile(out, ctx.dbPath)) throw usageError("the backup cannot be the data file itself");
      const db = openAsIs(ctx.dbPath);
      // A backup holds the same private data as the file: owner-only, like it.
      const mask = process.umask(0o077);
      try {
        await db.backup(out);
      } catch (error) {
        // The file did not exist before: a half-written copy is ours to remove.
        rmSync(out, { force: true });
        throw describeSqliteError(error, out);
      } finally {
        process.umask(mask);
        db.close();
      }
      const bytes = statSync(out).size;
      if (ctx.json) ctx.printJson({ path: out, bytes });
      else ctx.print(`backup written: ${out} (${bytes} bytes)`);
    });
  return withExamples(backup, ["acct backup", "acct backup --out ~/Desktop/acct-before-import.db", "acct backup --json"]);
}

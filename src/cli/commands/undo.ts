/** `acct undo`: reverses the most recent change; repeat it to go further back. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { failure } from "../../domain/errors.js";
import { undoLast } from "../../store/journal.js";
import { visibleControls } from "../../render/escape.js";

export function undoCommand(app: App): Command {
  const undo = new Command("undo")
    .description("reverse the most recent change (log, edit, rm, import, plan, days off, …); repeat to go further back")
    .action((_flags: object, command: Command) => {
      const ctx = app.context(command);
      const nothing = () => failure("nothing to undo", "every change made since the last purge has been undone");
      const db = ctx.read();
      if (!db || db.prepare("SELECT 1 FROM journal WHERE undone = 0 LIMIT 1").get() === undefined) throw nothing();
      const undone = ctx.transaction("undo", (wdb) => undoLast(wdb));
      if (undone === null) throw nothing();
      if (ctx.json) ctx.printJson({ undone });
      else ctx.print(`undid: ${visibleControls(undone)}`);
    });
  return withExamples(undo, ["acct log call 3 && acct undo", "acct undo && acct undo   # the last two changes"]);
}

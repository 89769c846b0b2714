/** `acct off add|list|rm`: days off, which the plan's spread skips. */
import { Argument, Command } from "commander";
import { completes } from "../completes.js";
import { dateWordOptions } from "../date-input.js";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { usageError } from "../../domain/errors.js";
import { checkDayOffRange } from "../../domain/calendar.js";
import { parseDateRange, parseText, parseWholeNumber } from "../../domain/parse.js";
import { addDayOff, listDaysOff, removeDayOff, type DayOff } from "../../store/plans.js";
import { renderTable } from "../../render/table.js";
import { visibleControls } from "../../render/escape.js";

const describe = (d: DayOff) => `${d.from === d.to ? d.from : `${d.from}..${d.to}`}${d.reason ? ` (${visibleControls(d.reason)})` : ""}`;

export function offCommand(app: App): Command {
  const off = new Command("off").description("days off (vacation, holidays): no targets on them");

  const add = off
    .command("add")
    .addArgument(completes(new Argument("<dates>"), "date"))
    .description("add a day off or an inclusive range A..B")
    .option("--reason <text>", "why (vacation, public holiday, …)")
    .action((dates: string, flags: { reason?: string }, command: Command) => {
      const ctx = app.context(command);
      const range = parseDateRange(dates, ctx.today, dateWordOptions(ctx));
      checkDayOffRange(range, `range '${dates}'`);
      const reason = flags.reason === undefined ? null : parseText(flags.reason, "reason");
      const added = ctx.transaction(
        (d: DayOff) => `off add ${describe(d)}`,
        (db, journal) => addDayOff(db, range, reason, journal),
      );
      if (ctx.json) ctx.printJson(added);
      else ctx.print(`day off #${added.id}: ${describe(added)}`);
    });
  withExamples(add, ["acct off add 2026-08-03..2026-08-14 --reason vacation", "acct off add 2026-12-24 --reason 'Christmas Eve'"]);

  const list = off
    .command("list")
    .description("list days off")
    .action(async (_flags: object, command: Command) => {
      const ctx = app.context(command);
      const db = ctx.read();
      const rows = db ? listDaysOff(db) : [];
      if (ctx.json) return ctx.printJson(rows);
      if (rows.length === 0) return ctx.print("no days off");
      ctx.print(
        await renderTable(
          ["ID", "From", "To", "Reason"],
          rows.map((d) => [d.id, d.from, d.to, visibleControls(d.reason ?? "")]),
          ctx.style,
          ["right", "left", "left", "left"],
          { width: ctx.width, shrink: [3] },
        ),
      );
    });
  withExamples(list, ["acct off list", "acct off list --json"]);

  const rm = off
    .command("rm")
    .addArgument(completes(new Argument("<id>"), "day-off-id"))
    .description("remove a day off (undo with acct undo)")
    .action((id: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const n = parseWholeNumber(id, "id", 1, Number.MAX_SAFE_INTEGER);
      const db = ctx.read();
      if (!db || !listDaysOff(db).some((d) => d.id === n)) throw usageError(`no day off with id ${n}`, "see acct off list");
      const removed = ctx.transaction(`off rm #${n}`, (wdb, journal) => removeDayOff(wdb, n, journal)) as DayOff;
      if (ctx.json) ctx.printJson(removed);
      else ctx.print(`removed day off #${removed.id}: ${describe(removed)}`);
    });
  withExamples(rm, ["acct off rm 3"]);

  return off;
}

/** `acct type add|list`: user-defined activity types. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import { BUILTIN_TYPES, validateNewTypeName } from "../../domain/activity-types.js";
import { addCustomType, listCustomTypes, weeklyTargetsOn } from "../../store/plans.js";
import { visibleControls } from "../../render/escape.js";
import { formatCount } from "../../render/format.js";
import { displayWidth, truncateToWidth } from "../../render/text-width.js";

export function typeCommand(app: App): Command {
  const type = new Command("type").description("activity types: the built-in ones and your own");

  const add = type
    .command("add <name>")
    .description("add your own activity type (give it a weekly target with acct plan target)")
    .action((name: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const known = ctx.read();
      const valid = validateNewTypeName(name, known ? listCustomTypes(known) : []);
      ctx.transaction(`type add ${valid}`, (db, journal) => addCustomType(db, valid, ctx.clock.stamp, journal));
      if (ctx.json) ctx.printJson({ name: valid, builtin: false, weeklyTarget: null });
      else ctx.print(`added type '${valid}'; set a weekly target with: acct plan target ${valid} 25`);
    });
  withExamples(add, ["acct type add linkedin", "acct log linkedin 5"]);

  const listAction = (command: Command) => {
    const ctx = app.context(command);
    const db = ctx.read();
    const custom = db ? listCustomTypes(db) : [];
    const targets = db ? weeklyTargetsOn(db, ctx.today) : new Map<string, number>();
    const rows = [
      ...BUILTIN_TYPES.map((name) => ({ name, builtin: true, weeklyTarget: targets.get(name) ?? null })),
      ...custom.map((name) => ({ name, builtin: false, weeklyTarget: targets.get(name) ?? null })),
    ];
    if (ctx.json) return ctx.printJson(rows);
    // Names in a column as wide as the longest (at least 14), each line cut to the terminal's width.
    const names = rows.map((row) => visibleControls(row.name));
    const column = Math.max(14, ...names.map((name) => displayWidth(name) + 2));
    for (const [i, row] of rows.entries()) {
      const name = names[i] as string;
      const target = row.weeklyTarget !== null ? `  ${formatCount(row.weeklyTarget)} a week` : "";
      ctx.print(truncateToWidth(`${name}${" ".repeat(column - displayWidth(name))}${row.builtin ? "built-in" : "custom  "}${target}`.trimEnd(), ctx.width));
    }
  };
  const list = type
    .command("list")
    .description("list activity types and their weekly targets (the default)")
    .action((_flags: object, command: Command) => listAction(command));
  withDefaultAction(type, listAction);
  withExamples(list, ["acct type list"]);
  return type;
}

/** `acct buddy [set NAME --email E]`: the accountability buddy who sees the weekly summary. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import { parseEmail, parseName } from "../../domain/parse.js";
import { BUDDY_EMAIL, BUDDY_NAME } from "../../domain/settings.js";
import { getBuddy, setSetting, type Buddy } from "../../store/settings.js";
import { visibleControls } from "../../render/escape.js";

const describe = (b: Buddy) => visibleControls(`${b.name}${b.email ? ` <${b.email}>` : ""}`);

export function buddyCommand(app: App): Command {
  const buddy = new Command("buddy").description("the accountability buddy who sees your weekly summary (acct share)");

  const set = buddy
    .command("set <name>")
    .description("set your buddy (replaces the previous one)")
    .option("--email <address>", "their email, for a mailto: link in acct share")
    .action((name: string, flags: { email?: string }, command: Command) => {
      const ctx = app.context(command);
      const value: Buddy = { name: parseName(name, "buddy name"), email: flags.email === undefined ? null : parseEmail(flags.email) };
      ctx.transaction(`buddy set ${value.name}`, (db, journal) => {
        setSetting(db, BUDDY_NAME, value.name, journal);
        setSetting(db, BUDDY_EMAIL, value.email, journal);
      });
      if (ctx.json) ctx.printJson(value);
      else ctx.print(`buddy: ${describe(value)}; send your week with acct share`);
    });
  withExamples(set, ["acct buddy set 'Sam Lee' --email sam@example.com", "acct buddy set Alex"]);

  const showBuddy = (command: Command) => {
    const ctx = app.context(command);
    const value = getBuddy(ctx.read());
    if (ctx.json) return ctx.printJson(value);
    ctx.print(value ? `buddy: ${describe(value)}` : "no buddy yet (set one: acct buddy set NAME --email E)");
  };
  const show = buddy
    .command("show")
    .description("show your buddy (the default)")
    .action((_flags: object, command: Command) => showBuddy(command));
  withExamples(show, ["acct buddy show", "acct buddy show --json"]);
  withDefaultAction(buddy, showBuddy);
  return withExamples(buddy, ["acct buddy", "acct buddy set 'Sam Lee' --email sam@example.com"]);
}

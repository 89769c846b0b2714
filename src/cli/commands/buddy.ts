/** `acct buddy [set NAME --email E | note TEXT [--week W]]`: the accountability buddy who sees the weekly summary, and what they said back. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import { nextIsoWeek } from "../../domain/audit.js";
import { isoWeekOf } from "../../domain/dates.js";
import { usageError } from "../../domain/errors.js";
import { parseEmail, parseName, parseText, parseWeek } from "../../domain/parse.js";
import { BUDDY_EMAIL, BUDDY_NAME } from "../../domain/settings.js";
import { addBuddyNote } from "../../store/buddy-notes.js";
import { latestReviews } from "../../store/reviews.js";
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

  const note = buddy
    .command("note <text>")
    .description("record what your buddy said back about a week; audits of later weeks show it until the next note")
    .option("--week <YYYY-Www>", "the week it is about (default: the latest reviewed week)")
    .action((given: string, flags: { week?: string }, command: Command) => {
      const ctx = app.context(command);
      const text = parseText(given, "note");
      let week: string;
      if (flags.week !== undefined) {
        const parsed = parseWeek(flags.week);
        if (parsed.from > ctx.today)
          throw usageError(`week ${parsed.week} has not started yet (today is ${ctx.today})`, "a note is about this week or an earlier one");
        week = parsed.week;
      } else {
        const db = ctx.read();
        const latest = db ? latestReviews(db, isoWeekOf(ctx.today), 1)[0] : undefined;
        if (!latest) throw usageError("no reviewed week yet", "review a week first (acct audit --reflect), or name one with --week YYYY-Www");
        week = latest.week;
      }
      const id = ctx.transaction(`buddy note ${week}`, (db, journal) => addBuddyNote(db, { week, text }, ctx.clock.stamp, journal));
      if (ctx.json) return ctx.printJson({ id, week, text });
      ctx.print(`noted what your buddy said about ${week}; audits from ${nextIsoWeek(week)} show it`);
    });
  withExamples(note, ["acct buddy note 'Book the Friday call block before Monday' --week 2026-W10", "acct buddy note 'Two demos: well done' --week 2026-W11"]);
  return withExamples(buddy, ["acct buddy", "acct buddy set 'Sam Lee' --email sam@example.com", "acct buddy note 'Nice work on the demos' --week 2026-W10"]);
}

/** `acct share`: the week's Markdown summary, addressed to the buddy. */
import { Command, Option } from "commander";
import { completes } from "../completes.js";
import type { App } from "../app.js";
import { checkOutputTarget, SHARE_OUTPUT, writeOutputFile } from "../output-file.js";
import { withExamples } from "../app.js";
import { usageError } from "../../domain/errors.js";
import { loadAudit, resolveAuditedWeek, type WeekChoice } from "../../reports/audit.js";
import { getBuddy } from "../../store/settings.js";
import { renderAuditMarkdown } from "../../render/audit-markdown.js";
import { escapeMarkdown, mailtoLink, visibleControls } from "../../render/escape.js";

export function shareCommand(app: App): Command {
  const share = new Command("share")
    .description("write this week's Markdown summary for your buddy (a mailto: link when they have an email)")
    .addOption(completes(new Option("--out <file>", "write it to a file instead of stdout (replaces an earlier summary)"), "file"))
    .option("--force", "with --out: replace FILE even if acct did not write it")
    .option("--week <YYYY-Www>", "the ISO week (default: this week)")
    .addOption(completes(new Option("--date <date>", "the week containing this date"), "date"))
    .action((flags: WeekChoice & { out?: string; force?: boolean }, command: Command) => {
      const ctx = app.context(command);
      const target = resolveAuditedWeek(flags, ctx.today);
      if (flags.out !== undefined) checkOutputTarget(flags.out, SHARE_OUTPUT, flags.force === true, ctx.dbPath);
      const db = ctx.read();
      const buddy = getBuddy(db);
      if (!buddy) throw usageError("no buddy to share with", "set one first: acct buddy set NAME --email E");
      const audit = loadAudit(db, target, ctx.today, ctx.clock.minutes);
      const subject = `Weekly audit ${audit.week}`;
      // Every part of the link percent-encoded; an address that is not a plain one (written into the file some other way) gets no link.
      const mailto = buddy.email ? mailtoLink(buddy.email, { subject }) : null;
      const header = mailto ? `To: ${escapeMarkdown(buddy.name)} <${buddy.email}> (send: <${mailto}>)\n\n` : `To: ${escapeMarkdown(buddy.name)}\n\n`;
      const text = header + renderAuditMarkdown(audit, ctx.render, { to: buddy.name });
      if (flags.out !== undefined) {
        writeOutputFile(flags.out, text, SHARE_OUTPUT, flags.force === true, ctx.dbPath);
      }
      if (ctx.json) return ctx.printJson({ to: buddy, subject, mailto, out: flags.out ?? null, markdown: text });
      if (flags.out === undefined) return ctx.print(text);
      ctx.note(`wrote ${flags.out} for ${visibleControls(buddy.name)}`);
    });
  return withExamples(share, ["acct share", "acct share --out week.md", "acct share --week 2026-W10"]);
}

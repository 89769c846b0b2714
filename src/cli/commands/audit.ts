/** `acct audit`: the weekly self-review, as a page, JSON or Markdown; `--reflect` records a review. */
import { Command, Option } from "commander";
import { completes } from "../completes.js";
import { dateWordOptions } from "../date-input.js";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import type { Context } from "../context.js";
import { resolveType } from "../../domain/activity-types.js";
import { usageError } from "../../domain/errors.js";
import { parseCount, parseDueDate, parseText, parseWholeNumber } from "../../domain/parse.js";
import { insertCommitment, type NewCommitment } from "../../store/commitments.js";
import { listCustomTypes } from "../../store/plans.js";
import { saveReview, type NewReview, type Review } from "../../store/reviews.js";
import { loadAudit, resolveAuditedPeriod, type PeriodChoice } from "../../reports/audit.js";
import { auditToJson } from "../../render/audit-json.js";
import { renderAuditMarkdown } from "../../render/audit-markdown.js";
import { renderAuditText } from "../../render/audit-text.js";
import type { RenderOptions } from "../../render/options.js";
import type { Audit } from "../../domain/audit.js";

/** The audit page in each format --format names. */
const RENDERERS: Record<AuditFlags["format"], (audit: Audit, options: RenderOptions) => string | Promise<string>> = {
  text: renderAuditText,
  md: (audit, options) => renderAuditMarkdown(audit, options),
};

interface AuditFlags extends PeriodChoice {
  format: "text" | "md";
  reflect?: boolean;
  rating?: string;
  wins?: string;
  misses?: string;
  change?: string;
}

const REVIEW_FLAGS = [
  ["rating", "--rating"],
  ["wins", "--wins"],
  ["misses", "--misses"],
  ["change", "--change"],
] as const;

/** The review fields given as flags, parsed; the prompts fill in the rest. */
function parseReviewFlags(flags: AuditFlags): Partial<Omit<NewReview, "week">> {
  const out: Partial<Omit<NewReview, "week">> = {};
  if (flags.rating !== undefined) out.rating = parseRating(flags.rating);
  if (flags.wins !== undefined) out.wins = parseText(flags.wins, "wins");
  if (flags.misses !== undefined) out.misses = parseText(flags.misses, "misses");
  if (flags.change !== undefined) out.change = parseText(flags.change, "change");
  return out;
}

function parseRating(value: string): number {
  return parseWholeNumber(value, "rating", 1, 5);
}

/** Asks for what the flags did not give, then for new commitments until the user stops. */
async function askReview(ctx: Context, given: Partial<Omit<NewReview, "week">>, customTypes: readonly string[]) {
  const { askConfirm, askText } = await import("../prompts.js");
  const rating = given.rating ?? parseRating(await askText("How was the week, 1 (poor) to 5 (great)?", { parse: parseRating }));
  const optional = async (message: string, what: string) => {
    const text = await askText(message, { optional: true, parse: (v) => parseText(v, what) });
    return text.trim() === "" ? null : text;
  };
  const wins = given.wins !== undefined ? given.wins : await optional("Wins:", "wins");
  const misses = given.misses !== undefined ? given.misses : await optional("Misses:", "misses");
  const change = given.change !== undefined ? given.change : await optional("What will you change next week?", "change");
  const commitments: Omit<NewCommitment, "createdOn" | "carriedFrom">[] = [];
  while (await askConfirm(commitments.length === 0 ? "Add a commitment?" : "Add another commitment?", commitments.length === 0)) {
    const text = parseText(await askText("Commitment (specific and measurable):", { parse: (v) => parseText(v, "commitment") }), "commitment");
    const due = parseDueDate(
      await askText("Due date:", { default: "sun", parse: (v) => parseDueDate(v, ctx.today, dateWordOptions(ctx)) }),
      ctx.today,
      dateWordOptions(ctx),
    );
    const metricText = await askText("Measured by an activity type (blank for none):", { optional: true, parse: (v) => resolveType(v, customTypes) });
    const metric = metricText.trim() === "" ? null : resolveType(metricText, customTypes);
    const target = metric === null ? null : parseCount(await askText(`How many ${metric} by ${due}?`, { parse: (v) => parseCount(v, "target") }), "target");
    commitments.push({ text, due, metric, target });
  }
  return { review: { rating, wins, misses, change }, commitments };
}

export function auditCommand(app: App): Command {
  const audit = new Command("audit")
    .description("the audit of a week (or a month, quarter, year): plan vs actual, effectiveness, customer time, blocks, commitments")
    .option("--week <YYYY-Www>", "the ISO week to audit (default: this week)")
    .addOption(completes(new Option("--date <date>", "audit the week containing this date"), "date"))
    .option("--month <YYYY-MM>", "audit a month, with its weeks' reviews")
    .option("--quarter <YYYY-Qn>", "audit a quarter, with its weeks' reviews")
    .option("--year <YYYY>", "audit a year, with its weeks' reviews")
    .addOption(new Option("--format <format>", "text or md (Markdown for your buddy)").choices(["text", "md"]).default("text"))
    .option("--reflect", "after the report, record a review: rating, wins, misses, what you will change, new commitments")
    .option("--rating <1-5>", "with --reflect: how the week went")
    .option("--wins <text>", "with --reflect: what went well")
    .option("--misses <text>", "with --reflect: what did not")
    .option("--change <text>", "with --reflect: what you will change")
    .action(async (flags: AuditFlags, command: Command) => {
      const ctx = app.context(command);
      const target = resolveAuditedPeriod(flags, ctx.today);
      if (flags.reflect && target.kind !== "week") throw usageError("--reflect reviews a week", "audit the week with --week or --date, then --reflect");
      const given = parseReviewFlags(flags);
      if (!flags.reflect && Object.keys(given).length > 0) throw usageError("--rating, --wins, --misses and --change go with --reflect");
      // With --json, stdout carries one JSON document, so no prompts either.
      const interactive = ctx.interactive && !ctx.json;
      if (flags.reflect && !interactive) {
        const missing = REVIEW_FLAGS.filter(([key]) => flags[key] === undefined).map(([, flag]) => flag);
        if (missing.length > 0) {
          const { missingFlags } = await import("../prompts.js");
          missingFlags("audit --reflect", missing);
        }
      }
      const db = ctx.read();
      const result = loadAudit(db, target, ctx.today, ctx.clock.minutes);
      if (ctx.json && !flags.reflect) return ctx.printJson(auditToJson(result));
      if (!ctx.json) ctx.print(await RENDERERS[flags.format](result, ctx.render));
      if (!flags.reflect) return;

      const answers = interactive ? await askReview(ctx, given, db ? listCustomTypes(db) : []) : { review: given as Omit<NewReview, "week">, commitments: [] };
      const saved = ctx.transaction(`review ${target.week}`, (wdb, journal) => {
        const review: Review = saveReview(wdb, { week: target.week, ...answers.review }, ctx.clock.stamp, journal);
        const ids = answers.commitments.map((c) => insertCommitment(wdb, { ...c, createdOn: ctx.today, carriedFrom: null }, journal));
        return { review, commitments: ids };
      });
      if (ctx.json) return ctx.printJson({ ...auditToJson(result), review: saved.review, newCommitments: saved.commitments });
      const added =
        saved.commitments.length > 0
          ? ` and ${saved.commitments.length} commitment${saved.commitments.length === 1 ? "" : "s"} (#${saved.commitments.join(", #")})`
          : "";
      ctx.print(`\nsaved review #${saved.review.id} of ${target.week}${added}`);
    });
  return withExamples(audit, [
    "acct audit",
    "acct audit --week 2026-W10 --format md",
    "acct audit --reflect --rating 4 --wins 'two demos' --misses 'no calls Friday' --change 'call block on Friday'",
  ]);
}

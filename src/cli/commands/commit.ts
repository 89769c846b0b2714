/** `acct commit add|list|done|drop`: SMART commitments the next audit checks. */
import { Argument, Command, Option } from "commander";
import { completes } from "../completes.js";
import { dateWordOptions } from "../date-input.js";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import type { Context } from "../context.js";
import { resolveType } from "../../domain/activity-types.js";
import { commitmentToJson, type CommitmentView } from "../../domain/commitments.js";
import { usageError } from "../../domain/errors.js";
import { parseCount, parseDueDate, parseText, parseWholeNumber } from "../../domain/parse.js";
import { closeCommitment, insertCommitment, loadCommitments } from "../../store/commitments.js";
import { listCustomTypes } from "../../store/plans.js";
import { commitmentLine } from "../../render/audit-text.js";
import { renderTable } from "../../render/table.js";
import { visibleControls } from "../../render/escape.js";
import { wrapToWidth } from "../../render/text-width.js";

interface AddFlags {
  due?: string;
  metric?: string;
  target?: string;
  carry?: string;
}

function parseId(value: string): number {
  return parseWholeNumber(value, "commitment id", 1, Number.MAX_SAFE_INTEGER);
}

/** The commitment with `id` as it stands today, or exit 2. */
function findCommitment(ctx: Context, id: number): CommitmentView {
  const db = ctx.read();
  const found = db ? loadCommitments(db, ctx.today).find((c) => c.id === id) : undefined;
  if (!found) throw usageError(`no commitment with id ${id}`, "see acct commit list");
  return found;
}

function show(ctx: Context, c: CommitmentView, verb: string): void {
  if (ctx.json) ctx.printJson(commitmentToJson(c));
  else ctx.print(wrapToWidth(commitmentLine(commitmentToJson(c)), ctx.width, `${verb} `, "  ").join("\n"));
}

export function commitCommand(app: App): Command {
  const commit = new Command("commit").description("SMART commitments: specific, measurable, with a due date; the audit checks them");

  const add = commit
    .command("add [text]")
    .description("commit to something by a due date; with --metric and --target it is kept automatically by logged entries")
    .addOption(completes(new Option("--due <date>", "due date: YYYY-MM-DD, today, fri (after today), next fri, +3d, eow, eom… (acct help dates)"), "date"))
    .addOption(completes(new Option("--metric <type>", "the activity type that measures it (call, meeting, …)"), "type"))
    .option("--target <n>", "how many entries of that type, from today to the due date")
    .addOption(completes(new Option("--carry <id>", "re-commit a missed commitment (text, metric and target default to its own)"), "commitment-id"))
    .action((text: string | undefined, flags: AddFlags, command: Command) => {
      const ctx = app.context(command);
      const carried = flags.carry !== undefined ? findCommitment(ctx, parseId(flags.carry)) : null;
      if (carried && carried.status !== "missed") throw usageError(`commitment #${carried.id} is ${carried.status}; only a missed one can be carried over`);
      if (carried && carried.carriedTo !== null)
        throw usageError(`commitment #${carried.id} was already carried over as #${carried.carriedTo}`, `carry #${carried.carriedTo} instead`);
      if (text === undefined && !carried)
        throw usageError("commit add needs the commitment's text", "e.g. acct commit add 'book 3 demos' --due fri --metric meeting --target 3");
      const body = text !== undefined ? parseText(text, "commitment") : (carried as CommitmentView).text;
      if (flags.due === undefined) throw usageError("commit add needs --due", "e.g. --due fri or --due 2026-03-20");
      const due = parseDueDate(flags.due, ctx.today, dateWordOptions(ctx));
      if ((flags.metric === undefined) !== (flags.target === undefined))
        throw usageError("--metric and --target go together", "e.g. --metric call --target 50");
      const db = ctx.read();
      const metric = flags.metric !== undefined ? resolveType(flags.metric, db ? listCustomTypes(db) : []) : (carried?.metric ?? null);
      const target = flags.target !== undefined ? parseCount(flags.target, "target") : (carried?.target ?? null);
      const id = ctx.transaction(
        (n: number) => `commit add #${n}`,
        (wdb, journal) => insertCommitment(wdb, { text: body, due, metric, target, createdOn: ctx.today, carriedFrom: carried?.id ?? null }, journal),
      );
      show(ctx, findCommitment(ctx, id), carried ? `carried #${carried.id} over as` : "committed:");
    });
  withExamples(add, [
    "acct commit add 'book 3 demos' --due fri --metric meeting --target 3",
    "acct commit add 'send the Acme proposal' --due 2026-03-20",
    "acct commit add --carry 4 --due fri",
    "acct commit add 'send the Acme proposal' --due eow",
  ]);

  const listAction = async (command: Command) => {
    const ctx = app.context(command);
    const db = ctx.read();
    const views = db ? loadCommitments(db, ctx.today) : [];
    if (ctx.json) return ctx.printJson(views.map(commitmentToJson));
    if (views.length === 0) return ctx.print("no commitments yet (add one: acct commit add TEXT --due D)");
    const paint = (s: string) => (s === "kept" ? ctx.style.green(s) : s === "missed" ? ctx.style.red(s) : s === "dropped" ? ctx.style.dim(s) : s);
    const rows = views.map((c) => [
      c.id,
      visibleControls(c.text),
      c.due,
      c.metric === null ? "" : `${c.progress ?? 0}/${c.target ?? 0} ${visibleControls(c.metric)}`,
      paint(c.status),
      c.carried > 0 ? `${c.carried}×` : "",
    ]);
    ctx.print(
      // On a narrow terminal the text gives up room first (cut with …; --json has it whole), then the progress.
      await renderTable(["ID", "Commitment", "Due", "Progress", "Status", "Carried"], rows, ctx.style, ["right", "left", "left", "right", "left", "right"], {
        width: ctx.width,
        shrink: [1, 3],
      }),
    );
  };
  const list = commit
    .command("list")
    .description("list commitments with their progress and status (the default)")
    .action((_flags: object, command: Command) => listAction(command));
  withDefaultAction(commit, listAction);
  withExamples(list, ["acct commit list", "acct commit list --json"]);

  const done = commit
    .command("done")
    .addArgument(completes(new Argument("<id>"), "commitment-id"))
    .description("mark a commitment done (kept when done by its due date)")
    .action((value: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const c = findCommitment(ctx, parseId(value));
      if (c.metric !== null)
        throw usageError(`commitment #${c.id} is measured by ${c.metric} entries`, `it is kept when you log ${c.target} by ${c.due}; acct log ${c.metric} …`);
      if (c.status !== "open" && c.status !== "missed") throw usageError(`commitment #${c.id} is already ${c.status}`);
      ctx.transaction(`commit done #${c.id}`, (db, journal) => closeCommitment(db, c.id, "done", ctx.today, journal));
      const after = findCommitment(ctx, c.id);
      // Done after its due date: recorded, but the commitment stays missed.
      show(ctx, after, after.status === "kept" ? "done:" : "done late, still missed:");
    });
  withExamples(done, ["acct commit done 3"]);

  const drop = commit
    .command("drop")
    .addArgument(completes(new Argument("<id>"), "commitment-id"))
    .description("drop a commitment you no longer pursue")
    .action((value: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const c = findCommitment(ctx, parseId(value));
      if (c.status === "dropped") throw usageError(`commitment #${c.id} is already dropped`);
      ctx.transaction(`commit drop #${c.id}`, (db, journal) => closeCommitment(db, c.id, "dropped", ctx.today, journal));
      show(ctx, findCommitment(ctx, c.id), "dropped:");
    });
  withExamples(drop, ["acct commit drop 3"]);
  return commit;
}

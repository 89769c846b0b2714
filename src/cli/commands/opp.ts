/**
 * `acct opp add|stage|edit|review|won|lost|list|show`: named deals, their
 * stages and big-deal reviews. A deal's opening logs its `opportunity` entry
 * and its win its `deal` entry, linked to it, so counts and deals agree.
 */
import { parseClear } from "../clear-flag.js";
import { Argument, Command, Option } from "commander";
import { completes } from "../completes.js";
import { dateWordOptions } from "../date-input.js";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import type { Context } from "../context.js";
import { resolveType } from "../../domain/activity-types.js";
import { commitmentToJson, type CommitmentJson } from "../../domain/commitments.js";
import { checkNotFuture } from "../../domain/entry-rules.js";
import { usageError } from "../../domain/errors.js";
import { OPP_STATUSES, type DealView, type Opportunity, type Stage } from "../../domain/pipeline.js";
import { parseCount, parseDate, parseDueDate, parseMoney, parseText, parseWholeNumber } from "../../domain/parse.js";
import { closest } from "../../domain/suggest.js";
import { closeCommitment, insertCommitment, loadCommitments } from "../../store/commitments.js";
import { insertEntry } from "../../store/entries.js";
import {
  actionIdsOf,
  firstHistoryDay,
  lastHistoryDay,
  getOpportunity,
  insertMove,
  insertOpportunity,
  insertReview,
  syncLinkedEntries,
  updateOpportunity,
} from "../../store/opportunities.js";
import { listCustomTypes } from "../../store/plans.js";
import { loadDeal, loadDeals, pipelineSettings } from "../../reports/pipeline.js";
import { dealToJson, oppToJson, renderDealText, renderOppList, reviewToJson } from "../../render/pipeline.js";
import { visibleControls } from "../../render/escape.js";
import { formatMoney } from "../../render/format.js";
import type { Db } from "../../store/connection.js";
import type { JournalEntry } from "../../store/journal.js";
import type { IsoDate } from "../../domain/dates.js";

interface AddFlags {
  value?: string;
  close?: string;
  stage?: string;
  contact?: string;
  note?: string;
  date?: string;
}

interface EditFlags extends AddFlags {
  name?: string;
  amount?: string;
  reason?: string;
  clear?: string;
}

const CLEARABLE = ["close", "contact", "note"] as const;

function parseId(value: string): number {
  return parseWholeNumber(value, "opportunity id", 1, Number.MAX_SAFE_INTEGER);
}

/** A stage the settings name (any case), or exit 2 with the closest. */
function parseStage(input: string, stages: readonly Stage[]): string {
  const name = input.trim().toLowerCase();
  if (stages.some((s) => s.name === name)) return name;
  const names = stages.map((s) => s.name);
  const near = closest(name, names);
  throw usageError(`unknown stage '${input}'`, `${near ? `did you mean '${near}'? ` : ""}stages: ${names.join(", ")} (acct config set stages …)`);
}

/** The deal with `id`, or exit 2. */
function findOpp(ctx: Context, id: number): Opportunity {
  const found = getOpportunity(ctx.read(), id);
  if (!found) throw usageError(`no opportunity with id ${id}`, "see acct opp list");
  return found;
}

function openOpp(ctx: Context, id: number, doing: string): Opportunity {
  const opp = findOpp(ctx, id);
  if (opp.status !== "open")
    throw usageError(
      `opportunity #${id} is already ${opp.status} (${opp.closedOn}): cannot ${doing}`,
      "acct undo reverses the close if it was the latest change",
    );
  return opp;
}

/** A day something happened on the deal: not in the future, not before it was opened. */
function dayOf(ctx: Context, input: string | undefined, opp: Opportunity | null): string {
  if (input === undefined) return ctx.today;
  const date = parseDate(input, ctx.today, "date", dateWordOptions(ctx));
  checkNotFuture(date, ctx.today);
  if (opp && date < opp.openedOn) throw usageError(`date ${date} is before opportunity #${opp.id} was opened (${opp.openedOn})`);
  return date;
}

/** The day a deal closes: a day on the deal, and not before its last review or stage move. */
function closeDayOf(ctx: Context, input: string | undefined, opp: Opportunity): string {
  const date = dayOf(ctx, input, opp);
  const last = lastHistoryDay(ctx.read() as Db, opp.id);
  if (last !== null && date < last)
    throw usageError(`date ${date} is before opportunity #${opp.id}'s last review or stage move (${last})`, "a deal closes after it is reviewed");
  return date;
}

/** Commitment objects by id, as they stand today. */
function commitmentsOf(ctx: Context): (id: number) => CommitmentJson | undefined {
  const db = ctx.read();
  const byId = new Map((db ? loadCommitments(db, ctx.today) : []).map((c) => [c.id, commitmentToJson(c)]));
  return (id) => byId.get(id);
}

async function show(ctx: Context, id: number, said?: string): Promise<void> {
  const deal = loadDeal(ctx.read(), id, ctx.today);
  if (ctx.json) return ctx.printJson(said === undefined ? dealToJson(deal, commitmentsOf(ctx)) : oppToJson(deal));
  if (said !== undefined) return ctx.print(`${said} ${describe(ctx, deal)}`);
  ctx.print(renderDealText(deal, commitmentsOf(ctx), ctx.render));
}

function describe(ctx: Context, d: DealView): string {
  const money = (cents: number) => formatMoney(cents / 100, ctx.render.currency);
  // A won deal says what it was won for, which may differ from its value.
  if (d.status === "won" && d.amountCents !== null) return `#${d.id} ${visibleControls(d.name)} (won for ${money(d.amountCents)})`;
  const where = d.status === "open" ? `in ${d.stage}${d.close ? `, to close ${d.close}` : ""}` : d.status;
  return `#${d.id} ${visibleControls(d.name)} (${money(d.valueCents)}, ${where})`;
}

/** A closed deal's actions still open (not kept, not yet missed) are dropped: nothing is left to do for it. */
function dropOpenActions(db: Db, opp: number, today: IsoDate, journal: JournalEntry): void {
  const actions = actionIdsOf(db, opp);
  for (const c of loadCommitments(db, today)) if (actions.has(c.id) && c.status === "open") closeCommitment(db, c.id, "dropped", today, journal);
}

/** One review action as typed: `--action` starts one, the `--due`, `--metric` and `--target` after it belong to it. */
interface ActionDraft {
  text: string;
  due?: string;
  metric?: string;
  target?: string;
}

export function oppCommand(app: App): Command {
  const opp = new Command("opp").description("named deals: their stage, big-deal reviews, won or lost (acct pipeline sums them up)");

  const add = opp
    .command("add <name>")
    .description("open a deal (logs its opportunity entry)")
    .option("--value <money>", "what it is worth: 42000, 42k, 1.5m")
    .addOption(completes(new Option("--close <date>", "when you expect to close it: YYYY-MM-DD, eom, eoq, +6w…"), "date"))
    .addOption(completes(new Option("--stage <stage>", "its stage (default: the first; acct config get stages)"), "stage"))
    .option("--contact <text>", "who you deal with")
    .option("--note <text>", "anything to remember")
    .addOption(completes(new Option("--date <date>", "when it was opened (default today)"), "date"))
    .action((nameInput: string, flags: AddFlags, command: Command) => {
      const ctx = app.context(command);
      const name = parseText(nameInput, "opportunity name");
      if (flags.value === undefined) throw usageError("opp add needs --value", "e.g. acct opp add 'Acme renewal' --value 120k --close eoq");
      const stages = pipelineSettings(ctx.read()).stages;
      const fields: Omit<Opportunity, "id"> = {
        name,
        valueCents: parseMoney(flags.value, "--value"),
        stage: flags.stage === undefined ? (stages[0] as Stage).name : parseStage(flags.stage, stages),
        close: flags.close === undefined ? null : parseDueDate(flags.close, ctx.today, dateWordOptions(ctx), "close date"),
        contact: flags.contact === undefined ? null : parseText(flags.contact, "contact"),
        note: flags.note === undefined ? null : parseText(flags.note, "note"),
        status: "open",
        openedOn: dayOf(ctx, flags.date, null),
        closedOn: null,
        amountCents: null,
        lostReason: null,
      };
      const id = ctx.transaction(
        (n: number) => `opp add #${n} ${name}`,
        (db, journal) => {
          const created = insertOpportunity(db, fields, ctx.clock.stamp, journal);
          const entry = {
            date: fields.openedOn,
            type: "opportunity",
            count: 1,
            amountCents: null,
            minutes: null,
            contact: fields.contact,
            note: name,
            opp: created,
          };
          insertEntry(db, entry, ctx.clock.stamp, journal);
          return created;
        },
      );
      return show(ctx, id, "opened");
    });
  withExamples(add, [
    "acct opp add 'Acme renewal' --value 120k --close eoq --contact 'Jane Roe'",
    "acct opp add 'Globex pilot' --value 40k --stage discovery --date 2026-03-02",
  ]);

  const stage = opp
    .command("stage")
    .addArgument(completes(new Argument("<id>"), "opp-id"))
    .addArgument(completes(new Argument("<stage>"), "stage"))
    .description("move a deal to another stage")
    .action((idInput: string, stageInput: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const found = openOpp(ctx, parseId(idInput), "move its stage");
      const to = parseStage(stageInput, pipelineSettings(ctx.read()).stages);
      if (to === found.stage) throw usageError(`opportunity #${found.id} is already in ${to}`);
      ctx.transaction(`opp stage #${found.id} ${found.stage} → ${to}`, (db, journal) => {
        insertMove(db, { opp: found.id, date: ctx.today, from: found.stage, to }, ctx.clock.stamp, journal);
        updateOpportunity(db, { ...found, stage: to }, journal);
      });
      return show(ctx, found.id, `moved ${found.stage} → ${to}:`);
    });
  withExamples(stage, ["acct opp stage 3 proposal"]);

  const edit = opp
    .command("edit")
    .addArgument(completes(new Argument("<id>"), "opp-id"))
    .description("change a deal's name, value, close date, stage, contact, note, opening date, or a closed deal's amount or reason")
    .option("--name <text>", "its name")
    .option("--value <money>", "what it is worth")
    .addOption(completes(new Option("--close <date>", "when you expect to close it"), "date"))
    .addOption(completes(new Option("--stage <stage>", "move it to this stage"), "stage"))
    .option("--contact <text>", "who you deal with")
    .option("--note <text>", "anything to remember")
    .addOption(completes(new Option("--date <date>", "when it was opened (moves its opportunity entry)"), "date"))
    .option("--amount <money>", "what a won deal closed for (its deal entry changes with it)")
    .option("--reason <text>", "why a lost deal was lost")
    .option("--clear <fields>", `empty some of ${CLEARABLE.join(",")}`)
    .action((idInput: string, flags: EditFlags, command: Command) => {
      const ctx = app.context(command);
      const old = findOpp(ctx, parseId(idInput));
      const clear = parseClear(flags.clear, CLEARABLE, (field) => flags[field] !== undefined);
      const pick = <T>(field: (typeof CLEARABLE)[number], value: string | undefined, parse: (v: string) => T, current: T | null): T | null =>
        clear.has(field) ? null : value === undefined ? current : parse(value);
      const stages = pipelineSettings(ctx.read()).stages;
      const next: Opportunity = {
        ...old,
        name: flags.name === undefined ? old.name : parseText(flags.name, "opportunity name"),
        valueCents: flags.value === undefined ? old.valueCents : parseMoney(flags.value, "--value"),
        stage: flags.stage === undefined ? old.stage : parseStage(flags.stage, stages),
        close: pick("close", flags.close, (v) => parseDueDate(v, ctx.today, dateWordOptions(ctx), "close date"), old.close),
        contact: pick("contact", flags.contact, (v) => parseText(v, "contact"), old.contact),
        note: pick("note", flags.note, (v) => parseText(v, "note"), old.note),
        openedOn: flags.date === undefined ? old.openedOn : dayOf(ctx, flags.date, null),
        amountCents: flags.amount === undefined ? old.amountCents : parseMoney(flags.amount, "--amount"),
        lostReason: flags.reason === undefined ? old.lostReason : parseText(flags.reason, "reason"),
      };
      if (flags.amount !== undefined && old.status !== "won") throw usageError(`opportunity #${old.id} is ${old.status}: only a won deal has an amount`);
      if (flags.reason !== undefined && old.status !== "lost") throw usageError(`opportunity #${old.id} is ${old.status}: only a lost deal has a reason`);
      const first = flags.date === undefined ? null : firstHistoryDay(ctx.read() as Db, old.id);
      if (first !== null && next.openedOn > first)
        throw usageError(
          `date ${next.openedOn} is after opportunity #${old.id}'s first review or stage move (${first})`,
          "a deal is opened before it is reviewed",
        );
      if (next.stage !== old.stage && old.status !== "open") throw usageError(`opportunity #${old.id} is ${old.status}: its stage no longer moves`);
      if (old.closedOn !== null && next.openedOn > old.closedOn)
        throw usageError(`date ${next.openedOn} is after opportunity #${old.id} was closed (${old.closedOn})`);
      if (JSON.stringify(next) === JSON.stringify(old))
        throw usageError(`nothing to change in opportunity #${old.id}`, "give a field to change, e.g. --value 90k or --close eom");
      ctx.transaction(`opp edit #${old.id}`, (db, journal) => {
        if (next.stage !== old.stage) insertMove(db, { opp: old.id, date: ctx.today, from: old.stage, to: next.stage }, ctx.clock.stamp, journal);
        updateOpportunity(db, next, journal);
        syncLinkedEntries(db, old, next, journal);
      });
      return show(ctx, old.id, "changed");
    });
  withExamples(edit, ["acct opp edit 3 --value 90k --close eom", "acct opp edit 3 --clear note"]);

  // `--action` starts an action; the `--due`, `--metric` and `--target` after it are its own.
  const drafts: ActionDraft[] = [];
  const forLast = (flag: "due" | "metric" | "target") => (value: string) => {
    const last = drafts.at(-1);
    if (!last) throw usageError(`--${flag} comes after the --action it is for`, "e.g. --action 'send the ROI case' --due fri");
    if (last[flag] !== undefined) throw usageError(`action '${last.text}' has two --${flag}`);
    last[flag] = value;
    return value;
  };
  const review = opp
    .command("review")
    .addArgument(completes(new Argument("<id>"), "opp-id"))
    .description("record a big-deal review: the gaps, and actions with due dates (each one a commitment)")
    .option("--gap <text>", "something missing to win it (repeat for more)", (value: string, previous: string[] = []) => [...previous, value])
    .option("--action <text>", "what you will do about it (repeat; each needs its --due)", (value: string) => {
      drafts.push({ text: value });
      return value;
    })
    .addOption(completes(new Option("--due <date>", "the due date of the --action before it").argParser(forLast("due")), "date"))
    .addOption(completes(new Option("--metric <type>", "an activity type that measures the action before it").argParser(forLast("metric")), "type"))
    .addOption(new Option("--target <n>", "how many of --metric keep it").argParser(forLast("target")))
    .action((idInput: string, flags: { gap?: string[] }, command: Command) => {
      const ctx = app.context(command);
      const found = openOpp(ctx, parseId(idInput), "review it");
      const gaps = (flags.gap ?? []).map((g) => parseText(g, "gap"));
      const db = ctx.read();
      const types = db ? listCustomTypes(db) : [];
      const actions = drafts.map((d) => {
        const text = parseText(d.text, "action");
        if (d.due === undefined)
          throw usageError(`action '${visibleControls(text)}' needs --due (a SMART action has a due date)`, "e.g. --action 'send the ROI case' --due fri");
        if ((d.metric === undefined) !== (d.target === undefined)) throw usageError("--metric and --target go together", "e.g. --metric meeting --target 2");
        return {
          text,
          due: parseDueDate(d.due, ctx.today, dateWordOptions(ctx)),
          metric: d.metric === undefined ? null : resolveType(d.metric, types),
          target: d.target === undefined ? null : parseCount(d.target, "target"),
        };
      });
      if (gaps.length === 0 && actions.length === 0)
        throw usageError(
          "a review names its gaps or its actions",
          `e.g. acct opp review ${found.id} --gap 'no budget owner' --action 'meet the CFO' --due fri`,
        );
      ctx.transaction(
        (reviewId: number) => `opp review #${reviewId} of #${found.id} ${found.name}`,
        (wdb, journal) => {
          const reviewId = insertReview(wdb, { opp: found.id, date: ctx.today, stage: found.stage, gaps }, ctx.clock.stamp, journal);
          for (const a of actions) {
            insertCommitment(wdb, { ...a, createdOn: ctx.today, carriedFrom: null, opp: found.id, review: reviewId }, journal);
          }
          return reviewId;
        },
      );
      const deal = loadDeal(ctx.read(), found.id, ctx.today);
      const latest = deal.reviews.at(-1);
      if (ctx.json && latest) return ctx.printJson(reviewToJson(latest, commitmentsOf(ctx)));
      ctx.print(renderDealText(deal, commitmentsOf(ctx), ctx.render));
    });
  withExamples(review, [
    "acct opp review 3 --gap 'no budget owner' --gap 'no champion' --action 'meet the CFO' --due fri",
    "acct opp review 3 --gap 'no champion' --action 'book 2 demos' --due eow --metric meeting --target 2",
  ]);

  const won = opp
    .command("won")
    .addArgument(completes(new Argument("<id>"), "opp-id"))
    .description("close a deal won (logs its deal entry with the amount)")
    .option("--amount <money>", "what it closed for (default: its value)")
    .addOption(completes(new Option("--date <date>", "when it closed (default today)"), "date"))
    .action((idInput: string, flags: { amount?: string; date?: string }, command: Command) => {
      const ctx = app.context(command);
      const found = openOpp(ctx, parseId(idInput), "win it");
      const amountCents = flags.amount === undefined ? found.valueCents : parseMoney(flags.amount, "--amount");
      const date = closeDayOf(ctx, flags.date, found);
      ctx.transaction(`opp won #${found.id} ${found.name}`, (db, journal) => {
        updateOpportunity(db, { ...found, status: "won", closedOn: date, amountCents }, journal);
        dropOpenActions(db, found.id, ctx.today, journal);
        insertEntry(
          db,
          { date, type: "deal", count: 1, amountCents, minutes: null, contact: found.contact, note: found.name, opp: found.id },
          ctx.clock.stamp,
          journal,
        );
      });
      return show(ctx, found.id, "won");
    });
  withExamples(won, ["acct opp won 3", "acct opp won 3 --amount 110k --date yesterday"]);

  const lost = opp
    .command("lost")
    .addArgument(completes(new Argument("<id>"), "opp-id"))
    .description("close a deal lost, with the reason")
    .option("--reason <text>", "why it was lost")
    .addOption(completes(new Option("--date <date>", "when it was lost (default today)"), "date"))
    .action((idInput: string, flags: { reason?: string; date?: string }, command: Command) => {
      const ctx = app.context(command);
      const found = openOpp(ctx, parseId(idInput), "lose it");
      if (flags.reason === undefined) throw usageError("opp lost needs --reason", `e.g. acct opp lost ${found.id} --reason 'went with a competitor'`);
      const reason = parseText(flags.reason, "reason");
      const date = closeDayOf(ctx, flags.date, found);
      ctx.transaction(`opp lost #${found.id} ${found.name}`, (db, journal) => {
        updateOpportunity(db, { ...found, status: "lost", closedOn: date, lostReason: reason }, journal);
        dropOpenActions(db, found.id, ctx.today, journal);
      });
      return show(ctx, found.id, "lost");
    });
  withExamples(lost, ["acct opp lost 3 --reason 'went with a competitor'"]);

  const listAction = async (command: Command, flags: { status?: string; stage?: string } = {}) => {
    const ctx = app.context(command);
    const db = ctx.read();
    const status = (flags.status ?? "open").trim().toLowerCase();
    if (status !== "all" && !(OPP_STATUSES as readonly string[]).includes(status))
      throw usageError(`unknown --status '${flags.status}'`, `one of ${[...OPP_STATUSES, "all"].join(", ")}`);
    const stageName = flags.stage === undefined ? undefined : parseStage(flags.stage, pipelineSettings(db).stages);
    const deals = (db ? loadDeals(db, ctx.today) : []).filter(
      (d) => (status === "all" || d.status === status) && (stageName === undefined || d.stage === stageName),
    );
    if (ctx.json) return ctx.printJson(deals.map(oppToJson));
    if (deals.length === 0)
      return ctx.print(
        status === "open" ? "no open opportunities (open one: acct opp add NAME --value X)" : `no ${status === "all" ? "" : `${status} `}opportunities`,
      );
    ctx.print(await renderOppList(deals, ctx.render));
  };
  const list = opp
    .command("list")
    .description("the deals (default: the open ones), with stalled, idle and overdue flagged")
    .option("--status <status>", "open, won, lost or all")
    .addOption(completes(new Option("--stage <stage>", "only deals in this stage"), "stage"))
    .action((flags: { status?: string; stage?: string }, command: Command) => listAction(command, flags));
  withDefaultAction(opp, (command) => listAction(command));
  withExamples(list, ["acct opp list", "acct opp list --status all --json", "acct opp list --stage proposal"]);

  const showCommand = opp
    .command("show")
    .addArgument(completes(new Argument("<id>"), "opp-id"))
    .description("one deal's history: each review beside the one before it, its stage moves and commitments")
    .action((idInput: string, _flags: object, command: Command) => show(app.context(command), parseId(idInput)));
  withExamples(showCommand, ["acct opp show 3", "acct opp show 3 --json"]);

  return opp;
}

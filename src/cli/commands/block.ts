/** `acct block add|list|rm|done|skip|today|suggest|export`: weekly time blocks. */
import { Argument, Command, Option } from "commander";
import { completes } from "../completes.js";
import { dateWordOptions } from "../date-input.js";
import type { App } from "../app.js";
import { checkOutputTarget, ICS_OUTPUT, writeOutputFile } from "../output-file.js";
import { withDefaultAction, withExamples } from "../app.js";
import type { Context } from "../context.js";
import { missingFlags } from "../prompts.js";
import { resolveType } from "../../domain/activity-types.js";
import {
  blockActivities,
  blocksOnDay,
  existedFor,
  findOverlap,
  proposeBlocks,
  sharedDays,
  weeklyPlanned,
  type Block,
  type BlockMark,
  type MarkStatus,
  type Slot,
} from "../../domain/blocks.js";
import { makeCalendar, type WorkCalendar } from "../../domain/calendar.js";
import { eachDay, inWeekOrder, WEEKDAYS, weekdayOf, type Weekday } from "../../domain/dates.js";
import { failure, usageError } from "../../domain/errors.js";
import { formatTime, parseDate, parseText, parseTime, parseWeekdays, parseWholeNumber } from "../../domain/parse.js";
import type { Db } from "../../store/connection.js";
import {
  ensureInstallId,
  getBlock,
  getInstallId,
  insertBlock,
  listBlockMarks,
  listBlocks,
  loggedTypesBetween,
  markBlock,
  removeBlock,
  type BlockInput,
} from "../../store/blocks.js";
import { listCustomTypes, listDaysOff, loadPlan } from "../../store/plans.js";
import { getSetting, getWeekStart } from "../../store/settings.js";
import { blockJson, dayJson, describeBlock, renderBlockList, renderDay, renderSuggestion, suggestionJson } from "../../render/blocks.js";
import type { RenderOptions } from "../../render/options.js";
import { visibleControls } from "../../render/escape.js";

const DEFAULT_CALLS_PER_HOUR = 15;
const HOURS_PER_MEETING = 1;

interface AddFlags {
  days?: string;
  start?: string;
  end?: string;
  activity?: string;
  allowOverlap?: boolean;
}

/** Checks every flag of `block add` (asking on a TTY for missing ones) and returns the block to insert. */
async function readBlockInput(ctx: Context, label: string, flags: AddFlags): Promise<BlockInput> {
  const missing = (["days", "start", "end"] as const).filter((k) => flags[k] === undefined);
  if (missing.length > 0 && !ctx.interactive)
    missingFlags(
      "block add",
      missing.map((m) => `--${m}`),
    );
  const parsedLabel = parseText(label, "label");
  const db = ctx.read();
  const activity = flags.activity === undefined ? null : resolveType(flags.activity, db ? listCustomTypes(db) : []);
  const ask = async (key: "days" | "start" | "end", message: string, parse: (v: string) => unknown, fallback: string) => {
    if (flags[key] !== undefined) return flags[key];
    const { askText } = await import("../prompts.js");
    return askText(message, { default: fallback, parse });
  };
  const days = parseWeekdays(await ask("days", "Which days?", (v) => parseWeekdays(v, "days"), "tue,thu"), "days");
  const startMin = parseTime(await ask("start", "Starts at (HH:MM)?", (v) => parseTime(v, "start"), "08:00"), "start");
  const endMin = parseTime(await ask("end", "Ends at (HH:MM)?", (v) => parseTime(v, "end"), "09:30"), "end");
  if (endMin <= startMin)
    throw usageError(
      `the block ends at ${formatTime(endMin)}, not after its start at ${formatTime(startMin)}`,
      "blocks end on the day they start, e.g. --start 08:00 --end 09:30",
    );
  return { label: parsedLabel, days, startMin, endMin, activity };
}

/** A live block by the id the user typed, or a usage error. */
function findBlock(db: Db | null, input: string): Block {
  const id = parseWholeNumber(input, "block id", 1, Number.MAX_SAFE_INTEGER);
  const block = db ? getBlock(db, id) : null;
  if (!block) throw usageError(`no block with id ${id}`, "see acct block list");
  return block;
}

/**
 * Refuses (exit 2) a new block that overlaps one of `existing` on a shared
 * weekday, naming that block; run inside the write, so it sees what is there.
 */
function refuseOverlap(added: Slot & { label: string }, existing: readonly Block[], render: Pick<RenderOptions, "weekStart">): void {
  const other = findOverlap(added, existing);
  if (!other) return;
  const days = (list: readonly Weekday[]) => inWeekOrder(list, render.weekStart).join(",");
  const when = `${days(sharedDays(added, other))} from ${formatTime(Math.max(added.startMin, other.startMin))} to ${formatTime(Math.min(added.endMin, other.endMin))}`;
  throw usageError(
    `${visibleControls(added.label)} ${days(added.days)} ${formatTime(added.startMin)}–${formatTime(added.endMin)} overlaps block ${describeBlock(other, render)} on ${when}`,
    "choose other days or times, or add it anyway with --allow-overlap",
  );
}

/** Days off from the data file (workdays do not matter to blocks). */
function daysOffCalendar(db: Db | null): WorkCalendar {
  return makeCalendar(WEEKDAYS, db ? listDaysOff(db) : []);
}

function markAction(app: App, status: MarkStatus) {
  return (id: string, flags: { date?: string; reason?: string }, command: Command) => {
    const ctx = app.context(command);
    const db = ctx.read();
    const block = findBlock(db, id);
    const date = parseDate(flags.date ?? "today", ctx.today, "date", dateWordOptions(ctx));
    if (!block.days.includes(weekdayOf(date))) {
      throw usageError(
        `block #${block.id} (${block.label}) is on ${inWeekOrder(block.days, getWeekStart(db)).join(", ")}, not on ${weekdayOf(date)} ${date}`,
        `name the day with --date, e.g. --date ${block.days[0]}`,
      );
    }
    if (!existedFor(block, date)) {
      const after = date === block.createdOn ? ` after that day's ${formatTime(block.startMin)}–${formatTime(block.endMin)}` : "";
      throw usageError(`block #${block.id} (${block.label}) was added on ${block.createdOn}${after}: it has no occurrence on ${date}`);
    }
    const offRange = db ? listDaysOff(db).find((d) => d.from <= date && date <= d.to) : undefined;
    if (offRange) throw usageError(`${date} is a day off${offRange.reason ? ` (${offRange.reason})` : ""}: block #${block.id} does not happen then`);
    if (status === "done" && date > ctx.today) throw usageError(`${date} has not come yet: a block can only be marked done on or after its day`);
    const reason = flags.reason === undefined ? null : parseText(flags.reason, "reason");
    const mark: BlockMark = { blockId: block.id, date, status, reason };
    ctx.transaction(`block ${status === "done" ? "done" : "skip"} #${block.id} ${date}`, (wdb, journal) => markBlock(wdb, mark, journal));
    if (ctx.json) return ctx.printJson({ blockId: block.id, label: block.label, date, status, reason });
    ctx.print(
      `${status === "done" ? "kept" : "skipped"} block #${block.id} ${visibleControls(block.label)} on ${weekdayOf(date)} ${date}${reason ? ` (${visibleControls(reason)})` : ""}`,
    );
  };
}

export function blockCommand(app: App): Command {
  const block = new Command("block").description("weekly time blocks: protected time for prospecting and meetings");

  const add = block
    .command("add <label>")
    .description("add a block that repeats every week on the given days")
    .option("--days <list>", "weekdays, e.g. tue,thu")
    .option("--start <HH:MM>", "start time, 24-hour")
    .option("--end <HH:MM>", "end time, 24-hour")
    .addOption(
      completes(
        new Option("--activity <type>", "the activity the block is for (call, meeting, a type of your own): logging it that day keeps the block"),
        "type",
      ),
    )
    .option("--allow-overlap", "add the block even if it overlaps another on a shared weekday")
    .action(async (label: string, flags: AddFlags, command: Command) => {
      const ctx = app.context(command);
      const input = await readBlockInput(ctx, label, flags);
      const added = ctx.transaction(
        (b: Block) => `block add #${b.id} ${input.label}`,
        (db, journal) => {
          if (!flags.allowOverlap) refuseOverlap(input, listBlocks(db), ctx.render);
          return insertBlock(db, input, ctx.clock.stamp, journal);
        },
      );
      if (ctx.json) return ctx.printJson(blockJson(added));
      ctx.print(`added block ${describeBlock(added, ctx.render)}`);
    });
  withExamples(add, [
    "acct block add Prospecting --days mon,wed --start 08:00 --end 09:30 --activity call",
    "acct block add 'Pipeline review' --days fri --start 14:00 --end 15:00",
    "acct block add 'Call-backs' --days tue --start 09:00 --end 10:00 --activity call --allow-overlap",
  ]);

  const listAction = async (command: Command) => {
    const ctx = app.context(command);
    const db = ctx.read();
    const blocks = db ? listBlocks(db) : [];
    if (ctx.json) return ctx.printJson(blocks.map(blockJson));
    if (blocks.length === 0) return ctx.print("no blocks yet; add one with: acct block add Prospecting --days tue,thu --start 08:00 --end 09:30");
    ctx.print(await renderBlockList(blocks, ctx.render));
  };
  const list = block
    .command("list")
    .description("list the blocks (the default)")
    .action((_flags: object, command: Command) => listAction(command));
  withDefaultAction(block, listAction);
  withExamples(list, ["acct block list", "acct block list --json"]);

  const rm = block
    .command("rm")
    .addArgument(completes(new Argument("<id>"), "block-id"))
    .description("remove a block (undo with acct undo)")
    .action((id: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const found = findBlock(ctx.read(), id);
      ctx.transaction(`block rm #${found.id} ${found.label}`, (db, journal) => removeBlock(db, found.id, ctx.clock.stamp, journal));
      if (ctx.json) return ctx.printJson(blockJson(found));
      ctx.print(`removed block ${describeBlock(found, ctx.render)}`);
    });
  withExamples(rm, ["acct block rm 2", "acct undo"]);

  const done = block
    .command("done")
    .addArgument(completes(new Argument("<id>"), "block-id"))
    .description("mark a block's occurrence as kept")
    .addOption(completes(new Option("--date <date>", "the occurrence's date (default today)"), "date"))
    .action(markAction(app, "done"));
  withExamples(done, ["acct block done 1", "acct block done 1 --date tue"]);

  const skip = block
    .command("skip")
    .addArgument(completes(new Argument("<id>"), "block-id"))
    .description("mark a block's occurrence as skipped")
    .addOption(completes(new Option("--date <date>", "the occurrence's date (default today)"), "date"))
    .option("--reason <text>", "why it was skipped")
    .action(markAction(app, "skipped"));
  withExamples(skip, ["acct block skip 1 --reason 'customer emergency'", "acct block skip 1 --date 2026-03-10"]);

  const today = block
    .command("today")
    .description("today's blocks in time order: kept, kept (logged), skipped, unmarked, or pending until they end")
    .action((_flags: object, command: Command) => {
      const ctx = app.context(command);
      const db = ctx.read();
      const calendar = daysOffCalendar(db);
      const blocks = db ? listBlocks(db) : [];
      const logged = db ? (loggedTypesBetween(db, ctx.today, ctx.today, blockActivities(blocks)).get(ctx.today) ?? new Set<string>()) : new Set<string>();
      const items = db ? blocksOnDay(blocks, ctx.today, calendar, listBlockMarks(db, ctx.today, ctx.today), logged, ctx.clock.minutes) : [];
      const day = dayJson(ctx.today, calendar.isDayOff(ctx.today), items);
      if (ctx.json) return ctx.printJson(day);
      ctx.print(renderDay(day, ctx.render));
    });
  withExamples(today, ["acct block today", "ACCT_NOW=2026-03-10 acct block today --json"]);

  const suggest = block
    .command("suggest")
    .description("propose blocks that give the plan's weekly calls and meetings enough time")
    .option("--calls-per-hour <n>", `calls you make in an hour (default: the calls-per-hour setting, else ${DEFAULT_CALLS_PER_HOUR})`)
    .option("--accept", "add the proposed blocks (one undo step)")
    .option("--allow-overlap", "with --accept: add them even if one overlaps another block")
    .action(async (flags: { callsPerHour?: string; accept?: boolean; allowOverlap?: boolean }, command: Command) => {
      const ctx = app.context(command);
      const db = ctx.read();
      const setting = getSetting(db, "calls-per-hour");
      const callsPerHour =
        flags.callsPerHour !== undefined
          ? parseWholeNumber(flags.callsPerHour, "calls per hour", 1, 1000)
          : setting !== null
            ? parseWholeNumber(setting, "the calls-per-hour setting", 1, 1000)
            : DEFAULT_CALLS_PER_HOUR;
      const year = Number(ctx.today.slice(0, 4));
      const loaded = db ? loadPlan(db, year) : null;
      if (!db || !loaded) throw failure(`no plan for ${year}: nothing to size blocks from`, "set one first with acct plan set");
      const facts = {
        month: ctx.today.slice(0, 7),
        weeklyCalls: weeklyPlanned(loaded.plan, "calls", ctx.today),
        weeklyMeetings: weeklyPlanned(loaded.plan, "meetings", ctx.today),
        callsPerHour,
        hoursPerMeeting: HOURS_PER_MEETING,
      };
      const proposal = proposeBlocks({
        ...facts,
        workdays: loaded.plan.workdays,
        existing: listBlocks(db),
      });
      const shown = suggestionJson(facts, proposal, null);
      if (!ctx.json) ctx.print(await renderSuggestion(shown, ctx.render));
      let accept = flags.accept === true;
      if (!accept && proposal.blocks.length > 0 && ctx.interactive && !ctx.json) {
        const { askConfirm } = await import("../prompts.js");
        accept = await askConfirm(`Add ${proposal.blocks.length === 1 ? "this block" : `these ${proposal.blocks.length} blocks`}?`, true);
      }
      if (!accept || proposal.blocks.length === 0) {
        if (ctx.json) return ctx.printJson(shown);
        if (proposal.blocks.length > 0 && !ctx.interactive) ctx.note("nothing added; run again with --accept to add these blocks");
        return;
      }
      const added = ctx.transaction(`block suggest: ${proposal.blocks.length} block(s)`, (wdb, journal) => {
        const there: Block[] = listBlocks(wdb);
        return proposal.blocks.map((b) => {
          // Each proposed block against what is there, the ones added just before it included.
          if (!flags.allowOverlap) refuseOverlap(b, there, ctx.render);
          const inserted = insertBlock(wdb, b, ctx.clock.stamp, journal);
          there.push(inserted);
          return inserted;
        });
      });
      if (ctx.json)
        return ctx.printJson(
          suggestionJson(
            facts,
            proposal,
            added.map((b) => b.id),
          ),
        );
      for (const b of added) ctx.print(`added block ${describeBlock(b, ctx.render)}`);
    });
  withExamples(suggest, ["acct block suggest", "acct block suggest --calls-per-hour 12 --accept"]);

  const exportCmd = block
    .command("export")
    .description("write the blocks as an iCalendar (.ics) file that calendar programs import")
    .option("--ics", "iCalendar format (the only format, and the default)")
    .addOption(completes(new Option("--out <file>", "write to a file instead of stdout (replaces an earlier calendar export)"), "file"))
    .option("--force", "with --out: replace FILE even if acct did not write it")
    .action(async (flags: { ics?: boolean; out?: string; force?: boolean }, command: Command) => {
      const ctx = app.context(command);
      const out = flags.out === undefined ? undefined : parseText(flags.out, "--out file");
      if (out !== undefined) checkOutputTarget(out, ICS_OUTPUT, flags.force === true, ctx.dbPath);
      const db = ctx.read();
      const blocks = db ? listBlocks(db) : [];
      let installId = db ? getInstallId(db) : null;
      // Blocks added by this program already have one; this covers any others.
      if (blocks.length > 0 && installId === null) installId = ctx.transaction("block export", (wdb) => ensureInstallId(wdb));
      const current = ctx.read(); // the write above, if any, closed the reading connection
      const daysOff = current ? listDaysOff(current).flatMap((d) => eachDay(d.from, d.to)) : [];
      const { renderBlocksIcs } = await import("../../render/ics.js");
      const text = await renderBlocksIcs(blocks, {
        installId: installId ?? "none",
        stamp: new Date(ctx.clock.stamp),
        daysOff,
        weekStart: getWeekStart(current),
      });
      if (out === undefined) {
        ctx.deps.stdout.write(text);
        return;
      }
      writeOutputFile(out, text, ICS_OUTPUT, flags.force === true, ctx.dbPath);
      if (ctx.json) return ctx.printJson({ file: out, blocks: blocks.length });
      ctx.note(`wrote ${blocks.length} block${blocks.length === 1 ? "" : "s"} to ${out}`);
    });
  withExamples(exportCmd, ["acct block export --ics --out blocks.ics", "acct block export > blocks.ics"]);

  return block;
}

/** `acct log TYPE [COUNT]`, `acct log list|edit|rm|purge`: recording activity and correcting it. */
import { parseClear } from "../clear-flag.js";
import { Argument, Command, Option } from "commander";
import { completes } from "../completes.js";
import { dateWordOptions } from "../date-input.js";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import type { Context } from "../context.js";
import { BUILTIN_TYPES, resolveType } from "../../domain/activity-types.js";
import { closest } from "../../domain/suggest.js";
import { checkAmountAllowed, checkNotFuture } from "../../domain/entry-rules.js";
import { parseLogWords } from "../../domain/log-words.js";
import { entryToJson, type Entry } from "../../domain/entry.js";
import { AcctError, usageError } from "../../domain/errors.js";
import { parseCount, parseDate, parseMinutes, parseMoney, parseText, parseWholeNumber } from "../../domain/parse.js";
import type { Db } from "../../store/connection.js";
import {
  countEntries,
  eachEntry,
  getEntry,
  inReadSnapshot,
  insertEntry,
  latestEntries,
  listEntries,
  type EntryFilter,
  purgeRemovedEntries,
  removeEntry,
  updateEntry,
} from "../../store/entries.js";
import { listCustomTypes } from "../../store/plans.js";
import { countOfType, describeEntry } from "../../render/entry.js";
import { EntryListLayout } from "../../render/entry-list.js";
import { groupDigits } from "../../domain/digits.js";

interface FieldFlags {
  amount?: string;
  minutes?: string;
  contact?: string;
  note?: string;
  date?: string;
}

interface EditFlags extends FieldFlags {
  count?: string;
  type?: string;
  clear?: string;
}

const CLEARABLE = ["amount", "minutes", "contact", "note"] as const;
type Clearable = (typeof CLEARABLE)[number];

function addFieldOptions(command: Command): Command {
  return command
    .option("--amount <money>", "won deal's value (deals only): 42000, 42k, 1.5m, $42,000.50")
    .option("--minutes <n>", "minutes spent with the customer")
    .option("--contact <text>", "who (up to 500 characters)")
    .option("--note <text>", "anything else (up to 500 characters)")
    .addOption(completes(new Option("--date <date>", "YYYY-MM-DD, yesterday, mon (the latest), last fri, -2d… (default today; acct help dates)"), "date"));
}

/** Resolves a type, reading custom types from the file only when the name is not built in. */
function typeOf(ctx: Context, input: string): string {
  try {
    return resolveType(input, []);
  } catch (error) {
    const db = ctx.read();
    if (!db) throw error;
    return resolveType(input, listCustomTypes(db));
  }
}

const LOG_SUBCOMMANDS = ["list", "edit", "rm", "purge"];

/** `acct log lst` is more likely a mistyped subcommand than a type: say so. */
function typeOrSubcommandHint(ctx: Context, input: string): string {
  try {
    return typeOf(ctx, input);
  } catch (error) {
    const subcommand = closest(input.toLowerCase(), LOG_SUBCOMMANDS);
    if (error instanceof AcctError && subcommand !== null) {
      throw usageError(`unknown activity type '${input}'`, `did you mean 'acct log ${subcommand}'? (${error.hint ?? "see acct type list"})`);
    }
    throw error;
  }
}

/** An entry a deal logged stays as the deal says: it changes with the deal (acct opp), not by hand. */
function linkedEntry(entry: Entry, what: string) {
  const how = entry.type === "deal" ? `acct opp edit ${entry.opp} or acct undo` : `acct opp edit ${entry.opp} --date D`;
  return usageError(`entry #${entry.id} is the ${entry.type} of opportunity #${entry.opp}: cannot ${what} by hand`, `change the deal instead: ${how}`);
}

/** An entry's date: not in the future, since an entry records what was done. */
function dateOf(ctx: Context, input: string): string {
  const date = parseDate(input, ctx.today, "date", dateWordOptions(ctx));
  checkNotFuture(date, ctx.today);
  return date;
}

/**
 * `acct log edit 3 --note x`: commander hands `--note` to `log` itself, which
 * has the same flag, before dispatching to `edit`; take both sets.
 */
function fieldFlagsOf<T extends FieldFlags>(command: Command): T {
  return { ...(command.parent?.opts<FieldFlags>() ?? {}), ...command.opts<T>() };
}

/** Subcommands without entry fields refuse them instead of ignoring them. */
function refuseFieldFlags(command: Command): void {
  const given = Object.keys(command.parent?.opts<FieldFlags>() ?? {});
  if (given.length > 0) throw usageError(`unknown option '--${given[0]}' for acct log ${command.name()}`, `see acct log ${command.name()} --help`);
}

const parseId = (input: string) => parseWholeNumber(input.replace(/^#/, ""), "id", 1, Number.MAX_SAFE_INTEGER);

function liveEntry(db: Db | null, id: number): Entry {
  const entry = db ? getEntry(db, id) : null;
  if (!entry) throw usageError(`no entry with id ${id}`, "see acct log list");
  return entry;
}

function echo(ctx: Context, entry: Entry, verb: string): void {
  if (ctx.json) return ctx.printJson(entryToJson(entry));
  ctx.print(`${verb} ${describeEntry(entry, ctx.render)}`);
}

const summaryOf = (verb: string) => (e: Entry) => `${verb} #${e.id} ${e.date} ${countOfType(e.count, e.type)}`;

/** Asks for the type, the count and the optional fields on a terminal. */
async function askEntry(ctx: Context, flags: FieldFlags): Promise<{ type: string; count: string; flags: FieldFlags }> {
  const { askChoice, askText } = await import("../prompts.js");
  const db = ctx.read();
  const types = [...BUILTIN_TYPES, ...(db ? listCustomTypes(db) : [])];
  const type = await askChoice(
    "What did you do?",
    types.map((t) => ({ name: t, value: t })),
    "call",
  );
  const count = await askText("How many?", { default: "1", parse: (v) => parseCount(v) });
  const out: FieldFlags = { ...flags };
  if (type === "deal") out.amount ??= await askText("Amount won (optional, e.g. 42k)", { parse: (v) => parseMoney(v), optional: true });
  out.minutes ??= await askText("Minutes with the customer (optional)", { parse: parseMinutes, optional: true });
  out.contact ??= await askText("Contact (optional)", { parse: (v) => parseText(v, "contact"), optional: true });
  out.note ??= await askText("Note (optional)", { parse: (v) => parseText(v, "note"), optional: true });
  out.date ??= await askText("Date", { default: "today", parse: (v) => dateOf(ctx, v) });
  for (const key of Object.keys(out) as (keyof FieldFlags)[]) if (out[key] === "") delete out[key];
  return { type, count, flags: out };
}

/** `log #1 2026-03-12 18 calls`; with several entries `log #1-#3 2026-03-12 18 calls, 2 meetings, 1 opportunity`. */
function logSummary(entries: Entry[]): string {
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last || entries.length === 1) return entries.map(summaryOf("log")).join("");
  const dates = [...new Set(entries.map((e) => e.date))].join(", ");
  return `log #${first.id}-#${last.id} ${dates} ${entries.map((e) => countOfType(e.count, e.type)).join(", ")}`;
}

/**
 * The fields of several entries logged at once: `--date`, `--contact` and
 * `--note` go to each; `--amount` to the one deal; `--minutes` (customer
 * time, which would be counted once per entry) only to a single entry.
 */
function checkBatchFlags(types: string[], flags: FieldFlags): void {
  if (types.length < 2) return;
  if (flags.minutes !== undefined) {
    throw usageError(
      "--minutes is for one entry, not several logged at once",
      "log the entry with the minutes by itself, e.g. acct log meeting 2 --minutes 90",
    );
  }
  const deals = types.filter((t) => t === "deal").length;
  if (flags.amount !== undefined && deals !== 1) {
    throw usageError(
      `--amount needs exactly one deal among the entries (there are ${deals})`,
      "log each deal with its amount by itself, e.g. acct log deal --amount 42k",
    );
  }
}

async function logAction(app: App, typeInput: string | undefined, countInputs: string[], given: FieldFlags, command: Command): Promise<void> {
  const ctx = app.context(command);
  let flags = given;
  let words = typeInput === undefined ? [] : [typeInput, ...countInputs];
  if (typeInput === undefined) {
    if (!ctx.interactive) {
      throw usageError(
        "log needs an activity type (no terminal to ask on)",
        `give it as an argument, e.g. acct log call 3; types: ${BUILTIN_TYPES.join(", ")} or your own`,
      );
    }
    const answers = await askEntry(ctx, flags);
    words = [answers.type, answers.count];
    flags = answers.flags;
  }
  const pairs = parseLogWords(words, (word, first) => (first ? typeOrSubcommandHint(ctx, word) : typeOf(ctx, word)));
  checkBatchFlags(
    pairs.map((p) => p.type),
    flags,
  );
  const shared = {
    date: flags.date === undefined ? ctx.today : dateOf(ctx, flags.date),
    amountCents: flags.amount === undefined ? null : parseMoney(flags.amount),
    minutes: flags.minutes === undefined ? null : parseMinutes(flags.minutes),
    contact: flags.contact === undefined ? null : parseText(flags.contact, "contact"),
    note: flags.note === undefined ? null : parseText(flags.note, "note"),
  };
  const fieldsOf = ({ type, count }: { type: string; count: number }) => ({
    ...shared,
    type,
    count,
    amountCents: pairs.length > 1 && type !== "deal" ? null : shared.amountCents,
  });
  const all = pairs.map(fieldsOf);
  for (const fields of all) checkAmountAllowed(fields.type, fields.amountCents);
  const entries = ctx.transaction(logSummary, (db, journal) => all.map((fields) => insertEntry(db, fields, ctx.clock.stamp, journal)));
  if (entries.length === 1 && entries[0]) return echo(ctx, entries[0], "logged");
  if (ctx.json) return ctx.printJson(entries.map(entryToJson));
  for (const entry of entries) ctx.print(`logged ${describeEntry(entry, ctx.render)}`);
}

function editAction(app: App, idInput: string, command: Command): void {
  const ctx = app.context(command);
  const flags = fieldFlagsOf<EditFlags>(command);
  const id = parseId(idInput);
  const clear = parseClear(flags.clear, CLEARABLE, (field) => flags[field] !== undefined);
  const old = liveEntry(ctx.read(), id);
  const type = flags.type === undefined ? old.type : typeOf(ctx, flags.type);
  const pick = <T>(field: Clearable, value: string | undefined, parse: (v: string) => T, current: T | null): T | null =>
    clear.has(field) ? null : value === undefined ? current : parse(value);
  const next: Entry = {
    id,
    date: flags.date === undefined ? old.date : dateOf(ctx, flags.date),
    type,
    count: flags.count === undefined ? old.count : parseCount(flags.count),
    amountCents: pick("amount", flags.amount, (v) => parseMoney(v), old.amountCents),
    minutes: pick("minutes", flags.minutes, parseMinutes, old.minutes),
    contact: pick("contact", flags.contact, (v) => parseText(v, "contact"), old.contact),
    note: pick("note", flags.note, (v) => parseText(v, "note"), old.note),
    opp: old.opp ?? null,
  };
  if (old.opp != null && (next.date !== old.date || next.type !== old.type || next.count !== old.count || next.amountCents !== old.amountCents))
    throw linkedEntry(old, "change its date, type, count or amount");
  if (next.type !== "deal" && next.amountCents !== null && flags.amount === undefined) {
    throw usageError(`entry #${id} has an amount, which only deals carry`, `add --clear amount to make it a ${type}`);
  }
  checkAmountAllowed(next.type, next.amountCents);
  if (JSON.stringify(next) === JSON.stringify(old))
    throw usageError(`nothing to change in entry #${id}`, "give a field to change, e.g. --count 4 or --note '…'");
  const entry = ctx.transaction(summaryOf("edit"), (db, journal) => {
    liveEntry(db, id); // still there: another process may have removed it meanwhile
    return updateEntry(db, next, journal);
  });
  echo(ctx, entry, "changed");
}

function rmAction(app: App, idInputs: string[], command: Command): void {
  refuseFieldFlags(command);
  const ctx = app.context(command);
  const ids = [...new Set(idInputs.map(parseId))];
  const db = ctx.read();
  for (const id of ids) {
    const entry = liveEntry(db, id);
    if (entry.opp != null) throw linkedEntry(entry, "remove");
  }
  const removed = ctx.transaction(
    (entries: Entry[]) => `rm ${entries.map((e) => summaryOf("")(e).trim()).join("; ")}`,
    (wdb, journal) => ids.map((id) => removeEntry(wdb, id, ctx.clock.stamp, journal) ?? liveEntry(null, id)),
  );
  if (ctx.json) return ctx.printJson(removed.map(entryToJson));
  for (const entry of removed) ctx.print(`removed ${describeEntry(entry, ctx.render)}`);
  ctx.note("undo with: acct undo");
}

interface ListFlags {
  from?: string;
  to?: string;
  type?: string;
  all?: boolean;
  limit?: string;
}

/** Without --all or --limit, the text list shows the latest this many entries (the JSON list, all). */
export const LIST_DEFAULT_LIMIT = 100;
/** Lines written at a time when a long list is streamed. */
const LIST_CHUNK = 2000;

/**
 * Prints the entries `filter` selects as aligned lines, the latest `limit` of
 * them (null: all, streamed in two passes — widths, then lines — so a long
 * list is never held whole). Returns how many entries the filter selects.
 */
function printEntryList(ctx: Context, db: Db, filter: EntryFilter, limit: number | null): number {
  const total = countEntries(db, filter);
  if (total === 0) return total;
  const layout = new EntryListLayout(ctx.render.currency);
  if (limit !== null && limit < total) {
    const entries = latestEntries(db, filter, limit);
    for (const entry of entries) layout.measure(entry);
    layout.fit(ctx.width);
    ctx.print([layout.header(ctx.style), ...entries.map((e) => layout.line(e))].join("\n"));
    return total;
  }
  for (const entry of eachEntry(db, filter)) layout.measure(entry);
  layout.fit(ctx.width);
  let lines = [layout.header(ctx.style)];
  for (const entry of eachEntry(db, filter)) {
    lines.push(layout.line(entry));
    if (lines.length >= LIST_CHUNK) {
      ctx.print(lines.join("\n"));
      lines = [];
    }
  }
  if (lines.length > 0) ctx.print(lines.join("\n"));
  return total;
}

function listAction(app: App, flags: ListFlags, command: Command): void {
  refuseFieldFlags(command);
  const ctx = app.context(command);
  const from = flags.from === undefined ? undefined : parseDate(flags.from, ctx.today, "--from", dateWordOptions(ctx));
  const to = flags.to === undefined ? undefined : parseDate(flags.to, ctx.today, "--to", dateWordOptions(ctx));
  if (from && to && to < from) throw usageError(`--to ${to} is before --from ${from}`);
  const type = flags.type === undefined ? undefined : typeOf(ctx, flags.type);
  if (flags.all && flags.limit !== undefined) throw usageError("--all and --limit contradict each other", "--all lists every entry; --limit N the latest N");
  const given = flags.limit === undefined ? null : parseWholeNumber(flags.limit, "--limit", 1, Number.MAX_SAFE_INTEGER);
  const limit = flags.all || (ctx.json && given === null) ? null : (given ?? LIST_DEFAULT_LIMIT);
  const filter = { from, to, type };
  const db = ctx.read();
  if (ctx.json) {
    ctx.printJson((db ? (limit === null ? listEntries(db, filter) : latestEntries(db, filter, limit)) : []).map(entryToJson));
    return;
  }
  // The count and the rows (read twice when streamed: widths, then lines) come from one snapshot.
  const total = db ? inReadSnapshot(db, () => printEntryList(ctx, db, filter, limit)) : 0;
  if (total === 0) ctx.print("no entries");
  const hidden = limit === null ? 0 : total - limit;
  if (hidden > 0) {
    const filters = [from && `--from ${from}`, to && `--to ${to}`, type && `--type ${type}`].filter(Boolean).join(" ");
    ctx.note(
      `… ${groupDigits(hidden)} earlier ${hidden === 1 ? "entry" : "entries"} not shown: acct log list ${filters ? `${filters} ` : ""}--all (or --from/--to/--limit)`,
    );
  }
}

function purgeAction(app: App, command: Command): void {
  refuseFieldFlags(command);
  const ctx = app.context(command);
  const db = ctx.read();
  if (!db || (db.prepare("SELECT count(*) AS n FROM entries WHERE deleted_at IS NOT NULL").get() as { n: number }).n === 0) {
    if (ctx.json) return ctx.printJson({ purged: 0 });
    return ctx.print("no removed entries to purge");
  }
  // The journal holds removed rows' old images; purging must not let undo bring them back.
  const purged = ctx.transaction("purge", (wdb) => {
    const n = purgeRemovedEntries(wdb);
    wdb.prepare("DELETE FROM journal").run();
    return n;
  });
  if (ctx.json) return ctx.printJson({ purged });
  ctx.print(`purged ${purged} removed ${purged === 1 ? "entry" : "entries"} for good; the undo history is cleared`);
}

export function logCommand(app: App): Command {
  const log = addFieldOptions(
    new Command("log")
      .description("record activity (acct log call 3); list, edit or remove entries")
      .usage("<type> [count] [<type> [count]...] [options] | list | edit ID | rm ID | purge")
      .addArgument(completes(new Argument("[type]", "call, email, meeting, opportunity (opp), deal, or your own type; singular or plural, any case"), "type"))
      .addArgument(completes(new Argument("[count...]", "how many (default 1); more types, each with its count, log several entries at once"), "type")),
  ).action((type: string | undefined, counts: string[], flags: FieldFlags, command: Command) => logAction(app, type, counts, flags, command));
  withExamples(log, [
    "acct log call 5",
    "acct log call 18 meeting 2 opp 1",
    "acct log deal --amount 42k --contact 'Acme Corp' --note 'signed 2-year renewal'",
    "acct log meetings 2 --minutes 90 --date yesterday",
  ]);

  const list = log
    .command("list")
    .description("list entries, oldest first")
    .addOption(completes(new Option("--from <date>", "first date (YYYY-MM-DD, yesterday, mon, last mon, -2w, …)"), "date"))
    .addOption(completes(new Option("--to <date>", "last date"), "date"))
    .addOption(completes(new Option("--type <type>", "only this type"), "type"))
    .option("--limit <n>", `the latest N entries (text default: ${LIST_DEFAULT_LIMIT})`)
    .option("--all", "every entry (the text list shows the latest 100 by default; --json lists all)")
    .action((flags: ListFlags, command: Command) => listAction(app, flags, command));
  withExamples(list, ["acct log list --from mon", "acct log list --all", "acct log list --type deals --from 2026-01-01 --json"]);

  const edit = addFieldOptions(
    log
      .command("edit <id>")
      .description("change any field of an entry (undo with acct undo)")
      .option("--count <n>", "how many")
      .addOption(completes(new Option("--type <type>", "activity type"), "type")),
  )
    .option("--clear <fields>", "empty some of amount,minutes,contact,note")
    .action((id: string, _flags: EditFlags, command: Command) => editAction(app, id, command));
  withExamples(edit, ["acct log edit 12 --count 4", "acct log edit 12 --type meeting --minutes 45 --clear note"]);

  const rm = log
    .command("rm <id...>")
    .description("remove entries (recoverable with acct undo until purged)")
    .action((ids: string[], _flags: object, command: Command) => rmAction(app, ids, command));
  withExamples(rm, ["acct log rm 12", "acct log rm 12 13 && acct undo"]);

  const purge = log
    .command("purge")
    .description("delete removed entries for good (clears the undo history)")
    .action((_flags: object, command: Command) => purgeAction(app, command));
  withExamples(purge, ["acct log purge"]);

  return log;
}

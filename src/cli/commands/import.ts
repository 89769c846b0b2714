/** `acct import FILE`: entries from a CSV export, or a whole database from a JSON export; all or nothing. */
import { Argument, Command } from "commander";
import { completes } from "../completes.js";
import { groupDigits } from "../../domain/digits.js";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import type { Context } from "../context.js";
import type { EntryFields } from "../../domain/entry-import.js";
import { AcctError, usageError } from "../../domain/errors.js";
import { countLineBreaks } from "../../domain/csv.js";
import { readImportInput } from "../import-input.js";
import { importIcs, isCalendar } from "../ics-import.js";
import { insertEntries, knownSources } from "../../store/entries.js";
import { addCustomType, listCustomTypes } from "../../store/plans.js";
import type { ExportDocument } from "../../store/transfer.js";
import { requirePackage } from "../../packages.js";
import { visibleControls } from "../../render/escape.js";

/** From this many records (lines of the file) on, a terminal shows a progress bar. */
export const PROGRESS_FROM = 20_000;

interface Progress {
  /** The lines of the file, counted for the bar. */
  lines: number;
  update(done: number): void;
  setTotal(total: number): void;
  stop(): void;
}

/**
 * A progress bar on stderr (terminal only, never with --json), loaded only
 * when needed: for a file of PROGRESS_FROM lines and more, over
 * `stepsPerLine` steps a line (read, then written: two).
 */
async function progressBar(ctx: Context, label: string, text: string, stepsPerLine: number): Promise<Progress | null> {
  if (ctx.json || ctx.deps.stderr.isTTY !== true) return null;
  const lines = countLineBreaks(text);
  if (lines < PROGRESS_FROM) return null;
  const cliProgress = requirePackage<typeof import("cli-progress")>("cli-progress");
  // The cursor stays visible: Ctrl-C ends acct mid-write at once (no handler can run during a write), which would leave it hidden.
  const bar = new cliProgress.SingleBar(
    { format: `${label} {bar} {percentage}% | {value}/{total}`, stream: process.stderr, clearOnComplete: true, hideCursor: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(lines * stepsPerLine, 0);
  return { lines, update: (done) => bar.update(done), setTotal: (total) => bar.setTotal(total), stop: () => bar.stop() };
}

/**
 * Prefixes "line N" to an error about `tables.T[i]` when the file has the
 * layout export writes (one row per line); other layouts keep the row's name.
 */
function withJsonLine(error: unknown, text: string): unknown {
  const m = error instanceof AcctError ? /^tables\.(\w+)\[(\d+)\]/.exec(error.message) : null;
  if (!m || !(error instanceof AcctError)) return error;
  const opening = text.indexOf(`\n    ${JSON.stringify(m[1])}: [\n`);
  if (opening === -1) return error;
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i <= opening; i = text.indexOf("\n", i + 1)) line++;
  line += 1 + Number(m[2]);
  const rowText = text.split("\n", line)[line - 1]?.trim() ?? "";
  if (!rowText.startsWith("{")) return error;
  return new AcctError(`line ${line}: ${error.message}`, error.exitCode, error.hint);
}

function isJson(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.csv$/i.test(file)) return false;
  return /^\uFEFF?\s*\{/.test(text);
}

const plural = (n: number, one: string, many: string) => `${groupDigits(n)} ${n === 1 ? one : many}`;

async function importCsv(ctx: Context, file: string, text: string, dryRun: boolean): Promise<void> {
  // The parser and checks load only here, so they cost `acct log` nothing at start-up.
  const { entriesFromCsv } = await import("../../domain/entry-import.js");
  const db = ctx.read();
  const customTypes = db ? listCustomTypes(db) : [];
  const bar = await progressBar(ctx, dryRun ? "checking " : "importing", text, dryRun ? 1 : 2);
  let entries: EntryFields[];
  const newTypes = new Set<string>();
  try {
    entries = entriesFromCsv(text, customTypes, { today: ctx.today, onRecord: bar ? (line) => (line & 4095) === 0 && bar.update(line) : undefined, newTypes });
  } catch (error) {
    bar?.stop();
    throw error;
  }
  if (entries.length === 0) {
    // A header alone: nothing is written, so there is no undo step to point to.
    bar?.stop();
    if (ctx.json) ctx.printJson({ format: "csv", dryRun, entries: 0, imported: 0, newTypes: [], from: null, to: null });
    else ctx.print(`nothing to import: ${file} has a header line but no entries`);
    return;
  }
  const parsedLines = bar?.lines ?? 0;
  bar?.setTotal(parsedLines + (dryRun ? 0 : entries.length));
  let added = 0;
  if (!dryRun) {
    added = ctx.transaction(`import ${plural(entries.length, "entry", "entries")} from ${file}`, (wdb, journal) => {
      for (const type of newTypes) addCustomType(wdb, type, ctx.clock.stamp, journal);
      return insertEntries(wdb, entries, ctx.clock.stamp, journal, bar ? (done) => bar.update(parsedLines + done) : undefined);
    });
  }
  bar?.stop();
  const dates = { from: entries[0]?.date ?? "", to: entries[0]?.date ?? "" };
  for (const { date } of entries) {
    if (date < dates.from) dates.from = date;
    if (date > dates.to) dates.to = date;
  }
  const typesAdded = [...newTypes].sort();
  if (ctx.json) return ctx.printJson({ format: "csv", dryRun, entries: entries.length, imported: added, newTypes: typesAdded, ...dates });
  const span = ` dated ${dates.from}..${dates.to}`;
  if (typesAdded.length > 0)
    ctx.note(`${dryRun ? "would add" : "added"} your own type${typesAdded.length === 1 ? "" : "s"}: ${typesAdded.map(visibleControls).join(", ")}`);
  ctx.print(
    dryRun
      ? `${file} is fine: ${plural(entries.length, "entry", "entries")}${span} would be imported (nothing written)`
      : `imported ${plural(added, "entry", "entries")}${span} from ${file}; undo with: acct undo`,
  );
}

interface CrmFlags {
  from: string;
  dryRun?: boolean;
  map?: string;
  types?: string;
  dateFormat?: string;
  strict?: boolean;
}

/** `acct import FILE --from PRESET`: a CRM's activity export; rows already imported (by source key) add nothing. */
async function importCrm(ctx: Context, file: string, flags: Partial<CrmFlags> & { dryRun?: boolean }): Promise<void> {
  if (flags.from === undefined) {
    throw usageError(
      "--map, --types, --date-format and --strict go with --from",
      "for example: acct import activities.csv --from hubspot --map 'Subject=note'",
    );
  }
  const { entriesFromCrm, presetNamed } = await import("../../domain/crm-import.js");
  presetNamed(flags.from);
  const dryRun = flags.dryRun === true;
  const text = readImportInput(file, "csv");
  const db = ctx.read();
  const customTypes = db ? listCustomTypes(db) : [];
  const read = entriesFromCrm(text, {
    preset: flags.from,
    map: flags.map,
    types: flags.types,
    dateFormat: flags.dateFormat,
    strict: flags.strict,
    today: ctx.today,
    customTypes,
  });
  const known = db
    ? knownSources(
        db,
        read.entries.map((e) => e.source),
      )
    : new Set<string>();
  const fresh = known.size === 0 ? read.entries : read.entries.filter((e) => !known.has(e.source));
  let added = 0;
  if (!dryRun && fresh.length > 0) {
    // The entries go in as read: insertEntries takes the fields it stores and ignores each one's line.
    added = ctx.transaction(`import ${plural(fresh.length, "entry", "entries")} from ${file} (${flags.from.trim().toLowerCase()})`, (wdb, journal) =>
      insertEntries(wdb, fresh, ctx.clock.stamp, journal),
    );
  }
  const byCount = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = (counts: [string, number][]) => counts.map(([value, n]) => `${visibleControls(value)} ${groupDigits(n)}`).join(", ");
  const total = (counts: [string, number][]) => counts.reduce((n, [, k]) => n + k, 0);
  const skipped = byCount(read.skipped);
  const skippedByChoice = byCount(read.skippedByChoice);
  const notDone = byCount(read.notDone);
  if (ctx.json) {
    return ctx.printJson({
      format: "crm",
      from: flags.from.trim().toLowerCase(),
      dryRun,
      rows: read.rows,
      alreadyHere: read.entries.length - fresh.length,
      new: fresh.length,
      imported: added,
      skipped: Object.fromEntries(skipped),
      skippedByChoice: Object.fromEntries(skippedByChoice),
      notDone: Object.fromEntries(notDone),
      scheduled: read.scheduled,
      columns: read.used,
      ignoredColumns: read.ignoredColumns,
    });
  }
  if (dryRun) {
    ctx.print(
      `columns read: ${Object.entries(read.used)
        .map(([field, column]) => `${visibleControls(column)} → ${field}`)
        .join(", ")}`,
    );
    if (read.ignoredColumns.length > 0) ctx.print(`columns ignored: ${read.ignoredColumns.map(visibleControls).join(", ")}`);
  }
  if (skipped.length > 0)
    ctx.note(`skipped ${plural(total(skipped), "row", "rows")} of types nothing maps: ${listed(skipped)} (map them with --types 'Value=type')`);
  if (skippedByChoice.length > 0) ctx.note(`skipped ${plural(total(skippedByChoice), "row", "rows")} as --types says: ${listed(skippedByChoice)}`);
  if (notDone.length > 0) ctx.note(`skipped ${plural(total(notDone), "row", "rows")} not done (status ${listed(notDone)}): an entry records what was done`);
  if (read.scheduled > 0)
    ctx.note(
      `skipped ${plural(read.scheduled, "row", "rows")} dated after today: scheduled, not done yet (a later export brings them once they have happened)`,
    );
  const notImported = read.rows - read.entries.length;
  const summary = `${plural(read.rows, "row", "rows")}: ${groupDigits(read.entries.length - fresh.length)} already here, ${groupDigits(fresh.length)} new${notImported > 0 ? `, ${groupDigits(notImported)} skipped` : ""}`;
  if (dryRun) ctx.print(`${file} is fine: ${summary} (nothing written)`);
  else
    ctx.print(
      fresh.length > 0 ? `${summary}; imported ${plural(added, "entry", "entries")} from ${file}; undo with: acct undo` : `${summary}; nothing to import`,
    );
}

const TABLE_NOUNS: Record<string, [string, string]> = {
  settings: ["setting", "settings"],
  plans: ["plan", "plans"],
  custom_types: ["custom type", "custom types"],
  weekly_targets: ["weekly target", "weekly targets"],
  days_off: ["day-off range", "day-off ranges"],
  blocks: ["time block", "time blocks"],
  block_marks: ["block mark", "block marks"],
  commitments: ["commitment", "commitments"],
  reviews: ["review", "reviews"],
  plan_revisions: ["plan revision", "plan revisions"],
  target_changes: ["target change", "target changes"],
  buddy_notes: ["buddy note", "buddy notes"],
  opportunities: ["deal", "deals"],
  opp_moves: ["stage move", "stage moves"],
  opp_reviews: ["deal review", "deal reviews"],
};

/** `3 reviews`, `1 review`: a restored table's row count in words. */
function describeRows(table: string, n: number): string {
  const [one, many] = TABLE_NOUNS[table] ?? [table.replaceAll("_", " "), table.replaceAll("_", " ")];
  return plural(n, one, many);
}

async function importJson(ctx: Context, file: string, text: string, dryRun: boolean): Promise<void> {
  const { checkDocument, checkRestore, hasData, restoreDatabase } = await import("../../store/transfer.js");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw usageError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  let doc: ExportDocument;
  let counts: Record<string, number>;
  try {
    doc = checkDocument(parsed);
    counts = checkRestore(doc, ctx.today);
  } catch (error) {
    throw withJsonLine(error, text);
  }
  if (Object.values(counts).every((n) => n === 0)) {
    // Nothing to restore: the data file is neither created nor given an undo step.
    if (ctx.json) ctx.printJson({ format: "json", dryRun, tables: counts, entries: 0 });
    else ctx.print(`nothing to restore: ${file} holds no rows`);
    return;
  }
  const db = ctx.read();
  if (db && hasData(db)) {
    throw usageError(
      "a JSON export restores a whole database, and this one already holds data",
      "restore into a new file with --db NEW.db, or import the entries alone from a CSV export",
    );
  }
  if (!dryRun) ctx.transaction(`import ${file} (restore)`, (wdb, journal) => restoreDatabase(wdb, doc, journal, ctx.today));
  const entries = counts.entries ?? 0;
  if (ctx.json) return ctx.printJson({ format: "json", dryRun, tables: counts, entries });
  const rest = Object.entries(counts)
    .filter(([t, n]) => t !== "entries" && n > 0)
    .map(([t, n]) => describeRows(t, n));
  const what = `${plural(entries, "entry", "entries")}${rest.length ? ` (and ${rest.join(", ")})` : ""}`;
  ctx.print(dryRun ? `${file} is fine: ${what} would be restored (nothing written)` : `restored ${what} from ${file}; undo with: acct undo`);
}

export function importCommand(app: App): Command {
  const imp = new Command("import")
    .description("import entries from a CSV export, or restore a JSON export into an empty database; all or nothing")
    .addArgument(completes(new Argument("<file>", "a file written by acct export (- reads stdin)"), "file"))
    .option("--dry-run", "check the file and report what would be imported, writing nothing")
    .option("--from <preset>", "a CRM's activity export: hubspot, salesforce, pipedrive or generic")
    .option("--map <pairs>", "with --from: which column holds which field, 'Column=field,…' (date,type,count,amount,minutes,contact,note,id,status)")
    .option("--types <pairs>", "with --from: which acct type an export's type value is, 'Value=type,…' (=skip skips those rows)")
    .option("--date-format <format>", "with --from: the file's date form in date-fns tokens, e.g. MM/dd/yyyy or dd.MM.yyyy")
    .option("--strict", "with --from: refuse rows whose type nothing maps instead of skipping them")
    .option("--match <text>", "calendar (.ics) files: only events whose title contains TEXT (any case)")
    .action(async (file: string, flags: { dryRun?: boolean; match?: string } & Partial<CrmFlags>, command: Command) => {
      const ctx = app.context(command);
      if (flags.from !== undefined || flags.map !== undefined || flags.types !== undefined || flags.dateFormat !== undefined || flags.strict) {
        if (flags.match !== undefined) throw usageError("--match applies to calendar (.ics) files only, not with --from");
        return importCrm(ctx, file, flags);
      }
      if (flags.match !== undefined && flags.match.trim() === "") throw usageError("--match needs a text to look for in event titles");
      const text = readImportInput(file, /\.json$/i.test(file) ? "json" : /\.csv$/i.test(file) ? "csv" : /\.ics$/i.test(file) ? "ics" : "auto");
      if (isCalendar(file, text)) await importIcs(ctx, file, text, flags.dryRun === true, flags.match ?? null);
      else if (flags.match !== undefined) throw usageError("--match applies to calendar (.ics) files only");
      else if (isJson(file, text)) await importJson(ctx, file, text, flags.dryRun === true);
      else await importCsv(ctx, file, text, flags.dryRun === true);
    });
  return withExamples(imp, [
    "acct import entries.csv --dry-run",
    "acct import entries.csv",
    "acct import calendar.ics --match Acme",
    "acct --db restored.db import acct-backup.json",
  ]);
}

/**
 * Entries as they travel: the rules every entry obeys wherever it comes from
 * (the command line, a CSV file, a JSON export), and the CSV columns.
 */
import { BUILTIN_TYPES, resolveType, validateNewTypeName } from "./activity-types.js";
import { closest } from "./suggest.js";
import { readCsv } from "./csv.js";
import { isValidIsoDate, type IsoDate } from "./dates.js";
import type { Entry } from "./entry.js";
import { checkAmountAllowed, checkNotFuture } from "./entry-rules.js";
import { AcctError, usageError } from "./errors.js";
import { isMoneyCents, MAX_COUNT, MAX_TEXT, parseMoney } from "./parse.js";

export type EntryFields = Omit<Entry, "id">;

/** The CSV columns, in the order export writes them. */
export const CSV_COLUMNS = ["date", "type", "count", "amount", "minutes", "contact", "note"] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** A whole number from plain digits (no sign, no spaces) in [min, max], or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (text.length === 0 || text.length > 9) return null;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n >= min && n <= max ? n : null;
}

/** Length in characters (code points), counted only when UTF-16 length could exceed the limit. */
function tooLong(text: string): boolean {
  if (text.length <= MAX_TEXT) return false;
  let n = 0;
  for (const _ of text) if (++n > MAX_TEXT) return true;
  return false;
}

/**
 * Checks and converts one imported entry's fields (as text; "" means absent).
 * `types` caches type names already resolved. Throws a usage error saying what
 * is wrong (without the line; the caller adds it).
 */
export function entryFromText(
  fields: Record<Column, string>,
  customTypes: readonly string[],
  today: IsoDate,
  types: Map<string, string>,
  dates: Set<string>,
  newTypes?: Set<string>,
): EntryFields {
  const date = fields.date;
  if (!dates.has(date)) {
    if (date.length !== 10 || date.charCodeAt(4) !== 45 || !isValidIsoDate(date)) {
      throw usageError(date === "" ? "date is empty" : `date '${date}' is not a real YYYY-MM-DD date`);
    }
    checkNotFuture(date, today);
    dates.add(date);
  }
  let type = types.get(fields.type);
  if (type === undefined) {
    if (fields.type === "") throw usageError("type is empty");
    try {
      type = resolveType(fields.type, customTypes);
    } catch (error) {
      const adopted = newTypes ? adoptNewType(fields.type, customTypes, newTypes) : null;
      if (adopted === null) throw error;
      type = adopted;
    }
    types.set(fields.type, type);
  }
  const count = fields.count === "" ? 1 : wholeNumber(fields.count, 1, MAX_COUNT);
  if (count === null) throw usageError(`count '${fields.count}' is not a whole number from 1 to ${MAX_COUNT}`);
  const amountCents = fields.amount === "" ? null : parseMoney(fields.amount);
  checkAmountAllowed(type, amountCents);
  const minutes = fields.minutes === "" ? null : wholeNumber(fields.minutes, 0, MAX_COUNT);
  if (minutes === null && fields.minutes !== "") throw usageError(`minutes '${fields.minutes}' is not a whole number from 0 to ${MAX_COUNT}`);
  const contact = fields.contact === "" ? null : fields.contact;
  const note = fields.note === "" ? null : fields.note;
  if (contact !== null && tooLong(contact)) throw usageError(`contact is longer than ${MAX_TEXT} characters`);
  if (note !== null && tooLong(note)) throw usageError(`note is longer than ${MAX_TEXT} characters`);
  if (contact?.includes("\0") || note?.includes("\0")) throw usageError(`${contact?.includes("\0") ? "contact" : "note"} contains a NUL character`);
  return { date, type, count, amountCents, minutes, contact, note };
}

/**
 * A type the file names that the database does not know yet (a custom type
 * from another database's export): adopted when it is a valid type name and
 * not a likely typo of a known one, which stays an error with a suggestion.
 */
function adoptNewType(input: string, customTypes: readonly string[], newTypes: Set<string>): string | null {
  const name = input.trim().toLowerCase();
  if (newTypes.has(name)) return name;
  try {
    validateNewTypeName(name, customTypes);
  } catch {
    return null;
  }
  if (closest(name, [...BUILTIN_TYPES, ...customTypes]) !== null) return null;
  newTypes.add(name);
  return name;
}

/** Adds "line N: " to a usage error from a row's check. */
function atLine(line: number, error: unknown): never {
  if (error instanceof AcctError) throw new AcctError(`line ${line}: ${error.message}`, error.exitCode, error.hint);
  throw error;
}

export interface CsvImportOptions {
  /** Entries dated after it are refused, as `acct log --date` refuses them. */
  today: IsoDate;
  /** Called after each record with its line. */
  onRecord?: (line: number) => void;
  /** Collects the types the file names that are neither built in nor `customTypes`; without it they are errors. */
  newTypes?: Set<string>;
}

/**
 * Reads a CSV export: a header naming some of `date,type,count,amount,minutes,
 * contact,note` in any order (date and type required), then one entry per
 * record, each obeying the rules of `acct log`. The first bad record stops
 * the read with its physical line number.
 */
export function entriesFromCsv(text: string, customTypes: readonly string[], { today, onRecord, newTypes }: CsvImportOptions): EntryFields[] {
  const entries: EntryFields[] = [];
  const types = new Map<string, string>();
  const dates = new Set<IsoDate>();
  let columns: (Column | null)[] | null = null;
  const fields = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as Record<Column, string>;
  readCsv(text, ({ line, fields: values }) => {
    if (columns === null) {
      columns = readHeader(values, line);
      return;
    }
    if (values.length !== columns.length) {
      throw usageError(`line ${line}: expected ${columns.length} fields, found ${values.length}`, "quote fields that contain commas, quotes or line breaks");
    }
    for (let i = 0; i < values.length; i++) fields[columns[i] as Column] = values[i] as string;
    try {
      entries.push(entryFromText(fields, customTypes, today, types, dates, newTypes));
    } catch (error) {
      atLine(line, error);
    }
    onRecord?.(line);
  });
  if (columns === null)
    throw usageError("the file is empty: nothing to import", "a CSV export starts with the header line date,type,count,amount,minutes,contact,note");
  return entries;
}

function readHeader(values: string[], line: number): Column[] {
  const seen = new Set<string>();
  const columns = values.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      throw usageError(`line ${line}: unknown column '${raw}'`, `columns: ${CSV_COLUMNS.join(",")}`);
    }
    if (seen.has(name)) throw usageError(`line ${line}: column '${name}' appears twice`);
    seen.add(name);
    return name as Column;
  });
  for (const required of ["date", "type"]) {
    if (!seen.has(required)) throw usageError(`line ${line}: the header has no '${required}' column`, `columns: ${CSV_COLUMNS.join(",")}`);
  }
  return columns;
}

/** Currency cents → the plain decimal export writes (`42000`, `42000.5` → `42000.50`). */
export function centsToText(cents: number): string {
  const units = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(units) : `${units}.${String(rest).padStart(2, "0")}`;
}

/** One entry as a CSV record's fields, absent values empty. */
export function entryToCsvFields(entry: EntryFields): string[] {
  return [
    entry.date,
    entry.type,
    String(entry.count),
    entry.amountCents === null ? "" : centsToText(entry.amountCents),
    entry.minutes === null ? "" : String(entry.minutes),
    entry.contact ?? "",
    entry.note ?? "",
  ];
}

const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const isTextOrNull = (v: unknown): v is string | null => v === null || (typeof v === "string" && v !== "" && !tooLong(v) && !v.includes("\0"));

/**
 * Checks one entries row of a JSON export: the same rules as a logged entry
 * (type known, amount only on deals, text within limits). Returns what is
 * wrong, or null.
 */
export function checkEntryRow(row: Record<string, unknown>, customTypes: readonly string[]): string | null {
  if (!isWhole(row.id, 1, Number.MAX_SAFE_INTEGER)) return "id is not a positive whole number";
  if (typeof row.date !== "string" || !isValidIsoDate(row.date)) return `date ${JSON.stringify(row.date)} is not a real YYYY-MM-DD date`;
  if (typeof row.type !== "string" || resolveQuietly(row.type, customTypes) !== row.type) return `type ${JSON.stringify(row.type)} is not a known type`;
  if (!isWhole(row.count, 1, MAX_COUNT)) return `count ${JSON.stringify(row.count)} is not a whole number from 1 to ${MAX_COUNT}`;
  if (row.amount !== null && !isMoneyCents(row.amount)) return `amount ${JSON.stringify(row.amount)} is not a whole number of cents above zero`;
  if (row.amount !== null && row.type !== "deal") return `an amount is only for deals, not for type '${row.type}'`;
  if (row.minutes !== null && !isWhole(row.minutes, 0, MAX_COUNT)) return `minutes ${JSON.stringify(row.minutes)} is not a whole number from 0 to ${MAX_COUNT}`;
  if (!isTextOrNull(row.contact)) return `contact is not text of 1 to ${MAX_TEXT} characters without a NUL character`;
  if (!isTextOrNull(row.note)) return `note is not text of 1 to ${MAX_TEXT} characters without a NUL character`;
  if (typeof row.created_at !== "string") return "created_at is missing";
  if (row.deleted_at !== null && typeof row.deleted_at !== "string") return "deleted_at is not text or null";
  return null;
}

function resolveQuietly(type: string, customTypes: readonly string[]): string | null {
  try {
    return resolveType(type, customTypes);
  } catch {
    return null;
  }
}

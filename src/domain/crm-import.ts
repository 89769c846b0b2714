/**
 * CRM activity exports (HubSpot, Salesforce, Pipedrive, or any CSV): presets
 * that know each export's columns, type values and date forms; `--map`,
 * `--types` and `--date-format` override them key by key. Rows become entries
 * with a source key, so importing the same rows again adds nothing.
 */
import { hash } from "node:crypto";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { BUILTIN_TYPES, resolveType } from "./activity-types.js";
import { detectDelimiter, readCsv } from "./csv.js";
import type { IsoDate } from "./dates.js";
import { CSV_COLUMNS, type EntryFields, entryFromText } from "./entry-import.js";
import { AcctError, usageError } from "./errors.js";
import { MAX_COUNT } from "./parse.js";
import { closest } from "./suggest.js";

/**
 * What a column can map to: an entry's field, `id`, the export's record id
 * (the source key), or `status`, whether the activity was done.
 */
export const CRM_FIELDS = [...CSV_COLUMNS, "id", "status"] as const;
export type CrmField = (typeof CRM_FIELDS)[number];

/** A value `--types` may give to say "skip these rows". */
export const SKIP_TYPE = "skip";

/** How the skipped rows of an export without a type value are counted (and `--types '=call'` maps them). */
export const NO_TYPE = "(no type)";

/**
 * Status values (any case) of an activity that did not happen: a Pipedrive
 * activity not marked done, a Salesforce task not completed, a HubSpot
 * meeting cancelled or missed, a call that never went out. Such rows are
 * skipped and counted, as scheduled ones are: an entry records what was done.
 */
const NOT_DONE = new Set([
  "to do",
  "todo",
  "not done",
  "not started",
  "in progress",
  "waiting on someone else",
  "deferred",
  "canceled",
  "cancelled",
  "no show",
  "no_show",
  "rescheduled",
  "failed",
  "queued",
  "false",
  "no",
  "0",
]);

/** What a bare number in a duration column counts: minutes unless the export writes milliseconds or seconds. */
export type DurationUnit = "min" | "s" | "ms";

/** A column an export may have: its name (lower-cased), the field it holds, and for a duration the unit of a bare number. */
export type PresetColumn = readonly [column: string, field: CrmField, unit?: DurationUnit];

export interface Preset {
  /**
   * Columns the export may have, in order of preference for each field. Each
   * row reads a field from the first of its columns the file has that is not
   * empty in that row (a Salesforce event has a Duration, a call a Call
   * Duration).
   */
  columns: readonly PresetColumn[];
  /** The export's type values, lower-cased → acct type (or SKIP_TYPE). */
  types: Readonly<Record<string, string>>;
  /** date-fns formats the export writes dates in, tried in order. */
  dateFormats: readonly string[];
  /**
   * The first line of a footer the export appends after the rows, one field a
   * line (a Salesforce report ends with its totals and a copyright notice):
   * from such a line on, lines of one field are not rows.
   */
  footer?: RegExp;
  /** A start and an end column (lower-cased) whose difference is the minutes when no duration column has them (HubSpot meetings). */
  span?: readonly [start: string, end: string];
}

/** Times that may follow a date (exports write date and time in one column); a time without an offset is local, so only its date counts. */
const TIME_SUFFIXES = ["", " HH:mm", " HH:mm:ss", " h:mm a", " h:mm:ss a", " h:mma", "'T'HH:mm", "'T'HH:mm:ss", ", h:mm a", ", HH:mm"];

/*
 * What each preset reads, and where it comes from (README, "CRM activity
 * exports", says which export and how to get it):
 * - HubSpot: the default activity properties' labels (HubSpot's knowledge
 *   base, "HubSpot's default activity properties"; the CRM properties API):
 *   Record ID (hs_object_id), Activity date (hs_timestamp), Call duration
 *   (hs_call_duration, in milliseconds), Call notes, Call Title, Meeting
 *   name, Email subject, Note body, Body preview; engagement types CALL,
 *   EMAIL, INCOMING_EMAIL, FORWARDED_EMAIL, MEETING, NOTE, TASK. An export's
 *   association column is "Associated Contact". Not verified against a real
 *   file: the "Activity type" column name and the date form of the export.
 * - Salesforce: the field labels of Task, Event and the activity views
 *   (Salesforce Field Reference): Activity ID, Date (Due Date on a task),
 *   Type, Activity Subtype, Name, Duration (an event's, in minutes), Call
 *   Duration (a task's, in seconds), Subject, Comments, Description.
 * - Pipedrive: "Entity - Field" headers (Pipedrive's sample import sheets);
 *   due date YYYY-MM-DD and duration HH:MM (Pipedrive's activities API);
 *   default types call, meeting, task, deadline, email, lunch.
 */
export const PRESETS: Readonly<Record<string, Preset>> = {
  // HubSpot: an activities export (CRM › Activities, or a report on activities) with an Activity type column.
  hubspot: {
    columns: [
      ["activity id", "id"],
      ["record id", "id"],
      ["activity date", "date"],
      ["create date", "date"],
      ["activity type", "type"],
      ["associated contact", "contact"],
      ["associated contacts", "contact"],
      ["call duration", "minutes", "ms"],
      ["call and meeting duration", "minutes"],
      ["meeting outcome", "status"],
      ["call status", "status"],
      ["meeting duration", "minutes"],
      ["body preview", "note"],
      ["call title", "note"],
      ["meeting name", "note"],
      ["email subject", "note"],
      ["call notes", "note"],
      ["note body", "note"],
      ["body", "note"],
    ],
    types: {
      call: "call",
      email: "email",
      "email reply": "email",
      meeting: "meeting",
      "incoming email": "email",
      incoming_email: "email",
      "forwarded email": "email",
      forwarded_email: "email",
    },
    dateFormats: ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"],
    span: ["meeting start time", "meeting end time"],
  },
  // Salesforce: a "Tasks and Events" report, Export › Details Only, CSV.
  salesforce: {
    columns: [
      ["activity id", "id"],
      ["date", "date"],
      ["due date", "date"],
      ["start", "date"],
      ["type", "type"],
      ["activity subtype", "type"],
      ["name", "contact"],
      ["contact", "contact"],
      ["company / account", "contact"],
      ["account", "contact"],
      ["duration", "minutes"],
      ["duration (minutes)", "minutes"],
      ["call duration", "minutes", "s"],
      ["status", "status"],
      ["subject", "note"],
      ["comments", "note"],
      ["description", "note"],
    ],
    types: { call: "call", email: "email", "list email": "email", listemail: "email", meeting: "meeting", event: "meeting" },
    dateFormats: ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"],
    footer: /^(grand totals?\b|total\b|confidential information\b|copyright\b|generated by\b)/i,
  },
  // Pipedrive: Activities › list view › "..." › Export filter results, CSV.
  pipedrive: {
    columns: [
      ["activity - id", "id"],
      ["id", "id"],
      ["activity - pipedrive system id", "id"],
      ["activity - due date", "date"],
      ["due date", "date"],
      ["activity - type", "type"],
      ["type", "type"],
      ["activity - contact person", "contact"],
      ["contact person", "contact"],
      ["activity - person", "contact"],
      ["activity - organization", "contact"],
      ["organization", "contact"],
      ["activity - duration", "minutes"],
      ["duration", "minutes"],
      ["activity - done", "status"],
      ["done", "status"],
      ["activity - subject", "note"],
      ["subject", "note"],
    ],
    types: { call: "call", email: "email", meeting: "meeting", lunch: "meeting" },
    dateFormats: ["yyyy-MM-dd", "MM/dd/yyyy", "dd.MM.yyyy"],
  },
  // Any CSV whose columns are named after acct's fields (date, type, …, id).
  generic: {
    columns: CRM_FIELDS.map((f) => [f, f] as const),
    types: {},
    dateFormats: ["yyyy-MM-dd"],
  },
};

export const PRESET_NAMES = Object.keys(PRESETS);

/** The preset named by `--from`; a typo is a usage error naming the closest. */
export function presetNamed(name: string): Preset {
  const key = name.trim().toLowerCase();
  const preset = PRESETS[key];
  if (preset) return preset;
  const near = closest(key, PRESET_NAMES);
  throw usageError(`unknown --from '${name}'`, `${near ? `did you mean '${near}'? ` : ""}presets: ${PRESET_NAMES.join(", ")}`);
}

/** `A=x,B=y` → [["A","x"],["B","y"]]; the last `=` splits, so a column may hold one. */
function pairs(flag: string, text: string): [string, string][] {
  return text
    .split(",")
    .filter((p) => p.trim() !== "")
    .map((p) => {
      const eq = p.lastIndexOf("=");
      // An empty value is a column without a type value (--types '=meeting'), not an empty column name.
      if (eq < 0 || (eq === 0 && flag !== "--types"))
        throw usageError(
          `${flag} '${p.trim()}' is not ${flag === "--types" ? "Value=type" : "Column=field"}`,
          `for example: ${flag === "--types" ? "--types 'Phone call=call,Lunch=meeting,Task=skip'" : "--map 'Activity date=date,Subject=note'"}`,
        );
      return [
        p.slice(0, eq).trim(),
        p
          .slice(eq + 1)
          .trim()
          .toLowerCase(),
      ];
    });
}

/** `--map`: column → field ("" ignores the column). An unknown field is a usage error. */
export function parseMap(text: string): [string, CrmField | ""][] {
  return pairs("--map", text).map(([column, field]) => {
    if (field !== "" && !(CRM_FIELDS as readonly string[]).includes(field)) {
      const near = closest(field, CRM_FIELDS);
      throw usageError(`--map: unknown field '${field}' for column '${column}'`, `${near ? `did you mean '${near}'? ` : ""}fields: ${CRM_FIELDS.join(", ")}`);
    }
    return [column, field as CrmField | ""];
  });
}

/** `--types`: export value (lower-cased) → acct type or SKIP_TYPE. An unknown type is a usage error. */
export function parseTypes(text: string, customTypes: readonly string[]): [string, string][] {
  return pairs("--types", text).map(([value, type]) => {
    if (type === SKIP_TYPE) return [value.toLowerCase(), SKIP_TYPE];
    try {
      return [value.toLowerCase(), resolveType(type, customTypes)];
    } catch (error) {
      if (error instanceof AcctError) throw new AcctError(`--types: ${error.message}`, error.exitCode, error.hint);
      throw error;
    }
  });
}

/** Checks a `--date-format`: date-fns tokens naming a year, a month and a day. */
export function checkDateFormat(format: string): void {
  const bare = format.replace(/'[^']*'/g, "");
  if (!/y/.test(bare) || !/[ML]/.test(bare) || !/d/.test(bare)) {
    throw usageError(`--date-format '${format}' does not name a year, a month and a day`, "use date-fns tokens, e.g. MM/dd/yyyy or dd.MM.yyyy");
  }
  try {
    parse("2000-01-01", format, new Date(2000, 0, 1));
  } catch (error) {
    throw usageError(`--date-format '${format}' is not a date-fns format: ${(error as Error).message}`, "use date-fns tokens, e.g. MM/dd/yyyy or dd.MM.yyyy");
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const REFERENCE = new Date(2000, 0, 1);
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A step of a date form the fast reader knows: a number (`y` 1–4 digits, `M` and `d` 1–2) or literal text. */
type DateStep = "y" | "M" | "d" | { text: string };

/**
 * A date-fns format made only of `yyyy`, `M`/`MM`, `d`/`dd` and literal
 * punctuation (each number followed by punctuation or the end) as steps the
 * fast reader follows; null for any other format, which date-fns reads.
 */
function compileDateForm(format: string): DateStep[] | null {
  const steps: DateStep[] = [];
  for (let i = 0; i < format.length; ) {
    const c = format[i] as string;
    if (c === "y" || c === "M" || c === "d") {
      let j = i;
      while (format[j] === c) j++;
      if (c === "y" ? j - i !== 4 : j - i > 2) return null;
      if (steps.includes(c) || /[0-9A-Za-z']/.test(format[j] ?? "-") === true) return null;
      steps.push(c);
      i = j;
    } else if (/[0-9A-Za-z']/.test(c)) {
      return null;
    } else {
      const last = steps[steps.length - 1];
      if (typeof last === "object") last.text += c;
      else steps.push({ text: c });
      i++;
    }
  }
  return steps.includes("y") && steps.includes("M") && steps.includes("d") ? steps : null;
}

/**
 * Whether `v` from `at` on is nothing, or a time in one of TIME_SUFFIXES'
 * forms that date-fns surely accepts (`09:30`, `9:30:15 PM`, `T14:00`).
 * False means "not sure", never "date-fns refuses it".
 */
function isPlainTime(v: string, at: number): boolean {
  const end = v.length;
  if (at === end) return true;
  let p = at;
  const lead = v.charCodeAt(p);
  const comma = lead === 44;
  if (comma) {
    if (v.charCodeAt(p + 1) !== 32) return false;
    p += 2;
  } else if (lead === 32 || lead === 84) p++;
  else return false;
  const num = (): number => {
    const a = v.charCodeAt(p) - 48;
    if (!(a >= 0 && a <= 9)) return -1;
    const b = v.charCodeAt(++p) - 48;
    if (!(b >= 0 && b <= 9)) return a;
    p++;
    return a * 10 + b;
  };
  const hour = num();
  if (hour < 0 || v.charCodeAt(p++) !== 58) return false;
  const minute = num();
  if (minute < 0 || minute > 59) return false;
  let seconds = false;
  if (v.charCodeAt(p) === 58) {
    p++;
    const second = num();
    if (second < 0 || second > 59) return false;
    seconds = true;
  }
  // 24-hour: " HH:mm", " HH:mm:ss", "'T'HH:mm", "'T'HH:mm:ss", ", HH:mm".
  if (p === end) return hour <= 23 && !(comma && seconds);
  // 12-hour: " h:mm a", " h:mm:ss a", " h:mma", ", h:mm a".
  if (lead === 84 || (comma && seconds) || hour < 1 || hour > 12) return false;
  if (v.charCodeAt(p) === 32) p++;
  else if (comma || seconds) return false;
  const a = v.charCodeAt(p) | 32;
  return p + 2 === end && (a === 97 || a === 112) && (v.charCodeAt(p + 1) | 32) === 109;
}

/**
 * A date by `steps`: the YYYY-MM-DD date; "no" when date-fns would refuse
 * the value in this form whatever time follows (the numbers are read exactly
 * as date-fns reads them, and a year before 1000 is refused either way); null
 * when only date-fns can tell (an unusual time after a good date).
 */
function readDateBySteps(v: string, steps: readonly DateStep[]): IsoDate | "no" | null {
  let p = 0;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const step of steps) {
    if (typeof step === "object") {
      if (!v.startsWith(step.text, p)) return "no";
      p += step.text.length;
      continue;
    }
    const max = step === "y" ? 4 : 2;
    let n = 0;
    let digits = 0;
    for (; digits < max; digits++, p++) {
      const c = v.charCodeAt(p) - 48;
      if (!(c >= 0 && c <= 9)) break;
      n = n * 10 + c;
    }
    if (digits === 0) return "no";
    if (step === "y") year = n;
    else if (step === "M") month = n;
    else day = n;
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > (month === 2 ? (isLeapYear(year) ? 29 : 28) : (DAYS_IN_MONTH[month] as number))) return "no";
  return isPlainTime(v, p) ? isoDate(year, month, day) : null;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** YYYY-MM-DD, one string per day however many rows share it (an export holds thousands of rows a day at most a few hundred days). */
const isoDates = new Map<number, IsoDate>();
function isoDate(year: number, month: number, day: number): IsoDate {
  const key = year * 10_000 + month * 100 + day;
  let text = isoDates.get(key);
  if (text === undefined) {
    text = `${year}-${pad(month)}-${pad(day)}`;
    if (isoDates.size < 100_000) isoDates.set(key, text);
  }
  return text;
}

/** Reads dates in `formats`, remembering per form the time suffix that worked last (it does not change the date, only the cost). */
function dateReader(formats: readonly string[]): (text: string) => IsoDate | null {
  const steps = formats.map(compileDateForm);
  const lastSuffix = formats.map(() => 0);
  return (text) => {
    const value = text.trim();
    if (ISO_WITH_OFFSET.test(value)) {
      const d = new Date(value);
      return Number.isNaN(d.getTime()) ? null : `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }
    for (let f = 0; f < formats.length; f++) {
      const compiled = steps[f];
      if (compiled) {
        const quick = readDateBySteps(value, compiled);
        if (quick === "no") continue;
        if (quick !== null) return quick;
      }
      const first = lastSuffix[f] as number;
      for (let k = 0; k < TIME_SUFFIXES.length; k++) {
        const s = k === 0 ? first : k <= first ? k - 1 : k;
        const d = parse(value, (formats[f] as string) + TIME_SUFFIXES[s], REFERENCE);
        if (isValid(d) && d.getFullYear() >= 1000) {
          lastSuffix[f] = s;
          return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
        }
      }
    }
    return null;
  };
}

const readers = new WeakMap<readonly string[], (text: string) => IsoDate | null>();

/**
 * A date as written by an export → YYYY-MM-DD, or null. A time may follow;
 * without an offset it is local and only the date counts; with one
 * (`…T10:00:00Z`) it is converted to the local date. The common forms are
 * read by hand; the rest, and anything unusual, by date-fns.
 */
export function readCrmDate(text: string, formats: readonly string[]): IsoDate | null {
  let read = readers.get(formats);
  if (!read) {
    read = dateReader(formats);
    readers.set(formats, read);
  }
  return read(text);
}

/** A date and time as an export writes it (a time is required) → ms since the epoch, or null. */
export function readCrmDateTime(text: string, formats: readonly string[]): number | null {
  const value = text.trim();
  if (ISO_WITH_OFFSET.test(value)) {
    const ms = new Date(value).getTime();
    return Number.isNaN(ms) ? null : ms;
  }
  for (const format of formats) {
    for (const suffix of TIME_SUFFIXES) {
      if (suffix === "") continue;
      const d = parse(value, format + suffix, REFERENCE);
      if (isValid(d) && d.getFullYear() >= 1000) return d.getTime();
    }
  }
  return null;
}

const MINUTES_PER: Record<DurationUnit, number> = { min: 1, s: 60, ms: 60_000 };

/**
 * A duration as exports write it → whole minutes, or null: `45`, `45 min`,
 * `1:30` (h:mm), `00:45:00`, `1h 30m`. A bare number counts `unit`s (HubSpot
 * writes a call's duration in milliseconds, Salesforce in seconds).
 */
export function readMinutes(text: string, unit: DurationUnit = "min"): number | null {
  if (text.length > 0 && text.length <= 15) {
    // Plain digits, the usual cell: no regular expression.
    let n = 0;
    let i = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i) - 48;
      if (!(c >= 0 && c <= 9)) break;
      n = n * 10 + c;
    }
    if (i === text.length) return Math.round(n / MINUTES_PER[unit]);
  }
  const v = text.trim().toLowerCase();
  let m = /^(\d+)(?:[.,]\d+)?\s*(?:m|min|mins|minutes?)?$/.exec(v);
  if (m) {
    const n = Number(v.replace(",", ".").replace(/[^\d.]/g, ""));
    return Math.round(/[a-z]/.test(v) ? n : n / MINUTES_PER[unit]);
  }
  m = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (m) return Number(m[1]) * 60 + Number(m[2]) + Math.round(Number(m[3] ?? 0) / 60);
  m = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$/.exec(v);
  if (m && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return null;
}

export interface CrmOptions {
  preset: string;
  map?: string;
  types?: string;
  dateFormat?: string;
  strict?: boolean;
  today: IsoDate;
  customTypes: readonly string[];
}

export interface CrmEntry extends EntryFields {
  source: string;
  /** The physical line of the row. */
  line: number;
}

export interface CrmRead {
  entries: CrmEntry[];
  /** Rows skipped because nothing maps their type: export value → rows (an empty value counts as NO_TYPE). */
  skipped: Map<string, number>;
  /** Rows skipped because `--types` says skip: export value → rows. */
  skippedByChoice: Map<string, number>;
  /** Rows whose status says the activity did not happen: status value → rows. */
  notDone: Map<string, number>;
  /** Rows dated after today: activities scheduled, not done yet (a CRM's export holds both). */
  scheduled: number;
  /** Header columns nothing maps, as the file spells them. */
  ignoredColumns: string[];
  /** Field → the column it is read from (`A or B` when a row without A reads B). */
  used: Partial<Record<CrmField, string>>;
  rows: number;
}

function atLine(line: number, error: unknown): never {
  if (error instanceof AcctError) throw new AcctError(`line ${line}: ${error.message}`, error.exitCode, error.hint);
  throw error;
}

/** A column a field is read from: its index in the header, and what a bare number in it counts. */
interface Source {
  at: number;
  unit: DurationUnit;
}

/**
 * Which header columns each field reads, in order: the user's `--map` (one
 * column), else every column of the preset's the file has (a row reads the
 * first that is not empty).
 */
function chooseColumns(header: string[], preset: Preset, userMap: [string, CrmField | ""][], line: number, presetName: string) {
  const lower = header.map((h) => h.trim().toLowerCase());
  const unitOf = (column: string) => preset.columns.find(([c, f]) => c === column && f === "minutes")?.[2] ?? "min";
  const byField = new Map<CrmField, Source[]>();
  const mapped = new Set<CrmField>();
  const taken = new Set<number>();
  for (const [column, field] of userMap) {
    const at = lower.indexOf(column.toLowerCase());
    if (at === -1) {
      const near = closest(column.toLowerCase(), lower);
      throw usageError(
        `--map: the file has no column '${column}'`,
        near ? `did you mean '${header[lower.indexOf(near)]?.trim()}'?` : `columns: ${header.map((h) => h.trim()).join(", ")}`,
      );
    }
    taken.add(at);
    if (field !== "") {
      if (byField.has(field)) throw usageError(`--map: two columns map to '${field}'`);
      byField.set(field, [{ at, unit: unitOf(lower[at] as string) }]);
      mapped.add(field);
    }
  }
  for (const [column, field, unit] of preset.columns) {
    if (mapped.has(field)) continue;
    const at = lower.indexOf(column);
    if (at !== -1 && !taken.has(at)) {
      const sources = byField.get(field) ?? [];
      sources.push({ at, unit: unit ?? "min" });
      byField.set(field, sources);
      taken.add(at);
    }
  }
  for (const required of ["date", "type"] as const) {
    if (!byField.has(required)) {
      const expected = preset.columns.filter(([, f]) => f === required).map(([c]) => `'${c}'`);
      throw usageError(
        `line ${line}: no column for ${required}${expected.length ? ` (${presetName} exports name it ${expected.join(" or ")})` : ""}`,
        `name it with --map 'Column=${required}'`,
      );
    }
  }
  return byField;
}

const NO_SOURCES: readonly Source[] = [];

/**
 * A record id as a key: the number itself when the id is a whole number
 * written plainly (no sign, no leading zero, at most 15 digits), which a map
 * finds several times faster than a string; else the id. No number key equals
 * a string key, and two ids get the same key only when they are the same text.
 */
function idKey(id: string): string | number {
  const length = id.length;
  if (length > 15 || (id.charCodeAt(0) === 48 && length > 1)) return id;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return id;
    n = n * 10 + d;
  }
  return n;
}

/** The first of `sources` not empty in this row, trimmed; "" when all are. Sets `picked` to its index in `sources`. */
function firstCell(values: readonly string[], sources: readonly Source[], picked?: { index: number }): string {
  for (let i = 0; i < sources.length; i++) {
    const value = values[(sources[i] as Source).at];
    if (value === undefined || value === "") continue;
    const text = value.trim();
    if (text === "") continue;
    if (picked) picked.index = i;
    return text;
  }
  return "";
}

/**
 * Reads a CRM export (`,`, `;` or tab delimited, BOM or not) into entries,
 * all or nothing: the first bad row stops the read with its line. Rows whose
 * type nothing maps are skipped and counted (an error with `strict`).
 */
export function entriesFromCrm(text: string, options: CrmOptions): CrmRead {
  const presetName = options.preset.trim().toLowerCase();
  const preset = presetNamed(presetName);
  const userMap = options.map ? parseMap(options.map) : [];
  const typeMap = new Map<string, string>(Object.entries(preset.types));
  for (const [value, type] of options.types ? parseTypes(options.types, options.customTypes) : []) typeMap.set(value, type);
  if (options.dateFormat !== undefined) checkDateFormat(options.dateFormat);
  const formats = options.dateFormat !== undefined ? [options.dateFormat] : preset.dateFormats;
  const readDate = dateReader(formats);
  const result: CrmRead = {
    entries: [],
    skipped: new Map(),
    skippedByChoice: new Map(),
    notDone: new Map(),
    scheduled: 0,
    ignoredColumns: [],
    used: {},
    rows: 0,
  };
  let header: string[] | null = null;
  let columns = 0;
  // The line a footer starts on (see Preset.footer), once one has.
  let footerLine: number | null = null;
  let byField = new Map<CrmField, Source[]>();
  let typeSources = NO_SOURCES;
  let dateSources = NO_SOURCES;
  let minuteSources = NO_SOURCES;
  let countSources = NO_SOURCES;
  let amountSources = NO_SOURCES;
  let contactSources = NO_SOURCES;
  let noteSources = NO_SOURCES;
  let idSources = NO_SOURCES;
  let statusSources = NO_SOURCES;
  let spanAt: [number, number] | null = null;
  const picked = { index: 0 };
  // Type values are few: each is mapped once (null: nothing maps it, or skip).
  const typeOf = new Map<string, string | null>();
  const resolved = new Map<string, string>();
  const dates = new Set<string>();
  const ranks = new Map<string, number>();
  // Record id → the line it is first on.
  const firstLineOf = new Map<string | number, number>();
  const fields = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as Record<(typeof CSV_COLUMNS)[number], string>;
  readCsv(
    text,
    ({ line, fields: values }) => {
      if (header === null) {
        header = values;
        columns = values.length;
        byField = chooseColumns(values, preset, userMap, line, presetName);
        const read = new Set([...byField.values()].flatMap((sources) => sources.map((s) => s.at)));
        const lower = values.map((h) => h.trim().toLowerCase());
        const span = preset.span?.map((column) => lower.indexOf(column));
        if (span && (span[0] as number) >= 0 && (span[1] as number) >= 0 && !read.has(span[0] as number) && !read.has(span[1] as number)) {
          spanAt = span as [number, number];
          for (const at of spanAt) read.add(at);
        }
        result.ignoredColumns = values.filter((_, i) => !read.has(i)).map((h) => h.trim());
        for (const [field, sources] of byField) result.used[field] = sources.map((s) => (values[s.at] ?? "").trim()).join(" or ");
        if (spanAt) {
          const between = `${(values[spanAt[0]] ?? "").trim()} to ${(values[spanAt[1]] ?? "").trim()}`;
          result.used.minutes = result.used.minutes === undefined ? between : `${result.used.minutes} or ${between}`;
        }
        const sourcesOf = (field: CrmField) => byField.get(field) ?? NO_SOURCES;
        typeSources = sourcesOf("type");
        dateSources = sourcesOf("date");
        minuteSources = sourcesOf("minutes");
        idSources = sourcesOf("id");
        statusSources = sourcesOf("status");
        countSources = sourcesOf("count");
        amountSources = sourcesOf("amount");
        contactSources = sourcesOf("contact");
        noteSources = sourcesOf("note");
        return;
      }
      if (footerLine !== null) {
        if (values.length === 1) return;
        // A row after what looked like the footer: that line was a bad row after all.
        throw usageError(`line ${footerLine}: expected ${columns} fields, found 1`, "quote fields that contain the delimiter, quotes or line breaks");
      }
      if (values.length !== columns) {
        if (values.length === 1 && columns > 1 && preset.footer?.test((values[0] as string).trim())) {
          footerLine = line;
          return;
        }
        throw usageError(`line ${line}: expected ${columns} fields, found ${values.length}`, "quote fields that contain the delimiter, quotes or line breaks");
      }
      result.rows++;
      try {
        const rawType = firstCell(values, typeSources);
        let type = typeOf.get(rawType);
        if (type === undefined) {
          type = mapType(rawType, typeMap, options.customTypes);
          typeOf.set(rawType, type === SKIP_TYPE ? null : type);
        }
        if (type === null || type === SKIP_TYPE) {
          const value = rawType === "" ? NO_TYPE : rawType;
          if (typeMap.get(rawType.toLowerCase()) === SKIP_TYPE) {
            result.skippedByChoice.set(value, (result.skippedByChoice.get(value) ?? 0) + 1);
            return;
          }
          if (options.strict) {
            throw usageError(
              rawType === "" ? "type is empty" : `no acct type for '${rawType}'`,
              `map it with --types '${rawType}=call' (or =skip), or leave out --strict to skip such rows`,
            );
          }
          result.skipped.set(value, (result.skipped.get(value) ?? 0) + 1);
          return;
        }
        const status = firstCell(values, statusSources);
        if (NOT_DONE.has(status.toLowerCase())) {
          result.notDone.set(status, (result.notDone.get(status) ?? 0) + 1);
          return;
        }
        const rawDate = firstCell(values, dateSources);
        if (rawDate === "") throw usageError("date is empty");
        const date = readDate(rawDate);
        if (date === null)
          throw usageError(`date '${rawDate}' is not in the form ${formats.join(" or ")}`, "give the file's date form with --date-format, e.g. dd.MM.yyyy");
        // Planned, not done: skipped now, imported by a later export once it has happened.
        if (date > options.today) {
          result.scheduled++;
          return;
        }
        const rawMinutes = firstCell(values, minuteSources, picked);
        let minutes = rawMinutes === "" ? null : readMinutes(rawMinutes, (minuteSources[picked.index] as Source).unit);
        if (minutes === null && rawMinutes !== "") throw usageError(`duration '${rawMinutes}' is not minutes, h:mm or h:mm:ss`);
        if (minutes === null && spanAt) minutes = minutesBetween((values[spanAt[0]] ?? "").trim(), (values[spanAt[1]] ?? "").trim(), formats);
        fields.date = date;
        fields.type = type;
        // Minutes in range go in as the number they are; entryFromText words an error about one out of range.
        fields.minutes = minutes === null || minutes <= MAX_COUNT ? "" : String(minutes);
        fields.count = firstCell(values, countSources);
        fields.amount = firstCell(values, amountSources);
        fields.contact = firstCell(values, contactSources);
        fields.note = firstCell(values, noteSources);
        const checked = entryFromText(fields, options.customTypes, options.today, resolved, dates);
        const id = firstCell(values, idSources);
        let source: string;
        if (id !== "") {
          const key = idKey(id);
          const first = firstLineOf.get(key);
          if (first !== undefined) throw usageError(`record id '${id}' appears twice (first on line ${first})`);
          firstLineOf.set(key, line);
          source = `${presetName}:${id}`;
        } else {
          // No record id: the mapped fields and the row's rank among identical rows, so two identical calls both count.
          const digest = hash(
            "sha256",
            JSON.stringify([checked.date, checked.type, checked.count, checked.amountCents, minutes, checked.contact, checked.note, rawType]),
            "hex",
          ).slice(0, 20);
          const rank = (ranks.get(digest) ?? 0) + 1;
          ranks.set(digest, rank);
          source = `${presetName}:#${digest}:${rank}`;
        }
        result.entries.push({
          date: checked.date,
          type: checked.type,
          count: checked.count,
          amountCents: checked.amountCents,
          minutes,
          contact: checked.contact,
          note: checked.note,
          source,
          line,
        });
      } catch (error) {
        atLine(line, error);
      }
    },
    detectDelimiter(text),
  );
  if (header === null) throw usageError("the file is empty: nothing to import", "a CRM export starts with a header line naming its columns");
  return result;
}

/** Whole minutes from a start to an end date-time (null when either is empty; 0 when the end is not after the start). */
function minutesBetween(start: string, end: string, formats: readonly string[]): number | null {
  if (start === "" || end === "") return null;
  const [from, to] = [start, end].map((text) => {
    const ms = readCrmDateTime(text, formats);
    if (ms === null) throw usageError(`meeting time '${text}' is not a date and time in the form ${formats.join(" or ")} with a time`);
    return ms;
  }) as [number, number];
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** An export's type value → acct type: the map (any case), else the name of an acct type itself; null when nothing maps it. */
function mapType(raw: string, typeMap: Map<string, string>, customTypes: readonly string[]): string | null {
  const key = raw.toLowerCase();
  const mapped = typeMap.get(key);
  if (mapped !== undefined) return mapped;
  if ((BUILTIN_TYPES as readonly string[]).includes(key) || customTypes.includes(key)) return key;
  return null;
}

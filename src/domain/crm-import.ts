/**
 * CRM activity exports (HubSpot, Salesforce, Pipedrive, or any CSV): presets
 * that know each export's columns, type values and date forms; `--map`,
 * `--types` and `--date-format` override them key by key. Rows become entries
 * with a source key, so importing the same rows again adds nothing.
 */
import { createHash } from "node:crypto";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { BUILTIN_TYPES, resolveType } from "./activity-types.js";
import { detectDelimiter, readCsv } from "./csv.js";
import type { IsoDate } from "./dates.js";
import { CSV_COLUMNS, type EntryFields, entryFromText } from "./entry-import.js";
import { AcctError, usageError } from "./errors.js";
import { closest } from "./suggest.js";

/** What a column can map to: an entry's field, or `id`, the export's record id (the source key). */
export const CRM_FIELDS = [...CSV_COLUMNS, "id"] as const;
export type CrmField = (typeof CRM_FIELDS)[number];

/** A value `--types` may give to say "skip these rows". */
export const SKIP_TYPE = "skip";

export interface Preset {
  /** Columns the export has, lower-cased, in order of preference for each field. */
  columns: readonly (readonly [string, CrmField])[];
  /** The export's type values, lower-cased → acct type (or SKIP_TYPE). */
  types: Readonly<Record<string, string>>;
  /** date-fns formats the export writes dates in, tried in order. */
  dateFormats: readonly string[];
}

/** Times that may follow a date (exports write date and time in one column); a time without an offset is local, so only its date counts. */
const TIME_SUFFIXES = ["", " HH:mm", " HH:mm:ss", " h:mm a", " h:mm:ss a", " h:mma", "'T'HH:mm", "'T'HH:mm:ss", ", h:mm a", ", HH:mm"];

export const PRESETS: Readonly<Record<string, Preset>> = {
  // HubSpot: CRM > Activities (or a contact's activity view) > Export, "all properties" unticked.
  hubspot: {
    columns: [
      ["activity id", "id"],
      ["record id", "id"],
      ["activity date", "date"],
      ["create date", "date"],
      ["activity type", "type"],
      ["associated contact", "contact"],
      ["associated contacts", "contact"],
      ["call and meeting duration", "minutes"],
      ["meeting duration", "minutes"],
      ["call duration", "minutes"],
      ["body preview", "note"],
      ["body", "note"],
    ],
    types: { call: "call", email: "email", "email reply": "email", meeting: "meeting", "incoming email": "email", "forwarded email": "email" },
    dateFormats: ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"],
  },
  // Salesforce: a "Tasks and Events" report, Export > Details Only, CSV.
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
      ["duration", "minutes"],
      ["duration (minutes)", "minutes"],
      ["subject", "note"],
      ["comments", "note"],
    ],
    types: { call: "call", email: "email", "list email": "email", meeting: "meeting", event: "meeting" },
    dateFormats: ["M/d/yyyy", "MM/dd/yyyy", "yyyy-MM-dd"],
  },
  // Pipedrive: Activities list view > "..." > Export filter results, CSV.
  pipedrive: {
    columns: [
      ["activity - id", "id"],
      ["id", "id"],
      ["activity - due date", "date"],
      ["due date", "date"],
      ["activity - type", "type"],
      ["type", "type"],
      ["activity - contact person", "contact"],
      ["contact person", "contact"],
      ["activity - duration", "minutes"],
      ["duration", "minutes"],
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
      if (eq <= 0) throw usageError(`${flag} '${p.trim()}' is not Column=value`, `for example: ${flag} 'Activity date=date,Subject=note'`);
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

/**
 * A date as written by an export → YYYY-MM-DD, or null. A time may follow;
 * without an offset it is local and only the date counts; with one
 * (`…T10:00:00Z`) it is converted to the local date.
 */
export function readCrmDate(text: string, formats: readonly string[]): IsoDate | null {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  for (const format of formats) {
    for (const suffix of TIME_SUFFIXES) {
      const d = parse(value, format + suffix, REFERENCE);
      if (isValid(d) && d.getFullYear() >= 1000) return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    }
  }
  return null;
}

/** A duration as exports write it → whole minutes, or null: `45`, `45 min`, `1:30` (h:mm), `00:45:00`, `1h 30m`. */
export function readMinutes(text: string): number | null {
  const v = text.trim().toLowerCase();
  let m = /^(\d+)(?:[.,]\d+)?\s*(?:m|min|mins|minutes?)?$/.exec(v);
  if (m) return Math.round(Number(v.replace(",", ".").replace(/[^\d.]/g, "")));
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
  /** Rows skipped because nothing maps their type: export value → rows. */
  skipped: Map<string, number>;
  /** Header columns nothing maps, as the file spells them. */
  ignoredColumns: string[];
  /** Field → the column it is read from. */
  used: Partial<Record<CrmField, string>>;
  rows: number;
}

function atLine(line: number, error: unknown): never {
  if (error instanceof AcctError) throw new AcctError(`line ${line}: ${error.message}`, error.exitCode, error.hint);
  throw error;
}

/** Which header index each field reads: the user's `--map` first, then the preset's first column the file has. */
function chooseColumns(header: string[], preset: Preset, userMap: [string, CrmField | ""][], line: number, presetName: string) {
  const lower = header.map((h) => h.trim().toLowerCase());
  const byField = new Map<CrmField, number>();
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
      byField.set(field, at);
    }
  }
  for (const [column, field] of preset.columns) {
    if (byField.has(field)) continue;
    const at = lower.indexOf(column);
    if (at !== -1 && !taken.has(at)) {
      byField.set(field, at);
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
  const result: CrmRead = { entries: [], skipped: new Map(), ignoredColumns: [], used: {}, rows: 0 };
  let header: string[] | null = null;
  let byField = new Map<CrmField, number>();
  const resolved = new Map<string, string>();
  const dates = new Set<string>();
  const ranks = new Map<string, number>();
  const ids = new Map<string, number>();
  const fields = Object.fromEntries(CSV_COLUMNS.map((c) => [c, ""])) as Record<(typeof CSV_COLUMNS)[number], string>;
  const cell = (values: string[], field: CrmField) => {
    const at = byField.get(field);
    return at === undefined ? "" : (values[at] ?? "").trim();
  };
  readCsv(
    text,
    ({ line, fields: values }) => {
      if (header === null) {
        header = values;
        byField = chooseColumns(values, preset, userMap, line, presetName);
        const read = new Set(byField.values());
        result.ignoredColumns = values.filter((_, i) => !read.has(i)).map((h) => h.trim());
        for (const [field, at] of byField) result.used[field] = (values[at] ?? "").trim();
        return;
      }
      if (values.length !== header.length) {
        throw usageError(
          `line ${line}: expected ${header.length} fields, found ${values.length}`,
          "quote fields that contain the delimiter, quotes or line breaks",
        );
      }
      result.rows++;
      try {
        const rawType = cell(values, "type");
        const type = mapType(rawType, typeMap, options.customTypes);
        if (type === null || type === SKIP_TYPE) {
          if (options.strict || rawType === "") {
            throw usageError(
              rawType === "" ? "type is empty" : `no acct type for '${rawType}'`,
              rawType === "" ? undefined : `map it with --types '${rawType}=call' (or =skip), or leave out --strict to skip such rows`,
            );
          }
          result.skipped.set(rawType, (result.skipped.get(rawType) ?? 0) + 1);
          return;
        }
        const rawDate = cell(values, "date");
        if (rawDate === "") throw usageError("date is empty");
        const date = readCrmDate(rawDate, formats);
        if (date === null)
          throw usageError(`date '${rawDate}' is not in the form ${formats.join(" or ")}`, "give the file's date form with --date-format, e.g. dd.MM.yyyy");
        const rawMinutes = cell(values, "minutes");
        const minutes = rawMinutes === "" ? null : readMinutes(rawMinutes);
        if (minutes === null && rawMinutes !== "") throw usageError(`duration '${rawMinutes}' is not minutes, h:mm or h:mm:ss`);
        fields.date = date;
        fields.type = type;
        fields.count = cell(values, "count");
        fields.amount = cell(values, "amount");
        fields.minutes = minutes === null ? "" : String(minutes);
        fields.contact = cell(values, "contact");
        fields.note = cell(values, "note");
        const entry = entryFromText(fields, options.customTypes, options.today, resolved, dates);
        const id = cell(values, "id");
        let source: string;
        if (id !== "") {
          const first = ids.get(id);
          if (first !== undefined) throw usageError(`record id '${id}' appears twice (first on line ${first})`);
          ids.set(id, line);
          source = `${presetName}:${id}`;
        } else {
          // No record id: the mapped fields and the row's rank among identical rows, so two identical calls both count.
          const digest = createHash("sha256")
            .update(JSON.stringify([entry.date, entry.type, entry.count, entry.amountCents, entry.minutes, entry.contact, entry.note, rawType]))
            .digest("hex")
            .slice(0, 20);
          const rank = (ranks.get(digest) ?? 0) + 1;
          ranks.set(digest, rank);
          source = `${presetName}:#${digest}:${rank}`;
        }
        result.entries.push({ ...entry, source, line });
      } catch (error) {
        atLine(line, error);
      }
    },
    detectDelimiter(text),
  );
  if (header === null) throw usageError("the file is empty: nothing to import", "a CRM export starts with a header line naming its columns");
  return result;
}

/** An export's type value → acct type: the map (any case), else the name of an acct type itself; null when nothing maps it. */
function mapType(raw: string, typeMap: Map<string, string>, customTypes: readonly string[]): string | null {
  const key = raw.toLowerCase();
  const mapped = typeMap.get(key);
  if (mapped !== undefined) return mapped;
  if ((BUILTIN_TYPES as readonly string[]).includes(key) || customTypes.includes(key)) return key;
  return null;
}

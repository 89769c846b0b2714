/**
 * Whole-database export and restore. The JSON document holds every data
 * table's rows as stored (column names from the schema, money in cents), so
 * tables and columns added by later migrations travel without changes here.
 */
import type { Statement } from "better-sqlite3";
import type { IsoDate } from "../domain/dates.js";
import { usageError } from "../domain/errors.js";
import { checkRestoreTables } from "../domain/restore-rules.js";
import { openMemory, type Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";
import { MIGRATIONS } from "./migrations.js";

export const EXPORT_FORMAT = "acct-export";
export const EXPORT_VERSION = 1;

type Value = string | number | null;
type Row = Record<string, Value>;

export interface ExportDocument {
  format: typeof EXPORT_FORMAT;
  version: number;
  schema: number;
  exportedAt: string;
  tables: Record<string, Row[]>;
}

/** Tables that are derived (totals) or history (undo journal), not data. */
const NOT_DATA = new Set(["daily_totals", "weekly_totals", "journal"]);

/** Parents before children, so foreign keys hold while restoring. */
const ORDER = [
  "settings",
  "plans",
  "plan_revisions",
  "custom_types",
  "weekly_targets",
  "target_changes",
  "days_off",
  "opportunities",
  "opp_moves",
  "opp_reviews",
  "entries",
  "blocks",
  "block_marks",
  "commitments",
  "reviews",
  "buddy_notes",
];

/** The data tables of the open file, in restore order. */
export function dataTables(db: Db): string[] {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !NOT_DATA.has(n));
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

interface ColumnInfo {
  name: string;
  pk: number;
}

function columnsOf(db: Db, table: string): ColumnInfo[] {
  return db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as ColumnInfo[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every data table's rows, in primary-key order. */
export function exportDatabase(db: Db | null, schema: number, at: string): ExportDocument {
  const tables: Record<string, Row[]> = {};
  if (db) {
    for (const table of dataTables(db)) {
      const keys = columnsOf(db, table)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => quote(c.name));
      tables[table] = db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${keys.length ? keys.join(", ") : "rowid"}`).all() as Row[];
    }
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, schema, exportedAt: at, tables };
}

/** Whether any data table holds a row. */
export function hasData(db: Db): boolean {
  return dataTables(db).some((t) => db.prepare(`SELECT 1 FROM ${quote(t)} LIMIT 1`).get() !== undefined);
}

/** Checks the document's shape; throws a usage error naming what is wrong. */
export function checkDocument(value: unknown): ExportDocument {
  const doc = value as Partial<ExportDocument> | null;
  if (typeof doc !== "object" || doc === null || doc.format !== EXPORT_FORMAT) {
    throw usageError(`not an acct export (expected "format": "${EXPORT_FORMAT}")`);
  }
  if (doc.version !== EXPORT_VERSION) throw usageError(`export version ${String(doc.version)} is not supported (this acct reads version ${EXPORT_VERSION})`);
  if (typeof doc.tables !== "object" || doc.tables === null) throw usageError('the export has no "tables"');
  for (const [table, rows] of Object.entries(doc.tables)) {
    if (!Array.isArray(rows)) throw usageError(`tables.${table} is not a list of rows`);
    for (const [i, row] of rows.entries()) {
      if (typeof row !== "object" || row === null || Array.isArray(row)) throw usageError(`tables.${table}[${i}] is not an object`);
      for (const [column, v] of Object.entries(row as object)) {
        if (v !== null && typeof v !== "string" && typeof v !== "number") throw usageError(`tables.${table}[${i}].${column} is not text, a number or null`);
      }
    }
  }
  return doc as ExportDocument;
}

/**
 * Inserts every row of `doc` into `db` (which should hold no data), journaling
 * the inserts as one undo step. Unknown tables or columns and rows that break
 * a rule (the domain's restore rules, with `today` as the day nothing may
 * come after, then the schema's) are usage errors naming the table and row,
 * found before anything is inserted. Returns rows per table.
 */
export function restoreDatabase(db: Db, doc: ExportDocument, journal: JournalEntry | null, today: IsoDate): Record<string, number> {
  const tables = dataTables(db);
  for (const table of Object.keys(doc.tables)) {
    if (!tables.includes(table)) throw usageError(`the export has an unknown table ${JSON.stringify(table)}`);
    const names = new Set(columnsOf(db, table).map((c) => c.name));
    for (const [i, row] of (doc.tables[table] ?? []).entries()) {
      for (const column of Object.keys(row)) if (!names.has(column)) throw usageError(`tables.${table}[${i}]: unknown column ${JSON.stringify(column)}`);
    }
  }
  checkRestoreTables(doc.tables, today);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const rows = doc.tables[table] ?? [];
    counts[table] = rows.length;
    if (rows.length === 0) continue;
    const columns = columnsOf(db, table);
    const keys = columns.filter((c) => c.pk > 0).map((c) => c.name);
    const byId = keys.length === 1 && keys[0] === "id";
    const statements = new Map<string, Statement>();
    let minId = Infinity;
    let maxId = -Infinity;
    for (const [i, row] of rows.entries()) {
      const where = `tables.${table}[${i}]`;
      const given = Object.keys(row);
      if (byId && !(typeof row.id === "number" && Number.isInteger(row.id))) throw usageError(`${where}: id is missing or not a whole number`);
      const signature = given.join(",");
      let insert = statements.get(signature);
      if (!insert) {
        insert = db.prepare(`INSERT INTO ${quote(table)} (${given.map(quote).join(", ")}) VALUES (${given.map(() => "?").join(", ")})`);
        statements.set(signature, insert);
      }
      try {
        insert.run(...given.map((c) => row[c] as Value));
      } catch (error) {
        throw usageError(
          `${where}: ${(error as Error).message.replace(/^(CHECK|NOT NULL|UNIQUE|FOREIGN KEY) constraint failed/, "breaks a rule of the table ($1)")}`,
        );
      }
      if (byId) {
        const id = Number(row.id);
        minId = Math.min(minId, id);
        maxId = Math.max(maxId, id);
      } else {
        journal?.inserted(table, Object.fromEntries(keys.map((k) => [k, row[k] as Value])));
      }
    }
    if (byId && journal) journal.insertedRange(table, minId, maxId);
  }
  return counts;
}

/**
 * Restores `doc` into a fresh in-memory database: every rule the real restore
 * would meet, checked without touching the data file.
 */
export function checkRestore(doc: ExportDocument, today: IsoDate): Record<string, number> {
  const memory = openMemory();
  try {
    memory.pragma("foreign_keys = ON");
    for (const migration of MIGRATIONS) memory.exec(migration);
    return memory.transaction(() => restoreDatabase(memory, doc, null, today))();
  } finally {
    memory.close();
  }
}

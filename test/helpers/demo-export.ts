/** A real JSON export to restore: the demo's sample year with a buddy, as `acct export` writes it. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { acct, tempDb } from "./in-process.js";

export type ExportRow = Record<string, string | number | null>;

export interface ExportDoc {
  format: string;
  version: number;
  schema: number;
  exportedAt: string;
  tables: Record<string, ExportRow[]>;
}

/** Today of the demo and of every restore and read made from it (a Thursday). */
export const DEMO_NOW = "2026-03-12";

/** Builds the demo file, gives it a buddy, and returns its JSON export (text). */
export async function demoExportText(): Promise<string> {
  const db = tempDb();
  expect((await acct(db, ["demo"], { now: DEMO_NOW })).code).toBe(0);
  expect((await acct(db, ["buddy", "set", "Sam Lee", "--email", "sam@example.com"], { now: DEMO_NOW })).code).toBe(0);
  const out = join(dirname(db), "demo.json");
  expect((await acct(db, ["export", "--out", out], { now: DEMO_NOW })).code).toBe(0);
  return readFileSync(out, "utf8");
}

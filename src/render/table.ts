/** cli-table3 (bundled, and set up only by the commands that draw a table). */
import type { ChalkInstance } from "chalk";

export type Cell = string | number;

/** Draws rows under a header; numbers are right-aligned. */
export async function renderTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  style: ChalkInstance,
  align?: readonly ("left" | "right")[],
): Promise<string> {
  const { default: Table } = await import("cli-table3");
  const table = new Table({
    head: head.map((h) => style.bold(h)),
    style: { head: [], border: [] },
    // No rule between body rows: long tables stay readable on one screen.
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: (align ?? head.map((_, i) => (i === 0 ? "left" : "right"))) as ("left" | "right")[],
  });
  for (const row of rows) table.push(row.map((c) => String(c)));
  return table.toString();
}

/** cli-table3 (bundled, and set up only by the commands that draw a table). */
import type { ChalkInstance } from "chalk";
import { cutLines, displayWidth, truncateToWidth, wrapToWidth } from "./text-width.js";

export type Cell = string | number;

/** How a table keeps within a terminal's width. */
export interface TableFit {
  /** The width it may take (Infinity: its own). */
  width: number;
  /** The columns that give up room when the table is too wide, their text cut with `…` (or wrapped). */
  shrink: readonly number[];
  /** `wrap`: the shrunk columns' text goes on to more lines of the row, rows then ruled apart; default `cut`. */
  overflow?: "cut" | "wrap";
}

/** The columns' widths, the widest of `shrink` narrowed first, one column at a time, until the table fits `width` (each keeps its heading). */
function fitWidths(natural: readonly number[], minimum: readonly number[], { width, shrink }: TableFit): number[] {
  const widths = [...natural];
  // A cell is padded by one space each side, and every column has a border before it; one more closes the row.
  let excess = widths.reduce((sum, w) => sum + w + 3, 1) - width;
  while (excess > 0) {
    let widest = -1;
    for (const i of shrink)
      if ((widths[i] as number) > (minimum[i] as number) && (widest < 0 || (widths[i] as number) > (widths[widest] as number))) widest = i;
    if (widest < 0) break;
    widths[widest] = (widths[widest] as number) - 1;
    excess--;
  }
  return widths;
}

/**
 * Draws rows under a header; numbers are right-aligned. With `fit`, a table
 * wider than `fit.width` narrows its `shrink` columns, and any line still
 * too wide (the other columns alone overflow) is cut.
 */
export async function renderTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  style: ChalkInstance,
  align?: readonly ("left" | "right")[],
  fit?: TableFit,
): Promise<string> {
  const { default: Table } = await import("cli-table3");
  let body = rows.map((row) => row.map((c) => String(c)));
  let wrapped = false;
  if (fit && Number.isFinite(fit.width)) {
    const natural = head.map((h, i) => Math.max(displayWidth(h), ...body.map((row) => displayWidth(row[i] ?? ""))));
    const widths = fitWidths(
      natural,
      head.map((h) => displayWidth(h)),
      fit,
    );
    body = body.map((row) =>
      row.map((text, i) => {
        const w = widths[i] as number;
        if (displayWidth(text) <= w) return text;
        if (fit.overflow !== "wrap") return truncateToWidth(text, w);
        wrapped = true;
        return wrapToWidth(text, w).join("\n");
      }),
    );
  }
  const table = new Table({
    head: head.map((h) => style.bold(h)),
    style: { head: [], border: [] },
    // No rule between body rows, so long tables stay readable on one screen; rows that take several lines are ruled apart.
    chars: wrapped ? {} : { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
    colAligns: (align ?? head.map((_, i) => (i === 0 ? "left" : "right"))) as ("left" | "right")[],
  });
  for (const row of body) table.push(row);
  const text = table.toString();
  return fit ? cutLines(text, fit.width) : text;
}

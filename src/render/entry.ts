/** Entries as text: the one-line echo of `acct log` and the rows of `acct log list`. */
import type { Entry } from "../domain/entry.js";
import { visibleControls as v } from "./escape.js";
import { formatMoney, formatNumber } from "./format.js";
import type { RenderOptions } from "./options.js";

/** `3 calls` / `1 meeting` / `2 linkedin`. */
export function countOfType(count: number, type: string): string {
  if (count === 1) return `1 ${type}`;
  const plural = type === "opportunity" ? "opportunities" : ["call", "email", "meeting", "deal"].includes(type) ? `${type}s` : type;
  return `${formatNumber(count)} ${plural}`;
}

/** One line: `#12 2026-03-12 3 calls, $42,000, 30 min, Acme: note`. */
export function describeEntry(entry: Entry, { style, currency }: RenderOptions): string {
  const details = [
    entry.amountCents === null ? null : formatMoney(entry.amountCents / 100, currency),
    entry.minutes === null ? null : `${formatNumber(entry.minutes)} min`,
    entry.contact === null ? null : v(entry.contact),
  ].filter((d): d is string => d !== null);
  const head = `${style.dim(`#${entry.id}`)} ${entry.date} ${style.bold(countOfType(entry.count, v(entry.type)))}`;
  return `${head}${details.length ? `, ${details.join(", ")}` : ""}${entry.note === null ? "" : `: ${v(entry.note)}`}`;
}

/** Table cells for `acct log list`. */
export function entryCells(entry: Entry, currency: string): (string | number)[] {
  return [
    entry.id,
    entry.date,
    v(entry.type),
    entry.count,
    entry.amountCents === null ? "" : formatMoney(entry.amountCents / 100, currency),
    entry.minutes ?? "",
    v(entry.contact ?? ""),
    v(entry.note ?? ""),
  ];
}

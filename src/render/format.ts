/**
 * How figures read on every text page (audit, status, plan, lists, Markdown),
 * one convention so that the same figure reads the same everywhere:
 *
 * - counts (calls, meetings, deals, custom types): whole from 10 up, one
 *   decimal below 10, where a fraction still means something (a week's 4.6
 *   meetings, 0.6 deals); `formatCompactCount` shortens 10,000 up to `12.3k`
 *   for a narrow column;
 * - money: full (`$4,069`, cents only when there are any) in sentences and
 *   in wide tables; in a narrow column every cell compact (`$950`, `$4.1k`,
 *   `$20.3k`, `$210k`, `$1.2m`), never the two mixed in one column;
 * - percentages: `47.9%`, no space, at most one decimal;
 * - working days: one decimal with their unit, `1 day`, `2.5 days`, signed
 *   `+1 day`, `−2.5 days` (a true minus sign); a Buffer column of days is the
 *   signed number alone.
 *
 * Every one rounds half away from zero, as JSON figures rounded the same way do.
 */
import { groupDigits } from "../domain/digits.js";

/** `1234.5` → `1,234.5` with at most `decimals` decimals. */
export function formatNumber(n: number, decimals = 0): string {
  return groupDigits(n, decimals);
}

/** A count as text pages show it: `2,237` (whole from 10 up), `4.6`, `0.6` (one decimal below 10). */
export function formatCount(n: number): string {
  return formatNumber(n, Math.abs(n) < 10 ? 1 : 0);
}

/** What goes before an amount: a sign as `€`, a letter code as `EUR ` (so it reads `EUR 1,200`). */
export function currencyPrefix(currency: string): string {
  return /[A-Za-z]$/.test(currency) ? `${currency} ` : currency;
}

/** Currency units → `$1,200,000` or `EUR 1,200,000` (cents shown only when there are any). */
export function formatMoney(units: number, currency: string): string {
  const abs = Math.abs(units);
  const whole = Number.isInteger(Math.round(abs * 100) / 100) ? 0 : 2;
  return `${units < 0 ? "-" : ""}${currencyPrefix(currency)}${groupDigits(abs, whole, true)}`;
}

const UNITS = [
  [1e3, "k"],
  [1e6, "m"],
  [1e9, "b"],
] as const;

/**
 * `abs` in at most four digits and a suffix: `950`, `4.1k`, `20.3k`, `210k`,
 * `1.2m`, `1.5b` — one decimal below 100 of the unit. The unit is the first
 * whose rounded figure stays below 1,000, so 999,960 reads `1m`, not `1,000k`.
 */
function shorten(abs: number): string {
  if (Math.round(abs) < 1000) return groupDigits(abs, 0);
  let text = "";
  for (const [at, suffix] of UNITS) {
    const x = abs / at;
    text = `${groupDigits(x, x < 99.95 ? 1 : 0)}${suffix}`;
    if (Number.parseFloat(text.replace(/,/g, "")) < 1000) break;
  }
  return text;
}

/** Money in a narrow table cell, the same way for every cell of the column: `$950`, `$4.1k`, `$20.3k`, `$210k`, `$1.2m`. */
export function formatCompactMoney(units: number, currency: string): string {
  const text = shorten(Math.abs(units));
  return `${units < 0 && /[1-9]/.test(text) ? "-" : ""}${currencyPrefix(currency)}${text}`;
}

/** A count in a narrow column: as `formatCount`, and from 10,000 up `12.3k`, `1.2m`. */
export function formatCompactCount(n: number): string {
  const abs = Math.abs(n);
  if (Math.round(abs) < 10_000) return formatCount(n);
  return `${n < 0 ? "-" : ""}${shorten(abs)}`;
}

/** `0.25` → `25%`, `0.0461` → `4.6%`, `0.479` → `47.9%`: at most one decimal, no space. */
export function formatRate(rate: number): string {
  return `${formatNumber(rate * 100, 1)}%`;
}

/** Working days with their unit and one decimal: `1 day`, `2.5 days`, `0 days`; `signed` adds `+` or `−`. */
export function formatDays(days: number, signed = false): string {
  const shown = formatNumber(Math.abs(days), 1);
  const sign = !signed || shown === "0" ? "" : days > 0 ? "+" : "−";
  return `${sign}${shown} ${shown === "1" ? "day" : "days"}`;
}

/** A Buffer cell: signed working days with one decimal and no unit (`+1.5`, `−3.2`, `0`), `–` when there is none. */
export function formatBuffer(days: number | null): string {
  if (days === null) return "–";
  const shown = formatNumber(Math.abs(days), 1);
  return `${shown === "0" ? "" : days > 0 ? "+" : "−"}${shown}`;
}

/** A multiple: `3×`, `2.4×`, `0.04×` (two decimals below 1, where one would round a real figure to 0), `833,333×`. */
export function formatTimes(x: number): string {
  return `${formatNumber(x, x < 1 ? 2 : x < 10 ? 1 : 0)}×`;
}

/** Rounds for JSON: counts and money to 2 decimals, rates to 4. */
export function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

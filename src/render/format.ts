/** Number, money and rate formatting shared by the text renderers. */
import { groupDigits } from "../domain/digits.js";

/** `1234.5` → `1,234.5` with at most `decimals` decimals. */
export function formatNumber(n: number, decimals = 0): string {
  return groupDigits(n, decimals);
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

/** `0.25` → `25%`, `0.0461` → `4.6%`. */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  return `${formatNumber(pct, pct < 10 && !Number.isInteger(pct) ? 1 : Number.isInteger(pct) ? 0 : 1)}%`;
}

/** Rounds for JSON: counts and money to 2 decimals, rates to 4. */
export function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

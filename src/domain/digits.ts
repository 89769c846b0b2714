/**
 * `1234567.891` → `1,234,567.89`: en-US digit grouping with at most
 * `decimals` decimals (trailing zeros dropped unless `fixed`). The same text
 * as toLocaleString("en-US"), without it: the first toLocaleString call
 * loads ICU's number formatting, about 15 ms of every command that prints a number.
 */
export function groupDigits(n: number, decimals = 0, fixed = false): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole = "0", rawFraction = ""] = roundHalfExpand(Math.abs(n), decimals).split(".");
  const fraction = fixed ? rawFraction : rawFraction.replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return n < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/**
 * `abs` to `decimals` places, halves away from zero on the number as written
 * (46.15 → 46.2), as Intl does; plain toFixed rounds the binary value (46.1).
 */
function roundHalfExpand(abs: number, decimals: number): string {
  const written = String(abs);
  if (written.includes("e")) return abs.toFixed(decimals);
  return (Math.round(Number(`${written}e${decimals}`)) / 10 ** decimals).toFixed(decimals);
}

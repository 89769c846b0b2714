/** The year-end forecast band: JSON (money to 2 decimals, the probability to 4) and a sentence. */
import type { Band, Forecast } from "../domain/forecast.js";
import { formatCompactMoney, formatNumber, formatRate, round } from "./format.js";

const band = (b: Band, decimals: number) => ({ p10: round(b.p10, decimals), p50: round(b.p50, decimals), p90: round(b.p90, decimals) });

export function forecastToJson(f: Forecast) {
  return { revenue: f.revenue && band(f.revenue, 2), deals: band(f.deals, 2), probability: round(f.probability, 4), runs: f.runs, seed: f.seed };
}

/** "62% likely to reach the target: year-end revenue $1.1m most likely, $0.9m–$1.4m (P10–P90)". */
export function describeForecast(f: Forecast, currency: string): string {
  const chance = `${formatRate(f.probability)} likely to reach the target`;
  if (f.revenue !== null) {
    const m = (x: number) => formatCompactMoney(x, currency);
    return `${chance}: year-end revenue ${m(f.revenue.p50)} most likely, ${m(f.revenue.p10)}–${m(f.revenue.p90)} (P10–P90)`;
  }
  const d = (x: number) => formatNumber(x, 0);
  return `${chance}: ${d(f.deals.p50)} deals by year-end most likely, ${d(f.deals.p10)}–${d(f.deals.p90)} (P10–P90)`;
}

/** The status line's short form: "62% likely to reach the target · $1.1m ($900k–$1.4m by Dec 31)". */
export function describeForecastShort(f: Forecast, currency: string): string {
  const chance = `${formatRate(f.probability)} likely to reach the target`;
  if (f.revenue !== null) {
    const m = (x: number) => formatCompactMoney(x, currency);
    return `${chance} · ${m(f.revenue.p50)} (${m(f.revenue.p10)}–${m(f.revenue.p90)} by Dec 31)`;
  }
  const d = (x: number) => formatNumber(x, 0);
  return `${chance} · ${d(f.deals.p50)} deals (${d(f.deals.p10)}–${d(f.deals.p90)} by Dec 31)`;
}

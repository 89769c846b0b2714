/** Per-type totals as the store returns them, from only the fields a test cares about (one entry each by default). */
import type { TypeTotals } from "../../src/domain/entry.js";

export const typeTotals = (entries: Record<string, Partial<TypeTotals>>): Map<string, TypeTotals> =>
  new Map(Object.entries(entries).map(([type, t]) => [type, { count: 0, amountCents: 0, minutes: 0, entries: 1, ...t }]));

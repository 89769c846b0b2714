/** A logged activity entry, as stored and as shown. Money is integer cents. */
import type { IsoDate } from "./dates.js";

export interface Entry {
  id: number;
  date: IsoDate;
  type: string;
  count: number;
  amountCents: number | null;
  minutes: number | null;
  contact: string | null;
  note: string | null;
  /** The deal (opportunity id) this entry was logged for: its `opportunity` on opening, its `deal` on winning. */
  opp?: number | null;
}

/** The spec's entry object: `{id, date, type, count, amount, minutes, contact, note, opp}`, amount in currency units. */
export interface EntryJson {
  id: number;
  date: IsoDate;
  type: string;
  count: number;
  amount: number | null;
  minutes: number | null;
  contact: string | null;
  note: string | null;
  opp: number | null;
}

export function entryToJson(entry: Entry): EntryJson {
  return {
    id: entry.id,
    date: entry.date,
    type: entry.type,
    count: entry.count,
    amount: entry.amountCents === null ? null : entry.amountCents / 100,
    minutes: entry.minutes,
    contact: entry.contact,
    note: entry.note,
    opp: entry.opp ?? null,
  };
}

/** Sums of live entries of one type over some span. */
export interface TypeTotals {
  count: number;
  amountCents: number;
  minutes: number;
  entries: number;
}

export const ZERO_TOTALS: TypeTotals = { count: 0, amountCents: 0, minutes: 0, entries: 0 };

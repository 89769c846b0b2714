/** Rules every entry obeys, wherever it comes from (command line, CSV, JSON). */
import type { IsoDate } from "./dates.js";
import { usageError } from "./errors.js";

/** An entry records what was done: its date is not after today (`acct log --date`, a CSV import). */
export function checkNotFuture(date: IsoDate, today: IsoDate): void {
  if (date > today) throw usageError(`date ${date} is in the future`, "log what was done, on the day it was done");
}

/** Only won deals carry an amount: revenue is the sum of deals' amounts. */
export function checkAmountAllowed(type: string, amountCents: number | null): void {
  if (amountCents !== null && type !== "deal") {
    throw usageError(`an amount is only for deals, not for type '${type}'`, "revenue is the amounts of won deals: give the amount to a deal entry");
  }
}

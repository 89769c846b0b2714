/** Rules every entry obeys, wherever it comes from (command line, CSV, JSON). */
import { usageError } from "./errors.js";

/** Only won deals carry an amount: revenue is the sum of deals' amounts. */
export function checkAmountAllowed(type: string, amountCents: number | null): void {
  if (amountCents !== null && type !== "deal") {
    throw usageError(`an amount is only for deals, not for type '${type}'`, "log the won deal with: acct log deal --amount 42k");
  }
}

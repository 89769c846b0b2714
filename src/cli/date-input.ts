/** What commands give the date parser beyond today: the plan's working weekdays, for `eow`, `eom` and `eoq`. */
import type { DateWordOptions } from "../domain/date-words.js";
import { getPlanInput } from "../store/plans.js";
import type { Context } from "./context.js";

/**
 * The working weekdays of this year's plan, read from the data file only when
 * a date names the end of a week, month or quarter; mon–fri without a plan.
 */
export function dateWordOptions(ctx: Context): DateWordOptions {
  return {
    workdays: () => {
      const db = ctx.read();
      return db ? (getPlanInput(db, Number(ctx.today.slice(0, 4)))?.workdays ?? null) : null;
    },
  };
}

/** What every renderer is given: colours, the currency, the week's first day and the width it may use. */
import type { ChalkInstance } from "chalk";
import type { Weekday } from "../domain/dates.js";

export interface RenderOptions {
  /** Colours; chalk at level 0 when output is not a colour terminal. */
  style: ChalkInstance;
  /** The sign or code money is shown with (the `currency` setting). */
  currency: string;
  /** The first day of the week in displays (the `week-start` setting). */
  weekStart: Weekday;
  /** How wide a line may be: the terminal's width, else $COLUMNS, else unlimited. */
  width: number;
}

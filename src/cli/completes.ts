/**
 * What a shell completes for an option's value or an argument, declared where
 * the option or argument is defined (`completes(new Option("--due <date>"),
 * "date")`), so completion follows the command and never guesses from names.
 * An option or argument with choices completes its choices; one with neither
 * completes nothing.
 */
import type { Argument, Option } from "commander";

export const COMPLETION_KINDS = [
  /** an activity type, your own included (read from the data file) */
  "type",
  /** a file name */
  "file",
  /** today, yesterday, tomorrow, weekday names */
  "date",
  /** the id of a block that is not removed */
  "block-id",
  /** the id of an open commitment */
  "commitment-id",
  /** the id of a day-off range */
  "day-off-id",
  /** the id of an open deal (acct opp) */
  "opp-id",
  /** a stage of the stages setting */
  "stage",
  /** a setting's key (acct config) */
  "setting",
  /** a command or a help topic (acct help) */
  "help-topic",
] as const;
export type CompletionKind = (typeof COMPLETION_KINDS)[number];

const declared = new WeakMap<Option | Argument, CompletionKind>();

/** Declares what completes `item`'s value; returns `item` for chaining. */
export function completes<T extends Option | Argument>(item: T, kind: CompletionKind): T {
  declared.set(item, kind);
  return item;
}

/** The kind declared with `completes`, if any. */
export function completionKindOf(item: Option | Argument): CompletionKind | undefined {
  return declared.get(item);
}

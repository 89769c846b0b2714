/**
 * The only module that talks to inquirer, loaded lazily so commands that do
 * not prompt never pay for it. Each `validate` reuses the domain parsers.
 */
import { usageError } from "../domain/errors.js";
import { loadPackage } from "../packages.js";
import { visibleControls } from "../render/escape.js";

type Parser = (value: string) => unknown;

function validator(parse: Parser | undefined, optional: boolean) {
  return (value: string): true | string => {
    if (optional && value.trim() === "") return true;
    if (!parse) return value.trim() === "" ? "please enter a value" : true;
    try {
      parse(value);
      return true;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };
}

/** Asks for one line of text, checked by `parse`; empty is allowed when `optional`. */
export async function askText(message: string, options: { default?: string; parse?: Parser; optional?: boolean } = {}): Promise<string> {
  const { input } = await loadPackage<typeof import("@inquirer/prompts")>("@inquirer/prompts");
  return input({ message, default: options.default, validate: validator(options.parse, options.optional === true) });
}

/** Picks one of `choices` (their names may come from the data file: shown, never obeyed). */
export async function askChoice<T extends string>(message: string, choices: readonly { name: string; value: T }[], fallback?: T): Promise<T> {
  const { select } = await loadPackage<typeof import("@inquirer/prompts")>("@inquirer/prompts");
  return select<T>({ message, choices: choices.map((c) => ({ ...c, name: visibleControls(c.name) })), default: fallback });
}

/** Yes or no. */
export async function askConfirm(message: string, fallback = true): Promise<boolean> {
  const { confirm } = await loadPackage<typeof import("@inquirer/prompts")>("@inquirer/prompts");
  return confirm({ message, default: fallback });
}

/** Fails with exit 2 naming the flags a non-interactive run must give. */
export function missingFlags(command: string, flags: readonly string[]): never {
  throw usageError(
    `${command} needs ${flags.join(", ")} (no terminal to ask on)`,
    `give them as flags, e.g. acct ${command} ${flags.map((f) => `${f} …`).join(" ")}`,
  );
}

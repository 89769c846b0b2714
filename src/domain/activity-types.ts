/** Activity types: the built-in funnel types, their aliases, and user-defined ones. */
import type { CascadeMetric } from "./cascade.js";
import { usageError } from "./errors.js";
import { closest, nearest } from "./suggest.js";

export const BUILTIN_TYPES = ["call", "email", "meeting", "opportunity", "deal"] as const;

const ALIASES: Record<string, string> = {
  calls: "call",
  emails: "email",
  meetings: "meeting",
  opportunities: "opportunity",
  opp: "opportunity",
  opps: "opportunity",
  deals: "deal",
};

/** The cascade metric an entry type counts toward, if any. */
export const METRIC_OF_TYPE: Record<string, CascadeMetric> = {
  call: "calls",
  meeting: "meetings",
  opportunity: "opportunities",
  deal: "deals",
};

/** The entry type behind a cascade metric (revenue comes from deals' amounts). */
export const TYPE_OF_METRIC: Record<CascadeMetric, string> = {
  calls: "call",
  meetings: "meeting",
  opportunities: "opportunity",
  deals: "deal",
  revenue: "deal",
};

/** Subcommands of `acct log`, which a type name must not shadow. */
const RESERVED_NAMES: readonly string[] = ["list", "edit", "rm", "purge", "help"];

/** A name the user may give a new type: lower-case letters, digits, `-` and `_`, starting with a letter. */
export function validateNewTypeName(input: string, customTypes: readonly string[]): string {
  const name = input.trim().toLowerCase();
  if (!/^[a-z][a-z0-9_-]{0,31}$/.test(name)) {
    throw usageError(`type name '${input}' is not valid`, "use up to 32 letters, digits, - or _, starting with a letter");
  }
  if (RESERVED_NAMES.includes(name)) {
    throw usageError(`type name '${name}' is taken by a command (acct log ${name})`, "choose another name");
  }
  if ((BUILTIN_TYPES as readonly string[]).includes(name) || name in ALIASES || customTypes.includes(name)) {
    throw usageError(`type '${name}' already exists`);
  }
  return name;
}

/** Resolves what the user typed (any case, singular or plural, `opp`) to a type name. */
export function resolveType(input: string, customTypes: readonly string[]): string {
  const name = input.trim().toLowerCase();
  if ((BUILTIN_TYPES as readonly string[]).includes(name)) return name;
  const alias = ALIASES[name];
  if (alias) return alias;
  if (customTypes.includes(name)) return name;
  if (name.endsWith("s") && customTypes.includes(name.slice(0, -1))) return name.slice(0, -1);
  const known = [...BUILTIN_TYPES, ...customTypes];
  const suggestion = closest(name, [...known, ...Object.keys(ALIASES)]);
  const resolved = suggestion ? (ALIASES[suggestion] ?? suggestion) : null;
  throw usageError(
    `unknown activity type '${input}'`,
    resolved
      ? `did you mean '${resolved}'? (types: ${known.join(", ")})`
      : `the closest is '${nearest(name, known)}'; types: ${known.join(", ")}; add your own with: acct type add NAME`,
  );
}

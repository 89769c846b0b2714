/**
 * The command tree as the completion scripts read it (`acct completion
 * --tree`). The scripts themselves are checked-in shell files
 * (src/cli/completion/); they load this once and ask `acct completion
 * --words KIND` only for what lives in the data file.
 */

/** Values asked from `acct completion --words KIND` at completion time. */
export const WORD_KINDS = ["types", "blocks", "commitments", "days-off", "opps", "stages"] as const;
export type WordKind = (typeof WORD_KINDS)[number];

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export type ValueKind = { kind: "choices"; values: string[] } | { kind: "words"; words: WordKind } | { kind: "file" } | { kind: "free" };

export interface CompletionOption {
  /** Long and short spellings, e.g. ["--year"] or ["-V", "--version"]. */
  flags: string[];
  description: string;
  /** What follows the flag, or null for a flag without a value. */
  value: ValueKind | null;
}

export interface CompletionNode {
  /** Command words after `acct`, space-separated; "" for acct itself. */
  path: string;
  description: string;
  subcommands: { name: string; description: string }[];
  options: CompletionOption[];
  /** Positional arguments in order; the last repeats when `variadic`. */
  args: ValueKind[];
  variadic: boolean;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** `-` (no value), `free`, `file`, `words:KIND` or `choices:A B C`. */
function specOf(value: ValueKind | null): string {
  if (!value) return "-";
  switch (value.kind) {
    case "choices":
      for (const choice of value.values) {
        // The scripts split choices on spaces and fields on tabs.
        if (!/^[^\s]+$/.test(choice)) throw new Error(`completion choice ${JSON.stringify(choice)} must be one word`);
      }
      return `choices:${value.values.join(" ")}`;
    case "words":
      return `words:${value.words}`;
    case "file":
      return "file";
    case "free":
      return "free";
  }
}

/**
 * One record a line, fields separated by tabs, the command path spelled in
 * full (`acct plan set`); no field but the last (a description) is empty:
 *
 *     command PATH NARGS DESCRIPTION
 *     sub     PATH NAME DESCRIPTION
 *     flag    PATH FLAG SPEC DESCRIPTION
 *     arg     PATH INDEX SPEC          (INDEX `rest` for a repeating last argument)
 */
export function renderCompletionTree(nodes: readonly CompletionNode[]): string {
  const lines: string[] = [];
  for (const node of nodes) {
    const path = node.path ? `acct ${node.path}` : "acct";
    lines.push(`command\t${path}\t${node.args.length}\t${oneLine(node.description)}`);
    for (const sub of node.subcommands) lines.push(`sub\t${path}\t${sub.name}\t${oneLine(sub.description)}`);
    for (const option of node.options) {
      const spec = specOf(option.value);
      for (const flag of option.flags) lines.push(`flag\t${path}\t${flag}\t${spec}\t${oneLine(option.description)}`);
    }
    node.args.forEach((arg, i) => {
      const index = node.variadic && i === node.args.length - 1 ? "rest" : String(i);
      if (arg.kind !== "free") lines.push(`arg\t${path}\t${index}\t${specOf(arg)}`);
    });
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Help that teaches: every example shown in any command's help runs, in
 * bash as a user would type it, against a freshly seeded database. The help
 * pages and suggestions themselves are tested in process (test/cli/help.test.ts).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { beforeAll, describe, expect, it } from "vitest";
import { readClock } from "../../src/cli/clock.js";
import { HELP_TOPICS } from "../../src/cli/help-topics.js";
import { createProgram } from "../../src/cli/program.js";
import { BIN, EXAMPLE_PLAN, examplePlanFor } from "../helpers/cli.js";

const NOW = "2026-03-12";

interface HelpText {
  path: string;
  help: string;
  command: Command;
}

/** The live command tree, built as a run builds it. */
function liveProgram(): { program: Command; output: { text: string } } {
  const output = { text: "" };
  const env = { ACCT_NOW: NOW };
  const { program } = createProgram({
    env,
    clock: readClock(env),
    home: tmpdir(),
    stdout: { write: (t: string) => (output.text += t) },
    stderr: { write: () => true },
    stdinIsTTY: false,
  });
  return { program, output };
}

/** Each command of `program` with the help text a user sees. */
function helpTexts({ program, output }: ReturnType<typeof liveProgram>): HelpText[] {
  const found: HelpText[] = [];
  const visit = (command: Command, path: string) => {
    output.text = "";
    command.outputHelp();
    found.push({ path, help: output.text, command });
    for (const sub of command.commands) visit(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  visit(program, "");
  return found;
}

const TREE = helpTexts(liveProgram());

/**
 * A command whose issue has not landed yet is a placeholder: its description
 * ends with this, and it fails when run, so no example of it (or of its
 * subcommands) can run yet.
 */
const NOT_BUILT = "(not built yet)";
/** The paths of the placeholders in `tree` (`teleport`, `plan revise`). */
const placeholdersIn = (tree: readonly HelpText[]) => new Set(tree.filter((c) => c.command.description().includes(NOT_BUILT)).map((c) => c.path));

/** `$ …` lines of a help text. */
const examplesIn = (text: string) => [...text.matchAll(/^\s*\$ (.+)$/gm)].map((m) => m[1] as string);
/**
 * The command paths a shell line runs, each the longest one the tree has
 * (`acct type add x && acct plan target x 5` → `type add`, `plan target`).
 */
function commandPathsIn(line: string, tree: readonly HelpText[]): string[] {
  const paths = new Set(tree.map((c) => c.path));
  return [...line.matchAll(/\bacct((?:\s+[a-z][a-z-]*)+)/g)].map((m) => {
    const words = (m[1] as string).trim().split(/\s+/);
    for (let n = words.length; n > 0; n--) if (paths.has(words.slice(0, n).join(" "))) return words.slice(0, n).join(" ");
    return words[0] as string;
  });
}
/** Whether a line runs a placeholder of `tree`, or a subcommand of one. */
function runsPlaceholder(line: string, tree: readonly HelpText[] = TREE): boolean {
  const placeholders = [...placeholdersIn(tree)];
  return commandPathsIn(line, tree).some((path) => placeholders.some((p) => path === p || path.startsWith(`${p} `)));
}
/** Examples that only make sense on a terminal say so in a comment; they are not run. */
const isInteractive = (line: string) => /#\s*on a terminal/.test(line);

let workspace = "";
let seedFolder = "";
let binDir = "";

/** Where plain `acct` keeps its data for a user whose home is `home`. */
const dataFileIn = (home: string) => join(home, ".local", "share", "acct", "acct.db");

/**
 * Runs one example line in bash as a user would type it: `acct` on PATH, the
 * data file in the default place under a home of its own, ACCT_NOW fixed.
 * Paths under /tmp are moved into the run's folder so runs never meet.
 */
function runLine(line: string, folder: string): { code: number; output: string } {
  const home = join(folder, "home");
  mkdirSync(join(home, "Desktop"), { recursive: true });
  mkdirSync(join(folder, "tmp"), { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, ACCT_NOW: NOW, HOME: home, PAGER: "cat" };
  for (const key of ["NO_COLOR", "ACCT_DEBUG", "ACCT_DB", "XDG_DATA_HOME"]) delete env[key];
  const script = line.replace(/(^|[\s=])\/tmp\//g, `$1${folder}/tmp/`);
  const result = spawnSync("bash", ["-o", "pipefail", "-c", script], { cwd: folder, env, encoding: "utf8", input: "" });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** A fresh folder holding a copy of the seeded home and files. */
function freshFolder(): string {
  const folder = mkdtempSync(join(workspace, "run-"));
  cpSync(seedFolder, folder, { recursive: true });
  return folder;
}

const SEED_ENTRIES = [
  "date,type,count,amount,minutes,contact,note",
  ...Array.from({ length: 12 }, (_, i) => `2026-03-${String(2 + (i % 9)).padStart(2, "0")},call,${3 + i},,,Lead ${i + 1},`),
  "2026-03-10,meeting,2,,90,Acme Corp,demo",
  "2026-03-11,opportunity,1,,,Acme Corp,",
  "2026-03-11,deal,1,42000,,Globex,renewal",
].join("\n");

/**
 * The state the examples assume: plans for last year, this year and next, three days
 * off, 15 entries, two blocks, commitments 1–3 open (3 without a metric) and
 * 4 missed, a buddy, deals 1–3 open, and the files export writes. No custom type: the
 * examples add `linkedin` themselves.
 */
const SEED: string[] = [
  `acct ${EXAMPLE_PLAN.join(" ")}`,
  `acct ${examplePlanFor(2025).join(" ")}`,
  `acct ${examplePlanFor(2027).join(" ")}`,
  "acct off add 2026-01-02",
  "acct off add 2026-04-03 --reason 'Good Friday'",
  "acct off add 2026-08-03..2026-08-14 --reason vacation",
  "acct import seed.csv && rm seed.csv",
  // Blocks added a week earlier, so the examples can mark this week's earlier days.
  "ACCT_NOW=2026-03-02 acct block add Prospecting --days tue,thu --start 08:00 --end 09:30 --activity call",
  "ACCT_NOW=2026-03-02 acct block add 'Pipeline review' --days fri --start 16:00 --end 17:00",
  "acct commit add 'Call 20 new leads' --due 2026-03-20 --metric call --target 20",
  "acct commit add 'Update the CRM' --due 2026-03-20",
  "acct commit add 'Send the Acme proposal' --due 2026-03-20",
  "ACCT_NOW=2026-02-20 acct commit add 'Book 5 demos' --due 2026-02-27 --metric meeting --target 5",
  "acct buddy set Sam --email sam@example.com",
  // Deals 1–3 open (3 with a note), for the acct opp examples.
  "ACCT_NOW=2026-02-02 acct opp add 'Initech expansion' --value 60k --close 2026-05-29",
  "ACCT_NOW=2026-02-09 acct opp add 'Umbrella pilot' --value 25k",
  "ACCT_NOW=2026-02-16 acct opp add 'Acme renewal' --value 120k --close 2026-06-30 --note 'multi-year'",
  "acct export --format csv --out entries.csv && acct export --out acct-backup.json",
];

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), "acct-examples-"));
  binDir = join(workspace, "bin");
  mkdirSync(binDir);
  writeFileSync(join(binDir, "acct"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
  seedFolder = join(workspace, "seed");
  mkdirSync(seedFolder);
  writeFileSync(join(seedFolder, "seed.csv"), `${SEED_ENTRIES}\n`);
  // For `acct import calendar.ics`: one ended meeting (ical.js loads from outside the bundle).
  writeFileSync(
    join(seedFolder, "calendar.ics"),
    [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//acct//test//EN",
      "BEGIN:VEVENT",
      "UID:acme-1@example.com",
      "DTSTAMP:20260101T000000Z",
      "SUMMARY:Acme kickoff",
      "DTSTART:20260302T100000",
      "DTEND:20260302T110000",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n"),
  );
  for (const line of SEED) {
    if (runsPlaceholder(line)) continue;
    const result = runLine(line, seedFolder);
    if (result.code !== 0) throw new Error(`seed step failed: ${line}\n${result.output}`);
  }
  expect(existsSync(dataFileIn(join(seedFolder, "home")))).toBe(true);
});

describe("every example in the help runs", () => {
  it("each built command teaches with at least one example", () => {
    const built = TREE.filter((c) => c.path !== "" && !runsPlaceholder(`acct ${c.path}`));
    const without = built.filter((c) => examplesIn(c.help).length === 0).map((c) => c.path);
    expect(without).toEqual([]);
  });

  const sources = [
    ...TREE.map((c) => ({ name: `acct ${c.path} --help`.replace("  ", " "), examples: examplesIn(c.help) })),
    ...HELP_TOPICS.map((t) => ({ name: `acct help ${t.name}`, examples: examplesIn(t.text) })),
  ].filter((s) => s.examples.length > 0);
  /** Why an example is not run, if it is not. */
  const skipped = (line: string) => (isInteractive(line) ? "on a terminal" : runsPlaceholder(line) ? "not built yet" : null);

  for (const source of sources) {
    it(`${source.name}: its examples exit 0`, () => {
      source.examples.forEach((line, i) => {
        if (skipped(line)) return;
        // An example works on its own (`acct log rm 12`) or after the ones above it (`acct type add linkedin`, then `acct log linkedin 5`).
        let result = runLine(line, freshFolder());
        if (result.code !== 0) {
          const folder = freshFolder();
          for (const before of source.examples.slice(0, i)) if (!skipped(before)) runLine(before, folder);
          result = runLine(line, folder);
        }
        expect(result.code, `$ ${line}\n${result.output}`).toBe(0);
      });
    });
  }

  it("runs a real number of examples; skips only the ones marked for a terminal and those of commands not built yet", () => {
    const all = sources.flatMap((s) => s.examples);
    expect(all.filter((line) => !skipped(line)).length).toBeGreaterThanOrEqual(20);
    expect(all.filter((line) => skipped(line) === "on a terminal").length).toBeLessThanOrEqual(3);
    // Every command is built today; a placeholder's examples are listed here when one comes.
    expect(all.filter((line) => skipped(line) === "not built yet")).toEqual([]);
  });

  it("knows a placeholder, a nested one too, and skips its examples only", () => {
    const live = liveProgram();
    live.program.addCommand(new Command("teleport").description(`move the seller ${NOT_BUILT}`).addCommand(new Command("add")));
    live.program.commands.find((c) => c.name() === "plan")?.addCommand(new Command("revise").description(`revise the plan ${NOT_BUILT}`));
    const tree = helpTexts(live);
    expect([...placeholdersIn(tree)].sort()).toEqual(["plan revise", "teleport"]);
    expect(runsPlaceholder("acct teleport add Acme --amount 40k", tree)).toBe(true);
    expect(runsPlaceholder("acct type add linkedin && acct plan revise --from mon", tree)).toBe(true);
    expect(runsPlaceholder("acct plan set --target 1m", tree)).toBe(false);
    expect(runsPlaceholder("acct log call 5", tree)).toBe(false);
  });
});

/**
 * Shell completion: the scripts (src/cli/completion/) are loaded into real
 * shells and asked what they complete, with `acct` on PATH as after an
 * install; each is checked by its shell's parser (and bash's by shellcheck).
 * What acct itself prints for them (--words, errors) is tested in process
 * (test/cli/completion.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, BIN, tempDb } from "../helpers/cli.js";
import { addRawTypes, HOSTILE_TYPES, UNOFFERABLE_TYPES } from "../helpers/hostile-types.js";

let binDir = "";
let db = "";

const hasShell = (name: string) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
/**
 * Whether tests that need `program` skip: only outside CI. .ci/run installs
 * zsh, fish and shellcheck, so there a missing one fails its tests instead.
 */
const skipWithout = (program: string) => process.env.CI !== "true" && !hasShell(program);
const SCRIPTS = fileURLToPath(new URL("../../src/cli/completion/", import.meta.url));

function shell(program: string, args: string[], script: string, env: Record<string, string> = {}, cwd?: string): string {
  const result = spawnSync(program, [...args, script], {
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, ACCT_DB: db, ACCT_NOW: "2026-03-12", ...env },
    encoding: "utf8",
    cwd,
    timeout: 60_000,
  });
  if (result.error) throw new Error(`cannot run ${program}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${program} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** What bash completes for a command line ending at the cursor, as `complete -F` would call it. */
function bashComplete(line: string, env: Record<string, string> = {}, cwd?: string): string[] {
  const script = `
source <(acct completion bash)
COMP_LINE=${JSON.stringify(line)}
COMP_POINT=\${#COMP_LINE}
read -ra COMP_WORDS <<< "$COMP_LINE"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
fn=$(complete -p acct | sed -E 's/.*-F ([^ ]+) .*/\\1/')
"$fn" acct "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"
`;
  return shell("bash", ["-c"], script, env, cwd)
    .split("\n")
    .filter((w) => w !== "");
}

/** A data file holding the hostile types, written straight into the store's table. */
function hostileDb(): string {
  const file = tempDb();
  expect(acct(file, ["type", "add", "linkedin"]).code).toBe(0);
  addRawTypes(file, [...HOSTILE_TYPES, ...UNOFFERABLE_TYPES]);
  return file;
}

/** A folder to run a shell in: nothing may appear in it but what the test expects. */
const emptyFolder = () => mkdtempSync(join(tmpdir(), "acct-cwd-"));
const pwned = (folder: string) => readdirSync(folder).filter((f) => f.includes("pwned"));

const skipWithoutZpty = skipWithout("zsh") || (hasShell("zsh") && spawnSync("zsh", ["-fc", "zmodload zsh/zpty"]).status !== 0);

/**
 * Types `keys` into an interactive shell on a pseudo-terminal (driven by
 * zsh's zpty module) after `setup`, then waits until it has run them all.
 * Returns what the terminal showed, for failure messages.
 */
function typeInto(command: string, setup: string, keys: string, cwd: string, env: Record<string, string>): string {
  const driver = `zmodload zsh/zpty
zpty -b s "$ACCT_TEST_SHELL"
zpty -w s "$ACCT_TEST_SETUP"
zpty -w -n s "$ACCT_TEST_KEYS"
zpty -w s 'echo all-typed | tr a-z A-Z'
zpty -r s out '*ALL-TYPED*'
print -r -- "$out"
zpty -d s`;
  const home = mkdtempSync(join(tmpdir(), "acct-home-"));
  return shell(
    "zsh",
    ["-fc"],
    driver,
    {
      TERM: "dumb",
      HOME: home,
      XDG_CONFIG_HOME: join(home, ".config"),
      XDG_DATA_HOME: join(home, ".local/share"),
      ACCT_TEST_SHELL: command,
      ACCT_TEST_SETUP: setup,
      ACCT_TEST_KEYS: keys,
      ...env,
    },
    cwd,
  );
}

/** Each hostile type with what to type before Tab so that only it matches, as a user would type it (quoted). */
const TYPED_PREFIXES: [string, string][] = [
  ["$(touch pwned1)", "\\$\\(t"],
  ["`touch pwned2`", "\\`t"],
  [";touch pwned3", "\\;t"],
  ["x&&touch pwned4", "x\\&"],
  ["'\"", "\\'"],
  ["*", "\\*"],
];

/**
 * In a real interactive shell: completes each hostile type after `acct log`
 * with Tab and runs the line. Nothing runs but acct, and acct receives each
 * name exactly: the entries it logs carry them as types.
 */
function logsByCompletion(command: string, setup: string): void {
  const file = hostileDb();
  const folder = emptyFolder();
  const keys = TYPED_PREFIXES.map(([, typed]) => `acct log ${typed}\t --json\n`).join("");
  const screen = typeInto(command, setup, keys, folder, { ACCT_DB: file });
  expect(pwned(folder), screen).toEqual([]);
  const logged = (JSON.parse(acct(file, ["log", "list", "--json"]).stdout) as { type: string }[]).map((e) => e.type);
  expect(logged, screen).toEqual(TYPED_PREFIXES.map(([name]) => name));
}

beforeAll(() => {
  binDir = mkdtempSync(join(tmpdir(), "acct-bin-"));
  writeFileSync(join(binDir, "acct"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
  db = tempDb();
  for (const args of [
    ["type", "add", "linkedin"],
    ["off", "add", "2026-08-03"],
    ["off", "add", "2026-12-24"],
  ]) {
    expect(acct(db, args).code).toBe(0);
  }
});

describe("acct completion bash", () => {
  it("completes commands, subcommands and flags from the command tree", () => {
    expect(bashComplete("acct pl")).toEqual(["plan"]);
    expect(bashComplete("acct c")).toEqual(["commit", "coach", "check", "completion", "config"]);
    expect(bashComplete("acct plan ")).toEqual(["set", "show", "history", "target", "what-if"]);
    expect(bashComplete("acct plan set --wi")).toEqual(["--win-rate"]);
    expect(bashComplete("acct plan set --target 1.2m --d")).toEqual(["--deal-size", "--db"]);
    expect(bashComplete("acct --js")).toEqual(["--json"]);
  });

  it("completes flag values from their choices, in both spellings", () => {
    expect(bashComplete("acct plan set --unit ")).toEqual(["revenue", "deals"]);
    expect(bashComplete("acct plan set --unit=d")).toEqual(["deals"]);
    expect(bashComplete("acct completion ")).toEqual(["bash", "zsh", "fish"]);
    expect(bashComplete("acct config set hours")).toEqual(["hours-per-day"]);
    expect(bashComplete("acct help ca")).toEqual(["cascade"]);
  });

  it("asks acct for activity types, custom ones included, from the database in ACCT_DB or --db", () => {
    expect(bashComplete("acct plan target ")).toEqual(["call", "email", "meeting", "opportunity", "deal", "linkedin"]);
    expect(bashComplete("acct plan target li")).toEqual(["linkedin"]);
    const other = tempDb();
    expect(bashComplete(`acct --db ${other} plan target `)).toEqual(["call", "email", "meeting", "opportunity", "deal"]);
    expect(bashComplete(`acct plan target --db=${other} `)).toEqual(["call", "email", "meeting", "opportunity", "deal"]);
  });

  it("completes the type after acct log", () => {
    expect(bashComplete("acct log ")).toEqual(expect.arrayContaining(["call", "meeting", "linkedin"]));
    expect(bashComplete("acct log lin")).toEqual(["linkedin"]);
    // Several entries at once: another type after a count.
    expect(bashComplete("acct log call 18 mee")).toEqual(["meeting"]);
  });

  it("completes ids of days off", () => {
    expect(bashComplete("acct off rm ")).toEqual(["1", "2"]);
  });

  it("completes ids of blocks and of open commitments", () => {
    const folder = tempDb();
    for (const args of [
      ["block", "add", "Prospecting", "--days", "tue,thu", "--start", "08:00", "--end", "09:30"],
      ["block", "add", "Review", "--days", "fri", "--start", "16:00", "--end", "17:00"],
      ["block", "rm", "1"],
      ["commit", "add", "Send the proposal", "--due", "2026-03-20"],
      ["commit", "add", "Update the CRM", "--due", "2026-03-20"],
      ["commit", "drop", "1"],
    ]) {
      const result = acct(folder, args);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(bashComplete("acct block done ", { ACCT_DB: folder })).toEqual(["2"]);
    expect(bashComplete("acct commit done ", { ACCT_DB: folder })).toEqual(["2"]);
    expect(bashComplete("acct commit add --carry ", { ACCT_DB: folder })).toEqual(["2"]);
  });

  it("offers the flags once the positional arguments are given, and files for --db", () => {
    expect(bashComplete("acct plan target linkedin 25 --j")).toEqual(["--json"]);
    const folder = mkdtempSync(join(tmpdir(), "acct-files-"));
    writeFileSync(join(folder, "work.db"), "");
    expect(bashComplete(`acct --db ${folder}/wo`)).toEqual([`${folder}/work.db`]);
  });
});

describe("acct completion bash: words from the data file are data", () => {
  it("offers hostile type names quoted, runs none of them, and leaves out the ones that cannot be one word", () => {
    const file = hostileDb();
    const folder = emptyFolder();
    const offered = bashComplete("acct plan target ", { ACCT_DB: file }, folder);
    expect(pwned(folder)).toEqual([]);
    // Each word is quoted for the command line: bash reads it back as the name itself.
    const readBack = shell("bash", ["-c"], `for w in ${offered.join(" ")}; do printf '%s\\0' "$w"; done`, {}, folder);
    expect(readBack.split("\0").slice(0, -1)).toEqual(["call", "email", "meeting", "opportunity", "deal", ...[...HOSTILE_TYPES, "linkedin"].sort()]);
    expect(pwned(folder)).toEqual([]);
  });

  it("matches what was typed literally, quoted or not", () => {
    const file = hostileDb();
    const folder = emptyFolder();
    expect(bashComplete("acct plan target \\$\\(", { ACCT_DB: file }, folder)).toEqual(["\\$\\(touch\\ pwned1\\)"]);
    expect(bashComplete("acct plan target ;", { ACCT_DB: file }, folder)).toEqual(["\\;touch\\ pwned3"]);
    expect(bashComplete("acct plan target *", { ACCT_DB: file }, folder)).toEqual(["\\*"]);
    expect(bashComplete("acct plan target li", { ACCT_DB: file }, folder)).toEqual(["linkedin"]);
    expect(pwned(folder)).toEqual([]);
  });

  it("works whatever IFS and shell options the user set", () => {
    const file = hostileDb();
    const folder = emptyFolder();
    const script = `set -f; shopt -s nullglob failglob; IFS=:
source <(acct completion bash)
COMP_LINE='acct plan target '; COMP_POINT=\${#COMP_LINE}
_acct acct '' target
printf '%s\\n' "\${COMPREPLY[@]}"`;
    const offered = shell("bash", ["-c"], script, { ACCT_DB: file }, folder)
      .split("\n")
      .filter((w) => w !== "");
    expect(offered).toContain("\\$\\(touch\\ pwned1\\)");
    expect(offered).toContain("linkedin");
    expect(pwned(folder)).toEqual([]);
  });
});

/** What zsh completes for a line ending in a space; the completion system's builtins are stubbed to print what they were given. */
const zshComplete = (line: string, env: Record<string, string> = {}) =>
  shell(
    "zsh",
    ["-f", "-c"],
    `compdef() { :; }
compadd() { [[ $1 == -- ]] && shift; print -l -- "$@"; }
_describe() { print -l -- \${(P)4%%:*}; }
_files() { print files; }
compset() { :; }
source <(acct completion zsh)
words=(\${=\${:-${line}}})
[[ ${JSON.stringify(line)} == *' ' ]] && words+=('')
CURRENT=\${#words}
_acct`,
    env,
  )
    .split("\n")
    .filter((w) => w !== "");

/** What fish completes for a line (fish filters by what was typed), without the descriptions. */
const fishComplete = (line: string, env: Record<string, string> = {}) =>
  shell("fish", ["-c"], `acct completion fish | source; complete -C${JSON.stringify(line)}`, env)
    .split("\n")
    .filter((w) => w !== "")
    .map((w) => w.split("\t")[0] ?? "");

describe.skipIf(skipWithout("zsh"))("acct completion zsh", () => {
  const complete = (line: string) => zshComplete(line);

  it("completes subcommands, flags, choices and custom types", () => {
    expect(complete("acct plan ")).toEqual(["set", "show", "history", "target", "what-if"]);
    expect(complete("acct plan set --unit ")).toEqual(["revenue", "deals"]);
    expect(complete("acct plan target ")).toContain("linkedin");
    expect(complete("acct --db ")).toEqual(["files"]);
  });

  it("gives compadd each hostile type name as it is, with glob_subst and sh_word_split set", () => {
    const file = hostileDb();
    const folder = emptyFolder();
    const script = `setopt glob_subst sh_word_split
compdef() { :; }
compadd() { [[ $1 == -- ]] && shift; printf '%s\\0' "$@"; }
source <(acct completion zsh)
words=(acct plan target '')
CURRENT=4
_acct`;
    const offered = shell("zsh", ["-f", "-c"], script, { ACCT_DB: file }, folder).split("\0").slice(0, -1);
    expect(offered).toEqual(["call", "email", "meeting", "opportunity", "deal", ...[...HOSTILE_TYPES, "linkedin"].sort()]);
    expect(pwned(folder)).toEqual([]);
  });
});

describe.skipIf(skipWithoutZpty)("completion in a real interactive shell, on a terminal", () => {
  it("bash: Tab inserts a hostile type name quoted, and running the line logs exactly that type", () => {
    logsByCompletion("bash --norc --noprofile -i", "PS1='$ '; source <(acct completion bash)");
  });

  it("zsh: the same with compinit", () => {
    logsByCompletion("zsh -f -i", "autoload -Uz compinit; compinit -u -D; source <(acct completion zsh)");
  });

  it.skipIf(skipWithout("fish"))("fish: the same", () => {
    logsByCompletion("fish --no-config -i", "acct completion fish | source");
  });
});

describe.skipIf(skipWithout("fish"))("acct completion fish", () => {
  const complete = (line: string) => fishComplete(line);

  it("completes subcommands, flags, choices and custom types", () => {
    expect(complete("acct plan ")).toEqual(["history", "set", "show", "target", "what-if"]);
    expect(complete("acct plan set --unit ")).toEqual(["deals", "revenue"]);
    expect(complete("acct plan set --wi")).toEqual(["--win-rate"]);
    expect(complete("acct plan target ")).toContain("linkedin");
  });

  it("offers hostile type names as they are and runs none of them", () => {
    const file = hostileDb();
    const folder = emptyFolder();
    const offered = shell("fish", ["-c"], `acct completion fish | source; complete -C"acct plan target "`, { ACCT_DB: file }, folder)
      .split("\n")
      .filter((w) => w !== "");
    expect([...offered].sort()).toEqual(["call", "email", "meeting", "opportunity", "deal", ...HOSTILE_TYPES, "linkedin"].sort());
    expect(pwned(folder)).toEqual([]);
  });
});

describe.skipIf(skipWithout("zsh") || skipWithout("fish"))("bash, zsh and fish complete alike", () => {
  // Lines ending in a space: no shell filters, so each offers everything it would.
  const LINES = [
    "acct ",
    "acct plan ",
    "acct plan set --unit ",
    "acct plan target ",
    "acct plan target linkedin 25 ",
    "acct off rm ",
    "acct off add ",
    "acct block add Review --activity ",
    "acct commit add --due ",
    "acct log list --type ",
    "acct help ",
    "acct config set ",
    "acct completion ",
  ];
  // As sets: fish offers a word once (audit is a command and a help topic).
  const distinct = (words: string[]) => [...new Set(words)].sort();
  it.each(LINES)("%j", (line) => {
    const bash = distinct(bashComplete(line));
    expect(bash.length, line).toBeGreaterThan(1);
    expect(distinct(zshComplete(line)), "zsh").toEqual(bash);
    expect(distinct(fishComplete(line)), "fish").toEqual(bash);
  });
});

describe("the completion scripts are checked shell files", () => {
  const check = (program: string, args: string[]) => {
    const result = spawnSync(program, args, { encoding: "utf8" });
    if (result.error) throw new Error(`cannot run ${program}: ${result.error.message}`);
    return `${result.status} ${result.stdout}${result.stderr}`.trim();
  };

  it.skipIf(skipWithout("shellcheck"))("bash: shellcheck finds nothing", () => {
    expect(check("shellcheck", ["--shell=bash", "--severity=style", join(SCRIPTS, "acct.bash")])).toBe("0");
  });

  it.skipIf(skipWithout("zsh"))("zsh: zsh -n parses it", () => {
    expect(check("zsh", ["-n", join(SCRIPTS, "acct.zsh")])).toBe("0");
  });

  it.skipIf(skipWithout("fish"))("fish: fish --no-execute parses it", () => {
    expect(check("fish", ["--no-execute", join(SCRIPTS, "acct.fish")])).toBe("0");
  });

  it("acct completion SHELL prints the checked-in file as it is", () => {
    for (const name of ["bash", "zsh", "fish"]) {
      expect(acct(null, ["completion", name]).stdout, name).toBe(readFileSync(join(SCRIPTS, `acct.${name}`), "utf8"));
    }
  });
});

/**
 * Shell completion: the generated scripts are loaded into real shells and
 * asked what they complete, with `acct` on PATH as after an install.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, BIN, expectUsageError, tempDb } from "../helpers/cli.js";

let binDir = "";
let db = "";

const hasShell = (name: string) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;

function shell(program: string, args: string[], script: string, env: Record<string, string> = {}): string {
  const result = spawnSync(program, [...args, script], {
    env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, ACCT_DB: db, ACCT_NOW: "2026-03-12", ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${program} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** What bash completes for a command line ending at the cursor, as `complete -F` would call it. */
function bashComplete(line: string, env: Record<string, string> = {}): string[] {
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
  return shell("bash", ["-c"], script, env).split("\n").filter((w) => w !== "");
}

beforeAll(() => {
  binDir = mkdtempSync(join(tmpdir(), "acct-bin-"));
  writeFileSync(join(binDir, "acct"), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`, { mode: 0o755 });
  db = tempDb();
  for (const args of [["type", "add", "linkedin"], ["off", "add", "2026-08-03"], ["off", "add", "2026-12-24"]]) {
    expect(acct(db, args).code).toBe(0);
  }
});

describe("acct completion bash", () => {
  it("completes commands, subcommands and flags from the command tree", () => {
    expect(bashComplete("acct pl")).toEqual(["plan"]);
    expect(bashComplete("acct c")).toEqual(["commit", "check", "completion", "config"]);
    expect(bashComplete("acct plan ")).toEqual(["set", "show", "target"]);
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

describe("acct completion --words", () => {
  it("prints the built-in and custom types, one a line", () => {
    expect(acct(db, ["completion", "--words", "types"]).stdout).toBe("call\nemail\nmeeting\nopportunity\ndeal\nlinkedin\n");
    expect(acct(null, ["completion", "--words", "types"], { env: { ACCT_DB: db } }).stdout).toContain("linkedin\n");
  });

  it("is silent on a missing or foreign file and never creates one", () => {
    const missing = tempDb();
    expect(acct(missing, ["completion", "--words", "days-off"])).toEqual({ code: 0, stdout: "", stderr: "" });
    const foreign = tempDb("other.sqlite");
    new Database(foreign).exec("CREATE TABLE t (x)");
    expect(acct(foreign, ["completion", "--words", "types"])).toEqual({ code: 0, stdout: "call\nemail\nmeeting\nopportunity\ndeal\n", stderr: "" });
    expect(acct(foreign, ["completion", "--words", "blocks"])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("is not shown in the help", () => {
    expect(acct(null, ["completion", "--help"]).stdout).not.toContain("--words");
  });
});

describe("acct completion errors", () => {
  it("refuses an unknown shell and a missing one", () => {
    expectUsageError(acct(null, ["completion", "powershell"]), /argument 'shell' is invalid|invalid for argument 'shell'/);
    expectUsageError(acct(null, ["completion"]), /which shell\?/);
  });
});

describe.skipIf(!hasShell("zsh"))("acct completion zsh", () => {
  // The completion system's builtins are stubbed to print what they were given.
  const complete = (line: string) =>
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
    )
      .split("\n")
      .filter((w) => w !== "");

  it("completes subcommands, flags, choices and custom types", () => {
    expect(complete("acct plan ")).toEqual(["set", "show", "target"]);
    expect(complete("acct plan set --unit ")).toEqual(["revenue", "deals"]);
    expect(complete("acct plan target ")).toContain("linkedin");
    expect(complete("acct --db ")).toEqual(["files"]);
  });
});

describe.skipIf(!hasShell("fish"))("acct completion fish", () => {
  const complete = (line: string) =>
    shell("fish", ["-c"], `acct completion fish | source; complete -C${JSON.stringify(line)}`)
      .split("\n")
      .filter((w) => w !== "")
      .map((w) => w.split("\t")[0]);

  it("completes subcommands, flags, choices and custom types", () => {
    expect(complete("acct plan ")).toEqual(["set", "show", "target"]);
    expect(complete("acct plan set --unit ")).toEqual(["deals", "revenue"]);
    expect(complete("acct plan set --wi")).toEqual(["--win-rate"]);
    expect(complete("acct plan target ")).toContain("linkedin");
  });
});

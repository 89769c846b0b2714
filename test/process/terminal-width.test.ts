/**
 * On a real terminal of 80 columns no line acct prints is wider than the
 * terminal. The commands run in a tmux pane 80 columns wide, as a user would
 * run them (stdout a TTY, colour on, the width from the terminal itself);
 * the pane is read back with wrapped lines joined (`capture-pane -J`), so a
 * line the terminal had to wrap shows as one line wider than 80, and fails.
 * .ci/run installs tmux: under CI a missing tmux fails these tests instead
 * of skipping them.
 */
import { spawnSync } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "../../src/render/text-width.js";
import { acct, BIN, tempDb } from "../helpers/cli.js";
import { NOW, WIDE_TEXT_SEED } from "../helpers/wide-text.js";

const COLUMNS = 80;
const SOCKET = `acct-test-${process.pid}`;
const hasTmux = spawnSync("sh", ["-c", "command -v tmux"]).status === 0;

/** tmux on this test's own server (its own socket, no user configuration). */
function tmux(...args: string[]): string {
  const result = spawnSync("tmux", ["-L", SOCKET, "-f", "/dev/null", ...args], { encoding: "utf8", timeout: 10_000 });
  if (result.error) throw new Error(`cannot run tmux (${result.error.message}); .ci/run installs it`);
  if (result.status !== 0) throw new Error(`tmux ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

const COMMANDS = [
  ["audit"],
  ["audit", "--year", "2026"],
  ["status"],
  ["commit", "list"],
  ["log", "list"],
  ["plan", "show"],
  ["block", "list"],
  ["reviews"],
  ["off", "list"],
  ["type", "list"],
];

interface Shown {
  command: string;
  lines: string[];
  exit: string;
}

let db = "";
let shown: Shown[] = [];
let coloured = "";

/**
 * Runs every command in one pane of `columns` columns, each between marker
 * lines, and reads the pane back: each command's lines (wrapped ones joined,
 * trailing blanks dropped) and its exit status.
 */
async function runInPane(session: string, columns: number, escapes = false): Promise<string> {
  const env = `env -u NO_COLOR -u COLUMNS -u LINES -u ACCT_DB ACCT_NOW=${NOW}`;
  const script = [
    ...COMMANDS.map(
      (args) =>
        `echo '::: ${args.join(" ")}'; ${env} ${quote(process.execPath)} ${quote(BIN)} --db ${quote(db)} ${args.map(quote).join(" ")}; echo "::: exit $?"`,
    ),
    "echo '::: done'",
    "sleep 600",
  ].join("; ");
  tmux("new-session", "-d", "-s", session, "-x", String(columns), "-y", "50", "sh", "-c", script);
  tmux("set-option", "-t", session, "history-limit", "20000");
  for (let waited = 0; ; waited += 100) {
    const text = tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session, ...(escapes ? ["-e"] : []));
    // The session stays until afterAll kills the server: killing the last
    // session makes the server exit, and the next new-session can race it
    // ("server exited unexpectedly").
    if (text.includes("::: done")) return text;
    if (waited > 20_000) throw new Error(`the commands did not finish in the pane:\n${text}`);
    await sleep(100);
  }
}

function sections(text: string): Shown[] {
  const out: Shown[] = [];
  let current: Shown | null = null;
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    const marker = /^::: (.*)$/.exec(line);
    if (marker) {
      const said = marker[1] as string;
      if (said.startsWith("exit ") && current) {
        current.exit = said.slice(5);
        out.push(current);
        current = null;
      } else if (said !== "done") current = { command: said, lines: [], exit: "" };
    } else current?.lines.push(line);
  }
  return out;
}

describe.skipIf(process.env.CI !== "true" && !hasTmux)(`acct on a real terminal of ${COLUMNS} columns (tmux)`, () => {
  beforeAll(async () => {
    db = tempDb();
    const now = { now: NOW };
    for (const args of [["demo"], ...WIDE_TEXT_SEED]) {
      const result = acct(db, args, now);
      expect(result.code, `acct ${args.join(" ")}: ${result.stderr}`).toBe(0);
    }
    shown = sections(await runInPane("plain", COLUMNS));
    coloured = await runInPane("coloured", COLUMNS, true);
  }, 120_000);

  afterAll(() => {
    if (hasTmux) spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  });

  it("runs every command to the end, on a terminal (in colour)", () => {
    expect(shown.map((s) => s.command)).toEqual(COMMANDS.map((args) => args.join(" ")));
    for (const s of shown) expect(s.exit, `${s.command}:\n${s.lines.join("\n")}`).toBe("0");
    expect(shown[0]?.lines.join("\n")).toContain("Weekly audit 2026-W11");
    expect(shown.find((s) => s.command === "log list")?.lines.join("\n")).toContain("Initech Gl");
    // stdout was a terminal: the page is coloured (and so laid out for the terminal's width, not piped).
    expect(coloured).toMatch(/\u001b\[/);
  });

  for (const args of COMMANDS) {
    const command = args.join(" ");
    it(`acct ${command}: no line wider than ${COLUMNS} columns`, () => {
      const s = shown.find((x) => x.command === command);
      expect(s, command).toBeDefined();
      expect(s?.lines.join("").trim()).not.toBe("");
      const wide = (s?.lines ?? []).filter((line) => displayWidth(line) > COLUMNS);
      expect(wide, `lines of acct ${command} wider than ${COLUMNS} columns`).toEqual([]);
    });
  }
});

/**
 * Ctrl-C as a user presses it: an interactive bash on a pseudo-terminal
 * (util-linux `script`) runs acct, the terminal sends SIGINT to the
 * foreground job, and the test reads back what the shell itself reports
 * (`$?`). What the user must see: exit status 130, nothing written, the
 * data file free for the next acct, the cursor visible.
 *
 * acct installs no SIGINT handler: a write is one synchronous SQLite
 * transaction, so a handler could only run after it committed. The process
 * dies of the signal instead (a shell shows 128 + 2 = 130), the transaction
 * is never committed, and the system releases the file's locks. A prompt is
 * different: inquirer reads Ctrl-C as a key, and acct exits 130 itself.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { acct, acctJson, BIN, EXAMPLE_PLAN, fingerprint, tempDb } from "../helpers/cli.js";
import { integrity, walGrows } from "../helpers/processes.js";

// CI installs util-linux (script); only a machine without it skips these.
const hasScript = process.env.CI === "true" || spawnSync("sh", ["-c", "command -v script"]).status === 0;

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An interactive bash on a pseudo-terminal, with `acct` on PATH as after an install. */
class Terminal {
  screen = "";
  private readonly child: ChildProcess;
  private static readonly PROMPT = "<acct-test-ready>";

  constructor() {
    const home = mkdtempSync(join(tmpdir(), "acct-home-"));
    const bin = join(home, "bin");
    spawnSync("mkdir", [bin]);
    writeFileSync(join(bin, "acct"), `#!/bin/sh\nexec ${q(process.execPath)} ${q(BIN)} "$@"\n`, { mode: 0o755 });
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}:${process.env.PATH}`, HOME: home, TERM: "xterm", ACCT_NOW: "2026-03-12" };
    for (const key of ["NO_COLOR", "ACCT_DEBUG", "ACCT_DB", "XDG_DATA_HOME"]) delete env[key];
    this.child = spawn("script", ["-qfc", "bash --norc --noprofile -i", "/dev/null"], { env, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout?.on("data", (d: Buffer) => (this.screen += d.toString()));
    this.child.stderr?.on("data", (d: Buffer) => (this.screen += d.toString()));
  }

  /** Starts the shell with a prompt the test can recognise (typed split, so its echo does not match). */
  async open(): Promise<this> {
    // Without a history file the shell writes nothing into HOME when it is hung up on, which would race afterAll's removal.
    this.type(`unset HISTFILE; PS1='${Terminal.PROMPT.slice(0, 5)}''${Terminal.PROMPT.slice(5)}'\n`);
    await this.waitFor(Terminal.PROMPT, 0);
    return this;
  }

  type(keys: string): void {
    this.child.stdin?.write(keys);
  }

  /** Resolves with the first match of `pattern` in what the terminal showed from `from` on. */
  async waitFor(pattern: string | RegExp, from: number, timeoutMs = 20_000): Promise<RegExpExecArray> {
    const regex = typeof pattern === "string" ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) : pattern;
    for (const start = Date.now(); Date.now() - start < timeoutMs; await sleep(20)) {
      const match = regex.exec(this.screen.slice(from));
      if (match) return match;
    }
    throw new Error(`the terminal never showed ${regex}:\n${this.screen}`);
  }

  /** Waits for the prompt, then asks the shell for `$?`: the exit status of the last command, as the user sees it. */
  async lastStatus(): Promise<number> {
    const from = this.screen.length;
    await this.waitFor(Terminal.PROMPT, from);
    const asked = this.screen.length;
    this.type(`echo "status:$?:"\n`);
    return Number((await this.waitFor(/status:(\d+):/, asked))[1]);
  }

  /** Runs a line to its end; returns its exit status. */
  async run(line: string): Promise<number> {
    this.type(`${line}\n`);
    return this.lastStatus();
  }

  /** Whether the cursor is visible: every hide (ESC [?25l) was followed by a show (ESC [?25h). */
  cursorVisible(): boolean {
    return this.screen.lastIndexOf("\u001b[?25l") <= this.screen.lastIndexOf("\u001b[?25h");
  }

  /** Ends the terminal and waits until `script` has gone. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGKILL");
    await gone;
  }
}

const terminals: Terminal[] = [];
async function terminal(): Promise<Terminal> {
  const t = new Terminal();
  terminals.push(t);
  return t.open();
}
afterEach(async () => {
  await Promise.all(terminals.splice(0).map((t) => t.close()));
});

/** A small acct file with a plan and a day off. */
function seededDb(): string {
  const db = tempDb();
  expect(acct(db, EXAMPLE_PLAN).code).toBe(0);
  expect(acct(db, ["off", "add", "2026-12-24"]).code).toBe(0);
  expect(acct(db, ["log", "meeting", "--date", "2026-03-10"]).code).toBe(0);
  return db;
}

/** A CSV of `rows` calls in acct's export format. */
function bigCsv(rows: number): string {
  const path = join(dirname(tempDb()), "big.csv");
  const lines = ["date,type,count,amount,minutes,contact,note"];
  for (let i = 0; i < rows; i++)
    lines.push(`2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},call,${1 + (i % 5)},,,Contact ${i},`);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

const entryCount = (db: string) => acctJson<unknown[]>(db, ["log", "list", "--all"]).length;

describe.skipIf(!hasScript)("Ctrl-C at a terminal", () => {
  it("during a large import: the shell shows 130, nothing is saved, the cursor is back, the next acct writes", async () => {
    const db = seededDb();
    const print = fingerprint(db);
    const csv = bigCsv(200_000);
    const t = await terminal();
    t.type(`acct --db ${q(db)} import ${q(csv)}\n`);
    await walGrows(db, 1 << 20);
    t.type("\u0003");
    expect(await t.lastStatus(), t.screen).toBe(130);
    expect(fingerprint(db)).toBe(print);
    expect(integrity(db)).toBe("ok");
    expect(t.cursorVisible(), t.screen).toBe(true);
    // The file is free: the next write neither waits for a lock nor fails.
    expect(await t.run(`acct --db ${q(db)} log call --contact after`), t.screen).toBe(0);
    expect(entryCount(db)).toBe(2);
  });

  it("while waiting for another writer's lock: the shell shows 130, and nothing is written, then or later", async () => {
    const db = seededDb();
    const print = fingerprint(db);
    const holder = new Database(db);
    holder.exec("BEGIN IMMEDIATE");
    const t = await terminal();
    try {
      t.type(`acct --db ${q(db)} log call 3 --contact Ada\n`);
      // Well inside the 5 s the writer waits for the lock.
      await sleep(1_000);
      t.type("\u0003");
      expect(await t.lastStatus(), t.screen).toBe(130);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    await sleep(300);
    expect(fingerprint(db)).toBe(print);
    expect(await t.run(`acct --db ${q(db)} log call --contact after`), t.screen).toBe(0);
    expect(entryCount(db)).toBe(2);
  });

  it("in the plan wizard: the shell shows 130, acct says nothing was saved, no file is created", async () => {
    const db = join(dirname(tempDb()), "acct.db");
    const t = await terminal();
    const from = t.screen.length;
    t.type(`acct --db ${q(db)} plan set\n`);
    await t.waitFor("Plan year", from);
    t.type("\u0003");
    expect(await t.lastStatus(), t.screen).toBe(130);
    expect(t.screen.slice(from)).toMatch(/acct: interrupted; nothing was saved/);
    expect(existsSync(db)).toBe(false);
    expect(t.cursorVisible(), t.screen).toBe(true);
  });
});

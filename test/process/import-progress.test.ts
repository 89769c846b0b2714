/**
 * Feedback on long work: an import of a file of PROGRESS_FROM lines and more
 * draws progress on a terminal's stderr (a shorter one draws none), and
 * stdout only ever carries the one-line summary (or the JSON document).
 * `script` gives the command a real pseudo-terminal.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { PROGRESS_FROM } from "../../src/cli/commands/import.js";
import { acct, BIN } from "../helpers/cli.js";

// A file past the size from which acct import draws a bar (the header is a line too), and one short of it.
const ROWS = PROGRESS_FROM + 2_000;
const FEWER_ROWS = PROGRESS_FROM - 2_000;
// CI installs util-linux (script); only a machine without it skips the terminal tests.
const hasScript = process.env.CI === "true" || spawnSync("sh", ["-c", "command -v script"]).status === 0;

/** A CSV as acct export writes it, with `rows` calls spread over January and February. */
function bigCsv(folder: string, rows = ROWS): string {
  const lines = ["date,type,count,amount,minutes,contact,note"];
  for (let i = 0; i < rows; i++) lines.push(`2026-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, "0")},call,1,,,Lead ${i},`);
  const file = join(folder, `calls-${rows}.csv`);
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}
/** The import's summary line names the row count, with or without a thousands separator. */
const countIn = (rows: number) => new RegExp(`imported ${rows.toLocaleString("en-US").replace(",", ",?")} entries`);

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const PROGRESS_NOISE = /\r|\u001b\[|[█░▓▒]/;
/** What a bar looks like on a terminal (where every line ends in \r\n). */
const PROGRESS_BAR = /[█░]|\d+ ?%/;

/** Runs a shell line under a pseudo-terminal; returns what reached the terminal. */
function onTerminal(line: string, folder: string): { code: number; terminal: string } {
  const transcript = join(folder, `tty-${Math.random().toString(36).slice(2)}.txt`);
  const env = { ...process.env, ACCT_NOW: "2026-03-12", NO_COLOR: "1", TERM: "xterm" };
  const result = spawnSync("script", ["-qec", line, transcript], { env, encoding: "utf8", input: "" });
  return { code: result.status ?? -1, terminal: readFileSync(transcript, "utf8") };
}

describe("acct import progress", () => {
  it("prints only the summary on stdout when piped, and no progress on stderr", () => {
    const folder = mkdtempSync(join(tmpdir(), "acct-import-"));
    const db = join(folder, "acct.db");
    const result = acct(db, ["import", bigCsv(folder)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toMatch(countIn(ROWS));
    expect(result.stdout).not.toMatch(PROGRESS_NOISE);
    expect(result.stderr).not.toMatch(PROGRESS_NOISE);
  });

  it("prints one JSON document with --json, nothing else", () => {
    const folder = mkdtempSync(join(tmpdir(), "acct-import-"));
    const result = acct(join(folder, "acct.db"), ["import", bigCsv(folder), "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).not.toMatch(PROGRESS_NOISE);
  });

  it.skipIf(!hasScript)("draws progress on a terminal, on stderr only: stdout redirected to a file holds just the summary", () => {
    const folder = mkdtempSync(join(tmpdir(), "acct-import-"));
    const csv = bigCsv(folder);
    const acctLine = (db: string) => `${q(process.execPath)} ${q(BIN)} --db ${q(db)} import ${q(csv)}`;

    const shown = onTerminal(acctLine(join(folder, "a.db")), folder);
    expect(shown.code, shown.terminal).toBe(0);
    expect(shown.terminal).toMatch(countIn(ROWS));
    expect(shown.terminal, "a progress display on the terminal").toMatch(PROGRESS_BAR);

    const out = join(folder, "stdout.txt");
    const split = onTerminal(`${acctLine(join(folder, "b.db"))} > ${q(out)}`, folder);
    expect(split.code, split.terminal).toBe(0);
    const stdout = readFileSync(out, "utf8");
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(stdout).toMatch(countIn(ROWS));
    expect(stdout).not.toMatch(PROGRESS_NOISE);
  });

  it.skipIf(!hasScript)("draws no progress on a terminal for a file short of the threshold", () => {
    const folder = mkdtempSync(join(tmpdir(), "acct-import-"));
    const csv = bigCsv(folder, FEWER_ROWS);
    const shown = onTerminal(`${q(process.execPath)} ${q(BIN)} --db ${q(join(folder, "a.db"))} import ${q(csv)}`, folder);
    expect(shown.code, shown.terminal).toBe(0);
    expect(shown.terminal).toMatch(countIn(FEWER_ROWS));
    expect(shown.terminal, "no progress display").not.toMatch(PROGRESS_BAR);
  });

  it("imported every row", () => {
    const folder = mkdtempSync(join(tmpdir(), "acct-import-"));
    const db = join(folder, "acct.db");
    expect(acct(db, ["import", bigCsv(folder)]).code).toBe(0);
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare("SELECT COUNT(*) FROM entries WHERE deleted_at IS NULL").pluck().get()).toBe(ROWS);
    } finally {
      conn.close();
    }
  });
});

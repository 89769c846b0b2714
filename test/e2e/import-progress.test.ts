/**
 * Feedback on long work: an import of ten thousand rows and more draws progress on a
 * terminal's stderr, and stdout only ever carries the one-line summary (or
 * the JSON document). `script` gives the command a real pseudo-terminal.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { acct, BIN } from "../helpers/cli.js";

// Enough rows to pass the size from which acct import draws a bar (it skips one for quick imports).
const ROWS = 12_000;
const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0;

/** A CSV as acct export writes it, with `ROWS` calls spread over January and February. */
function bigCsv(folder: string): string {
  const lines = ["date,type,count,amount,minutes,contact,note"];
  for (let i = 0; i < ROWS; i++) lines.push(`2026-0${1 + (i % 2)}-${String(1 + (i % 28)).padStart(2, "0")},call,1,,,Lead ${i},`);
  const file = join(folder, "big.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const PROGRESS_NOISE = /\r|\u001b\[|[█░▓▒]/;

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
    expect(result.stdout).toMatch(/12,?000/);
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
    expect(shown.terminal).toMatch(/12,?000/);
    expect(shown.terminal, "a progress display on the terminal").toMatch(/[█░]|\d+ ?%/);

    const out = join(folder, "stdout.txt");
    const split = onTerminal(`${acctLine(join(folder, "b.db"))} > ${q(out)}`, folder);
    expect(split.code, split.terminal).toBe(0);
    const stdout = readFileSync(out, "utf8");
    expect(stdout.trimEnd().split("\n")).toHaveLength(1);
    expect(stdout).toMatch(/12,?000/);
    expect(stdout).not.toMatch(PROGRESS_NOISE);
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

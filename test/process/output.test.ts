/**
 * acct writes stdout with synchronous writes (src/cli/terminal.ts). Large
 * output must arrive whole through a slow reader, a pipe left non-blocking
 * by whoever made it, and a reader that stops early (`| head`).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, BIN, EXAMPLE_PLAN, tempDb } from "../helpers/cli.js";

let db = "";
let expected = "";

beforeAll(() => {
  db = tempDb();
  expect(acct(db, EXAMPLE_PLAN).code).toBe(0);
  const csv = join(dirname(db), "many.csv");
  const lines = ["date,type,count,amount,minutes,contact,note"];
  // Days 01-09 of January to March: none after ACCT_NOW (2026-03-12), which an import refuses.
  for (let i = 0; i < 30_000; i++)
    lines.push(`2026-0${1 + (i % 3)}-0${1 + (i % 9)},call,${1 + (i % 4)},,,Contact ${i},a note long enough to make the export a few megabytes`);
  writeFileSync(csv, `${lines.join("\n")}\n`);
  expect(acct(db, ["import", csv]).code).toBe(0);
  const out = join(dirname(db), "export.csv");
  expect(acct(db, ["export", "--format", "csv", "--out", out]).code).toBe(0);
  expected = readFileSync(out, "utf8");
  expect(expected.length).toBeGreaterThan(2_000_000);
});

const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env, ACCT_NOW: "2026-03-12" };
  delete e.ACCT_DB;
  return e;
};

describe("large output on stdout", () => {
  it("arrives whole through a pipe", () => {
    const result = spawnSync(process.execPath, [BIN, "--db", db, "export", "--format", "csv"], { env: env(), encoding: "utf8", maxBuffer: 1 << 27 });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it("arrives whole through a non-blocking pipe whose reader is slow to start", () => {
    // Python makes the pipe non-blocking, starts acct on it and reads only after a pause, so acct's writes meet EAGAIN.
    const script = [
      "import fcntl, os, subprocess, sys, time",
      "r, w = os.pipe()",
      "fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)",
      "p = subprocess.Popen(sys.argv[1:], stdout=w)",
      "os.close(w)",
      "time.sleep(0.5)",
      "chunks = []",
      "while True:",
      "    chunk = os.read(r, 1 << 16)",
      "    if not chunk: break",
      "    chunks.append(chunk)",
      "sys.stdout.buffer.write(b''.join(chunks))",
      "sys.exit(p.wait())",
    ].join("\n");
    const result = spawnSync("python3", ["-c", script, process.execPath, BIN, "--db", db, "export", "--format", "csv"], {
      env: env(),
      encoding: "utf8",
      maxBuffer: 1 << 27,
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  it("ends quietly, exit 0, when the reader stops early (| head)", () => {
    const result = spawnSync(
      "bash",
      ["-c", `"${process.execPath}" "${BIN}" --db "${db}" export --format csv 2>err.txt | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"; cat err.txt`],
      {
        env: env(),
        encoding: "utf8",
        cwd: dirname(db),
      },
    );
    expect(result.stdout).toBe("0\n");
  });

  it("drops the output but still saves when the reader is gone before acct prints", () => {
    // Python closes the pipe's read end before acct starts: every write meets EPIPE.
    const script = [
      "import os, subprocess, sys",
      "r, w = os.pipe()",
      "os.close(r)",
      "p = subprocess.Popen(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)",
      "os.close(w)",
      "err = p.communicate()[1]",
      "sys.stdout.write(str(p.returncode) + '|' + err.decode())",
    ].join("\n");
    const reflect = ["audit", "--reflect", "--rating", "4", "--wins", "demos", "--misses", "none", "--change", "call first"];
    const result = spawnSync("python3", ["-c", script, process.execPath, BIN, "--db", db, ...reflect], { env: env(), encoding: "utf8" });
    expect(result.stdout).toBe("0|");
    // audit --reflect prints the audit before it saves the review: the review is saved all the same.
    expect(JSON.parse(acct(db, ["reviews", "--json"]).stdout)).toHaveLength(1);
  });

  it("on a terminal (a pseudo-terminal from script) is coloured, unless NO_COLOR; piped it is not", () => {
    const transcript = join(dirname(db), "tty.txt");
    const onTerminal = (extra: Record<string, string>) => {
      const e: NodeJS.ProcessEnv = { ...env(), TERM: "xterm" };
      delete e.NO_COLOR;
      Object.assign(e, extra);
      const result = spawnSync("script", ["-qec", `"${process.execPath}" "${BIN}" --db "${db}" plan show`, transcript], {
        env: e,
        encoding: "utf8",
        input: "",
      });
      expect(result.status).toBe(0);
      return readFileSync(transcript, "utf8");
    };
    expect(onTerminal({})).toMatch(/\u001b\[1mPlan 2026/);
    expect(onTerminal({ NO_COLOR: "1" })).not.toMatch(/\u001b\[/);
    expect(acct(db, ["plan", "show"]).stdout).not.toMatch(/\u001b\[/);
  });
});

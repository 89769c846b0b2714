/**
 * The launcher runs the bundle with Node's own compile cache. acct must
 * behave the same with no cache, with a cache that is damaged (truncated,
 * foreign, bit-flipped), and must load the packages it leaves outside the
 * bundle; on a Node.js older than 22 it must say so instead of crashing.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PLAN, tempDb } from "../helpers/cli.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A copy of bin/ and dist/ (node_modules linked). */
function launcherCopy(): string {
  const root = mkdtempSync(join(tmpdir(), "acct-launcher-"));
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist"));
  copyFileSync(join(ROOT, "bin", "acct.cjs"), join(root, "bin", "acct.cjs"));
  copyFileSync(join(ROOT, "dist", "main.cjs"), join(root, "dist", "main.cjs"));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  return join(root, "bin", "acct.cjs");
}

function run(bin: string, db: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ACCT_NOW: "2026-03-12", NO_COLOR: "1", ...extraEnv };
  delete env.ACCT_DB;
  const result = spawnSync(process.execPath, [bin, "--db", db, ...args], { env, encoding: "utf8", input: "" });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Every file below `dir`. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Runs the everyday commands once and checks that each exits as it should. */
function expectWorking(bin: string, env: Record<string, string>): void {
  const db = tempDb();
  expect(run(bin, db, EXAMPLE_PLAN, env).code).toBe(0);
  expect(run(bin, db, ["log", "call", "3"], env)).toMatchObject({ code: 0, stderr: "" });
  const audit = run(bin, db, ["audit", "--json"], env);
  expect(audit.code, audit.stderr).toBe(0);
  expect(JSON.parse(audit.stdout).metrics[0]).toMatchObject({ metric: "calls", week: { actual: 3 } });
  expect(run(bin, db, ["log", "nonsense"], env)).toMatchObject({ code: 2, stdout: "" });
}

describe("the launcher and the compile cache", () => {
  it("runs from a cache it wrote itself, and the cache lives outside acct's folder", () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "acct-cache-"));
    const bin = launcherCopy();
    expect(run(bin, tempDb(), ["--version"], { NODE_COMPILE_CACHE: cacheDir }).code).toBe(0);
    expect(filesBelow(cacheDir).length).toBeGreaterThan(0);
    expect(readdirSync(join(bin, "..", "..", "dist"))).toEqual(["main.cjs"]);
    expectWorking(bin, { NODE_COMPILE_CACHE: cacheDir });
  });

  it("neither the bundle nor a stack trace names a path of the machine that built it", () => {
    const root = ROOT.replace(/\/$/, "");
    expect(readFileSync(join(ROOT, "dist", "main.cjs")).includes(root)).toBe(false);
    const bin = launcherCopy();
    const trace = run(bin, tempDb(), ["audit", "--week", "2099-W01"], { ACCT_DEBUG: "1" }).stderr;
    expect(trace).toMatch(/at usageError \(.*dist\/main\.cjs:\d+:\d+\)/);
    expect(trace).not.toContain(root);
  });

  it("without a built bundle: exit 1 and one line saying how to build it", () => {
    const bin = launcherCopy();
    rmSync(join(bin, "..", "..", "dist", "main.cjs"));
    const result = run(bin, tempDb(), ["--version"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^acct: .*main\.cjs is missing: acct is not built\nhint: run npm install, or npm run build, in acct's folder\n$/);
  });

  it.each([
    ["truncated", (b: Buffer, _i: number) => b.subarray(0, b.length >> 1)],
    ["foreign", (b: Buffer, _i: number) => Buffer.alloc(b.length, 7)],
    [
      "bit-flipped",
      (b: Buffer, i: number) => {
        const copy = Buffer.from(b);
        const at = Math.floor(((i + 1) / 13) * copy.length) % copy.length;
        copy[at] = (copy[at] as number) ^ (1 << (i % 8));
        return copy;
      },
    ],
  ] as const)("a %s cache never crashes acct: it runs, slower at worst", (_kind, damage) => {
    const cacheDir = mkdtempSync(join(tmpdir(), "acct-cache-"));
    const bin = launcherCopy();
    expect(run(bin, tempDb(), ["--version"], { NODE_COMPILE_CACHE: cacheDir }).code).toBe(0);
    const files = filesBelow(cacheDir);
    const pristine = new Map(files.map((f) => [f, readFileSync(f)]));
    for (let i = 0; i < 12; i++) {
      for (const [file, bytes] of pristine) writeFileSync(file, damage(bytes, i));
      const result = run(bin, tempDb(), ["--version"], { NODE_COMPILE_CACHE: cacheDir });
      expect(result, `damage ${i}`).toMatchObject({ code: 0, signal: null, stdout: "0.1.0\n", stderr: "" });
    }
    for (const [file, bytes] of pristine) writeFileSync(file, damage(bytes, 5));
    expectWorking(bin, { NODE_COMPILE_CACHE: cacheDir });
  });

  // .ci/run names the machine's own Node.js 20 here; better-sqlite3 13 would crash it.
  const oldNode = process.env.ACCT_TEST_OLD_NODE;
  it.runIf(oldNode !== undefined)("on a Node.js older than 22: exit 1 and one line saying what to install, nothing written", () => {
    const db = tempDb();
    for (const args of [["--version"], ["log", "call"], ["status"]]) {
      const result = spawnSync(oldNode as string, [join(ROOT, "bin", "acct.cjs"), "--db", db, ...args], { encoding: "utf8", input: "" });
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(
        /^acct: acct needs Node\.js 22 or newer; this is Node\.js 2\d\.\d+\.\d+\nhint: install Node\.js 24 \(LTS\) and run acct with it\n$/,
      );
    }
    expect(existsSync(db)).toBe(false);
  });

  it("loads the packages outside the bundle (the table library, ical-generator)", () => {
    const bin = launcherCopy();
    const db = tempDb();
    expect(run(bin, db, EXAMPLE_PLAN).code).toBe(0);
    const show = run(bin, db, ["plan", "show"]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Month.*Days.*Calls/);
    expect(run(bin, db, ["block", "add", "Calls", "--days", "mon", "--start", "09:00", "--end", "10:00"]).code).toBe(0);
    const ics = run(bin, db, ["block", "export"]);
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR/);
  });
});

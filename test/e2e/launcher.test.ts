/**
 * The launcher runs the bundle from the V8 code cache the build writes; acct
 * must behave the same without it, with a damaged one, or with another
 * build's, and still load the packages it leaves outside the bundle.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PLAN, tempDb } from "../helpers/cli.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The build's code cache: dist/main.<build id>.cache. */
function builtCache(): string {
  const name = readdirSync(join(ROOT, "dist")).find((f) => /^main\.[0-9a-f]{16}\.cache$/.test(f));
  if (!name) throw new Error("no code cache in dist/ (run npm run build)");
  return join(ROOT, "dist", name);
}

/** A copy of bin/ and dist/ (node_modules linked), whose cache the test may change. */
function launcherCopy(cache: "built" | "none" | "damaged" | "another build's"): string {
  const root = mkdtempSync(join(tmpdir(), "acct-launcher-"));
  mkdirSync(join(root, "bin"));
  mkdirSync(join(root, "dist"));
  copyFileSync(join(ROOT, "bin", "acct.cjs"), join(root, "bin", "acct.cjs"));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  const bundle = readFileSync(join(ROOT, "dist", "main.cjs"), "utf8");
  // Another build: the same bundle under another id, so the cache on disk is not its own.
  writeFileSync(join(root, "dist", "main.cjs"), cache === "another build's" ? bundle.replace(/acct-build [0-9a-f]+/, "acct-build 0123456789abcdef") : bundle);
  const cacheFile = join(root, "dist", basename(builtCache()));
  if (cache === "built" || cache === "another build's") copyFileSync(builtCache(), cacheFile);
  if (cache === "damaged") writeFileSync(cacheFile, Buffer.alloc(4096, 7));
  return join(root, "bin", "acct.cjs");
}

function run(bin: string, db: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ACCT_NOW: "2026-03-12", NO_COLOR: "1", ...extraEnv };
  delete env.ACCT_DB;
  delete env.ACCT_WRITE_CODE_CACHE;
  const result = spawnSync(process.execPath, [bin, "--db", db, ...args], { env, encoding: "utf8", input: "" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the launcher and its code cache", () => {
  it("the build wrote a code cache beside the bundle, and V8 takes it", () => {
    builtCache();
    const result = run(join(ROOT, "bin", "acct.cjs"), tempDb(), ["--version"], { ACCT_DEBUG: "1" });
    expect(result).toMatchObject({ code: 0, stderr: "" });
  });

  it("neither the bundle nor its cache names a path of the machine that built them", () => {
    const root = ROOT.replace(/\/$/, "");
    expect(readFileSync(join(ROOT, "dist", "main.cjs")).includes(root)).toBe(false);
    expect(readFileSync(builtCache()).includes(root)).toBe(false);
    const trace = run(launcherCopy("built"), tempDb(), ["audit", "--week", "2099-W01"], { ACCT_DEBUG: "1" }).stderr;
    expect(trace).toMatch(/at usageError \(acct\/dist\/main\.cjs:\d+:\d+\)/);
    expect(trace).not.toContain(root);
  });

  it("without a built bundle: exit 1 and one line saying how to build it", () => {
    const bin = launcherCopy("none");
    rmSync(join(bin, "..", "..", "dist", "main.cjs"));
    const result = run(bin, tempDb(), ["--version"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^acct: .*main\.cjs is missing: acct is not built \(ENOENT\)\nhint: run npm install, or npm run build, in acct's folder\n$/);
  });

  it.each([
    ["none", /^acct: debug: no code cache for .*main\.cjs; npm run build in acct's folder, or reinstalling acct, makes one\n$/],
    ["another build's", /^acct: debug: no code cache for /],
    ["damaged", /^acct: debug: V8 refused the code cache \(made by another Node\.js\?\) of /],
  ] as const)("ACCT_DEBUG=1 says when the cache is %s", (cache, message) => {
    const result = run(launcherCopy(cache), tempDb(), ["--version"], { ACCT_DEBUG: "1" });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(message);
  });

  it.each(["built", "none", "damaged", "another build's"] as const)("with the cache %s, acct works the same, outside packages included", (cache) => {
    const bin = launcherCopy(cache);
    const db = tempDb();
    expect(run(bin, db, EXAMPLE_PLAN).code).toBe(0);
    expect(run(bin, db, ["log", "call", "3"])).toMatchObject({ code: 0, stderr: "" });
    const audit = run(bin, db, ["audit", "--json"]);
    expect(audit.code, audit.stderr).toBe(0);
    expect(JSON.parse(audit.stdout).metrics[0]).toMatchObject({ metric: "calls", week: { actual: 3 } });
    // The table library (bundled, set up on first use) and ical-generator (outside the bundle, imported through the launcher).
    const show = run(bin, db, ["plan", "show"]);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Month.*Days.*Calls/);
    expect(run(bin, db, ["block", "add", "Calls", "--days", "mon", "--start", "09:00", "--end", "10:00"]).code).toBe(0);
    const ics = run(bin, db, ["block", "export"]);
    expect(ics.code, ics.stderr).toBe(0);
    expect(ics.stdout).toMatch(/^BEGIN:VCALENDAR/);
  });
});

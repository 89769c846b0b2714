/**
 * The published package: `npm pack`, a global install into a temporary
 * prefix with no compiler on the PATH (better-sqlite3 ships its addon
 * prebuilt), and the installed `acct` run from an unrelated folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const INSTALL_TIMEOUT_MS = 600_000;

let work = "";
let prefix = "";
let packed: { filename: string; files: { path: string }[] };

/** The environment without the npm_* variables of an enclosing `npm test`, which would redirect npm. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.toLowerCase().startsWith("npm_")) env[key] = value;
  delete env.ACCT_DB;
  delete env.ACCT_NOW;
  return { ...env, ...extra };
}

/** A PATH that has node and npm but no C or C++ compiler, python or make. */
function pathWithoutCompilers(): string {
  const bin = mkdtempSync(join(tmpdir(), "acct-nocc-"));
  for (const tool of ["node", "npm", "sh", "bash", "env"]) {
    const found = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
    if (found) symlinkSync(found, join(bin, tool));
  }
  return bin;
}

function npm(args: string[], cwd: string): string {
  const result = spawnSync("npm", args, { cwd, env: cleanEnv({ PATH: pathWithoutCompilers() }), encoding: "utf8", timeout: INSTALL_TIMEOUT_MS });
  if (result.status !== 0) throw new Error(`npm ${args.join(" ")} exited ${result.status}:\n${result.stderr}`);
  return result.stdout;
}

/** The installed acct, run from a folder that has nothing to do with the checkout. */
function installed(args: string[], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(join(tmpdir(), "acct-anywhere-"));
  const result = spawnSync(join(prefix, "bin", "acct"), args, { cwd, env: cleanEnv({ HOME: cwd, ACCT_NOW: "2026-03-12", ...env }), encoding: "utf8" });
  return { code: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr), cwd };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "acct-pack-"));
  prefix = join(work, "prefix");
  // --ignore-scripts: dist/ is already built by `npm test`; rebuilding it here would race the other process tests.
  const json = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  packed = (JSON.parse(json) as (typeof packed)[])[0] as typeof packed;
  npm(["install", "-g", "--prefix", prefix, "--no-audit", "--no-fund", "--prefer-offline", join(work, packed.filename)], work);
}, INSTALL_TIMEOUT_MS);

describe("the published package", () => {
  it("holds only bin/, dist/, the README and package.json", () => {
    expect(packed.filename).toBe("acct-0.1.0.tgz");
    const outside = packed.files.map((f) => f.path).filter((p) => !/^(bin|dist)\//.test(p) && !["README.md", "package.json", "LICENSE"].includes(p));
    expect(outside).toEqual([]);
    expect(packed.files.map((f) => f.path).sort()).toEqual(["README.md", "bin/acct.cjs", "dist/main.cjs", "package.json"]);
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
    expect(manifest.engines.node).toBe(">=22");
  });

  it("runs acct --version from any folder", () => {
    const result = installed(["--version"], { ACCT_DEBUG: "1" });
    expect(result).toMatchObject({ code: 0, stdout: "0.1.0\n", stderr: "" });
  });

  it("installed better-sqlite3's prebuilt addon: nothing was compiled", () => {
    const sqlite = join(prefix, "lib", "node_modules", "acct", "node_modules", "better-sqlite3");
    expect(existsSync(join(sqlite, "build"))).toBe(false);
    expect(readdirSync(join(sqlite, "prebuilds"))).toContain(`${process.platform}-${process.arch}.node`);
  });

  it("stores and shows a plan with its SQLite module", () => {
    const db = join(mkdtempSync(join(tmpdir(), "acct-installed-")), "acct.db");
    const set = installed([
      "plan",
      "set",
      "--db",
      db,
      "--target",
      "1.2m",
      "--deal-size",
      "40k",
      "--win-rate",
      "25%",
      "--meeting-rate",
      "50%",
      "--call-rate",
      "10%",
    ]);
    expect(set.code, set.stderr).toBe(0);
    const show = installed(["plan", "show", "--json"], { ACCT_DB: db });
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout).annual).toEqual({ revenue: 1200000, deals: 30, opportunities: 120, meetings: 240, calls: 2400 });
  });

  it("keeps its data in the XDG folder when no --db is given, not in the current folder", () => {
    const result = installed(["config", "set", "currency", "€"]);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(result.cwd, ".local", "share", "acct", "acct.db"))).toBe(true);
  });

  it("runs acct demo from any folder", () => {
    const db = join(mkdtempSync(join(tmpdir(), "acct-demo-")), "demo.db");
    const result = installed(["demo", "--db", db]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toBe("");
  });

  // Last: it breaks the installed copy on purpose.
  it("names the fix when the native SQLite module cannot be loaded", () => {
    const addon = join(prefix, "lib", "node_modules", "acct", "node_modules", "better-sqlite3", "prebuilds", `${process.platform}-${process.arch}.node`);
    expect(existsSync(addon)).toBe(true);
    const folder = mkdtempSync(join(tmpdir(), "acct-broken-"));
    const existing = join(folder, "existing.db");
    expect(installed(["config", "set", "currency", "€", "--db", existing]).code).toBe(0);
    const before = readFileSync(existing);
    writeFileSync(addon, "not a shared library\n");

    const fresh = join(folder, "fresh.db");
    for (const args of [
      ["config", "get", "currency", "--db", existing],
      ["config", "set", "currency", "£", "--db", existing],
      ["config", "set", "currency", "£", "--db", fresh],
    ]) {
      const result = installed(args);
      expect(result.code, args.join(" ")).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        "acct: the SQLite module (better-sqlite3) could not be loaded for this Node.js\nhint: reinstall acct with the Node.js you run it on (npm install -g acct)\n",
      );
    }
    expect(existsSync(fresh)).toBe(false);
    expect(readFileSync(existing).equals(before)).toBe(true);
    // Commands that need no database still work.
    expect(installed(["--version"]).code).toBe(0);
  });
});

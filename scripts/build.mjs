// Bundles src/cli/main.ts into dist/main.cjs with esbuild. One CommonJS file
// starts measurably faster than an ES module bundle on Node 20 (about 13 ms
// of a ~30 ms overhead over bare node, min of 30 runs): acct starts many times
// a day, so start-up is the product's feel. Heavy libraries only some
// commands need stay outside the bundle and load from node_modules on first
// use (src/packages.ts); so does better-sqlite3's native addon, while its
// JavaScript is bundled (resolving and loading its ten files cost ~5 ms a run).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });

// commander requires child_process at load, for subcommands that are separate
// executables, which acct has none of; loading it costs every run about 1 ms.
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy" } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = { spawn: (...args) => require("node:child_process").spawn(...args) };',
      loader: "js",
    }));
  },
};

// chalk's own colour detection imports `tty` (and with it `net` and
// `stream`, ~3 ms a run); acct always gives chalk its level itself
// (src/cli/context.ts), so the bundle takes chalk's import-free variant.
const chalkWithoutDetection = {
  name: "chalk-without-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => ({ path: join(args.resolveDir, "vendor", "supports-color", "browser.js") }));
  },
};

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/main.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external: ["bindings", "vega", "vega-lite", "@inquirer/prompts", "ical-generator", "cli-progress"],
  // The sources are ES modules; in the CommonJS bundle import.meta.url is this file's URL.
  define: { "import.meta.url": "__acctImportMetaUrl" },
  banner: { js: 'const __acctImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Whitespace and syntax only: a smaller file parses faster; names stay readable in ACCT_DEBUG traces.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [lazyChildProcess, chalkWithoutDetection],
  logLevel: "warning",
});

// The bundle ends with its build id, a hash of its text, and the code cache
// is named after it (dist/main.<id>.cache): the launcher never uses a cache
// of another build. (V8 itself checks only the source's length; file times
// do not help, as npm writes a package's files in any order.)
const bundle = fileURLToPath(new URL("../dist/main.cjs", import.meta.url));
const text = readFileSync(bundle, "utf8");
const id = createHash("sha256").update(text).digest("hex").slice(0, 16);
writeFileSync(bundle, `${text}// acct-build ${id}\n`);

// A training run writes the cache: `acct demo` on a scratch file compiles
// what the everyday commands run (opening the file, a write, the status and
// the audit). Without the cache acct still works, only about 10 ms slower.
const scratch = mkdtempSync(join(tmpdir(), "acct-build-"));
try {
  const trained = spawnSync(process.execPath, [fileURLToPath(new URL("../bin/acct.cjs", import.meta.url)), "demo", "--db", join(scratch, "acct.db")], {
    env: { ...process.env, ACCT_WRITE_CODE_CACHE: "1", ACCT_NOW: "2026-03-12", NO_COLOR: "1", ACCT_DB: "" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (trained.status !== 0) {
    rmSync(join(dirname(bundle), `main.${id}.cache`), { force: true });
    const why = trained.error?.message ?? (trained.stderr ?? "").trim().split("\n")[0];
    console.warn(`build: no code cache (the training run failed: ${why || `exit ${trained.status}`})`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

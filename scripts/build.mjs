// Bundles src/cli/main.ts into dist/main.cjs with esbuild. One CommonJS file
// starts measurably faster than an ES module bundle (about 13 ms of a ~30 ms
// overhead over bare node, min of 30 runs): acct starts many times a day, so
// start-up is the product's feel. Heavy libraries only some commands need
// stay outside the bundle and load from node_modules on first use
// (src/packages.ts); so does better-sqlite3's native addon, while its
// JavaScript is bundled (resolving and loading its ten files cost ~5 ms a run).
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

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

// better-sqlite3 finds its prebuilt addon relative to its own lib/ folder.
// Bundled, that code would look beside dist/, so its __dirname is set back to
// where the package is installed: beside dist/ in acct's own node_modules
// (checked first: resolving the package costs ~1.5 ms a run), else wherever
// Node resolves it.
const betterSqliteHome = {
  name: "better-sqlite3-home",
  setup(b) {
    b.onLoad({ filter: /[\\/]better-sqlite3[\\/]lib[\\/]binding\.js$/ }, (args) => ({
      contents: `const __dirname = (() => {
  const { dirname, join } = require("node:path");
  const own = join(__filename, "..", "..", "node_modules", "better-sqlite3", "lib");
  return require("node:fs").existsSync(join(own, "binding.js")) ? own : dirname(require("node:module").createRequire(__filename).resolve("better-sqlite3"));
})();
${readFileSync(args.path, "utf8")}`,
      loader: "js",
    }));
  },
};

await build({
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/main.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node22",
  external: ["vega", "vega-lite", "@inquirer/prompts", "ical-generator", "ical.js", "cli-progress"],
  // The sources are ES modules; in the CommonJS bundle import.meta.url is this file's URL.
  define: { "import.meta.url": "__acctImportMetaUrl" },
  banner: { js: 'const __acctImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Whitespace and syntax only: a smaller file parses faster; names stay readable in ACCT_DEBUG traces.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [lazyChildProcess, chalkWithoutDetection, betterSqliteHome],
  // The shell completion scripts are checked-in shell files (src/cli/completion/), bundled as text.
  loader: { ".bash": "text", ".zsh": "text", ".fish": "text" },
  logLevel: "warning",
});

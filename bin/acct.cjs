#!/usr/bin/env node
// The launcher. It is CommonJS because an ES module entry starts Node's ESM
// loader first, which costs every run a few milliseconds. It runs the bundle
// (dist/main.cjs) from the V8 code cache the build wrote beside it: compiling
// the bundle is otherwise the largest single cost of starting acct, and
// Node 20 has no compile cache of its own.
"use strict";
const Module = require("node:module");
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const vm = require("node:vm");

// Node 22.1+ keeps compiled code of the packages loaded from node_modules.
Module.enableCompileCache?.();

const dist = join(__dirname, "..", "dist");
const bundle = join(dist, "main.cjs");
let source;
try {
  source = readFileSync(bundle, "utf8");
} catch (error) {
  process.stderr.write(`acct: ${bundle} is missing: acct is not built (${error.code ?? error.message})\nhint: run npm install, or npm run build, in acct's folder\n`);
  process.exit(1);
}

// The build ends the bundle with its id and names the cache after it, so a
// cache of another build is never used (V8 checks only the source's length).
const mark = source.lastIndexOf("// acct-build ");
const cacheFile = mark >= 0 ? join(dist, `main.${source.slice(mark + 14).trim()}.cache`) : undefined;

function cachedData() {
  try {
    return cacheFile === undefined ? undefined : readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const cached = cachedData();
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __acctImport) {${source}\n})`, {
  // The name in stack traces. Not the file's path: V8 keeps the name the cache
  // was made with, which would be the path on the machine that built it.
  filename: "acct/dist/main.cjs",
  cachedData: cached,
});
if (process.env.ACCT_DEBUG === "1" && (cached === undefined || script.cachedDataRejected)) {
  const why = cached === undefined ? "no code cache for" : "V8 refused the code cache (made by another Node.js?) of";
  process.stderr.write(`acct: debug: ${why} ${bundle}; npm run build in acct's folder, or reinstalling acct, makes one\n`);
}
// The build's training run (scripts/build.mjs) writes the cache as this process ends.
if (process.env.ACCT_WRITE_CODE_CACHE === "1" && cacheFile !== undefined) {
  process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));
}

const main = new Module(bundle, module);
main.filename = bundle;
main.paths = Module._nodeModulePaths(dist);
// Code run from a cache cannot call import() on Node 20: the bundle loads its outside packages through this one.
const importPackage = (specifier) => import(specifier);
script.runInThisContext().call(main.exports, main.exports, Module.createRequire(bundle), main, bundle, dist, importPackage);

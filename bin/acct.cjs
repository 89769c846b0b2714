#!/usr/bin/env node
// The launcher. It is CommonJS because an ES module entry starts Node's ESM
// loader first, which costs every run a few milliseconds. It runs the bundle
// (dist/main.cjs) from the V8 code cache the build wrote beside it
// (dist/main.cjs.cache): compiling the bundle is otherwise the largest single
// cost of starting acct, and Node 20 has no compile cache of its own.
"use strict";
const Module = require("node:module");
const { readFileSync, statSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const vm = require("node:vm");

// Node 22.1+ keeps compiled code of the packages loaded from node_modules.
Module.enableCompileCache?.();

const dist = join(__dirname, "..", "dist");
const bundle = join(dist, "main.cjs");
const cacheFile = `${bundle}.cache`;

/** The cache, when it belongs to this bundle: V8 itself checks only the source's length and its own version. */
function cachedData() {
  try {
    if (statSync(cacheFile).mtimeMs < statSync(bundle).mtimeMs) return undefined;
    return readFileSync(cacheFile);
  } catch {
    return undefined;
  }
}

const source = readFileSync(bundle, "utf8");
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __acctImport) {${source}\n})`, {
  filename: bundle,
  cachedData: cachedData(),
});
// The build's training run (scripts/build.mjs) writes the cache as this process ends.
if (process.env.ACCT_WRITE_CODE_CACHE === "1") process.once("exit", () => writeFileSync(cacheFile, script.createCachedData()));

const main = new Module(bundle, module);
main.filename = bundle;
main.paths = Module._nodeModulePaths(dist);
// Code run from a cache cannot call import() on Node 20: the bundle loads its outside packages through this one.
const importPackage = (specifier) => import(specifier);
script.runInThisContext().call(main.exports, main.exports, Module.createRequire(bundle), main, bundle, dist, importPackage);

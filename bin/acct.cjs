#!/usr/bin/env node
// The launcher. It is CommonJS because an ES module entry starts Node's ESM
// loader first, which costs every run a few milliseconds. Node's own compile
// cache (22.1+) keeps the compiled bundle between runs, in the system's
// temporary folder: compiling the bundle is otherwise the largest single cost
// of starting acct. Node checks the cache's checksum before V8 reads it, so a
// damaged cache costs a recompile, never a crash.
"use strict";
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  // better-sqlite3 13 is built for Node-API on Node.js 22+; on 20 it crashes the process.
  process.stderr.write(`acct: acct needs Node.js 22 or newer; this is Node.js ${process.versions.node}\nhint: install Node.js 24 (LTS) and run acct with it\n`);
  process.exit(1);
}
require("node:module").enableCompileCache?.();
try {
  require("../dist/main.cjs");
} catch (error) {
  if (error?.code !== "MODULE_NOT_FOUND" || !String(error.message).includes("main.cjs")) throw error;
  process.stderr.write(
    `acct: ${require("node:path").join(__dirname, "..", "dist", "main.cjs")} is missing: acct is not built\nhint: run npm install, or npm run build, in acct's folder\n`,
  );
  process.exit(1);
}

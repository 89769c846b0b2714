#!/usr/bin/env node
// A CommonJS launcher: an ES module entry would start Node's ESM loader first,
// which costs every run a few milliseconds.
const { enableCompileCache } = require("node:module");

// Node 22.1+ can keep compiled code between runs; acct starts many times a day.
enableCompileCache?.();
require("../dist/main.cjs");

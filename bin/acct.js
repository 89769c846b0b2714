#!/usr/bin/env node
import module from "node:module";

// Node 22.1+ can keep compiled code between runs; acct starts many times a day.
module.enableCompileCache?.();
await import("../dist/main.js");

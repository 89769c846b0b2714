// Preloaded into every measured process (node -r bench/rss.cjs …): on exit it
// writes "<peak RSS KB> <CPU µs>" to $ACCT_BENCH_RSS_FILE.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");

/**
 * The process's own peak RSS. Linux carries getrusage's maxRSS over from the
 * forked parent (here the benchmark, holding a million generated entries),
 * so VmHWM of /proc/self/status, which starts afresh with the new program,
 * is read first.
 */
function peakRssKb(usage) {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // not Linux
  }
  return usage.maxRSS;
}

process.on("exit", () => {
  const usage = process.resourceUsage();
  writeFileSync(process.env.ACCT_BENCH_RSS_FILE, `${peakRssKb(usage)} ${usage.userCPUTime + usage.systemCPUTime}`);
});

// Preloaded into every measured process (node -r bench/rss.cjs …): on exit it
// writes "<peak RSS KB> <CPU µs>" to $ACCT_BENCH_RSS_FILE.
"use strict";
process.on("exit", () => {
  const usage = process.resourceUsage();
  require("node:fs").writeFileSync(process.env.ACCT_BENCH_RSS_FILE, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
});

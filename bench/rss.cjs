// Preloaded into a measured process (node -r bench/rss.cjs …): writes its peak RSS in KB to $ACCT_BENCH_RSS_FILE on exit.
"use strict";
process.on("exit", () => {
  require("node:fs").writeFileSync(process.env.ACCT_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});

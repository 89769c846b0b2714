#!/usr/bin/env node
/**
 * `npm run bench`: builds data sets of 10k, 100k and 1M entries (ten years),
 * times whole `acct` processes against bare `node -e ''` measured in the same
 * loop, measures import throughput and peak RSS, and writes the table into
 * BENCHMARKS.md. Options: --sizes 10000,100000 --runs 15 --no-write;
 * --only import measures the two imports alone and, writing, replaces just
 * their lines in BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "acct.cjs");
const RSS_PRELOAD = join(ROOT, "bench", "rss.cjs");
const NOW = "2026-03-12";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SIZES = option("--sizes", "10000,100000,1000000").split(",").map(Number);
const RUNS = Number(option("--runs", "15"));
const IMPORT_ROWS = Number(option("--import-rows", "200000"));
const WRITE = !args.includes("--no-write");
const ONLY = option("--only", null);
if (ONLY !== null && ONLY !== "import") throw new Error(`--only takes "import", not ${ONLY}`);

const work = mkdtempSync(join(tmpdir(), "acct-bench-"));
const env = { ...process.env, ACCT_NOW: NOW, NO_COLOR: "1" };
delete env.ACCT_DB;
delete env.ACCT_DEBUG;

function run(argv, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { env: { ...env, ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const acctArgv = (db, cmd) => [BIN, "--db", db, ...cmd];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * One run with a preload that reports process.resourceUsage(): wall time,
 * CPU time (user + system, which a busy machine disturbs far less) and peak RSS.
 */
function measured(argv) {
  const file = join(work, "usage.txt");
  rmSync(file, { force: true });
  const { ms } = run(["-r", RSS_PRELOAD, ...argv], { ACCT_BENCH_RSS_FILE: file });
  const [rssKb, cpuUs] = existsSync(file) ? readFileSync(file, "utf8").split(" ").map(Number) : [NaN, NaN];
  return { ms, cpu: cpuUs / 1000, rss: rssKb / 1024 };
}

const peakRss = (argv) => measured(argv).rss;

/**
 * Times `cmd` and bare node alternately, RUNS times each, so both see the
 * same machine load. A command that fails (e.g. not built yet) is reported as such.
 */
function measure(db, cmd, { fresh } = {}) {
  const target = fresh ? join(work, "scratch.db") : db;
  const probe = (() => {
    if (fresh) copyFileSync(db, target);
    return run(acctArgv(target, cmd));
  })();
  if (probe.code !== 0) {
    const line = (probe.stderr.split("\n")[0] ?? "").replace(/^acct: /, "");
    return { failed: /not built yet/.test(line) ? "not built yet" : `exit ${probe.code}: ${line}` };
  }
  const acct = [];
  const node = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(measured(["-e", ""]));
    acct.push(measured(acctArgv(target, cmd)));
  }
  const ms = median(acct.map((r) => r.ms));
  const base = median(node.map((r) => r.ms));
  const cpu = median(acct.map((r) => r.cpu));
  const baseCpu = median(node.map((r) => r.cpu));
  return { ms, base, ratio: ms / base, cpu, baseCpu, cpuRatio: cpu / baseCpu, rss: Math.max(...acct.map((r) => r.rss)) };
}

// ---------------------------------------------------------------- data sets

const TYPE_MIX = [
  ["call", 0.58],
  ["email", 0.22],
  ["meeting", 0.12],
  ["opportunity", 0.05],
  ["deal", 0.03],
];

/** A small deterministic PRNG, so every run builds the same data. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Working days (Mon–Fri) of the ten years up to NOW. */
function workingDays() {
  const days = [];
  const end = new Date(`${NOW}T00:00:00Z`);
  for (let d = new Date(Date.UTC(end.getUTCFullYear() - 10, end.getUTCMonth(), end.getUTCDate() + 1)); d <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

/** Yields `n` realistic entries spread evenly over ten years of working days. */
function* entries(n, seed = 1) {
  const random = rng(seed);
  const days = workingDays();
  for (let i = 0; i < n; i++) {
    const date = days[Math.floor((i / n) * days.length)];
    let x = random();
    let type = "call";
    for (const [t, share] of TYPE_MIX) {
      if (x < share) {
        type = t;
        break;
      }
      x -= share;
    }
    const count = type === "call" || type === "email" ? 1 + Math.floor(random() * 5) : 1;
    const amount = type === "deal" ? Math.round(20000 + random() * 60000) * 100 : null;
    const minutes = type === "meeting" ? 30 + Math.floor(random() * 4) * 15 : null;
    const contact = random() < 0.4 ? `Contact ${Math.floor(random() * 5000)}` : null;
    const note = random() < 0.1 ? "follow up next week" : null;
    yield { date, type, count, amount, minutes, contact, note };
  }
}

const PLAN = ["plan", "set", "--target", "1200000", "--deal-size", "40000", "--win-rate", "0.25", "--meeting-rate", "0.5", "--call-rate", "0.1"];

/** A data file whose schema the real CLI created (plan set), filled with `n` entries in one transaction. */
function buildDataSet(n) {
  const path = join(work, `acct-${n}.db`);
  const planned = run(acctArgv(path, PLAN));
  if (planned.code !== 0) throw new Error(`acct plan set failed: ${planned.stderr}`);
  run(acctArgv(path, [...PLAN, "--year", "2025"]));
  run(acctArgv(path, ["off", "add", "2026-08-03..2026-08-14", "--reason", "vacation"]));
  const db = new Database(path);
  const insert = db.prepare(
    "INSERT INTO entries (date, type, count, amount, minutes, contact, note, created_at) VALUES (@date, @type, @count, @amount, @minutes, @contact, @note, @date || 'T17:00:00')",
  );
  db.transaction(() => {
    for (const e of entries(n)) insert.run(e);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  return path;
}

function writeCsv(rows) {
  const path = join(work, `import-${rows}.csv`);
  const q = (v) => (v === null ? "" : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = ["date,type,count,amount,minutes,contact,note"];
  for (const e of entries(rows, 7))
    lines.push([e.date, e.type, e.count, e.amount === null ? null : e.amount / 100, e.minutes, e.contact, e.note].map(q).join(","));
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/**
 * A CRM activity export shaped like HubSpot's (README, "CRM activity
 * exports"): a BOM, CRLF, US dates with a time, a call's duration in
 * milliseconds, tasks and notes among the rows (skipped), a note quoted now
 * and then; the same seed as every run, so the same file.
 */
function writeCrmCsv(rows) {
  const path = join(work, `hubspot-${rows}.csv`);
  const random = rng(11);
  const days = workingDays();
  const mix = [
    ["CALL", 0.55],
    ["EMAIL", 0.25],
    ["MEETING", 0.1],
    ["TASK", 0.05],
    ["NOTE", 0.05],
  ];
  const two = (n) => String(n).padStart(2, "0");
  const lines = ["\uFEFFRecord ID,Activity date,Activity type,Activity assigned to,Associated Contact,Call duration,Body preview"];
  for (let i = 0; i < rows; i++) {
    const iso = days[Math.floor((i / rows) * days.length)];
    let x = random();
    let type = "CALL";
    for (const [t, share] of mix) {
      if (x < share) {
        type = t;
        break;
      }
      x -= share;
    }
    const hour = 8 + Math.floor(random() * 10);
    const date = `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)} ${two(hour > 12 ? hour - 12 : hour)}:${two(Math.floor(random() * 60))} ${hour >= 12 ? "PM" : "AM"}`;
    const n = Math.floor(random() * 5000);
    const contact = random() < 0.7 ? `Contact ${n} (contact${n}@example.com)` : "";
    const duration = type === "CALL" ? String(Math.floor(random() * 1800) * 1000) : "";
    const note = random() < 0.3 ? '"Follow up, send the deck"' : type === "CALL" ? "Discovery call" : "Re: pricing";
    lines.push([40000000 + i, date, type, "Sam Rep", contact, duration, note].join(","));
  }
  writeFileSync(path, `${lines.join("\r\n")}\r\n`);
  return path;
}

/**
 * Adds 5,000 deals over the ten years to a data file, four reviews each
 * (20,000) with an action apiece: the ones opened in the last 120 days are
 * open (about 170), the others won (30 %) or lost, their open actions dropped
 * as acct opp won/lost does. Each deal's opportunity (and won deal) entry is
 * linked to it.
 */
function addDeals(path) {
  const db = new Database(path);
  const stages = ["qualify", "discovery", "proposal", "negotiation"];
  const random = rng(11);
  const start = Date.UTC(2016, 2, 14);
  const span = 3650;
  const day = (n) => new Date(start + n * 864e5).toISOString().slice(0, 10);
  const deal = db.prepare(
    "INSERT INTO opportunities (name, value, stage, close_date, status, opened_on, closed_on, amount, lost_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const entry = db.prepare("INSERT INTO entries (date, type, count, amount, created_at, opp) VALUES (?, ?, 1, ?, ?, ?)");
  const review = db.prepare("INSERT INTO opp_reviews (opp, date, stage, gaps, seq, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  const action = db.prepare("INSERT INTO commitments (text, due, created_on, status, closed_on, opp, review) VALUES (?, ?, ?, ?, ?, ?, ?)");
  let seq = 0;
  db.transaction(() => {
    for (let i = 1; i <= 5000; i++) {
      const opened = Math.floor((i / 5000) * (span - 5));
      const open = opened > span - 120;
      const won = !open && random() < 0.3;
      const closed = open ? null : day(Math.min(span, opened + 20 + Math.floor(random() * 90)));
      const value = (20_000 + Math.floor(random() * 80_000)) * 100;
      const status = open ? "open" : won ? "won" : "lost";
      const id = Number(
        deal.run(
          `Deal ${i}`,
          value,
          stages[i % 4],
          day(opened + 30 + Math.floor(random() * 120)),
          status,
          day(opened),
          closed,
          won ? value : null,
          won || open ? null : "price",
          `${day(opened)}T10:00:00`,
        ).lastInsertRowid,
      );
      entry.run(day(opened), "opportunity", null, `${day(opened)}T10:00:00`, id);
      if (won) entry.run(closed, "deal", value, `${closed}T10:00:00`, id);
      for (let k = 0; k < 4; k++) {
        const d = day(Math.min(span, opened + 5 * (k + 1)));
        const r = Number(
          review.run(id, d, stages[i % 4], JSON.stringify(["no budget owner", "no champion"].slice(0, 1 + (k % 2))), ++seq, `${d}T10:00:00`).lastInsertRowid,
        );
        const done = random() < 0.6;
        const actionStatus = done ? "done" : open ? "open" : "dropped";
        action.run(
          "send the ROI case",
          day(Math.min(span + 30, opened + 5 * (k + 1) + 3)),
          d,
          actionStatus,
          actionStatus === "open" ? null : closed !== null && closed > d ? closed : d,
          id,
          r,
        );
      }
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/** forecastYear bundled from the source and timed: the first call in a process, then the median of 20. */
async function timeForecast() {
  const { build } = await import("esbuild");
  const out = join(work, "forecast.mjs");
  await build({ entryPoints: [join(ROOT, "src", "domain", "forecast.ts")], bundle: true, format: "esm", platform: "node", outfile: out, logLevel: "error" });
  const script = `
    const { forecastYear, forecastSeed } = await import(${JSON.stringify(out)});
    const input = { recentWeeklyCalls: [42, 51, 0, 47, 55, 38, 49, 61, 44, 50, 39, 57], weeksWithEntries: 11, plannedWeeklyCalls: 48, remainingWeeks: 30.4,
      ytd: { calls: 1050, meetings: 98, opportunities: 41, deals: 9 }, wonDealSizes: [31000, 42000, 28500, 55000, 39000, 47000, 33000, 61000, 36000],
      plannedDealSize: 40000, revenueSoFar: 372500, dealsSoFar: 9, openDeals: [{ value: 85000, probability: 0.25 }, { value: 40000, probability: 0.5 }, { value: 30000, probability: 0.1 }],
      target: { revenue: 1200000, deals: 30 }, runs: 10000, seed: forecastSeed(2026, "2026-03-12") };
    let t = performance.now(); forecastYear(input); const cold = performance.now() - t;
    const warm = [];
    for (let i = 0; i < 20; i++) { t = performance.now(); forecastYear({ ...input, seed: input.seed + i }); warm.push(performance.now() - t); }
    warm.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ cold, warm: warm[10] }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return r.status === 0 ? JSON.parse(r.stdout) : null;
}

/** The commands the pipeline and coach goals name, on the largest file with deals added. */
const DEAL_COMMANDS = [
  ["acct pipeline", ["pipeline"]],
  ["acct audit --json", ["audit", "--json"]],
  ["acct status", ["status"]],
  ["acct coach", ["coach"]],
];

// ---------------------------------------------------------------- run

const fmtMs = (x) => `${x.toFixed(0)} ms`;
const fmtRatio = (x) => `${x.toFixed(2)}×`;
const fmtMb = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MB` : "n/a");

const COMMANDS = [
  ["acct log call", ["log", "call"], { fresh: true }],
  ["acct audit --json", ["audit", "--json"], {}],
  ["acct status", ["status"], {}],
  ["acct plan show", ["plan", "show"], {}],
  // The text list: the latest 100 by default; --all streams every entry (measured up to 100k: 1M writes ~50 MB).
  ["acct log list", ["log", "list"], {}],
  ["acct log list --all", ["log", "list", "--all"], { upTo: 100_000 }],
];

const rows = [];
const say = (s) => process.stderr.write(`${s}\n`);

say(`bench: ${RUNS} runs per figure, work folder ${work}`);

// Start-up: parsing only, then the smallest real read (a plan, no entries).
const small = join(work, "small.db");
run(acctArgv(small, PLAN));
for (const [label, cmd] of ONLY
  ? []
  : [
      ["acct --version", ["--version"]],
      ["acct plan show --json (no entries)", ["plan", "show", "--json"]],
    ]) {
  const r = measure(small, cmd);
  rows.push({ size: "start-up", label, ...r });
  say(`  start-up ${label}: ${r.failed ?? `${fmtMs(r.ms)} vs node ${fmtMs(r.base)} = ${fmtRatio(r.ratio)} (CPU ${fmtRatio(r.cpuRatio)})`}`);
}

for (const n of ONLY ? [] : SIZES) {
  const t0 = Date.now();
  const db = buildDataSet(n);
  say(`  data set ${n.toLocaleString("en-US")} entries built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const [label, cmd, opts] of COMMANDS) {
    if (opts.upTo !== undefined && n > opts.upTo) continue;
    const r = measure(db, cmd, opts);
    rows.push({ size: n.toLocaleString("en-US"), label, ...r });
    say(`  ${n} ${label}: ${r.failed ?? `${fmtMs(r.ms)} vs node ${fmtMs(r.base)} = ${fmtRatio(r.ratio)} (CPU ${fmtRatio(r.cpuRatio)}), ${fmtMb(r.rss)}`}`);
  }
  if (n === Math.max(...SIZES)) {
    // The pipeline goal (issue 16): the same file with 5,000 deals and 20,000 reviews.
    addDeals(db);
    const size = `${n.toLocaleString("en-US")} + 5,000 deals`;
    for (const [label, cmd] of DEAL_COMMANDS) {
      const r = measure(db, cmd);
      rows.push({ size, label, ...r });
      say(`  ${size} ${label}: ${r.failed ?? `${fmtMs(r.ms)} vs node ${fmtMs(r.base)} = ${fmtRatio(r.ratio)} (CPU ${fmtRatio(r.cpuRatio)}), ${fmtMb(r.rss)}`}`);
    }
  }
  if (n >= 1_000_000) rmSync(db, { force: true });
}

// The forecast of one audit (issue 17: under 100 ms): forecastYear on a realistic seller, bundled from the source, first call and warm.
const forecastResult = ONLY ? null : await timeForecast();
if (forecastResult) say(`  forecast 10,000 runs: first ${fmtMs(forecastResult.cold)}, then ${fmtMs(forecastResult.warm)} (median)`);

// Import throughput: a fresh planned file, IMPORT_ROWS rows, best of three whole runs.
const csv = writeCsv(IMPORT_ROWS);
let importResult;
{
  const times = [];
  let failed;
  let rss = NaN;
  for (let i = 0; i < 3 && !failed; i++) {
    const db = join(work, `import-${i}.db`);
    run(acctArgv(db, PLAN));
    const r = run(acctArgv(db, ["import", csv]));
    if (r.code !== 0) {
      const line = (r.stderr.split("\n")[0] ?? "").replace(/^acct: /, "");
      failed = /not built yet/.test(line) ? "not built yet" : `exit ${r.code}: ${line}`;
      break;
    }
    times.push(r.ms);
    if (i === 0) {
      const again = join(work, "import-rss.db");
      run(acctArgv(again, PLAN));
      rss = peakRss(acctArgv(again, ["import", csv]));
    }
  }
  importResult = failed ? { failed } : { ms: median(times), rowsPerSecond: IMPORT_ROWS / (median(times) / 1000), rss };
  say(
    `  import ${IMPORT_ROWS} rows: ${importResult.failed ?? `${fmtMs(importResult.ms)} = ${Math.round(importResult.rowsPerSecond).toLocaleString("en-US")} rows/s`}`,
  );
}

// CRM import with re-import detection: a fresh planned file, the HubSpot-shaped export imported, then imported again
// (every row already there); median of three of each, rows of the file per second of the whole process.
const crmCsv = writeCrmCsv(IMPORT_ROWS);
let crmResult;
{
  const first = [];
  const again = [];
  let failed;
  let rss = NaN;
  for (let i = 0; i < 3 && !failed; i++) {
    const db = join(work, `crm-${i}.db`);
    run(acctArgv(db, PLAN));
    for (const times of [first, again]) {
      const r = run(acctArgv(db, ["import", crmCsv, "--from", "hubspot"]));
      if (r.code !== 0) {
        const line = (r.stderr.split("\n")[0] ?? "").replace(/^acct: /, "");
        failed = /not built yet/.test(line) ? "not built yet" : `exit ${r.code}: ${line}`;
        break;
      }
      if (times === again && !/ 0 new/.test(r.stdout)) {
        failed = `the second import added rows: ${r.stdout.trim()}`;
        break;
      }
      times.push(r.ms);
    }
    if (i === 0 && !failed) {
      const fresh = join(work, "crm-rss.db");
      run(acctArgv(fresh, PLAN));
      rss = peakRss(acctArgv(fresh, ["import", crmCsv, "--from", "hubspot"]));
    }
  }
  const perSecond = (ms) => IMPORT_ROWS / (ms / 1000);
  crmResult = failed ? { failed } : { first: median(first), again: median(again), rss, perSecond };
  say(
    `  CRM import ${IMPORT_ROWS} rows: ${crmResult.failed ?? `${fmtMs(crmResult.first)} = ${Math.round(perSecond(crmResult.first)).toLocaleString("en-US")} rows/s, again ${fmtMs(crmResult.again)} = ${Math.round(perSecond(crmResult.again)).toLocaleString("en-US")} rows/s`}`,
  );
}

rmSync(work, { recursive: true, force: true });

// ---------------------------------------------------------------- report

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node.js ${process.version}, ${process.platform}/${process.arch}`;
const table = [
  "| data set | command | wall (median) | bare `node -e ''` | ratio | CPU (median) | bare node CPU | CPU ratio | peak RSS |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) =>
    r.failed
      ? `| ${r.size} | \`${r.label}\` | ${r.failed} | | | | | | |`
      : `| ${r.size} | \`${r.label}\` | ${fmtMs(r.ms)} | ${fmtMs(r.base)} | ${fmtRatio(r.ratio)} | ${fmtMs(r.cpu)} | ${fmtMs(r.baseCpu)} | ${fmtRatio(r.cpuRatio)} | ${fmtMb(r.rss)} |`,
  ),
  "",
  ...(forecastResult
    ? [
        `Forecast of one audit (10,000 simulated rests of the year, a realistic seller): first call in a process ${fmtMs(forecastResult.cold)}, then ${forecastResult.warm.toFixed(1)} ms (median of 20).`,
        "",
      ]
    : []),
  importResult.failed
    ? `Import of ${IMPORT_ROWS.toLocaleString("en-US")} CSV rows: ${importResult.failed}.`
    : `Import of ${IMPORT_ROWS.toLocaleString("en-US")} CSV rows: ${fmtMs(importResult.ms)} for the whole process = **${Math.round(importResult.rowsPerSecond).toLocaleString("en-US")} rows/s**, peak RSS ${fmtMb(importResult.rss)}.`,
  "",
  crmResult.failed
    ? `CRM import of ${IMPORT_ROWS.toLocaleString("en-US")} rows (HubSpot-shaped, \`--from hubspot\`): ${crmResult.failed}.`
    : `CRM import of ${IMPORT_ROWS.toLocaleString("en-US")} rows (HubSpot-shaped, \`--from hubspot\`, 10 % skipped as tasks and notes): ${fmtMs(crmResult.first)} for the whole process = **${Math.round(crmResult.perSecond(crmResult.first)).toLocaleString("en-US")} rows/s**; again, every row already there: ${fmtMs(crmResult.again)} = **${Math.round(crmResult.perSecond(crmResult.again)).toLocaleString("en-US")} rows/s**; peak RSS ${fmtMb(crmResult.rss)}.`,
];
const importLines = table.slice(table.findIndex((line) => /^(Import of |CRM import of )/.test(line)));
const block = [
  "<!-- bench:results -->",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} at the end; ${RUNS} runs per figure (median), bare node timed alternately in the same loop. Peak RSS is the largest of the runs.`,
  "",
  ...table,
  "<!-- bench:end -->",
].join("\n");
process.stdout.write(`${block}\n`);

if (WRITE && ONLY) {
  // The import lines alone, in place of those of the last full run, with when and how loaded they were measured.
  const file = join(ROOT, "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const end = text.indexOf("<!-- bench:end -->");
  const start = text.search(/^(Import of |CRM import of )/m);
  if (end === -1 || start === -1 || start > end) throw new Error("BENCHMARKS.md has no import lines to replace: run the whole bench once");
  const note = `Import lines measured alone (\`--only import\`) ${new Date().toISOString().slice(0, 10)} on ${machine}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} at the end.`;
  writeFileSync(file, `${text.slice(0, start)}${[...importLines, "", note].join("\n")}\n${text.slice(end)}`);
  say(`bench: import lines written to BENCHMARKS.md`);
} else if (WRITE) {
  const file = join(ROOT, "BENCHMARKS.md");
  const text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\n<!-- bench:results -->\n<!-- bench:end -->\n";
  const updated = text.replace(/<!-- bench:results -->[\s\S]*<!-- bench:end -->/, block);
  writeFileSync(file, updated.includes(block) ? updated : `${text.trimEnd()}\n\n${block}\n`);
  say(`bench: results written to BENCHMARKS.md`);
}

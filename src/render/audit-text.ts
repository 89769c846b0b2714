/** The audit as a terminal page: verdict first, the metrics table, then the other sections. */
import { describeForecast } from "./forecast.js";
import { describeLag } from "./coach.js";
import { describeCoverage, describeWinRate, pipelineWarnings } from "./pipeline.js";
import type { ChalkInstance } from "chalk";
import type { Audit, Conversion, MetricAudit, Verdict } from "../domain/audit.js";
import { singularOf, type Standing } from "../domain/metrics.js";
import type { CommitmentJson } from "../domain/commitments.js";
import { visibleControls } from "./escape.js";
import { formatBuffer, formatCompactMoney, formatCount, formatDays, formatMoney, formatNumber, formatRate } from "./format.js";
import type { RenderOptions } from "./options.js";
import { renderTable } from "./table.js";
import { describeAdherence, unmarkedLines } from "./blocks.js";
import { cutLines, displayWidth, truncateToWidth, wrapToWidth } from "./text-width.js";

/** How many unmarked block occurrences a page names one by one. */
export const UNMARKED_SHOWN = 5;

/** How a renderer escapes text from the data file: `visibleControls` on a terminal, `escapeMarkdown` in Markdown. */
export type Escape = (text: string) => string;

/** A metric's value in a sentence or a wide table: full money (whole units) for revenue, else a count (format.ts). */
export function formatValue(metric: string, value: number, currency: string): string {
  return metric === "revenue" ? formatMoney(Math.round(value), currency) : formatCount(value);
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}

export const STATUS_MARK: Record<Standing, string> = { "on-track": "✓", "at-risk": "!", behind: "✗" };

/** The page's title: `Weekly audit 2026-W11`, `Audit of 2026-03`, `Audit of 2026-Q1`, `Audit of 2026`. */
export function auditTitle(audit: Audit): string {
  return audit.period.kind === "week" ? `Weekly audit ${audit.period.id}` : `Audit of ${audit.period.id}`;
}

/** What the period column is called: Week, Month, Quarter, Year. */
export function periodName(audit: Audit): string {
  const kind = audit.period.kind;
  return `${kind[0]?.toUpperCase()}${kind.slice(1)}`;
}

/** The weeks' reviews a longer period lists: `2026-W10 rated 4/5 — change: call block on Friday`. */
export function reviewLines(audit: Audit, esc: Escape = visibleControls): string[] {
  return audit.reviews.map((r) => `${r.week} rated ${r.rating}/5${r.change === null ? "" : ` — change: ${esc(r.change)}`}`);
}

/** The week's own review as `label: text` pairs (rating first), text escaped by `esc`; empty without a review. */
export function ownReviewLines(audit: Audit, esc: Escape = visibleControls): { label: string; text: string }[] {
  const r = audit.review;
  if (r === null) return [];
  const lines = [{ label: "rating", text: `${r.rating}/5` }];
  if (r.wins !== null) lines.push({ label: "wins", text: esc(r.wins) });
  if (r.misses !== null) lines.push({ label: "misses", text: esc(r.misses) });
  if (r.change !== null) lines.push({ label: "change", text: esc(r.change) });
  return lines;
}

/** The flag on a change promised three weeks running (SPEC "The buddy loop"); null when there is none. */
export function changeRepeatedLine(audit: Audit, esc: Escape = visibleControls): string | null {
  const c = audit.changeRepeated;
  return c === null ? null : `you have promised this three weeks running: ${esc(c.change)} (${c.weeks.join(", ")})`;
}

const STANDING_WORDS: Record<Standing, string> = { "on-track": "on track", "at-risk": "at risk", behind: "behind" };

/** The headline: `Revenue on track: 104% of plan to date. Activity: 4 of 5 on plan; furthest behind: opportunities, 3.2 days.` */
export function describeVerdict(v: Verdict, esc: Escape = visibleControls): string {
  const outcome = `${v.metric === "revenue" ? "Revenue" : "Deals"} ${STANDING_WORDS[v.status]}: ${v.ofPlan === null ? "nothing planned to date yet" : `${formatRate(v.ofPlan)} of plan to date`}.`;
  if (v.activity.total === 0) return outcome;
  const a = v.activity;
  const furthest =
    a.furthest === null
      ? ""
      : `; furthest behind: ${esc(a.furthest.metric)}${a.furthest.bufferDays === null ? "" : `, ${formatDays(Math.abs(a.furthest.bufferDays))}`}`;
  return `${outcome} Activity: ${a.onTrack} of ${a.total} on plan${furthest}.`;
}

/** What the weakest stage costs, in words; null when no stage is below plan. */
export function describeStageCost(conversion: Conversion): string | null {
  const cost = conversion.cost;
  const stage = conversion.stages.find((s) => s.from === cost?.metric);
  if (!cost || !stage) return null;
  const n = formatCount;
  if (cost.needed === null || cost.callsNeeded === null) {
    const from = stage.base === 1 ? singularOf(stage.from) : stage.from;
    return `no ${singularOf(stage.to)} yet from ${n(stage.base)} ${from}, where the plan's ${formatRate(stage.planned)} would give ${n(stage.base * stage.planned)}: too early to say how many ${stage.from} the year needs at this rate`;
  }
  const calls = stage.from === "calls" ? "" : ` (${n(cost.callsNeeded)} calls, not ${n(cost.callsPlanned)})`;
  return `at ${formatRate(cost.rate)} ${singularOf(stage.from)}→${singularOf(stage.to)} you need ${n(cost.needed)} ${stage.from}, not ${n(cost.planned)}${calls}`;
}

/** `#3 Send the proposal (due 2026-03-20 — 2/5 meeting): open`, its text and metric escaped by `esc`. */
export function commitmentLine(c: CommitmentJson, esc: Escape = visibleControls): string {
  const measure = c.metric !== null ? ` — ${formatNumber(c.progress ?? 0)}/${formatNumber(c.target ?? 0)} ${esc(c.metric)}` : "";
  const carried = c.carried > 0 ? `, carried ${c.carried}×` : "";
  return `#${c.id} ${esc(c.text)} (due ${c.due}${measure}${carried}): ${c.status}`;
}

/** One line per celebration, metric names escaped by `esc`. */
export function celebrationLines(audit: Audit, currency: string, esc: Escape = visibleControls): string[] {
  const c = audit.celebrations;
  const lines: string[] = [];
  if (c.targetsHit.length > 0) lines.push(`Week's target hit: ${c.targetsHit.map(esc).join(", ")}`);
  const through = c.streakIncludesThisWeek ? "" : " up to last week";
  if (c.streak > 1) lines.push(`${c.streak} weeks on plan in a row${through}`);
  else if (c.streak === 1) lines.push(c.streakIncludesThisWeek ? "On plan this week" : "On plan last week");
  for (const b of c.personalBests) {
    lines.push(
      `Best week ever for ${esc(b.metric)}: ${formatValue(b.metric, b.actual, currency)}${b.previousBest > 0 ? ` (previous best ${formatValue(b.metric, b.previousBest, currency)})` : ""}`,
    );
  }
  return lines;
}

function statusCell(m: MetricAudit, style: ChalkInstance): string {
  const paint = m.status === "on-track" ? style.green : m.status === "at-risk" ? style.yellow : style.red;
  return paint(`${STATUS_MARK[m.status]} ${m.status}`);
}

interface Column {
  head: string;
  cell(m: MetricAudit, value: (x: number) => string, style: ChalkInstance): string;
  /** What the heading means, for the line under the table. */
  note?: string;
  /** Hidden on a narrow terminal, lowest first; columns without one always show. */
  dropRank?: number;
}

const COLUMNS: readonly Column[] = [
  { head: "Metric", cell: (m) => visibleControls(m.metric) },
  { head: "Period", cell: (m, v) => v(m.period.plan), note: "Period: its plan" },
  { head: "To date", cell: (m, v) => v(m.period.planToDate), note: "To date: its plan up to as-of", dropRank: 3 },
  { head: "Done", cell: (m, v) => v(m.period.actual) },
  { head: "YTD plan", cell: (m, v) => v(m.ytd.plan), dropRank: 4 },
  { head: "YTD done", cell: (m, v) => v(m.ytd.actual) },
  { head: "Status", cell: (m, _v, style) => statusCell(m, style) },
  { head: "Buffer", cell: (m) => formatBuffer(m.bufferDays), note: "Buffer: working days ahead (+) or behind (−)" },
  { head: "Pace/yr", cell: (m, v) => (m.projection === null ? "–" : v(m.projection)), note: "Pace/yr: the year at the current pace", dropRank: 2 },
  { head: "Annual", cell: (m, v) => v(m.annual), dropRank: 1 },
  { head: "Need/wk", cell: (m, v) => (m.requiredPerWeek === null ? "–" : v(m.requiredPerWeek)), note: "Need/wk: what the rest of the year needs each week" },
];

/**
 * The metrics table, and what its headings mean. On a terminal narrower than
 * the table, the least needed columns are left out and named (and metric
 * names cut, should that still not be enough).
 */
async function metricsTable(audit: Audit, { style, currency, width }: RenderOptions): Promise<string[]> {
  const cells = audit.metrics.map((m) => {
    // A narrow column: revenue compact in every cell of it, counts as everywhere.
    const v = (x: number) => (m.metric === "revenue" ? formatCompactMoney(x, currency) : formatCount(x));
    return COLUMNS.map((c) => c.cell(m, v, style));
  });
  const columnWidth = COLUMNS.map((c, i) => Math.max(c.head.length, ...cells.map((row) => displayWidth(row[i] as string))));
  // A cell is padded by one space each side, and every column has a border before it; one more closes the row.
  const tableWidth = (shown: readonly number[]) => shown.reduce((sum, i) => sum + (columnWidth[i] as number) + 3, 1);
  let shown = COLUMNS.map((_, i) => i);
  const droppable = shown.filter((i) => COLUMNS[i]?.dropRank !== undefined).sort((a, b) => (COLUMNS[a]?.dropRank ?? 0) - (COLUMNS[b]?.dropRank ?? 0));
  const hidden: string[] = [];
  for (const i of droppable) {
    if (tableWidth(shown) <= width) break;
    shown = shown.filter((j) => j !== i);
    hidden.push(COLUMNS[i]?.head as string);
  }
  // The period column is named for what is audited: Week, Month, Quarter or Year.
  const named = (text: string) =>
    text.replace(/^Period(: its plan)?$/, (_all, note: string | undefined) =>
      note ? `${periodName(audit)}: this ${audit.period.kind}'s plan` : periodName(audit),
    );
  const head = shown.map((i) => named(COLUMNS[i]?.head as string));
  const rows = cells.map((row) => shown.map((i) => row[i] as string));
  const table = await renderTable(
    head,
    rows,
    style,
    shown.map((i) => (i === 0 || COLUMNS[i]?.head === "Status" ? "left" : "right")),
    { width, shrink: [0] },
  );
  const notes = shown.flatMap((i) => (COLUMNS[i]?.note === undefined ? [] : [named(COLUMNS[i]?.note as string)]));
  let legend = `${notes.join("; ")}.`;
  if (hidden.length > 0) legend += ` Not shown, for the terminal's width: ${hidden.join(", ")} (--json has every column).`;
  return [table, ...wrapToWidth(legend, width).map((line) => style.dim(line))];
}

/**
 * The whole page as one string (colour only through `style`). `width` is the
 * terminal's: the metrics table leaves columns out to fit it, sentences wrap
 * under a hanging indent, and no line is wider (piped with no $COLUMNS, each
 * stays one line).
 */
export async function renderAuditText(audit: Audit, options: RenderOptions): Promise<string> {
  const { style, currency, width } = options;
  const out: string[] = [];
  /** A sentence after `first`, wrapped to the width under `rest`. */
  const say = (text: string, first: string, rest = " ".repeat(displayWidth(first))) => out.push(...wrapToWidth(text, width, first, rest));
  const paintStatus = audit.status === "on-track" ? style.green : audit.status === "at-risk" ? style.yellow : style.red;
  const range = `(${audit.from} – ${audit.to}, as of ${audit.asOf})`;
  out.push(...wrapToWidth(`${style.bold(auditTitle(audit))} ${style.dim(range)}`, width, "", "  "));
  out.push(...wrapToWidth(describeVerdict(audit.verdict), width, `${STATUS_MARK[audit.status]} `, "  ").map((line) => paintStatus(line)), "");
  out.push(...(await metricsTable(audit, options)));

  out.push("", style.bold("Effectiveness (year to date)"));
  for (const s of audit.conversion.stages) {
    const name = `${singularOf(s.from)} → ${singularOf(s.to)}`.padEnd(24);
    const actual = s.actual === null ? "no data yet" : formatRate(s.actual);
    const below = s.actual !== null && s.actual < s.planned;
    out.push(`  ${name} ${below ? style.red(actual.padStart(12)) : actual.padStart(12)}   plan ${formatRate(s.planned)}`);
  }
  const ds = audit.conversion.dealSize;
  if (ds.planned !== null || ds.actual !== null) {
    out.push(
      `  ${"average deal".padEnd(24)} ${(ds.actual === null ? "no deals yet" : formatMoney(Math.round(ds.actual), currency)).padStart(12)}   plan ${ds.planned === null ? "–" : formatMoney(ds.planned, currency)}`,
    );
  }
  const cost = describeStageCost(audit.conversion);
  if (cost !== null) say(cost, `  ${style.yellow("Weakest stage:")} `, "    ");
  else if (audit.conversion.stages.every((stage) => stage.actual === null))
    say(style.dim("No conversions to compare yet: log calls, meetings and opportunities."), "  ");
  else say(style.green("Every stage converts at or above plan."), "  ");

  const ct = audit.customerTime;
  out.push("", style.bold("Customer time"));
  if (ct.share === null) say(`no working time yet this ${audit.period.kind}`, "  ");
  else {
    const goal = ct.goal === null ? "" : `, goal ${formatRate(ct.goal)}`;
    const paint = ct.goal !== null && ct.share < ct.goal ? style.red : (x: string) => x;
    say(`${formatMinutes(ct.minutes)} of ${formatMinutes(ct.workingMinutes)} working time: ${paint(formatRate(ct.share))}${goal}`, "  ");
  }

  if (audit.blocks.scheduled > 0) {
    const b = audit.blocks;
    out.push("", style.bold("Time blocks"));
    say(`${describeAdherence(b)}${b.adherence === null ? "" : `: ${formatRate(b.adherence)} adherence`}`, "  ");
    if (b.unmarked > 0) {
      say("say whether you kept them", `  ${style.yellow("Not marked yet:")} `, "    ");
      // Cut, not wrapped: each line starts with the command that marks it, and the label at its end may go.
      for (const line of unmarkedLines(b, UNMARKED_SHOWN)) out.push(truncateToWidth(`    ${line}`, width));
    }
  }

  const c = audit.commitments;
  out.push("", style.bold("Commitments"));
  if (c.due.length === 0 && c.overdue.length === 0 && c.repeated.length === 0)
    say(`none due this ${audit.period.kind} (add one: acct commit add TEXT --due D)`, "  ");
  // Each commitment wraps under its text, past the mark: `    · #5 Book …` then `      …`.
  const item = (mark: string, commitment: CommitmentJson) => say(commitmentLine(commitment), `    ${mark} `, "      ");
  if (c.due.length > 0) {
    say(`due this ${audit.period.kind}: ${c.kept} kept, ${c.missed} missed, ${c.open} open`, "  ");
    for (const due of c.due) item(due.status === "kept" ? style.green("✓") : due.status === "missed" ? style.red("✗") : "·", due);
  }
  if (c.overdue.length > 0) {
    out.push("  overdue from earlier weeks:");
    for (const overdue of c.overdue) item(style.red("✗"), overdue);
  }
  if (c.repeated.length > 0) {
    out.push(`  ${style.yellow("carried over twice or more:")}`);
    for (const repeated of c.repeated) item(style.yellow("!"), repeated);
  }

  if (audit.pipeline !== null && audit.hasDeals) {
    const p = audit.pipeline;
    out.push("", style.bold("Pipeline"));
    const low = p.coverage !== null && p.coverage < p.coverageGoal;
    say(low ? style.yellow(describeCoverage(p, currency)) : describeCoverage(p, currency), "  ", "    ");
    const win = describeWinRate(p);
    if (win !== null) say(`${win.charAt(0).toUpperCase()}${win.slice(1)}`, "  ", "    ");
    for (const w of pipelineWarnings(p)) say(w.text, `  ${w.mark === "!" ? style.yellow("!") : w.mark} `, "    ");
  }

  if (audit.forecast !== null) {
    out.push("", style.bold("Forecast (10,000 simulated rests of the year)"));
    say(describeForecast(audit.forecast, currency), "  ", "    ");
  }

  const lag = audit.lag && describeLag(audit.lag);
  if (lag) {
    out.push("", style.bold("Sales-cycle lag"));
    say(style.yellow(lag), "  ", "    ");
  }

  const celebrations = celebrationLines(audit, currency);
  if (celebrations.length > 0) {
    out.push("", style.bold("Celebrations"));
    for (const line of celebrations) say(line, `  ${style.green("★")} `);
  }

  if (audit.reviews.length > 0) {
    out.push("", style.bold("The weeks' reviews"));
    for (const line of reviewLines(audit)) say(line, "  ", "    ");
  }
  if (audit.lastChange !== null) {
    out.push("", style.bold("Last time you said you would change"));
    say(visibleControls(audit.lastChange), "  ");
  }

  const own = ownReviewLines(audit);
  if (own.length > 0) {
    out.push("", style.bold("Your review of the week"));
    for (const { label, text } of own) say(text, `  ${label}: `, "    ");
    const repeated = changeRepeatedLine(audit);
    if (repeated !== null) say(repeated, `  ${style.yellow("!")} `, "    ");
  }
  if (audit.nextWeek.length > 0) {
    out.push("", style.bold("Due next week"));
    for (const next of audit.nextWeek) item("·", next);
  }
  if (audit.buddyNote !== null) {
    out.push("", style.bold(`Your buddy said (week ${audit.buddyNote.week})`));
    say(visibleControls(audit.buddyNote.text), "  ");
  }
  // What the layout above could not fit (a table on a very narrow terminal) is cut rather than wrapped by the terminal.
  return cutLines(out.join("\n"), width);
}

/** The status glance as JSON and as an 80-column text page with progress bars. */
import { describeForecastShort, forecastToJson } from "./forecast.js";
import type { ChalkInstance } from "chalk";
import type { CommitmentJson } from "../domain/commitments.js";
import { fraction, type GlanceMetric, type StatusData } from "../domain/status.js";
import { formatTime } from "../domain/parse.js";
import { visibleControls as v } from "./escape.js";
import { formatCompactCount, formatCompactMoney, formatDays, formatTimes, round } from "./format.js";
import type { RenderOptions } from "./options.js";
import { weekdayOf } from "../domain/dates.js";
import { adherenceJson, markCommand, type AdherenceJson } from "./blocks.js";
import { cutLines, displayWidth, truncateToWidth } from "./text-width.js";
import { ordinal } from "../domain/pipeline.js";
import { pipelineToJson, type PipelineJson } from "./pipeline.js";

export interface StatusJson {
  ready: true;
  today: string;
  week: string;
  from: string;
  to: string;
  workingDays: { soFar: number; inWeek: number };
  metrics: {
    metric: string;
    today: { plan: number | null; actual: number };
    week: { plan: number; planToDate: number; actual: number };
    ytd: { plan: number; actual: number };
    annual: number;
    bufferDays: number | null;
  }[];
  nextBlock: { id: number; label: string; date: string; start: string; end: string; activity: string | null; now: boolean } | null;
  /** This week's block figures up to now, as the audit counts them. */
  blocks: AdherenceJson;
  commitments: { dueSoon: CommitmentJson[]; overdue: CommitmentJson[] };
  streak: number | null;
  pipeline: PipelineJson;
  forecast: ReturnType<typeof forecastToJson>;
}

/** The command a new user should type first. */
export const FIRST_PLAN_COMMAND = "acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%";

/** What `--json` prints before there is anything to show. */
export interface FirstRunJson {
  ready: false;
  reason: "no-database" | "no-plan";
  next: string;
}

export function statusToJson(data: StatusData): StatusJson {
  const r2 = (n: number) => round(n, 2);
  const g = data.glance;
  return {
    ready: true,
    today: g.today,
    week: g.week,
    from: g.from,
    to: g.to,
    workingDays: { soFar: g.workingDaysSoFar, inWeek: g.workingDaysInWeek },
    metrics: g.metrics.map((m) => ({
      metric: m.metric,
      today: { plan: m.today.plan === null ? null : r2(m.today.plan), actual: r2(m.today.actual) },
      week: { plan: r2(m.week.plan), planToDate: r2(m.week.planToDate), actual: r2(m.week.actual) },
      ytd: { plan: r2(m.ytd.plan), actual: r2(m.ytd.actual) },
      annual: r2(m.annual),
      bufferDays: m.bufferDays === null ? null : r2(m.bufferDays),
    })),
    nextBlock: data.nextBlock && {
      id: data.nextBlock.id,
      label: data.nextBlock.label,
      date: data.nextBlock.date,
      start: formatTime(data.nextBlock.start),
      end: formatTime(data.nextBlock.end),
      activity: data.nextBlock.activity,
      now: data.nextBlock.now,
    },
    blocks: adherenceJson(data.blocks),
    commitments: { dueSoon: data.dueSoon, overdue: data.overdue },
    streak: data.streak,
    pipeline: pipelineToJson(data.pipeline),
    forecast: forecastToJson(data.forecast),
  };
}

/**
 * A figure in the page's narrow columns: money (given its currency) always
 * compact, `$950`, `$4.7k`, `$1.2m`; counts as everywhere, `2,400`, `3.6`,
 * and from ten thousand `12.3k` (format.ts).
 */
export function formatCompact(n: number, currency: string | null): string {
  return currency === null ? formatCompactCount(n) : formatCompactMoney(n, currency);
}

const BAR_WIDTH = 20;

/**
 * A bar whose full width is the week's plan: filled up to the actual, a tick
 * where the plan to date is. Colour says whether the actual has reached it.
 */
export function progressBar(m: GlanceMetric, style: ChalkInstance, width = BAR_WIDTH): string {
  const whole = Math.max(m.week.plan, m.week.actual, m.week.planToDate);
  const filled = Math.round(fraction(m.week.actual, whole) * width);
  const tick = m.week.planToDate > 0 ? Math.min(width - 1, Math.max(0, Math.round(fraction(m.week.planToDate, whole) * width) - 1)) : -1;
  const ratio = m.week.planToDate > 0 ? m.week.actual / m.week.planToDate : 1;
  const paint = ratio >= 1 ? style.green : ratio >= 0.8 ? style.yellow : style.red;
  // Runs of one kind are painted once, so a coloured bar costs a few escape codes, not one per cell.
  const cells = Array.from({ length: width }, (_, i) => (i === tick && i >= filled ? "tick" : i < filled ? "done" : "todo"));
  const draw = { done: (n: number) => paint("█".repeat(n)), tick: (n: number) => style.bold("│".repeat(n)), todo: (n: number) => style.dim("░".repeat(n)) };
  let bar = "";
  for (let i = 0; i < width; ) {
    const kind = cells[i] as keyof typeof draw;
    let n = 1;
    while (cells[i + n] === kind) n++;
    bar += draw[kind](n);
    i += n;
  }
  return bar;
}

function describeBuffer(days: number | null, style: ChalkInstance): string {
  if (days === null) return "";
  if (Math.abs(days) < 0.05) return style.green("on plan");
  return (days > 0 ? style.green : style.red)(formatDays(days, true));
}

const DAY_NAMES: Record<string, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** The text page: a heading, one bar line per metric, then the next block, commitments and streak; 80 columns, and no line wider than `width`. */
export function renderStatusText(data: StatusData, { style, currency, width }: RenderOptions): string {
  const g = data.glance;
  const weekdayName = weekdayOf(g.today);
  const lines: string[] = [];
  const dayPart = g.workingDaysInWeek > 0 ? ` · working day ${g.workingDaysSoFar} of ${g.workingDaysInWeek}` : "";
  lines.push(style.bold(`${DAY_NAMES[weekdayName] ?? weekdayName} ${g.today} · ${g.week}${dayPart}`), "");
  lines.push(
    style.dim(
      `${"".padEnd(14)}${"this week (│ = to date)".padEnd(BAR_WIDTH + 1)}${"done/due".padStart(13)} ${"week".padStart(6)} ${"today".padStart(10)}  buffer`,
    ),
  );
  for (const m of g.metrics) {
    const money = m.metric === "revenue" ? currency : null;
    const c = (n: number) => formatCompact(n, money);
    const shown = v(m.metric);
    const name = truncateToWidth(shown, 13);
    const doneDue = `${c(m.week.actual)}/${c(m.week.planToDate)}`;
    // Outcomes come in lumps: today shows what was done, with no fraction of a deal to aim at.
    const today = m.today.plan === null ? c(m.today.actual) : `${c(m.today.actual)}/${c(m.today.plan)}`;
    lines.push(
      `${name}${" ".repeat(14 - displayWidth(name))}${progressBar(m, style)} ${doneDue.padStart(13)} ${c(m.week.plan).padStart(6)} ${today.padStart(10)}  ${describeBuffer(m.bufferDays, style)}`,
    );
  }
  lines.push("");
  if (data.nextBlock) {
    const b = data.nextBlock;
    const when = b.now ? "now" : b.date === g.today ? "today" : b.date;
    const activity = b.activity ? ` (${v(b.activity)})` : "";
    lines.push(
      truncateToWidth(`${style.bold("Next block")}  ${when} ${formatTime(b.start)}–${formatTime(b.end)} ${v(b.label)}${activity}`, Math.min(80, width)),
    );
  } else {
    lines.push(`${style.bold("Next block")}  none scheduled ${style.dim("(acct block add …)")}`);
  }
  const first = data.blocks.unmarkedOccurrences[0];
  if (first) {
    // One line: how many, and the command for the first (the audit names them all).
    const n = data.blocks.unmarked;
    lines.push(`${style.bold("Unmarked")}    ${style.yellow(`${n} this week`)} · ${markCommand(first)} ${style.dim("(or skip)")}`);
  }
  if (data.dueSoon.length === 0 && data.overdue.length === 0) {
    lines.push(`${style.bold("Due soon")}    nothing in the next 7 days`);
  } else {
    lines.push(style.bold("Due soon"));
    for (const c of data.overdue) lines.push(`  ${style.red(`overdue ${c.due}`)}  ${clip(c.text, 54)}`);
    for (const c of data.dueSoon) {
      const progress = c.metric !== null && c.target !== null ? ` ${c.progress ?? 0}/${c.target} ${v(c.metric)}` : "";
      lines.push(`  ${c.due === g.today ? style.yellow("today     ") : c.due.padEnd(10)}  ${clip(c.text, 54 - displayWidth(progress))}${style.dim(progress)}`);
    }
  }
  if (data.hasDeals) {
    const p = data.pipeline;
    const coverage =
      p.needed === null
        ? "no revenue plan"
        : p.coverage === null
          ? "target reached"
          : `${formatTimes(p.coverage)} of ${formatCompact(p.needed, currency)} needed (goal ${formatTimes(p.coverageGoal)})`;
    const line = `${p.open} open, ${formatCompact(p.value, currency)}: ${coverage}`;
    lines.push(`${style.bold("Pipeline")}    ${p.coverage !== null && p.coverage < p.coverageGoal ? style.yellow(line) : line}`);
    const [first, ...more] = p.stalled;
    if (first) {
      const others = more.length === 0 ? "" : ` (and ${more.length} more: acct pipeline)`;
      const said = clip(
        `${first.name}: ${ordinal(first.reviews + 1)} review, same ${first.sameGaps ? "gaps" : "action"}`,
        Math.min(80, width) - 12 - displayWidth(others),
      );
      lines.push(`${style.bold("Stalled")}     ${style.yellow(said)}${others}`);
    }
  }
  lines.push(`${style.bold("Forecast")}    ${truncateToWidth(describeForecastShort(data.forecast, currency), Math.max(1, Math.min(80, width) - 12))}`);
  if (data.streak !== null) {
    const weeks = data.streak === 1 ? "week" : "weeks";
    lines.push(
      `${style.bold("Streak")}      ${data.streak > 0 ? style.green(`${data.streak} ${weeks} on plan`) : "none yet: finish this week on plan to start one"}`,
    );
  }
  return cutLines(lines.join("\n"), width);
}

/** Text from the data file on one line of at most `width` columns, control characters shown. */
function clip(text: string, width: number): string {
  return truncateToWidth(v(text.replace(/\s+/g, " ")), Math.max(1, width));
}

/** The friendly first page before there is a database or a plan. */
export function renderFirstRun(reason: FirstRunJson["reason"], next: string, { style }: RenderOptions): string {
  const lines =
    reason === "no-database"
      ? [
          "Welcome to acct: accountability for salespeople.",
          "",
          "Start with your annual plan:",
          `  ${style.bold(next)}`,
          "",
          `Or look around first with sample data:  ${style.bold("acct demo")}`,
        ]
      : ["There is no plan for this year yet. Set one:", `  ${style.bold(next)}`, "", `Or look around first with sample data:  ${style.bold("acct demo")}`];
  return lines.join("\n");
}

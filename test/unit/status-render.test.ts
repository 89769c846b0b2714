import { Chalk, type ChalkInstance } from "chalk";
import type { RenderOptions } from "../../src/render/options.js";
import { describe, expect, it } from "vitest";
import type { Glance, GlanceMetric, StatusData } from "../../src/domain/status.js";
import { formatCompact, progressBar, renderStatusText, statusToJson } from "../../src/render/status.js";

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 2 });
const options = (style: ChalkInstance): RenderOptions => ({ style, currency: "$", weekStart: "mon", width: 80 });

const metric = (name: string, week: GlanceMetric["week"], bufferDays: number | null = 0): GlanceMetric => ({
  metric: name,
  today: { plan: week.plan / 5, actual: 0 },
  week,
  ytd: { plan: 100, actual: 100 },
  annual: 1000,
  bufferDays,
});

const glance = (metrics: GlanceMetric[]): Glance => ({
  today: "2026-03-12",
  week: "2026-W11",
  from: "2026-03-09",
  to: "2026-03-15",
  workingDaysSoFar: 4,
  workingDaysInWeek: 5,
  metrics,
});

describe("formatCompact", () => {
  it("keeps small counts whole and shortens large ones and money", () => {
    expect(formatCompact(37, null)).toBe("37");
    expect(formatCompact(3.64, null)).toBe("3.6");
    expect(formatCompact(2400, null)).toBe("2,400");
    expect(formatCompact(18_823, "$")).toBe("$18.8k");
    expect(formatCompact(4706, "$")).toBe("$4.7k");
    expect(formatCompact(235_295, "$")).toBe("$235k");
    expect(formatCompact(1_200_000, "$")).toBe("$1.2m");
    expect(formatCompact(-12.5, null)).toBe("-13");
  });
});

describe("progressBar", () => {
  it("fills up to the actual over the week's plan and ticks the plan to date", () => {
    // Week plan 40, to date 20, actual 10: a quarter filled, the tick at the half.
    const bar = progressBar(metric("calls", { plan: 40, planToDate: 20, actual: 10 }), plain, 20);
    expect(bar).toBe("█████░░░░│░░░░░░░░░░");
  });
  it("fills the whole bar past the plan, and colours by the ratio to date", () => {
    expect(progressBar(metric("calls", { plan: 10, planToDate: 8, actual: 12 }), plain, 10)).toBe("██████████");
    expect(progressBar(metric("calls", { plan: 10, planToDate: 8, actual: 8 }), colour, 10)).toContain("\u001b[32m");
    expect(progressBar(metric("calls", { plan: 10, planToDate: 8, actual: 2 }), colour, 10)).toContain("\u001b[31m");
  });
});

describe("renderStatusText", () => {
  const data: StatusData = {
    glance: glance([
      metric("calls", { plan: 46, planToDate: 36.7, actual: 12_345 }, -123.4),
      metric("revenue", { plan: 123_456_789, planToDate: 98_765_432, actual: 111_222_333 }, 12.3),
      metric("a-very-long-custom-type-name", { plan: 25, planToDate: 20, actual: 3 }, null),
    ]),
    nextBlock: { id: 1, label: "Prospecting calls with a long label", date: "2026-03-12", start: 480, end: 570, activity: "call", now: true },
    blocks: {
      scheduled: 3,
      kept: 1,
      skipped: 0,
      unmarked: 2,
      keptByLog: 1,
      adherence: 1 / 3,
      unmarkedOccurrences: [
        { blockId: 12345, label: "Prospecting", date: "2026-03-10", startMin: 480, endMin: 570 },
        { blockId: 2, label: "Review", date: "2026-03-11", startMin: 960, endMin: 1020 },
      ],
    },
    dueSoon: [
      {
        id: 4,
        text: "A commitment whose text goes on and on well beyond what one line of a terminal can hold",
        due: "2026-03-13",
        metric: "meeting",
        target: 12,
        progress: 4,
        status: "open",
        carried: 2,
      },
    ],
    overdue: [{ id: 2, text: "Update the CRM", due: "2026-03-06", metric: null, target: null, progress: null, status: "missed", carried: 0 }],
    streak: 3,
    hasDeals: true,
    forecast: { revenue: { p10: 900_000, p50: 1_100_000, p90: 1_400_000 }, deals: { p10: 22, p50: 27, p90: 35 }, probability: 0.62, runs: 10_000, seed: 1 },
    pipeline: {
      open: 12,
      value: 1_234_567,
      weighted: 400_000,
      needed: 987_654.32,
      coverage: 1_234_567 / 987_654.32,
      coverageGoal: 3,
      byCloseMonth: [],
      stalled: [
        { id: 3, name: "Acme Corporation global renewal with a name that goes on and on", reviews: 2, sameGaps: true },
        { id: 4, name: "Globex", reviews: 1, sameGaps: false },
      ],
      idle: [],
      overdue: [],
      winRate: null,
      cycleDays: null,
      won: 0,
      lost: 0,
    },
  };

  it("fits 80 columns even with long names and large numbers", () => {
    const text = renderStatusText(data, options(plain));
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(text).toContain("Thursday 2026-03-12 · 2026-W11 · working day 4 of 5");
    expect(text).toContain("now 08:00–09:30 Prospecting calls with a long label (call)");
    expect(text).toContain("3 weeks on plan");
    expect(text).toMatch(/overdue 2026-03-06\s+Update the CRM/);
    expect(text).toContain("−123.4 days"); // the minus sign the audit uses too
    // The unmarked blocks of the week: how many, and the command that marks the first.
    expect(text).toContain("Unmarked    2 this week · acct block done 12345 --date 2026-03-10 (or skip)");
    expect(renderStatusText({ ...data, blocks: { ...data.blocks, unmarked: 0, unmarkedOccurrences: [] } }, options(plain))).not.toContain("Unmarked");
    // The pipeline in one line (coverage 1,234,567 ÷ 987,654.32 = 1.2499…), and the first stalled deal in another.
    expect(text).toContain("Pipeline    12 open, $1.2m: 1.2× of $988k needed (goal 3×)");
    expect(text).toMatch(/^Stalled {5}Acme Corporation global renewal with a … \(and 1 more: acct pipeline\)$/m);
    expect(renderStatusText({ ...data, hasDeals: false }, options(plain))).not.toContain("Pipeline");
    expect(text).toContain("Forecast    62% likely to reach the target · $1.1m ($900k–$1.4m by Dec 31)");
  });

  it("has no escape codes without colour", () => {
    expect(renderStatusText(data, options(plain))).not.toMatch(/\u001b\[/);
    expect(renderStatusText(data, options(colour))).toMatch(/\u001b\[/);
  });

  it("rounds JSON to two decimals and shows times as HH:MM", () => {
    const json = statusToJson({ ...data, glance: glance([metric("calls", { plan: 45.90909, planToDate: 36.727272, actual: 3 }, -1.23456)]) });
    expect(json.metrics[0]).toMatchObject({ week: { plan: 45.91, planToDate: 36.73, actual: 3 }, bufferDays: -1.23 });
    expect(json.nextBlock).toMatchObject({ start: "08:00", end: "09:30", now: true });
    expect(json.blocks).toMatchObject({ scheduled: 3, kept: 1, skipped: 0, unmarked: 2, adherence: 0.3333 });
    expect(json.blocks.unmarkedOccurrences[1]).toEqual({
      id: 2,
      label: "Review",
      date: "2026-03-11",
      start: "16:00",
      end: "17:00",
      command: "acct block done 2 --date 2026-03-11",
    });
  });
});

/**
 * The year report as one self-contained HTML page: inline CSS and inline SVG
 * charts drawn by Vega-Lite in Node (no browser, no scripts, no network).
 */
import type { RenderOptions } from "./options.js";
import type { FunnelStage, MetricSeries, Report } from "../domain/report.js";
import { escapeHtml } from "./escape.js";
import { formatCount, formatMoney, formatRate } from "./format.js";
import { loadPackage } from "../packages.js";
import type { Pipeline } from "../domain/pipeline.js";
import { describeCoverage, describeWinRate, pipelineWarnings } from "./pipeline.js";

const ACTUAL = "#2563eb";
const PLAN = "#9ca3af";
const KEPT = "#16a34a";
const MISSED = "#dc2626";
const OPEN = "#d1d5db";
const FORECAST = "#7c3aed";

/** One chart: its id (the `data-chart` attribute), title, series names and Vega-Lite spec. */
interface ChartSpec {
  id: string;
  title: string;
  series: string[];
  spec: Record<string, unknown>;
}

const CONFIG = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  view: { stroke: null },
  axis: {
    labelColor: "#4b5563",
    titleColor: "#374151",
    gridColor: "#eef0f3",
    domainColor: "#d1d5db",
    tickColor: "#d1d5db",
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 500,
  },
  legend: { orient: "top", labelFontSize: 11, titleFontSize: 11, symbolSize: 90 },
  title: { fontSize: 13, anchor: "start", color: "#111827" },
};

/** Axis labels: plain counts, money as 250k / 1.2M. */
function yAxis(money: boolean): Record<string, unknown> {
  if (!money) return { format: ",~r", tickCount: 4 };
  return {
    tickCount: 4,
    labelExpr: "datum.value === 0 ? '0' : datum.value >= 1e6 ? format(datum.value / 1e6, '.1~f') + 'M' : format(datum.value / 1e3, ',~f') + 'k'",
  };
}

/** The forecast band on a road: from what is done on as-of to P10–P90 on Dec 31, and the P50 line. */
export interface RoadBand {
  from: { date: string; value: number };
  to: { date: string; p10: number; p50: number; p90: number };
}

function roadChart(m: MetricSeries, money: boolean, band: RoadBand | null = null): ChartSpec {
  const values = m.weeks.flatMap((w) => [
    { date: w.end, series: "Plan", value: w.cumulativePlan },
    ...(w.cumulativeActual === null ? [] : [{ date: w.end, series: "Actual", value: w.cumulativeActual }]),
  ]);
  const series = band ? ["Plan", "Actual", "Forecast P10–P90"] : ["Plan", "Actual"];
  const bandValues = band
    ? [
        { date: band.from.date, series: "Forecast P10–P90", low: band.from.value, high: band.from.value, value: band.from.value },
        { date: band.to.date, series: "Forecast P10–P90", low: band.to.p10, high: band.to.p90, value: band.to.p50 },
      ]
    : [];
  // Plan dashed, actual solid: the dash is the line layer's own, since an area takes none.
  const line = {
    transform: [{ filter: "datum.series !== 'Forecast P10–P90'" }],
    mark: { type: "line", strokeWidth: 2, interpolate: "monotone" },
    encoding: {
      strokeDash: {
        field: "series",
        type: "nominal",
        title: null,
        scale: {
          domain: ["Plan", "Actual"],
          range: [
            [4, 3],
            [1, 0],
          ],
        },
      },
    },
  };
  const area = [
    {
      transform: [{ filter: "datum.series === 'Forecast P10–P90'" }],
      mark: { type: "area", opacity: 0.25 },
      encoding: { y: { field: "low", type: "quantitative" }, y2: { field: "high" } },
    },
    { transform: [{ filter: "datum.series === 'Forecast P10–P90'" }], mark: { type: "line", strokeWidth: 1.5, strokeDash: [2, 2] } },
  ];
  return {
    id: `road-${m.metric}`,
    title: m.metric,
    series,
    spec: {
      width: 300,
      height: 160,
      data: { values: [...values, ...bandValues] },
      layer: band ? [line, ...area] : [line],
      encoding: {
        x: { field: "date", type: "temporal", title: null, axis: { format: "%b", tickCount: 6 } },
        y: { field: "value", type: "quantitative", title: null, axis: yAxis(money) },
        color: { field: "series", type: "nominal", title: null, scale: { domain: series, range: [PLAN, ACTUAL, FORECAST].slice(0, series.length) } },
      },
    },
  };
}

function weeklyChart(m: MetricSeries, money: boolean): ChartSpec {
  const values = m.weeks.flatMap((w) => [
    { week: w.end, series: "Plan", value: w.plan },
    ...(w.actual === null ? [] : [{ week: w.end, series: "Actual", value: w.actual }]),
  ]);
  const color = { field: "series", type: "nominal", title: null, scale: { domain: ["Actual", "Plan"], range: [ACTUAL, PLAN] } };
  return {
    id: `weekly-${m.metric}`,
    title: m.metric,
    series: ["Actual", "Plan"],
    spec: {
      width: 300,
      height: 140,
      data: { values },
      encoding: {
        x: { field: "week", type: "temporal", title: null, axis: { format: "%b", tickCount: 6 } },
        y: { field: "value", type: "quantitative", title: null, axis: yAxis(money) },
        color,
      },
      layer: [
        { transform: [{ filter: "datum.series === 'Actual'" }], mark: { type: "bar", width: 4, cornerRadiusEnd: 1 } },
        { transform: [{ filter: "datum.series === 'Plan'" }], mark: { type: "line", strokeWidth: 1.5, interpolate: "step" } },
      ],
    },
  };
}

const STAGE_NAMES: Record<string, string> = { calls: "call", meetings: "meeting", opportunities: "opp", deals: "deal" };

function funnelChart(stages: readonly FunnelStage[]): ChartSpec {
  const values = stages.flatMap((s) => {
    const stage = `${STAGE_NAMES[s.from] ?? s.from} → ${STAGE_NAMES[s.to] ?? s.to}`;
    return [{ stage, series: "Planned", rate: s.planned }, ...(s.actual === null ? [] : [{ stage, series: "Actual", rate: s.actual }])];
  });
  return {
    id: "funnel",
    title: "Conversion, year to date",
    series: ["Planned", "Actual"],
    spec: {
      width: 300,
      height: 160,
      data: { values },
      mark: { type: "bar", cornerRadiusEnd: 2 },
      encoding: {
        x: { field: "stage", type: "nominal", title: null, sort: null, axis: { labelAngle: 0 } },
        xOffset: { field: "series", type: "nominal", sort: ["Planned", "Actual"] },
        y: { field: "rate", type: "quantitative", title: null, axis: { format: ".0%", tickCount: 5 } },
        color: { field: "series", type: "nominal", title: null, scale: { domain: ["Planned", "Actual"], range: [PLAN, ACTUAL] } },
      },
    },
  };
}

function commitmentsChart(report: Report): ChartSpec {
  const values = report.commitments.flatMap((w) => [
    { week: w.week, status: "kept", n: w.kept },
    { week: w.week, status: "missed", n: w.missed },
    { week: w.week, status: "open", n: w.open },
  ]);
  return {
    id: "commitments",
    title: "Commitments by week due",
    series: ["kept", "missed", "open"],
    spec: {
      width: 300,
      height: 160,
      data: { values },
      mark: { type: "bar", cornerRadiusEnd: 1 },
      encoding: {
        x: { field: "week", type: "ordinal", title: null, axis: { labelAngle: -40 } },
        y: { field: "n", type: "quantitative", title: null, axis: { tickMinStep: 1, format: "d" }, stack: "zero" },
        color: { field: "status", type: "nominal", title: null, scale: { domain: ["kept", "missed", "open"], range: [KEPT, MISSED, OPEN] } },
        order: { field: "status", sort: "ascending" },
      },
    },
  };
}

/** Open pipeline value by the month deals are expected to close (bars) beside the plan's revenue for the month (line). */
function pipelineChart(p: Pipeline): ChartSpec {
  const values = p.byCloseMonth.flatMap((m) =>
    m.month === null
      ? []
      : [{ month: m.month, series: "Open value", value: m.value }, ...(m.plan === null ? [] : [{ month: m.month, series: "Plan", value: m.plan }])],
  );
  const color = { field: "series", type: "nominal", title: null, scale: { domain: ["Open value", "Plan"], range: [ACTUAL, PLAN] } };
  return {
    id: "pipeline",
    title: "Pipeline by close month",
    series: ["Open value", "Plan"],
    spec: {
      width: 300,
      height: 160,
      data: { values },
      encoding: {
        x: { field: "month", type: "ordinal", title: null, sort: null, axis: { labelAngle: -40 } },
        y: { field: "value", type: "quantitative", title: null, axis: yAxis(true) },
        color,
      },
      layer: [
        { transform: [{ filter: "datum.series === 'Open value'" }], mark: { type: "bar", cornerRadiusEnd: 1 } },
        { transform: [{ filter: "datum.series === 'Plan'" }], mark: { type: "line", strokeWidth: 1.5, point: true } },
      ],
    },
  };
}

/** The pipeline's sentences under its chart. */
function pipelineNote(p: Pipeline, currency: string): string {
  // acct's own sentences escaped here; the warnings escape the deal names themselves.
  const own = [describeCoverage(p, currency), describeWinRate(p)].filter((l): l is string => l !== null).map(escapeHtml);
  const lines = [...own, ...pipelineWarnings(p, escapeHtml).map((w) => w.text)];
  return `<div class="empty" data-pipeline-notes="${lines.length}">${lines.join("<br>\n")}</div>`;
}

/** The forecast band for the revenue and deals roads, from as-of to Dec 31 (none once the year is over). */
function bandOf(report: Report, m: MetricSeries): RoadBand | null {
  const f = report.forecast;
  const dec31 = `${report.year}-12-31`;
  if (!f || report.asOf >= dec31) return null;
  const b = m.metric === "revenue" ? f.revenue : m.metric === "deals" ? f.deals : null;
  return b === null ? null : { from: { date: report.asOf, value: m.ytdActual }, to: { date: dec31, ...b } };
}

/** Renders a Vega-Lite spec to an SVG string in Node (vega and vega-lite are loaded here, only by the report). */
async function toSvg(spec: Record<string, unknown>): Promise<string> {
  const [vega, vegaLite] = await Promise.all([loadPackage<typeof import("vega")>("vega"), loadPackage<typeof import("vega-lite")>("vega-lite")]);
  const full = { config: CONFIG, background: "transparent", ...spec };
  // Vega-Lite's layout notes (a merged legend) are not the user's business: errors only.
  const compiled = vegaLite.compile(full as never, { logger: vega.logger(vega.Error) }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

async function figure(chart: ChartSpec): Promise<string> {
  const svg = await toSvg(chart.spec);
  const legend = chart.series.join(", ");
  const caption = chart.id.startsWith("road-") || chart.id.startsWith("weekly-") ? ' class="metric"' : "";
  return `<figure class="chart" data-chart="${escapeHtml(chart.id)}" data-series="${chart.series.length}" aria-label="${escapeHtml(`${chart.title}: ${legend}`)}">
<figcaption${caption}>${escapeHtml(chart.title)}</figcaption>
${svg}
</figure>`;
}

function summaryCards(report: Report, currency: string): string {
  return report.metrics
    .map((m) => {
      const money = m.metric === "revenue";
      // Escaped like every other value: the currency symbol is a setting in the data file.
      const fmt = (n: number) => escapeHtml(money ? formatMoney(Math.round(n), currency) : formatCount(n));
      const ratio = m.ytdPlan > 0 ? m.ytdActual / m.ytdPlan : null;
      const tone = ratio === null ? "" : ratio >= 1 ? "good" : ratio >= 0.8 ? "warn" : "bad";
      const pct = ratio === null ? "–" : formatRate(ratio);
      return `<div class="card ${tone}"><div class="label">${escapeHtml(m.metric)}</div><div class="value">${fmt(m.ytdActual)}</div><div class="sub">of ${fmt(m.ytdPlan)} planned to date · ${escapeHtml(pct)}</div><div class="sub">year: ${fmt(m.annual)}</div></div>`;
    })
    .join("\n");
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f6f7f9; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 48px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header p { margin: 0; color: #6b7280; }
h2 { font-size: 17px; margin: 36px 0 4px; }
h2 + p { margin: 0 0 14px; color: #6b7280; font-size: 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin-top: 24px; }
.card { background: #fff; border-radius: 10px; padding: 14px 16px; border-top: 4px solid #d1d5db; box-shadow: 0 1px 2px rgba(0,0,0,.05); }
.card.good { border-top-color: ${KEPT}; } .card.warn { border-top-color: #d97706; } .card.bad { border-top-color: ${MISSED}; }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #6b7280; }
.card .value { font-size: 22px; font-weight: 600; margin: 4px 0; }
.card .sub { font-size: 12px; color: #6b7280; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 14px; }
.chart { margin: 0; background: #fff; border-radius: 10px; padding: 12px 14px 8px; box-shadow: 0 1px 2px rgba(0,0,0,.05); overflow-x: auto; }
.chart figcaption { font-weight: 600; font-size: 14px; margin-bottom: 2px; }
.chart figcaption.metric { text-transform: capitalize; }
.chart svg { display: block; max-width: 100%; height: auto; }
.empty { background: #fff; border-radius: 10px; padding: 20px; color: #6b7280; }
footer { margin-top: 40px; color: #9ca3af; font-size: 12px; }
`;

/** The whole page; `currency` prefixes money. */
export async function renderReportHtml(report: Report, { currency }: Pick<RenderOptions, "currency">): Promise<string> {
  const money = (m: string) => m === "revenue";
  const roads = await Promise.all(report.metrics.map((m) => figure(roadChart(m, money(m.metric), bandOf(report, m)))));
  const weeklies = await Promise.all(report.metrics.map((m) => figure(weeklyChart(m, money(m.metric)))));
  const funnel = await figure(funnelChart(report.funnel));
  const commitments =
    report.commitments.length === 0
      ? `<div class="empty" data-empty="commitments">No commitments due in ${report.year} yet. Make one at your next review: <code>acct commit add "Book 5 meetings" --due fri --metric meeting --target 5</code></div>`
      : await figure(commitmentsChart(report));
  const pipeline = report.pipeline
    ? `<h2>Pipeline</h2>
<p>Open deals by the month they are expected to close, beside the plan's revenue for the month.</p>
<section class="grid">
${await figure(pipelineChart(report.pipeline))}
${pipelineNote(report.pipeline, currency)}
</section>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>acct report ${report.year}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Sales activity ${report.year}</h1>
<p>Plan against actual, as of ${escapeHtml(report.asOf)}.</p>
</header>
<section class="cards">
${summaryCards(report, currency)}
</section>
<h2>The road</h2>
<p>Cumulative plan (dashed) against what was done, week by week.</p>
<section class="grid">
${roads.join("\n")}
</section>
<h2>Weeks</h2>
<p>Each week's actual (bars) against its plan (line).</p>
<section class="grid">
${weeklies.join("\n")}
</section>
<h2>Funnel and commitments</h2>
<p>Planned against actual conversion at each step of the funnel, year to date; commitments kept, missed and still open by the week they were due.</p>
<section class="grid">
${funnel}
${commitments}
</section>
${pipeline}
<footer>Made by acct from a local data file. This page loads nothing from the network.</footer>
</main>
</body>
</html>
`;
}

/** The HTML report fed hostile text: every value from the data file stays text. */
import { describe, expect, it } from "vitest";
import type { MetricSeries, Report } from "../../src/domain/report.js";
import { renderReportHtml } from "../../src/render/report-html.js";

const week = (end: string, plan: number, actual: number) => ({
  week: "2026-W02",
  monday: "2026-01-05",
  end,
  plan,
  actual,
  cumulativePlan: plan,
  cumulativeActual: actual,
});
const metric = (name: string, annual: number): MetricSeries => ({
  metric: name,
  annual,
  ytdPlan: annual / 50,
  ytdActual: annual / 60,
  weeks: [week("2026-01-11", annual / 50, annual / 60)],
});

describe("renderReportHtml with hostile text", () => {
  it("escapes metric (custom type) names and the currency symbol wherever they appear", async () => {
    const hostileType = `<img src=x onerror=alert(1)>"'&`;
    const report: Report = {
      year: 2026,
      asOf: "2026-01-11",
      metrics: [metric("revenue", 1_200_000), metric(hostileType, 500)],
      funnel: [{ from: "calls", to: "meetings", planned: 0.1, actual: 0.05 }],
      commitments: [],
    };
    const html = await renderReportHtml(report, { currency: `<script>alert("€")</script>` });
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("onerror=alert(1)>");
    expect(html).toContain("&lt;script&gt;alert(&quot;€&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;");
    // Attributes stay closed: no value from the data file ends a quoted attribute.
    for (const attr of html.match(/(data-chart|aria-label)="[^"]*"/g) ?? []) expect(attr).not.toMatch(/[<>']/);
  });
});

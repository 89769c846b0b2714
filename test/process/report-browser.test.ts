/**
 * The report as a reader sees it: opened from disk in headless Chromium
 * (Debian's `chromium`, installed by .ci/run), with every request recorded.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import { acct, tempDb } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

describe("acct report in a browser", () => {
  it("opens without console errors or network requests, with every chart and its series", async () => {
    const db = tempDb();
    expect(acct(db, ["demo"], { now: "2026-03-12T10:00" }).code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "acct-browser-")), "report.html");
    expect(acct(db, ["report", "--out", file]).code).toBe(0);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("request", (request) => requests.push(request.url()));
      const url = pathToFileURL(file).href;
      await page.goto(url, { waitUntil: "load" });

      expect(problems).toEqual([]);
      // The page itself is the only thing loaded.
      expect(requests).toEqual([url]);

      const charts = await page.$$eval("[data-chart]", (figures) =>
        figures.map((f) => ({
          id: f.getAttribute("data-chart"),
          series: Number(f.getAttribute("data-series")),
          legend: [...f.querySelectorAll("svg .role-legend-label text")].map((t) => t.textContent),
          width: f.querySelector("svg")?.getBoundingClientRect().width ?? 0,
        })),
      );
      expect(charts.map((c) => c.id)).toEqual([
        ...["calls", "meetings", "opportunities", "deals", "revenue", "linkedin"].map((m) => `road-${m}`),
        ...["calls", "meetings", "opportunities", "deals", "revenue", "linkedin"].map((m) => `weekly-${m}`),
        "funnel",
        "commitments",
        "pipeline",
      ]);
      for (const chart of charts) {
        expect(chart.legend, chart.id ?? "").toHaveLength(chart.series);
        expect(chart.width, chart.id ?? "").toBeGreaterThan(200);
      }
      expect(charts.find((c) => c.id === "road-calls")!.legend).toEqual(["Plan", "Actual"]);
      expect(charts.find((c) => c.id === "commitments")!.legend).toEqual(["kept", "missed", "open"]);
      expect(charts.find((c) => c.id === "pipeline")!.legend).toEqual(["Open value", "Plan"]);

      // The road's actual line stops at today, the plan runs on to December.
      const lines = await page.$$eval('[data-chart="road-calls"] svg .role-mark path', (paths) => paths.map((p) => p.getBoundingClientRect().width));
      expect(lines).toHaveLength(2);
      expect(Math.min(...lines)).toBeLessThan(Math.max(...lines) / 2);

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "report.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

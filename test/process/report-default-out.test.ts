/**
 * `acct report` without --out writes report-YEAR.html into the current
 * folder: a process of its own has one (in process, the folder would be the
 * test runner's).
 */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acct, fingerprint, tempDb } from "../helpers/cli.js";

/** A database filled by `acct demo` as of Thursday 2026-03-12, 10:00. */
function demoDb(): string {
  const db = tempDb();
  const result = acct(db, ["demo"], { now: "2026-03-12T10:00" });
  if (result.code !== 0) throw new Error(`demo failed: ${result.stderr}`);
  return db;
}

describe("acct report without --out", () => {
  it("writes one self-contained page with every chart, to report-YEAR.html by default", () => {
    const db = demoDb();
    const cwd = mkdtempSync(join(tmpdir(), "acct-report-"));
    const result = acct(db, ["report"], { cwd });
    expect(result.code).toBe(0);
    const path = join(cwd, "report-2026.html");
    expect(result.stdout.trim()).toBe(path);
    const html = readFileSync(path, "utf8");
    // 6 metrics (the cascade and linkedin) × road and weekly bars, the funnel, commitments, and the demo's deals by close month.
    expect(html.match(/data-chart="/g)).toHaveLength(15);
    for (const id of ["road-calls", "road-revenue", "road-linkedin", "weekly-calls", "funnel", "commitments", "pipeline"])
      expect(html).toContain(`data-chart="${id}"`);
    // Nothing to fetch: no scripts, stylesheets, fonts or images from elsewhere (SVG's url(#clip) references are local).
    expect(html).not.toMatch(/<script|<link|<img|@import|url\((?!#)|src=|href="http/i);
  });

  it("fails without a plan for the year, writing nothing", () => {
    const db = tempDb();
    const cwd = mkdtempSync(join(tmpdir(), "acct-report-"));
    const result = acct(db, ["report", "--year", "2027"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^acct: there is no plan for 2027/);
    expect(existsSync(join(cwd, "report-2027.html"))).toBe(false);
    expect(fingerprint(db)).toBe("absent");
  });
});

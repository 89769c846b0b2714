/** One way to read each figure on every text page (src/render/format.ts), and lines that keep within a width (text-width.ts, table.ts). */
import fc from "fast-check";
import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import { formatBuffer, formatCompactCount, formatCompactMoney, formatCount, formatDays, formatMoney, formatRate } from "../../src/render/format.js";
import { renderTable } from "../../src/render/table.js";
import { cutLines, displayWidth, truncateToWidth, wrapToWidth } from "../../src/render/text-width.js";
import { describeVerdict } from "../../src/render/audit-text.js";
import type { Verdict } from "../../src/domain/audit.js";

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 2 });

describe("the figures' convention", () => {
  it("counts: whole from 10 up, one decimal below, no false precision", () => {
    expect(formatCount(2237.33)).toBe("2,237");
    expect(formatCount(47.9)).toBe("48");
    expect(formatCount(4.62)).toBe("4.6");
    expect(formatCount(0.57)).toBe("0.6");
    expect(formatCount(3)).toBe("3");
    expect(formatCount(9.96)).toBe("10");
    expect(formatCount(0)).toBe("0");
  });

  it("money in a narrow column is compact in every cell; in a sentence it is whole", () => {
    expect(["$0", "$950", "$4.1k", "$20.3k", "$99.9k", "$100k", "$210k", "$1m", "$1.2m", "$120m", "$1.5b"]).toEqual(
      [0, 950, 4069, 20_312.5, 99_940, 99_960, 210_000, 999_960, 1_200_000, 120_000_000, 1_500_000_000].map((x) => formatCompactMoney(x, "$")),
    );
    expect(formatCompactMoney(999.6, "$")).toBe("$1k");
    expect(formatCompactMoney(-4069, "EUR")).toBe("-EUR 4.1k");
    expect(formatCompactMoney(-0.2, "$")).toBe("$0");
    expect(formatMoney(4069, "$")).toBe("$4,069");
    expect(formatMoney(42_000.5, "EUR")).toBe("EUR 42,000.50");
  });

  it("counts in a narrow column shorten from ten thousand", () => {
    expect([formatCompactCount(9.2), formatCompactCount(2400), formatCompactCount(9999.6), formatCompactCount(12_345), formatCompactCount(1_234_567)]).toEqual([
      "9.2",
      "2,400",
      "10k",
      "12.3k",
      "1.2m",
    ]);
  });

  it("percentages: no space, at most one decimal", () => {
    expect([0.479, 0.1, 0.25, 0.0461, 1.04, 0, 0.12345].map(formatRate)).toEqual(["47.9%", "10%", "25%", "4.6%", "104%", "0%", "12.3%"]);
  });

  it("working days: one decimal, one day or several, a true minus sign", () => {
    expect(formatDays(1)).toBe("1 day");
    expect(formatDays(1.04)).toBe("1 day");
    expect(formatDays(2.46)).toBe("2.5 days");
    expect(formatDays(0.02)).toBe("0 days");
    expect(formatDays(1, true)).toBe("+1 day");
    expect(formatDays(-2.5, true)).toBe("−2.5 days");
    expect(formatDays(-0.01, true)).toBe("0 days");
    expect([formatBuffer(1.54), formatBuffer(-3.2), formatBuffer(-0.04), formatBuffer(null)]).toEqual(["+1.5", "−3.2", "0", "–"]);
  });

  it("the verdict says `1 day`, not `1 days`", () => {
    const verdict = (bufferDays: number): Verdict => ({
      status: "on-track",
      metric: "revenue",
      ofPlan: 1.04,
      activity: { onTrack: 4, total: 5, furthest: { metric: "opportunities", bufferDays } },
    });
    expect(describeVerdict(verdict(-1))).toBe("Revenue on track: 104% of plan to date. Activity: 4 of 5 on plan; furthest behind: opportunities, 1 day.");
    expect(describeVerdict(verdict(-3.24))).toContain("furthest behind: opportunities, 3.2 days.");
  });
});

describe("lines within a width", () => {
  const sentence = "at 4.6% call→meeting you need 5,217 calls, not 2,400 (5,217 calls, not 2,400)";

  it("wraps a sentence at spaces under a hanging indent, and keeps it whole without a width", () => {
    expect(wrapToWidth(sentence, 40, "  Weakest stage: ", "    ")).toEqual([
      "  Weakest stage: at 4.6% call→meeting",
      "    you need 5,217 calls, not 2,400",
      "    (5,217 calls, not 2,400)",
    ]);
    expect(wrapToWidth(sentence, Number.POSITIVE_INFINITY, "  ")).toEqual([`  ${sentence}`]);
    expect(wrapToWidth("short", 80, "- ")).toEqual(["- short"]);
  });

  it("breaks a word longer than the line rather than lose it, and counts wide characters and colour as the terminal does", () => {
    expect(wrapToWidth("x".repeat(25), 10, "", "  ")).toEqual(["x".repeat(10), `  ${"x".repeat(8)}`, `  ${"x".repeat(7)}`]);
    expect(wrapToWidth("株式会社 サンプル 商事", 10)).toEqual(["株式会社", "サンプル", "商事"]);
    const painted = wrapToWidth(`${colour.red("behind")} by two days`, 12);
    expect(painted.map(displayWidth)).toEqual([9, 8]);
  });

  it("never makes a line wider than the width, nor loses a word (property; seed printed on failure)", () => {
    const word = fc.string({ unit: "grapheme", minLength: 1, maxLength: 15 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.integer({ min: 4, max: 60 }), (words, width) => {
        const lines = wrapToWidth(words.join(" "), width, "  ", "    ");
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(
          lines
            .map((l) => l.trim())
            .join("")
            .replace(/\s/g, ""),
        ).toBe(words.join(""));
      }),
    );
  });

  it("cuts coloured text by what shows, and resets the colour it cut", () => {
    const line = `${colour.green("✓ on-track")} and more text`;
    const cut = truncateToWidth(line, 8);
    expect(displayWidth(cut)).toBe(8);
    expect(cut).toBe(`${colour.green("✓ on-tr").replace(/\u001b\[39m$/, "")}…\u001b[0m`);
    expect(cutLines("abcdef\nab", 4)).toBe("abc…\nab");
    expect(cutLines("abcdef", Number.POSITIVE_INFINITY)).toBe("abcdef");
  });
});

describe("renderTable within a width", () => {
  const rows = [
    [1, "Book meetings with three new accounts", "2026-03-13", "3/6 meeting"],
    [2, "Ask Globex for a referral", "2026-03-13", ""],
  ];
  const head = ["ID", "Commitment", "Due", "Progress"];
  const align = ["right", "left", "left", "right"] as const;

  it("cuts the columns that may shrink, the widest first, to fit", async () => {
    const text = await renderTable(head, rows, plain, align, { width: 50, shrink: [1, 3] });
    const lines = text.split("\n");
    expect(lines.every((l) => displayWidth(l) <= 50)).toBe(true);
    // 50 columns less the others (ID, Due, Progress and the borders: 33) leave the text 14.
    expect(lines.find((l) => l.includes("│  1 │"))).toBe("│  1 │ Book meetings… │ 2026-03-13 │ 3/6 meeting │");
    expect(lines.find((l) => l.includes("│  2 │"))).toBe("│  2 │ Ask Globex fo… │ 2026-03-13 │             │");
    expect(displayWidth(lines[0] as string)).toBe(50);
  });

  it("is its own width without a terminal, and cuts lines when the other columns alone overflow", async () => {
    const whole = await renderTable(head, rows, plain, align, { width: Number.POSITIVE_INFINITY, shrink: [1] });
    expect(whole).toContain("Book meetings with three new accounts");
    expect(whole).toBe(await renderTable(head, rows, plain, align));
    const tiny = await renderTable(head, rows, plain, align, { width: 30, shrink: [1] });
    expect(tiny.split("\n").every((l) => displayWidth(l) <= 30)).toBe(true);
  });

  it("wraps instead when asked, ruling the rows apart", async () => {
    const text = await renderTable(head, rows, plain, align, { width: 50, shrink: [1], overflow: "wrap" });
    expect(text.split("\n").every((l) => displayWidth(l) <= 50)).toBe(true);
    expect(text).toContain("│  1 │ Book meetings  │ 2026-03-13 │ 3/6 meeting │");
    expect(text).toContain("│    │ with three new │            │             │");
    expect(text).toContain("│    │ accounts       │            │             │");
    expect(text).toContain("├────┼");
  });
});

import { Chalk } from "chalk";
import { describe, expect, it } from "vitest";
import type { Adherence } from "../../src/domain/blocks.js";
import { adherenceJson, describeAdherence, markCommand, renderDay, unmarkedLines, type DayJson } from "../../src/render/blocks.js";
import { escapeMarkdown } from "../../src/render/escape.js";
import type { RenderOptions } from "../../src/render/options.js";

const plain: RenderOptions = { style: new Chalk({ level: 0 }), currency: "$", weekStart: "mon", width: 80 };

const figures = (unmarked: Adherence["unmarkedOccurrences"]): Adherence => ({
  scheduled: 3 + unmarked.length,
  kept: 2,
  skipped: 1,
  unmarked: unmarked.length,
  keptByLog: 1,
  adherence: 2 / (3 + unmarked.length),
  unmarkedOccurrences: unmarked,
});

describe("block figures as text and JSON", () => {
  const hostile = "Calls\u001b[2J\nrm -rf ~ `x` *y*";
  const one = { blockId: 7, label: hostile, date: "2026-03-10", startMin: 480, endMin: 570 };

  it("says how many were kept, by what, and names the unmarked with the command that marks them", () => {
    expect(describeAdherence(figures([one]))).toBe("2 of 4 kept (1 by what was logged), 1 skipped, 1 unmarked");
    expect(describeAdherence({ ...figures([]), keptByLog: 0 })).toBe("2 of 3 kept, 1 skipped, 0 unmarked");
    expect(markCommand(one)).toBe("acct block done 7 --date 2026-03-10");
    const [line] = unmarkedLines(figures([one]), 5);
    expect(line?.startsWith("acct block done 7 --date 2026-03-10 (or skip)  tue 08:00–09:30 #7 Calls")).toBe(true);
  });

  it("shows a label's control characters instead of obeying them, and Markdown-escapes it for Markdown", () => {
    const [line] = unmarkedLines(figures([one]), 5);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    const [md] = unmarkedLines(figures([one]), 5, escapeMarkdown);
    expect(md).toContain(escapeMarkdown(hostile));
  });

  it("names the first few, then how many more", () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ ...one, blockId: i + 1, label: "Calls" }));
    const lines = unmarkedLines(figures(many), 5);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("… and 2 more");
  });

  it("JSON: the spec's five fields, rates to 4 decimals, and each unmarked one with its command", () => {
    expect(adherenceJson(figures([one]))).toEqual({
      scheduled: 4,
      kept: 2,
      skipped: 1,
      unmarked: 1,
      adherence: 0.5,
      keptByLog: 1,
      unmarkedOccurrences: [{ id: 7, label: hostile, date: "2026-03-10", start: "08:00", end: "09:30", command: "acct block done 7 --date 2026-03-10" }],
    });
    expect(adherenceJson(figures([one, one])).adherence).toBe(0.4);
  });
});

describe("renderDay", () => {
  const block = (id: number, status: DayJson["blocks"][number]["status"], keptBy: DayJson["blocks"][number]["keptBy"] = null) => ({
    id,
    label: `Block ${id}`,
    days: ["thu" as const],
    start: "08:00",
    end: "09:30",
    activity: "call",
    status,
    keptBy,
    reason: null,
  });

  it("names each state: kept, kept (logged), skipped, unmarked with its command, pending", () => {
    const text = renderDay(
      {
        date: "2026-03-12",
        dayOff: false,
        blocks: [block(1, "kept", "mark"), block(2, "kept", "log"), block(3, "skipped"), block(4, "unmarked"), block(5, "pending")],
      },
      plain,
    );
    expect(text.split("\n")).toEqual([
      "blocks on 2026-03-12:",
      "08:00–09:30  #1 Block 1 (call)  kept",
      "08:00–09:30  #2 Block 2 (call)  kept (logged)",
      "08:00–09:30  #3 Block 3 (call)  skipped",
      "08:00–09:30  #4 Block 4 (call)  unmarked — acct block done 4 (or skip)",
      "08:00–09:30  #5 Block 5 (call)  pending",
    ]);
  });
});

import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { blockUid, renderBlocksIcs } from "../../src/render/ics.js";
import type { StoredBlock } from "../../src/store/blocks.js";

const blocks: StoredBlock[] = [
  // Created on Thursday 2026-03-12: first occurrence that day.
  { id: 1, label: "Prospecting", days: ["tue", "thu"], startMin: 480, endMin: 570, activity: "call", createdOn: "2026-03-12" },
  // Created on Friday 2026-03-13: first Monday is 03-16.
  { id: 4, label: "Pipeline review, weekly", days: ["mon"], startMin: 16 * 60 + 30, endMin: 17 * 60 + 15, activity: null, createdOn: "2026-03-13" },
];

function events(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
}

const occurrences = (event: ICAL.Event, n: number) => {
  const it = event.iterator();
  const out: string[] = [];
  for (let t = it.next(); t && out.length < n; t = it.next()) out.push(t.toString());
  return out;
};

describe("renderBlocksIcs", () => {
  it("writes one weekly event per block with floating local times and stable UIDs", async () => {
    const text = await renderBlocksIcs(blocks, { installId: "abc", stamp: new Date("2026-03-12T09:00:00Z"), daysOff: [] });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const [first, second] = events(text);
    expect(first?.summary).toBe("Prospecting");
    expect(first?.uid).toBe(blockUid("abc", 1));
    expect(first?.startDate.toString()).toBe("2026-03-12T08:00:00");
    expect(first?.endDate.toString()).toBe("2026-03-12T09:30:00");
    expect(first?.startDate.zone?.tzid).toBe("floating");
    const rule = first?.component.getFirstPropertyValue("rrule") as ICAL.Recur;
    expect(rule.freq).toBe("WEEKLY");
    expect(rule.parts.BYDAY).toEqual(["TU", "TH"]);
    expect(occurrences(first as ICAL.Event, 3)).toEqual(["2026-03-12T08:00:00", "2026-03-17T08:00:00", "2026-03-19T08:00:00"]);

    expect(second?.summary).toBe("Pipeline review, weekly");
    expect(second?.uid).toBe(blockUid("abc", 4));
    expect(second?.startDate.toString()).toBe("2026-03-16T16:30:00");
    expect(second?.endDate.toString()).toBe("2026-03-16T17:15:00");
    expect((second?.component.getFirstPropertyValue("rrule") as ICAL.Recur).parts.BYDAY).toEqual(["MO"]);
  });

  it("excludes occurrences on days off", async () => {
    const text = await renderBlocksIcs(blocks.slice(0, 1), {
      installId: "abc",
      stamp: new Date("2026-03-12T09:00:00Z"),
      // Monday 03-16 is not a block day; Tuesday 03-17 is. Days before the first occurrence are left out.
      daysOff: ["2026-03-10", "2026-03-16", "2026-03-17"],
    });
    expect(text).toContain("EXDATE:20260317T080000\r\n");
    const [event] = events(text);
    expect(occurrences(event as ICAL.Event, 3)).toEqual(["2026-03-12T08:00:00", "2026-03-19T08:00:00", "2026-03-24T08:00:00"]);
  });

  it("writes an empty but valid calendar when there are no blocks", async () => {
    const text = await renderBlocksIcs([], { installId: "none", stamp: new Date("2026-03-12T09:00:00Z"), daysOff: [] });
    expect(events(text)).toEqual([]);
    expect(text).toContain("BEGIN:VCALENDAR");
  });
});

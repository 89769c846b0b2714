import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { visibleControls } from "../../src/render/escape.js";
import { blockUid, renderBlocksIcs } from "../../src/render/ics.js";
import type { StoredBlock } from "../../src/domain/blocks.js";

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
    expect((second!.component.getFirstPropertyValue("rrule") as ICAL.Recur).parts.BYDAY).toEqual(["MO"]);
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

describe("renderBlocksIcs with hostile text from the data file", () => {
  const hostile = [
    "Calls\r\nATTENDEE:mailto:evil@example.com",
    "Calls\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected",
    "a;b,c\\d",
    "\u001b]52;c;aGk=\u0007 \u001b[2J \u009b31m",
    "x\rDESCRIPTION:override",
  ];

  it.each(hostile)("keeps the label %j inside SUMMARY: one event, no property added, no control character", async (label) => {
    const text = await renderBlocksIcs([{ id: 1, label, days: ["tue"], startMin: 480, endMin: 540, activity: "call\r\nATTENDEE:x", createdOn: "2026-03-12" }], {
      installId: "id\r\nATTENDEE:mailto:uid@example.com",
      stamp: new Date("2026-03-12T09:00:00Z"),
      daysOff: [],
    });
    // Every line ends with CRLF and holds no other control character; no line starts a property the block did not set.
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
    expect(lines.filter((l) => /^(ATTENDEE|DESCRIPTION|BEGIN:VEVENT|SUMMARY)/.test(l)).map((l) => l.split(/[:;]/)[0])).toEqual([
      "BEGIN",
      "SUMMARY",
      "DESCRIPTION",
    ]);
    const [event, ...more] = events(text);
    expect(more).toEqual([]);
    expect(event?.attendees).toEqual([]);
    // The label as text: its control characters shown (a line break as ␊), its ; , \ read back exactly.
    expect(event?.summary).toBe(visibleControls(label));
    expect(event?.description).toBe("acct block #1 (call␍␊ATTENDEE:x)");
  });

  it("escapes TEXT as RFC 5545 says: a label with ; , and \\ reads back exactly", async () => {
    const label = "Calls; Acme, Beta \\ co";
    const text = await renderBlocksIcs([{ id: 1, label, days: ["tue"], startMin: 480, endMin: 540, activity: null, createdOn: "2026-03-12" }], {
      installId: "a",
      stamp: new Date("2026-03-12T09:00:00Z"),
      daysOff: [],
    });
    expect(text).toContain("SUMMARY:Calls\\; Acme\\, Beta \\\\ co");
    expect(events(text)[0]?.summary).toBe(label);
  });
});

import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Entry } from "../../src/domain/entry.js";
import { EntryListLayout } from "../../src/render/entry-list.js";
import { displayWidth, truncateToWidth } from "../../src/render/text-width.js";

const plain = new Chalk({ level: 0 });

const entry = (id: number, fields: Partial<Entry> = {}): Entry => ({
  id,
  date: "2026-03-12",
  type: "call",
  count: 1,
  amountCents: null,
  minutes: null,
  contact: null,
  note: null,
  ...fields,
});

function render(entries: Entry[], width = Number.POSITIVE_INFINITY): string[] {
  const layout = new EntryListLayout("$");
  for (const e of entries) layout.measure(e);
  layout.fit(width);
  return [layout.header(plain), ...entries.map((e) => layout.line(e))];
}

describe("displayWidth / truncateToWidth", () => {
  it("counts terminal columns: ASCII one, CJK and emoji two, combining marks none", () => {
    expect(displayWidth("Acme")).toBe(4);
    expect(displayWidth("株式会社")).toBe(8);
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("👍🏽")).toBe(2);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("ﾊﾝｶｸ")).toBe(4);
    expect(displayWidth("␛[31m")).toBe(5);
  });

  it("cuts whole characters and ends with …", () => {
    expect(truncateToWidth("follow up next week", 10)).toBe("follow up…");
    expect(truncateToWidth("short", 10)).toBe("short");
    expect(truncateToWidth("株式会社サンプル", 7)).toBe("株式会…");
    expect(truncateToWidth("😀😀😀", 4)).toBe("😀…");
  });

  it("never exceeds the width and keeps a prefix of the text (property; seed printed on failure)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.integer({ min: 1, max: 50 }), (text, width) => {
        const cut = truncateToWidth(text, width);
        expect(displayWidth(cut)).toBeLessThanOrEqual(Math.max(width, displayWidth(text) <= width ? displayWidth(text) : 0));
        if (cut !== text) expect(text.startsWith(cut.slice(0, -1))).toBe(true);
      }),
    );
  });
});

describe("EntryListLayout", () => {
  it("aligns numbers right and text left, leaves out columns no entry fills, and ends lines without spaces", () => {
    expect(render([entry(9), entry(10, { type: "meeting", count: 12, minutes: 45 })])).toEqual([
      "ID  Date        Type     Count  Minutes",
      " 9  2026-03-12  call         1",
      "10  2026-03-12  meeting     12       45",
    ]);
    expect(render([entry(1, { type: "deal", amountCents: 4_200_050, contact: "Acme", note: "signed" }), entry(2)])).toEqual([
      "ID  Date        Type  Count      Amount  Contact  Note",
      " 1  2026-03-12  deal      1  $42,000.50  Acme     signed",
      " 2  2026-03-12  call      1",
    ]);
  });

  it("shares a narrow width between Contact and Note, the narrower keeping its width, each at least its header", () => {
    const entries = [entry(1, { contact: "Acme Corporation Worldwide", note: "a very long note about the follow-up call" }), entry(2, { contact: "Bo" })];
    const lines = render(entries, 60);
    expect(lines.every((l) => displayWidth(l) <= 60)).toBe(true);
    expect(lines[1]).toBe(" 1  2026-03-12  call      1  Acme Corporat…  a very long no…");
    expect(render(entries, 42)[1]).toBe(" 1  2026-03-12  call      1  Acme C…  a v…");
    // Narrower than the other columns alone: the line itself is cut at the width.
    expect(render(entries, 30)[1]).toBe(" 1  2026-03-12  call      1  …");
    expect(render(entries, 10)).toEqual(["ID  Date …", " 1  2026-…", " 2  2026-…"]);
    // A contact that fits keeps all of it; the note takes the rest.
    expect(render([entry(1, { contact: "Bo", note: "x".repeat(80) })], 50)[1]).toBe(` 1  2026-03-12  call      1  Bo       ${"x".repeat(11)}…`);
  });
});

import { describe, expect, it } from "vitest";
import { carriedCounts, commitmentStatus, dueSoon, summarizeCommitments, viewCommitments, type Commitment } from "../../src/domain/commitments.js";

const base: Commitment = {
  id: 1,
  text: "x",
  due: "2026-03-13",
  metric: null,
  target: null,
  createdOn: "2026-03-09",
  stored: "open",
  closedOn: null,
  carriedFrom: null,
};
const c = (o: Partial<Commitment>): Commitment => ({ ...base, ...o });

describe("commitmentStatus", () => {
  it("a measured one is kept when progress reaches the target, even before its due date", () => {
    const m = c({ metric: "call", target: 50 });
    expect(commitmentStatus(m, 50, "2026-03-10")).toBe("kept");
    expect(commitmentStatus(m, 49, "2026-03-13")).toBe("open");
    expect(commitmentStatus(m, 49, "2026-03-14")).toBe("missed");
  });
  it("another is kept when done by its due date, missed when done late or never", () => {
    expect(commitmentStatus(c({ stored: "done", closedOn: "2026-03-13" }), null, "2026-03-20")).toBe("kept");
    expect(commitmentStatus(c({ stored: "done", closedOn: "2026-03-14" }), null, "2026-03-20")).toBe("missed");
    expect(commitmentStatus(c({}), null, "2026-03-13")).toBe("open");
    expect(commitmentStatus(c({}), null, "2026-03-14")).toBe("missed");
  });
  it("dropped stays dropped", () => {
    expect(commitmentStatus(c({ stored: "dropped", closedOn: "2026-03-10" }), null, "2026-03-20")).toBe("dropped");
  });
});

describe("carried chains and the week's summary", () => {
  const chain = [
    c({ id: 1, due: "2026-03-03" }),
    c({ id: 2, due: "2026-03-06", carriedFrom: 1 }),
    c({ id: 3, due: "2026-03-11", carriedFrom: 2 }),
    c({ id: 4, due: "2026-03-12", stored: "done", closedOn: "2026-03-12" }),
    c({ id: 5, due: "2026-03-02" }),
  ];
  it("counts how many times each was carried over", () => {
    expect([...carriedCounts(chain)]).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 0],
      [5, 0],
    ]);
  });
  it("due this week with counts, overdue ones never carried, repeated ones not kept", () => {
    const views = viewCommitments(chain, new Map(), "2026-03-12");
    const week = summarizeCommitments(views, "2026-03-09", "2026-03-15");
    expect(week.due.map((d) => [d.id, d.status])).toEqual([
      [3, "missed"],
      [4, "kept"],
    ]);
    expect([week.kept, week.missed, week.open]).toEqual([1, 1, 0]);
    // #1 and #2 were carried on as #2 and #3; #5 was left behind.
    expect(week.overdue.map((d) => d.id)).toEqual([5]);
    expect(week.repeated.map((d) => [d.id, d.carried])).toEqual([[3, 2]]);
  });
});

describe("dueSoon", () => {
  it("open commitments due from today to the given day, soonest first", () => {
    const views = viewCommitments(
      [
        c({ id: 1, due: "2026-03-15" }),
        c({ id: 2, due: "2026-03-12" }),
        c({ id: 3, due: "2026-03-11" }),
        c({ id: 4, due: "2026-03-20" }),
        c({ id: 5, due: "2026-03-13", stored: "dropped" }),
      ],
      new Map(),
      "2026-03-12",
    );
    expect(dueSoon(views, "2026-03-12", "2026-03-15").map((v) => v.id)).toEqual([2, 1]);
  });
});

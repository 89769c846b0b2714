/**
 * SPEC "Pipeline and big-deal reviews", the pure part: the stall rule ("same
 * deal, same gaps"), a deal as it stood on a day (stage, closed, idle,
 * overdue), and the pipeline's figures, each computed by hand.
 */
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../src/domain/dates.js";
import {
  type Action,
  buildPipeline,
  type DealRecords,
  type DealView,
  median,
  type OppReview,
  type Opportunity,
  type PipelineInput,
  type Progress,
  type StageMove,
  stagesFrom,
  stalledRun,
  viewDeal,
  viewReviews,
} from "../../src/domain/pipeline.js";

// ---------------------------------------------------------------- builders

/** An open deal opened on 2026-03-02 (a Monday) in the first default stage. */
function opp(overrides: Partial<Opportunity> = {}): Opportunity {
  return {
    id: 1,
    name: "Acme renewal",
    valueCents: 120_000_00,
    stage: "qualify",
    close: null,
    contact: null,
    note: null,
    status: "open",
    openedOn: "2026-03-02",
    closedOn: null,
    amountCents: null,
    lostReason: null,
    ...overrides,
  };
}

function review(id: number, date: IsoDate, gaps: string[], seq: number, stage = "qualify"): OppReview {
  return { id, opp: 1, date, stage, gaps, seq };
}

function move(id: number, date: IsoDate, from: string, to: string, seq: number): StageMove {
  return { id, opp: 1, date, from, to, seq };
}

/** An action of review `reviewId`, made on `createdOn`, due `due`, open unless said otherwise. */
function action(id: number, reviewId: number, text: string, createdOn: IsoDate, due: IsoDate, overrides: Partial<Action> = {}): Action {
  return {
    id,
    text,
    due,
    metric: null,
    target: null,
    createdOn,
    stored: "open",
    closedOn: null,
    carriedFrom: null,
    opp: 1,
    review: reviewId,
    ...overrides,
  };
}

/** Logged progress from a list of entries `[date, type, count]` (what daily_totals would hold). */
function progressFrom(entries: readonly [IsoDate, string, number][] = []): Progress {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    between: (type, from, to) => sorted.filter(([d, t]) => t === type && d >= from && d <= to).reduce((sum, [, , n]) => sum + n, 0),
    reachedOn: (type, from, to, target) => {
      let sum = 0;
      for (const [d, t, n] of sorted) {
        if (t !== type || d < from || d > to) continue;
        sum += n;
        if (sum >= target) return d;
      }
      return null;
    },
  };
}

const NO_PROGRESS = progressFrom();

function records(overrides: Partial<DealRecords> = {}): DealRecords {
  return { opp: opp(), moves: [], reviews: [], actions: [], entryDates: [], ...overrides };
}

// ---------------------------------------------------------------- the stall rule

describe("the stall rule: same deal, same gaps", () => {
  it("the same gaps in another order, case and spacing, with no stage move: stalled", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", ["No budget owner", "no champion"], 1), review(2, "2026-03-12", ["  NO   Champion ", "no budget\towner"], 2)],
      [],
      [],
      NO_PROGRESS,
    );
    expect(views.map((r) => r.stalled)).toEqual([false, true]);
    expect(views[1]?.sameGaps).toBe(true);
  });

  it("the first review is never stalled, whatever it says", () => {
    const [first] = viewReviews([review(1, "2026-03-05", ["no champion"], 1)], [], [action(1, 1, "meet the CFO", "2026-03-05", "2026-03-06")], NO_PROGRESS);
    expect(first?.stalled).toBe(false);
  });

  it("a different set of gaps is progress: one gap more, one gap fewer, one gap changed", () => {
    const before = review(1, "2026-03-05", ["no champion", "no budget owner"], 1);
    for (const gaps of [["no champion", "no budget owner", "legal review"], ["no champion"], ["no champion", "no timeline"]]) {
      const views = viewReviews([before, review(2, "2026-03-12", gaps, 2)], [], [], NO_PROGRESS);
      expect(views[1]?.stalled, JSON.stringify(gaps)).toBe(false);
    }
  });

  it("a stage move between the two reviews: not stalled, even with the same gaps", () => {
    const reviews = [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no champion"], 3, "discovery")];
    const views = viewReviews(reviews, [move(1, "2026-03-09", "qualify", "discovery", 2)], [], NO_PROGRESS);
    expect(views[1]?.stalled).toBe(false);
    expect(views[1]?.changes.moves).toEqual([{ from: "qualify", to: "discovery" }]);
  });

  it("a move and a move back between the reviews is still a move", () => {
    const reviews = [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no champion"], 4)];
    const moves = [move(1, "2026-03-09", "qualify", "discovery", 2), move(2, "2026-03-10", "discovery", "qualify", 3)];
    expect(viewReviews(reviews, moves, [], NO_PROGRESS)[1]?.stalled).toBe(false);
  });

  it("a move before the previous review, or after this one, does not count for this one", () => {
    // Moved on 03-04 (before review 1), reviewed 03-05 and 03-12 with the same gaps, then moved on 03-12 after the review.
    const reviews = [review(1, "2026-03-05", ["no champion"], 2, "discovery"), review(2, "2026-03-12", ["No Champion"], 3, "discovery")];
    const moves = [move(1, "2026-03-04", "qualify", "discovery", 1), move(2, "2026-03-12", "discovery", "proposal", 4)];
    const views = viewReviews(reviews, moves, [], NO_PROGRESS);
    expect(views[1]?.stalled).toBe(true);
    expect(views[1]?.changes.moves).toEqual([]);
  });

  it("an action repeating an earlier one whose commitment was not kept by the day of the review: stalled, though the gaps changed", () => {
    // Review 1 promised to meet the CFO by 03-06; nobody marked it done. Review 2 (other gaps) promises it again.
    const views = viewReviews(
      [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 2)],
      [],
      [action(1, 1, "Meet the CFO", "2026-03-05", "2026-03-06"), action(2, 2, "  meet  the cfo", "2026-03-12", "2026-03-13")],
      NO_PROGRESS,
    );
    expect(views[1]?.stalled).toBe(true);
    expect(views[1]?.sameGaps).toBe(false);
    expect(views[1]?.repeatedActions).toEqual(["  meet  the cfo"]);
  });

  it("a repeated action whose commitment is still open (not due yet, not kept) on the review day: stalled", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 2)],
      [],
      [action(1, 1, "meet the CFO", "2026-03-05", "2026-03-20"), action(2, 2, "meet the CFO", "2026-03-12", "2026-03-20")],
      NO_PROGRESS,
    );
    expect(views[1]?.stalled).toBe(true);
  });

  it("a repeated action whose commitment was marked done only after the review day: stalled", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 2)],
      [],
      [
        action(1, 1, "meet the CFO", "2026-03-05", "2026-03-20", { stored: "done", closedOn: "2026-03-13" }),
        action(2, 2, "meet the CFO", "2026-03-12", "2026-03-20"),
      ],
      NO_PROGRESS,
    );
    expect(views[1]?.stalled).toBe(true);
  });

  it("a repeated action whose commitment was kept (done by the review day, the day itself included): not stalled", () => {
    for (const doneOn of ["2026-03-10", "2026-03-12"]) {
      const views = viewReviews(
        [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 2)],
        [],
        [
          action(1, 1, "meet the CFO", "2026-03-05", "2026-03-20", { stored: "done", closedOn: doneOn }),
          action(2, 2, "meet the CFO", "2026-03-12", "2026-03-20"),
        ],
        NO_PROGRESS,
      );
      expect(views[1]?.stalled, doneOn).toBe(false);
      expect(views[1]?.repeatedActions).toEqual([]);
    }
  });

  it("a repeated measured action: kept once its entries reached the target by the review day", () => {
    const reviews = [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 2)];
    const actions = [
      action(1, 1, "book 2 demos", "2026-03-05", "2026-03-11", { metric: "meeting", target: 2 }),
      action(2, 2, "Book 2 demos", "2026-03-12", "2026-03-18", { metric: "meeting", target: 2 }),
    ];
    // Two meetings from 03-05 to 03-11: kept.
    const kept = progressFrom([
      ["2026-03-06", "meeting", 1],
      ["2026-03-10", "meeting", 1],
    ]);
    expect(viewReviews(reviews, [], actions, kept)[1]?.stalled).toBe(false);
    // One meeting in time (one before its creation does not count): not kept.
    const short = progressFrom([
      ["2026-03-04", "meeting", 3],
      ["2026-03-06", "meeting", 1],
      ["2026-03-06", "call", 9],
    ]);
    expect(viewReviews(reviews, [], actions, short)[1]?.stalled).toBe(true);
  });

  it("an unkept action from two reviews back, repeated now, stalls this review", () => {
    const views = viewReviews(
      [review(1, "2026-03-02", ["a"], 1), review(2, "2026-03-05", ["b"], 2), review(3, "2026-03-12", ["c"], 3)],
      [],
      [action(1, 1, "send the ROI case", "2026-03-02", "2026-03-04"), action(2, 3, "Send the ROI case", "2026-03-12", "2026-03-13")],
      NO_PROGRESS,
    );
    expect(views.map((r) => r.stalled)).toEqual([false, false, true]);
  });

  it("a new action with new gaps is progress", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 2)],
      [],
      [action(1, 1, "meet the CFO", "2026-03-05", "2026-03-06"), action(2, 2, "find a sponsor in IT", "2026-03-12", "2026-03-13")],
      NO_PROGRESS,
    );
    expect(views[1]?.stalled).toBe(false);
  });

  it("two reviews that name no gaps, each with a new action, are not 'the same gaps'", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", [], 1), review(2, "2026-03-12", [], 2)],
      [],
      [action(1, 1, "send the proposal", "2026-03-05", "2026-03-06"), action(2, 2, "book a demo with IT", "2026-03-12", "2026-03-13")],
      NO_PROGRESS,
    );
    expect(views[1]?.stalled).toBe(false);
  });

  it("a stage move clears a repeated unkept action too", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", ["no champion"], 1), review(2, "2026-03-12", ["no budget owner"], 3, "discovery")],
      [move(1, "2026-03-09", "qualify", "discovery", 2)],
      [action(1, 1, "meet the CFO", "2026-03-05", "2026-03-06"), action(2, 2, "meet the CFO", "2026-03-12", "2026-03-13")],
      NO_PROGRESS,
    );
    expect(views[1]?.stalled).toBe(false);
  });

  it("marks each review's gaps and actions new / same / dropped against the review before", () => {
    const views = viewReviews(
      [review(1, "2026-03-05", ["No champion", "no budget owner"], 1), review(2, "2026-03-12", ["no CHAMPION", "legal review"], 2)],
      [],
      [
        action(1, 1, "meet the CFO", "2026-03-05", "2026-03-06"),
        action(2, 1, "send pricing", "2026-03-05", "2026-03-06"),
        action(3, 2, "Meet the CFO", "2026-03-12", "2026-03-13"),
        action(4, 2, "call legal", "2026-03-12", "2026-03-13"),
      ],
      NO_PROGRESS,
    );
    expect(views[1]?.changes.gaps).toEqual({ new: ["legal review"], same: ["no CHAMPION"], dropped: ["no budget owner"] });
    expect(views[1]?.changes.actions).toEqual({ new: ["call legal"], same: ["Meet the CFO"], dropped: ["send pricing"] });
  });

  it("stalledRun counts the trailing run of stalled reviews only", () => {
    const gaps = (g: string) => [g];
    // Gaps a, a, b, b, b: stalled F, T, F, T, T.
    const reviews = ["a", "a", "b", "b", "b"].map((g, i) => review(i + 1, `2026-03-0${i + 1}`, gaps(g), i + 1));
    const views = viewReviews(reviews, [], [], NO_PROGRESS);
    expect(views.map((r) => r.stalled)).toEqual([false, true, false, true, true]);
    expect(stalledRun(views)).toBe(2);
    expect(stalledRun(views.slice(0, 3))).toBe(0);
    expect(stalledRun(views.slice(0, 2))).toBe(1);
    expect(stalledRun(views.slice(0, 1))).toBe(0);
    expect(stalledRun([])).toBe(0);
  });
});

// ---------------------------------------------------------------- a deal as of a day

describe("viewDeal: a deal as it stood on a day", () => {
  // Opened 03-02 in qualify; moved to discovery 03-10; reviewed 03-15; moved to proposal 03-20; won 03-25.
  const history = records({
    opp: opp({ stage: "proposal", status: "won", closedOn: "2026-03-25", amountCents: 110_000_00 }),
    moves: [move(1, "2026-03-10", "qualify", "discovery", 1), move(2, "2026-03-20", "discovery", "proposal", 3)],
    reviews: [review(1, "2026-03-15", ["no champion"], 2, "discovery")],
  });

  it("is in the stage it was in then, with the moves and reviews made by then", () => {
    const early = viewDeal(history, "2026-03-09", 14, NO_PROGRESS);
    expect([early.stage, early.moves.length, early.reviews.length]).toEqual(["qualify", 0, 0]);
    const middle = viewDeal(history, "2026-03-15", 14, NO_PROGRESS);
    expect([middle.stage, middle.moves.length, middle.reviews.length]).toEqual(["discovery", 1, 1]);
    const late = viewDeal(history, "2026-03-20", 14, NO_PROGRESS);
    expect([late.stage, late.moves.length]).toEqual(["proposal", 2]);
  });

  it("is closed only if closed by then", () => {
    const before = viewDeal(history, "2026-03-24", 14, NO_PROGRESS);
    expect([before.status, before.closedOn, before.amountCents]).toEqual(["open", null, null]);
    const on = viewDeal(history, "2026-03-25", 14, NO_PROGRESS);
    expect([on.status, on.closedOn, on.amountCents]).toEqual(["won", "2026-03-25", 110_000_00]);
    const lost = records({ opp: opp({ status: "lost", closedOn: "2026-03-25", lostReason: "no budget" }) });
    expect(viewDeal(lost, "2026-03-24", 14, NO_PROGRESS).lostReason).toBeNull();
    expect(viewDeal(lost, "2026-03-25", 14, NO_PROGRESS).lostReason).toBe("no budget");
  });

  it("is idle when 14 days or more have passed since it was opened and nothing else happened", () => {
    const quiet = records();
    expect(viewDeal(quiet, "2026-03-15", 14, NO_PROGRESS).idle).toBe(false); // 13 days
    expect(viewDeal(quiet, "2026-03-16", 14, NO_PROGRESS).idle).toBe(true); // exactly 14
    expect(viewDeal(quiet, "2026-03-16", 15, NO_PROGRESS).idle).toBe(false); // the idle-days setting
  });

  it("anything on the deal restarts the idle clock: a review, a move, a linked entry, an action kept", () => {
    const withReview = records({ reviews: [review(1, "2026-03-10", ["x"], 1)] });
    expect(viewDeal(withReview, "2026-03-23", 14, NO_PROGRESS).idle).toBe(false);
    expect(viewDeal(withReview, "2026-03-24", 14, NO_PROGRESS).idle).toBe(true);
    expect(viewDeal(withReview, "2026-03-24", 14, NO_PROGRESS).lastActivity).toBe("2026-03-10");

    const withMove = records({ moves: [move(1, "2026-03-11", "qualify", "discovery", 1)], opp: opp({ stage: "discovery" }) });
    expect(viewDeal(withMove, "2026-03-24", 14, NO_PROGRESS).lastActivity).toBe("2026-03-11");

    const withEntry = records({ entryDates: ["2026-03-02", "2026-03-12"] });
    expect(viewDeal(withEntry, "2026-03-25", 14, NO_PROGRESS).idle).toBe(false);
    expect(viewDeal(withEntry, "2026-03-26", 14, NO_PROGRESS).idle).toBe(true);

    const withKept = records({
      reviews: [review(1, "2026-03-03", ["x"], 1)],
      actions: [action(1, 1, "meet the CFO", "2026-03-03", "2026-03-20", { stored: "done", closedOn: "2026-03-13" })],
    });
    expect(viewDeal(withKept, "2026-03-26", 14, NO_PROGRESS).lastActivity).toBe("2026-03-13");
    expect(viewDeal(withKept, "2026-03-26", 14, NO_PROGRESS).idle).toBe(false);
    expect(viewDeal(withKept, "2026-03-27", 14, NO_PROGRESS).idle).toBe(true);
  });

  it("what happens after the day does not count for that day", () => {
    const later = records({ reviews: [review(1, "2026-03-20", ["x"], 1)], entryDates: ["2026-03-02", "2026-03-19"] });
    const view = viewDeal(later, "2026-03-16", 14, NO_PROGRESS);
    expect(view.lastActivity).toBe("2026-03-02");
    expect(view.idle).toBe(true);
  });

  it("is overdue when its close date is before the day (not on it); closed deals are neither idle nor overdue", () => {
    const due = records({ opp: opp({ close: "2026-03-12" }) });
    expect(viewDeal(due, "2026-03-12", 14, NO_PROGRESS).overdue).toBe(false);
    expect(viewDeal(due, "2026-03-13", 14, NO_PROGRESS).overdue).toBe(true);
    expect(viewDeal(records(), "2026-12-31", 14, NO_PROGRESS).overdue).toBe(false);
    const won = records({ opp: opp({ close: "2026-03-12", status: "won", closedOn: "2026-03-02", amountCents: 1_00 }) });
    const view = viewDeal(won, "2026-04-30", 14, NO_PROGRESS);
    expect([view.overdue, view.idle]).toEqual([false, false]);
  });

  it("counts the stalled run of an open deal; a closed one has none", () => {
    const same = [review(1, "2026-03-03", ["x"], 1), review(2, "2026-03-05", ["X"], 2), review(3, "2026-03-09", ["x "], 3)];
    expect(viewDeal(records({ reviews: same }), "2026-03-12", 14, NO_PROGRESS).stalledReviews).toBe(2);
    expect(viewDeal(records({ reviews: same }), "2026-03-05", 14, NO_PROGRESS).stalledReviews).toBe(1);
    const lost = records({ reviews: same, opp: opp({ status: "lost", closedOn: "2026-03-10", lostReason: "gone" }) });
    expect(viewDeal(lost, "2026-03-12", 14, NO_PROGRESS).stalledReviews).toBe(0);
  });
});

// ---------------------------------------------------------------- the pipeline

describe("buildPipeline", () => {
  const STAGES = stagesFrom(null, null);
  const AS_OF = "2026-03-12";
  const deal = (o: Partial<Opportunity>, r: Partial<DealRecords> = {}): DealView => viewDeal(records({ opp: opp(o), ...r }), AS_OF, 14, NO_PROGRESS);
  const DEALS: DealView[] = [
    deal({ id: 1, name: "A", valueCents: 100_000_00, stage: "qualify", close: "2026-04-15", openedOn: "2026-03-10" }),
    deal({ id: 2, name: "B", valueCents: 60_000_00, stage: "proposal", close: "2026-04-30", openedOn: "2026-03-10" }),
    deal({ id: 3, name: "C", valueCents: 40_000_00, stage: "negotiation", close: null, openedOn: "2026-03-10" }),
    deal({ id: 4, name: "D", valueCents: 20_000_00, stage: "discovery", close: "2026-06-10", openedOn: "2026-03-10" }),
    // Closed in 2026: won in 30 and 40 days, one lost.
    deal({ id: 5, name: "E", status: "won", openedOn: "2026-01-05", closedOn: "2026-02-04", amountCents: 45_000_00, close: "2026-01-31" }),
    deal({ id: 6, name: "F", status: "won", openedOn: "2026-01-20", closedOn: "2026-03-01", amountCents: 50_000_00 }),
    deal({ id: 7, name: "G", status: "lost", openedOn: "2026-01-10", closedOn: "2026-02-10", lostReason: "price" }),
    // Won in 2025: neither in the win rate nor in the cycle.
    deal({ id: 8, name: "H", status: "won", openedOn: "2025-10-01", closedOn: "2025-12-15", amountCents: 10_000_00 }),
  ];
  const input = (overrides: Partial<PipelineInput> = {}): PipelineInput => ({
    deals: DEALS,
    stages: STAGES,
    asOf: AS_OF,
    year: 2026,
    needed: 880_000,
    coverageGoal: 3,
    monthPlan: (month) => (month.startsWith("2026-") ? 100_000 : null),
    ...overrides,
  });

  it("open value, weighted value (Σ value × stage probability) and coverage of what is still needed", () => {
    const p = buildPipeline(input());
    expect(p.open).toBe(4);
    expect(p.value).toBe(220_000); // 100k + 60k + 40k + 20k
    expect(p.weighted).toBeCloseTo(75_000, 6); // 100k×10 % + 60k×50 % + 40k×75 % + 20k×25 %
    expect(p.needed).toBe(880_000);
    expect(p.coverage).toBeCloseTo(0.25, 10); // 220k ÷ 880k
    expect(p.coverageGoal).toBe(3);
  });

  it("coverage is null when nothing is needed (target reached) or there is no revenue plan", () => {
    expect(buildPipeline(input({ needed: 0 })).coverage).toBeNull();
    const beyond = buildPipeline(input({ needed: -5_000 }));
    expect([beyond.needed, beyond.coverage]).toEqual([0, null]);
    const none = buildPipeline(input({ needed: null }));
    expect([none.needed, none.coverage]).toEqual([null, null]);
  });

  it("a stage the settings no longer name weighs nothing; custom probabilities weigh as set", () => {
    const custom = stagesFrom("qualify,discovery,proposal,negotiation", "20,40,60,80");
    expect(buildPipeline(input({ stages: custom })).weighted).toBeCloseTo(100_000 * 0.2 + 60_000 * 0.6 + 40_000 * 0.8 + 20_000 * 0.4, 6);
  });

  it("open value by close month beside the plan's month, with deals without a close date under a null month", () => {
    const extra = [
      ...DEALS,
      deal({ id: 9, name: "I", valueCents: 5_000_00, stage: "qualify", close: "2026-04-01", openedOn: "2026-03-10" }),
      deal({ id: 10, name: "J", valueCents: 7_000_00, stage: "qualify", close: "2027-01-15", openedOn: "2026-03-10" }),
    ];
    const { byCloseMonth } = buildPipeline(input({ deals: extra }));
    const month = (m: string | null) => byCloseMonth.find((x) => x.month === m);
    expect(month("2026-04")).toEqual({ month: "2026-04", value: 165_000, plan: 100_000 }); // 100k + 60k + 5k
    expect(month("2026-06")).toEqual({ month: "2026-06", value: 20_000, plan: 100_000 });
    expect(month("2027-01")).toEqual({ month: "2027-01", value: 7_000, plan: null });
    expect(month(null)).toEqual({ month: null, value: 40_000, plan: null });
    // Closed deals are not open value; every open dollar is in exactly one month.
    expect(byCloseMonth.reduce((s, m) => s + m.value, 0)).toBe(232_000);
    expect(byCloseMonth.map((m) => m.month).filter((m) => m !== null)).toEqual([...byCloseMonth.map((m) => m.month).filter((m) => m !== null)].sort());
    expect(byCloseMonth.at(-1)?.month).toBeNull();
  });

  it("win rate among deals closed in the plan year; median cycle of those won (even count: mean of the middle two)", () => {
    const p = buildPipeline(input());
    expect(p.winRate).toBeCloseTo(2 / 3, 10); // E, F won; G lost; H was 2025
    expect(p.cycleDays).toBe(35); // 30 and 40 days
  });

  it("median cycle with an odd count, and none without a deal won", () => {
    const third = deal({ id: 11, name: "K", status: "won", openedOn: "2026-03-01", closedOn: "2026-03-11", amountCents: 1_00 });
    const p = buildPipeline(input({ deals: [...DEALS, third] }));
    expect(p.cycleDays).toBe(30); // 10, 30, 40
    expect(p.winRate).toBeCloseTo(3 / 4, 10);
    const onlyLost = buildPipeline(input({ deals: DEALS.filter((d) => d.status !== "won") }));
    expect([onlyLost.winRate, onlyLost.cycleDays]).toEqual([0, null]);
    const noneClosed = buildPipeline(input({ deals: DEALS.filter((d) => d.status === "open") }));
    expect([noneClosed.winRate, noneClosed.cycleDays]).toEqual([null, null]);
  });

  it("a deal closed after as-of is still open on as-of", () => {
    const later = viewDeal(
      records({ opp: opp({ id: 12, name: "L", status: "won", closedOn: "2026-03-20", amountCents: 9_000_00, valueCents: 9_000_00, openedOn: "2026-03-01" }) }),
      AS_OF,
      14,
      NO_PROGRESS,
    );
    const p = buildPipeline(input({ deals: [later] }));
    expect([p.open, p.value, p.winRate]).toEqual([1, 9_000, null]);
  });

  it("names the stalled, idle and overdue open deals by id and name", () => {
    const same = [review(1, "2026-03-03", ["x"], 1), review(2, "2026-03-05", ["X"], 2)];
    const deals = [
      deal({ id: 1, name: "Stalled", openedOn: "2026-03-02" }, { reviews: same }),
      deal({ id: 2, name: "Idle", openedOn: "2026-02-20" }),
      deal({ id: 3, name: "Overdue", openedOn: "2026-03-10", close: "2026-03-11" }),
      deal({ id: 4, name: "Fine", openedOn: "2026-03-10", close: "2026-03-12" }),
      deal({ id: 5, name: "Closed", openedOn: "2026-01-01", close: "2026-01-02", status: "lost", closedOn: "2026-01-03", lostReason: "x" }),
    ];
    const p = buildPipeline(input({ deals }));
    const refs = (list: { id: number; name: string }[]) => list.map(({ id, name }) => ({ id, name }));
    expect(refs(p.stalled)).toEqual([{ id: 1, name: "Stalled" }]);
    expect(refs(p.idle)).toEqual([{ id: 2, name: "Idle" }]);
    expect(refs(p.overdue)).toEqual([{ id: 3, name: "Overdue" }]);
  });
});

describe("median", () => {
  it("of none, one, an odd and an even count (unsorted input)", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([1, 2])).toBe(1.5);
  });
});

describe("stagesFrom", () => {
  it("the default stages and probabilities: qualify 10 %, discovery 25 %, proposal 50 %, negotiation 75 %", () => {
    expect(stagesFrom(null, null)).toEqual([
      { name: "qualify", probability: 0.1 },
      { name: "discovery", probability: 0.25 },
      { name: "proposal", probability: 0.5 },
      { name: "negotiation", probability: 0.75 },
    ]);
  });

  it("the stages and probabilities the settings give", () => {
    expect(stagesFrom("lead,demo,contract", "5,40,90")).toEqual([
      { name: "lead", probability: 0.05 },
      { name: "demo", probability: 0.4 },
      { name: "contract", probability: 0.9 },
    ]);
  });

  it("custom stages without probabilities still get one each, rising, between 0 and 1", () => {
    const stages = stagesFrom("lead,demo,contract", null);
    expect(stages.map((s) => s.name)).toEqual(["lead", "demo", "contract"]);
    for (const [i, s] of stages.entries()) {
      expect(s.probability).toBeGreaterThan(0);
      expect(s.probability).toBeLessThan(1);
      if (i > 0) expect(s.probability).toBeGreaterThan((stages[i - 1] as { probability: number }).probability);
    }
  });
});

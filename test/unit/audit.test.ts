import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { auditWindow, buildAudit, buildConversion, type AuditInput, type MetricAudit } from "../../src/domain/audit.js";
import { DAY_MINUTES } from "../../src/domain/blocks.js";
import { describeStageCost, describeVerdict } from "../../src/render/audit-text.js";
import { examplePlanInput, planBasis } from "../helpers/plans.js";
import { typeTotals } from "../helpers/totals.js";

// 2026 has 261 weekdays. 261 deals at 100 % win and meeting rates and a 25 %
// call rate make every daily target whole: 1 deal, 1 opportunity, 1 meeting,
// 4 calls and 1,000 of revenue per working day.
const input = examplePlanInput({ unit: "deals", target: 261, dealSizeCents: 1_000_00, winRate: 1, meetingRate: 1, callRate: 0.25, customerTime: 0.25 });
const linkedin = [{ type: "linkedin", from: "1970-01-01", perWeek: 10 }];
const basis = planBasis(input, [], linkedin);
const { plan } = basis;

function fixture(overrides: Partial<AuditInput> = {}): AuditInput {
  return {
    ...basis,
    period: { kind: "week", id: "2026-W11" },
    reviews: [],
    share: 1,
    week: "2026-W11",
    from: "2026-03-09",
    to: "2026-03-15",
    asOf: "2026-03-12",
    weekTotals: typeTotals({ call: { count: 18, minutes: 60 }, meeting: { count: 5, minutes: 60 }, linkedin: { count: 9 } }),
    ytdTotals: typeTotals({
      call: { count: 150 },
      meeting: { count: 45 },
      opportunity: { count: 10 },
      deal: { count: 2, amountCents: 2_500_000 },
      linkedin: { count: 80 },
    }),
    yearWeeks: [],
    bestWeeks: new Map(),
    blocks: [],
    blockMarks: [],
    loggedTypes: new Map(),
    nowMinutes: DAY_MINUTES,
    commitments: [],
    lastChange: null,
    latestReviews: [],
    buddyNote: null,
    ...overrides,
  };
}

const metric = (metrics: MetricAudit[], name: string) => metrics.find((m) => m.metric === name) as MetricAudit;

describe("the formulas", () => {
  it("audit window: today for the current week, Sunday for a past one, none for a future one", () => {
    expect(auditWindow("2026-03-09", "2026-03-12")).toEqual({ from: "2026-03-09", to: "2026-03-15", asOf: "2026-03-12" });
    expect(auditWindow("2026-03-02", "2026-03-12")).toEqual({ from: "2026-03-02", to: "2026-03-08", asOf: "2026-03-08" });
    expect(auditWindow("2026-03-16", "2026-03-12")).toBeNull();
  });
});

describe("buildAudit on the hand-computed fixture (2026-W11 as of Thu 2026-03-12)", () => {
  const audit = buildAudit(fixture());

  it("calls: week, plan to date, year to date and the derived figures", () => {
    const calls = metric(audit.metrics, "calls");
    // Mon–Fri × 4 = 20; Mon–Thu = 16. Jan 22 + Feb 20 + Mar 1–12 9 = 51 working days × 4 = 204.
    expect(calls.period).toEqual({ plan: 20, planToDate: 16, actual: 18 });
    expect(calls.ytd).toEqual({ plan: 204, actual: 150 });
    expect(calls.annual).toBe(1044);
    expect(calls.status).toBe("behind"); // 150 / 204 = 73.5 %
    expect(calls.bufferDays).toBeCloseTo(-13.5, 9);
    expect(calls.projection).toBeCloseTo((150 / 51) * 261, 9);
    // 261 − 51 = 210 working days left; (1044 − 150) / 210 × 5.
    expect(calls.requiredPerWeek).toBeCloseTo((894 / 210) * 5, 9);
  });
  it("meetings at risk; revenue from deal amounts", () => {
    const meetings = metric(audit.metrics, "meetings");
    expect(meetings.status).toBe("at-risk"); // 45 / 51 = 88 %
    expect(meetings.bufferDays).toBeCloseTo(-6, 9);
    const revenue = metric(audit.metrics, "revenue");
    expect(revenue.ytd).toEqual({ plan: 51_000, actual: 25_000 });
    expect(revenue.annual).toBe(261_000);
  });
  it("custom types with a weekly target: 10 a week spread over 5 days", () => {
    const linkedin = metric(audit.metrics, "linkedin");
    expect(linkedin.period).toEqual({ plan: 10, planToDate: 8, actual: 9 });
    expect(linkedin.ytd.plan).toBeCloseTo(102, 9); // 51 working days × 2
    expect(linkedin.annual).toBeCloseTo(522, 9);
    expect(linkedin.status).toBe("behind"); // 80 / 102 = 78.4 %, under 80 %
  });
  it("customer time: minutes over the week's working minutes to date", () => {
    expect(audit.customerTime).toEqual({ minutes: 120, workingMinutes: 4 * 8 * 60, share: 120 / 1920, goal: 0.25 });
  });
  it("no blocks: nothing scheduled, adherence null", () => {
    expect(audit.blocks).toEqual({ scheduled: 0, kept: 0, skipped: 0, unmarked: 0, keptByLog: 0, adherence: null, unmarkedOccurrences: [] });
  });
  it("the verdict leads with the outcome, then counts the activity metrics and names the one furthest behind", () => {
    // Revenue 25,000 of 51,000 planned to date. Activity: calls −13.5, meetings −6, opportunities (10 of 51) −41, linkedin behind.
    expect(audit.verdict).toEqual({
      status: "behind",
      metric: "revenue",
      ofPlan: 25_000 / 51_000,
      activity: { onTrack: 0, total: 4, furthest: { metric: "opportunities", bufferDays: -41 } },
    });
    expect(audit.status).toBe("behind");
    expect(describeVerdict(audit.verdict)).toBe("Revenue behind: 49% of plan to date. Activity: 0 of 4 on plan; furthest behind: opportunities, 41 days.");
  });
  it("revenue ahead of plan leads the verdict even when an activity metric is behind", () => {
    const ahead = buildAudit(
      fixture({
        ytdTotals: typeTotals({
          call: { count: 300 },
          meeting: { count: 60 },
          opportunity: { count: 60 },
          deal: { count: 60, amountCents: 60_000_00 },
          linkedin: { count: 50 },
        }),
      }),
    );
    expect(ahead.verdict).toMatchObject({ status: "on-track", metric: "revenue", activity: { onTrack: 3, total: 4, furthest: { metric: "linkedin" } } });
    expect(ahead.status).toBe("on-track");
  });
  it("a deals plan without a deal size leads with deals", () => {
    const deals = buildAudit(fixture(planBasis({ ...input, dealSizeCents: null }, [], linkedin)));
    expect(deals.verdict.metric).toBe("deals");
    expect(deals.metrics.map((m) => m.metric)).not.toContain("revenue");
  });
});

/** Paths of the numbers in `value` that are Infinity or NaN (JSON would print them as null, text as "Infinity"). */
function nonFinite(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (value instanceof Map) return [...value.entries()].flatMap(([k, v]) => nonFinite(v, `${path}.${String(k)}`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

describe("conversion", () => {
  it("actual rates year to date, the weakest stage and its cost", () => {
    const c = buildConversion(
      plan,
      typeTotals({ call: { count: 150 }, meeting: { count: 45 }, opportunity: { count: 10 }, deal: { count: 2, amountCents: 2_500_000 } }),
    );
    expect(c.stages.map((s) => s.actual)).toEqual([0.3, 10 / 45, 0.2]);
    expect(c.dealSize).toEqual({ planned: 1000, actual: 12_500 });
    // Against 100 % plans, 20 % opportunity→deal is further below than 22 % meeting→opportunity.
    expect(c.weakest).toBe("opportunities");
    // 261 deals at 20 % need 1,305 opportunities, 1,305 meetings, 5,220 calls.
    expect(c.cost).toMatchObject({ metric: "opportunities", needed: 1305, planned: 261, callsNeeded: 5220, callsPlanned: 1044 });
    expect(describeStageCost(c)).toBe("at 20% opportunity→deal you need 1,305 opportunities, not 261 (5,220 calls, not 1,044)");
  });
  it("call→meeting cost in calls, as in the spec's example", () => {
    const spec = planBasis(
      { ...input, unit: "revenue", target: 1_200_000_00, dealSizeCents: 40_000_00, winRate: 0.25, meetingRate: 0.5, callRate: 0.1 },
      [],
      linkedin,
    ).plan;
    const c = buildConversion(
      spec,
      typeTotals({ call: { count: 1000 }, meeting: { count: 48 }, opportunity: { count: 24 }, deal: { count: 6, amountCents: 6 * 40_000_00 } }),
    );
    expect(c.weakest).toBe("calls");
    expect(describeStageCost(c)).toBe("at 4.8% call→meeting you need 5,000 calls, not 2,400");
  });
  it("a stage at 0 so far: no cost (null), and the text says what is known instead of a number", () => {
    const spec = planBasis(
      { ...input, unit: "revenue", target: 1_200_000_00, dealSizeCents: 40_000_00, winRate: 0.25, meetingRate: 0.5, callRate: 0.1 },
      [],
      linkedin,
    ).plan;
    const calls = buildConversion(spec, typeTotals({ call: { count: 40 } }));
    expect(calls.weakest).toBe("calls");
    expect(calls.cost).toEqual({
      metric: "calls",
      needed: null,
      planned: 2400,
      callsNeeded: null,
      callsPlanned: 2400,
      rate: 0,
    });
    expect(describeStageCost(calls)).toBe(
      "no meeting yet from 40 calls, where the plan's 10% would give 4: too early to say how many calls the year needs at this rate",
    );
    const meetings = buildConversion(spec, typeTotals({ call: { count: 30 }, meeting: { count: 3 } }));
    expect(describeStageCost(meetings)).toBe(
      "no opportunity yet from 3 meetings, where the plan's 50% would give 1.5: too early to say how many meetings the year needs at this rate",
    );
    const deals = buildConversion(spec, typeTotals({ call: { count: 10 }, meeting: { count: 1 }, opportunity: { count: 1 } }));
    expect(deals.cost).toMatchObject({ metric: "opportunities", needed: null, callsNeeded: null });
    expect(describeStageCost(deals)).toBe(
      "no deal yet from 1 opportunity, where the plan's 25% would give 0.3: too early to say how many opportunities the year needs at this rate",
    );
  });

  it("never gives Infinity or NaN, whatever the totals (property)", () => {
    const specBasis = planBasis(
      { ...input, unit: "revenue", target: 1_200_000_00, dealSizeCents: 40_000_00, winRate: 0.25, meetingRate: 0.5, callRate: 0.1 },
      [],
      linkedin,
    );
    const spec = specBasis.plan;
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 10_000_000 }));
    fc.assert(
      fc.property(count, count, count, count, count, (call, meeting, opportunity, deal, amount) => {
        const c = buildConversion(
          spec,
          typeTotals({ call: { count: call }, meeting: { count: meeting }, opportunity: { count: opportunity }, deal: { count: deal, amountCents: amount } }),
        );
        const numbers: unknown[] = [
          ...c.stages.flatMap((st) => [st.planned, st.actual]),
          c.dealSize.actual,
          c.cost?.needed,
          c.cost?.callsNeeded,
          c.cost?.planned,
        ];
        for (const x of numbers) if (typeof x === "number") expect(Number.isFinite(x), String(x)).toBe(true);
        expect(describeStageCost(c) ?? "").not.toMatch(/Infinity|NaN/);
        const a = buildAudit(
          fixture({
            ...specBasis,
            ytdTotals: typeTotals({
              call: { count: call },
              meeting: { count: meeting },
              opportunity: { count: opportunity },
              deal: { count: deal, amountCents: amount },
            }),
          }),
        );
        expect(nonFinite(a)).toEqual([]);
        expect(describeStageCost(a.conversion) ?? "").not.toMatch(/Infinity|NaN/);
      }),
    );
  });

  it("no stage below plan: no weakest; no data: null rates", () => {
    const c = buildConversion(plan, new Map());
    expect(c.stages.every((s) => s.actual === null)).toBe(true);
    expect(c.weakest).toBeNull();
    expect(c.dealSize.actual).toBeNull();
  });
});

describe("edges of the year", () => {
  it("first day of the year: one elapsed working day; last week: nothing remains", () => {
    const first = buildAudit(
      fixture({ week: "2026-W01", from: "2025-12-29", to: "2026-01-04", asOf: "2026-01-01", ytdTotals: typeTotals({ call: { count: 3 } }) }),
    );
    const calls = metric(first.metrics, "calls");
    expect(calls.period.plan).toBe(8); // Jan 1 and 2 only: Dec 29–31 are outside the plan year
    expect(calls.period.planToDate).toBe(4);
    expect(calls.projection).toBe(3 * 261);
    expect(calls.requiredPerWeek).toBeCloseTo((1041 / 260) * 5, 9);

    const last = buildAudit(
      fixture({ week: "2026-W53", from: "2026-12-28", to: "2027-01-03", asOf: "2027-01-03", ytdTotals: typeTotals({ call: { count: 1000 } }) }),
    );
    const lastCalls = metric(last.metrics, "calls");
    expect(lastCalls.period.plan).toBe(16);
    expect(lastCalls.ytd.plan).toBe(1044);
    expect(lastCalls.projection).toBe(1000);
    expect(lastCalls.requiredPerWeek).toBeNull();
    // No working day of the plan year follows as-of: no coming days to measure the gap in (SPEC: null).
    expect(lastCalls.bufferDays).toBeNull();
  });
  it("before the year starts (a W01 audited in late December): no projection", () => {
    const early = buildAudit(fixture({ week: "2026-W01", from: "2025-12-29", to: "2026-01-04", asOf: "2025-12-30", ytdTotals: new Map() }));
    const calls = metric(early.metrics, "calls");
    expect(calls.ytd.plan).toBe(0);
    expect(calls.period.planToDate).toBe(0);
    expect(calls.projection).toBeNull();
    expect(calls.requiredPerWeek).toBeCloseTo((1044 / 261) * 5, 9);
  });
});

describe("blocks and celebrations", () => {
  it("block adherence counts the week's occurrences up to as-of, days off excluded", () => {
    const audit = buildAudit(
      fixture({
        ...planBasis(input, [{ from: "2026-03-10", to: "2026-03-10" }], linkedin),
        blocks: [{ id: 1, label: "prospecting", days: ["tue", "thu", "fri"], startMin: 480, endMin: 570, activity: "call" }],
        blockMarks: [{ blockId: 1, date: "2026-03-12", status: "done", reason: null }],
      }),
    );
    // Tue is off, Fri is after as-of: only Thu counts.
    expect(audit.blocks).toMatchObject({ scheduled: 1, kept: 1, skipped: 0, unmarked: 0, adherence: 1 });
  });

  it("block figures count only occurrences ended by as-of's time of day; calls logged keep a call block", () => {
    // Mon 03-09 and Thu 03-12, 08:00–09:30, for calls; nothing marked. Calls were logged on Monday.
    const blocks = [{ id: 1, label: "prospecting", days: ["mon" as const, "thu" as const], startMin: 480, endMin: 570, activity: "call" }];
    const at = (nowMinutes: number) => buildAudit(fixture({ blocks, loggedTypes: new Map([["2026-03-09", new Set(["call"])]]), nowMinutes })).blocks;
    // 08:05 Thursday: Thursday's block has not ended; Monday's was kept by the calls logged.
    expect(at(8 * 60 + 5)).toMatchObject({ scheduled: 1, kept: 1, keptByLog: 1, unmarked: 0, adherence: 1 });
    // 10:00: Thursday's has ended, no calls that day and no mark: unmarked → 1 ÷ 2.
    const later = at(10 * 60);
    expect(later).toMatchObject({ scheduled: 2, kept: 1, skipped: 0, unmarked: 1, adherence: 0.5 });
    expect(later.unmarkedOccurrences).toEqual([{ blockId: 1, label: "prospecting", date: "2026-03-12", startMin: 480, endMin: 570 }]);
  });
  it("targets hit, a streak of weeks on plan and personal bests", () => {
    const week = (calls: number, meetings: number, linkedin = 10) =>
      typeTotals({ call: { count: calls }, meeting: { count: meetings }, linkedin: { count: linkedin } });
    const audit = buildAudit(
      fixture({
        week: "2026-W11",
        from: "2026-03-09",
        to: "2026-03-15",
        asOf: "2026-03-15",
        weekTotals: week(25, 5),
        yearWeeks: [
          { monday: "2026-02-23", totals: week(10, 1) }, // below plan: ends the streak
          { monday: "2026-03-02", totals: week(20, 5) },
          { monday: "2026-02-16", totals: week(30, 9) },
        ],
        bestWeeks: week(30, 9, 12), // the best weeks of each type so far: 30 calls, 9 meetings and 12 linkedin in W08
      }),
    );
    expect(audit.celebrations.targetsHit).toEqual(["calls", "meetings", "linkedin"]);
    expect(audit.celebrations.streak).toBe(2); // W10 and W11
    expect(audit.celebrations.personalBests).toEqual([]); // 30 calls and 9 meetings in W08 stay the best
    const best = buildAudit(
      fixture({ asOf: "2026-03-15", weekTotals: week(40, 5), yearWeeks: [{ monday: "2026-03-02", totals: week(20, 5) }], bestWeeks: week(20, 5) }),
    );
    expect(best.celebrations.personalBests).toEqual([{ metric: "calls", actual: 40, previousBest: 20 }]);
    // The first week with any entries is a personal best of everything in it.
    const first = buildAudit(fixture({ asOf: "2026-03-15", weekTotals: week(3, 1, 0) }));
    expect(first.celebrations.personalBests).toEqual([
      { metric: "calls", actual: 3, previousBest: 0 },
      { metric: "meetings", actual: 1, previousBest: 0 },
    ]);
  });
});

/** The example plan of the tests: 1,200,000 at 40,000 a deal, 25 % / 50 % / 10 %, Monday to Friday. */
import type { PlanInput } from "../../src/domain/cascade.js";
import type { Weekday } from "../../src/domain/dates.js";
import { makeCalendar, type DayOffRange } from "../../src/domain/calendar.js";
import type { PlanBasis } from "../../src/domain/metrics.js";
import { buildPlan } from "../../src/domain/plan.js";
import { buildSchedule, type TypeTarget } from "../../src/domain/schedule.js";

export const WORKWEEK: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri"];

export function examplePlanInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    year: 2026,
    unit: "revenue",
    target: 1_200_000_00,
    dealSizeCents: 40_000_00,
    winRate: 0.25,
    meetingRate: 0.5,
    callRate: 0.1,
    workdays: [...WORKWEEK],
    seasonality: Array(12).fill(1),
    hoursPerDay: 8,
    customerTime: null,
    ...overrides,
  };
}

/** A plan as the metric engine takes it: the plan, its calendar and its schedule, from Jan 1 with days off known from the start. */
export function planBasis(input: PlanInput, daysOff: readonly DayOffRange[] = [], typeTargets: readonly TypeTarget[] = []): PlanBasis {
  const schedule = buildSchedule({
    year: input.year,
    opening: {},
    revisions: [{ seq: 1, from: `${input.year}-01-01`, input, note: null }],
    daysOff: daysOff.map((d) => ({ ...d, addedSeq: 0, removedSeq: null })),
    typeTargets,
  });
  return { plan: buildPlan(input, schedule), calendar: makeCalendar(input.workdays, daysOff), schedule };
}

/** The example plan of the tests: 1,200,000 at 40,000 a deal, 25 % / 50 % / 10 %, Monday to Friday. */
import type { PlanInput } from "../../src/domain/cascade.js";
import type { Weekday } from "../../src/domain/dates.js";

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

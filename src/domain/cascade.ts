/**
 * The funnel cascade: from an annual target to the deals, opportunities,
 * meetings and calls that produce it.
 */
import type { Weekday } from "./dates.js";
import { usageError } from "./errors.js";

export type PlanUnit = "revenue" | "deals";

/** What the user sets with `acct plan set`. Money is in integer cents. */
export interface PlanInput {
  year: number;
  unit: PlanUnit;
  /** Revenue plans: cents. Deals plans: a number of deals. */
  target: number;
  dealSizeCents: number | null;
  winRate: number;
  meetingRate: number;
  callRate: number;
  workdays: Weekday[];
  seasonality: number[];
  hoursPerDay: number;
  customerTime: number | null;
}

/** The cascade's metrics, in funnel order from the top. */
export const CASCADE_METRICS = ["calls", "meetings", "opportunities", "deals", "revenue"] as const;
export type CascadeMetric = (typeof CASCADE_METRICS)[number];

/** Annual totals. Revenue is in currency units (null for a deals plan without a deal size). */
export interface AnnualTotals {
  revenue: number | null;
  deals: number;
  opportunities: number;
  meetings: number;
  calls: number;
}

/** `ceil` that ignores float noise: 120.00000000001 is 120, not 121. */
export function ceilTolerant(x: number): number {
  return Math.ceil(x - 1e-9);
}

/** Works the funnel backwards from the target to the calls it needs. */
export function computeAnnual(input: PlanInput): AnnualTotals {
  const deals = input.unit === "deals" ? input.target : ceilTolerant(input.target / (input.dealSizeCents as number));
  const revenue = input.unit === "revenue" ? input.target / 100 : input.dealSizeCents === null ? null : (deals * input.dealSizeCents) / 100;
  const opportunities = ceilTolerant(deals / input.winRate);
  const meetings = ceilTolerant(opportunities / input.meetingRate);
  const calls = ceilTolerant(meetings / input.callRate);
  return { revenue, deals, opportunities, meetings, calls };
}

/**
 * Checks that the plan's cascade gives whole numbers acct can count exactly:
 * low rates on a huge target in cents-sized deals ask for 1e23 calls, past
 * the largest integer a double holds exactly.
 */
export function checkCascade(input: PlanInput): void {
  const annual = computeAnnual(input);
  for (const metric of CASCADE_METRICS) {
    const n = annual[metric];
    if (n !== null && !(n <= Number.MAX_SAFE_INTEGER))
      throw usageError(`the plan needs more ${metric} than acct can count`, "raise the rates or the deal size");
  }
}

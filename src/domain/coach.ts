/**
 * The coach (SPEC "Coach: the plan from your own numbers"): the seller's own
 * conversion rates with their uncertainty, what the rest of the year needs at
 * them, the levers ranked by what each is worth, and the sales-cycle lag.
 * Pure: counts in, figures out.
 */
import { type AnnualTotals, CASCADE_METRICS, type CascadeMetric, computeAnnual, type PlanInput } from "./cascade.js";
import { addDays, type IsoDate } from "./dates.js";

/** z for a two-sided 80 % interval: the 90th percentile of the standard normal. */
export const Z80 = 1.2815515655446004;

export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval of `successes` out of `trials` at `z` (default
 * 80 %); null without trials. Successes above the trials count as all of them.
 */
export function wilsonInterval(successes: number, trials: number, z = Z80): Interval | null {
  if (trials <= 0) return null;
  const p = Math.min(successes, trials) / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type StageName = "call-rate" | "meeting-rate" | "win-rate";

/** What a stage's observed rate says about the plan's. */
export type StageVerdict = "no-data" | "safe" | "below" | "unclear";

export interface ObservedStage {
  stage: StageName;
  from: "calls" | "meetings" | "opportunities";
  to: "meetings" | "opportunities" | "deals";
  successes: number;
  trials: number;
  /** successes ÷ trials (capped at 1); null without trials. */
  rate: number | null;
  interval: Interval | null;
  planned: number;
  /** `safe`: the whole interval is at or above the plan; `below`: the whole interval is under it; `unclear`: the plan is inside it. */
  verdict: StageVerdict;
}

/** Counts over the coach's window. */
export interface WindowCounts {
  calls: number;
  meetings: number;
  opportunities: number;
  deals: number;
  /** Revenue of the deals won in the window (currency units). */
  revenue: number;
}

export interface PlanRates {
  callRate: number;
  meetingRate: number;
  winRate: number;
  /** Currency units; null for a deals plan without one. */
  dealSize: number | null;
}

/** The three stages observed in `counts`, beside the plan's rates. */
export function observeStages(counts: WindowCounts, plan: PlanRates): ObservedStage[] {
  const stage = (name: StageName, from: ObservedStage["from"], to: ObservedStage["to"], planned: number): ObservedStage => {
    const trials = counts[from];
    const successes = Math.min(counts[to], trials);
    const interval = wilsonInterval(successes, trials);
    const verdict: StageVerdict = interval === null ? "no-data" : interval.low >= planned ? "safe" : interval.high < planned ? "below" : "unclear";
    return { stage: name, from, to, successes, trials, rate: trials > 0 ? successes / trials : null, interval, planned, verdict };
  };
  return [
    stage("call-rate", "calls", "meetings", plan.callRate),
    stage("meeting-rate", "meetings", "opportunities", plan.meetingRate),
    stage("win-rate", "opportunities", "deals", plan.winRate),
  ];
}

/** The rates a projection runs on: call, meeting and win rate, and the deal size. */
export interface Rates {
  callRate: number;
  meetingRate: number;
  winRate: number;
  dealSize: number | null;
}

/** The observed rates where there are trials (0 % included), the plan's elsewhere; the observed deal size once a deal is won. */
export function workingRates(stages: readonly ObservedStage[], observedDealSize: number | null, plan: PlanRates): Rates {
  const rate = (name: StageName, planned: number) => stages.find((x) => x.stage === name)?.rate ?? planned;
  return {
    callRate: rate("call-rate", plan.callRate),
    meetingRate: rate("meeting-rate", plan.meetingRate),
    winRate: rate("win-rate", plan.winRate),
    dealSize: observedDealSize ?? plan.dealSize,
  };
}

/** What the rest of the year still needs: revenue (null without a revenue plan) and deals. */
export interface StillNeeded {
  revenue: number | null;
  deals: number;
}

/**
 * The calls a week the rest of the year needs at `rates`: the deals still
 * needed (revenue still needed ÷ deal size, for a revenue plan) back through
 * the stages, over the remaining weeks; null when no week remains, or when a
 * stage at 0 % makes any number of calls too few.
 */
export function callsPerWeekNeeded(needed: StillNeeded, rates: Rates, remainingWeeks: number): number | null {
  if (remainingWeeks <= 0) return null;
  // At 0 % on a stage no number of calls is enough (unless nothing is needed).
  if (rates.callRate <= 0 || rates.meetingRate <= 0 || rates.winRate <= 0 || rates.dealSize === 0) {
    const nothing = needed.revenue !== null ? needed.revenue <= 0 : needed.deals <= 0;
    return nothing ? 0 : null;
  }
  const deals = needed.revenue !== null && rates.dealSize !== null ? Math.max(0, needed.revenue) / rates.dealSize : Math.max(0, needed.deals);
  return deals / rates.winRate / rates.meetingRate / rates.callRate / remainingWeeks;
}

/** Revenue (or deals, without a deal size) that `callsPerWeek` brings in over the remaining weeks at `rates`. */
export function yieldOf(callsPerWeek: number, rates: Rates, remainingWeeks: number): { deals: number; revenue: number | null } {
  const deals = callsPerWeek * Math.max(0, remainingWeeks) * rates.callRate * rates.meetingRate * rates.winRate;
  return { deals, revenue: rates.dealSize === null ? null : deals * rates.dealSize };
}

export type LeverName = "call-rate" | "meeting-rate" | "win-rate" | "deal-size" | "activity";

export interface Lever {
  lever: LeverName;
  /** What changes: `+1 point`, `+5 points`, `+10 %`. */
  change: string;
  /** Calls a week the rest of the year needs less with it (null when no week remains). */
  callsPerWeekSaved: number | null;
  /** Revenue it adds by Dec 31 at today's activity (deals for a plan without a deal size). */
  revenueAdded: number | null;
  dealsAdded: number;
}

/**
 * The five levers (SPEC): call rate +1 point, meeting rate +5 points, win
 * rate +5 points, deal size +10 %, activity +10 % — each with the calls a
 * week it saves and what it adds by Dec 31 at today's activity, ranked by the
 * revenue (deals without a deal size) added, most first.
 */
export function rankLevers(rates: Rates, needed: StillNeeded, callsPerWeek: number, remainingWeeks: number): Lever[] {
  const base = yieldOf(callsPerWeek, rates, remainingWeeks);
  const need = callsPerWeekNeeded(needed, rates, remainingWeeks);
  const capped = (x: number) => Math.min(1, x);
  const variants: [LeverName, string, Rates, number][] = [
    ["call-rate", "+1 point", { ...rates, callRate: capped(rates.callRate + 0.01) }, callsPerWeek],
    ["meeting-rate", "+5 points", { ...rates, meetingRate: capped(rates.meetingRate + 0.05) }, callsPerWeek],
    ["win-rate", "+5 points", { ...rates, winRate: capped(rates.winRate + 0.05) }, callsPerWeek],
    ["deal-size", "+10 %", { ...rates, dealSize: rates.dealSize === null ? null : rates.dealSize * 1.1 }, callsPerWeek],
    ["activity", "+10 %", rates, callsPerWeek * 1.1],
  ];
  const levers = variants.map(([lever, change, r, calls]): Lever => {
    const after = yieldOf(calls, r, remainingWeeks);
    const needAfter = callsPerWeekNeeded(needed, r, remainingWeeks);
    // More activity changes what is made, not what the rates need a week: it saves none.
    const saved = need === null || needAfter === null ? null : need - needAfter;
    return {
      lever,
      change,
      callsPerWeekSaved: saved,
      revenueAdded: after.revenue === null || base.revenue === null ? null : after.revenue - base.revenue,
      dealsAdded: after.deals - base.deals,
    };
  });
  const worth = (l: Lever) => l.revenueAdded ?? l.dealsAdded;
  // Equal worth (within rounding) keeps the spec's order of the levers.
  return levers
    .map((l, i) => ({ l, i }))
    .sort((a, b) => (Math.abs(worth(b.l) - worth(a.l)) > 1e-6 * Math.max(1, Math.abs(worth(a.l))) ? worth(b.l) - worth(a.l) : a.i - b.i))
    .map(({ l }) => l);
}

/**
 * The last day activity can still close this year: the last working day of
 * the year minus the sales cycle (calendar days). Activity after it closes
 * next year.
 */
export function lastUsefulDay(lastWorkingDay: IsoDate, cycleDays: number): IsoDate {
  return addDays(lastWorkingDay, -Math.round(cycleDays));
}

/** `ytd`, `90d` or `Nd`: the days the coach looks back over. */
export interface CoachWindow {
  kind: "ytd" | "days";
  from: IsoDate;
  to: IsoDate;
  days: number;
}

/** The sales cycle: the median days from opened to won of the deals won in the plan year, else the `sales-cycle` setting. */
export interface Cycle {
  observed: number | null;
  won: number;
  setting: number;
  days: number;
}

/** The sales-cycle lag: the last day activity can still close this year, and whether as-of is past it. */
export interface Lag {
  lastUsefulDay: IsoDate | null;
  cycleDays: number;
  cycleObserved: boolean;
  passed: boolean;
  nextYear: number;
}

/** The coach's page as data. */
export interface Coach {
  asOf: IsoDate;
  year: number;
  window: CoachWindow;
  counts: WindowCounts;
  stages: ObservedStage[];
  dealSize: { observed: number | null; deals: number; planned: number | null };
  cycle: Cycle;
  /** Calls a week made over the window (its working days ÷ workdays a week). */
  callsPerWeek: number;
  needed: StillNeeded & { remainingWeeks: number; callsPerWeek: { observed: number | null; planned: number | null } };
  levers: Lever[];
  lag: Lag;
}

/** Per cascade metric, what the rest of the year needs a week: (annual − done so far) ÷ the remaining weeks, never below 0; null when no week remains or the plan has no such total. */
export function weeklyNeeds(annual: AnnualTotals, done: Readonly<Record<CascadeMetric, number>>, remainingWeeks: number): Record<CascadeMetric, number | null> {
  const out = {} as Record<CascadeMetric, number | null>;
  for (const metric of CASCADE_METRICS) {
    const total = annual[metric];
    out[metric] = total === null || remainingWeeks <= 0 ? null : Math.max(0, total - done[metric]) / remainingWeeks;
  }
  return out;
}

/** One side of a what-if: a plan's inputs, its cascade, and what the rest of the year needs a week under it. */
export interface WhatIfSide {
  input: PlanInput;
  annual: AnnualTotals;
  perWeek: Record<CascadeMetric, number | null>;
}

/** `acct plan what-if`: the plan in effect beside the changed one. */
export interface WhatIf {
  year: number;
  asOf: IsoDate;
  remainingWeeks: number;
  done: Record<CascadeMetric, number>;
  current: WhatIfSide;
  whatIf: WhatIfSide;
}

/** The plan in effect and the changed one, each with its cascade (the plan's own rules) and its weekly needs for the rest of the year. */
export function buildWhatIf(
  year: number,
  asOf: IsoDate,
  current: PlanInput,
  changed: PlanInput,
  done: Record<CascadeMetric, number>,
  remainingWeeks: number,
): WhatIf {
  const side = (input: PlanInput): WhatIfSide => {
    const annual = computeAnnual(input);
    return { input, annual, perWeek: weeklyNeeds(annual, done, remainingWeeks) };
  };
  return { year, asOf, remainingWeeks, done, current: side(current), whatIf: side(changed) };
}

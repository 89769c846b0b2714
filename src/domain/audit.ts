/**
 * The weekly audit as data: plan vs actual per metric, effectiveness of the
 * funnel, customer time, time blocks, commitments and celebrations. Pure: the
 * command reads the store and passes totals in; renderers only format this.
 */
import { groupDigits } from "./digits.js";
import { TYPE_OF_METRIC } from "./activity-types.js";
import { computeAdherence, blockOccurrences, type Adherence, type Block, type BlockMark } from "./blocks.js";
import { ceilTolerant, CASCADE_METRICS, type CascadeMetric } from "./cascade.js";
import type { WorkCalendar } from "./calendar.js";
import { summarizeCommitments, type CommitmentView, type WeekCommitments } from "./commitments.js";
import { addDays, maxDate, minDate, mondayOf, type IsoDate } from "./dates.js";
import { ZERO_TOTALS, type TypeTotals } from "./entry.js";
import { annualOf, planBetween, weeklyTargetBetween, type Plan } from "./plan.js";

export type MetricStatus = "on-track" | "at-risk" | "behind";

export interface MetricAudit {
  metric: string;
  week: { plan: number; planToDate: number; actual: number };
  ytd: { plan: number; actual: number };
  annual: number;
  status: MetricStatus;
  bufferDays: number | null;
  projection: number | null;
  requiredPerWeek: number | null;
}

export interface Stage {
  from: CascadeMetric;
  to: CascadeMetric;
  planned: number;
  /** Year-to-date `to ÷ from`, or null when nothing reached the stage yet. */
  actual: number | null;
  /** The year-to-date counts the rate divides: how many `from`, and how many `to`. */
  base: number;
  reached: number;
}

export interface StageCost {
  /**
   * The metric the weakest stage starts from, and how many of it the annual
   * target needs at the actual rate vs the plan; null when the actual rate is
   * 0, which no number of them makes up for (`text` then says what is known).
   */
  metric: CascadeMetric;
  needed: number | null;
  planned: number;
  /** The same in calls, the top of the funnel. */
  callsNeeded: number | null;
  callsPlanned: number;
  text: string;
}

export interface Conversion {
  stages: Stage[];
  dealSize: { planned: number | null; actual: number | null };
  /** The `from` metric of the stage furthest below its planned rate, or null when none is below plan. */
  weakest: CascadeMetric | null;
  cost: StageCost | null;
}

export interface CustomerTime {
  minutes: number;
  workingMinutes: number;
  share: number | null;
  goal: number | null;
}

export interface PersonalBest {
  metric: string;
  actual: number;
  previousBest: number;
}

export interface Celebrations {
  /** Metrics whose week actual reached the week's plan. */
  targetsHit: string[];
  /** Consecutive weeks on plan (activity metrics at or above plan) ending with this week. */
  streak: number;
  /** Whether this week is part of the streak (a week still in progress that is not on plan yet does not break it, nor count). */
  streakIncludesThisWeek: boolean;
  /** Metrics whose week is the best week ever. */
  personalBests: PersonalBest[];
}

export interface Audit {
  week: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  year: number;
  status: MetricStatus;
  verdict: string;
  metrics: MetricAudit[];
  conversion: Conversion;
  customerTime: CustomerTime;
  blocks: Adherence;
  commitments: WeekCommitments;
  celebrations: Celebrations;
  lastChange: string | null;
}

/** Totals of one ISO week (Monday `monday`) per entry type. */
export interface WeekTotals {
  monday: IsoDate;
  totals: ReadonlyMap<string, TypeTotals>;
}

export interface AuditInput {
  plan: Plan;
  calendar: WorkCalendar;
  /** Weekly targets of non-cascade types (email, custom types). */
  weeklyTargets: ReadonlyMap<string, number>;
  week: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  /** Totals per type of entries dated `from`…`asOf`. */
  weekTotals: ReadonlyMap<string, TypeTotals>;
  /** Totals per type of entries dated Jan 1 … as-of (of the plan year). */
  ytdTotals: ReadonlyMap<string, TypeTotals>;
  /** The totals of this plan year's earlier weeks (any order), for the streak. */
  yearWeeks: readonly WeekTotals[];
  /** Per type, the largest weekly count and amount of any earlier week, for personal bests. */
  bestWeeks: ReadonlyMap<string, TypeTotals>;
  blocks: readonly Block[];
  blockMarks: readonly BlockMark[];
  commitments: readonly CommitmentView[];
  lastChange: string | null;
}

const EPSILON = 1e-9;

/** Which week `date` audits and as of when: today for the current week, its Sunday for a past one; null for a future week. */
export function auditWindow(monday: IsoDate, today: IsoDate): { from: IsoDate; to: IsoDate; asOf: IsoDate } | null {
  const to = addDays(monday, 6);
  if (monday > today) return null;
  return { from: monday, to, asOf: minDate(today, to) };
}

/** The plan year a week (`YYYY-Www`) is audited against: its ISO year, the year of its Thursday. */
export function auditYear(week: string): number {
  return Number(week.slice(0, 4));
}

/** `on-track` at or above plan, `at-risk` at 80 % of it or more, else `behind`. */
export function metricStatus(actual: number, plan: number): MetricStatus {
  if (actual >= plan - EPSILON) return "on-track";
  if (actual >= 0.8 * plan - EPSILON) return "at-risk";
  return "behind";
}

/** Working days ahead (+) or behind (−): the gap over the average daily target. Null when the year has no target or no working days. */
export function bufferDays(ytdActual: number, ytdPlan: number, annual: number, workingDaysInYear: number): number | null {
  if (annual <= 0 || workingDaysInYear <= 0) return null;
  return (ytdActual - ytdPlan) / (annual / workingDaysInYear);
}

/** The year's total at the current pace: actual per elapsed working day × working days in the year; null before the first working day. */
export function projection(ytdActual: number, elapsedWorkingDays: number, workingDaysInYear: number): number | null {
  if (elapsedWorkingDays <= 0) return null;
  return (ytdActual / elapsedWorkingDays) * workingDaysInYear;
}

/** What is still needed per week: the rest of the annual total over the remaining working days, × workdays per week; null when none remain. */
export function requiredPerWeek(annual: number, ytdActual: number, remainingWorkingDays: number, workdaysPerWeek: number): number | null {
  if (remainingWorkingDays <= 0) return null;
  return (Math.max(0, annual - ytdActual) / remainingWorkingDays) * workdaysPerWeek;
}

/** A metric's actual from per-type totals: counts of its entry type, or deal amounts (currency units) for revenue. */
export function actualOf(metric: string, totals: ReadonlyMap<string, TypeTotals>): number {
  if (metric === "revenue") return (totals.get("deal") ?? ZERO_TOTALS).amountCents / 100;
  const type = (TYPE_OF_METRIC as Record<string, string>)[metric] ?? metric;
  return (totals.get(type) ?? ZERO_TOTALS).count;
}

/** The metrics an audit covers: the cascade (revenue only when the plan has it), then types with weekly targets. */
export function auditedMetrics(plan: Plan, weeklyTargets: ReadonlyMap<string, number>): string[] {
  const cascade = CASCADE_METRICS.filter((m) => m !== "revenue" || plan.annual.revenue !== null);
  return [...cascade, ...[...weeklyTargets.keys()].sort()];
}

function isCascade(metric: string): metric is CascadeMetric {
  return (CASCADE_METRICS as readonly string[]).includes(metric);
}

/** A metric's plan from `from` to `to`: daily targets for the cascade, the spread weekly target for other types. */
export function metricPlanBetween(input: Pick<AuditInput, "plan" | "calendar" | "weeklyTargets">, metric: string, from: IsoDate, to: IsoDate): number {
  if (from > to) return 0;
  if (isCascade(metric)) return planBetween(input.plan, metric, from, to, input.calendar);
  const weekly = input.weeklyTargets.get(metric) ?? 0;
  const start = maxDate(from, `${input.plan.year}-01-01`);
  const end = minDate(to, `${input.plan.year}-12-31`);
  return start > end ? 0 : weeklyTargetBetween(weekly, start, end, input.calendar);
}

/** The planned conversion rates and the actual ones from year-to-date totals. */
export function buildConversion(plan: Plan, ytd: ReadonlyMap<string, TypeTotals>): Conversion {
  const a = (m: CascadeMetric) => actualOf(m, ytd);
  const rate = (num: number, den: number) => (den > 0 ? num / den : null);
  const stage = (from: CascadeMetric, to: CascadeMetric, planned: number): Stage => ({
    from,
    to,
    planned,
    actual: rate(a(to), a(from)),
    base: a(from),
    reached: a(to),
  });
  const stages: Stage[] = [
    stage("calls", "meetings", plan.callRate),
    stage("meetings", "opportunities", plan.meetingRate),
    stage("opportunities", "deals", plan.winRate),
  ];
  const dealSize = { planned: plan.dealSizeCents === null ? null : plan.dealSizeCents / 100, actual: rate(a("revenue"), a("deals")) };
  let weakest: Stage | null = null;
  for (const s of stages) {
    if (s.actual === null || !(s.planned > 0) || s.actual >= s.planned - EPSILON) continue;
    if (!weakest || s.actual / s.planned < (weakest.actual as number) / weakest.planned) weakest = s;
  }
  return { stages, dealSize, weakest: weakest?.from ?? null, cost: weakest ? stageCost(plan, weakest) : null };
}

const SINGULAR: Record<CascadeMetric, string> = { calls: "call", meetings: "meeting", opportunities: "opportunity", deals: "deal", revenue: "revenue" };

const PLURAL: Record<CascadeMetric, string> = { calls: "calls", meetings: "meetings", opportunities: "opportunities", deals: "deals", revenue: "revenue" };

/** A count as text: whole numbers grouped, others to one decimal. */
const count = (x: number) => groupDigits(x, Number.isInteger(x) ? 0 : 1);

/**
 * What the weakest stage costs: the annual funnel recomputed with its actual
 * rate in place of the planned one. At an actual rate of 0 no number of
 * `from` reaches the target, so there is no cost to give: `needed` is null
 * and the text says what is known (none from so many yet, where the plan
 * would have given some).
 */
export function stageCost(plan: Plan, stage: Stage): StageCost {
  const actual = stage.actual as number;
  const planned = annualOf(plan, stage.from);
  const figures = { metric: stage.from, planned, callsPlanned: plan.annual.calls };
  const rates = { callRate: plan.callRate, meetingRate: plan.meetingRate, winRate: plan.winRate };
  if (stage.from === "calls") rates.callRate = actual;
  else if (stage.from === "meetings") rates.meetingRate = actual;
  else rates.winRate = actual;
  const opportunities = ceilTolerant(plan.annual.deals / rates.winRate);
  const meetings = ceilTolerant(opportunities / rates.meetingRate);
  const calls = ceilTolerant(meetings / rates.callRate);
  const needed = stage.from === "calls" ? calls : stage.from === "meetings" ? meetings : opportunities;
  if (!(actual > 0) || !Number.isFinite(needed) || !Number.isFinite(calls)) {
    const expected = stage.base * stage.planned;
    const text =
      `no ${SINGULAR[stage.to]} yet from ${count(stage.base)} ${stage.base === 1 ? SINGULAR[stage.from] : PLURAL[stage.from]}` +
      `, where the plan's ${(stage.planned * 100).toFixed(1)} % would give ${count(expected)}: too early to say how many ${PLURAL[stage.from]} the year needs at this rate`;
    return { ...figures, needed: null, callsNeeded: null, text };
  }
  const pct = `${(actual * 100).toFixed(1)} %`;
  const n = (x: number) => groupDigits(x);
  let text = `at ${pct} ${SINGULAR[stage.from]}→${SINGULAR[stage.to]} you need ${n(needed)} ${stage.from}, not ${n(planned)}`;
  if (stage.from !== "calls") text += ` (${n(calls)} calls, not ${n(plan.annual.calls)})`;
  return { ...figures, needed, callsNeeded: calls, text };
}

/** Customer minutes over the working minutes of the week's working days up to as-of. */
export function buildCustomerTime(plan: Plan, calendar: WorkCalendar, from: IsoDate, asOf: IsoDate, weekTotals: ReadonlyMap<string, TypeTotals>): CustomerTime {
  let minutes = 0;
  for (const t of weekTotals.values()) minutes += t.minutes;
  const workingMinutes = calendar.countWorkingDays(from, asOf) * plan.hoursPerDay * 60;
  return { minutes, workingMinutes, share: workingMinutes > 0 ? minutes / workingMinutes : null, goal: plan.customerTime };
}

const ACTIVITY_METRICS = new Set(["calls", "meetings"]);

/** Activity metrics (calls, meetings, types with weekly targets) judge whether a week was on plan; outcomes are too lumpy for a streak. */
function isActivity(metric: string): boolean {
  return ACTIVITY_METRICS.has(metric) || !isCascade(metric);
}

/** The Monday of the plan year's first week: a streak counts back to it, never into last year's plan. */
export function firstStreakWeek(year: number): IsoDate {
  return mondayOf(`${year}-01-01`);
}

function buildCelebrations(input: AuditInput, metrics: readonly MetricAudit[]): Celebrations {
  const targetsHit = metrics.filter((m) => m.week.plan > 0 && m.week.actual >= m.week.plan - EPSILON).map((m) => m.metric);
  const activity = metrics.filter((m) => isActivity(m.metric)).map((m) => m.metric);

  const byMonday = new Map(input.yearWeeks.map((w) => [w.monday, w.totals]));
  const onPlan = (monday: IsoDate, totals: ReadonlyMap<string, TypeTotals>, upTo: IsoDate): boolean | null => {
    let planned = false;
    for (const metric of activity) {
      const plan = metricPlanBetween(input, metric, monday, upTo);
      if (plan <= EPSILON) continue;
      planned = true;
      if (actualOf(metric, totals) < plan - EPSILON) return false;
    }
    return planned ? true : null;
  };
  let streak = 0;
  let streakIncludesThisWeek = false;
  const current = onPlan(input.from, input.weekTotals, input.asOf);
  // A week still in progress that is not on plan yet does not break the streak behind it.
  if (current !== false || input.asOf < input.to) {
    if (current === true) {
      streak++;
      streakIncludesThisWeek = true;
    }
    for (let monday = addDays(input.from, -7), first = firstStreakWeek(input.plan.year); monday >= first; monday = addDays(monday, -7)) {
      const result = onPlan(monday, byMonday.get(monday) ?? new Map(), addDays(monday, 6));
      if (result === false) break;
      if (result === true) streak++;
    }
  }

  const personalBests: PersonalBest[] = [];
  for (const m of metrics) {
    if (m.week.actual <= 0) continue;
    const previousBest = actualOf(m.metric, input.bestWeeks);
    if (m.week.actual > previousBest + EPSILON) personalBests.push({ metric: m.metric, actual: m.week.actual, previousBest });
  }
  return { targetsHit, streak, streakIncludesThisWeek, personalBests };
}

const STATUS_ORDER: Record<MetricStatus, number> = { "on-track": 0, "at-risk": 1, behind: 2 };

function buildVerdict(metrics: readonly MetricAudit[]): { status: MetricStatus; verdict: string } {
  const status = metrics.reduce<MetricStatus>((worst, m) => (STATUS_ORDER[m.status] > STATUS_ORDER[worst] ? m.status : worst), "on-track");
  const off = metrics.filter((m) => m.status !== "on-track");
  if (off.length === 0) return { status, verdict: `On track: all ${metrics.length} metrics at or ahead of plan for the year.` };
  const lead = status === "behind" ? "Behind" : "At risk";
  const furthest = off.reduce((a, b) => ((b.bufferDays ?? 0) < (a.bufferDays ?? 0) ? b : a));
  const gap = furthest.bufferDays === null ? "" : `, ${Math.abs(furthest.bufferDays).toFixed(1)} working days behind`;
  return { status, verdict: `${lead}: ${off.length} of ${metrics.length} metrics below plan; furthest behind: ${furthest.metric}${gap}.` };
}

/**
 * Builds the audit of one week as of `asOf`, with every figure as the spec
 * defines it (ranges include both ends; the year is the plan's).
 */
export function buildAudit(input: AuditInput): Audit {
  const { plan, calendar, from, to, asOf } = input;
  const jan1 = `${plan.year}-01-01`;
  const dec31 = `${plan.year}-12-31`;
  const ytdEnd = minDate(asOf, dec31);
  const workingDaysInYear = calendar.countWorkingDays(jan1, dec31);
  const elapsed = ytdEnd >= jan1 ? calendar.countWorkingDays(jan1, ytdEnd) : 0;
  const remaining = asOf < dec31 ? calendar.countWorkingDays(maxDate(addDays(asOf, 1), jan1), dec31) : 0;
  const perWeek = plan.workdays.length;

  const metrics: MetricAudit[] = auditedMetrics(plan, input.weeklyTargets).map((metric) => {
    const annual = isCascade(metric) ? annualOf(plan, metric) : metricPlanBetween(input, metric, jan1, dec31);
    const ytdPlan = metricPlanBetween(input, metric, jan1, ytdEnd);
    const ytdActual = actualOf(metric, input.ytdTotals);
    return {
      metric,
      week: {
        plan: metricPlanBetween(input, metric, from, to),
        planToDate: metricPlanBetween(input, metric, from, asOf),
        actual: actualOf(metric, input.weekTotals),
      },
      ytd: { plan: ytdPlan, actual: ytdActual },
      annual,
      status: metricStatus(ytdActual, ytdPlan),
      bufferDays: bufferDays(ytdActual, ytdPlan, annual, workingDaysInYear),
      projection: projection(ytdActual, elapsed, workingDaysInYear),
      requiredPerWeek: requiredPerWeek(annual, ytdActual, remaining, perWeek),
    };
  });

  const blocks =
    input.blocks.length === 0
      ? { scheduled: 0, kept: 0, skipped: 0, adherence: null }
      : computeAdherence(blockOccurrences(input.blocks, from, asOf, calendar), input.blockMarks);

  return {
    week: input.week,
    from,
    to,
    asOf,
    year: plan.year,
    ...buildVerdict(metrics),
    metrics,
    conversion: buildConversion(plan, input.ytdTotals),
    customerTime: buildCustomerTime(plan, calendar, from, asOf, input.weekTotals),
    blocks,
    commitments: summarizeCommitments(input.commitments, from, to),
    celebrations: buildCelebrations(input, metrics),
    lastChange: input.lastChange,
  };
}

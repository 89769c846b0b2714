/**
 * The weekly audit as data: plan vs actual per metric, effectiveness of the
 * funnel, customer time, time blocks, commitments and celebrations. Pure: the
 * command reads the store and passes totals in; renderers only format this.
 */
import type { Forecast } from "./forecast.js";
import type { Lag } from "./coach.js";
import type { Pipeline } from "./pipeline.js";
import { computeAdherence, type Adherence, type Block, type BlockMark, type LoggedTypes } from "./blocks.js";
import { ceilTolerant, type CascadeMetric } from "./cascade.js";
import type { WorkCalendar } from "./calendar.js";
import { commitmentToJson, summarizeCommitments, type CommitmentJson, type CommitmentView, type WeekCommitments } from "./commitments.js";
import { addDays, isoWeekOf, minDate, mondayOf, type IsoDate } from "./dates.js";
import { parseWeek } from "./parse.js";
import type { TypeTotals } from "./entry.js";
import { isCascade, metricActual, metricFigures, metricPlan, trackedMetrics, type MetricFigures, type PlanBasis, type Standing } from "./metrics.js";
import { annualOf, type Plan } from "./plan.js";

/** One audited metric: the metric engine's figures for the audited period. */
export type MetricAudit = MetricFigures;

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
  /** The stage's actual rate so far (0 when nothing reached it). */
  rate: number;
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

/**
 * The verdict leads with the outcome: revenue's standing (deals' for a deals
 * plan without a deal size), then how the activity metrics stand.
 */
export interface Verdict {
  status: Standing;
  metric: "revenue" | "deals";
  /** The outcome's year-to-date actual over its plan to date; null while nothing is planned yet. */
  ofPlan: number | null;
  activity: {
    onTrack: number;
    total: number;
    /** The activity metric furthest behind, in working days; null when none is behind. */
    furthest: { metric: string; bufferDays: number | null } | null;
  };
}

export interface Audit {
  period: AuditPeriod;
  reviews: readonly WeekReview[];
  week: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  year: number;
  /** The verdict's status: the outcome's standing. */
  status: Standing;
  verdict: Verdict;
  metrics: MetricAudit[];
  conversion: Conversion;
  customerTime: CustomerTime;
  blocks: Adherence;
  commitments: WeekCommitments;
  celebrations: Celebrations;
  lastChange: string | null;
  /** The audited week's own review (null for a longer period, or a week not reviewed yet). */
  review: WeekReview | null;
  /** Commitments due in the week after the audited one (after as-of's week for a longer period), not dropped. */
  nextWeek: CommitmentJson[];
  /** What the buddy said last about a week before the audited one. */
  buddyNote: BuddyNote | null;
  /** The change promised in the audited week's review and the two weeks before it; null otherwise. */
  changeRepeated: ChangeRepeated | null;
  /** The pipeline on as-of (SPEC "Pipeline and big-deal reviews"); null until the loader adds it. */
  pipeline: Pipeline | null;
  /** Whether the file names any deal: the text pages leave the pipeline out until one is added. */
  hasDeals: boolean;
  /** The sales-cycle lag on as-of; null until the loader adds it. */
  lag: Lag | null;
  /** The year-end forecast on as-of; null until the loader adds it. */
  forecast: Forecast | null;
}

/** What the buddy said back about a week (`acct buddy note`). */
export interface BuddyNote {
  week: string;
  text: string;
}

/** A change promised three weeks running: the audited week's wording, and the weeks (oldest first). */
export interface ChangeRepeated {
  change: string;
  weeks: string[];
}

/** What is audited: a week, a month, a quarter or a year, and its name (`2026-W11`, `2026-03`, `2026-Q1`, `2026`). */
export interface AuditPeriod {
  kind: "week" | "month" | "quarter" | "year";
  id: string;
}

/** A week's review, as a longer period's audit lists them. */
export interface WeekReview {
  week: string;
  rating: number;
  wins: string | null;
  misses: string | null;
  change: string | null;
}

/** Totals of one ISO week (Monday `monday`) per entry type. */
export interface WeekTotals {
  monday: IsoDate;
  totals: ReadonlyMap<string, TypeTotals>;
}

export interface AuditInput extends PlanBasis {
  period: AuditPeriod;
  /** The reviews of the period's weeks (a longer period lists them). */
  reviews: readonly WeekReview[];
  week: string;
  from: IsoDate;
  to: IsoDate;
  asOf: IsoDate;
  /** How much of as-of's working hours has passed: 1 for a day before today (SPEC: today's share). */
  share: number;
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
  /** The activity types of the blocks logged per day of the period: what keeps a block with an activity. */
  loggedTypes: LoggedTypes;
  /** Minutes after midnight on as-of (DAY_MINUTES when as-of is over): which of its blocks have ended. */
  nowMinutes: number;
  commitments: readonly CommitmentView[];
  lastChange: string | null;
  /** The latest reviews of weeks up to the audited one (at least the last three), oldest first; empty for a longer period. */
  latestReviews: readonly WeekReview[];
  buddyNote: BuddyNote | null;
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

/** The planned conversion rates and the actual ones from year-to-date totals. */
export function buildConversion(plan: Plan, ytd: ReadonlyMap<string, TypeTotals>): Conversion {
  const a = (m: CascadeMetric) => metricActual(m, ytd);
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

/**
 * What the weakest stage costs: the annual funnel recomputed with its actual
 * rate in place of the planned one. At an actual rate of 0 no number of
 * `from` reaches the target, so there is no cost to give: `needed` and
 * `callsNeeded` are null (the renderer then says what is known).
 */
export function stageCost(plan: Plan, stage: Stage): StageCost {
  const rate = stage.actual ?? 0;
  const figures = { rate, metric: stage.from, planned: annualOf(plan, stage.from), callsPlanned: plan.annual.calls };
  const rates = { callRate: plan.callRate, meetingRate: plan.meetingRate, winRate: plan.winRate };
  if (stage.from === "calls") rates.callRate = rate;
  else if (stage.from === "meetings") rates.meetingRate = rate;
  else rates.winRate = rate;
  const opportunities = ceilTolerant(plan.annual.deals / rates.winRate);
  const meetings = ceilTolerant(opportunities / rates.meetingRate);
  const calls = ceilTolerant(meetings / rates.callRate);
  const needed = stage.from === "calls" ? calls : stage.from === "meetings" ? meetings : opportunities;
  if (!(rate > 0) || !Number.isFinite(needed) || !Number.isFinite(calls)) return { ...figures, needed: null, callsNeeded: null };
  return { ...figures, needed, callsNeeded: calls };
}

/** A change as compared across weeks: case and spacing ignored. */
export function normalizeChange(change: string): string {
  return change.trim().replace(/\s+/gu, " ").toLowerCase();
}

/** The ISO week after `week` (`2026-W52` → `2027-W01`). */
export function nextIsoWeek(week: string): string {
  return isoWeekOf(addDays(parseWeek(week).from, 7));
}

/**
 * The change promised three weeks running: the reviews of `week` and of the
 * two ISO weeks before it all promise it (SPEC: same text ignoring case and
 * spacing). `reviews` are the latest ones up to `week`, oldest first.
 */
export function findRepeatedChange(reviews: readonly WeekReview[], week: string): ChangeRepeated | null {
  const last = reviews.slice(-3);
  const current = last[2];
  if (last.length < 3 || current?.week !== week || current.change === null) return null;
  const promised = normalizeChange(current.change);
  for (let i = 0; i < 2; i++) {
    const r = last[i] as WeekReview;
    if (nextIsoWeek(r.week) !== (last[i + 1] as WeekReview).week || r.change === null || normalizeChange(r.change) !== promised) return null;
  }
  return { change: current.change, weeks: last.map((r) => r.week) };
}

/** Commitments due in the week after `asOf`'s week, not dropped, soonest first. */
export function dueNextWeek(views: readonly CommitmentView[], asOf: IsoDate): CommitmentJson[] {
  const from = addDays(mondayOf(asOf), 7);
  const to = addDays(from, 6);
  return views
    .filter((v) => v.due >= from && v.due <= to && v.status !== "dropped")
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id - b.id))
    .map(commitmentToJson);
}

/** Customer minutes over the working minutes of the week's working days up to as-of. */
export function buildCustomerTime(plan: Plan, calendar: WorkCalendar, from: IsoDate, asOf: IsoDate, weekTotals: ReadonlyMap<string, TypeTotals>): CustomerTime {
  let minutes = 0;
  for (const t of weekTotals.values()) minutes += t.minutes;
  const workingMinutes = calendar.countWorkingDays(from, asOf) * plan.hoursPerDay * 60;
  return { minutes, workingMinutes, share: workingMinutes > 0 ? minutes / workingMinutes : null, goal: plan.customerTime };
}

const STREAK_METRICS = new Set(["calls", "meetings"]);

/** Calls, meetings and types with weekly targets judge whether a week was on plan; outcomes are too lumpy for a streak. */
function countsForStreak(metric: string): boolean {
  return STREAK_METRICS.has(metric) || !isCascade(metric);
}

/** The Monday of the plan year's first week: a streak counts back to it, never into last year's plan. */
export function firstStreakWeek(year: number): IsoDate {
  return mondayOf(`${year}-01-01`);
}

function buildCelebrations(input: AuditInput, metrics: readonly MetricAudit[]): Celebrations {
  // Streaks and personal bests are about weeks: a month, quarter or year audit celebrates its targets hit.
  if (input.period.kind !== "week") {
    const hit = metrics.filter((m) => m.period.plan > 0 && m.period.actual >= m.period.plan - EPSILON).map((m) => m.metric);
    return { targetsHit: hit, streak: 0, streakIncludesThisWeek: false, personalBests: [] };
  }
  const targetsHit = metrics.filter((m) => m.period.plan > 0 && m.period.actual >= m.period.plan - EPSILON).map((m) => m.metric);
  const activity = metrics.filter((m) => countsForStreak(m.metric)).map((m) => m.metric);

  const byMonday = new Map(input.yearWeeks.map((w) => [w.monday, w.totals]));
  const onPlan = (monday: IsoDate, totals: ReadonlyMap<string, TypeTotals>, upTo: IsoDate): boolean | null => {
    let planned = false;
    for (const metric of activity) {
      const plan = metricPlan(input, metric, monday, upTo);
      if (plan <= EPSILON) continue;
      planned = true;
      if (metricActual(metric, totals) < plan - EPSILON) return false;
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
    if (m.period.actual <= 0) continue;
    const previousBest = metricActual(m.metric, input.bestWeeks);
    if (m.period.actual > previousBest + EPSILON) personalBests.push({ metric: m.metric, actual: m.period.actual, previousBest });
  }
  return { targetsHit, streak, streakIncludesThisWeek, personalBests };
}

/** The outcome first (revenue, or deals without a deal size), then the activity metrics: every other one but deals. */
export function buildVerdict(metrics: readonly MetricAudit[]): Verdict {
  const outcome = metrics.find((m) => m.metric === "revenue") ?? (metrics.find((m) => m.metric === "deals") as MetricAudit);
  const activity = metrics.filter((m) => m.metric !== "revenue" && m.metric !== "deals");
  const behind = activity.filter((m) => m.status !== "on-track");
  const furthest = behind.length === 0 ? null : behind.reduce((a, b) => ((b.bufferDays ?? 0) < (a.bufferDays ?? 0) ? b : a));
  return {
    status: outcome.status,
    metric: outcome.metric === "revenue" ? "revenue" : "deals",
    ofPlan: outcome.ytd.plan > EPSILON ? outcome.ytd.actual / outcome.ytd.plan : null,
    activity: {
      onTrack: activity.length - behind.length,
      total: activity.length,
      furthest: furthest && { metric: furthest.metric, bufferDays: furthest.bufferDays },
    },
  };
}

/**
 * Builds the audit of one week as of `asOf`, with every figure as the spec
 * defines it (ranges include both ends; the year is the plan's).
 */
export function buildAudit(input: AuditInput): Audit {
  const { plan, calendar, from, to, asOf } = input;
  const period = { from, to, totals: input.weekTotals };
  const metrics = trackedMetrics(input).map((metric) => metricFigures(input, metric, period, { date: asOf, share: input.share }, input.ytdTotals));
  const verdict = buildVerdict(metrics);

  const blocks = computeAdherence({
    blocks: input.blocks,
    marks: input.blockMarks,
    logged: input.loggedTypes,
    calendar,
    from,
    asOf,
    nowMinutes: input.nowMinutes,
  });

  return {
    period: input.period,
    reviews: input.reviews,
    week: input.week,
    from,
    to,
    asOf,
    year: plan.year,
    status: verdict.status,
    verdict,
    metrics,
    conversion: buildConversion(plan, input.ytdTotals),
    customerTime: buildCustomerTime(plan, calendar, from, asOf, input.weekTotals),
    blocks,
    commitments: summarizeCommitments(input.commitments, from, to),
    celebrations: buildCelebrations(input, metrics),
    lastChange: input.lastChange,
    review: input.period.kind === "week" ? (input.latestReviews.find((r) => r.week === input.week) ?? null) : null,
    nextWeek: dueNextWeek(input.commitments, asOf),
    buddyNote: input.buddyNote,
    changeRepeated: input.period.kind === "week" ? findRepeatedChange(input.latestReviews, input.week) : null,
    pipeline: null,
    hasDeals: false,
    lag: null,
    forecast: null,
  };
}

/**
 * The status glance: this week's actual against the plan to date, today's
 * figures, the year-to-date buffer in working days, and the next time block.
 * Pure: the command hands in the plan, the totals and "now".
 */
import type { Forecast } from "./forecast.js";
import type { Pipeline } from "./pipeline.js";
import type { Adherence, Block, BlockMark } from "./blocks.js";
import type { CommitmentJson } from "./commitments.js";
import type { WorkCalendar } from "./calendar.js";
import { addDays, isoWeekOf, mondayOf, weekdayOf, type IsoDate } from "./dates.js";
import type { TypeTotals } from "./entry.js";
import { metricActual, metricFigures, OUTCOME_METRICS, trackedMetrics, type PlanBasis } from "./metrics.js";

/** One metric on the glance: today, this week and the year to date (the metric engine's figures for this week, plus today's). */
export interface GlanceMetric {
  /** `calls` … `revenue`, or an activity type with a weekly target. */
  metric: string;
  /** Today's target (the whole day's) and actual; no target for outcomes (deals, revenue), which come in lumps. */
  today: { plan: number | null; actual: number };
  week: { plan: number; planToDate: number; actual: number };
  ytd: { plan: number; actual: number };
  annual: number;
  /** Working days ahead (+) or behind (−) year to date; null when the annual plan is zero. */
  bufferDays: number | null;
}

export interface NextBlock {
  id: number;
  label: string;
  date: IsoDate;
  start: number;
  end: number;
  activity: string | null;
  /** True when the block is under way right now. */
  now: boolean;
}

export interface StatusInput extends PlanBasis {
  today: IsoDate;
  /** How much of today's working hours has passed (SPEC: today's share). */
  share: number;
  todayTotals: ReadonlyMap<string, TypeTotals>;
  weekTotals: ReadonlyMap<string, TypeTotals>;
  ytdTotals: ReadonlyMap<string, TypeTotals>;
}

export interface Glance {
  today: IsoDate;
  week: string;
  from: IsoDate;
  to: IsoDate;
  /** Working days of this week up to today, and in the whole week. */
  workingDaysSoFar: number;
  workingDaysInWeek: number;
  metrics: GlanceMetric[];
}

/** This week and today at a glance, per metric. */
export function buildGlance(input: StatusInput): Glance {
  const { calendar, today } = input;
  const from = mondayOf(today);
  const to = addDays(from, 6);
  const asOf = { date: today, share: input.share };
  const metrics = trackedMetrics(input).map((metric): GlanceMetric => {
    const f = metricFigures(input, metric, { from, to, totals: input.weekTotals }, asOf, input.ytdTotals);
    return {
      metric,
      today: { plan: OUTCOME_METRICS.includes(metric) ? null : input.schedule.target(metric, today), actual: metricActual(metric, input.todayTotals) },
      week: f.period,
      ytd: f.ytd,
      annual: f.annual,
      bufferDays: f.bufferDays,
    };
  });
  return {
    today,
    week: isoWeekOf(today),
    from,
    to,
    workingDaysSoFar: calendar.countWorkingDays(from, today),
    workingDaysInWeek: calendar.countWorkingDays(from, to),
    metrics,
  };
}

/** Everything `acct status` shows; `streak` is null when it cannot be computed. */
export interface StatusData {
  glance: Glance;
  nextBlock: NextBlock | null;
  /** This week's block figures up to now, as the audit counts them (computeAdherence). */
  blocks: Adherence;
  dueSoon: CommitmentJson[];
  overdue: CommitmentJson[];
  /** Consecutive finished weeks on plan, or null when unknown. */
  streak: number | null;
  pipeline: Pipeline;
  forecast: Forecast;
  /** Whether the file names any deal: the text page leaves the pipeline out until one is added. */
  hasDeals: boolean;
}

/**
 * The next occurrence of any block whose end is after `nowMinutes` on
 * `today`, or on a later day within `horizonDays`; days off and occurrences
 * already marked done or skipped are passed over. Ties go to the earlier
 * start, then the lower id.
 */
export function findNextBlock(
  blocks: readonly Block[],
  marks: readonly BlockMark[],
  calendar: WorkCalendar,
  today: IsoDate,
  nowMinutes: number,
  horizonDays = 14,
): NextBlock | null {
  const marked = new Set(marks.map((m) => `${m.blockId}@${m.date}`));
  for (let offset = 0; offset <= horizonDays; offset++) {
    const date = addDays(today, offset);
    if (calendar.isDayOff(date)) continue;
    const weekday = weekdayOf(date);
    const candidates = blocks
      .filter((b) => b.days.includes(weekday) && !marked.has(`${b.id}@${date}`) && (offset > 0 || b.endMin > nowMinutes))
      .sort((a, b) => a.startMin - b.startMin || a.id - b.id);
    const next = candidates[0];
    if (next) {
      return {
        id: next.id,
        label: next.label,
        date,
        start: next.startMin,
        end: next.endMin,
        activity: next.activity,
        now: offset === 0 && next.startMin <= nowMinutes,
      };
    }
  }
  return null;
}

/** Share of `part` in `whole`, clamped to 0…1 (1 when there is nothing to reach). */
export function fraction(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 1 : 0;
  return Math.max(0, Math.min(1, part / whole));
}

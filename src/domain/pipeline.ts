/**
 * The pipeline and big-deal reviews (SPEC "Pipeline and big-deal reviews"):
 * named deals, their stages and reviews, the stall rule ("same deal, same
 * gaps"), idle and overdue deals, and the pipeline's figures (coverage,
 * weighted value, win rate, cycle). Pure: the store hands in the rows and a
 * way to measure logged progress; `asOf` is the day the figures are for.
 */
import { monthKey } from "./calendar.js";
import type { Commitment } from "./commitments.js";
import { daysBetween, maxDate, type IsoDate } from "./dates.js";
import { DEFAULT_STAGE_PROBABILITIES, DEFAULT_STAGES } from "./settings.js";

export type OppStatus = "open" | "won" | "lost";
export const OPP_STATUSES: readonly OppStatus[] = ["open", "won", "lost"];

/** A named deal, as stored (money in cents). */
export interface Opportunity {
  id: number;
  name: string;
  valueCents: number;
  stage: string;
  close: IsoDate | null;
  contact: string | null;
  note: string | null;
  status: OppStatus;
  openedOn: IsoDate;
  closedOn: IsoDate | null;
  amountCents: number | null;
  lostReason: string | null;
}

/** A deal moved from one stage to another. `seq` orders moves and reviews together. */
export interface StageMove {
  id: number;
  opp: number;
  date: IsoDate;
  from: string;
  to: string;
  seq: number;
}

/** A big-deal review: the stage the deal was in, the gaps named. Its actions are commitments linked to it. */
export interface OppReview {
  id: number;
  opp: number;
  date: IsoDate;
  stage: string;
  gaps: string[];
  seq: number;
}

/** A review's action: a commitment made by the review `review` of the deal `opp`. */
export interface Action extends Commitment {
  opp: number;
  review: number;
}

/** A stage and its chance to win (0–1). */
export interface Stage {
  name: string;
  probability: number;
}

/** How much of a type was logged between two days, and the day a target was reached. */
export interface Progress {
  between(type: string, from: IsoDate, to: IsoDate): number;
  /** The first day from `from` to `to` by which `target` of `type` had been logged, or null. */
  reachedOn(type: string, from: IsoDate, to: IsoDate, target: number): IsoDate | null;
}

/**
 * The stages and their probabilities from the two settings (null: not set).
 * Without probabilities, four stages take the defaults and any other number
 * is spread evenly (1/(n+1), 2/(n+1), …).
 */
export function stagesFrom(stages: string | null, probabilities: string | null): Stage[] {
  const names = stages === null ? [...DEFAULT_STAGES] : stages.split(",");
  const given = probabilities === null ? null : probabilities.split(",").map(Number);
  return names.map((name, i) => {
    const percent =
      given !== null && given.length === names.length
        ? (given[i] as number)
        : names.length === DEFAULT_STAGES.length
          ? (DEFAULT_STAGE_PROBABILITIES[i] as number)
          : Math.round((100 * (i + 1)) / (names.length + 1));
    return { name, probability: percent / 100 };
  });
}

const compared = new Map<string, string>();

/** Text as the stall rule compares it: case, spacing and Unicode forms ignored. */
export function sameText(text: string): string {
  let key = compared.get(text);
  if (key === undefined) {
    key = text.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");
    // Reviews repeat their texts: each is worked out once (a long-lived process keeps only the latest ones).
    if (compared.size >= 10_000) compared.clear();
    compared.set(text, key);
  }
  return key;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map(sameText));
  const y = new Set(b.map(sameText));
  return x.size === y.size && [...x].every((t) => y.has(t));
}

/**
 * Whether a commitment had been kept by `day`: a measured one once its
 * entries from its creation reached the target by then (and by its due
 * date); another when marked done by then, on or before its due date.
 */
export function keptBy(c: Commitment, day: IsoDate, progress: Progress): boolean {
  const kept = keptOn(c, progress);
  return kept !== null && kept <= day;
}

/** The day a commitment was kept, or null (dropped, missed or still open). */
export function keptOn(c: Commitment, progress: Progress): IsoDate | null {
  if (c.stored === "dropped") return null;
  if (c.metric !== null && c.target !== null) return c.due < c.createdOn ? null : progress.reachedOn(c.metric, c.createdOn, c.due, c.target);
  return c.stored === "done" && c.closedOn !== null && c.closedOn <= c.due ? c.closedOn : null;
}

/** What one review changed against the one before it. */
export interface ReviewChanges {
  /** The stage moves between the previous review and this one (none for a first review). */
  moves: { from: string; to: string }[];
  gaps: { new: string[]; same: string[]; dropped: string[] };
  actions: { new: string[]; same: string[]; dropped: string[] };
}

/** A review as the stall rule sees it. */
export interface ReviewView extends OppReview {
  actions: Action[];
  /** Same deal, same gaps: no stage move since the previous review, and the same gaps or a repeated unkept action. */
  stalled: boolean;
  /** Why it is stalled: the same gaps, and/or the actions that repeat an unkept earlier one. */
  sameGaps: boolean;
  repeatedActions: string[];
  /** What changed since the review before (left empty when `viewReviews` is asked for the stall rule only). */
  changes: ReviewChanges;
}

const NO_CHANGES: ReviewChanges = { moves: [], gaps: { new: [], same: [], dropped: [] }, actions: { new: [], same: [], dropped: [] } };

function compare(now: readonly string[], before: readonly string[]): { new: string[]; same: string[]; dropped: string[] } {
  const had = new Set(before.map(sameText));
  const has = new Set(now.map(sameText));
  return {
    new: now.filter((t) => !had.has(sameText(t))),
    same: now.filter((t) => had.has(sameText(t))),
    dropped: before.filter((t) => !has.has(sameText(t))),
  };
}

/**
 * One deal's reviews (oldest first) with the stall rule applied: a review is
 * stalled when the stage has not moved since the deal's previous review and
 * either its gaps are the same (non-empty) set as that review's, or one of its actions
 * repeats an earlier action of the deal whose commitment was not kept by the
 * day of this review (texts compared ignoring case, spacing and order).
 * Without `changes`, only the latest reviews the stall count needs are
 * returned, and without what changed in each.
 */
export function viewReviews(
  reviews: readonly OppReview[],
  moves: readonly StageMove[],
  actions: readonly Action[],
  progress: Progress,
  { changes = true }: { changes?: boolean } = {},
): ReviewView[] {
  const ordered = [...reviews].sort((a, b) => a.seq - b.seq);
  const actionsOf = new Map<number, Action[]>();
  for (const a of actions) actionsOf.set(a.review, [...(actionsOf.get(a.review) ?? []), a]);
  const judge = (i: number): ReviewView => {
    const review = ordered[i] as OppReview;
    const own = (actionsOf.get(review.id) ?? []).sort((a, b) => a.id - b.id);
    const previous = i > 0 ? (ordered[i - 1] as OppReview) : null;
    const since = moves.filter((m) => m.seq < review.seq && (previous === null || m.seq > previous.seq)).sort((a, b) => a.seq - b.seq);
    const moved = previous !== null && (since.length > 0 || previous.stage !== review.stage);
    const earlier = ordered.slice(0, i).flatMap((r) => actionsOf.get(r.id) ?? []);
    const repeatedActions = own
      .filter((a) => earlier.some((b) => sameText(b.text) === sameText(a.text) && !keptBy(b, review.date, progress)))
      .map((a) => a.text);
    // Reviews that name no gaps have nothing to repeat: only their actions can stall them.
    const sameGaps = previous !== null && review.gaps.length > 0 && sameSet(review.gaps, previous.gaps);
    const previousActions = previous === null ? [] : (actionsOf.get(previous.id) ?? []).map((a) => a.text);
    return {
      ...review,
      actions: own,
      stalled: previous !== null && !moved && (sameGaps || repeatedActions.length > 0),
      sameGaps: !moved && sameGaps,
      repeatedActions: moved ? [] : repeatedActions,
      changes: !changes
        ? NO_CHANGES
        : {
            moves: since.map((m) => ({ from: m.from, to: m.to })),
            gaps: compare(review.gaps, previous?.gaps ?? []),
            actions: compare(
              own.map((a) => a.text),
              previousActions,
            ),
          },
    };
  };
  if (changes) return ordered.map((_, i) => judge(i));
  // For the stall rule alone, only the latest run of stalled reviews (and the one before it) is judged.
  const latest: ReviewView[] = [];
  for (let i = ordered.length - 1; i >= 0; i--) {
    const view = judge(i);
    latest.unshift(view);
    if (!view.stalled) break;
  }
  return latest;
}

/** How many of the latest reviews in a row are stalled. */
export function stalledRun(reviews: readonly ReviewView[]): number {
  let n = 0;
  for (let i = reviews.length - 1; i >= 0 && reviews[i]?.stalled; i--) n++;
  return n;
}

/** Everything known about one deal, as it stood on `asOf`. */
export interface DealView extends Opportunity {
  /** Its reviews (for a list or the pipeline, only the latest ones the stall count needs). */
  reviews: ReviewView[];
  moves: StageMove[];
  actions: Action[];
  stalledReviews: number;
  /** The last day anything happened on the deal (opened, a review, a stage move, a linked entry, an action kept). */
  lastActivity: IsoDate;
  idle: boolean;
  overdue: boolean;
}

export interface DealRecords {
  opp: Opportunity;
  moves: readonly StageMove[];
  reviews: readonly OppReview[];
  actions: readonly Action[];
  /** Dates of the entries linked to it. */
  entryDates: readonly IsoDate[];
}

/**
 * A deal as it stood on `asOf`: closed only if closed by then, in the stage
 * it was in then, with the reviews and moves made by then; idle when
 * `idleDays` or more have passed since anything happened on it, overdue when
 * its close date is before `asOf` (both for open deals only).
 */
export function viewDeal(records: DealRecords, asOf: IsoDate, idleDays: number, progress: Progress, options: { changes?: boolean } = {}): DealView {
  const { opp } = records;
  const closed = opp.closedOn !== null && opp.closedOn <= asOf;
  const moves = records.moves.filter((m) => m.date <= asOf).sort((a, b) => a.seq - b.seq);
  const later = records.moves.filter((m) => m.date > asOf).sort((a, b) => a.seq - b.seq)[0];
  const stage = later ? later.from : opp.stage;
  const reviews = viewReviews(
    records.reviews.filter((r) => r.date <= asOf),
    moves,
    records.actions,
    progress,
    options,
  );
  const kept = records.actions.map((a) => keptOn(a, progress)).filter((d): d is IsoDate => d !== null && d <= asOf);
  const reviewDates = records.reviews.map((r) => r.date).filter((d) => d <= asOf);
  const dates = [opp.openedOn, ...moves.map((m) => m.date), ...reviewDates, ...records.entryDates.filter((d) => d <= asOf), ...kept];
  const lastActivity = dates.reduce((a, b) => maxDate(a, b));
  const open = !closed;
  return {
    ...opp,
    stage,
    status: closed ? opp.status : "open",
    closedOn: closed ? opp.closedOn : null,
    amountCents: closed ? opp.amountCents : null,
    lostReason: closed ? opp.lostReason : null,
    reviews,
    moves,
    actions: [...records.actions],
    stalledReviews: open ? stalledRun(reviews) : 0,
    lastActivity,
    idle: open && daysBetween(lastActivity, asOf) >= idleDays,
    overdue: open && opp.close !== null && opp.close < asOf,
  };
}

/** A deal named in a list of the pipeline. */
export interface DealRef {
  id: number;
  name: string;
}

export interface CloseMonth {
  /** `YYYY-MM`, or null for open deals without a close date. */
  month: string | null;
  /** Open value closing that month (currency units). */
  value: number;
  /** The plan's revenue for the month; null outside the plan's year or without a revenue plan. */
  plan: number | null;
}

/** The spec's pipeline object (money in currency units). */
export interface Pipeline {
  open: number;
  value: number;
  weighted: number;
  needed: number | null;
  coverage: number | null;
  coverageGoal: number;
  byCloseMonth: CloseMonth[];
  /** Open deals whose latest review is stalled: how many in a row, and whether for the same gaps (else a repeated unkept action). */
  stalled: (DealRef & { reviews: number; sameGaps: boolean })[];
  idle: (DealRef & { days: number })[];
  overdue: (DealRef & { close: IsoDate })[];
  winRate: number | null;
  cycleDays: number | null;
  /** Deals won and lost among those closed in the year (what the win rate is of). */
  won: number;
  lost: number;
}

export interface PipelineInput {
  deals: readonly DealView[];
  stages: readonly Stage[];
  asOf: IsoDate;
  /** The year the win rate and cycle look at (the plan's). */
  year: number;
  /** Annual revenue minus revenue so far; null without a revenue plan. */
  needed: number | null;
  coverageGoal: number;
  /** The plan's revenue for a month `YYYY-MM` (null when it has none). */
  monthPlan(month: string): number | null;
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The pipeline on `asOf`: open deals' value and weighted value (value ×
 * stage probability), coverage of the revenue still needed, open value by
 * close month beside the plan's, the stalled, idle and overdue deals, and the
 * win rate and median cycle (days from opened to won) of deals closed in the year.
 */
export function buildPipeline(input: PipelineInput): Pipeline {
  const open = input.deals.filter((d) => d.status === "open");
  const probability = new Map(input.stages.map((s) => [s.name, s.probability]));
  const value = open.reduce((sum, d) => sum + d.valueCents, 0) / 100;
  const weighted = open.reduce((sum, d) => sum + (d.valueCents / 100) * (probability.get(d.stage) ?? 0), 0);
  const needed = input.needed === null ? null : Math.max(0, input.needed);
  const byMonth = new Map<string | null, number>();
  // Every month left in the year shows, with or without deals, beside the plan's.
  const asOfMonth = input.asOf.startsWith(`${input.year}-`) ? Number(input.asOf.slice(5, 7)) : input.asOf < `${input.year}` ? 1 : 13;
  for (let m = asOfMonth; m <= 12; m++) byMonth.set(monthKey(input.year, m), 0);
  for (const d of open) {
    const key = d.close === null ? null : d.close.slice(0, 7);
    byMonth.set(key, (byMonth.get(key) ?? 0) + d.valueCents);
  }
  const byCloseMonth = [...byMonth.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([month, cents]) => ({ month, value: cents / 100, plan: month === null ? null : input.monthPlan(month) }));
  const closedInYear = input.deals.filter((d) => d.status !== "open" && d.closedOn !== null && d.closedOn.startsWith(`${input.year}-`));
  const won = closedInYear.filter((d) => d.status === "won");
  const ref = (d: DealView): DealRef => ({ id: d.id, name: d.name });
  return {
    open: open.length,
    value,
    weighted,
    needed,
    coverage: needed === null || needed === 0 ? null : value / needed,
    coverageGoal: input.coverageGoal,
    byCloseMonth,
    stalled: open.filter((d) => d.stalledReviews > 0).map((d) => ({ ...ref(d), reviews: d.stalledReviews, sameGaps: d.reviews.at(-1)?.sameGaps === true })),
    idle: open.filter((d) => d.idle).map((d) => ({ ...ref(d), days: daysBetween(d.lastActivity, input.asOf) })),
    overdue: open.filter((d) => d.overdue).map((d) => ({ ...ref(d), close: d.close as IsoDate })),
    winRate: closedInYear.length === 0 ? null : won.length / closedInYear.length,
    cycleDays: median(won.map((d) => daysBetween(d.openedOn, d.closedOn as IsoDate))),
    won: won.length,
    lost: closedInYear.length - won.length,
  };
}

/** `1` → `1st`, `2` → `2nd`, `3` → `3rd`, `11` → `11th`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/**
 * The forecast (SPEC, "Coach: the plan from your own numbers", Forecast): the
 * rest of the year simulated many times from the seller's own numbers, and
 * the P10, P50, P90 of year-end revenue and deals with the share of runs that
 * reach the target. Every draw comes from one seeded generator, so the same
 * input always gives the same band. Pure: no clock, no I/O.
 */
import { type Random, seededRandom } from "./random.js";

export interface ForecastInput {
  /** Calls logged in each of the last 12 complete ISO weeks before as-of that had a working day, zeros included (oldest first). */
  recentWeeklyCalls: readonly number[];
  /** How many of those weeks had any entry at all; fewer than 4 → every remaining week's calls are `plannedWeeklyCalls` instead of resampled. */
  weeksWithEntries: number;
  plannedWeeklyCalls: number;
  /** Working weeks left in the year after as-of (remaining working days ÷ workdays per week; may be fractional, may be 0). */
  remainingWeeks: number;
  /** Year-to-date counts for the stage draws: call→meeting uses meetings/calls, meeting→opportunity opportunities/meetings, opportunity→deal deals/opportunities. Successes are capped at trials. */
  ytd: { calls: number; meetings: number; opportunities: number; deals: number };
  /**
   * The plan's call, meeting and win rates: a stage with no trials at all this year runs at the plan's rate,
   * as the calls and the deal size fall back to the plan's without history (Beta(1, 1) would average 50 %).
   */
  plannedRates?: { call: number; meeting: number; win: number };
  /** Sizes (currency units) of the deals won this year; empty → `plannedDealSize` for every simulated deal. */
  wonDealSizes: readonly number[];
  /** The plan's deal size (currency units), or null for a deals plan without one (then revenue is not forecast). */
  plannedDealSize: number | null;
  /** What is already done this year: the floor of every run. */
  revenueSoFar: number;
  dealsSoFar: number;
  /** Open pipeline deals expected to close by Dec 31: each is won in a run with its stage probability (a share, 0–1), at its value. */
  openDeals: readonly { value: number; probability: number }[];
  /** The year's targets: revenue (null for a deals plan without a deal size) and deals. */
  target: { revenue: number | null; deals: number };
  /** Number of simulated rests of the year (the product uses 10,000). */
  runs: number;
  seed: number;
}

export interface Band {
  p10: number;
  p50: number;
  p90: number;
}

export interface Forecast {
  revenue: Band | null;
  deals: Band;
  /** Share of runs reaching the target (revenue when there is a revenue target, else deals). */
  probability: number;
  runs: number;
  seed: number;
}

/** The number of simulated rests of the year the product uses. */
export const FORECAST_RUNS = 10_000;

/** Below this many weeks with entries, the plan's weekly calls stand in for the seller's own. */
const MIN_WEEKS_WITH_ENTRIES = 4;

/** A binomial whose smaller tail mean n·min(p, 1 − p) is below this is drawn exactly (by inversion, about that many steps); above it by the normal approximation, whose skew is then under 0.2. */
const EXACT_BINOMIAL_MEAN = 30;

/** Above this many new deals in a run (or won deals to resample), the total of the new deals' sizes is drawn from its normal approximation (central limit) instead of one by one. */
const EXACT_SIZE_DRAWS = 30;

/** Standard normal draws (Box–Muller, the second value of each pair kept for the next call). */
function normalSampler(random: Random): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random())); // 1 − u is in (0, 1]: no log(0)
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** A Gamma(shape, 1) draw by Marsaglia and Tsang's method (shape < 1 through Gamma(shape + 1) · U^(1/shape)). */
function drawGamma(shape: number, random: Random, normal: () => number): number {
  if (shape < 1) return drawGamma(shape + 1, random, normal) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal();
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = random();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(alpha, beta) draw as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
function drawBeta(alpha: number, beta: number, random: Random, normal: () => number): number {
  const x = drawGamma(alpha, random, normal);
  const y = drawGamma(beta, random, normal);
  return x / (x + y);
}

/** A Binomial(n, p) draw: exact by inversion when the smaller tail's mean is small, else normal with continuity correction, clamped to [0, n]. */
function drawBinomial(n: number, p: number, random: Random, normal: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - drawBinomial(n, 1 - p, random, normal);
  const mean = n * p;
  if (mean < EXACT_BINOMIAL_MEAN) {
    // Inversion (BINV): walk up the probability mass function until the uniform is used up.
    const q = 1 - p;
    const ratio = p / q;
    const step = (n + 1) * ratio;
    let mass = q ** n;
    let u = random();
    let x = 0;
    while (u > mass && x < n) {
      u -= mass;
      x += 1;
      mass *= step / x - ratio;
    }
    return x;
  }
  const drawn = Math.floor(mean + Math.sqrt(mean * (1 - p)) * normal() + 0.5);
  return Math.min(n, Math.max(0, drawn));
}

/**
 * The total size of `count` new deals, each resampled from the won deals' sizes by a Bayesian bootstrap: the
 * weights of the won deals are drawn afresh each run from Dirichlet(1, …, 1), so a run also carries the uncertainty
 * of the average size (from a handful of won deals it is large), as the Beta draws carry the rates'. Each pick is
 * still one of the won deals, each equally likely before the weights are drawn. Past `EXACT_SIZE_DRAWS` deals or won
 * deals the same by its normal approximation, clamped to what the sizes allow.
 */
function sizeSampler(sizes: readonly number[], random: Random, normal: () => number): (count: number) => number {
  const stats = statsOf(sizes);
  const totals = new Float64Array(sizes.length);
  return (count) => {
    let mean = stats.mean;
    let sd = stats.sd;
    if (sizes.length <= EXACT_SIZE_DRAWS) {
      let total = 0;
      for (let index = 0; index < sizes.length; index++) totals[index] = total += -Math.log(1 - random());
      if (count <= EXACT_SIZE_DRAWS) {
        let sum = 0;
        for (let deal = 0; deal < count; deal++) sum += sizes[pickCumulative(totals, random() * total)] ?? 0;
        return sum;
      }
      let weighted = 0;
      for (let index = 0; index < sizes.length; index++) weighted += weightAt(totals, index) * (sizes[index] ?? 0);
      mean = weighted / total;
      let spread = 0;
      for (let index = 0; index < sizes.length; index++) spread += weightAt(totals, index) * ((sizes[index] ?? 0) - mean) ** 2;
      sd = Math.sqrt(spread / total);
    } else {
      // The Dirichlet-weighted mean of n values varies around their mean with variance (their variance) / (n + 1).
      mean += (stats.sd / Math.sqrt(sizes.length + 1)) * normal();
    }
    const sum = count * mean + Math.sqrt(count) * sd * normal();
    return Math.min(count * stats.max, Math.max(count * stats.min, sum));
  };
}

/** A count from a non-negative amount: its whole part, plus one with the probability of its fraction (unbiased). */
function roundStochastically(amount: number, random: Random): number {
  const whole = Math.floor(amount);
  return whole + (random() < amount - whole ? 1 : 0);
}

/** A finite, non-negative number (anything else counts as zero). */
function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** The Beta(successes + 1, failures + 1) parameters of a stage, successes capped at trials. */
function stagePrior(successes: number, trials: number): { alpha: number; beta: number } {
  const n = nonNegative(trials);
  const k = Math.min(nonNegative(successes), n);
  return { alpha: k + 1, beta: n - k + 1 };
}

/** The nearest-rank percentile of values sorted ascending: the value at rank ⌈q·N⌉ (so p10 ≤ p50 ≤ p90 always). */
function nearestRank(sorted: Float64Array, q: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** P10, P50 and P90 of the runs (sorted in place). */
function bandOf(values: Float64Array): Band {
  values.sort();
  return { p10: nearestRank(values, 0.1), p50: nearestRank(values, 0.5), p90: nearestRank(values, 0.9) };
}

/**
 * The forecast of the year's end: `runs` simulated rests of the year, each
 * resampling the remaining weeks' calls from the recent weeks (or the plan's
 * weekly calls while fewer than 4 weeks have entries), drawing each stage's
 * conversion from Beta(successes + 1, failures + 1) of the year so far, the
 * meetings, opportunities and deals from binomials, each new deal's size from
 * the year's won deals (a Bayesian bootstrap; the plan's deal size while none
 * is won), and each open deal with its
 * probability. What is already done is the floor of every run. Deterministic
 * from `seed`: the same input gives the same forecast.
 */
export function forecastYear(input: ForecastInput): Forecast {
  const runs = Math.max(1, Math.floor(nonNegative(input.runs)));
  const random = seededRandom(input.seed);
  const normal = normalSampler(random);

  const recent = input.recentWeeklyCalls.map(nonNegative);
  const resample = input.weeksWithEntries >= MIN_WEEKS_WITH_ENTRIES && recent.length > 0;
  const plannedCalls = nonNegative(input.plannedWeeklyCalls);
  const remainingWeeks = nonNegative(input.remainingWeeks);
  const wholeWeeks = Math.floor(remainingWeeks);
  const lastFraction = remainingWeeks - wholeWeeks;

  const callStage = stagePrior(input.ytd.meetings, input.ytd.calls);
  const meetingStage = stagePrior(input.ytd.opportunities, input.ytd.meetings);
  const dealStage = stagePrior(input.ytd.deals, input.ytd.opportunities);
  // Without a single trial a stage takes the plan's rate, when given.
  const planned = (trials: number, rate: number | undefined) => (nonNegative(trials) === 0 && rate !== undefined ? Math.min(1, nonNegative(rate)) : null);
  const plannedCall = planned(input.ytd.calls, input.plannedRates?.call);
  const plannedMeeting = planned(input.ytd.meetings, input.plannedRates?.meeting);
  const plannedWin = planned(input.ytd.opportunities, input.plannedRates?.win);

  const sizes = input.wonDealSizes.map(nonNegative);
  const plannedSize = input.plannedDealSize === null ? null : nonNegative(input.plannedDealSize);
  const forecastsRevenue = plannedSize !== null;
  // Sizes draw from a stream of their own, so the deals band is the same whether or not revenue is forecast.
  const sizeRandom = seededRandom(input.seed ^ 0x9e3779b9);
  const drawSizes = sizeSampler(sizes, sizeRandom, normalSampler(sizeRandom));

  const openGroups = groupOpenDeals(input.openDeals);
  const revenueSoFar = nonNegative(input.revenueSoFar);
  const dealsSoFar = nonNegative(input.dealsSoFar);

  const revenues = new Float64Array(runs);
  const dealCounts = new Float64Array(runs);

  for (let run = 0; run < runs; run++) {
    let calls: number;
    if (resample) {
      calls = 0;
      for (let week = 0; week < wholeWeeks; week++) calls += recent[Math.floor(random() * recent.length)] ?? 0;
      if (lastFraction > 0) calls += lastFraction * (recent[Math.floor(random() * recent.length)] ?? 0);
    } else {
      calls = plannedCalls * remainingWeeks;
    }
    const wholeCalls = roundStochastically(calls, random);

    let newDeals = 0;
    if (wholeCalls > 0) {
      const p1 = plannedCall ?? drawBeta(callStage.alpha, callStage.beta, random, normal);
      const p2 = plannedMeeting ?? drawBeta(meetingStage.alpha, meetingStage.beta, random, normal);
      const p3 = plannedWin ?? drawBeta(dealStage.alpha, dealStage.beta, random, normal);
      const meetings = drawBinomial(wholeCalls, p1, random, normal);
      const opportunities = drawBinomial(meetings, p2, random, normal);
      newDeals = drawBinomial(opportunities, p3, random, normal);
    }

    let revenue = 0;
    if (forecastsRevenue && newDeals > 0) revenue = sizes.length === 0 ? newDeals * (plannedSize ?? 0) : drawSizes(newDeals);

    let won = newDeals;
    for (const group of openGroups) {
      const drawn = drawOpenGroup(group, random, normal);
      won += drawn.won;
      revenue += drawn.value;
    }

    revenues[run] = revenueSoFar + revenue;
    dealCounts[run] = dealsSoFar + won;
  }

  const revenueTarget = forecastsRevenue ? input.target.revenue : null;
  const reached = revenueTarget !== null ? countAtLeast(revenues, revenueTarget) : countAtLeast(dealCounts, input.target.deals);
  return {
    revenue: forecastsRevenue ? bandOf(revenues) : null,
    deals: bandOf(dealCounts),
    probability: reached / runs,
    runs,
    seed: input.seed,
  };
}

/** Open deals that share a probability (a stage's), their values sorted ascending with running totals. */
interface OpenGroup {
  probability: number;
  values: Float64Array;
  /** totals[k] is the sum of the k smallest values. */
  totals: Float64Array;
  mean: number;
  sd: number;
}

/** The open deals grouped by probability: a pipeline of thousands of deals has only as many groups as stages. */
function groupOpenDeals(deals: ForecastInput["openDeals"]): OpenGroup[] {
  const byProbability = new Map<number, number[]>();
  for (const deal of deals) {
    const probability = Math.min(1, nonNegative(deal.probability));
    if (probability === 0) continue;
    const values = byProbability.get(probability) ?? [];
    values.push(nonNegative(deal.value));
    byProbability.set(probability, values);
  }
  return [...byProbability].map(([probability, list]) => {
    const values = Float64Array.from(list).sort();
    const totals = new Float64Array(values.length + 1);
    values.forEach((value, index) => {
      totals[index + 1] = (totals[index] ?? 0) + value;
    });
    const { mean, sd } = statsOf(list);
    return { probability, values, totals, mean, sd };
  });
}

/** One run's draw of a group's open deals: reused, so the 10,000 runs allocate nothing. */
const openDraw = { won: 0, value: 0 };

/**
 * Which of a group's open deals are won in one run. Up to `EXACT_SIZE_DRAWS`
 * deals, each with its probability. Past that, how many is Binomial(n, p),
 * exactly as before, and their total value is that of a random k of the n
 * values: mean k·μ, variance k·σ²·(n − k)/(n − 1) (drawing without
 * replacement), normal, and clamped between the k smallest and the k largest.
 */
function drawOpenGroup(group: OpenGroup, random: Random, normal: () => number): typeof openDraw {
  const { probability, values, totals } = group;
  const n = values.length;
  openDraw.won = 0;
  openDraw.value = 0;
  if (n <= EXACT_SIZE_DRAWS) {
    for (const value of values) {
      if (probability >= 1 || random() < probability) {
        openDraw.won += 1;
        openDraw.value += value;
      }
    }
    return openDraw;
  }
  const k = drawBinomial(n, probability, random, normal);
  const all = totals[n] ?? 0;
  if (k === 0 || k === n) {
    openDraw.won = k;
    openDraw.value = k === 0 ? 0 : all;
    return openDraw;
  }
  const sd = group.sd * Math.sqrt((k * (n - k)) / (n - 1));
  const least = totals[k] ?? 0;
  const most = all - (totals[n - k] ?? 0);
  openDraw.won = k;
  openDraw.value = Math.min(most, Math.max(least, k * group.mean + sd * normal()));
  return openDraw;
}

/** Mean, standard deviation (of the values themselves, divided by n), least and greatest of some values; all 0 when there are none. */
function statsOf(values: readonly number[]): { mean: number; sd: number; min: number; max: number } {
  if (values.length === 0) return { mean: 0, sd: 0, min: 0, max: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  // A loop, not Math.min(...values): no argument-count limit however many deals were won.
  const min = values.reduce((least, value) => Math.min(least, value), Number.POSITIVE_INFINITY);
  const max = values.reduce((most, value) => Math.max(most, value), 0);
  return { mean, sd: Math.sqrt(variance), min, max };
}

/** The weight of item `index` from running totals of weights. */
function weightAt(totals: Float64Array, index: number): number {
  return (totals[index] ?? 0) - (index > 0 ? (totals[index - 1] ?? 0) : 0);
}

/** The first index whose running total of weights exceeds `point` (binary search; the last index when none does). */
function pickCumulative(totals: Float64Array, point: number): number {
  let low = 0;
  let high = totals.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((totals[middle] ?? 0) > point) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** How many values are at least the target. */
function countAtLeast(values: Float64Array, target: number): number {
  let count = 0;
  for (const value of values) if (value >= target) count += 1;
  return count;
}

/** A seed from the plan year and the as-of date (YYYY-MM-DD): the 32-bit FNV-1a hash of `${year}:${asOf}`. */
export function forecastSeed(year: number, asOf: string): number {
  let hash = 2166136261;
  for (const ch of `${year}:${asOf}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}

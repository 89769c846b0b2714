/**
 * The forecast (SPEC, Coach: Forecast): reproducible, ordered, floored by what
 * is done, sane at the extremes, hand-checkable on small cases, and calibrated
 * against synthetic sellers whose true rates are known.
 *
 * Speed, measured (not asserted) on Node 24 for the realistic seller below
 * (12 recent weeks, 30.4 weeks left, 9 won deals, 3 open deals), 10,000 runs:
 * 31–50 ms on a cold process (the one call an audit makes; the higher figures
 * on a busy 2-core machine), 11–16 ms once warm; a seller with forty times the
 * activity, 10–30 ms.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/domain/random.js";
import { forecastSeed, forecastYear, type ForecastInput } from "../../src/domain/forecast.js";

/** A realistic seller in May: behind a 500k plan, with a little pipeline. */
const realistic: ForecastInput = {
  recentWeeklyCalls: [48, 52, 0, 61, 45, 50, 55, 38, 47, 60, 53, 49],
  weeksWithEntries: 12,
  plannedWeeklyCalls: 50,
  remainingWeeks: 30.4,
  ytd: { calls: 1100, meetings: 110, opportunities: 40, deals: 9 },
  wonDealSizes: [12000, 18000, 25000, 9000, 30000, 15000, 22000, 11000, 40000],
  plannedDealSize: 20000,
  revenueSoFar: 182000,
  dealsSoFar: 9,
  openDeals: [
    { value: 30000, probability: 0.5 },
    { value: 15000, probability: 0.25 },
    { value: 50000, probability: 0.75 },
  ],
  target: { revenue: 500000, deals: 25 },
  runs: 10_000,
  seed: forecastSeed(2026, "2026-05-20"),
};

/** Nothing going on: no week left, no rates, no pipeline. Cases below change what they test. */
const idle: ForecastInput = {
  recentWeeklyCalls: [],
  weeksWithEntries: 0,
  plannedWeeklyCalls: 0,
  remainingWeeks: 0,
  ytd: { calls: 0, meetings: 0, opportunities: 0, deals: 0 },
  wonDealSizes: [],
  plannedDealSize: 10000,
  revenueSoFar: 0,
  dealsSoFar: 0,
  openDeals: [],
  target: { revenue: 100000, deals: 10 },
  runs: 10_000,
  seed: 42,
};

/** Year-to-date counts so large that each stage's Beta draw is its rate to nine digits: `rates` are meetings/calls, opportunities/meetings, deals/opportunities. */
function pinned(rates: [number, number, number]): ForecastInput["ytd"] {
  const calls = 1e9;
  const meetings = Math.round(calls * rates[0]);
  const opportunities = Math.round(meetings * rates[1]);
  return { calls, meetings, opportunities, deals: Math.round(opportunities * rates[2]) };
}

const EVERY_CALL_A_DEAL = pinned([1, 1, 1]);

describe("forecastSeed", () => {
  it("is a 32-bit seed from the plan year and the as-of date, the same every time", () => {
    const seed = forecastSeed(2026, "2026-05-20");
    expect(seed).toBe(forecastSeed(2026, "2026-05-20"));
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    expect(forecastSeed(2026, "2026-05-21")).not.toBe(seed);
    expect(forecastSeed(2027, "2026-05-20")).not.toBe(seed);
  });
});

describe("forecastYear", () => {
  it("gives the same forecast for the same input; another seed may give another", () => {
    const first = forecastYear(realistic);
    expect(forecastYear({ ...realistic })).toEqual(first);
    expect(first.runs).toBe(10_000);
    expect(first.seed).toBe(realistic.seed);
    const other = forecastYear({ ...realistic, seed: realistic.seed + 1 });
    expect(other.seed).toBe(realistic.seed + 1);
    expect(other).not.toEqual(first);
  });

  it("gives a believable band for a realistic seller", () => {
    const forecast = forecastYear(realistic);
    const revenue = forecast.revenue!;
    expect(revenue.p10).toBeLessThan(revenue.p50);
    expect(revenue.p50).toBeLessThan(revenue.p90);
    // ≈ 30 weeks × 47 calls × 10 % × 36 % × 23 % ≈ 12 new deals of ≈ 20k, plus ≈ 56k of weighted pipeline, on 182k.
    expect(revenue.p50).toBeGreaterThan(350_000);
    expect(revenue.p50).toBeLessThan(600_000);
    expect(forecast.deals.p50).toBeGreaterThanOrEqual(17);
    expect(forecast.deals.p50).toBeLessThanOrEqual(27);
    expect(forecast.probability).toBeGreaterThan(0.1);
    expect(forecast.probability).toBeLessThan(0.9);
  });

  it("keeps every band ordered and at or above what is already done (property)", () => {
    const count = fc.nat({ max: 300 });
    fc.assert(
      fc.property(
        fc.record({
          recentWeeklyCalls: fc.array(fc.nat({ max: 200 }), { maxLength: 12 }),
          weeksWithEntries: fc.nat({ max: 12 }),
          plannedWeeklyCalls: fc.nat({ max: 200 }),
          remainingWeeks: fc.double({ min: 0, max: 52, noNaN: true }),
          ytd: fc.record({ calls: fc.nat({ max: 5000 }), meetings: count, opportunities: count, deals: count }),
          wonDealSizes: fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 150 }),
          plannedDealSize: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
          revenueSoFar: fc.double({ min: 0, max: 1e7, noNaN: true }),
          dealsSoFar: count,
          openDeals: fc.array(fc.record({ value: fc.double({ min: 0, max: 1e6, noNaN: true }), probability: fc.double({ min: 0, max: 1, noNaN: true }) }), {
            maxLength: 5,
          }),
          target: fc.record({ revenue: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true })), deals: count }),
          runs: fc.integer({ min: 1, max: 300 }),
          seed: fc.nat(),
        }),
        (input) => {
          const forecast = forecastYear(input);
          const bands = forecast.revenue === null ? [forecast.deals] : [forecast.deals, forecast.revenue];
          for (const band of bands) {
            expect(band.p10).toBeLessThanOrEqual(band.p50);
            expect(band.p50).toBeLessThanOrEqual(band.p90);
          }
          expect(forecast.deals.p10).toBeGreaterThanOrEqual(input.dealsSoFar);
          if (forecast.revenue !== null) expect(forecast.revenue.p10).toBeGreaterThanOrEqual(input.revenueSoFar);
          expect(forecast.revenue === null).toBe(input.plannedDealSize === null);
          expect(forecast.probability).toBeGreaterThanOrEqual(0);
          expect(forecast.probability).toBeLessThanOrEqual(1);
          expect(forecast.runs).toBe(input.runs);
          expect(forecastYear(input)).toEqual(forecast);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("with no week left and no open deal, the band is what is done and the probability exactly 0 or 1 by the target", () => {
    const done = { ...realistic, remainingWeeks: 0, openDeals: [], revenueSoFar: 420000, dealsSoFar: 21 };
    const short = forecastYear(done);
    expect(short.revenue).toEqual({ p10: 420000, p50: 420000, p90: 420000 });
    expect(short.deals).toEqual({ p10: 21, p50: 21, p90: 21 });
    expect(short.probability).toBe(0);
    expect(forecastYear({ ...done, target: { revenue: 420000, deals: 99 } }).probability).toBe(1);
    // A deals plan without a deal size: no revenue, the probability by deals.
    const dealsPlan = { ...done, plannedDealSize: null, target: { revenue: null, deals: 21 } };
    expect(forecastYear(dealsPlan)).toMatchObject({ revenue: null, deals: { p10: 21, p50: 21, p90: 21 }, probability: 1 });
    expect(forecastYear({ ...dealsPlan, target: { revenue: null, deals: 22 } }).probability).toBe(0);
  });

  it("a seller already past the target reaches it in every run", () => {
    const ahead = forecastYear({ ...realistic, revenueSoFar: 520000, dealsSoFar: 26 });
    expect(ahead.probability).toBe(1);
    expect(ahead.revenue!.p10).toBeGreaterThanOrEqual(520000);
    // Far ahead of the pace, not yet past: nearly every run gets there.
    expect(forecastYear({ ...realistic, revenueSoFar: 400000 }).probability).toBeGreaterThan(0.95);
  });

  it("a seller who stopped working, far behind, almost never reaches the target", () => {
    const stopped = { ...realistic, recentWeeklyCalls: Array(12).fill(0), weeksWithEntries: 5 };
    const forecast = forecastYear(stopped);
    // No calls, no new deals: the year ends with what is done plus whatever the pipeline brings (at most 95k).
    expect(forecast.probability).toBe(0);
    expect(forecast.revenue!.p10).toBeGreaterThanOrEqual(182000);
    expect(forecast.revenue!.p90).toBeLessThanOrEqual(182000 + 95000);
    expect(forecast.deals.p90).toBeLessThanOrEqual(9 + 3);
    // Working again at a trickle is still hopeless: near 0.
    expect(forecastYear({ ...stopped, recentWeeklyCalls: [...Array(11).fill(0), 10] }).probability).toBeLessThan(0.01);
  });

  it("uses the plan's weekly calls while fewer than 4 weeks have entries, the recent weeks from 4 on", () => {
    const fallback = { ...idle, recentWeeklyCalls: Array(12).fill(0), plannedWeeklyCalls: 20, remainingWeeks: 10, ytd: EVERY_CALL_A_DEAL };
    expect(forecastYear({ ...fallback, weeksWithEntries: 3 }).deals).toEqual({ p10: 200, p50: 200, p90: 200 });
    expect(forecastYear({ ...fallback, weeksWithEntries: 4 }).deals).toEqual({ p10: 0, p50: 0, p90: 0 });
    // With no recent weeks at all, the plan stands in too.
    expect(forecastYear({ ...fallback, recentWeeklyCalls: [], weeksWithEntries: 12 }).deals.p50).toBe(200);
  });

  it("resamples the recent weeks, a final fractional week scaled by its fraction", () => {
    const steady = { ...idle, recentWeeklyCalls: Array(12).fill(40), weeksWithEntries: 12, ytd: EVERY_CALL_A_DEAL };
    expect(forecastYear({ ...steady, remainingWeeks: 2.5 }).deals).toEqual({ p10: 100, p50: 100, p90: 100 });
    expect(forecastYear({ ...steady, remainingWeeks: 2.25 }).deals).toEqual({ p10: 90, p50: 90, p90: 90 });
    // Half the weeks at 0, half at 40, 10 weeks: calls ~ 40 × Binomial(10, ½), so P10 = 120, P50 = 200, P90 = 280.
    const uneven = { ...steady, recentWeeklyCalls: [0, 40, 0, 40, 0, 40, 0, 40], remainingWeeks: 10 };
    expect(forecastYear(uneven).deals).toEqual({ p10: 120, p50: 200, p90: 280 });
  });

  it("draws small binomials exactly: 20 calls at a pinned 50 % give the quantiles of Binomial(20, ½)", () => {
    const coin = { ...idle, recentWeeklyCalls: Array(4).fill(20), weeksWithEntries: 4, remainingWeeks: 1, ytd: pinned([0.5, 1, 1]) };
    // P(X ≤ 6) = 5.8 %, P(X ≤ 7) = 13.2 %; P(X ≤ 9) = 41.2 %, P(X ≤ 10) = 58.8 %; P(X ≤ 12) = 86.8 %, P(X ≤ 13) = 94.2 %.
    expect(forecastYear(coin).deals).toEqual({ p10: 7, p50: 10, p90: 13 });
  });

  it("draws large binomials by the normal approximation with the binomial's spread", () => {
    const many = { ...idle, recentWeeklyCalls: Array(4).fill(10000), weeksWithEntries: 4, remainingWeeks: 1, ytd: pinned([0.5, 1, 1]) };
    // Binomial(10,000, ½): mean 5,000, sd 50, so P10 ≈ 5,000 − 1.2816 × 50 ≈ 4,936 and P90 ≈ 5,064.
    const deals = forecastYear(many).deals;
    expect(Math.abs(deals.p10 - 4936)).toBeLessThanOrEqual(4);
    expect(Math.abs(deals.p50 - 5000)).toBeLessThanOrEqual(2);
    expect(Math.abs(deals.p90 - 5064)).toBeLessThanOrEqual(4);
  });

  it("converts at the year's rates, each drawn from its Beta, which widens the band", () => {
    const ytd = { calls: 1000, meetings: 100, opportunities: 50, deals: 25 };
    const seller = { ...idle, recentWeeklyCalls: Array(12).fill(100), weeksWithEntries: 12, remainingWeeks: 10, ytd };
    const drawn = forecastYear(seller).deals;
    // 1,000 calls × 101/1002 × 51/102 × 26/52 ≈ 25.2 deals.
    expect(drawn.p50).toBeGreaterThanOrEqual(23);
    expect(drawn.p50).toBeLessThanOrEqual(27);
    // The same rates held fixed (a thousand times the evidence): only the binomials' spread is left.
    const fixed = forecastYear({ ...seller, ytd: { calls: 1e6, meetings: 1e5, opportunities: 5e4, deals: 25e3 } }).deals;
    expect(drawn.p90 - drawn.p10).toBeGreaterThan(fixed.p90 - fixed.p10 + 4);
    // Successes are capped at trials: more meetings than calls is every call a meeting.
    const capped = { ...seller, ytd: { calls: 1e9, meetings: 2e9, opportunities: 2e9, deals: 2e9 } };
    expect(forecastYear(capped).deals).toEqual({ p10: 1000, p50: 1000, p90: 1000 });
  });

  it("adds each open deal at its value with its probability", () => {
    const sure = forecastYear({ ...idle, revenueSoFar: 50000, dealsSoFar: 3, openDeals: [{ value: 100000, probability: 1 }] });
    expect(sure.revenue).toEqual({ p10: 150000, p50: 150000, p90: 150000 });
    expect(sure.deals).toEqual({ p10: 4, p50: 4, p90: 4 });
    expect(sure.probability).toBe(1);
    const never = forecastYear({ ...idle, openDeals: [{ value: 100000, probability: 0 }] });
    expect(never.revenue).toEqual({ p10: 0, p50: 0, p90: 0 });
    // A coin flip: half the runs reach the 100k target (10,000 runs: sd of the share 0.5 %).
    const coin = forecastYear({ ...idle, openDeals: [{ value: 100000, probability: 0.5 }] });
    expect(coin.probability).toBeGreaterThan(0.48);
    expect(coin.probability).toBeLessThan(0.52);
    expect(coin.revenue).toMatchObject({ p10: 0, p90: 100000 });
  });

  it("draws a large pipeline stage by stage: how many by the binomial, their value as a random k of the stage's deals", () => {
    const never = { revenue: 1e12, deals: 1e6 };
    // 400 deals of 1k at 50 % and 200 of 4k at 25 %: 250 deals on average, sd √(100 + 37.5) = 11.73;
    // revenue 400k on average, sd √(1000² · 100 + 4000² · 37.5) = 26,458. P10 and P90 are 1.2816 sd either side.
    const flat = [...Array(400).fill({ value: 1000, probability: 0.5 }), ...Array(200).fill({ value: 4000, probability: 0.25 })];
    const both = forecastYear({ ...idle, openDeals: flat, target: never });
    expect(both.deals.p10).toBeGreaterThanOrEqual(233);
    expect(both.deals.p10).toBeLessThanOrEqual(237);
    expect(both.deals.p90).toBeGreaterThanOrEqual(263);
    expect(both.deals.p90).toBeLessThanOrEqual(267);
    expect(Math.abs(both.revenue!.p50 - 400000)).toBeLessThan(4000);
    expect(Math.abs(both.revenue!.p90 - both.revenue!.p10 - 2 * 1.2816 * 26458)).toBeLessThan(4000);
    // Values 1k…100k at 50 %: the total's sd is √(0.25 · Σ v²) = 290,818, whichever deals are won.
    const ladder = Array.from({ length: 100 }, (_, i) => ({ value: 1000 * (i + 1), probability: 0.5 }));
    const spread = forecastYear({ ...idle, openDeals: ladder, target: never }).revenue!;
    expect(Math.abs(spread.p50 - 2_525_000)).toBeLessThan(25_000);
    expect(Math.abs(spread.p90 - spread.p10 - 2 * 1.2816 * 290_818)).toBeLessThan(30_000);
    // Every deal certain: exactly all of them, at their values.
    const certain = forecastYear({ ...idle, openDeals: ladder.map((d) => ({ ...d, probability: 1 })), target: never });
    expect(certain.revenue).toEqual({ p10: 5_050_000, p50: 5_050_000, p90: 5_050_000 });
    expect(certain.deals).toEqual({ p10: 100, p50: 100, p90: 100 });
  });

  it("prices new deals from the year's won deals, else the plan's deal size", () => {
    const tenDeals = { ...idle, recentWeeklyCalls: Array(4).fill(10), weeksWithEntries: 4, remainingWeeks: 1, ytd: EVERY_CALL_A_DEAL, revenueSoFar: 5000 };
    expect(forecastYear({ ...tenDeals, wonDealSizes: [7000] }).revenue).toEqual({ p10: 75000, p50: 75000, p90: 75000 });
    expect(forecastYear({ ...tenDeals, plannedDealSize: 4000 }).revenue).toEqual({ p10: 45000, p50: 45000, p90: 45000 });
    // Two sizes, 1k and 3k: ten deals make 10k to 30k, 20k in the middle.
    const mixed = forecastYear({ ...tenDeals, wonDealSizes: [1000, 3000] }).revenue!;
    expect(mixed.p10).toBeGreaterThanOrEqual(15000);
    expect(mixed.p50).toBe(25000);
    expect(mixed.p90).toBeLessThanOrEqual(35000);
    expect(mixed.p10).toBeLessThan(mixed.p50);
    expect(mixed.p50).toBeLessThan(mixed.p90);
    // 500 deals (the normal approximation of their total): about 1M, within what the sizes allow.
    const many = forecastYear({ ...tenDeals, recentWeeklyCalls: Array(4).fill(500), wonDealSizes: [1000, 3000] }).revenue!;
    expect(many.p10).toBeGreaterThanOrEqual(5000 + 500 * 1000);
    expect(many.p90).toBeLessThanOrEqual(5000 + 500 * 3000);
    expect(Math.abs(many.p50 - 1_005_000)).toBeLessThan(50_000);
  });

  it("forecasts no revenue for a deals plan without a deal size, and gives the probability by deals", () => {
    const forecast = forecastYear({ ...realistic, plannedDealSize: null, target: { revenue: null, deals: 20 } });
    expect(forecast.revenue).toBeNull();
    expect(forecast.deals).toEqual(forecastYear(realistic).deals);
    expect(forecast.probability).toBeGreaterThan(0.5);
  });
});

/**
 * Calibration. Synthetic sellers with known true rates: weekly calls around a
 * true mean (one week in twelve off), true call→meeting, meeting→opportunity
 * and opportunity→deal rates, lognormal deal sizes (σ = 0.6: the largest deal
 * of a year is often 4–5 times the smallest) and a few open deals won with
 * their stated probability. 20 weeks of the year are simulated from the
 * truth, the forecast is made from what was observed, and the true year-end
 * is drawn from the truth for the 32 weeks left.
 */
describe("forecastYear calibration", () => {
  const SELLERS = 300;
  const RUNS = 1000;

  interface Seller {
    input: ForecastInput;
    trueRevenue: number;
  }

  function syntheticSellers(seed: number): Seller[] {
    const random = seededRandom(seed);
    const uniform = (low: number, high: number) => low + (high - low) * random();
    const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const bernoulliSum = (trials: number, p: number) => {
      let successes = 0;
      for (let trial = 0; trial < trials; trial++) if (random() < p) successes += 1;
      return successes;
    };
    return Array.from({ length: SELLERS }, () => {
      const meanCalls = uniform(25, 90);
      const rates = [uniform(0.05, 0.2), uniform(0.2, 0.6), uniform(0.15, 0.45)] as const;
      const medianSize = uniform(5000, 40000);
      const size = () => Math.round(medianSize * Math.exp(0.6 * gaussian()));
      const simulate = (weeks: number) => {
        const weekly: number[] = [];
        const sizes: number[] = [];
        const totals = { calls: 0, meetings: 0, opportunities: 0, deals: 0 };
        for (let week = 0; week < weeks; week++) {
          const calls = random() < 1 / 12 ? 0 : Math.max(0, Math.round(meanCalls * (1 + 0.25 * gaussian())));
          const meetings = bernoulliSum(calls, rates[0]);
          const opportunities = bernoulliSum(meetings, rates[1]);
          const deals = bernoulliSum(opportunities, rates[2]);
          weekly.push(calls);
          totals.calls += calls;
          totals.meetings += meetings;
          totals.opportunities += opportunities;
          totals.deals += deals;
          for (let deal = 0; deal < deals; deal++) sizes.push(size());
        }
        return { weekly, sizes, totals };
      };
      const past = simulate(20);
      const rest = simulate(32);
      const openDeals = Array.from({ length: Math.floor(uniform(0, 4)) }, () => ({
        value: size(),
        probability: [0.1, 0.25, 0.5, 0.75][Math.floor(random() * 4)] ?? 0.5,
      }));
      const pipelineWon = openDeals.filter((deal) => random() < deal.probability).reduce((sum, deal) => sum + deal.value, 0);
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      const recent = past.weekly.slice(-12);
      const input: ForecastInput = {
        recentWeeklyCalls: recent,
        weeksWithEntries: recent.filter((calls) => calls > 0).length,
        plannedWeeklyCalls: Math.round(meanCalls),
        remainingWeeks: 32,
        ytd: past.totals,
        wonDealSizes: past.sizes,
        // The seller's January guess: the true mean size, give or take.
        plannedDealSize: Math.round(medianSize * Math.exp(0.18) * uniform(0.7, 1.4)),
        revenueSoFar: sum(past.sizes),
        dealsSoFar: past.totals.deals,
        openDeals,
        target: { revenue: 500000, deals: 30 },
        runs: RUNS,
        seed: Math.floor(random() * 2 ** 32),
      };
      return { input, trueRevenue: sum(past.sizes) + sum(rest.sizes) + pipelineWon };
    });
  }

  /** Shares of sellers whose true year-end revenue is below P10, inside [P10, P90], above P90 of their forecast. */
  function coverage(sellers: Seller[], adjust: (input: ForecastInput) => ForecastInput = (input) => input) {
    let below = 0;
    let inside = 0;
    for (const { input, trueRevenue } of sellers) {
      const band = forecastYear(adjust(input)).revenue!;
      if (trueRevenue < band.p10) below += 1;
      else if (trueRevenue <= band.p90) inside += 1;
    }
    return { below: below / sellers.length, inside: inside / sellers.length, above: (sellers.length - below - inside) / sellers.length };
  }

  const sellers = syntheticSellers(20260401);

  it("puts the true year-end inside P10–P90 for about 80 % of sellers, missing about as often on each side", () => {
    const observed = coverage(sellers);
    // Observed: 300 sellers (this seed) 77.7 % inside, 9.7 % below, 12.7 % above; 73–80 % inside over
    // eight other seeds, and 75 % over 2,000 sellers (2,000 runs each). Revenue sits a little under
    // 80 % (deals at 80 %): from a handful of won deals, resampling cannot know how heavy the tail of
    // deal sizes is.
    // Tolerance: over 300 sellers the sampling sd of the share is √(0.8 × 0.2 / 300) ≈ 2.3 points, so
    // [70 %, 90 %] is ±3 sd around 80 % and still 2–3 sd below this model's 75–78 %; each tail
    // [4 %, 18 %] is about ±3.5 sd (sd ≈ 1.7 points) around 10 %, so a biased band fails even when its
    // width is right. The bands of the next test (about 60 % and 98 % inside) lie 4 sd or more outside.
    expect(observed.inside).toBeGreaterThanOrEqual(0.7);
    expect(observed.inside).toBeLessThanOrEqual(0.9);
    expect(observed.below).toBeGreaterThanOrEqual(0.04);
    expect(observed.below).toBeLessThanOrEqual(0.18);
    expect(observed.above).toBeGreaterThanOrEqual(0.04);
    expect(observed.above).toBeLessThanOrEqual(0.18);
  });

  it("can fail: a band too narrow or too wide falls outside the tolerance", () => {
    const scaled = (input: ForecastInput, factor: number): ForecastInput => ({
      ...input,
      ytd: {
        calls: input.ytd.calls * factor,
        meetings: input.ytd.meetings * factor,
        opportunities: input.ytd.opportunities * factor,
        deals: input.ytd.deals * factor,
      },
    });
    // Fixed rates (the same point estimates with a thousand times the evidence, so the Beta draws no
    // longer vary): overconfident, observed 64 % inside (57–66 % over eight other seeds).
    expect(coverage(sellers, (input) => scaled(input, 1000)).inside).toBeLessThan(0.7);
    // The same rates with a tenth of the evidence: underconfident, observed 97–99 % inside.
    expect(coverage(sellers.slice(0, 100), (input) => scaled(input, 0.1)).inside).toBeGreaterThan(0.9);
  });
});

describe("a stage without a single trial this year", () => {
  it("runs at the plan's rate when given (a newcomer is forecast on the plan, not on Beta(1, 1)'s 50 %)", () => {
    // 40 weeks at the plan's 48 calls = 1,920 calls; at 10 % → 50 % → 25 %: 24 deals in expectation.
    const input = {
      recentWeeklyCalls: [],
      weeksWithEntries: 0,
      plannedWeeklyCalls: 48,
      remainingWeeks: 40,
      ytd: { calls: 0, meetings: 0, opportunities: 0, deals: 0 },
      wonDealSizes: [],
      plannedDealSize: 40_000,
      revenueSoFar: 0,
      dealsSoFar: 0,
      openDeals: [],
      target: { revenue: 1_200_000, deals: 30 },
      runs: 4000,
      seed: 7,
    };
    const planned = forecastYear({ ...input, plannedRates: { call: 0.1, meeting: 0.5, win: 0.25 } });
    expect(planned.deals.p50).toBeGreaterThanOrEqual(21);
    expect(planned.deals.p50).toBeLessThanOrEqual(27);
    // Without the plan's rates, Beta(1, 1) averages 50 % a stage: about 240 deals.
    expect(forecastYear(input).deals.p50).toBeGreaterThan(100);
    // With trials, the year's own numbers decide, plan or not.
    const withTrials = { ...input, ytd: { calls: 1000, meetings: 50, opportunities: 20, deals: 2 } };
    expect(forecastYear({ ...withTrials, plannedRates: { call: 0.1, meeting: 0.5, win: 0.25 } })).toEqual(forecastYear(withTrials));
  });
});

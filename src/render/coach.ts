/** The coach as JSON (rates to 4 decimals, counts and money to 2) and as a page of plain sentences. */
import type { Coach, Lag, Lever, ObservedStage } from "../domain/coach.js";
import { formatCount, formatMoney, formatNumber, formatRate, round } from "./format.js";
import type { RenderOptions } from "./options.js";
import { cutLines, wrapToWidth } from "./text-width.js";

const n2 = (x: number | null) => (x === null ? null : round(x, 2));
const r4 = (x: number | null) => (x === null ? null : round(x, 4));

export function coachToJson(c: Coach) {
  return {
    asOf: c.asOf,
    year: c.year,
    window: c.window,
    stages: c.stages.map((s) => ({
      stage: s.stage,
      from: s.from,
      to: s.to,
      successes: s.successes,
      trials: s.trials,
      rate: r4(s.rate),
      low: r4(s.interval?.low ?? null),
      high: r4(s.interval?.high ?? null),
      planned: r4(s.planned),
      verdict: s.verdict,
    })),
    dealSize: { observed: n2(c.dealSize.observed), deals: c.dealSize.deals, planned: n2(c.dealSize.planned) },
    cycleDays: { observed: c.cycle.observed, won: c.cycle.won, setting: c.cycle.setting, used: c.cycle.days },
    activity: { callsPerWeek: n2(c.callsPerWeek) },
    needed: {
      revenue: n2(c.needed.revenue),
      deals: n2(c.needed.deals),
      remainingWeeks: n2(c.needed.remainingWeeks),
      callsPerWeek: { observed: n2(c.needed.callsPerWeek.observed), planned: n2(c.needed.callsPerWeek.planned) },
    },
    levers: c.levers.map((l) => ({
      lever: l.lever,
      change: l.change,
      callsPerWeekSaved: n2(l.callsPerWeekSaved),
      revenueAdded: n2(l.revenueAdded),
      dealsAdded: n2(l.dealsAdded),
    })),
    lastUsefulDay: c.lag.lastUsefulDay,
  };
}

const LEVER_NAMES: Record<Lever["lever"], string> = {
  "call-rate": "call→meeting",
  "meeting-rate": "meeting→opportunity",
  "win-rate": "opportunity→deal",
  "deal-size": "deal size",
  activity: "activity",
};

/** "You win 31% of opportunities (80% sure: 24–39%), planned 25%: the plan is safe on this step". */
export function describeStage(s: ObservedStage): string {
  const noun = { "call-rate": "calls", "meeting-rate": "meetings", "win-rate": "opportunities" }[s.stage];
  const singular = { "call-rate": "call", "meeting-rate": "meeting", "win-rate": "opportunity" };
  if (s.rate === null || s.interval === null) return `No ${noun} yet to measure ${LEVER_NAMES[s.stage]} (planned ${formatRate(s.planned)})`;
  const rate = formatRate(s.rate);
  const said =
    s.stage === "call-rate"
      ? `You book a meeting from ${rate} of calls`
      : s.stage === "meeting-rate"
        ? `You turn ${rate} of meetings into opportunities`
        : `You win ${rate} of opportunities`;
  const verdict =
    s.verdict === "safe"
      ? "the plan is safe on this step"
      : s.verdict === "below"
        ? "below plan on this step: the plan needs more at the top of the funnel"
        : `${formatCount(s.trials)} ${s.trials === 1 ? singular[s.stage] : noun} cannot tell it from the plan yet`;
  return `${said} (${s.successes} of ${s.trials}; 80% sure: ${formatRate(s.interval.low)}–${formatRate(s.interval.high)}), planned ${formatRate(s.planned)}: ${verdict}`;
}

function worth(l: Lever, currency: string): string {
  if (l.revenueAdded !== null) return `+${formatMoney(Math.round(l.revenueAdded), currency)}`;
  const deals = formatNumber(l.dealsAdded, 1);
  return `+${deals} ${deals === "1" ? "deal" : "deals"}`;
}

function saves(l: Lever): string {
  if (l.callsPerWeekSaved === null) return "";
  if (l.lever === "activity") return "more calls, the same rates";
  // Counts as everywhere else: one decimal below 10, so a small saving does not read as "saves 0".
  const calls = formatCount(l.callsPerWeekSaved);
  if (calls === "0" && l.callsPerWeekSaved > 0) return "saves under 0.1 calls a week";
  return `saves ${calls} ${calls === "1" ? "call" : "calls"} a week`;
}

/** "Most valuable lever: meeting→opportunity, +5 points saves 11 calls a week". */
export function describeBestLever(levers: readonly Lever[], currency: string): string | null {
  const best = levers[0];
  // Nothing to gain (no activity yet, or the target reached): no lever to name.
  if (!best || (best.revenueAdded ?? best.dealsAdded) <= 0) return null;
  const effect = best.lever === "activity" ? `adds ${worth(best, currency).slice(1)} by Dec 31` : saves(best) || `adds ${worth(best, currency).slice(1)}`;
  return `Most valuable lever: ${LEVER_NAMES[best.lever]}, ${best.change} ${effect}`;
}

/** The sales-cycle lag sentence once as-of is past the last useful day. */
export function describeLag(lag: Lag): string | null {
  if (!lag.passed || lag.lastUsefulDay === null) return null;
  const cycle = `${formatNumber(lag.cycleDays, 0)}-day ${lag.cycleObserved ? "sales cycle" : "sales cycle (the sales-cycle setting)"}`;
  return `Past ${lag.lastUsefulDay}, the last working day less your ${cycle}: what you start now closes next year. Plan it: acct plan set --year ${lag.nextYear}`;
}

export function renderCoachText(c: Coach, { style, currency, width }: RenderOptions): string {
  const out: string[] = [];
  const say = (text: string, first = "  ", rest = "    ") => out.push(...wrapToWidth(text, width, first, rest));
  const span = c.window.kind === "ytd" ? "the year to date" : `the last ${c.window.days} days`;
  out.push(...wrapToWidth(`${style.bold("Coach: your own numbers")} ${style.dim(`(${span}, ${c.window.from} – ${c.window.to})`)}`, width, "", "  "));
  out.push("");
  for (const s of c.stages) {
    const line = describeStage(s);
    say(s.verdict === "below" ? style.yellow(line) : s.verdict === "safe" ? style.green(line) : line);
  }
  const ds = c.dealSize;
  const planned = ds.planned === null ? "" : `, planned ${formatMoney(ds.planned, currency)}`;
  say(
    ds.observed === null
      ? `No deal won yet to measure the deal size${planned}`
      : `Average deal ${formatMoney(Math.round(ds.observed), currency)} from ${ds.deals} ${ds.deals === 1 ? "deal" : "deals"}${planned}`,
  );
  say(
    c.cycle.observed === null
      ? `Sales cycle: ${c.cycle.setting} days (the sales-cycle setting, until you win a deal you opened with acct opp)`
      : `Sales cycle: ${formatNumber(c.cycle.observed, 1)} days from opened to won (median of ${c.cycle.won})`,
  );

  out.push("", style.bold("The rest of the year"));
  const n = c.needed;
  const what = n.revenue !== null ? `${formatMoney(Math.round(n.revenue), currency)} still needed` : `${formatNumber(n.deals, 1)} deals still needed`;
  if (n.remainingWeeks <= 0) say(`${what}; no working week is left this year`);
  else if (n.callsPerWeek.observed === null) {
    const zero = c.stages.find((s) => s.rate === 0);
    const why = zero ? `you have converted none of ${formatCount(zero.trials)} ${zero.from} yet` : "a stage is at 0%";
    say(
      `${what} over ${formatNumber(n.remainingWeeks, 1)} working weeks: no number of calls reaches it at your rates (${why}); at the plan's, ${formatNumber(n.callsPerWeek.planned ?? 0, 0)} a week.`,
    );
  } else {
    const atPlan = n.callsPerWeek.planned === null ? "" : `, ${formatNumber(n.callsPerWeek.planned, 0)} at the plan's`;
    say(
      `${what} over ${formatNumber(n.remainingWeeks, 1)} working weeks: ${formatNumber(n.callsPerWeek.observed, 0)} calls a week at your rates${atPlan}. You make ${formatNumber(c.callsPerWeek, 0)} a week.`,
    );
  }

  out.push("", style.bold("Levers, by what each adds by Dec 31 at today's activity"));
  for (const [i, l] of c.levers.entries()) {
    const effect = saves(l);
    say(`${i + 1}. ${LEVER_NAMES[l.lever]} ${l.change}: ${worth(l, currency)}${effect ? `, ${effect}` : ""}`, "  ", "     ");
  }
  const best = describeBestLever(c.levers, currency);
  if (best !== null) say(style.bold(best), "  ");
  const lag = describeLag(c.lag);
  if (lag !== null) out.push("", ...wrapToWidth(style.yellow(lag), width, "  ", "    "));
  return cutLines(out.join("\n"), width);
}

import { inWeekOrder } from "../domain/dates.js";
import { computeAnnual, type AnnualTotals, type PlanInput } from "../domain/cascade.js";
import { splitLargestRemainder, type Plan } from "../domain/plan.js";
import { visibleControls } from "./escape.js";
import { formatCount, formatMoney, formatNumber, formatRate } from "./format.js";
import type { RenderOptions } from "./options.js";
import { renderTable } from "./table.js";
import { cutLines, wrapToWidth } from "./text-width.js";

/** A plan's inputs as JSON shows them: money in currency units, the spec's field names. */
export interface PlanInputsJson {
  unit: string;
  target: number;
  dealSize: number | null;
  winRate: number;
  meetingRate: number;
  callRate: number;
  workdays: string[];
  seasonality: number[];
  hoursPerDay: number;
  customerTime: number | null;
}

/** A plan's inputs as JSON: money in currency units. */
export function inputsToJson(input: PlanInput): PlanInputsJson {
  return {
    unit: input.unit,
    target: input.unit === "revenue" ? input.target / 100 : input.target,
    dealSize: input.dealSizeCents === null ? null : input.dealSizeCents / 100,
    winRate: input.winRate,
    meetingRate: input.meetingRate,
    callRate: input.callRate,
    workdays: [...input.workdays],
    seasonality: [...input.seasonality],
    hoursPerDay: input.hoursPerDay,
    customerTime: input.customerTime,
  };
}

/** One entry of the plan's history (`acct plan history`): the first plan or a revision, with its cascade. */
export interface RevisionJson extends PlanInputsJson {
  id: number;
  from: string;
  note: string | null;
  annual: AnnualTotals;
}

/** The plan's history for `plan history` and `plan show`: the first plan (id 1), then each revision in order. */
export function historyToJson(history: readonly { from: string; note: string | null; input: PlanInput }[]): RevisionJson[] {
  return history.map((r, i) => ({ id: i + 1, from: r.from, note: r.note, ...inputsToJson(r.input), annual: computeAnnual(r.input) }));
}

/** `plan history` as text: a line per plan, a long note wrapped under it to the width. */
export function renderHistoryText(entries: readonly RevisionJson[], { currency, width }: RenderOptions): string {
  return entries
    .flatMap((r) => {
      const target = r.unit === "revenue" ? formatMoney(r.target, currency) : `${formatNumber(r.target)} deals`;
      const note = r.note === null ? "" : ` — ${visibleControls(r.note)}`;
      return wrapToWidth(`#${r.id} from ${r.from}: ${target}, ${formatCount(r.annual.calls)} calls${note}`, width, "", "    ");
    })
    .join("\n");
}

export interface PlanJson extends PlanInputsJson {
  year: number;
  start: string;
  opening: Record<string, number>;
  revisions: RevisionJson[];
  workingDays: number;
  annual: Plan["annual"];
  months: Plan["months"];
  weeklyTargets: Record<string, number>;
}

/** What `plan show` shows of a year: the plan in effect, where it started, what came before, its revisions. */
export interface PlanView {
  plan: Plan;
  start: string;
  opening: Record<string, number>;
  history: readonly { from: string; note: string | null; input: PlanInput }[];
  /** The plan in effect's calls, meetings, opportunities and deals a week, over the weeks from its first day to Dec 31; null without a working day. */
  typicalWeek: Record<"calls" | "meetings" | "opportunities" | "deals", number> | null;
}

export function planToJson({ plan, start, opening, history }: PlanView, weeklyTargets: ReadonlyMap<string, number>): PlanJson {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    year: plan.year,
    start,
    opening,
    revisions: historyToJson(history).slice(1),
    ...inputsToJson(plan),
    workingDays: plan.months.reduce((sum, m) => sum + m.workingDays, 0),
    annual: plan.annual,
    months: plan.months.map((m) => ({
      ...m,
      revenue: r2(m.revenue),
      deals: r2(m.deals),
      opportunities: r2(m.opportunities),
      meetings: r2(m.meetings),
      calls: r2(m.calls),
    })),
    weeklyTargets: Object.fromEntries(weeklyTargets),
  };
}

export async function renderPlanText(
  view: PlanView,
  weeklyTargets: ReadonlyMap<string, number>,
  { style, currency, weekStart, width }: RenderOptions,
): Promise<string> {
  const { plan } = view;
  const a = plan.annual;
  const money = (units: number) => formatMoney(units, currency);
  const n = (x: number) => formatNumber(x);
  const workingDays = plan.months.reduce((sum, m) => sum + m.workingDays, 0);
  const lines: string[] = [];
  /** A sentence indented by two, wrapped to the width under four. */
  const say = (text: string) => lines.push(...wrapToWidth(text, width, "  ", "    "));
  const targetText = plan.unit === "revenue" ? `${money(plan.target / 100)} revenue` : `${n(plan.target)} deals`;
  lines.push(style.bold(`Plan ${plan.year}: ${targetText}`));
  if (view.start !== `${plan.year}-01-01`) say(`starts ${view.start}; nothing is planned before it`);
  const opening = Object.entries(view.opening);
  if (opening.length > 0) {
    say(
      `done before the start: ${opening.map(([metric, x]) => (metric === "revenue" ? `${money(x)} revenue` : `${n(x)} ${visibleControls(metric)}`)).join(", ")}`,
    );
  }
  for (const r of view.history.slice(1)) say(`revised from ${r.from}${r.note === null ? "" : `: ${visibleControls(r.note)}`}`);
  lines.push("");
  const step = (from: string, to: string) => `  ${from.padEnd(42)} → ${style.bold(to)}`;
  if (plan.unit === "revenue") {
    lines.push(step(`${money(plan.target / 100)} ÷ ${money((plan.dealSizeCents ?? 0) / 100)} a deal`, `${n(a.deals)} deals`));
  } else if (a.revenue !== null) {
    lines.push(step(`${n(a.deals)} deals × ${money((plan.dealSizeCents ?? 0) / 100)} a deal`, `${money(a.revenue)} revenue`));
  }
  lines.push(step(`${n(a.deals)} deals ÷ ${formatRate(plan.winRate)} win rate`, `${n(a.opportunities)} opportunities`));
  lines.push(step(`${n(a.opportunities)} opportunities ÷ ${formatRate(plan.meetingRate)} meeting rate`, `${n(a.meetings)} meetings`));
  lines.push(step(`${n(a.meetings)} meetings ÷ ${formatRate(plan.callRate)} call rate`, `${n(a.calls)} calls`));
  lines.push("");
  say(
    `${n(workingDays)} working days (${inWeekOrder(plan.workdays, weekStart).join(", ")}, ${formatNumber(plan.hoursPerDay, 2)} h a day)` +
      (plan.customerTime !== null ? `, customer-time goal ${formatRate(plan.customerTime)}` : ""),
  );
  const typical = view.typicalWeek;
  if (typical !== null) {
    const perWeek = (metric: keyof typeof typical) => formatCount(typical[metric]);
    say(`a typical week: ${perWeek("calls")} calls, ${perWeek("meetings")} meetings, ${perWeek("opportunities")} opportunities, ${perWeek("deals")} deals`);
  }
  for (const [type, target] of weeklyTargets) say(`weekly target: ${n(target)} ${visibleControls(type)}`);
  lines.push("");
  // Whole units that still add up: the months' exact figures split by largest remainder.
  const whole = (metric: "calls" | "meetings" | "opportunities" | "deals" | "revenue") => {
    const exact = plan.months.map((m) => m[metric]);
    return splitLargestRemainder(Math.round(exact.reduce((s, x) => s + x, 0)), exact);
  };
  const [calls, meetings, opportunities, deals, revenue] = (["calls", "meetings", "opportunities", "deals", "revenue"] as const).map(whole) as number[][];
  const rows: (string | number)[][] = plan.months.map((m, i) => [
    m.month,
    m.workingDays,
    n(calls?.[i] ?? 0),
    n(meetings?.[i] ?? 0),
    n(opportunities?.[i] ?? 0),
    n(deals?.[i] ?? 0),
    money(revenue?.[i] ?? 0),
  ]);
  const total = (xs: number[] | undefined) => (xs ?? []).reduce((s, x) => s + x, 0);
  rows.push([
    style.bold("Total"),
    style.bold(String(workingDays)),
    style.bold(n(total(calls))),
    style.bold(n(total(meetings))),
    style.bold(n(total(opportunities))),
    style.bold(n(total(deals))),
    style.bold(money(total(revenue))),
  ]);
  lines.push(await renderTable(["Month", "Days", "Calls", "Meetings", "Opps", "Deals", "Revenue"], rows, style));
  return cutLines(lines.join("\n"), width);
}

/** The plan as JSON and as a text page (the cascade, then the month table). */
import type { ChalkInstance } from "chalk";
import { inWeekOrder, type Weekday } from "../domain/dates.js";
import type { Plan } from "../domain/plan.js";
import { visibleControls } from "./escape.js";
import { formatMoney, formatNumber, formatRate } from "./format.js";
import type { RenderOptions } from "./options.js";
import { renderTable } from "./table.js";

export interface PlanJson {
  year: number;
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
  workingDays: number;
  annual: Plan["annual"];
  months: Plan["months"];
  weeklyTargets: Record<string, number>;
}

export function planToJson(plan: Plan, weeklyTargets: ReadonlyMap<string, number>): PlanJson {
  return {
    year: plan.year,
    unit: plan.unit,
    target: plan.unit === "revenue" ? plan.target / 100 : plan.target,
    dealSize: plan.dealSizeCents === null ? null : plan.dealSizeCents / 100,
    winRate: plan.winRate,
    meetingRate: plan.meetingRate,
    callRate: plan.callRate,
    workdays: [...plan.workdays],
    seasonality: [...plan.seasonality],
    hoursPerDay: plan.hoursPerDay,
    customerTime: plan.customerTime,
    workingDays: plan.months.reduce((sum, m) => sum + m.workingDays, 0),
    annual: plan.annual,
    months: plan.months,
    weeklyTargets: Object.fromEntries(weeklyTargets),
  };
}

export async function renderPlanText(plan: Plan, weeklyTargets: ReadonlyMap<string, number>, { style, currency, weekStart }: RenderOptions): Promise<string> {
  const a = plan.annual;
  const money = (units: number) => formatMoney(units, currency);
  const n = (x: number) => formatNumber(x);
  const workingDays = plan.months.reduce((sum, m) => sum + m.workingDays, 0);
  const weeks = workingDays / Math.max(1, plan.workdays.length);
  const lines: string[] = [];
  const targetText = plan.unit === "revenue" ? `${money(plan.target / 100)} revenue` : `${n(plan.target)} deals`;
  lines.push(style.bold(`Plan ${plan.year}: ${targetText}`), "");
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
  lines.push(
    `  ${n(workingDays)} working days (${inWeekOrder(plan.workdays, weekStart).join(", ")}, ${formatNumber(plan.hoursPerDay, 2)} h a day)` +
      (plan.customerTime !== null ? `, customer-time goal ${formatRate(plan.customerTime)}` : ""),
  );
  if (workingDays > 0) {
    const perWeek = (x: number) => formatNumber(x / weeks, 1);
    lines.push(`  a typical week: ${perWeek(a.calls)} calls, ${perWeek(a.meetings)} meetings, ${perWeek(a.opportunities)} opportunities, ${perWeek(a.deals)} deals`);
  }
  for (const [type, target] of weeklyTargets) lines.push(`  weekly target: ${n(target)} ${visibleControls(type)}`);
  lines.push("");
  const rows = plan.months.map((m) => [m.month, m.workingDays, n(m.calls), n(m.meetings), n(m.opportunities), n(m.deals), money(m.revenue)]);
  rows.push([
    style.bold("Total"),
    style.bold(String(workingDays)),
    style.bold(n(a.calls)),
    style.bold(n(a.meetings)),
    style.bold(n(a.opportunities)),
    style.bold(n(a.deals)),
    style.bold(money(plan.months.reduce((s, m) => s + m.revenue, 0))),
  ]);
  lines.push(await renderTable(["Month", "Days", "Calls", "Meetings", "Opps", "Deals", "Revenue"], rows, style));
  return lines.join("\n");
}

/** `acct status` (and `acct` alone): today and this week at a glance. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import type { Context } from "../context.js";
import { loadAudit, resolveAuditedWeek } from "./audit.js";
import { commitmentToJson, dueSoon } from "../../domain/commitments.js";
import { AcctError } from "../../domain/errors.js";
import { addDays, maxDate, mondayOf, weekdayOf } from "../../domain/dates.js";
import { buildGlance, findNextBlock } from "../../domain/status.js";
import { listBlockMarks, listBlocks } from "../../store/blocks.js";
import { loadCommitments } from "../../store/commitments.js";
import type { Db } from "../../store/connection.js";
import { totalsBetween } from "../../store/entries.js";
import { listWeeklyTargets, loadPlan } from "../../store/plans.js";
import { getCurrency } from "../../store/settings.js";
import { renderFirstRun, renderStatusText, statusToJson, type FirstRunJson, type StatusData } from "../../render/status.js";

/** The command a new user should type first. */
export const FIRST_PLAN_COMMAND = "acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%";

const DUE_SOON_DAYS = 7;

/** Gathers the glance from the data file, or null when there is no plan for this year. */
export function loadStatus(db: Db, today: string, nowMinutes: number): StatusData | null {
  const year = Number(today.slice(0, 4));
  const found = loadPlan(db, year);
  if (!found) return null;
  const { plan, calendar } = found;
  const jan1 = `${year}-01-01`;
  // The week's plan stops at the year's edge, so its actual does too.
  const weekStart = maxDate(mondayOf(today), jan1);
  const glance = buildGlance({
    plan,
    calendar,
    weeklyTargets: listWeeklyTargets(db),
    today,
    todayTotals: totalsBetween(db, today, today),
    weekTotals: totalsBetween(db, weekStart, today),
    ytdTotals: totalsBetween(db, jan1, today),
  });
  const horizon = addDays(today, 14);
  const nextBlock = findNextBlock(listBlocks(db), listBlockMarks(db, today, horizon), calendar, today, nowMinutes);
  const commitments = loadCommitments(db, today);
  const soon = dueSoon(commitments, today, addDays(today, DUE_SOON_DAYS)).map(commitmentToJson);
  // Missed but never carried on or dropped: still the user's to deal with.
  const overdue = commitments.filter((c) => c.status === "missed" && c.carriedTo === null && c.due >= addDays(today, -14)).map(commitmentToJson);
  return { glance, nextBlock, dueSoon: soon, overdue, streak: streakOf(db, today) };
}

/** Weeks on plan, as the audit counts them; null when the audit has no plan for this ISO week's year (early January). */
function streakOf(db: Db, today: string): number | null {
  try {
    return loadAudit(db, resolveAuditedWeek({}, today), today).celebrations.streak;
  } catch (error) {
    if (error instanceof AcctError) return null;
    throw error;
  }
}

/** Prints the status page (or the first-run message) for the context's data file. */
export async function printStatus(ctx: Context): Promise<void> {
  const db = ctx.read();
  const data = db ? loadStatus(db, ctx.today, ctx.clock.minutes) : null;
  if (!data) {
    const reason: FirstRunJson["reason"] = db ? "no-plan" : "no-database";
    if (ctx.json) {
      const first: FirstRunJson = { ready: false, reason, next: FIRST_PLAN_COMMAND };
      ctx.printJson(first);
    } else {
      ctx.print(renderFirstRun(reason, FIRST_PLAN_COMMAND, ctx.style));
    }
    return;
  }
  if (ctx.json) return ctx.printJson(statusToJson(data));
  const currency = getCurrency(db);
  ctx.print(renderStatusText(data, ctx.style, weekdayOf(ctx.today), currency));
}

/** What `acct` alone runs. */
export async function showStatus(app: App, command: Command): Promise<void> {
  await printStatus(app.context(command));
}

export function statusCommand(app: App): Command {
  const status = new Command("status")
    .description("today and this week at a glance: progress bars, buffer, next block, commitments due (also: acct alone)")
    .action((_flags: object, command: Command) => showStatus(app, command));
  return withExamples(status, ["acct", "acct status --json", "ACCT_NOW=2026-03-13 acct status --no-color"]);
}

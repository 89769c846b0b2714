/** `acct plan set|show|target`: the annual cascade and its monthly split. */
import { Argument, Command, Option } from "commander";
import { completes } from "../completes.js";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import type { Context } from "../context.js";
import { missingFlags } from "../prompts.js";
import { METRIC_OF_TYPE, resolveType } from "../../domain/activity-types.js";
import { checkCascade, type PlanInput, type PlanUnit } from "../../domain/cascade.js";
import { failure, usageError } from "../../domain/errors.js";
import { parseCount, parseHours, parseMoney, parseRate, parseSeasonality, parseWeekdays, parseYear } from "../../domain/parse.js";
import { listCustomTypes, listWeeklyTargets, loadPlan, savePlanInput, setWeeklyTarget } from "../../store/plans.js";
import { getSetting } from "../../store/settings.js";
import { planToJson, renderPlanText } from "../../render/plan.js";
import { visibleControls } from "../../render/escape.js";

interface SetFlags {
  year?: string;
  target?: string;
  unit?: string;
  dealSize?: string;
  winRate?: string;
  meetingRate?: string;
  callRate?: string;
  workdays?: string;
  seasonality?: string;
  hoursPerDay?: string;
  customerTime?: string;
}

const FLAG_NAMES: Record<keyof SetFlags, string> = {
  year: "--year",
  target: "--target",
  unit: "--unit",
  dealSize: "--deal-size",
  winRate: "--win-rate",
  meetingRate: "--meeting-rate",
  callRate: "--call-rate",
  workdays: "--workdays",
  seasonality: "--seasonality",
  hoursPerDay: "--hours-per-day",
  customerTime: "--customer-time",
};

function parseUnit(value: string): PlanUnit {
  const unit = value.trim().toLowerCase();
  if (unit !== "revenue" && unit !== "deals") throw usageError(`unit '${value}' must be revenue or deals`);
  return unit;
}

function parseTarget(value: string, unit: PlanUnit): number {
  return unit === "revenue" ? parseMoney(value, "target") : parseCount(value, "target (deals)");
}

/** Flags the plan still needs: the three rates, the target, and a deal size for revenue plans. */
function missingOf(flags: SetFlags): (keyof SetFlags)[] {
  const unit = flags.unit ? parseUnit(flags.unit) : "revenue";
  const required: (keyof SetFlags)[] = ["target", ...(unit === "revenue" ? (["dealSize"] as const) : []), "winRate", "meetingRate", "callRate"];
  return required.filter((k) => flags[k] === undefined);
}

/** Parses every flag; all parse errors surface before anything is written. */
export function planInputFromFlags(flags: SetFlags, defaultYear: number): PlanInput {
  const unit = flags.unit ? parseUnit(flags.unit) : "revenue";
  return {
    year: flags.year ? parseYear(flags.year) : defaultYear,
    unit,
    target: parseTarget(flags.target as string, unit),
    dealSizeCents: flags.dealSize ? parseMoney(flags.dealSize, "deal size") : null,
    winRate: parseRate(flags.winRate as string, "win rate"),
    meetingRate: parseRate(flags.meetingRate as string, "meeting rate"),
    callRate: parseRate(flags.callRate as string, "call rate"),
    workdays: parseWeekdays(flags.workdays ?? "mon,tue,wed,thu,fri"),
    seasonality: flags.seasonality ? parseSeasonality(flags.seasonality) : Array.from({ length: 12 }, () => 1),
    hoursPerDay: flags.hoursPerDay ? parseHours(flags.hoursPerDay) : 8,
    customerTime: flags.customerTime ? parseRate(flags.customerTime, "customer time") : null,
  };
}

/** Parses the flags that were given, so a bad value is reported before a missing one. */
function validateGiven(flags: SetFlags, defaultYear: number): void {
  const complete: SetFlags = { target: "1", dealSize: "1", winRate: "1", meetingRate: "1", callRate: "1", ...flags };
  planInputFromFlags(complete, defaultYear);
}

/** Asks for every input the flags did not give, defaulting to the stored plan's values. */
async function askPlan(flags: SetFlags, current: PlanInput | null, defaultYear: number): Promise<SetFlags> {
  const { askChoice, askText } = await import("../prompts.js");
  const pct = (r: number | undefined | null) => (r == null ? undefined : `${Math.round(r * 10000) / 100}%`);
  const out: SetFlags = { ...flags };
  out.year ??= await askText("Plan year", { default: String(current?.year ?? defaultYear), parse: parseYear });
  out.unit ??= await askChoice<PlanUnit>(
    "Is the target revenue or a number of deals?",
    [
      { name: "revenue", value: "revenue" },
      { name: "deals", value: "deals" },
    ],
    current?.unit ?? "revenue",
  );
  const unit = parseUnit(out.unit);
  const money = (cents: number | null | undefined) => (cents == null ? undefined : String(cents / 100));
  out.target ??= await askText(unit === "revenue" ? "Annual revenue target (e.g. 1.2m)" : "Deals to win this year", {
    default: current && current.unit === unit ? (unit === "revenue" ? money(current.target) : String(current.target)) : undefined,
    parse: (v) => parseTarget(v, unit),
  });
  out.dealSize ??= await askText(unit === "revenue" ? "Average won deal (e.g. 40k)" : "Average won deal (optional, for revenue)", {
    default: money(current?.dealSizeCents),
    parse: (v) => parseMoney(v, "deal size"),
    optional: unit === "deals",
  });
  if (out.dealSize === "") delete out.dealSize;
  out.winRate ??= await askText("Win rate: opportunities that become won deals (e.g. 25%)", { default: pct(current?.winRate), parse: parseRate });
  out.meetingRate ??= await askText("Meeting rate: meetings that become opportunities (e.g. 50%)", { default: pct(current?.meetingRate), parse: parseRate });
  out.callRate ??= await askText("Call rate: calls that become meetings (e.g. 10%)", { default: pct(current?.callRate), parse: parseRate });
  out.workdays ??= await askText("Workdays", { default: (current?.workdays ?? ["mon", "tue", "wed", "thu", "fri"]).join(","), parse: (v) => parseWeekdays(v) });
  out.seasonality ??= await askText("Seasonality: 12 month weights", { default: (current?.seasonality ?? Array(12).fill(1)).join(","), parse: parseSeasonality });
  out.hoursPerDay ??= await askText("Working hours a day", { default: String(current?.hoursPerDay ?? 8), parse: parseHours });
  out.customerTime ??= await askText("Goal share of time with customers (optional, e.g. 30%)", { default: pct(current?.customerTime), parse: parseRate, optional: true });
  if (out.customerTime === "") delete out.customerTime;
  return out;
}

async function showPlan(ctx: Context, year: number, planFound: ReturnType<typeof loadPlan>, weeklyTargets: Map<string, number>): Promise<void> {
  if (!planFound) throw failure(`there is no plan for ${year}`, `create one with: acct plan set --year ${year} --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%`);
  if (ctx.json) {
    ctx.printJson(planToJson(planFound.plan, weeklyTargets));
    return;
  }
  ctx.print(await renderPlanText(planFound.plan, weeklyTargets, ctx.render));
}

const currentYear = (ctx: Context) => Number(ctx.today.slice(0, 4));

export function planCommand(app: App): Command {
  const plan = new Command("plan").description("set and show the annual plan: target → deals → opportunities → meetings → calls");

  const set = plan
    .command("set")
    .description("store the plan for a year (replaces that year's plan); asks on a terminal when no flags are given")
    .option("--year <year>", "plan year (default: this year)")
    .option("--target <amount>", "annual target: money (unit revenue) or a number of deals (unit deals)")
    .addOption(new Option("--unit <unit>", "what the target counts").choices(["revenue", "deals"]))
    .option("--deal-size <amount>", "average won deal (required for unit revenue)")
    .option("--win-rate <rate>", "opportunity → won deal, e.g. 25% or 0.25")
    .option("--meeting-rate <rate>", "meeting → opportunity")
    .option("--call-rate <rate>", "call → meeting")
    .option("--workdays <days>", "working weekdays (default mon,tue,wed,thu,fri)")
    .option("--seasonality <weights>", "12 month weights (default all 1)")
    .option("--hours-per-day <hours>", "working hours a day (default 8)")
    .option("--customer-time <rate>", "goal share of working time with customers")
    .action(async (flags: SetFlags, command: Command) => {
      const ctx = app.context(command);
      let given: SetFlags = flags;
      const noFlags = Object.values(flags).every((v) => v === undefined);
      validateGiven(given, currentYear(ctx));
      const missing = missingOf(given);
      if (noFlags || missing.length > 0) {
        if (!ctx.interactive) {
          missingFlags("plan set", missing.map((k) => FLAG_NAMES[k]));
        }
        const db = ctx.read();
        const year = given.year ? parseYear(given.year) : currentYear(ctx);
        given = await askPlan(given, db ? (loadPlan(db, year)?.plan ?? null) : null, currentYear(ctx));
      }
      // `acct config set hours-per-day` is the default when the flag is left out.
      given = { ...given, hoursPerDay: given.hoursPerDay ?? getSetting(ctx.read(), "hours-per-day") ?? undefined };
      const input = planInputFromFlags(given, currentYear(ctx));
      if (input.unit === "revenue" && input.dealSizeCents === null) throw usageError("a revenue plan needs --deal-size");
      checkCascade(input);
      const stored = ctx.transaction(`plan set ${input.year}`, (db, journal) => {
        savePlanInput(db, input, ctx.clock.stamp, journal);
        return { found: loadPlan(db, input.year), weeklyTargets: listWeeklyTargets(db) };
      });
      await showPlan(ctx, input.year, stored.found, stored.weeklyTargets);
    });
  withExamples(set, [
    "acct plan set --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%",
    "acct plan set --year 2027 --unit deals --target 24 --win-rate 0.3 --meeting-rate 0.5 --call-rate 0.08 --seasonality 1,1,1.2,1,1,1,0.7,0.6,1,1.1,1.2,0.9",
    "acct plan set        # on a terminal: a wizard asks for each input",
  ]);

  const showAction = async (flags: { year?: string }, command: Command) => {
    const ctx = app.context(command);
    const year = flags.year ? parseYear(flags.year) : currentYear(ctx);
    const db = ctx.read();
    await showPlan(ctx, year, db ? loadPlan(db, year) : null, db ? listWeeklyTargets(db) : new Map());
  };
  const show = plan
    .command("show")
    .description("print the cascade and the month-by-month table (the default)")
    .option("--year <year>", "plan year (default: this year)")
    .action(showAction);
  withDefaultAction(plan, (command) => showAction({}, command));
  withExamples(show, ["acct plan show", "acct plan show --year 2027 --json"]);

  const target = plan
    .command("target")
    .addArgument(completes(new Argument("<type>"), "type"))
    .argument("<per-week>")
    .description("set a weekly target for email or a custom type (e.g. linkedin 25)")
    .action((typeName: string, perWeek: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const count = parseCount(perWeek, "weekly target");
      const known = ctx.read();
      const type = resolveType(typeName, known ? listCustomTypes(known) : []);
      if (type in METRIC_OF_TYPE) {
        throw usageError(`${type} targets come from the plan's cascade`, "change them with acct plan set (rates, target, deal size)");
      }
      const result = ctx.transaction(`plan target ${type}`, (db, journal) => {
        setWeeklyTarget(db, type, count, journal);
        return { type, perWeek: count };
      });
      if (ctx.json) ctx.printJson(result);
      else ctx.print(`weekly target: ${result.perWeek} ${visibleControls(result.type)}`);
    });
  withExamples(target, ["acct type add linkedin && acct plan target linkedin 25", "acct plan target email 50"]);

  return plan;
}

/** `acct plan set|show|history|target`: the annual cascade, its revisions, and the schedule's months. */
import { Argument, Command, Option } from "commander";
import { completes } from "../completes.js";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import type { Context } from "../context.js";
import { missingFlags } from "../prompts.js";
import { METRIC_OF_TYPE, resolveType } from "../../domain/activity-types.js";
import { checkCascade, type PlanInput, type PlanUnit } from "../../domain/cascade.js";
import { buildWhatIf } from "../../domain/coach.js";
import { planOn } from "../../domain/plan.js";
import { makeCalendar } from "../../domain/calendar.js";
import { checkPlannableFrom } from "../../domain/schedule.js";
import { doneSoFar, stillNeeded } from "../../reports/coach.js";
import { renderWhatIfText, whatIfToJson } from "../../render/what-if.js";
import { failure, usageError } from "../../domain/errors.js";
import { addDays, type IsoDate } from "../../domain/dates.js";
import {
  parseCount,
  parseDate,
  parseHours,
  parseMoney,
  parseRate,
  parseSeasonality,
  parseText,
  parseWeekdays,
  parseWholeNumber,
  parseYear,
} from "../../domain/parse.js";
import {
  addRevision,
  listCustomTypes,
  listDaysOff,
  loadPlan,
  replacePlanOn,
  saveFirstPlan,
  setTypeTarget,
  weeklyTargetsOn,
  type LoadedPlan,
} from "../../store/plans.js";
import { hasEntriesBetween } from "../../store/entries.js";
import { getSetting } from "../../store/settings.js";
import { historyToJson, planToJson, renderHistoryText, renderPlanText, type PlanView } from "../../render/plan.js";
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
  start?: string;
  opening?: string;
  from?: string;
  note?: string;
}

/** Flags that describe the plan itself (not when it takes effect). */
const PLAN_FLAGS = ["target", "unit", "dealSize", "winRate", "meetingRate", "callRate", "workdays", "seasonality", "hoursPerDay", "customerTime"] as const;

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
  start: "--start",
  opening: "--opening",
  from: "--from",
  note: "--note",
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

/** A revision's inputs: the current plan's, with the flags given in their place (seasonality, workdays, customer time included). */
function reviseInput(current: PlanInput, flags: SetFlags): PlanInput {
  const unit = flags.unit ? parseUnit(flags.unit) : current.unit;
  if (unit !== current.unit && flags.target === undefined) throw usageError("changing --unit needs a --target in that unit");
  return {
    ...current,
    unit,
    target: flags.target !== undefined ? parseTarget(flags.target, unit) : current.target,
    dealSizeCents: flags.dealSize !== undefined ? parseMoney(flags.dealSize, "deal size") : current.dealSizeCents,
    winRate: flags.winRate !== undefined ? parseRate(flags.winRate, "win rate") : current.winRate,
    meetingRate: flags.meetingRate !== undefined ? parseRate(flags.meetingRate, "meeting rate") : current.meetingRate,
    callRate: flags.callRate !== undefined ? parseRate(flags.callRate, "call rate") : current.callRate,
    workdays: flags.workdays !== undefined ? parseWeekdays(flags.workdays) : current.workdays,
    seasonality: flags.seasonality !== undefined ? parseSeasonality(flags.seasonality) : current.seasonality,
    hoursPerDay: flags.hoursPerDay !== undefined ? parseHours(flags.hoursPerDay) : current.hoursPerDay,
    customerTime: flags.customerTime !== undefined ? parseRate(flags.customerTime, "customer time") : current.customerTime,
  };
}

/**
 * The first day a new plan covers: `--start`, else Jan 1 — except for this
 * year once it has begun, when nothing has been logged before today: today
 * (a seller who starts in March is not behind for January and February).
 */
function startOf(flag: string | undefined, year: number, today: IsoDate, loggedBefore: (date: IsoDate) => boolean): IsoDate {
  if (flag !== undefined) {
    const start = parseDate(flag, today, "--start");
    if (Number(start.slice(0, 4)) !== year) throw usageError(`--start ${start} is not in the plan year ${year}`);
    return start;
  }
  const jan1 = `${year}-01-01`;
  return Number(today.slice(0, 4)) === year && today > jan1 && !loggedBefore(today) ? today : jan1;
}

/** `revenue=420k,deals=11,calls=1200`: what was done in the plan year before the start and is not logged. */
export function parseOpening(text: string, customTypes: readonly string[]): Record<string, number> {
  const opening: Record<string, number> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")) {
    const [name = "", value = ""] = part.split("=").map((x) => x.trim());
    if (value === "") throw usageError(`--opening '${part}' is not NAME=VALUE`, "e.g. --opening revenue=420k,deals=11,calls=1200");
    const metric = name.toLowerCase() === "revenue" ? "revenue" : metricOfType(resolveType(name, customTypes));
    if (Object.hasOwn(opening, metric)) throw usageError(`--opening names ${metric} twice`, "give each metric once, e.g. --opening calls=1200");
    opening[metric] = metric === "revenue" ? parseMoney(value, "opening revenue") / 100 : parseWholeNumber(value, `opening ${metric}`, 0, 10_000_000);
  }
  return opening;
}

/** The metric an entry type's counts make: `call` → `calls`, a custom type its own name. */
function metricOfType(type: string): string {
  return Object.hasOwn(METRIC_OF_TYPE, type) ? (METRIC_OF_TYPE[type] as string) : type;
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
  out.seasonality ??= await askText("Seasonality: 12 month weights", {
    default: (current?.seasonality ?? Array(12).fill(1)).join(","),
    parse: parseSeasonality,
  });
  out.hoursPerDay ??= await askText("Working hours a day", { default: String(current?.hoursPerDay ?? 8), parse: parseHours });
  out.customerTime ??= await askText("Goal share of time with customers (optional, e.g. 30%)", {
    default: pct(current?.customerTime),
    parse: parseRate,
    optional: true,
  });
  if (out.customerTime === "") delete out.customerTime;
  return out;
}

/** What `plan show` shows of a loaded year. */
function viewOf(loaded: LoadedPlan): PlanView {
  const history = [{ from: loaded.first.start, note: loaded.first.note, input: loaded.first.input }, ...loaded.revisions];
  // A typical week of the plan in effect: what it spreads from its first day to Dec 31, over the weeks left then.
  const from = history.at(-1)?.from ?? loaded.first.start;
  const dec31 = `${loaded.plan.year}-12-31`;
  const weeks = loaded.schedule.workingDaysBetween(from, dec31) / Math.max(1, loaded.plan.workdays.length);
  const perWeek = (metric: "calls" | "meetings" | "opportunities" | "deals") => loaded.schedule.planBetween(metric, from, dec31) / weeks;
  return {
    plan: loaded.plan,
    start: loaded.first.start,
    opening: loaded.first.opening,
    history,
    typicalWeek:
      weeks > 0 ? { calls: perWeek("calls"), meetings: perWeek("meetings"), opportunities: perWeek("opportunities"), deals: perWeek("deals") } : null,
  };
}

async function showPlan(ctx: Context, year: number, loaded: LoadedPlan | null, weeklyTargets: Map<string, number>): Promise<void> {
  if (!loaded)
    throw failure(
      `there is no plan for ${year}`,
      `create one with: acct plan set --year ${year} --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%`,
    );
  if (ctx.json) return ctx.printJson(planToJson(viewOf(loaded), weeklyTargets));
  ctx.print(await renderPlanText(viewOf(loaded), weeklyTargets, ctx.render));
}

const currentYear = (ctx: Context) => Number(ctx.today.slice(0, 4));

/** Stores a revision of a year's plan from `--from` (default today): the flags given replace the current inputs. */
async function revisePlan(ctx: Context, year: number, current: LoadedPlan, flags: SetFlags): Promise<void> {
  // Running the same `plan set` again names the same start: only a different one is a mistake.
  const sameStart = flags.start === undefined || parseDate(flags.start, ctx.today, "--start") === current.first.start;
  if (!sameStart || flags.opening !== undefined)
    throw usageError(`${year} has a plan: --start and --opening are for the first plan only`, "a revision takes effect --from a day");
  if (PLAN_FLAGS.every((k) => flags[k] === undefined)) {
    throw usageError(
      `${year} has a plan: give the flags to change, e.g. --target or --win-rate`,
      `a revision starts from the plan in effect; see it with acct plan show --year ${year}`,
    );
  }
  const input = reviseInput(current.plan, flags);
  if (input.unit === "revenue" && input.dealSizeCents === null) throw usageError("a revenue plan needs --deal-size");
  checkCascade(input);
  const latest = current.revisions.at(-1)?.from ?? current.first.start;
  // Default today; before the plan has begun, the change corrects it from its first day (none of it has passed).
  const from = flags.from !== undefined ? parseDate(flags.from, ctx.today, "--from") : ctx.today < current.first.start ? latest : ctx.today;
  if (Number(from.slice(0, 4)) !== year)
    throw usageError(
      `--from ${from} is not in the plan year ${year}`,
      flags.from === undefined ? `give the day it takes effect with --from ${year}-MM-DD` : undefined,
    );
  if (from < latest) throw usageError(`--from ${from} is before ${latest}, when the plan in effect began`, "a revision takes effect after the one before it");
  checkPlannableFrom(input, from, current.calendar);
  const note = flags.note === undefined ? null : parseText(flags.note, "--note");
  // On the day the plan in effect began, a change corrects it: nothing of it has passed yet.
  const sameDay = from === latest;
  const stored = ctx.transaction(sameDay ? `plan set ${year}` : `plan revision ${year} from ${from}`, (db, journal) => {
    if (sameDay) replacePlanOn(db, year, from, input, note, ctx.clock.stamp, journal);
    else addRevision(db, { input, from, note, at: ctx.clock.stamp }, journal);
    return { found: loadPlan(db, year), weeklyTargets: weeklyTargetsOn(db, ctx.today) };
  });
  await showPlan(ctx, year, stored.found, stored.weeklyTargets);
  if (!ctx.json)
    ctx.print(
      sameDay
        ? `\ncorrected the plan that began ${from} (undo with: acct undo)`
        : `\nrevised from ${from}: days before it keep their targets (undo with: acct undo)`,
    );
}

/** What a new plan's owner does next. */
function nextSteps(ctx: Context, start: IsoDate): string {
  const s = ctx.style;
  return [
    "",
    s.bold("Next:"),
    `  days off you already know:   acct off add ${start.slice(0, 4)}-12-24..${start.slice(0, 4)}-12-31 --reason holidays`,
    "  time for the calls:          acct block suggest",
    "  then every day:              acct log call 5",
  ].join("\n");
}

export function planCommand(app: App): Command {
  const plan = new Command("plan").description("set and show the annual plan: target → deals → opportunities → meetings → calls");

  const set = plan
    .command("set")
    .description("store the plan for a year; for a year that has one, a revision from --from (default today); asks on a terminal")
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
    .option("--start <date>", "first plan of a year only: the first day it covers (default Jan 1; this year, once begun and with nothing logged: today)")
    .option("--opening <list>", "first plan only: what was done this year before the start, e.g. revenue=420k,deals=11,calls=1200")
    .option("--from <date>", "a revision only: the day it takes effect (default today)")
    .option("--note <text>", "why: kept with the plan or revision")
    .action(async (flags: SetFlags, command: Command) => {
      const ctx = app.context(command);
      const year = flags.year ? parseYear(flags.year) : currentYear(ctx);
      const existing = ctx.read();
      const current = existing ? loadPlan(existing, year) : null;
      if (current) return revisePlan(ctx, year, current, flags);
      if (flags.from !== undefined) throw usageError(`${year} has no plan yet: --from is for a revision`, "give the first plan's first day with --start");
      let given: SetFlags = flags;
      const noFlags = PLAN_FLAGS.every((k) => flags[k] === undefined);
      validateGiven(given, currentYear(ctx));
      const missing = missingOf(given);
      if (noFlags || missing.length > 0) {
        if (!ctx.interactive)
          missingFlags(
            "plan set",
            missing.map((k) => FLAG_NAMES[k]),
          );
        given = await askPlan(given, null, currentYear(ctx));
      }
      // `acct config set hours-per-day` is the default when the flag is left out.
      given = { ...given, hoursPerDay: given.hoursPerDay ?? getSetting(ctx.read(), "hours-per-day") ?? undefined };
      const input = planInputFromFlags(given, currentYear(ctx));
      if (input.unit === "revenue" && input.dealSizeCents === null) throw usageError("a revenue plan needs --deal-size");
      checkCascade(input);
      const start = startOf(given.start, input.year, ctx.today, (date) =>
        existing ? hasEntriesBetween(existing, `${input.year}-01-01`, addDays(date, -1)) : false,
      );
      if (given.opening === undefined && start > `${input.year}-01-01` && ctx.interactive && noFlags) {
        const { askText } = await import("../prompts.js");
        given.opening = await askText(`Done this year before ${start}, not logged (e.g. revenue=420k,deals=11; blank for none)`, {
          optional: true,
          parse: (v) => parseOpening(v, existing ? listCustomTypes(existing) : []),
        });
      }
      checkPlannableFrom(input, start, makeCalendar([], existing ? listDaysOff(existing) : []));
      const opening = given.opening ? parseOpening(given.opening, existing ? listCustomTypes(existing) : []) : {};
      if (Object.keys(opening).length > 0 && start === `${input.year}-01-01`)
        throw usageError(
          `--opening is what was done before the plan's start, and ${start} is the first day of ${input.year}`,
          "give --start D for a plan that starts later",
        );
      const note = given.note === undefined ? null : parseText(given.note, "--note");
      const stored = ctx.transaction(`plan set ${input.year}`, (db, journal) => {
        saveFirstPlan(db, { input, start, opening, note, at: ctx.clock.stamp }, journal);
        return { found: loadPlan(db, input.year), weeklyTargets: weeklyTargetsOn(db, ctx.today) };
      });
      await showPlan(ctx, input.year, stored.found, stored.weeklyTargets);
      if (!ctx.json) ctx.print(nextSteps(ctx, start));
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
    await showPlan(ctx, year, db ? loadPlan(db, year) : null, db ? weeklyTargetsOn(db, ctx.today) : new Map());
  };
  const show = plan
    .command("show")
    .description("print the cascade and the month-by-month table (the default)")
    .option("--year <year>", "plan year (default: this year)")
    .action(showAction);
  withDefaultAction(plan, (command) => showAction({}, command));
  withExamples(show, ["acct plan show", "acct plan show --year 2027 --json"]);

  const history = plan
    .command("history")
    .description("the year's first plan and its revisions, each with the day it took effect and why")
    .option("--year <year>", "plan year (default: this year)")
    .action((flags: { year?: string }, command: Command) => {
      const ctx = app.context(command);
      const year = flags.year ? parseYear(flags.year) : currentYear(ctx);
      const db = ctx.read();
      const loaded = db ? loadPlan(db, year) : null;
      if (!loaded)
        throw failure(
          `there is no plan for ${year}`,
          `create one with: acct plan set --year ${year} --target 1.2m --deal-size 40k --win-rate 25% --meeting-rate 50% --call-rate 10%`,
        );
      const entries = historyToJson(viewOf(loaded).history);
      if (ctx.json) return ctx.printJson(entries);
      ctx.print(renderHistoryText(entries, ctx.render));
    });
  withExamples(history, ["acct plan history", "acct plan history --year 2026 --json"]);

  const target = plan
    .command("target")
    .addArgument(completes(new Argument("<type>"), "type"))
    .argument("<per-week>")
    .description("set a weekly target for email or a custom type (e.g. linkedin 25), from a day on")
    .option("--from <date>", "the day it takes effect (default today, or the plan's start if later)")
    .action((typeName: string, perWeek: string, flags: { from?: string }, command: Command) => {
      const ctx = app.context(command);
      const count = parseWholeNumber(perWeek, "weekly target", 0, 100_000);
      const known = ctx.read();
      const type = resolveType(typeName, known ? listCustomTypes(known) : []);
      if (type in METRIC_OF_TYPE) {
        throw usageError(`${type} targets come from the plan's cascade`, "change them with acct plan set (rates, target, deal size)");
      }
      const start = known ? loadPlan(known, currentYear(ctx))?.first.start : undefined;
      const from = flags.from !== undefined ? parseDate(flags.from, ctx.today, "--from") : start !== undefined && start > ctx.today ? start : ctx.today;
      const result = ctx.transaction(`plan target ${type}`, (db, journal) => {
        setTypeTarget(db, type, from, count, journal);
        return { type, perWeek: count, from };
      });
      if (ctx.json) ctx.printJson(result);
      else ctx.print(`weekly target: ${result.perWeek} ${visibleControls(result.type)} from ${from}`);
    });
  withExamples(target, ["acct type add linkedin && acct plan target linkedin 25", "acct plan target email 50"]);

  const whatIf = plan
    .command("what-if")
    .description("the cascade and the weekly needs for the rest of the year with other rates or target, beside the plan; writes nothing unless --apply")
    .option("--target <amount>", "annual target")
    .option("--deal-size <amount>", "average won deal")
    .option("--win-rate <rate>", "opportunity → won deal")
    .option("--meeting-rate <rate>", "meeting → opportunity")
    .option("--call-rate <rate>", "call → meeting")
    .option("--apply", "store it as a revision of the plan from today")
    .action(async (flags: SetFlags & { apply?: boolean }, command: Command) => {
      const ctx = app.context(command);
      const year = currentYear(ctx);
      const db = ctx.read();
      const current = db ? loadPlan(db, year) : null;
      if (!db || !current)
        throw failure(`there is no plan for ${year}`, "what-if changes a plan: set one first with acct plan set --target 1.2m --deal-size 40k …");
      const given = (["target", "dealSize", "winRate", "meetingRate", "callRate"] as const).filter((k) => flags[k] !== undefined);
      if (given.length === 0)
        throw usageError(
          "plan what-if needs something to change",
          "e.g. acct plan what-if --win-rate 30% (or --target, --deal-size, --meeting-rate, --call-rate)",
        );
      const changes: SetFlags = Object.fromEntries(given.map((k) => [k, flags[k]]));
      const now = planOn(current.schedule, ctx.today);
      const input = reviseInput(now, changes);
      if (input.unit === "revenue" && input.dealSizeCents === null) throw usageError("a revenue plan needs --deal-size");
      checkCascade(input);
      if (flags.apply) return revisePlan(ctx, year, current, { ...changes, note: `what-if: ${given.map((k) => `${FLAG_NAMES[k]} ${flags[k]}`).join(" ")}` });
      const need = stillNeeded(db, current, ctx.today);
      const data = buildWhatIf(year, ctx.today, now, input, doneSoFar(db, current, ctx.today), need.remainingWeeks);
      if (ctx.json) return ctx.printJson(whatIfToJson(data));
      ctx.print(await renderWhatIfText(data, ctx.render));
      ctx.note(`nothing was written; store it from today with: acct plan what-if ${given.map((k) => `${FLAG_NAMES[k]} ${flags[k]}`).join(" ")} --apply`);
    });
  withExamples(whatIf, ["acct plan what-if --win-rate 30%", "acct plan what-if --target 1.5m --deal-size 45k", "acct plan what-if --call-rate 12% --apply"]);

  return plan;
}

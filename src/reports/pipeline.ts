/** The pipeline's loaders: the deals as they stood on a day, one deal's history, and the pipeline against the plan. */
import { stillNeeded } from "./coach.js";
import { monthRange } from "../domain/calendar.js";
import type { IsoDate } from "../domain/dates.js";
import { usageError } from "../domain/errors.js";
import { buildPipeline, stagesFrom, viewDeal, type DealView, type Pipeline, type Stage } from "../domain/pipeline.js";
import type { Db } from "../store/connection.js";
import { loadDealRecords, progressOf } from "../store/opportunities.js";
import { loadPlan, planInEffectOn, type LoadedPlan } from "../store/plans.js";
import { getSetting } from "../store/settings.js";

export interface PipelineSettings {
  stages: Stage[];
  idleDays: number;
  coverageGoal: number;
}

/** The stages, idle days and coverage goal the settings give (their defaults when not set). */
export function pipelineSettings(db: Db | null): PipelineSettings {
  const idle = Number(getSetting(db, "idle-days") ?? "14");
  const goal = Number(getSetting(db, "coverage-goal") ?? "3");
  return {
    stages: stagesFrom(getSetting(db, "stages"), getSetting(db, "stage-probabilities")),
    idleDays: Number.isInteger(idle) && idle > 0 ? idle : 14,
    coverageGoal: goal > 0 ? goal : 3,
  };
}

/**
 * Every deal as it stood on `asOf` (deals opened after it left out), oldest
 * first; for the pipeline of `year`, only those open then or closed in the year.
 */
export function loadDeals(db: Db, asOf: IsoDate, settings: PipelineSettings = pipelineSettings(db), year?: number): DealView[] {
  const progress = progressOf(db);
  const records = loadDealRecords(db, { openedBy: asOf, historyIfOpenOn: asOf, ...(year === undefined ? {} : { openOrClosedIn: { asOf, year } }) });
  return records.map((r) => viewDeal(r, asOf, settings.idleDays, progress, { changes: false }));
}

/** One deal as it stands on `today`, or exit 2 naming the id. */
export function loadDeal(db: Db | null, id: number, today: IsoDate): DealView {
  const records = db ? loadDealRecords(db, { id }) : [];
  const found = records[0];
  if (!db || !found) throw usageError(`no opportunity with id ${id}`, "see acct opp list");
  return viewDeal(found, today, pipelineSettings(db).idleDays, progressOf(db));
}

/** The pipeline before there is a data file: nothing open, nothing needed. */
export function emptyPipeline(asOf: IsoDate): Pipeline {
  const settings = pipelineSettings(null);
  return buildPipeline({
    deals: [],
    stages: settings.stages,
    asOf,
    year: Number(asOf.slice(0, 4)),
    needed: null,
    coverageGoal: settings.coverageGoal,
    monthPlan: () => null,
  });
}

/**
 * The pipeline on `asOf` against the plan of its year (when there is one):
 * `needed` and the deals as given (the audit passes its own figures and
 * shares the deals with the forecast), else read here.
 */
export function loadPipeline(db: Db, asOf: IsoDate, plan?: LoadedPlan | null, needed?: number | null, loadedDeals?: DealView[]): Pipeline {
  const loaded = plan === undefined ? loadPlan(db, Number(asOf.slice(0, 4))) : plan;
  const settings = pipelineSettings(db);
  // The months' plans are forward-looking: the plan in effect on as-of, not a revision made later.
  const months = loaded && planInEffectOn(db, loaded, asOf);
  const hasRevenue = months?.schedule.metrics().includes("revenue") === true;
  const year = loaded?.schedule.year ?? Number(asOf.slice(0, 4));
  return buildPipeline({
    deals: loadedDeals ?? loadDeals(db, asOf, settings, year),
    stages: settings.stages,
    asOf,
    year,
    needed: needed !== undefined ? needed : loaded ? stillNeeded(db, loaded, asOf).revenue : null,
    coverageGoal: settings.coverageGoal,
    monthPlan: (month) => {
      if (!months || !hasRevenue || !month.startsWith(`${months.schedule.year}-`)) return null;
      const { from, to } = monthRange(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
      return months.schedule.planBetween("revenue", from, to);
    },
  });
}

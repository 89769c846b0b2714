/**
 * The rules every row of a JSON restore obeys. Each column goes through the
 * validator the command line uses for it (a rate through the rate rule, a
 * label through the text rule, …), and the links between rows (types, blocks
 * and their marks, carried commitments) are checked against the file itself,
 * so a restored file is one the commands could have written.
 */
import { METRIC_OF_TYPE, resolveType, validateNewTypeName } from "./activity-types.js";
import { checkDayOffRange } from "./calendar.js";
import { checkCascade, type PlanInput } from "./cascade.js";
import { isValidIsoDate, weekdayOf, type IsoDate, type Weekday } from "./dates.js";
import { checkEntryRow } from "./entry-import.js";
import { AcctError, usageError } from "./errors.js";
import { checkSeasonality, isHoursPerDay, isMoneyCents, isRate, LAST_MINUTE, MAX_COUNT, parseText, parseWeek, parseWeekdays, parseYear } from "./parse.js";
import { OPP_STATUSES } from "./pipeline.js";
import { checkStoredSetting, DEFAULT_STAGES } from "./settings.js";

export type RestoreValue = string | number | null;
export type RestoreRow = Readonly<Record<string, RestoreValue>>;

/** What the rows checked so far tell the later ones. */
interface Seen {
  today: IsoDate;
  customTypes: string[];
  blocks: Map<number, { days: readonly string[]; createdOn: IsoDate }>;
  commitmentIds: Set<number>;
  /** Every commitment id in the file, to tell "later in the file" from "missing". */
  allCommitmentIds: Set<number>;
  /** carried_from → the commitment that carried it over. */
  carriedTo: Map<number, number>;
  reviewWeeks: Set<string>;
  /** Years with a first plan, for their revisions. */
  planYears: Set<number>;
  /** Source keys of imported entries: each on one entry only. */
  sources: Set<string>;
  /** The stages the settings name (null: the default ones). */
  stages: string[] | null;
  /** The stage-probabilities setting and the settings row it is on, when the file has one. */
  probabilities: { count: number; row: number } | null;
  settingsRows: number;
  /** Each deal, with the row it is on and how many opportunity and deal entries link to it. */
  opps: Map<
    number,
    { row: number; openedOn: IsoDate; closedOn: IsoDate | null; status: string; amount: number | null; oppEntries: number; dealEntries: number }
  >;
  /** Review id → its deal. */
  oppReviews: Map<number, number>;
  /** The order numbers moves and reviews share: each once. */
  oppSeqs: Set<number>;
  /** Dates and timestamps already found valid: a file repeats them on thousands of rows. */
  validDates: Set<string>;
  validStamps: Set<string>;
}

/** Checks one column's value (null when the row leaves it out); throws a usage error. */
type ColumnRule = (value: RestoreValue, column: string, row: RestoreRow, seen: Seen) => void;

interface TableRules {
  /** Every column of the table, each with its rule. */
  columns: Record<string, ColumnRule>;
  /** Rules across columns and rows, after the columns passed. */
  row?: (row: RestoreRow, seen: Seen) => void;
  /** Records what later rows need to know. */
  remember?: (row: RestoreRow, seen: Seen) => void;
}

// ---- column rules ----

/** A value as the file has it, cut short: an error line names it, it does not repeat a page of it. */
const show = (value: RestoreValue): string => {
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 50)}…(${json.length} characters)` : json;
};

const isWhole = (v: RestoreValue, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

/** A row id, or a reference to one: a whole number from 1. */
const id: ColumnRule = (v, column) => {
  if (!isWhole(v, 1, Number.MAX_SAFE_INTEGER)) throw usageError(`${column} ${show(v)} is not a whole number from 1`);
};

const optional =
  (rule: ColumnRule): ColumnRule =>
  (v, column, row, seen) => {
    if (v !== null) rule(v, column, row, seen);
  };

const textValue = (v: RestoreValue, column: string): string => {
  if (typeof v !== "string") throw usageError(v === null ? `${column} is missing` : `${column} ${show(v)} is not text`);
  return v;
};

/** Free text: the CLI's text rule (not empty, at most 500 characters, no NUL). */
const text: ColumnRule = (v, column) => {
  parseText(textValue(v, column), column);
};

/** A whole number in [min, max]. */
const whole =
  (min: number, max: number): ColumnRule =>
  (v, column) => {
    if (!isWhole(v, min, max)) throw usageError(`${column} ${show(v)} is not a whole number from ${min} to ${max}`);
  };

/** A count: whole number 1…100000, as the CLI's counts and targets. */
const count = whole(1, MAX_COUNT);

const rate: ColumnRule = (v, column) => {
  if (!isRate(v)) throw usageError(`${column} ${show(v)} is not a rate from 0.001 to 1`);
};

const money: ColumnRule = (v, column) => {
  if (!isMoneyCents(v)) throw usageError(`${column} ${show(v)} is not an amount of cents above 0 and at most 1e14`);
};

const oneOf =
  (...values: string[]): ColumnRule =>
  (v, column) => {
    if (typeof v !== "string" || !values.includes(v)) throw usageError(`${column} ${show(v)} is not ${values.map((s) => `'${s}'`).join(" or ")}`);
  };

/** A real `YYYY-MM-DD` date in a year acct handles; with `past`, not after today. */
const date =
  (when: "any" | "past"): ColumnRule =>
  (v, column, _row, seen) => {
    if (typeof v !== "string" || !(seen.validDates.has(v) || (isValidIsoDate(v) && seen.validDates.add(v)))) {
      throw usageError(`${column} ${show(v)} is not a real YYYY-MM-DD date`);
    }
    if (when === "past" && v > seen.today) throw usageError(`${column} ${v} is in the future (today is ${seen.today})`);
  };

const STAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** A timestamp as acct writes them (`2026-03-12T09:30:00`). */
const stamp: ColumnRule = (v, column, _row, seen) => {
  if (typeof v === "string" && seen.validStamps.has(v)) return;
  const m = typeof v === "string" ? STAMP.exec(v) : null;
  if (!m || !isValidIsoDate(m[1] as string) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) {
    throw usageError(`${column} ${show(v)} is not a date and time like 2026-03-12T09:30:00`);
  }
  seen.validStamps.add(v as string);
};

/** An ISO week as acct stores it (`2026-W05`) that has started by today. */
const startedWeek: ColumnRule = (v, column, _row, seen) => {
  const week = textValue(v, column);
  const parsed = parseWeek(week);
  if (parsed.week !== week) throw usageError(`${column} ${show(week)} is not an ISO week as acct stores it (${parsed.week})`);
  if (parsed.from > seen.today) throw usageError(`${column} ${week} has not started yet (today is ${seen.today})`);
};

/** A weekday list as acct stores it: `mon,tue`, each day once, in week order. */
const weekdays: ColumnRule = (v, column) => {
  const list = textValue(v, column);
  const stored = parseWeekdays(list, column).join(",");
  if (stored !== list) throw usageError(`${column} ${show(list)} is not a list of weekdays as acct stores it (${stored})`);
};

/** A time of day in minutes after midnight: 0 (00:00) to 1439 (23:59). */
const minuteOfDay = whole(0, LAST_MINUTE);

/** An activity type the file knows: built-in or one of its custom types, by its stored name. */
const knownType: ColumnRule = (v, column, _row, seen) => {
  const name = textValue(v, column);
  let resolved: string | null = null;
  try {
    resolved = resolveType(name, seen.customTypes);
  } catch {
    // unknown: reported below
  }
  if (resolved !== name) throw usageError(`${column} ${show(name)} is not a known activity type`);
};

/** Left to the table's row rule. */
const byRow: ColumnRule = () => {};

/** An imported entry's source key: one line of at most 500 characters, unique in the file. */
const sourceKey: ColumnRule = (v, column, _row, seen) => {
  const key = textValue(v, column);
  if (key === "" || key.length > 500 || /[\u0000-\u001f\u007f]/.test(key))
    throw usageError(`${column} ${show(v)} is not a source key (one line, 1–500 characters)`);
  if (seen.sources.has(key)) throw usageError(`${column} ${show(v)} is on two entries`);
  seen.sources.add(key);
};

/** A type that can have a weekly target: known, and not one of the cascade's (their targets come from the plan). */
const weeklyTargetType: ColumnRule = (v, column, row, seen) => {
  knownType(v, column, row, seen);
  if (Object.hasOwn(METRIC_OF_TYPE, v as string)) {
    throw usageError(`${column} '${v as string}' has no weekly target: its targets come from the plan's cascade`);
  }
};

/** A deal of the file (rows of opportunities come first). */
const knownOpp: ColumnRule = (v, column, row, seen) => {
  id(v, column, row, seen);
  if (!seen.opps.has(v as number)) throw usageError(`${column} ${v as number} is not an opportunity of the file`);
};

/**
 * An entry linked to a deal is the one the deal logged (SPEC: the deal and
 * the activity counts stay one truth): its opportunity entry, on the day it
 * was opened, or for a won deal its deal entry, on the day and for the amount
 * it was won; one each, a count of 1, never removed (acct refuses to remove
 * or re-date them by hand).
 */
function checkLinkedEntry(row: RestoreRow, seen: Seen): void {
  const deal = seen.opps.get(row.opp as number);
  if (deal === undefined) return;
  const what = `a ${show(row.type as RestoreValue)} entry linked to deal ${row.opp}`;
  if (row.type !== "opportunity" && row.type !== "deal") throw usageError(`${what}: only its opportunity and deal entries are`);
  if (row.deleted_at !== null) throw usageError(`${what} is removed: a deal's entries go with the deal`);
  if (row.count !== 1) throw usageError(`${what} has count ${show(row.count as RestoreValue)}: a deal logs one`);
  if (row.type === "opportunity") {
    if (row.date !== deal.openedOn) throw usageError(`${what} is dated ${show(row.date as RestoreValue)}, not ${deal.openedOn} when it was opened`);
    if (++deal.oppEntries > 1) throw usageError(`deal ${row.opp} has a second opportunity entry`);
    return;
  }
  if (deal.status !== "won") throw usageError(`${what}: the deal is ${deal.status}, and only a won deal logs one`);
  if (row.date !== deal.closedOn) throw usageError(`${what} is dated ${show(row.date as RestoreValue)}, not ${deal.closedOn} when it was won`);
  if (row.amount !== deal.amount) throw usageError(`${what} has amount ${show(row.amount as RestoreValue)}, not the ${deal.amount} it was won for`);
  if (++deal.dealEntries > 1) throw usageError(`deal ${row.opp} has a second deal entry`);
}

/** Each deal has its opportunity entry, and a won deal its deal entry (the entries come after the deals in the file). */
function checkDealsHaveEntries(seen: Seen): void {
  for (const [id, deal] of seen.opps) {
    const missing = deal.oppEntries === 0 ? "opportunity" : deal.status === "won" && deal.dealEntries === 0 ? "deal" : null;
    if (missing !== null)
      throw usageError(
        `tables.opportunities[${deal.row}]: deal ${id} has no ${missing} entry (acct logs one when a deal is ${missing === "deal" ? "won" : "opened"})`,
      );
  }
}

/** A day on a deal: not in the future, not before it was opened. */
const dateOnDeal: ColumnRule = (v, column, row, seen) => {
  date("past")(v, column, row, seen);
  const deal = seen.opps.get(row.opp as number);
  if (deal && (v as string) < deal.openedOn) throw usageError(`${column} ${v as string} is before deal ${row.opp} was opened (${deal.openedOn})`);
};

/** A stage name as moves and reviews keep it (the stages of the time, so any name). */
const stageName: ColumnRule = (v, column) => {
  const name = textValue(v, column);
  if (!/^[a-z][a-z0-9-]{0,29}$/.test(name)) throw usageError(`${column} ${show(name)} is not a stage name`);
};

/** The order number moves and reviews share: a whole number, each once. */
const oppSeq: ColumnRule = (v, column, row, seen) => {
  whole(1, Number.MAX_SAFE_INTEGER)(v, column, row, seen);
  if (seen.oppSeqs.has(v as number)) throw usageError(`${column} ${v as number} is on two moves or reviews`);
  seen.oppSeqs.add(v as number);
};

/** The columns a first plan and a revision share: what `acct plan set` takes. */
const PLAN_COLUMNS: Record<string, ColumnRule> = {
  year: (v, column) => {
    if (!isWhole(v, 0, 9999)) throw usageError(`${column} ${show(v)} is not a year like 2026`);
    parseYear(String(v).padStart(4, "0"));
  },
  unit: oneOf("revenue", "deals"),
  target: byRow,
  deal_size: optional(money),
  win_rate: rate,
  meeting_rate: rate,
  call_rate: rate,
  workdays: weekdays,
  seasonality: (v, column) => void parseStoredSeasonality(v, column),
  hours_per_day: (v, column) => {
    if (!isHoursPerDay(v)) throw usageError(`${column} ${show(v)} is not a number above 0 and at most 24`);
  },
  customer_time: optional(rate),
};

/** A plan's target by its unit, and a cascade that gives numbers. */
function checkPlanRow(row: RestoreRow, seen: Seen): void {
  (row.unit === "revenue" ? money : count)(row.target as RestoreValue, "target", row, seen);
  if (row.unit === "revenue" && row.deal_size === null) throw usageError("a revenue plan needs a deal_size");
  checkCascade({
    year: row.year as number,
    unit: row.unit as PlanInput["unit"],
    target: row.target as number,
    dealSizeCents: row.deal_size as number | null,
    winRate: row.win_rate as number,
    meetingRate: row.meeting_rate as number,
    callRate: row.call_rate as number,
    workdays: (row.workdays as string).split(",") as Weekday[],
    seasonality: parseStoredSeasonality(row.seasonality as RestoreValue, "seasonality"),
    hoursPerDay: row.hours_per_day as number,
    customerTime: row.customer_time as number | null,
  });
}

/** An opening balance as stored: a JSON object of metric → what was achieved before the start (0 or more). */
function parseStoredOpening(v: RestoreValue, column: string, _seen: Seen): Record<string, number> {
  let value: unknown;
  try {
    value = JSON.parse(textValue(v, column));
  } catch {
    throw usageError(`${column} ${show(v)} is not a JSON object of opening balances`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw usageError(`${column} ${show(v)} is not a JSON object of opening balances`);
  for (const [metric, amount] of Object.entries(value)) {
    if (!/^[a-z][a-z0-9_-]*$/.test(metric)) throw usageError(`${column}: '${metric}' is not a metric name`);
    if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0 || amount > 1e12)
      throw usageError(`${column}: ${metric} ${show(amount as RestoreValue)} is not an amount from 0 to 1e12`);
  }
  return value as Record<string, number>;
}

// ---- tables ----

const parseStoredSeasonality = (v: RestoreValue, column: string): number[] => {
  const stored = textValue(v, column);
  let weights: unknown;
  try {
    weights = JSON.parse(stored);
  } catch {
    weights = null;
  }
  if (!Array.isArray(weights)) throw usageError(`${column} ${show(stored)} is not a list of 12 month weights`);
  return checkSeasonality(weights);
};

/** The rules per table, in restore order (parents first). */
export const RESTORE_RULES: Readonly<Record<string, TableRules>> = {
  settings: {
    columns: { key: (v, c) => void textValue(v, c), value: (v, c) => void textValue(v, c) },
    row: (row) => checkStoredSetting(row.key as string, row.value as string),
    remember: (row, seen) => {
      if (row.key === "stages") seen.stages = (row.value as string).split(",");
      if (row.key === "stage-probabilities") seen.probabilities = { count: (row.value as string).split(",").length, row: seen.settingsRows };
      seen.settingsRows++;
    },
  },
  plans: {
    columns: {
      ...PLAN_COLUMNS,
      updated_at: stamp,
      start_date: optional(date("any")),
      // Left out by an export from before revision 2: the column's default applies.
      opening: optional((v, column, _row, seen) => void parseStoredOpening(v, column, seen)),
      note: optional(text),
      seq: optional(whole(0, Number.MAX_SAFE_INTEGER)),
    },
    row: (row, seen) => {
      checkPlanRow(row, seen);
      if (row.start_date !== null && row.start_date !== undefined && !(row.start_date as string).startsWith(`${row.year as number}-`)) {
        throw usageError(`start_date ${row.start_date as string} is not in the plan's year ${row.year as number}`);
      }
    },
    remember: (row, seen) => void seen.planYears.add(row.year as number),
  },
  plan_revisions: {
    columns: { id, ...PLAN_COLUMNS, from_date: date("any"), note: optional(text), seq: whole(0, Number.MAX_SAFE_INTEGER), created_at: stamp },
    row: (row, seen) => {
      if (!seen.planYears.has(row.year as number)) throw usageError(`year ${row.year as number} has no plan for this revision`);
      if (!(row.from_date as string).startsWith(`${row.year as number}-`))
        throw usageError(`from_date ${row.from_date as string} is not in the plan's year ${row.year as number}`);
      checkPlanRow(row, seen);
    },
  },
  custom_types: {
    columns: {
      name: (v, column, _row, seen) => {
        const name = textValue(v, column);
        if (validateNewTypeName(name, seen.customTypes) !== name) {
          throw usageError(`${column} ${show(name)} is not a type name as acct stores it (lower case, no spaces)`);
        }
      },
      created_at: stamp,
    },
    remember: (row, seen) => void seen.customTypes.push(row.name as string),
  },
  weekly_targets: {
    columns: { type: weeklyTargetType, target: count },
  },
  target_changes: {
    columns: { type: weeklyTargetType, from_date: date("any"), target: whole(0, MAX_COUNT) },
  },
  days_off: {
    columns: {
      id,
      from_date: date("any"),
      to_date: date("any"),
      reason: optional(text),
      added_seq: optional(whole(0, Number.MAX_SAFE_INTEGER)),
      removed_seq: optional(whole(0, Number.MAX_SAFE_INTEGER)),
    },
    row: (row) => checkDayOffRange({ from: row.from_date as string, to: row.to_date as string }),
  },
  opportunities: {
    columns: {
      id,
      name: text,
      value: money,
      stage: (v, column, row, seen) => {
        const stage = textValue(v, column);
        const stages = seen.stages ?? [...DEFAULT_STAGES];
        if (row.status === "open" && !stages.includes(stage)) throw usageError(`${column} ${show(stage)} is not one of the stages (${stages.join(", ")})`);
        if (stage !== stage.trim() || stage === "" || /[\p{Cc}]/u.test(stage)) throw usageError(`${column} ${show(stage)} is not a stage name`);
      },
      close_date: optional(date("any")),
      contact: optional(text),
      note: optional(text),
      status: oneOf(...OPP_STATUSES),
      opened_on: date("past"),
      closed_on: optional(date("past")),
      amount: optional(money),
      lost_reason: optional(text),
      created_at: stamp,
    },
    row: (row) => {
      const { status } = row;
      if ((status === "open") !== (row.closed_on === null))
        throw usageError(status === "open" ? "an open deal has no closed_on" : `a ${status} deal needs closed_on`);
      if (row.closed_on !== null && (row.closed_on as string) < (row.opened_on as string))
        throw usageError(`closed_on ${row.closed_on} is before opened_on ${row.opened_on}`);
      if ((status === "won") !== (row.amount !== null)) throw usageError(status === "won" ? "a won deal needs its amount" : `a ${status} deal has no amount`);
      if ((status === "lost") !== (row.lost_reason !== null))
        throw usageError(status === "lost" ? "a lost deal needs its lost_reason" : `a ${status} deal has no lost_reason`);
    },
    remember: (row, seen) =>
      void seen.opps.set(row.id as number, {
        row: seen.opps.size,
        openedOn: row.opened_on as string,
        closedOn: row.closed_on as string | null,
        status: row.status as string,
        amount: row.amount as number | null,
        oppEntries: 0,
        dealEntries: 0,
      }),
  },
  opp_moves: {
    columns: {
      id,
      opp: knownOpp,
      date: dateOnDeal,
      from_stage: stageName,
      to_stage: stageName,
      seq: oppSeq,
      created_at: stamp,
    },
    row: (row) => {
      if (row.from_stage === row.to_stage) throw usageError(`a move from ${show(row.from_stage as RestoreValue)} to the same stage`);
    },
  },
  opp_reviews: {
    columns: {
      id,
      opp: knownOpp,
      date: dateOnDeal,
      stage: stageName,
      gaps: (v, column) => {
        let gaps: unknown;
        try {
          gaps = JSON.parse(textValue(v, column));
        } catch {
          gaps = null;
        }
        if (!Array.isArray(gaps) || gaps.some((g) => typeof g !== "string")) throw usageError(`${column} ${show(v)} is not a JSON list of texts`);
        for (const g of gaps as string[]) parseText(g, "gap");
      },
      seq: oppSeq,
      created_at: stamp,
    },
    remember: (row, seen) => void seen.oppReviews.set(row.id as number, row.opp as number),
  },
  entries: {
    columns: {
      id,
      date: date("past"),
      type: byRow,
      count: byRow,
      amount: byRow,
      minutes: byRow,
      contact: byRow,
      note: byRow,
      created_at: stamp,
      deleted_at: optional(stamp),
      source: optional(sourceKey),
      opp: optional(knownOpp),
    },
    row: (row, seen) => {
      const problem = checkEntryRow(row, seen.customTypes);
      if (problem) throw usageError(problem);
      if (row.opp !== null) checkLinkedEntry(row, seen);
    },
  },
  blocks: {
    columns: {
      id,
      label: text,
      days: weekdays,
      start_min: minuteOfDay,
      end_min: minuteOfDay,
      activity: optional(knownType),
      created_at: stamp,
      deleted_at: optional(stamp),
    },
    row: (row) => {
      if ((row.end_min as number) <= (row.start_min as number)) {
        throw usageError(`end_min ${row.end_min} is not after start_min ${row.start_min}: a block ends after it starts, on the same day`);
      }
    },
    remember: (row, seen) => {
      seen.blocks.set(row.id as number, { days: (row.days as string).split(","), createdOn: (row.created_at as string).slice(0, 10) });
    },
  },
  block_marks: {
    columns: {
      block_id: (v, column, row, seen) => {
        id(v, column, row, seen);
        if (!seen.blocks.has(v as number)) throw usageError(`${column} ${v as number} is not a block of the file`);
      },
      date: date("any"),
      status: oneOf("done", "skipped"),
      reason: optional(text),
    },
    row: (row, seen) => {
      const block = seen.blocks.get(row.block_id as number) as { days: readonly string[]; createdOn: IsoDate };
      const day = row.date as IsoDate;
      if (!block.days.includes(weekdayOf(day))) throw usageError(`date ${day} is a ${weekdayOf(day)}: block ${row.block_id} is on ${block.days.join(",")}`);
      if (day < block.createdOn) throw usageError(`date ${day} is before block ${row.block_id} was added (${block.createdOn})`);
      if (row.status === "done" && day > seen.today) {
        throw usageError(`date ${day} has not come yet (today is ${seen.today}): a block is marked done on or after its day`);
      }
    },
  },
  commitments: {
    columns: {
      id,
      text,
      due: date("any"),
      metric: optional(knownType),
      target: optional(count),
      created_on: date("past"),
      status: oneOf("open", "done", "dropped"),
      closed_on: optional(date("past")),
      carried_from: optional(id),
      opp: optional(knownOpp),
      review: optional((v, column, row, seen) => {
        id(v, column, row, seen);
        const opp = seen.oppReviews.get(v as number);
        if (opp === undefined) throw usageError(`${column} ${v as number} is not a deal review of the file`);
        if (opp !== row.opp) throw usageError(`${column} ${v as number} is a review of deal ${opp}, not of ${show(row.opp as RestoreValue)}`);
      }),
    },
    row: (row, seen) => {
      const self = row.id as number;
      if ((row.metric === null) !== (row.target === null)) throw usageError("metric and target go together: both set or both null");
      if ((row.due as string) < (row.created_on as string)) throw usageError(`due ${row.due} is before created_on ${row.created_on}`);
      if ((row.status === "open") !== (row.closed_on === null)) {
        throw usageError(row.status === "open" ? "an open commitment has no closed_on" : `a ${row.status} commitment needs closed_on`);
      }
      if (row.closed_on !== null && (row.closed_on as string) < (row.created_on as string)) {
        throw usageError(`closed_on ${row.closed_on} is before created_on ${row.created_on}`);
      }
      const from = row.carried_from;
      if (from === null) return;
      if (from === self) throw usageError(`commitment ${self} is carried from itself`);
      if (!seen.commitmentIds.has(from as number)) {
        throw usageError(
          seen.allCommitmentIds.has(from as number)
            ? `carried_from ${from} is not an earlier commitment: a commitment is carried over from one before it`
            : `carried_from ${from} is not a commitment of the file`,
        );
      }
      const other = seen.carriedTo.get(from as number);
      if (other !== undefined) throw usageError(`commitment ${from} is carried over twice (by ${other} and ${self})`);
    },
    remember: (row, seen) => {
      seen.commitmentIds.add(row.id as number);
      if (row.carried_from !== null) seen.carriedTo.set(row.carried_from as number, row.id as number);
    },
  },
  reviews: {
    columns: {
      id,
      week: (v, column, row, seen) => {
        startedWeek(v, column, row, seen);
        if (seen.reviewWeeks.has(v as string)) throw usageError(`${column} ${v} has another review: one review per week`);
      },
      rating: whole(1, 5),
      wins: optional(text),
      misses: optional(text),
      change: optional(text),
      created_at: stamp,
    },
    remember: (row, seen) => void seen.reviewWeeks.add(row.week as string),
  },
  buddy_notes: {
    columns: {
      id,
      week: startedWeek,
      text,
      created_at: stamp,
    },
  },
};

/**
 * Control characters shown as escapes, so an error about hostile text stays
 * one line; a long value a validator quotes ('…') cut short.
 */
function visible(message: string): string {
  return message
    .replace(/'([^']{50})[^']{10,}'/gu, (_all, start: string) => `'${start}…'`)
    .replace(/[\p{Cc}\u2028\u2029]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Checks every row of a JSON export's tables that has rules here, table by
 * table in restore order; `today` bounds what cannot be in the future
 * (entries, block marks done, reviews, commitments made or closed). Throws a
 * usage error naming the first bad row (`tables.blocks[3]: …`). Columns a
 * row leaves out count as null; tables without rules are left to the schema.
 */
export function checkRestoreTables(tables: Readonly<Record<string, readonly RestoreRow[]>>, today: IsoDate): void {
  const seen: Seen = {
    today,
    customTypes: [],
    blocks: new Map(),
    commitmentIds: new Set(),
    allCommitmentIds: new Set((tables.commitments ?? []).map((r) => r.id).filter((v): v is number => typeof v === "number")),
    carriedTo: new Map(),
    reviewWeeks: new Set(),
    planYears: new Set(),
    sources: new Set(),
    stages: null,
    probabilities: null,
    settingsRows: 0,
    opps: new Map(),
    oppReviews: new Map(),
    oppSeqs: new Set(),
    validDates: new Set(),
    validStamps: new Set(),
  };
  for (const [table, rules] of Object.entries(RESTORE_RULES)) {
    const columns = Object.entries(rules.columns);
    const rows = tables[table] ?? [];
    for (let i = 0; i < rows.length; i++) {
      const given = rows[i] as RestoreRow;
      const row: Record<string, RestoreValue> = {};
      for (const [column] of columns) row[column] = given[column] ?? null;
      let column: string | undefined;
      try {
        for (const [name, rule] of columns) {
          column = name;
          rule(row[name] as RestoreValue, name, row, seen);
        }
        column = undefined;
        rules.row?.(row, seen);
      } catch (error) {
        if (!(error instanceof AcctError)) throw error;
        // A validator's own words ("'xyz' is not a weekday") get the column they are about.
        const message = column === undefined || error.message.startsWith(column) ? error.message : `${column}: ${error.message}`;
        throw usageError(visible(`tables.${table}[${i}]: ${message}`), error.hint === undefined ? undefined : visible(error.hint));
      }
      rules.remember?.(row, seen);
    }
  }
  checkDealsHaveEntries(seen);
  // As `acct config set` has it: as many stage probabilities as stages, once both are set.
  const stages = seen.stages ?? DEFAULT_STAGES;
  if (seen.probabilities !== null && seen.probabilities.count !== stages.length)
    throw usageError(
      `tables.settings[${seen.probabilities.row}]: ${seen.probabilities.count} stage probabilities for ${stages.length} stages (${stages.join(", ")})`,
    );
}

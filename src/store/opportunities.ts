/**
 * The pipeline's tables: `opportunities`, their stage moves and reviews, and
 * the links from entries and commitments. Rows ↔ domain types; reports read
 * every deal's records in four queries, grouped here.
 */
import type { IsoDate } from "../domain/dates.js";
import type { Action, DealRecords, OppReview, OppStatus, Opportunity, Progress, StageMove } from "../domain/pipeline.js";
import { type CommitmentRow, toCommitment } from "./commitments.js";
import { schemaOf, type Db } from "./connection.js";
import type { JournalEntry } from "./journal.js";

interface OppRow {
  id: number;
  name: string;
  value: number;
  stage: string;
  close_date: string | null;
  contact: string | null;
  note: string | null;
  status: OppStatus;
  opened_on: string;
  closed_on: string | null;
  amount: number | null;
  lost_reason: string | null;
}

const OPP_COLUMNS = "id, name, value, stage, close_date, contact, note, status, opened_on, closed_on, amount, lost_reason";

function toOpportunity(row: OppRow): Opportunity {
  return {
    id: row.id,
    name: row.name,
    valueCents: row.value,
    stage: row.stage,
    close: row.close_date,
    contact: row.contact,
    note: row.note,
    status: row.status,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    amountCents: row.amount,
    lostReason: row.lost_reason,
  };
}

/** Whether the file has the pipeline's tables (schema 7): an older file read as it is names no deal. */
function hasPipeline(db: Db): boolean {
  return schemaOf(db) >= 7;
}

/** Columns of a deal a command may set. */
export type OppFields = Omit<Opportunity, "id">;

export function insertOpportunity(db: Db, opp: OppFields, createdAt: string, journal: JournalEntry): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO opportunities (name, value, stage, close_date, contact, note, status, opened_on, closed_on, amount, lost_reason, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      opp.name,
      opp.valueCents,
      opp.stage,
      opp.close,
      opp.contact,
      opp.note,
      opp.status,
      opp.openedOn,
      opp.closedOn,
      opp.amountCents,
      opp.lostReason,
      createdAt,
    );
  const id = Number(lastInsertRowid);
  journal.inserted("opportunities", { id });
  return id;
}

/** Replaces a deal's fields. */
export function updateOpportunity(db: Db, opp: Opportunity, journal: JournalEntry): void {
  journal.before("opportunities", { id: opp.id });
  db.prepare(
    `UPDATE opportunities SET name = ?, value = ?, stage = ?, close_date = ?, contact = ?, note = ?, status = ?, opened_on = ?,
       closed_on = ?, amount = ?, lost_reason = ? WHERE id = ?`,
  ).run(opp.name, opp.valueCents, opp.stage, opp.close, opp.contact, opp.note, opp.status, opp.openedOn, opp.closedOn, opp.amountCents, opp.lostReason, opp.id);
}

export function getOpportunity(db: Db | null, id: number): Opportunity | null {
  if (!db || !hasPipeline(db)) return null;
  const row = db.prepare(`SELECT ${OPP_COLUMNS} FROM opportunities WHERE id = ?`).get(id) as OppRow | undefined;
  return row ? toOpportunity(row) : null;
}

/** Whether the file holds any deal (reports leave the pipeline out until one is added). */
export function hasOpportunities(db: Db | null): boolean {
  return db !== null && hasPipeline(db) && db.prepare("SELECT 1 FROM opportunities LIMIT 1").get() !== undefined;
}

/** The stages open deals are in, each once. */
export function openStages(db: Db | null): string[] {
  if (!db || !hasPipeline(db)) return [];
  return (db.prepare("SELECT DISTINCT stage FROM opportunities WHERE status = 'open' ORDER BY stage").all() as { stage: string }[]).map((r) => r.stage);
}

/** The next number in the one order stage moves and reviews share. */
function nextSeq(db: Db): number {
  const row = db.prepare("SELECT max(coalesce((SELECT max(seq) FROM opp_moves), 0), coalesce((SELECT max(seq) FROM opp_reviews), 0)) AS seq").get() as {
    seq: number;
  };
  return row.seq + 1;
}

export function insertMove(db: Db, move: Omit<StageMove, "id" | "seq">, createdAt: string, journal: JournalEntry): void {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO opp_moves (opp, date, from_stage, to_stage, seq, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .run(move.opp, move.date, move.from, move.to, nextSeq(db), createdAt);
  journal.inserted("opp_moves", { id: Number(lastInsertRowid) });
}

export function insertReview(db: Db, review: Omit<OppReview, "id" | "seq">, createdAt: string, journal: JournalEntry): number {
  const { lastInsertRowid } = db
    .prepare("INSERT INTO opp_reviews (opp, date, stage, gaps, seq, created_at) VALUES (?, ?, ?, ?, ?, ?)")
    .run(review.opp, review.date, review.stage, JSON.stringify(review.gaps), nextSeq(db), createdAt);
  const id = Number(lastInsertRowid);
  journal.inserted("opp_reviews", { id });
  return id;
}

/**
 * Carries a deal's change to the entries it logged: its opportunity entry
 * moves with the opening date, its deal entry with the close date and the
 * amount; a new name or contact replaces the old one where the entry still
 * has it (a contact or note changed by hand stays). Only rows that change
 * are written (and journaled).
 */
export function syncLinkedEntries(db: Db, before: Opportunity, after: Opportunity, journal: JournalEntry): void {
  const rows = db.prepare("SELECT id, type, date, amount, contact, note FROM entries WHERE opp = ? AND deleted_at IS NULL").all(after.id) as {
    id: number;
    type: string;
    date: string;
    amount: number | null;
    contact: string | null;
    note: string | null;
  }[];
  for (const row of rows) {
    const date = row.type === "deal" ? (after.closedOn ?? row.date) : after.openedOn;
    const amount = row.type === "deal" ? (after.amountCents ?? row.amount) : row.amount;
    const contact = row.contact === before.contact ? after.contact : row.contact;
    const note = row.note === before.name ? after.name : row.note;
    if (row.date === date && row.amount === amount && row.contact === contact && row.note === note) continue;
    journal.before("entries", { id: row.id });
    db.prepare("UPDATE entries SET date = ?, amount = ?, contact = ?, note = ? WHERE id = ?").run(date, amount, contact, note, row.id);
  }
}

/** The first day the deal's history (a stage move or a review) has: it cannot have been opened later. */
export function firstHistoryDay(db: Db, opp: number): IsoDate | null {
  return historyDay(db, opp, "min");
}

/** The day of the deal's last review or stage move, or null when it has none. */
export function lastHistoryDay(db: Db, opp: number): IsoDate | null {
  return historyDay(db, opp, "max");
}

function historyDay(db: Db, opp: number, which: "min" | "max"): IsoDate | null {
  const row = db
    .prepare(`SELECT ${which}(date) AS day FROM (SELECT date FROM opp_moves WHERE opp = @opp UNION ALL SELECT date FROM opp_reviews WHERE opp = @opp)`)
    .get({ opp }) as { day: string | null };
  return row.day;
}

/** The ids of the commitments the deal's reviews made. */
export function actionIdsOf(db: Db, opp: number): Set<number> {
  return new Set(db.prepare("SELECT id FROM commitments WHERE opp = ?").pluck().all(opp) as number[]);
}

interface ActionRow extends CommitmentRow {
  opp: number;
  review: number;
}

function toAction(row: ActionRow): Action {
  return { ...toCommitment(row), opp: row.opp, review: row.review };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * Every deal opened by `openedBy` (or the one `id` names) with its moves,
 * reviews, actions and linked entry dates, oldest deal first. With
 * `historyIfOpenOn`, only the deals still open on that day carry their
 * history (what the pipeline needs of a closed deal is on its own row); with
 * `openOrClosedIn`, only deals open on its day or closed in its year come.
 */
export function loadDealRecords(
  db: Db,
  where: { id?: number; openedBy?: IsoDate; historyIfOpenOn?: IsoDate; openOrClosedIn?: { asOf: IsoDate; year: number } } = {},
): DealRecords[] {
  if (!hasPipeline(db)) return [];
  const own = [
    ...(where.id === undefined ? [] : ["id = @id"]),
    ...(where.openedBy === undefined ? [] : ["opened_on <= @openedBy"]),
    ...(where.openOrClosedIn === undefined ? [] : ["(closed_on IS NULL OR closed_on > @asOf OR closed_on BETWEEN @yearFrom AND @yearTo)"]),
  ];
  const withHistory = [...own, ...(where.historyIfOpenOn === undefined ? [] : ["(closed_on IS NULL OR closed_on > @openOn)"])];
  const filter = own.length === 0 ? "" : `WHERE ${own.join(" AND ")}`;
  const linked = withHistory.length === 0 ? "" : `AND opp IN (SELECT id FROM opportunities WHERE ${withHistory.join(" AND ")})`;
  const params = Object.fromEntries(
    Object.entries({
      id: where.id,
      openedBy: where.openedBy,
      openOn: where.historyIfOpenOn,
      asOf: where.openOrClosedIn?.asOf,
      yearFrom: where.openOrClosedIn && `${where.openOrClosedIn.year}-01-01`,
      yearTo: where.openOrClosedIn && `${where.openOrClosedIn.year}-12-31`,
    }).filter(([, v]) => v !== undefined),
  );
  const opps = (db.prepare(`SELECT ${OPP_COLUMNS} FROM opportunities ${filter} ORDER BY id`).all(params) as OppRow[]).map(toOpportunity);
  if (opps.length === 0) return [];
  const moves = groupBy(
    (
      db.prepare(`SELECT id, opp, date, from_stage, to_stage, seq FROM opp_moves WHERE 1 ${linked} ORDER BY seq`).all(params) as {
        id: number;
        opp: number;
        date: string;
        from_stage: string;
        to_stage: string;
        seq: number;
      }[]
    ).map((r): StageMove => ({ id: r.id, opp: r.opp, date: r.date, from: r.from_stage, to: r.to_stage, seq: r.seq })),
    (m) => m.opp,
  );
  const reviews = groupBy(
    (
      db.prepare(`SELECT id, opp, date, stage, gaps, seq FROM opp_reviews WHERE 1 ${linked} ORDER BY seq`).all(params) as {
        id: number;
        opp: number;
        date: string;
        stage: string;
        gaps: string;
        seq: number;
      }[]
    ).map((r): OppReview => {
      // Parsed when read: the pipeline reads the gaps of a deal's latest reviews only.
      let gaps: string[] | undefined;
      return {
        id: r.id,
        opp: r.opp,
        date: r.date,
        stage: r.stage,
        get gaps() {
          gaps ??= JSON.parse(r.gaps) as string[];
          return gaps;
        },
        seq: r.seq,
      };
    }),
    (r) => r.opp,
  );
  const actions = groupBy(
    (
      db
        .prepare(
          `SELECT id, text, due, metric, target, created_on, status, closed_on, carried_from, opp, review
           FROM commitments WHERE opp IS NOT NULL AND review IS NOT NULL ${linked} ORDER BY id`,
        )
        .all(params) as ActionRow[]
    ).map(toAction),
    (a) => a.opp,
  );
  const entryDates = groupBy(
    db.prepare(`SELECT opp, date FROM entries WHERE opp IS NOT NULL AND deleted_at IS NULL ${linked}`).all(params) as { opp: number; date: string }[],
    (e) => e.opp,
  );
  return opps.map((opp) => ({
    opp,
    moves: moves.get(opp.id) ?? [],
    reviews: reviews.get(opp.id) ?? [],
    actions: actions.get(opp.id) ?? [],
    entryDates: (entryDates.get(opp.id) ?? []).map((e) => e.date),
  }));
}

/**
 * Logged progress read from `daily_totals`: each type's days and running
 * totals are loaded once, on first use, so many actions cost one query a type.
 */
export function progressOf(db: Db): Progress {
  const byType = new Map<string, { dates: string[]; running: number[] }>();
  const load = (type: string) => {
    let found = byType.get(type);
    if (!found) {
      const rows = db.prepare("SELECT date, count FROM daily_totals WHERE type = ? ORDER BY date").all(type) as { date: string; count: number }[];
      let sum = 0;
      found = { dates: rows.map((r) => r.date), running: rows.map((r) => (sum += r.count)) };
      byType.set(type, found);
    }
    return found;
  };
  /** How many days of `dates` come before `day` (with `inclusive`, on or before it). */
  const count = (dates: readonly string[], day: string, inclusive: boolean) => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const d = dates[mid] as string;
      if (d < day || (inclusive && d === day)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const sumOfFirst = (t: { running: number[] }, n: number) => (n === 0 ? 0 : (t.running[n - 1] as number));
  return {
    between(type, from, to) {
      if (from > to) return 0;
      const t = load(type);
      return sumOfFirst(t, count(t.dates, to, true)) - sumOfFirst(t, count(t.dates, from, false));
    },
    reachedOn(type, from, to, target) {
      const t = load(type);
      const start = count(t.dates, from, false);
      const base = sumOfFirst(t, start);
      for (let i = start; i < t.dates.length && (t.dates[i] as string) <= to; i++) {
        if ((t.running[i] as number) - base >= target) return t.dates[i] as string;
      }
      return null;
    },
  };
}

/** Calendar days from opened to won of the deals won from `from` to `to`. */
export function wonDealSpans(db: Db, from: IsoDate, to: IsoDate): number[] {
  if (!hasPipeline(db)) return [];
  const rows = db
    .prepare("SELECT julianday(closed_on) - julianday(opened_on) AS days FROM opportunities WHERE status = 'won' AND closed_on BETWEEN ? AND ?")
    .pluck()
    .all(from, to) as number[];
  return rows.map((d) => Math.round(d));
}

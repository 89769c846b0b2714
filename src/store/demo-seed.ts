/**
 * Writes the demo sample into a data file, inside the caller's transaction,
 * through the same store functions the commands use.
 */
import type { DemoData } from "../domain/demo.js";
import type { Db } from "./connection.js";
import { insertBlock, markBlock } from "./blocks.js";
import { closeCommitment, insertCommitment } from "./commitments.js";
import { insertEntry } from "./entries.js";
import { insertMove, insertOpportunity, insertReview } from "./opportunities.js";
import type { JournalEntry } from "./journal.js";
import { addCustomType, addDayOff, saveFirstPlan, setTypeTarget } from "./plans.js";
import { saveReview } from "./reviews.js";

/** True when the file holds anything a user wrote (a plan, entries, blocks, commitments, reviews, days off or types). */
export function holdsData(db: Db): boolean {
  const tables = ["plans", "entries", "blocks", "commitments", "reviews", "days_off", "custom_types"];
  return tables.some((table) => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined);
}

export interface SeedCounts {
  entries: number;
  blocks: number;
  marks: number;
  commitments: number;
  daysOff: number;
}

/** Stores the whole sample; every row is recorded in the journal so `acct undo` removes the demo in one step. */
export function seedDemo(db: Db, demo: DemoData, at: string, journal: JournalEntry): SeedCounts {
  saveFirstPlan(db, { input: demo.plan, start: `${demo.plan.year}-01-01`, opening: {}, note: null, at }, journal);
  for (const d of demo.daysOff) addDayOff(db, { from: d.from, to: d.to }, d.reason, journal);
  addCustomType(db, demo.customType.name, at, journal);
  setTypeTarget(db, demo.customType.name, `${demo.plan.year}-01-01`, demo.customType.perWeek, journal);
  // Deals first: their opportunity and deal entries link to them.
  const oppOf = new Map<number, number>();
  const dealIds: number[] = [];
  for (const d of demo.deals) {
    const opened = demo.entries[d.opened] as DemoData["entries"][number];
    const won = d.won === null ? null : (demo.entries[d.won] as DemoData["entries"][number]);
    const id = insertOpportunity(
      db,
      {
        name: d.name,
        valueCents: d.valueCents,
        stage: d.stage,
        close: d.close,
        contact: opened.contact,
        note: null,
        status: won ? "won" : "open",
        openedOn: opened.date,
        closedOn: won ? won.date : null,
        amountCents: won ? won.amountCents : null,
        lostReason: null,
      },
      at,
      journal,
    );
    oppOf.set(d.opened, id);
    if (d.won !== null) oppOf.set(d.won, id);
    dealIds.push(id);
  }
  // A deal's entries carry its name and contact, as acct opp logs them.
  const dealOf = new Map(demo.deals.flatMap((d) => [[d.opened, d] as const, ...(d.won === null ? [] : [[d.won, d] as const])]));
  for (const [i, e] of demo.entries.entries()) {
    const deal = dealOf.get(i);
    const contact = deal ? (demo.entries[deal.opened]?.contact ?? null) : e.contact;
    insertEntry(db, deal ? { ...e, contact, note: deal.name, opp: oppOf.get(i) ?? null } : e, at, journal);
  }

  let marks = 0;
  for (const b of demo.blocks) {
    const { id } = insertBlock(
      db,
      { label: b.label, days: b.days, startMin: b.startMin, endMin: b.endMin, activity: b.activity },
      `${b.createdOn}T08:00:00`,
      journal,
    );
    for (const m of b.marks) {
      markBlock(db, { blockId: id, date: m.date, status: m.status, reason: m.reason }, journal);
      marks++;
    }
  }

  const ids: number[] = [];
  for (const c of demo.commitments) {
    const carriedFrom = c.carriedFrom === null ? null : (ids[c.carriedFrom] ?? null);
    const id = insertCommitment(db, { text: c.text, due: c.due, metric: c.metric, target: c.target, createdOn: c.createdOn, carriedFrom }, journal);
    if (c.doneOn !== null) closeCommitment(db, id, "done", c.doneOn, journal);
    ids.push(id);
  }
  // The deals' moves and reviews after the other commitments, which keep their numbers.
  let actions = 0;
  for (const [k, d] of demo.deals.entries()) {
    const id = dealIds[k] as number;
    const events = [...d.moves.map((m) => ({ date: m.date, move: m })), ...d.reviews.map((r) => ({ date: r.date, review: r }))].sort((a, b) =>
      a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
    );
    for (const event of events) {
      if ("move" in event) insertMove(db, { opp: id, date: event.date, from: event.move.from, to: event.move.to }, at, journal);
      else {
        const review = insertReview(db, { opp: id, date: event.date, stage: event.review.stage, gaps: event.review.gaps }, at, journal);
        for (const a of event.review.actions) {
          actions++;
          const action = insertCommitment(
            db,
            { text: a.text, due: a.due, metric: null, target: null, createdOn: event.date, carriedFrom: null, opp: id, review },
            journal,
          );
          if (a.doneOn !== null) closeCommitment(db, action, "done", a.doneOn, journal);
        }
      }
    }
  }
  saveReview(db, demo.review, at, journal);
  // Every commitment, the deal reviews' actions included: `acct commit list` shows them all.
  return { entries: demo.entries.length, blocks: demo.blocks.length, marks, commitments: ids.length + actions, daysOff: demo.daysOff.length };
}

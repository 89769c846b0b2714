/**
 * Writes the demo sample into a data file, inside the caller's transaction,
 * through the same store functions the commands use.
 */
import type { DemoData } from "../domain/demo.js";
import type { Db } from "./connection.js";
import { insertBlock, markBlock } from "./blocks.js";
import { closeCommitment, insertCommitment } from "./commitments.js";
import { insertEntry } from "./entries.js";
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
  for (const e of demo.entries) insertEntry(db, e, at, journal);

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
  saveReview(db, demo.review, at, journal);
  return { entries: demo.entries.length, blocks: demo.blocks.length, marks, commitments: ids.length, daysOff: demo.daysOff.length };
}

import fc from "fast-check";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inWriteTransaction, openForWrite, type Db } from "../../src/store/connection.js";
import {
  countEntries,
  getEntry,
  insertEntries,
  knownSources,
  insertEntry,
  listEntries,
  removeEntry,
  updateEntry,
  type NewEntry,
} from "../../src/store/entries.js";
import { JournalEntry, undoLast } from "../../src/store/journal.js";

const freshDb = (): Db => openForWrite(join(mkdtempSync(join(tmpdir(), "acct-store-")), "acct.db"));

/** One write as the CLI does it: a transaction and an undo step. */
function step<T>(db: Db, fn: (journal: JournalEntry) => T): T {
  return inWriteTransaction(db, () => {
    const journal = new JournalEntry(db);
    const result = fn(journal);
    journal.save("test", "2026-03-12T00:00:00");
    return result;
  });
}

const totalsTable = (db: Db) => db.prepare("SELECT date, type, count, amount, minutes, entries FROM daily_totals ORDER BY date, type").all();
const totalsFromEntries = (db: Db) =>
  db
    .prepare(
      `SELECT date, type, sum(count) AS count, coalesce(sum(amount), 0) AS amount, coalesce(sum(minutes), 0) AS minutes, count(*) AS entries
       FROM entries WHERE deleted_at IS NULL GROUP BY date, type ORDER BY date, type`,
    )
    .all();

const newEntry = fc.record<NewEntry>({
  date: fc.constantFrom("2026-03-09", "2026-03-10", "2026-03-11"),
  type: fc.constantFrom("call", "meeting", "deal"),
  count: fc.integer({ min: 1, max: 50 }),
  amountCents: fc.option(fc.integer({ min: 1, max: 10_000_000 })),
  minutes: fc.option(fc.integer({ min: 0, max: 120 })),
  contact: fc.option(fc.string()),
  note: fc.constant(null),
});

type Op =
  | { kind: "log"; entry: NewEntry }
  | { kind: "import"; entries: NewEntry[] }
  | { kind: "edit"; pick: number; entry: NewEntry }
  | { kind: "rm"; pick: number }
  | { kind: "undo" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("log" as const), entry: newEntry }),
  // Up to 120 rows: imports go in fifty to a statement, the rest one at a time.
  fc.record({ kind: fc.constant("import" as const), entries: fc.array(newEntry, { maxLength: 120 }) }),
  fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), entry: newEntry }),
  fc.record({ kind: fc.constant("rm" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("undo" as const) }),
);

function apply(db: Db, o: Op): void {
  const live = listEntries(db);
  const target = live.length ? live[("pick" in o ? o.pick : 0) % live.length] : undefined;
  switch (o.kind) {
    case "log":
      step(db, (j) => insertEntry(db, o.entry, "t", j));
      break;
    case "import":
      step(db, (j) => insertEntries(db, o.entries, "t", j));
      break;
    case "edit":
      if (target) step(db, (j) => updateEntry(db, { ...o.entry, id: target.id }, j));
      break;
    case "rm":
      if (target) step(db, (j) => removeEntry(db, target.id, "t", j));
      break;
    case "undo":
      inWriteTransaction(db, () => undoLast(db));
      break;
  }
}

describe("daily_totals", () => {
  it("equals a GROUP BY over live entries after any mix of log, import, edit, rm and undo", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const db = freshDb();
        try {
          for (const o of ops) apply(db, o);
          expect(totalsTable(db)).toEqual(totalsFromEntries(db));
          // countEntries sums daily_totals: the same as counting the live entries, for any filter.
          for (const filter of [{}, { type: "call" }, { from: "2026-03-10" }, { from: "2026-03-10", to: "2026-03-10", type: "deal" }]) {
            expect(countEntries(db, filter)).toBe(listEntries(db, filter).length);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("entries", () => {
  it("keeps a removed row, restores it on undo, and undoes an import as one step", () => {
    const db = freshDb();
    const entry = step(db, (j) =>
      insertEntry(db, { date: "2026-03-12", type: "call", count: 2, amountCents: null, minutes: null, contact: null, note: null }, "t", j),
    );
    step(db, (j) => removeEntry(db, entry.id, "t2", j));
    expect(getEntry(db, entry.id)).toBeNull();
    expect(db.prepare("SELECT deleted_at FROM entries WHERE id = ?").get(entry.id)).toEqual({ deleted_at: "t2" });
    inWriteTransaction(db, () => undoLast(db));
    expect(getEntry(db, entry.id)).toEqual(entry);

    const batch = Array.from({ length: 5 }, (_, i) => ({ ...entry, count: i + 1 }));
    expect(step(db, (j) => insertEntries(db, batch, "t", j))).toBe(5);
    expect(listEntries(db)).toHaveLength(6);
    inWriteTransaction(db, () => undoLast(db));
    expect(listEntries(db)).toEqual([entry]);
    db.close();
  });
});

describe("source keys", () => {
  it("are stored with imported entries, found again, and never on two entries", () => {
    const db = freshDb();
    try {
      const entry = { date: "2026-03-10", type: "call", count: 1, amountCents: null, minutes: null, contact: null, note: null };
      step(db, (journal) => insertEntries(db, [{ ...entry, source: "hubspot:1" }, { ...entry, source: "hubspot:2" }, entry], "2026-03-12T09:00:00", journal));
      expect([...knownSources(db, ["hubspot:1", "hubspot:3", "hubspot:2"])].sort()).toEqual(["hubspot:1", "hubspot:2"]);
      expect(() => step(db, (journal) => insertEntries(db, [{ ...entry, source: "hubspot:1" }], "2026-03-12T09:00:00", journal))).toThrow(/UNIQUE/);
      expect(listEntries(db)).toHaveLength(3);
    } finally {
      db.close();
    }
  });

  it("are found whether the keys are few among many sources or most of them, removed entries included", () => {
    const db = freshDb();
    try {
      const entry = { date: "2026-03-10", type: "call", count: 1, amountCents: null, minutes: null, contact: null, note: null };
      const many = Array.from({ length: 300 }, (_, i) => ({ ...entry, source: `hubspot:${1000 + i}` }));
      step(db, (journal) => insertEntries(db, many, "2026-03-12T09:00:00", journal));
      const removed = listEntries(db)[10];
      step(db, (journal) => removeEntry(db, removed?.id ?? 0, "2026-03-12T10:00:00", journal));
      // Few keys spread over the whole range: each is looked up.
      expect([...knownSources(db, ["hubspot:1000", "hubspot:1010", "hubspot:1299", "hubspot:1300", "hubspot:999"])].sort()).toEqual([
        "hubspot:1000",
        "hubspot:1010",
        "hubspot:1299",
      ]);
      // Most of them: the range is read once.
      const keys = [...many.map((e) => e.source), "hubspot:2000", "ics:x"];
      expect(knownSources(db, keys)).toEqual(new Set(many.map((e) => e.source)));
      // None in range: nothing known.
      expect(knownSources(db, ["salesforce:1", "salesforce:2"]).size).toBe(0);
      expect(knownSources(db, []).size).toBe(0);
    } finally {
      db.close();
    }
  });
});

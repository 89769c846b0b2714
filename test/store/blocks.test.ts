import { describe, expect, it } from "vitest";
import { inWriteTransaction, openForWrite, type Db } from "../../src/store/connection.js";
import { JournalEntry, undoLast } from "../../src/store/journal.js";
import { getBlock, getInstallId, insertBlock, listBlockMarks, listBlocks, markBlock, removeBlock } from "../../src/store/blocks.js";
import { tempDb } from "../helpers/cli.js";

function write<T>(db: Db, fn: (journal: JournalEntry) => T): T {
  return inWriteTransaction(db, () => {
    const journal = new JournalEntry(db);
    const result = fn(journal);
    journal.save("test", "2026-03-12T09:00:00");
    return result;
  });
}

const input = { label: "Prospecting", days: ["tue" as const, "thu" as const], startMin: 480, endMin: 570, activity: "call" };

describe("blocks store", () => {
  it("inserts, lists with the creation day, and creates the install id once", () => {
    const db = openForWrite(tempDb());
    const block = write(db, (j) => insertBlock(db, input, "2026-03-12T09:00:00", j));
    const id = getInstallId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    write(db, (j) => insertBlock(db, { ...input, label: "Second" }, "2026-03-13T09:00:00", j));
    expect(getInstallId(db)).toBe(id);
    expect(listBlocks(db)).toEqual([block, { ...block, id: block.id + 1, label: "Second", createdOn: "2026-03-13" }]);
    expect(listBlocks(db).map((b) => b.createdOn)).toEqual(["2026-03-12", "2026-03-13"]);
    db.close();
  });

  it("soft-deletes a block and undo brings it back; undoing an add keeps the install id", () => {
    const db = openForWrite(tempDb());
    const block = write(db, (j) => insertBlock(db, input, "2026-03-12T09:00:00", j));
    const id = getInstallId(db);
    expect(write(db, (j) => removeBlock(db, block.id, "2026-03-12T10:00:00", j))).toEqual(block);
    expect(getBlock(db, block.id)).toBeNull();
    expect(write(db, (j) => removeBlock(db, block.id, "2026-03-12T10:00:00", j))).toBeNull();
    expect(undoLast(db)).toBe("test");
    expect(getBlock(db, block.id)).toEqual(block);
    undoLast(db);
    expect(listBlocks(db)).toEqual([]);
    expect(getInstallId(db)).toBe(id);
    db.close();
  });

  it("replaces a mark of the same date, and undo restores the earlier one", () => {
    const db = openForWrite(tempDb());
    const block = write(db, (j) => insertBlock(db, input, "2026-03-12T09:00:00", j));
    write(db, (j) => markBlock(db, { blockId: block.id, date: "2026-03-12", status: "skipped", reason: "sick" }, j));
    write(db, (j) => markBlock(db, { blockId: block.id, date: "2026-03-12", status: "done", reason: null }, j));
    expect(listBlockMarks(db, "2026-03-09", "2026-03-15")).toEqual([{ blockId: block.id, date: "2026-03-12", status: "done", reason: null }]);
    undoLast(db);
    expect(listBlockMarks(db, "2026-03-09", "2026-03-15")).toEqual([{ blockId: block.id, date: "2026-03-12", status: "skipped", reason: "sick" }]);
    undoLast(db);
    expect(listBlockMarks(db, "2026-03-09", "2026-03-15")).toEqual([]);
    db.close();
  });
});

import { describe, expect, it } from "vitest";
import { RESTORE_RULES } from "../../src/domain/restore-rules.js";
import { openMemory } from "../../src/store/connection.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { dataTables } from "../../src/store/transfer.js";

describe("restore rules and the schema", () => {
  // A table or column a migration adds must get its rule, or a restore would trust it.
  it("have a rule for every column of every data table, in restore order", () => {
    const db = openMemory();
    for (const migration of MIGRATIONS) db.exec(migration);
    const tables = dataTables(db);
    const schema = Object.fromEntries(
      tables.map((t) => [t, (db.prepare("SELECT name FROM pragma_table_info(?)").all(t) as { name: string }[]).map((c) => c.name).sort()]),
    );
    const rules = Object.fromEntries(Object.entries(RESTORE_RULES).map(([t, r]) => [t, Object.keys(r.columns).sort()]));
    expect(rules).toEqual(schema);
    expect(Object.keys(RESTORE_RULES)).toEqual(tables);
    db.close();
  });
});

/** What `acct check` finds in a data file: SQLite's own checks and a count of what it holds. */
export interface FileSummary {
  schemaVersion: number;
  currentSchemaVersion: number;
  entries: number;
  removedEntries: number;
  firstDate: string | null;
  lastDate: string | null;
  plans: number[];
  daysOff: number;
  blocks: number;
  commitments: number;
  reviews: number;
  bytes: number;
}

export interface CheckReport {
  path: string;
  ok: boolean;
  integrity: string[];
  foreignKeys: string[];
  summary: FileSummary | null;
}

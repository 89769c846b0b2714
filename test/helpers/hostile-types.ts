/** Custom type names that a shell would run, expand or split if it evaluated them: the completion tests' data. */
import Database from "better-sqlite3";

/**
 * Type names a JSON restore (or anything that writes the file) can hold and
 * that a shell would run, expand or split if it evaluated them. All are
 * lowercase, as acct log resolves types.
 */
export const HOSTILE_TYPES = ["$(touch pwned1)", "`touch pwned2`", ";touch pwned3", "x&&touch pwned4", "'\"", "*", "~", "{a,b}", "$home", "a|b", "a\\b"];
/** Ones that cannot be a single completion word (offered by nobody, run by nobody). */
export const UNOFFERABLE_TYPES = ["new\nline touch pwned5", "tab\there", "esc\u001b[2j"];

/** Writes custom types straight into the store's table, past acct's own checks. */
export function addRawTypes(file: string, names: readonly string[]): void {
  const conn = new Database(file);
  try {
    const insert = conn.prepare("INSERT INTO custom_types (name, created_at) VALUES (?, '2026-01-01T00:00:00Z')");
    for (const name of names) insert.run(name);
  } finally {
    conn.close();
  }
}

/** Turns SQLite's errors into one plain `acct:` line (exit 1). */
import { accessSync, constants, existsSync } from "node:fs";
import { dirname } from "node:path";
import { AcctError, failure } from "../domain/errors.js";

const READ_ONLY_HINT = "read-only commands (show, list, audit, status) still work on it";

/** A file SQLite could read but not open for writing (its -wal/-shm cannot be made): say read-only, not "cannot open". */
function cannotOpen(path: string): AcctError {
  if (existsSync(path)) {
    try {
      accessSync(path, constants.W_OK);
      accessSync(dirname(path), constants.W_OK);
    } catch {
      return failure(`${path} is read-only: cannot save changes`, READ_ONLY_HINT);
    }
  }
  return failure(`cannot open ${path}`, "check that the folder exists and is readable");
}

export function describeSqliteError(error: unknown, path: string): AcctError {
  if (error instanceof AcctError) return error;
  const code = (error as { code?: string }).code ?? "";
  const message = error instanceof Error ? error.message : String(error);
  if (/^SQLITE_IOERR_(WRITE|SHMSIZE|TRUNCATE|FSYNC)$/.test(code)) {
    // What SQLite reports when the file may not grow (a size limit, a full quota): a full disk to the user.
    return failure(`could not write ${path}: the disk is full or the file may not grow`, "free some space; nothing from this command was saved");
  }
  switch (code) {
    case "SQLITE_NOTADB":
    case "SQLITE_CORRUPT":
      return failure(`${path} is not an acct database (not SQLite, or damaged)`, "check the path; restore from a backup if the file was damaged");
    case "SQLITE_BUSY":
    case "SQLITE_LOCKED":
      return failure(`${path} is locked by another process and stayed locked past the timeout`, "try again in a moment");
    case "SQLITE_FULL":
      return failure(`the disk is full: could not write ${path}`, "free some space; nothing from this command was saved");
    case "SQLITE_READONLY":
    case "SQLITE_READONLY_DBMOVED":
    case "SQLITE_READONLY_DIRECTORY":
      return failure(`${path} is read-only: cannot save changes`, READ_ONLY_HINT);
    case "SQLITE_CANTOPEN":
      return cannotOpen(path);
    case "SQLITE_IOERR":
      return failure(`input/output error on ${path}: ${message}`);
    default:
      if (code.startsWith("SQLITE_FULL") || /disk is full|database or disk is full/i.test(message))
        return failure(`the disk is full: could not write ${path}`, "free some space; nothing from this command was saved");
      if (code.startsWith("SQLITE_READONLY")) return failure(`${path} is read-only: cannot save changes`);
      if (code.startsWith("SQLITE_IOERR")) return failure(`input/output error on ${path}: ${message}`);
      if (code.startsWith("SQLITE_CANTOPEN")) return cannotOpen(path);
      if (code.startsWith("SQLITE_BUSY")) return failure(`${path} is locked by another process and stayed locked past the timeout`);
      if (code.startsWith("SQLITE_")) return failure(`database error on ${path}: ${message}`);
      throw error;
  }
}

/**
 * Writing `--out` files. A run may replace a file acct wrote before (the
 * same kind of output), never another file unless `--force` says so, never
 * the data file (or its -wal and -shm) even then, and a reader never sees
 * half a file (write to a temporary name, then rename). Every output holds
 * the user's data, so it is owner-only (0600) like the data file.
 */
import { closeSync, existsSync, openSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { failure, usageError } from "../domain/errors.js";

export interface OutputKind {
  /** What the file is, for messages: "acct export", "acct report". */
  name: string;
  /** Whether the first bytes of an existing file show it is this kind of output. */
  isOurs(head: string): boolean;
}

export const EXPORT_OUTPUT: OutputKind = {
  name: "acct export",
  isOurs: (head) => head.startsWith("date,type,count,amount,minutes,contact,note") || /^\{\s*"format": "acct-export"/.test(head),
};
export const ICS_OUTPUT: OutputKind = { name: "acct calendar", isOurs: (head) => head.startsWith("BEGIN:VCALENDAR") && head.includes("PRODID:-//acct//") };
export const REPORT_OUTPUT: OutputKind = { name: "acct report", isOurs: (head) => /^<!doctype html>/i.test(head) && head.includes("<title>acct report") };
export const SHARE_OUTPUT: OutputKind = { name: "acct share summary", isOurs: (head) => /^To: .*\n\n# Weekly audit /.test(head) };

function readHead(path: string, bytes = 512): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Where `path` really is: symbolic links followed for the file if it exists, else for its folder. */
function realLocation(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    try {
      return join(realpathSync(dirname(absolute)), basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** Whether writing `path` would write the data file `dataFile` or its -wal or -shm, after symbolic links. */
export function isDataFile(path: string, dataFile: string): boolean {
  const target = realLocation(path);
  return ["", "-wal", "-shm"].some((suffix) => target === realLocation(`${dataFile}${suffix}`) || target === `${realLocation(dataFile)}${suffix}`);
}

/**
 * Refuses (exit 2) the data file and its companions, a missing folder, a
 * folder, or an existing file that is not an earlier output of this kind
 * unless forced.
 */
export function checkOutputTarget(path: string, kind: OutputKind, force: boolean, dataFile: string): void {
  if (path.trim() === "") throw usageError("--out needs a file name");
  if (isDataFile(path, dataFile)) throw usageError(`${path} is acct's data file (or part of it); not writing over it`, "give --out another file name");
  const folder = dirname(resolve(path));
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw usageError(`the folder ${folder} does not exist`, "create it first, or give --out a path in an existing folder");
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) throw usageError(`${path} is a folder`, "give a file name with --out");
  if (!force && !kind.isOurs(readHead(path))) {
    throw usageError(`${path} exists and is not an ${kind.name}; not replacing it`, "choose another name, or add --force to replace it");
  }
}

/** Checks the target, then writes `text` (owner-only) through a temporary file and a rename. */
export function writeOutputFile(path: string, text: string, kind: OutputKind, force: boolean, dataFile: string): void {
  checkOutputTarget(path, kind, force, dataFile);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw failure(`cannot write ${path}: ${reason}`, "give a writable path with --out");
  }
}

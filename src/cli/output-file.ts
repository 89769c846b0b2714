/**
 * Writing `--out` files. A run may replace a file acct wrote before (the
 * same kind of output), never another file unless `--force` says so, and a
 * reader never sees half a file (write to a temporary name, then rename).
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/** Refuses (exit 2) a folder, or an existing file that is not an earlier output of this kind, unless forced. */
export function checkOutputTarget(path: string, kind: OutputKind, force = false): void {
  if (path.trim() === "") throw usageError("--out needs a file name");
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) throw usageError(`${path} is a folder`, "give a file name with --out");
  if (!force && !kind.isOurs(readHead(path))) {
    throw usageError(`${path} exists and is not an ${kind.name}; not replacing it`, "choose another name, or add --force to replace it");
  }
}

/** Checks the target, then writes `text` through a temporary file and a rename. */
export function writeOutputFile(path: string, text: string, kind: OutputKind, force = false, mode = 0o644): void {
  checkOutputTarget(path, kind, force);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw failure(`cannot write ${path}: ${reason}`, "give a writable path with --out");
  }
}

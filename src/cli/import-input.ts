/**
 * Reading the file `acct import` is given, bounded so that no input can
 * exhaust memory or wait forever: a regular file or standard input only (a
 * named pipe, a device or a folder is refused before anything is read), at
 * most MAX_IMPORT_BYTES, text (a NUL byte is refused as soon as it is read),
 * UTF-8, and for a CSV no line longer than MAX_CSV_LINE_BYTES (no entry
 * needs one; /dev/zero and binary files fail on the first chunk).
 */
import { isUtf8 } from "node:buffer";
import { closeSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { groupDigits } from "../domain/digits.js";
import { failure, usageError } from "../domain/errors.js";

/** The largest file an import reads: a JSON export of about 1.5 million entries. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** The longest line a CSV may have: an entry's record is at most a few kilobytes. */
export const MAX_CSV_LINE_BYTES = 64 * 1024;

const LF = 10;
const CR = 13;
const OPEN_BRACE = 123;

/** What the content is read as: by the file's name, else by its first character (`{` is JSON). A calendar (.ics) has no line limit. */
export type InputFormat = "csv" | "json" | "ics" | "auto";

export interface InputLimits {
  maxBytes: number;
  maxCsvLine: number;
  /** Bytes read at a time. */
  chunk: number;
}

const LIMITS: InputLimits = { maxBytes: MAX_IMPORT_BYTES, maxCsvLine: MAX_CSV_LINE_BYTES, chunk: 1024 * 1024 };

const mb = (bytes: number) => `${groupDigits(Math.ceil(bytes / (1024 * 1024)))} MB`;

function kindOf(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

function openInput(file: string, limits: InputLimits): number {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw usageError(`no such file: ${file}`);
    throw failure(`cannot read ${file}: ${(error as Error).message}`);
  }
  const kind = kindOf(stats);
  if (kind === "a folder") throw usageError(`${file} is a folder, not a file`);
  // Opening a named pipe waits for a writer, and a device may never end: only stdin reads from those.
  if (kind !== null) throw usageError(`${file} is ${kind}, not a file`, `to import what a command writes, pipe it in: … | acct import -`);
  if (stats.size > limits.maxBytes) {
    throw usageError(
      `${file} is ${mb(stats.size)}; an import reads at most ${mb(limits.maxBytes)}`,
      "split the CSV into smaller files, each with the header line",
    );
  }
  try {
    return openSync(file, "r");
  } catch (error) {
    throw failure(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Blocks the thread for `ms` (stdin in non-blocking mode has no data yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Physical line (1-based) of byte `offset`: LF, CRLF and a lone CR each end a line. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) line++;
  }
  return line;
}

/** Offset of the first byte that does not continue valid UTF-8 (the input is known to hold one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    if (n > 0 && !isUtf8(bytes.subarray(i, i + n + 1))) return i;
    i += n + 1;
  }
  return bytes.length;
}

/**
 * Tracks line lengths across chunks: the longest physical line of a CSV
 * must stay within the limit. Break positions are found natively; only the
 * breaks themselves are visited in JavaScript.
 */
class LineWatch {
  private line = 1;
  private length = 0;
  private afterCr = false;

  constructor(private readonly max: number) {}

  /** The line (1-based) that passed the limit in `chunk`, or null. */
  scan(chunk: Uint8Array): number | null {
    let at = 0;
    let lf = chunk.indexOf(LF);
    let cr = chunk.indexOf(CR);
    if (this.afterCr && chunk[0] === LF) {
      // The second half of a CRLF split between chunks.
      at = 1;
      lf = chunk.indexOf(LF, 1);
    }
    this.afterCr = false;
    for (;;) {
      const next = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (next === -1) {
        this.length += chunk.length - at;
        return this.length > this.max ? this.line : null;
      }
      if (this.length + (next - at) > this.max) return this.line;
      this.line++;
      this.length = 0;
      at = next + 1;
      if (next === cr) {
        if (chunk[at] === LF) at++;
        else if (at === chunk.length) this.afterCr = true;
        cr = chunk.indexOf(CR, at);
      }
      if (lf !== -1 && lf < at) lf = chunk.indexOf(LF, at);
    }
  }
}

/** Whether content starting with `first` (the first byte that is not a BOM or white space) is JSON. */
function formatOf(format: InputFormat, first: number | undefined): Exclude<InputFormat, "auto"> | null {
  if (format !== "auto") return format;
  if (first === undefined) return null;
  return first === OPEN_BRACE ? "json" : "csv";
}

function firstSignificant(chunk: Uint8Array, from: number): number | undefined {
  for (let i = from; i < chunk.length; i++) {
    const b = chunk[i] as number;
    if (b !== 0x20 && b !== 0x09 && b !== LF && b !== CR) return b;
  }
  return undefined;
}

/**
 * The text of `file` (`-`: standard input) as UTF-8, read within `limits`.
 * Every refusal is a usage error naming the file or the line; a file that
 * cannot be opened for another reason is a failure (exit 1).
 */
export function readImportInput(file: string, format: InputFormat, limits: InputLimits = LIMITS): string {
  const stdin = file === "-";
  const fd = stdin ? 0 : openInput(file, limits);
  const name = stdin ? "standard input" : file;
  const chunks: Buffer[] = [];
  let total = 0;
  let decided: Exclude<InputFormat, "auto"> | null = null;
  let watch: LineWatch | null = null;
  try {
    const buffer = Buffer.allocUnsafe(limits.chunk);
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, limits.chunk, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EAGAIN") {
          pause(5);
          continue;
        }
        if (code === "EOF") break;
        if (code === "EISDIR") throw usageError(`${name} is a folder, not a file`);
        throw failure(`cannot read ${name}: ${(error as Error).message}`);
      }
      if (n === 0) break;
      if (total + n > limits.maxBytes) {
        throw usageError(
          `${name} holds more than ${mb(limits.maxBytes)}; an import reads at most that`,
          "split the CSV into smaller files, each with the header line",
        );
      }
      const chunk = Buffer.from(buffer.subarray(0, n));
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        const all = Buffer.concat([...chunks, chunk]);
        throw usageError(
          `line ${lineAt(all, total + nul)}: a NUL byte; ${name} is not a text file`,
          "import a text file: a CSV, a JSON export, a CRM export or an .ics calendar",
        );
      }
      if (decided === null) {
        const bom = total === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0;
        decided = formatOf(format, firstSignificant(chunk, bom));
        if (decided === "csv") {
          watch = new LineWatch(limits.maxCsvLine);
          for (const earlier of chunks) watch.scan(earlier);
        }
      }
      const tooLong = watch?.scan(chunk) ?? null;
      if (tooLong !== null) {
        throw usageError(
          `line ${tooLong}: more than ${groupDigits(limits.maxCsvLine)} bytes without a line break; ${name} is not a CSV export`,
          "a CSV export has one entry per line: date,type,count,amount,minutes,contact,note",
        );
      }
      chunks.push(chunk);
      total += n;
    }
  } finally {
    if (!stdin) closeSync(fd);
  }
  const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  if (!isUtf8(bytes)) {
    throw usageError(`line ${lineAt(bytes, firstInvalidUtf8(bytes))}: not UTF-8 text`, `save ${name} as UTF-8 (in a spreadsheet: CSV UTF-8)`);
  }
  return bytes.toString("utf8");
}

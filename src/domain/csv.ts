/**
 * RFC 4180 CSV: a single-pass reader that knows the physical line each record
 * starts on (a quoted field may span lines), and a writer that quotes only
 * what needs quoting and otherwise keeps every character verbatim.
 */
import { usageError } from "./errors.js";

export interface CsvRecord {
  /** The physical line (1-based) the record starts on. */
  line: number;
  fields: string[];
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const LF = 10;
const CR = 13;

/**
 * Line breaks in `text` from `from` to before `to`: LF, CRLF and a lone CR
 * (old Mac files) each count once. Reads only that span, so counting the
 * breaks of each quoted field keeps a whole read linear.
 */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let breaks = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) breaks++;
  }
  return breaks;
}

/**
 * Calls `onRecord` for each record of `text`, in order. Blank lines are
 * skipped; a line break is LF, CRLF or a lone CR (as old Mac programs write);
 * a byte-order mark is ignored. A stray quote inside an unquoted field, text
 * after a closing quote, or a quote left open are errors naming the line.
 */
export function readCsv(text: string, onRecord: (record: CsvRecord) => void, delimiter: "," | ";" | "\t" = ","): void {
  const SEP = delimiter.charCodeAt(0);
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < length) {
    const startLine = line;
    const fields: string[] = [];
    // One record: fields separated by the delimiter, ended by a line break or the end.
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const fieldLine = line;
        let value = "";
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw usageError(`line ${fieldLine}: a quoted field is never closed`);
          // Count the line breaks the quoted text spans.
          line += countLineBreaks(text, i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        const c = text.charCodeAt(i);
        if (c === SEP) {
          i++;
          continue;
        }
        if (i >= length) break;
        if (c === LF || c === CR) {
          i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
          line++;
          break;
        }
        throw usageError(`line ${line}: unexpected text after a closing quote`);
      }
      let j = i;
      let c = 0;
      while (j < length) {
        c = text.charCodeAt(j);
        if (c === SEP || c === LF || c === CR || c === QUOTE) break;
        j++;
      }
      if (j < length && c === QUOTE) throw usageError(`line ${line}: a quote inside an unquoted field (quote the whole field and double the quote)`);
      fields.push(text.slice(i, j));
      i = j + 1;
      if (j < length && c === SEP) {
        // A comma at the very end still opens one last (empty) field.
        if (i >= length) fields.push("");
        else continue;
      }
      if (j < length) {
        if (c === CR && text.charCodeAt(i) === LF) i++;
        line++;
      }
      break;
    }
    if (fields.length === 1 && fields[0] === "") continue;
    onRecord({ line: startLine, fields });
  }
}

/**
 * The delimiter of a CSV file, from its first line (outside quotes): a comma,
 * a semicolon (spreadsheets in locales with a decimal comma) or a tab,
 * whichever appears most; a comma when none does.
 */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/** Whether a field needs quotes: a comma, a quote, a line break, or leading/trailing space. */
function needsQuotes(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === COMMA || c === QUOTE || c === LF || c === CR) return true;
  }
  return value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32);
}

/** One field as written: quoted (quotes doubled) only when it must be. */
export function csvField(value: string): string {
  return needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

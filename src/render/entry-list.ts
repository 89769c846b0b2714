/**
 * `acct log list` as text: plain aligned lines under a header. The column
 * widths come from one pass over the entries (`measure`), so a list of any
 * length costs linear time and can be streamed — measure every entry, then
 * format each — without holding the rows. Columns no entry fills are left
 * out; within a width (a terminal's), Contact and Note are cut with `…`,
 * and a line the other columns alone make too wide is cut at the width.
 */
import type { ChalkInstance } from "chalk";
import type { Entry } from "../domain/entry.js";
import { entryCells } from "./entry.js";
import { displayWidth, truncateToWidth } from "./text-width.js";

const HEAD = ["ID", "Date", "Type", "Count", "Amount", "Minutes", "Contact", "Note"] as const;
const RIGHT = [true, false, false, true, true, true, false, false];
/** ID, date, type and count are always shown; the other columns only when some entry has a value. */
const ALWAYS = 4;
const CONTACT = 6;
const NOTE = 7;
const GAP = "  ";

export class EntryListLayout {
  private readonly widths: number[] = HEAD.map((h) => h.length);
  private readonly filled: boolean[] = HEAD.map((_, i) => i < ALWAYS);
  private shown: number[] = [];
  private maxWidth = Number.POSITIVE_INFINITY;

  constructor(private readonly currency: string) {}

  private cells(entry: Entry): string[] {
    return entryCells(entry, this.currency).map(String);
  }

  /** Takes one entry's cells into account (call for every entry before `fit`). */
  measure(entry: Entry): void {
    const cells = this.cells(entry);
    for (let i = 0; i < cells.length; i++) {
      const w = displayWidth(cells[i] as string);
      if (w === 0) continue;
      this.filled[i] = true;
      if (w > (this.widths[i] as number)) this.widths[i] = w;
    }
  }

  /**
   * Settles the columns: the filled ones, with Contact and Note sharing what
   * `maxWidth` leaves them (the narrower keeps its width when it can, the
   * other takes the rest), each at least as wide as its header.
   */
  fit(maxWidth: number): void {
    this.maxWidth = maxWidth;
    this.shown = HEAD.map((_, i) => i).filter((i) => this.filled[i]);
    const texts = [CONTACT, NOTE].filter((i) => this.filled[i]).sort((a, b) => (this.widths[a] as number) - (this.widths[b] as number));
    const total = this.shown.reduce((sum, i) => sum + (this.widths[i] as number), 0) + GAP.length * (this.shown.length - 1);
    if (total <= maxWidth) return;
    let budget = maxWidth - (total - texts.reduce((sum, i) => sum + (this.widths[i] as number), 0));
    for (const [k, i] of texts.entries()) {
      const share = Math.floor(budget / (texts.length - k));
      this.widths[i] = Math.max(HEAD[i]?.length ?? 0, Math.min(this.widths[i] as number, share));
      budget -= this.widths[i] as number;
    }
  }

  /** The header line, in bold. */
  header(style: ChalkInstance): string {
    return this.format([...HEAD], (text) => style.bold(text));
  }

  /** One entry's line. */
  line(entry: Entry): string {
    return this.format(this.cells(entry));
  }

  private format(cells: readonly string[], paint: (text: string) => string = (text) => text): string {
    let out = "";
    for (let k = 0; k < this.shown.length; k++) {
      const i = this.shown[k] as number;
      const width = this.widths[i] as number;
      let text = cells[i] as string;
      let w = displayWidth(text);
      if (w > width && (i === NOTE || i === CONTACT)) {
        text = truncateToWidth(text, width);
        w = displayWidth(text);
      }
      const pad = " ".repeat(Math.max(0, width - w));
      if (k > 0) out += GAP;
      out += RIGHT[i] ? pad + paint(text) : k === this.shown.length - 1 ? paint(text) : paint(text) + pad;
    }
    // An entry without the last columns' values ends in padding: no trailing spaces.
    return truncateToWidth(out.replace(/ +$/, ""), this.maxWidth);
  }
}

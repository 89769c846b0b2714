/**
 * How many terminal columns text takes, for renderers that align columns
 * themselves: printable ASCII one each (the fast path), East Asian wide
 * characters and emoji two, combining marks and other zero-width characters
 * none; colour codes (SGR escape sequences, which only renderers add) none.
 * Text from the data file reaches here after its control characters were made
 * visible, so an escape sequence here is always one a renderer wrote.
 */

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
// Hangul Jamo, CJK (radicals … Yi), Hangul syllables, CJK compatibility, vertical and fullwidth forms, planes 2 and 3.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]+$/u;
const SGR = /\u001b\[[0-9;]*m/g;
const RESET = "\u001b[0m";

let segmenter: Intl.Segmenter | undefined;

function graphemes(text: string): Iterable<{ segment: string }> {
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return segmenter.segment(text);
}

function graphemeWidth(g: string): number {
  if (g.length === 1 && g.charCodeAt(0) < 0x7f) return 1;
  if (EMOJI.test(g) || WIDE.test(g)) return 2;
  return ZERO_WIDTH.test(g) ? 0 : 1;
}

/** Terminal columns `text` takes on one line. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of graphemes(text.replace(SGR, ""))) width += graphemeWidth(segment);
  return width;
}

/** The text's colour codes (zero columns) and graphemes, in order, each with its width. */
function* cellsOf(text: string): Generator<{ text: string; width: number }> {
  let last = 0;
  for (const m of text.matchAll(SGR)) {
    for (const { segment } of graphemes(text.slice(last, m.index))) yield { text: segment, width: graphemeWidth(segment) };
    yield { text: m[0], width: 0 };
    last = m.index + m[0].length;
  }
  for (const { segment } of graphemes(text.slice(last))) yield { text: segment, width: graphemeWidth(segment) };
}

/** The longest start of `text` that takes at most `width` columns (at least one character), and the rest. */
function splitAtWidth(text: string, width: number): [string, string] {
  let head = "";
  let used = 0;
  for (const cell of cellsOf(text)) {
    if (cell.width > 0 && used + cell.width > width && used > 0) break;
    head += cell.text;
    used += cell.width;
  }
  return [head, text.slice(head.length)];
}

/**
 * `text` cut to at most `width` columns, ending in `…` when cut (whole
 * characters only); colour cut off mid-way is reset after the `…`.
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  if (PRINTABLE_ASCII.test(text)) return `${text.slice(0, width - 1)}…`;
  let out = "";
  let used = 0;
  let coloured = false;
  for (const cell of cellsOf(text)) {
    if (used + cell.width > width - 1) break;
    out += cell.text;
    used += cell.width;
    if (cell.width === 0 && cell.text.startsWith("\u001b")) coloured = true;
  }
  return `${out}…${coloured ? RESET : ""}`;
}

/**
 * `text` as lines of at most `width` columns, broken at spaces: the first
 * line starts with `first`, the others with `rest` (a hanging indent). A
 * word wider than a line is broken where the line ends, so nothing is lost.
 * An unlimited width (output that is not a terminal) keeps one line.
 */
export function wrapToWidth(text: string, width: number, first = "", rest = first): string[] {
  if (!Number.isFinite(width) || displayWidth(first) + displayWidth(text) <= width) return [first + text];
  // An indent that leaves no room for a (wide) character is left out.
  const [head, hanging] = [first, rest].map((p) => (displayWidth(p) + 2 <= width ? p : "")) as [string, string];
  const lines: string[] = [];
  let prefix = head;
  let line = "";
  let used = 0;
  const room = () => Math.max(1, width - displayWidth(prefix));
  for (const word of text.split(" ")) {
    if (word === "") continue;
    let w = displayWidth(word);
    if (line !== "" && used + 1 + w <= room()) {
      line += ` ${word}`;
      used += 1 + w;
      continue;
    }
    let remaining = word;
    // A word no line could hold starts where the text is, rather than leave the line short.
    if (line !== "" && w > width - displayWidth(hanging) && room() - used >= 3) {
      const [piece, tail] = splitAtWidth(remaining, room() - used - 1);
      line += ` ${piece}`;
      remaining = tail;
      w = displayWidth(remaining);
    }
    if (line !== "") {
      lines.push(prefix + line);
      prefix = hanging;
    }
    while (w > room()) {
      const [piece, tail] = splitAtWidth(remaining, room());
      lines.push(prefix + piece);
      prefix = hanging;
      remaining = tail;
      w = displayWidth(remaining);
    }
    line = remaining;
    used = w;
  }
  return [...lines, prefix + line];
}

/** Each line of `text` cut to `width` columns: the last guard of a page that must fit a terminal. */
export function cutLines(text: string, width: number): string {
  if (!Number.isFinite(width)) return text;
  return text
    .split("\n")
    .map((line) => truncateToWidth(line, width))
    .join("\n");
}

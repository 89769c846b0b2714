/**
 * How many terminal columns text takes, for renderers that align columns
 * themselves: printable ASCII one each (the fast path), East Asian wide
 * characters and emoji two, combining marks and other zero-width characters
 * none. Text reaches here after control characters were made visible.
 */

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
// Hangul Jamo, CJK (radicals … Yi), Hangul syllables, CJK compatibility, vertical and fullwidth forms, planes 2 and 3.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const EMOJI = /\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]+$/u;

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
  for (const { segment } of graphemes(text)) width += graphemeWidth(segment);
  return width;
}

/** `text` cut to at most `width` columns, ending in `…` when cut (whole characters only). */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return "";
  if (PRINTABLE_ASCII.test(text)) return `${text.slice(0, width - 1)}…`;
  let out = "";
  let used = 0;
  for (const { segment } of graphemes(text)) {
    const w = graphemeWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

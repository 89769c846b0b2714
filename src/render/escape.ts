/**
 * Escaping at the edge: text from the data file (notes, contacts, labels,
 * commitments, type names, the buddy, settings) is data in every output.
 * One function per kind of output; each renderer applies its own to every
 * value it did not write itself. Stored text and JSON stay verbatim.
 */

/**
 * Characters a terminal obeys instead of showing: C0 controls (newline and
 * tab included: a value is one line), DEL, C1 controls (0x9b is a CSI on
 * many terminals), line and paragraph separators, and the bidirectional
 * overrides and isolates that reorder what is shown (Trojan Source).
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function showControl(c: string): string {
  const code = c.charCodeAt(0);
  // C0 as its Control Pictures symbol: ESC as ␛, newline as ␊, NUL as ␀.
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  if (code <= 0x9f) return `\\x${code.toString(16).padStart(2, "0")}`;
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * A value for the terminal: every control character shown as a visible
 * symbol (ESC as `␛`, newline as `␊`, C1 and bidi controls as `\x9b`,
 * `\u202e`), so no escape sequence in the data file reaches the terminal.
 */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, showControl);
}

/** Whether `text` holds a character `visibleControls` would replace. */
export function hasControls(text: string): boolean {
  return text.search(CONTROLS) !== -1;
}

/** The colour codes chalk writes (SGR): the only escape sequences acct's own output contains. */
const SGR_OR_CONTROL = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A whole page for the terminal, as the last line of defence behind the
 * renderers: line breaks and tabs stay, colour codes stay when `colour` is
 * on, every other control character is shown as `visibleControls` shows it.
 */
export function terminalPage(text: string, colour: boolean): string {
  return text.replace(SGR_OR_CONTROL, (m) => (m.length > 1 && colour ? m : visibleControls(m)));
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for HTML, in element content or a quoted attribute: markup characters
 * as entities, and control characters shown as on the terminal, so a raw
 * ESC or a bidi override from a deal name reaches neither a browser nor a
 * terminal that prints the file.
 */
export function escapeHtml(text: string): string {
  return visibleControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] as string);
}

/**
 * Text for a Markdown line or table cell (CommonMark and GFM): it stays text.
 * Control characters are shown (a value is one line, so it cannot start a
 * block or end a table row); every character that starts inline markup is
 * backslash-escaped — links and images `[ ] ( ) !`, autolinks and HTML
 * `< >`, emphasis `* _ ~`, code `` ` ``, entities `&`, table cells `|`, math
 * `$`, headings and quotes `# >`; `http://` and `www.` are broken so they do
 * not become links; and a value that begins like a list item (`- `, `+ `,
 * `1. `) or a setext underline does not start one.
 */
export function escapeMarkdown(text: string): string {
  return visibleControls(text)
    .replace(/[\\`*_{}[\]<>()#+!|~&$]/g, "\\$&")
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(/(www)\./gi, "$1\\.")
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*\d+)\./, "$1\\.");
}

/** RFC 5545 TEXT may not hold control characters (ical-generator escapes `\ ; ,` and line breaks itself). */
export function icsText(text: string): string {
  return visibleControls(text);
}

/**
 * A `mailto:` link to one address, or null when `address` is not a plain
 * address: every part percent-encoded, so nothing in the data file can add
 * a header (`?body=`, `&cc=`) or leave the link.
 */
export function mailtoLink(address: string, headers: Record<string, string> = {}): string | null {
  if (!isPlainEmail(address)) return null;
  const at = address.lastIndexOf("@");
  const to = `${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
  const query = Object.entries(headers)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join("&");
  return `mailto:${to}${query ? `?${query}` : ""}`;
}

const EMAIL = /^[\p{L}\p{N}.!$'*+^_`{|}~-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+$/u;

/**
 * An address as people write one: `local@domain.tld` (letters of any
 * script), with no space, control, quote, bracket, comma or URL character
 * (`? & # / % = :`) anywhere.
 */
export function isPlainEmail(address: string): boolean {
  return address.length <= 254 && EMAIL.test(address);
}

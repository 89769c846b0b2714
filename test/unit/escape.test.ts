/** The escaping helpers, fed hostile text: each output kind keeps data as data. */
import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, hasControls, icsText, isPlainEmail, mailtoLink, terminalPage, visibleControls } from "../../src/render/escape.js";

/** What terminals obey: ESC, BEL, CSI/OSC introducers, C1, CR, backspace, DEL. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const HOSTILE = [
  "\u001b]52;c;aGk=\u0007", // OSC 52: writes the clipboard
  "\u001b[2J\u001b[H", // clears the screen
  "\u009b31m", // a C1 CSI
  "\u009d0;title\u009c", // a C1 OSC
  "fake\rreal", // a carriage return overwrites the line
  "a\bb", // backspace
  "\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\", // an OSC 8 hyperlink
  "abc\u202egnp.exe", // a right-to-left override
  "\u2066isolate\u2069",
  "line\u2028separator",
  "tab\there\nnewline",
  "\u0000nul\u007fdel",
];

describe("visibleControls (terminal)", () => {
  it.each(HOSTILE)("shows every control character in %j and obeys none", (text) => {
    const shown = visibleControls(text);
    expect(shown).not.toMatch(RAW_CONTROL);
    expect(shown).not.toMatch(/[\n\t\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(hasControls(text)).toBe(true);
    expect(hasControls(shown)).toBe(false);
  });

  it("uses the Control Pictures symbols for C0 and DEL, and hex for C1 and bidi controls", () => {
    expect(visibleControls("\u001b[2J")).toBe("␛[2J");
    expect(visibleControls("a\nb\tc\rd\u0000\u0007")).toBe("a␊b␉c␍d␀␇");
    expect(visibleControls("\u007f")).toBe("␡");
    expect(visibleControls("\u009b31m")).toBe("\\x9b31m");
    expect(visibleControls("a\u202eb")).toBe("a\\u202eb");
  });

  it("leaves ordinary text alone, any script included", () => {
    for (const text of ["Acme GmbH", "Zoë — Café", "東京の顧客", "مرحبا", "emoji 📞", "50% off; a|b <x> [y](z)"]) {
      expect(visibleControls(text)).toBe(text);
      expect(hasControls(text)).toBe(false);
    }
  });
});

describe("terminalPage (the last line of defence)", () => {
  it("keeps line breaks, tabs and, with colour on, chalk's colour codes; shows everything else", () => {
    const page = "\u001b[1mTitle\u001b[22m\n\tnote: \u001b]52;c;aGk=\u0007 \u001b[2J \u009b31m";
    expect(terminalPage(page, true)).toBe("\u001b[1mTitle\u001b[22m\n\tnote: ␛]52;c;aGk=␇ ␛[2J \\x9b31m");
    expect(terminalPage(page, false)).toBe("␛[1mTitle␛[22m\n\tnote: ␛]52;c;aGk=␇ ␛[2J \\x9b31m");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that can leave text or an attribute", () => {
    expect(escapeHtml(`<script>alert("x")</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(escapeHtml(`' onmouseover='x`)).toBe("&#39; onmouseover=&#39;x");
    expect(escapeHtml("&lt;")).toBe("&amp;lt;");
    expect(escapeHtml("<img src=x onerror=alert(1)>€")).not.toMatch(/[<>]/);
  });

  it("shows control characters and bidi overrides as the terminal does, so none reaches a browser or a terminal printing the file", () => {
    expect(escapeHtml("Deal \u001b]0;T\u0007\u001b[2J \u202eBAD\b\u009b")).toBe("Deal ␛]0;T␇␛[2J \\u202eBAD␈\\x9b");
  });
});

describe("escapeMarkdown", () => {
  const cases: [string, string][] = [
    ["[click](https://evil.example)", "\\[click\\]\\(https\\://evil.example\\)"],
    ["![pixel](https://evil.example/t.png)", "\\!\\[pixel\\]\\(https\\://evil.example/t.png\\)"],
    ["<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert\\(1\\)\\>"],
    ["<https://evil.example>", "\\<https\\://evil.example\\>"],
    ["https://evil.example", "https\\://evil.example"],
    ["www.evil.example", "www\\.evil.example"],
    ["**bold** _it_ ~~gone~~ `code`", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~gone\\~\\~ \\`code\\`"],
    ["a | b", "a \\| b"],
    ["# heading", "\\# heading"],
    ["> quote", "\\> quote"],
    ["- item", "\\- item"],
    ["  + item", "  \\+ item"],
    ["1. item", "1\\. item"],
    ["12) item", "12\\) item"],
    ["===", "\\==="],
    ["&lt;b&gt;", "\\&lt;b\\&gt;"],
    ["$x^2$", "\\$x^2\\$"],
    ["back\\slash", "back\\\\slash"],
    ["line\nbreak | x", "line␊break \\| x"],
    ["\u001b]52;c;aGk=\u0007", "␛\\]52;c;aGk=␇"],
    ["Send the proposal by Friday, 3 p.m.", "Send the proposal by Friday, 3 p.m."],
  ];
  it.each(cases)("%j → %j", (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });

  it("leaves no unescaped markup character and no line break, whatever the text", () => {
    const all = `\\\`*_{}[]<>()#+!|~&$\n\r${HOSTILE.join("")}`;
    const escaped = escapeMarkdown(all);
    // With every backslash escape taken out, no markup character is left.
    expect(escaped.replace(/\\[\\`*_{}[\]<>()#+!|~&$:.=-]/g, "")).not.toMatch(/[\\`*_{}[\]<>()#+!|~&$]/);
    expect(escaped).not.toMatch(/[\r\n]/);
    expect(escaped).not.toMatch(RAW_CONTROL);
  });
});

describe("icsText", () => {
  it("leaves no control character (line breaks included) for a calendar line", () => {
    expect(icsText("Calls\r\nATTENDEE:mailto:evil@example.com")).toBe("Calls␍␊ATTENDEE:mailto:evil@example.com");
    expect(icsText("a\u001b[2Jb")).toBe("a␛[2Jb");
  });
});

describe("mailtoLink and isPlainEmail", () => {
  it("percent-encodes every part", () => {
    expect(mailtoLink("sam@example.com", { subject: "Weekly audit 2026-W11" })).toBe("mailto:sam@example.com?subject=Weekly%20audit%202026-W11");
    expect(mailtoLink("o'neil+acct@example.co.uk", { subject: "a&b=c?d#e" })).toBe("mailto:o'neil%2Bacct@example.co.uk?subject=a%26b%3Dc%3Fd%23e");
    expect(mailtoLink("zoë@exämple.de")).toBe("mailto:zo%C3%AB@ex%C3%A4mple.de");
  });

  it("refuses anything that could add a header, leave the link or the line", () => {
    for (const address of [
      "sam@example.com?body=wire%20money",
      "sam@example.com&cc=boss@example.com",
      "sam@example.com#x",
      "sam@example.com>",
      "<sam@example.com>",
      "sam@example.com\r\nBcc: x@example.com",
      "sam @example.com",
      "sam@example",
      "sam@@example.com",
      "javascript:alert(1)//@example.com",
      "sam@exa/mple.com",
      '"sam"@example.com',
      "sam@example.com)",
      "sam@example.com\u001b[2J",
    ]) {
      expect(isPlainEmail(address), address).toBe(false);
      expect(mailtoLink(address, { subject: "x" }), address).toBeNull();
    }
  });
});

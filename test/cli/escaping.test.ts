/**
 * Nothing injected: text from the data file never becomes a terminal escape,
 * Markdown, HTML or a calendar property. The stored text and JSON stay
 * exact; every page a person reads shows it as text.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, acctJson, EXAMPLE_PLAN, tempDb, type Result } from "../helpers/in-process.js";

/** Terminal attacks: OSC 52 (writes the clipboard), clear screen, a C1 CSI, a carriage return, an OSC 8 link, a bidi override. */
const EVIL = "x\u001b]52;c;aGk=\u0007 \u001b[2J\u001b[H \u009b31m \rfake \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u202egnp.exe";
/** A custom type name (types are lowercase) with escapes in it. */
const EVIL_TYPE = "evil\u001b]52;c;agk=\u0007\u001b[2j";

/** Bytes a terminal obeys: C0 but the line break, DEL, C1, bidi overrides and isolates. */
const OBEYED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectShown(result: Result, what: string): void {
  expect(result.code, `${what}: ${result.stderr}`).toBe(0);
  expect(result.stdout, what).not.toMatch(OBEYED);
  expect(result.stderr, what).not.toMatch(OBEYED);
}

let db = "";

/** Writes into the data file as a restore or another program could, past acct's own checks. */
function writeRaw(file: string, sql: string, ...params: unknown[]): void {
  const conn = new Database(file);
  try {
    conn.prepare(sql).run(...params);
  } finally {
    conn.close();
  }
}

beforeAll(async () => {
  db = tempDb();
  for (const args of [
    EXAMPLE_PLAN,
    ["log", "call", "3", "--note", EVIL, "--contact", EVIL],
    ["log", "meeting", "--contact", "Acme", "--note", "line one\nline two\ttabbed"],
    ["commit", "add", EVIL, "--due", "fri"],
    ["block", "add", EVIL, "--days", "tue,thu,fri", "--start", "08:00", "--end", "09:00"],
    ["block", "skip", "1", "--date", "2026-03-12", "--reason", EVIL],
    ["off", "add", "2026-08-03", "--reason", EVIL],
    ["audit", "--reflect", "--week", "2026-W10", "--rating", "3", "--wins", EVIL, "--misses", EVIL, "--change", EVIL],
  ]) {
    // In the morning: a block added at the end of the day (a date alone) would have no occurrence that day to skip.
    const result = await acct(db, args, { now: "2026-03-12T07:00" });
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
    expect(result.stdout).not.toMatch(OBEYED);
  }
  writeRaw(db, "INSERT INTO custom_types (name, created_at) VALUES (?, '2026-01-01T00:00:00Z')", EVIL_TYPE);
  writeRaw(db, "INSERT INTO weekly_targets (type, target) VALUES (?, 5)", EVIL_TYPE);
});

describe("a terminal shows control characters from the data file, never obeys them", () => {
  it.each([
    [["log", "list"]],
    [["status"]],
    [["commit", "list"]],
    [["audit"]],
    [["audit", "--week", "2026-W11"]],
    [["reviews"]],
    [["block", "list"]],
    [["block", "today"]],
    [["off", "list"]],
    [["type", "list"]],
    [["plan", "show"]],
  ])("acct %j", async (args) => {
    expectShown(await acct(db, args), args.join(" "));
  });

  it("shows ESC as ␛ and a line break inside a note as ␊, on one line", async () => {
    const list = (await acct(db, ["log", "list"])).stdout;
    expect(list).toContain("x␛]52;c;aGk=␇ ␛[2J␛[H \\x9b31m ␍fake ␛]8;;https://evil.example␛\\link");
    expect(list).toContain("line one␊line two␉tabbed");
    expect((await acct(db, ["status"])).stdout).toContain("x␛]52;c;aGk=␇");
    expect((await acct(db, ["type", "list"])).stdout).toContain("evil␛]52;c;agk=␇␛[2j");
  });

  it("echoes what it stores with the same care", async () => {
    const file = tempDb();
    expect((await acct(file, EXAMPLE_PLAN)).code).toBe(0);
    for (const args of [
      ["log", "email", "--note", EVIL],
      ["commit", "add", EVIL, "--due", "fri"],
      ["block", "add", EVIL, "--days", "thu", "--start", "10:00", "--end", "11:00"],
      ["block", "done", "1", "--date", "2026-03-12"],
      ["off", "add", "2026-09-01", "--reason", EVIL],
      ["undo"],
      ["log", "rm", "1"],
    ]) {
      expectShown(await acct(file, args, { now: "2026-03-12T07:00" }), args.join(" "));
    }
  });

  it("keeps the stored text and --json byte-exact", async () => {
    const entries = await acctJson<{ note: string | null; contact: string | null }[]>(db, ["log", "list"]);
    expect(entries[0]).toMatchObject({ note: EVIL, contact: EVIL });
    expect(entries[1]?.note).toBe("line one\nline two\ttabbed");
    expect((await acctJson<{ text: string }[]>(db, ["commit", "list"]))[0]?.text).toBe(EVIL);
    expect((await acctJson<{ label: string }[]>(db, ["block", "list"]))[0]?.label).toBe(EVIL);
    expect((await acctJson<{ change: string }[]>(db, ["reviews"]))[0]?.change).toBe(EVIL);
    expect((await acctJson<{ name: string }[]>(db, ["type", "list"])).map((t) => t.name)).toContain(EVIL_TYPE);
    const exported = (await acct(db, ["export", "--format", "json"])).stdout;
    expect(JSON.stringify(JSON.parse(exported))).toContain(JSON.stringify(EVIL).slice(1, -1));
  });

  it("shows control characters in error messages that echo input", async () => {
    for (const args of [
      ["log", EVIL],
      ["log", "call", "--date", EVIL],
      ["commit", "add", "x", "--due", EVIL],
      ["config", "set", "currency", EVIL],
      ["block", "add", "x", "--days", EVIL, "--start", "08:00", "--end", "09:00"],
      [EVIL],
      ["log", "call", `--${EVIL}`],
    ]) {
      const result = await acct(db, args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toMatch(/^acct: /);
      expect(result.stderr, args.join(" ")).not.toMatch(OBEYED);
    }
    expect((await acct(db, ["log", EVIL])).stderr).toContain("unknown activity type 'x␛]52;c;aGk=␇");
  });

  it("names a bad row of an imported file without obeying what it holds", async () => {
    const csv = join(dirname(db), "evil.csv");
    writeFileSync(csv, `date,type,count,amount,minutes,contact,note\n2026-03-10,${EVIL.replace(/[\r\n]/g, "")},1,,,,\n`);
    const result = await acct(tempDb(), ["import", csv]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 2/);
    expect(result.stderr).not.toMatch(OBEYED);
  });

  it("shows a setting written into the file some other way, and never uses a bad currency for money", async () => {
    const file = tempDb();
    expect((await acct(file, EXAMPLE_PLAN)).code).toBe(0);
    expect((await acct(file, ["log", "deal", "--amount", "42k"])).code).toBe(0);
    writeRaw(file, "INSERT INTO settings (key, value) VALUES ('currency', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", `\u001b[2J<b>`);
    for (const args of [["config", "list"], ["config", "get", "currency"], ["log", "list"], ["status"], ["plan", "show"]])
      expectShown(await acct(file, args), args.join(" "));
    expect((await acct(file, ["log", "list"])).stdout).toContain("$42,000");
  });
});

describe("Markdown (audit --format md, share): data never becomes a link, an image, HTML or a table cell", () => {
  const MARKUP = "[click](https://evil.example) ![x](https://evil.example/t.png) <img src=x onerror=alert(1)> | cell # h *b* `c` www.evil.example";

  async function markdownDb(): Promise<string> {
    const file = tempDb();
    for (const args of [
      EXAMPLE_PLAN,
      ["commit", "add", MARKUP, "--due", "fri"],
      ["commit", "add", "--due", "fri", "--", "- [ ] a task\n# heading"],
      ["audit", "--reflect", "--week", "2026-W10", "--rating", "3", "--wins", "w", "--misses", "m", "--change", `> ${MARKUP}`],
      ["buddy", "set", "Sam", "--email", "sam@example.com"],
    ]) {
      const result = await acct(file, args);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
    }
    writeRaw(file, "UPDATE settings SET value = ? WHERE key = 'buddy.name'", "[Sam](javascript:alert(1)) <script>x</script>");
    writeRaw(file, "INSERT INTO custom_types (name, created_at) VALUES (?, '2026-01-01T00:00:00Z')", "a|b<i>");
    writeRaw(file, "INSERT INTO weekly_targets (type, target) VALUES (?, 5)", "a|b<i>");
    return file;
  }

  /** The Markdown with every backslash escape taken out: what is left must hold no markup. */
  const unescaped = (md: string) => md.replace(/\\[\\`*_{}[\]<>()#+!|~&$:.=-]/g, "");

  it.each([[["audit", "--week", "2026-W11", "--format", "md"]], [["share", "--week", "2026-W11"]]])("acct %j", async (args) => {
    const file = await markdownDb();
    const result = await acct(file, args);
    expect(result.code, result.stderr).toBe(0);
    const md = result.stdout;
    const plain = unescaped(md);
    expect(plain).not.toMatch(/\]\(|!\[|<img|<script|<i>|https:\/\/evil|www\.evil/);
    expect(md).toContain("\\[click\\]\\(https\\://evil.example\\)");
    expect(md).toContain("- [ ] a task␊# heading".replace(/[[\]#-]/g, "\\$&"));
    // The custom type's table row keeps its eight cells: its | is escaped.
    const row = md.split("\n").find((l) => l.startsWith("| a\\|b"));
    expect(row?.replace(/\\\|/g, "").split("|").length).toBe(10);
    if (args[0] === "share") {
      expect(md).toMatch(/^To: \\\[Sam\\\]\\\(javascript:alert\\\(1\\\)\\\) \\<script\\>x\\<\/script\\> <sam@example\.com>/);
      expect(md).toContain("Hi \\[Sam\\]");
    }
  });
});

describe("the mailto: link in acct share", () => {
  it("percent-encodes the address and the subject", async () => {
    const file = tempDb();
    expect((await acct(file, EXAMPLE_PLAN)).code).toBe(0);
    expect((await acct(file, ["buddy", "set", "Sam", "--email", "sam+acct@example.com"])).code).toBe(0);
    const shared = await acctJson<{ mailto: string | null }>(file, ["share"]);
    expect(shared.mailto).toBe("mailto:sam%2Bacct@example.com?subject=Weekly%20audit%202026-W11");
  });

  it.each(["sam@example.com?body=wire%20money", "sam@example.com&cc=boss@example.com", "sam@example.com>\n[x](y)", "<sam@example.com>"])(
    "gives no link for an address written into the file some other way: %j",
    async (email) => {
      const file = tempDb();
      expect((await acct(file, EXAMPLE_PLAN)).code).toBe(0);
      expect((await acct(file, ["buddy", "set", "Sam", "--email", "sam@example.com"])).code).toBe(0);
      writeRaw(file, "UPDATE settings SET value = ? WHERE key = 'buddy.email'", email);
      const shared = await acctJson<{ mailto: string | null; markdown: string }>(file, ["share"]);
      expect(shared.mailto).toBeNull();
      expect(shared.markdown).not.toContain("mailto:");
      expect(shared.markdown.split("\n")[0]).toBe("To: Sam");
    },
  );
});

describe("the HTML report", () => {
  it("escapes a custom type name, and a currency written into the file some other way is not used", async () => {
    const file = tempDb();
    expect((await acct(file, EXAMPLE_PLAN)).code).toBe(0);
    const type = `<img src=x onerror=alert(1)>"'`;
    writeRaw(file, "INSERT INTO custom_types (name, created_at) VALUES (?, '2026-01-01T00:00:00Z')", type);
    writeRaw(file, "INSERT INTO weekly_targets (type, target) VALUES (?, 5)", type);
    writeRaw(file, "INSERT INTO settings (key, value) VALUES ('currency', ?)", "<script>alert(1)</script>");
    const out = join(dirname(file), "report.html");
    const result = await acct(file, ["report", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;");
  });
});

describe("the HTML report's pipeline", () => {
  it("shows a stalled deal's control characters and bidi override, and writes none of them raw", async () => {
    const file = tempDb();
    const name = "Deal \u001b]0;PWNED\u0007\u001b[2J\u001b[41m \u202eBAD\b\b <b>x</b>";
    expect((await acct(file, EXAMPLE_PLAN, { now: "2026-06-10" })).code).toBe(0);
    expect((await acct(file, ["opp", "add", name, "--value", "5k"], { now: "2026-06-10" })).code).toBe(0);
    for (const day of ["10", "11", "12"]) expect((await acct(file, ["opp", "review", "1", "--gap", "g"], { now: `2026-06-${day}` })).code).toBe(0);
    const out = join(dirname(file), "report.html");
    expect((await acct(file, ["report", "--out", out], { now: "2026-06-12" })).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Deal ␛]0;PWNED␇␛[2J␛[41m \\u202eBAD␈␈ &lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe("the iCalendar export", () => {
  it("keeps a label with line breaks and escapes inside its SUMMARY", async () => {
    const file = tempDb();
    const label = "Calls\r\nATTENDEE:mailto:evil@example.com\nEND:VEVENT; a, b \u001b[2J";
    expect((await acct(file, ["block", "add", label, "--days", "tue", "--start", "08:00", "--end", "09:00"])).code).toBe(0);
    const ics = (await acct(file, ["block", "export"])).stdout;
    const lines = ics.split("\r\n");
    expect(lines.filter((l) => l.startsWith("ATTENDEE") || l === "END:VEVENT")).toEqual(["END:VEVENT"]);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    // Unfolded (RFC 5545 folds lines at 75 octets).
    expect(ics.replace(/\r\n /g, "")).toContain("SUMMARY:Calls␍␊ATTENDEE:mailto:evil@example.com␊END:VEVENT\\; a\\, b ␛[2J");
  });
});

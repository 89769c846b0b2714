import { describe, expect, it } from "vitest";
import { AcctError } from "../../src/domain/errors.js";
import { checkRestoreTables, type RestoreRow, type RestoreValue } from "../../src/domain/restore-rules.js";

const TODAY = "2026-03-12"; // a Thursday
const STAMP = "2026-01-05T09:00:00";

/** A small file the commands could have written: every table, every link. */
function validTables(): Record<string, Record<string, RestoreValue>[]> {
  return {
    settings: [
      { key: "buddy.email", value: "sam@example.com" },
      { key: "buddy.name", value: "Sam Lee" },
      { key: "currency", value: "€" },
      { key: "install-id", value: "45a63cb5-706a-42da-a8f8-3a5c3c36d636" },
      { key: "week-start", value: "sun" },
    ],
    plans: [
      {
        year: 2026,
        unit: "revenue",
        target: 120_000_000,
        deal_size: 4_000_000,
        win_rate: 0.25,
        meeting_rate: 0.5,
        call_rate: 0.1,
        workdays: "mon,tue,wed,thu,fri",
        seasonality: "[1,1,1.2,1,1,1,0.8,0.6,1,1.1,1.2,0]",
        hours_per_day: 7.5,
        customer_time: 0.3,
        updated_at: STAMP,
      },
    ],
    custom_types: [{ name: "linkedin", created_at: STAMP }],
    weekly_targets: [
      { type: "linkedin", target: 20 },
      { type: "email", target: 50 },
    ],
    days_off: [{ id: 1, from_date: "2026-08-03", to_date: "2026-08-14", reason: "vacation" }],
    entries: [
      { id: 1, date: "2026-03-10", type: "call", count: 5, amount: null, minutes: 30, contact: "Acme\nCorp", note: null, created_at: STAMP, deleted_at: null },
      {
        id: 2,
        date: "2026-03-12",
        type: "deal",
        count: 1,
        amount: 4_200_050,
        minutes: null,
        contact: null,
        note: "won",
        created_at: STAMP,
        deleted_at: "2026-03-12T10:00:00",
      },
      { id: 3, date: "2026-03-11", type: "linkedin", count: 3, amount: null, minutes: null, contact: null, note: null, created_at: STAMP, deleted_at: null },
    ],
    blocks: [
      { id: 1, label: "Prospecting", days: "tue,thu", start_min: 480, end_min: 570, activity: "call", created_at: STAMP, deleted_at: null },
      { id: 2, label: "Pipeline review", days: "fri", start_min: 960, end_min: 1439, activity: null, created_at: STAMP, deleted_at: null },
    ],
    block_marks: [
      { block_id: 1, date: "2026-03-10", status: "done", reason: null },
      { block_id: 1, date: "2026-03-17", status: "skipped", reason: "trade fair" },
    ],
    commitments: [
      {
        id: 1,
        text: "Make 35 calls",
        due: "2026-03-06",
        metric: "call",
        target: 35,
        created_on: "2026-03-02",
        status: "open",
        closed_on: null,
        carried_from: null,
      },
      {
        id: 2,
        text: "Make 35 calls",
        due: "2026-03-13",
        metric: "call",
        target: 35,
        created_on: "2026-03-09",
        status: "open",
        closed_on: null,
        carried_from: 1,
      },
      {
        id: 3,
        text: "Send the proposal",
        due: "2026-03-20",
        metric: null,
        target: null,
        created_on: "2026-03-09",
        status: "done",
        closed_on: "2026-03-11",
        carried_from: null,
      },
    ],
    reviews: [{ id: 1, week: "2026-W10", rating: 4, wins: "two demos", misses: null, change: "calls first", created_at: STAMP }],
  };
}

/** The usage error a restore of `tables` meets, or null when it passes. */
function problemOf(tables: Record<string, RestoreRow[]>): string | null {
  try {
    checkRestoreTables(tables, TODAY);
    return null;
  } catch (error) {
    if (error instanceof AcctError && error.exitCode === 2) return error.message;
    throw error;
  }
}

function withValue(table: string, index: number, column: string, value: RestoreValue | undefined): Record<string, RestoreRow[]> {
  const tables = validTables();
  const row = tables[table]![index]!;
  if (value === undefined) delete row[column];
  else row[column] = value;
  return tables;
}

describe("checkRestoreTables", () => {
  it("accepts a file the commands could have written", () => {
    expect(problemOf(validTables())).toBeNull();
    expect(problemOf({})).toBeNull();
  });

  // [table, row, column, value, what the error says]
  const cases: [string, number, string, RestoreValue | undefined, RegExp][] = [
    // settings: known keys, values as `acct config set` / `acct buddy set` store them
    ["settings", 0, "value", "sam@example.com?body=hi", /^tables\.settings\[0\]: setting buddy\.email: .* is not an email address/],
    ["settings", 0, "value", "sam@example.com\r\nBcc: x@y.z", /^tables\.settings\[0\]: setting buddy\.email: "sam@example\.com\\r\\nBcc/],
    ["settings", 0, "value", "sam&x@example.com", /not an email address/],
    ["settings", 1, "value", "Sam\nLee", /^tables\.settings\[1\]: setting buddy\.name: buddy name must be one line/],
    ["settings", 1, "value", " Sam", /setting buddy\.name is " Sam", not as acct stores it/],
    ["settings", 1, "value", "Sam\u0000", /buddy name contains a NUL character/],
    ["settings", 2, "value", "euros", /^tables\.settings\[2\]: setting currency: currency 'euros' is not a currency/],
    ["settings", 3, "value", "abc\r\ndef", /^tables\.settings\[3\]: setting install-id: install id "abc\\r\\ndef"/],
    ["settings", 4, "value", "Sunday", /setting week-start is "Sunday", not as acct stores it \("sun"\)/],
    ["settings", 4, "key", "weekstart", /^tables\.settings\[4\]: unknown setting "weekstart"/],
    ["settings", 4, "value", 7, /^tables\.settings\[4\]: value 7 is not text/],
    // plans: every input through its plan-set rule
    ["plans", 0, "year", 1, /^tables\.plans\[0\]: year .* is outside the years acct handles/],
    ["plans", 0, "year", 2026.5, /year 2026\.5 is not a year/],
    ["plans", 0, "year", "2026", /year "2026" is not a year/],
    ["plans", 0, "unit", "euros", /unit "euros" is not 'revenue' or 'deals'/],
    ["plans", 0, "target", 0, /target 0 is not an amount of cents/],
    ["plans", 0, "target", 1e15, /target 1000000000000000 is not an amount of cents/],
    ["plans", 0, "deal_size", null, /a revenue plan needs a deal_size/],
    ["plans", 0, "deal_size", 0.5, /deal_size 0\.5 is not an amount of cents/],
    ["plans", 0, "win_rate", 0, /^tables\.plans\[0\]: win_rate 0 is not a rate/],
    ["plans", 0, "meeting_rate", 2, /meeting_rate 2 is not a rate/],
    ["plans", 0, "call_rate", -0.1, /call_rate -0\.1 is not a rate/],
    ["plans", 0, "call_rate", "0.1", /call_rate "0\.1" is not a rate/],
    ["plans", 0, "customer_time", 1.5, /customer_time 1\.5 is not a rate/],
    ["plans", 0, "workdays", "", /workdays must name at least one weekday/],
    ["plans", 0, "workdays", "mon,funday", /workdays: 'funday' is not a weekday/],
    ["plans", 0, "workdays", "fri,mon", /workdays "fri,mon" is not a list of weekdays as acct stores it \(mon,fri\)/],
    ["plans", 0, "workdays", "mon,mon", /as acct stores it \(mon\)/],
    ["plans", 0, "seasonality", "[1,1,1]", /seasonality needs 12 month weights, got 3/],
    ["plans", 0, "seasonality", "1,1,1,1,1,1,1,1,1,1,1,1", /seasonality "1,1,1.*" is not a list of 12 month weights/],
    ["plans", 0, "seasonality", "[0,0,0,0,0,0,0,0,0,0,0,0]", /seasonality weights must not all be zero/],
    ["plans", 0, "seasonality", "[1,1,1,1,1,1,1,1,1,1,1,-1]", /seasonality weight -1 is not a number of zero or more/],
    ["plans", 0, "seasonality", '[1,1,1,1,1,1,1,1,1,1,1,"x"]', /seasonality weight "x"/],
    ["plans", 0, "seasonality", "[1,1,1,1,1,1,1,1,1,1,1,null]", /seasonality weight null/],
    ["plans", 0, "seasonality", "[1,1,1,1,1,1,1,1,1,1,1,1e300]", /seasonality weight 1e\+300 is too large/],
    ["plans", 0, "hours_per_day", 0, /hours_per_day 0 is not a number above 0 and at most 24/],
    ["plans", 0, "hours_per_day", 25, /hours_per_day 25/],
    ["plans", 0, "updated_at", "soon", /updated_at "soon" is not a date and time/],
    ["plans", 0, "updated_at", undefined, /updated_at null is not a date and time/],
    // custom types: valid names, not a built-in type or alias, not twice
    ["custom_types", 0, "name", "call", /^tables\.custom_types\[0\]: name: type 'call' already exists/],
    ["custom_types", 0, "name", "opps", /type 'opps' already exists/],
    ["custom_types", 0, "name", "list", /is taken by a command/],
    ["custom_types", 0, "name", "LinkedIn", /name "LinkedIn" is not a type name as acct stores it/],
    ["custom_types", 0, "name", "linked\nin", /type name 'linked\\u000ain' is not valid/],
    // weekly targets: email or a custom type, a count
    ["weekly_targets", 0, "type", "call", /^tables\.weekly_targets\[0\]: type 'call' has no weekly target/],
    ["weekly_targets", 0, "type", "twitter", /type "twitter" is not a known activity type/],
    ["weekly_targets", 0, "type", "emails", /type "emails" is not a known activity type/],
    ["weekly_targets", 0, "target", 0, /target 0 is not a whole number from 1 to 100000/],
    ["weekly_targets", 0, "target", 100_001, /target 100001/],
    // days off
    ["days_off", 0, "id", 0, /^tables\.days_off\[0\]: id 0 is not a whole number from 1/],
    ["days_off", 0, "id", 1.5, /id 1\.5 is not a whole number/],
    ["days_off", 0, "from_date", "2026-02-30", /from_date "2026-02-30" is not a real YYYY-MM-DD date/],
    ["days_off", 0, "to_date", "2026-08-01", /range 2026-08-03\.\.2026-08-01 ends before it starts/],
    ["days_off", 0, "to_date", "2027-08-14", /is longer than a year/],
    ["days_off", 0, "reason", "", /reason must not be empty/],
    ["days_off", 0, "reason", "a".repeat(501), /reason is 501 characters long/],
    // entries: the rules of a logged entry, not in the future
    ["entries", 0, "date", "2026-03-13", /^tables\.entries\[0\]: date 2026-03-13 is in the future \(today is 2026-03-12\)/],
    ["entries", 0, "date", "0001-01-01", /date "0001-01-01" is not a real YYYY-MM-DD date/],
    ["entries", 0, "type", "linkedn", /type "linkedn" is not a known type/],
    ["entries", 0, "count", 0, /count 0 is not a whole number from 1 to 100000/],
    ["entries", 0, "amount", 100, /an amount is only for deals/],
    ["entries", 1, "amount", 0, /amount 0 is not a whole number of cents/],
    ["entries", 0, "minutes", -1, /minutes -1/],
    ["entries", 0, "note", "a\u0000b", /note is not text .* without a NUL character/],
    ["entries", 0, "contact", "", /contact is not text/],
    ["entries", 0, "created_at", "2026-13-01T00:00:00", /created_at "2026-13-01T00:00:00" is not a date and time/],
    ["entries", 0, "deleted_at", "yes", /deleted_at "yes" is not a date and time/],
    // blocks: the rules of block add
    ["blocks", 0, "label", " ", /^tables\.blocks\[0\]: label must not be empty/],
    ["blocks", 0, "label", "x\u0000", /label contains a NUL character/],
    ["blocks", 0, "days", "tue,xyz", /days: 'xyz' is not a weekday/],
    ["blocks", 0, "days", "", /days must name at least one weekday/],
    ["blocks", 0, "days", "thu,tue", /days "thu,tue" is not a list of weekdays as acct stores it \(tue,thu\)/],
    ["blocks", 0, "start_min", -30, /start_min -30 is not a whole number from 0 to 1439/],
    ["blocks", 0, "end_min", 1440, /end_min 1440 is not a whole number from 0 to 1439/],
    ["blocks", 0, "end_min", 480, /end_min 480 is not after start_min 480/],
    ["blocks", 0, "activity", "calls", /activity "calls" is not a known activity type/],
    ["blocks", 0, "created_at", null, /created_at null is not a date and time/],
    // block marks: of a block of the file, on its days, done not in the future
    ["block_marks", 0, "block_id", 9, /^tables\.block_marks\[0\]: block_id 9 is not a block of the file/],
    ["block_marks", 0, "date", "2026-03-11", /date 2026-03-11 is a wed: block 1 is on tue,thu/],
    ["block_marks", 0, "date", "2026-01-01", /date 2026-01-01 is before block 1 was added \(2026-01-05\)/],
    ["block_marks", 0, "date", "2026-03-17", /date 2026-03-17 has not come yet/],
    ["block_marks", 1, "status", "kept", /status "kept" is not 'done' or 'skipped'/],
    // commitments
    ["commitments", 1, "carried_from", 2, /^tables\.commitments\[1\]: commitment 2 is carried from itself/],
    ["commitments", 0, "carried_from", 2, /carried_from 2 is not an earlier commitment/],
    ["commitments", 1, "carried_from", 9, /carried_from 9 is not a commitment of the file/],
    ["commitments", 2, "carried_from", 1, /commitment 1 is carried over twice \(by 2 and 3\)/],
    ["commitments", 0, "text", "", /text must not be empty/],
    ["commitments", 0, "due", "2026-02-27", /due 2026-02-27 is before created_on 2026-03-02/],
    ["commitments", 0, "created_on", "2026-03-13", /created_on 2026-03-13 is in the future/],
    ["commitments", 0, "metric", null, /metric and target go together/],
    ["commitments", 0, "metric", "lunch", /metric "lunch" is not a known activity type/],
    ["commitments", 0, "target", 0, /target 0 is not a whole number from 1/],
    ["commitments", 0, "status", "kept", /status "kept" is not 'open' or 'done' or 'dropped'/],
    ["commitments", 0, "closed_on", "2026-03-05", /an open commitment has no closed_on/],
    ["commitments", 2, "closed_on", null, /a done commitment needs closed_on/],
    ["commitments", 2, "closed_on", "2026-03-08", /closed_on 2026-03-08 is before created_on/],
    // reviews
    ["reviews", 0, "week", "2026-W54", /^tables\.reviews\[0\]: week '2026-W54' is not an ISO week/],
    ["reviews", 0, "week", "2026-w10", /week "2026-w10" is not an ISO week as acct stores it \(2026-W10\)/],
    ["reviews", 0, "week", "2026-W12", /week 2026-W12 has not started yet/],
    ["reviews", 0, "week", "2026-W10\n", /week "2026-W10\\n" is not an ISO week as acct stores it/],
    ["reviews", 0, "rating", 6, /rating 6 is not a whole number from 1 to 5/],
    ["reviews", 0, "wins", "", /wins must not be empty/],
  ];

  it.each(cases)("%s[%i].%s = %j", (table, index, column, value, pattern) => {
    const message = problemOf(withValue(table, index, column, value));
    expect(message).toMatch(pattern);
    // One line, whatever the file held.
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });

  it("refuses a second review of a week", () => {
    const tables = validTables();
    tables.reviews!.push({ ...tables.reviews![0]!, id: 2 });
    expect(problemOf(tables)).toMatch(/^tables\.reviews\[1\]: week 2026-W10 has another review/);
  });

  it("knows custom types only from the custom_types table", () => {
    const tables = validTables();
    tables.custom_types = [];
    tables.weekly_targets = [];
    expect(problemOf(tables)).toMatch(/^tables\.entries\[2\]: type "linkedin" is not a known type/);
  });

  it("refuses a plan whose cascade runs past what a number counts exactly", () => {
    const tiny = 0.001;
    const tables = validTables();
    Object.assign(tables.plans![0]!, { target: 1e14, deal_size: 1, win_rate: tiny, meeting_rate: tiny, call_rate: tiny });
    expect(problemOf(tables)).toMatch(/^tables\.plans\[0\]: the plan needs more calls than acct can count/);
  });

  it("accepts a future skip and a future day off, as the commands do", () => {
    const tables = validTables();
    tables.days_off!.push({ id: 2, from_date: "2027-12-24", to_date: "2028-01-02", reason: null });
    expect(problemOf(tables)).toBeNull();
  });
});

describe("checkRestoreTables messages", () => {
  it("quote a long value only in part", () => {
    const message = problemOf(withValue("plans", 0, "workdays", `mon,${"x".repeat(5000)}`)) ?? "";
    expect(message.length).toBeLessThan(200);
    expect(problemOf(withValue("plans", 0, "unit", "r".repeat(5000)))).toMatch(
      /^tables\.plans\[0\]: unit "r{49}…\(5002 characters\) is not 'revenue' or 'deals'$/,
    );
  });
});

/**
 * SPEC "Pipeline and big-deal reviews": `acct opp`, `acct pipeline`, the
 * audit's and status's pipeline, undo, export → restore, and bad input. Every
 * figure is computed by hand in the comments beside it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { acct, acctAll, acctJson, EXAMPLE_PLAN, expectUsageError, fingerprint, tempDb } from "../helpers/in-process.js";

interface OppJson {
  id: number;
  name: string;
  value: number;
  stage: string;
  close: string | null;
  contact: string | null;
  note: string | null;
  status: "open" | "won" | "lost";
  openedOn: string;
  closedOn: string | null;
  amount: number | null;
  lostReason: string | null;
  stalledReviews: number;
  idle: boolean;
  overdue: boolean;
}

interface CommitmentJson {
  id: number;
  text: string;
  due: string;
  metric: string | null;
  target: number | null;
  progress: number | null;
  status: string;
  carried: number;
}

interface Changes {
  new: string[];
  same: string[];
  dropped: string[];
}

interface ReviewJson {
  id: number;
  opp: number;
  date: string;
  stage: string;
  gaps: string[];
  actions: CommitmentJson[];
  stalled: boolean;
  changes: { moves: { from: string; to: string }[]; gaps: Changes; actions: Changes };
}

interface DealJson extends OppJson {
  reviews: ReviewJson[];
  moves: { date: string; from: string; to: string }[];
  commitments: CommitmentJson[];
}

interface Ref {
  id: number;
  name: string;
}

interface PipelineJson {
  open: number;
  value: number;
  weighted: number;
  needed: number | null;
  coverage: number | null;
  coverageGoal: number;
  byCloseMonth: { month: string | null; value: number; plan: number | null }[];
  stalled: Ref[];
  idle: Ref[];
  overdue: Ref[];
  winRate: number | null;
  cycleDays: number | null;
}

interface EntryJson {
  id: number;
  date: string;
  type: string;
  count: number;
  amount: number | null;
  contact: string | null;
  note: string | null;
  opp: number | null;
}

interface MetricJson {
  metric: string;
  period: { actual: number };
  ytd: { actual: number };
  annual: number;
}

interface AuditJson {
  metrics: MetricJson[];
  pipeline: PipelineJson;
}

type ExportDoc = { tables: Record<string, Record<string, string | number | null>[]> };

/** Everything the file holds but the undo journal (which records the undo itself). */
function dataFingerprint(db: string): string {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const tables = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'journal' ORDER BY name").all() as { name: string }[];
    return JSON.stringify(tables.map(({ name }) => [name, conn.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    conn.close();
  }
}

const refs = (list: readonly Ref[]) => list.map(({ id, name }) => ({ id, name }));
const month = (p: PipelineJson, m: string | null) => p.byCloseMonth.find((x) => x.month === m);
const metric = (a: AuditJson, name: string) => a.metrics.find((m) => m.metric === name) as MetricJson;
/** The plan's revenue for a month of 2026: 1,200,000 spread over 2026's 261 working days. */
const monthPlan = (workingDays: number) => (1_200_000 * workingDays) / 261;

describe("a deal and the activity counts stay one truth", () => {
  it("opp add logs an opportunity entry linked by opp; won logs a deal entry with the amount (default: the value)", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN]);
    const added = await acctJson<OppJson>(db, ["opp", "add", "Acme renewal", "--value", "120k", "--close", "2026-04-30", "--contact", "Jane Roe"]);
    expect(added).toEqual({
      id: 1,
      name: "Acme renewal",
      value: 120_000,
      stage: "qualify",
      close: "2026-04-30",
      contact: "Jane Roe",
      note: null,
      status: "open",
      openedOn: "2026-03-12",
      closedOn: null,
      amount: null,
      lostReason: null,
      stalledReviews: 0,
      idle: false,
      overdue: false,
    });
    await acctJson(db, ["opp", "add", "Globex pilot", "--value", "40k", "--stage", "discovery", "--date", "2026-03-02"]);
    let entries = await acctJson<EntryJson[]>(db, ["log", "list"]);
    expect(entries.map((e) => [e.date, e.type, e.count, e.amount, e.opp])).toEqual(
      expect.arrayContaining([
        ["2026-03-12", "opportunity", 1, null, 1],
        ["2026-03-02", "opportunity", 1, null, 2],
      ]),
    );
    expect(entries).toHaveLength(2);

    const won = await acctJson<OppJson>(db, ["opp", "won", "1"]);
    expect([won.status, won.closedOn, won.amount]).toEqual(["won", "2026-03-12", 120_000]);
    const won2 = await acctJson<OppJson>(db, ["opp", "won", "2", "--amount", "35k", "--date", "2026-03-10"]);
    expect([won2.status, won2.closedOn, won2.amount]).toEqual(["won", "2026-03-10", 35_000]);
    // The echo says what it was won for, not its value.
    expect((await acct(db, ["undo"])).code).toBe(0);
    expect((await acct(db, ["opp", "won", "2", "--amount", "35k", "--date", "2026-03-10"])).stdout).toBe("won #2 Globex pilot (won for $35,000)\n");
    entries = await acctJson<EntryJson[]>(db, ["log", "list"]);
    const deals = entries.filter((e) => e.type === "deal").map((e) => [e.date, e.count, e.amount, e.opp]);
    expect(deals.sort()).toEqual([
      ["2026-03-10", 1, 35_000, 2],
      ["2026-03-12", 1, 120_000, 1],
    ]);

    // The audit counts what the deals logged: 2 opportunities, 2 deals, 155,000 revenue this week (W11: 03-09…03-15).
    const audit = await acctJson<AuditJson>(db, ["audit"]);
    expect(metric(audit, "opportunities").ytd.actual).toBe(2);
    expect(metric(audit, "opportunities").period.actual).toBe(1); // Globex was opened 03-02, in W10
    expect(metric(audit, "deals").period.actual).toBe(2);
    expect(metric(audit, "revenue").period.actual).toBe(155_000);
    expect(metric(audit, "revenue").ytd.actual).toBe(155_000);
  });

  it("close dates and action due dates look forward: a bare weekday is the next one after today", async () => {
    const db = tempDb();
    // 2026-03-12 is a Thursday: "thu" as a due date is the 19th, not today.
    expect((await acctJson<OppJson>(db, ["opp", "add", "Acme", "--value", "10k", "--close", "thu"])).close).toBe("2026-03-19");
    const review = await acctJson<ReviewJson>(db, ["opp", "review", "1", "--action", "meet the CFO", "--due", "thu"]);
    expect(review.actions.map((a) => a.due)).toEqual(["2026-03-19"]);
    expect((await acctJson<OppJson>(db, ["opp", "add", "Globex", "--value", "10k", "--close", "eoq"])).close).toBe("2026-03-31");
  });

  it("without a plan there is nothing to cover: needed and coverage are null", async () => {
    const db = tempDb();
    await acctAll(db, [["opp", "add", "Acme", "--value", "10k", "--stage", "proposal"]]);
    const p = await acctJson<PipelineJson>(db, ["pipeline"]);
    expect([p.open, p.value, p.weighted, p.needed, p.coverage]).toEqual([1, 10_000, 5_000, null, null]);
  });

  it("a lost deal logs no deal entry and keeps its reason", async () => {
    const db = tempDb();
    await acctAll(db, [["opp", "add", "Initech", "--value", "50k", "--date", "2026-03-02"]]);
    const lost = await acctJson<OppJson>(db, ["opp", "lost", "1", "--reason", "went with a competitor", "--date", "2026-03-11"]);
    expect([lost.status, lost.closedOn, lost.amount, lost.lostReason]).toEqual(["lost", "2026-03-11", null, "went with a competitor"]);
    expect((await acctJson<EntryJson[]>(db, ["log", "list"])).map((e) => e.type)).toEqual(["opportunity"]);
  });
});

describe("undo reverses each step exactly", () => {
  /** A plan, a deal opened 03-02 with a call logged, reviewed once on 03-05. */
  async function seeded(): Promise<string> {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["opp", "add", "Acme renewal", "--value", "120k", "--contact", "Jane", "--date", "2026-03-02"], ["log", "call", "5"]]);
    await acctAll(db, [["opp", "review", "1", "--gap", "no champion", "--action", "meet the CFO", "--due", "2026-03-06"]], { now: "2026-03-05" });
    return db;
  }

  it("opp add: the deal and its entry go", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN]);
    const before = dataFingerprint(db);
    await acctAll(db, [["opp", "add", "Acme renewal", "--value", "120k", "--date", "2026-03-02"]]);
    expect(dataFingerprint(db)).not.toBe(before);
    await acctAll(db, [["undo"]]);
    expect(dataFingerprint(db)).toBe(before);
    expect(await acctJson(db, ["opp", "list", "--status", "all"])).toEqual([]);
    expect(await acctJson(db, ["log", "list"])).toEqual([]);
  });

  it.each<[string, string[]]>([
    ["opp stage", ["opp", "stage", "1", "proposal"]],
    [
      "opp edit (name, value, close, stage and opening date)",
      ["opp", "edit", "1", "--name", "Acme 2027", "--value", "90k", "--close", "eom", "--stage", "discovery", "--date", "2026-03-03"],
    ],
    [
      "opp review with its commitments",
      [
        "opp",
        "review",
        "1",
        "--gap",
        "no budget",
        "--action",
        "send the ROI case",
        "--due",
        "fri",
        "--action",
        "book 2 demos",
        "--due",
        "2026-03-20",
        "--metric",
        "meeting",
        "--target",
        "2",
      ],
    ],
    ["opp won (default amount)", ["opp", "won", "1"]],
    ["opp won (amount and date)", ["opp", "won", "1", "--amount", "110k", "--date", "2026-03-10"]],
    ["opp lost", ["opp", "lost", "1", "--reason", "no budget this year"]],
  ])("%s", async (_name, step) => {
    const db = await seeded();
    const before = dataFingerprint(db);
    const shown = await acctJson(db, ["opp", "show", "1"]);
    const entries = await acctJson(db, ["log", "list"]);
    const commitments = await acctJson(db, ["commit", "list"]);
    await acctAll(db, [step]);
    expect(dataFingerprint(db)).not.toBe(before);
    const undone = await acct(db, ["undo"]);
    expect(undone.code, undone.stderr).toBe(0);
    expect(dataFingerprint(db)).toBe(before);
    expect(await acctJson(db, ["opp", "show", "1"])).toEqual(shown);
    expect(await acctJson(db, ["log", "list"])).toEqual(entries);
    expect(await acctJson(db, ["commit", "list"])).toEqual(commitments);
  });

  it("the review's commitments go with it", async () => {
    const db = await seeded();
    await acctAll(db, [["opp", "review", "1", "--gap", "x", "--action", "one", "--due", "fri", "--action", "two", "--due", "fri"]]);
    expect(await acctJson<CommitmentJson[]>(db, ["commit", "list"])).toHaveLength(3);
    await acctAll(db, [["undo"]]);
    expect((await acctJson<CommitmentJson[]>(db, ["commit", "list"])).map((c) => c.text)).toEqual(["meet the CFO"]);
    expect((await acctJson<DealJson>(db, ["opp", "show", "1"])).reviews).toHaveLength(1);
  });
});

describe("acct opp list", () => {
  it("filters by --status (default open) and --stage", async () => {
    const db = tempDb();
    await acctAll(db, [
      ["opp", "add", "A", "--value", "10k"],
      ["opp", "add", "B", "--value", "20k", "--stage", "proposal"],
      ["opp", "add", "C", "--value", "30k", "--stage", "proposal"],
      ["opp", "add", "D", "--value", "40k"],
      ["opp", "won", "3"],
      ["opp", "lost", "4", "--reason", "timing"],
    ]);
    const ids = async (...args: string[]) => (await acctJson<OppJson[]>(db, ["opp", "list", ...args])).map((o) => o.id);
    expect(await ids()).toEqual([1, 2]);
    expect(await ids("--status", "open")).toEqual([1, 2]);
    expect(await ids("--status", "won")).toEqual([3]);
    expect(await ids("--status", "lost")).toEqual([4]);
    expect(await ids("--status", "all")).toEqual([1, 2, 3, 4]);
    expect(await ids("--stage", "proposal")).toEqual([2]);
    expect(await ids("--stage", "negotiation")).toEqual([]);
    const [first] = await acctJson<OppJson[]>(db, ["opp", "list"]);
    expect(Object.keys(first as OppJson).sort()).toEqual(
      [
        "id",
        "name",
        "value",
        "stage",
        "close",
        "contact",
        "note",
        "status",
        "openedOn",
        "closedOn",
        "amount",
        "lostReason",
        "stalledReviews",
        "idle",
        "overdue",
      ].sort(),
    );
  });
});

describe("acct opp show: each review beside the one before it", () => {
  it("marks gaps and actions new / same / dropped, lists stage moves and the commitments with their status", async () => {
    const db = tempDb();
    await acctAll(
      db,
      [
        ["opp", "add", "Acme renewal", "--value", "120k", "--close", "2026-04-30"],
        [
          "opp",
          "review",
          "1",
          "--gap",
          "No budget owner",
          "--gap",
          "no champion",
          "--action",
          "meet the CFO",
          "--due",
          "2026-03-04",
          "--action",
          "send pricing",
          "--due",
          "2026-03-06",
          "--metric",
          "email",
          "--target",
          "2",
        ],
      ],
      { now: "2026-03-02" },
    );
    await acctAll(db, [["commit", "done", "1"]], { now: "2026-03-03" }); // kept in time
    await acctAll(db, [["log", "email", "2"]], { now: "2026-03-05" }); // keeps "send pricing"
    const second = await acctJson<ReviewJson>(
      db,
      [
        "opp",
        "review",
        "1",
        "--gap",
        "NO CHAMPION",
        "--gap",
        "legal review",
        "--action",
        "Meet the CFO",
        "--due",
        "2026-03-11",
        "--action",
        "call legal",
        "--due",
        "2026-03-13",
      ],
      { now: "2026-03-09" },
    );
    // Other gaps, and the repeated action's earlier commitment was kept: progress.
    expect(second).toMatchObject({ id: 2, opp: 1, date: "2026-03-09", stage: "qualify", gaps: ["NO CHAMPION", "legal review"], stalled: false });
    expect(second.actions.map((a) => [a.id, a.text, a.due, a.status])).toEqual([
      [3, "Meet the CFO", "2026-03-11", "open"],
      [4, "call legal", "2026-03-13", "open"],
    ]);
    await acctAll(db, [["opp", "stage", "1", "discovery"]], { now: "2026-03-10" });
    await acctAll(db, [["opp", "review", "1", "--gap", "no champion", "--gap", "Legal  review", "--action", "meet the cfo", "--due", "2026-03-13"]]);

    const deal = await acctJson<DealJson>(db, ["opp", "show", "1"]);
    expect(deal).toMatchObject({ id: 1, name: "Acme renewal", stage: "discovery", status: "open", stalledReviews: 0 });
    expect(deal.moves.map((m) => [m.date, m.from, m.to])).toEqual([["2026-03-10", "qualify", "discovery"]]);
    const [r1, r2, r3] = deal.reviews as [ReviewJson, ReviewJson, ReviewJson];
    expect(deal.reviews.map((r) => [r.id, r.date, r.stage, r.stalled])).toEqual([
      [1, "2026-03-02", "qualify", false],
      [2, "2026-03-09", "qualify", false],
      [3, "2026-03-12", "discovery", false],
    ]);
    expect(r1.actions.map((a) => a.id)).toEqual([1, 2]);
    expect(r2.changes.moves).toEqual([]);
    expect(r2.changes.gaps).toEqual({ new: ["legal review"], same: ["NO CHAMPION"], dropped: ["No budget owner"] });
    expect(r2.changes.actions).toEqual({ new: ["call legal"], same: ["Meet the CFO"], dropped: ["send pricing"] });
    // The same gaps as review 2 but the deal moved: not stalled; the move shows.
    expect(r3.changes.moves).toEqual([{ from: "qualify", to: "discovery" }]);
    expect(r3.changes.gaps).toEqual({ new: [], same: ["no champion", "Legal  review"], dropped: [] });
    expect(r3.changes.actions).toEqual({ new: [], same: ["meet the cfo"], dropped: ["call legal"] });
    expect(deal.commitments.map((c) => [c.id, c.text, c.status, c.progress])).toEqual([
      [1, "meet the CFO", "kept", null],
      [2, "send pricing", "kept", 2],
      [3, "Meet the CFO", "missed", null],
      [4, "call legal", "open", null],
      [5, "meet the cfo", "open", null],
    ]);

    // A week later, the same gaps again and no move since: stalled.
    const fourth = await acctJson<ReviewJson>(db, ["opp", "review", "1", "--gap", "legal review", "--gap", "No Champion"], { now: "2026-03-19" });
    expect(fourth.stalled).toBe(true);
    expect((await acctJson<DealJson>(db, ["opp", "show", "1"], { now: "2026-03-19" })).stalledReviews).toBe(1);
  });
});

describe("the stall rule through the commands", () => {
  it("an action repeated while its earlier commitment is unkept stalls the review; one kept in time does not", async () => {
    const db = tempDb();
    await acctAll(
      db,
      [
        ["opp", "add", "Globex", "--value", "80k"],
        ["opp", "add", "Initech", "--value", "50k"],
        ["opp", "review", "1", "--gap", "no sponsor", "--action", "send the ROI case", "--due", "2026-03-04"],
        ["opp", "review", "2", "--gap", "no sponsor", "--action", "send the ROI case", "--due", "2026-03-04"],
      ],
      { now: "2026-03-02" },
    );
    await acctAll(db, [["commit", "done", "2"]], { now: "2026-03-04" }); // Initech's action kept on its due day
    const globex = await acctJson<ReviewJson>(db, ["opp", "review", "1", "--gap", "no budget", "--action", "Send the  ROI case", "--due", "fri"], {
      now: "2026-03-09",
    });
    const initech = await acctJson<ReviewJson>(db, ["opp", "review", "2", "--gap", "no budget", "--action", "Send the  ROI case", "--due", "fri"], {
      now: "2026-03-09",
    });
    expect(globex.stalled).toBe(true);
    expect(initech.stalled).toBe(false);
    const pipeline = await acctJson<PipelineJson>(db, ["pipeline"], { now: "2026-03-09" });
    expect(refs(pipeline.stalled)).toEqual([{ id: 1, name: "Globex" }]);
  });

  it("the first review is never stalled", async () => {
    const db = tempDb();
    await acctAll(db, [["opp", "add", "Acme", "--value", "10k"]]);
    expect((await acctJson<ReviewJson>(db, ["opp", "review", "1", "--gap", "no champion"])).stalled).toBe(false);
  });
});

describe("acct pipeline", () => {
  /**
   * As of 2026-03-12 with the example plan (1,200,000 a year):
   *   #1 Acme renewal 120k qualify, closes 2026-04-30 (opened today)
   *   #2 Globex 80k, opened 02-02 in discovery, moved to proposal today, closes 2026-05-15
   *   #3 Initech 50k negotiation, no close date, opened 01-05 (idle since)
   *   #4 Umbrella 40k opened 01-12, won 02-11 for 45k (30 days)
   *   #5 Hooli 30k opened 01-19, won 03-10 at its value (50 days)
   *   #6 Stark 60k opened 02-02, lost 03-02
   */
  async function pipelineDb(): Promise<string> {
    const db = tempDb();
    await acctAll(db, [
      EXAMPLE_PLAN,
      ["opp", "add", "Acme renewal", "--value", "120k", "--close", "2026-04-30"],
      ["opp", "add", "Globex", "--value", "80k", "--stage", "discovery", "--close", "2026-05-15", "--date", "2026-02-02"],
      ["opp", "stage", "2", "proposal"],
      ["opp", "add", "Initech", "--value", "50k", "--stage", "negotiation", "--date", "2026-01-05"],
      ["opp", "add", "Umbrella", "--value", "40k", "--date", "2026-01-12"],
      ["opp", "won", "4", "--amount", "45k", "--date", "2026-02-11"],
      ["opp", "add", "Hooli", "--value", "30k", "--date", "2026-01-19"],
      ["opp", "won", "5", "--date", "2026-03-10"],
      ["opp", "add", "Stark", "--value", "60k", "--date", "2026-02-02"],
      ["opp", "lost", "6", "--reason", "went with a competitor", "--date", "2026-03-02"],
    ]);
    return db;
  }

  it("computes value, weighted, coverage, close months, win rate and cycle as by hand", async () => {
    const db = await pipelineDb();
    const p = await acctJson<PipelineJson>(db, ["pipeline"]);
    expect(p.open).toBe(3);
    expect(p.value).toBe(250_000); // 120k + 80k + 50k
    expect(p.weighted).toBeCloseTo(89_500, 2); // 120k×10 % + 80k×50 % + 50k×75 %
    expect(p.needed).toBe(1_125_000); // 1,200,000 − (45,000 + 30,000)
    expect(p.coverage).toBeCloseTo(250_000 / 1_125_000, 4); // 0.2222
    expect(p.coverageGoal).toBe(3);
    // April 2026 has 22 working days, May 21; 2026 has 261.
    expect(month(p, "2026-04")?.value).toBe(120_000);
    expect(month(p, "2026-04")?.plan).toBeCloseTo(monthPlan(22), 2); // 101,149.43
    expect(month(p, "2026-05")?.value).toBe(80_000);
    expect(month(p, "2026-05")?.plan).toBeCloseTo(monthPlan(21), 2); // 96,551.72
    expect(month(p, null)).toEqual({ month: null, value: 50_000, plan: null });
    expect(p.byCloseMonth.reduce((s, m) => s + m.value, 0)).toBe(250_000);
    expect(p.winRate).toBeCloseTo(2 / 3, 4); // Umbrella and Hooli won, Stark lost
    expect(p.cycleDays).toBe(40); // median of 30 and 50
    expect(refs(p.stalled)).toEqual([]);
    expect(refs(p.idle)).toEqual([{ id: 3, name: "Initech" }]);
    expect(refs(p.overdue)).toEqual([]);
  });

  it("the audit's JSON carries the same pipeline, against the revenue the audit says is still needed", async () => {
    const db = await pipelineDb();
    const p = await acctJson<PipelineJson>(db, ["pipeline"]);
    const audit = await acctJson<AuditJson>(db, ["audit"]);
    expect(metric(audit, "revenue").annual - metric(audit, "revenue").ytd.actual).toBe(1_125_000);
    expect(audit.pipeline).toMatchObject({
      open: p.open,
      value: p.value,
      weighted: p.weighted,
      needed: p.needed,
      coverage: p.coverage,
      coverageGoal: p.coverageGoal,
      byCloseMonth: p.byCloseMonth,
      winRate: p.winRate,
      cycleDays: p.cycleDays,
    });
    expect(refs(audit.pipeline.idle)).toEqual([{ id: 3, name: "Initech" }]);
  });

  it("a past week's audit sees the pipeline as it stood then", async () => {
    const db = await pipelineDb();
    // W06 (02-02…02-08): open then were Initech, Umbrella, Hooli, Globex (still in discovery) and Stark; nothing closed yet.
    const p = (await acctJson<AuditJson>(db, ["audit", "--week", "2026-W06"])).pipeline;
    expect(p.open).toBe(5);
    expect(p.value).toBe(260_000); // 50k + 40k + 30k + 80k + 60k
    expect(p.weighted).toBeCloseTo(50_000 * 0.75 + 40_000 * 0.1 + 30_000 * 0.1 + 80_000 * 0.25 + 60_000 * 0.1, 2); // 70,500
    expect(p.winRate).toBeNull();
    expect(p.needed).toBe(1_200_000);
  });

  it("coverage is null once the year's revenue is reached", async () => {
    const db = tempDb();
    await acctAll(db, [
      EXAMPLE_PLAN,
      ["opp", "add", "Big one", "--value", "1.3m", "--date", "2026-01-05"],
      ["opp", "won", "1", "--date", "2026-03-02"],
      ["opp", "add", "Next", "--value", "10k"],
    ]);
    const p = await acctJson<PipelineJson>(db, ["pipeline"]);
    expect([p.needed, p.coverage, p.value]).toEqual([0, null, 10_000]);
    expect(p.cycleDays).toBe(56); // 01-05 → 03-02
  });

  it("idle after 14 days without anything on the deal; overdue once its close date has passed", async () => {
    const db = tempDb();
    await acctAll(db, [["opp", "add", "Acme", "--value", "10k", "--close", "2026-03-20"]]);
    const at = (now: string) => acctJson<PipelineJson>(db, ["pipeline"], { now });
    expect(refs((await at("2026-03-20")).overdue)).toEqual([]);
    expect(refs((await at("2026-03-21")).overdue)).toEqual([{ id: 1, name: "Acme" }]);
    expect(refs((await at("2026-03-25")).idle)).toEqual([]); // 13 days
    expect(refs((await at("2026-03-26")).idle)).toEqual([{ id: 1, name: "Acme" }]); // 14 days
    const [listed] = await acctJson<OppJson[]>(db, ["opp", "list"], { now: "2026-03-26" });
    expect([listed?.idle, listed?.overdue]).toEqual([true, true]);
    // The idle-days setting moves the line.
    await acctAll(db, [["config", "set", "idle-days", "15"]]);
    expect(refs((await at("2026-03-26")).idle)).toEqual([]);
    // A review restarts the clock: 14 days after it, not idle at 15 idle-days; 15 days after, idle.
    await acctAll(db, [["opp", "review", "1", "--gap", "no champion"]], { now: "2026-03-24" });
    expect(refs((await at("2026-04-07")).idle)).toEqual([]);
    expect(refs((await at("2026-04-08")).idle)).toEqual([{ id: 1, name: "Acme" }]);
  });
});

describe("the audit and status name stalled deals", () => {
  /** Acme reviewed three times (03-02, 03-05, 03-12) with the same gaps and no stage move. */
  async function stalledDb(): Promise<string> {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN]);
    await acctAll(
      db,
      [
        ["opp", "add", "Acme renewal", "--value", "120k", "--close", "2026-04-30"],
        ["opp", "review", "1", "--gap", "No budget owner", "--gap", "no champion", "--action", "meet the CFO", "--due", "2026-03-04"],
      ],
      { now: "2026-03-02" },
    );
    await acctAll(db, [["opp", "review", "1", "--gap", "no champion", "--gap", "no  BUDGET owner"]], { now: "2026-03-05" });
    await acctAll(db, [["opp", "review", "1", "--gap", "NO CHAMPION", "--gap", "no budget owner"]]);
    return db;
  }

  it("audit text: Same deal, same gaps: <name> — 3rd review in a row with the same gaps and no stage move", async () => {
    const db = await stalledDb();
    const text = await acct(db, ["audit"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("Same deal, same gaps: Acme renewal — 3rd review in a row with the same gaps and no stage move");
    const json = await acctJson<AuditJson>(db, ["audit"]);
    expect(refs(json.pipeline.stalled)).toEqual([{ id: 1, name: "Acme renewal" }]);
    expect((await acctJson<OppJson[]>(db, ["opp", "list"]))[0]?.stalledReviews).toBe(2);
    // The week before, two reviews: the 2nd in a row.
    expect((await acct(db, ["audit", "--week", "2026-W10"])).stdout).toContain(
      "Same deal, same gaps: Acme renewal — 2nd review in a row with the same gaps and no stage move",
    );
  });

  it("a stage move, then a review, ends it", async () => {
    const db = await stalledDb();
    await acctAll(db, [["opp", "stage", "1", "discovery"]]);
    await acctAll(db, [["opp", "review", "1", "--gap", "no champion", "--gap", "no budget owner"]], { now: "2026-03-19" });
    const text = (await acct(db, ["audit"], { now: "2026-03-19" })).stdout;
    expect(text).not.toContain("Same deal, same gaps");
    expect(refs((await acctJson<AuditJson>(db, ["audit"], { now: "2026-03-19" })).pipeline.stalled)).toEqual([]);
  });

  it("status shows one Pipeline line and one Stalled line", async () => {
    const db = await stalledDb();
    // A second stalled deal: still one line.
    await acctAll(
      db,
      [
        ["opp", "add", "Globex", "--value", "80k"],
        ["opp", "review", "2", "--gap", "no sponsor"],
      ],
      { now: "2026-03-09" },
    );
    await acctAll(db, [["opp", "review", "2", "--gap", "No sponsor"]]);
    const status = await acct(db, ["status"]);
    expect(status.code, status.stderr).toBe(0);
    const lines = status.stdout.split("\n");
    const pipelineLines = lines.filter((l) => /^Pipeline\b/.test(l));
    const stalledLines = lines.filter((l) => /^Stalled\b/.test(l));
    expect(pipelineLines).toHaveLength(1);
    expect(pipelineLines[0]).toContain("2 open");
    expect(stalledLines).toHaveLength(1);
    expect(stalledLines[0]).toContain("Acme renewal");
  });

  it("status shows no Stalled line when no deal is stalled", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["opp", "add", "Acme", "--value", "10k"]]);
    const lines = (await acct(db, ["status"])).stdout.split("\n");
    expect(lines.filter((l) => /^Pipeline\b/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^Stalled\b/.test(l))).toHaveLength(0);
  });
});

describe("stages and their probabilities are settings", () => {
  it("config set stages / stage-probabilities change the stages and the weighted value, one undo step each", async () => {
    const db = tempDb();
    const set = await acctJson<{ key: string; value: string }>(db, ["config", "set", "stages", "Lead, demo,contract"]);
    expect(set).toMatchObject({ key: "stages", value: "lead,demo,contract" });
    await acctAll(db, [["config", "set", "stage-probabilities", "10,40%,80"]]);
    const added = await acctJson<OppJson>(db, ["opp", "add", "Acme", "--value", "100k", "--stage", "demo"]);
    expect(added.stage).toBe("demo");
    expect((await acctJson<OppJson>(db, ["opp", "add", "Globex", "--value", "10k"])).stage).toBe("lead"); // the first stage
    expect((await acctJson<PipelineJson>(db, ["pipeline"])).weighted).toBeCloseTo(100_000 * 0.4 + 10_000 * 0.1, 2); // 41,000
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["opp", "stage", "1", "qualify"]), /unknown stage 'qualify'/);
    expectUsageError(await acct(db, ["config", "set", "stage-probabilities", "10,20"]), /2 stage probabilities for 3 stages/);
    expectUsageError(await acct(db, ["config", "set", "stages", "lead,contract,closing"]), /open deals are in 'demo'/);
    expect(fingerprint(db)).toBe(before);
    await acctAll(db, [
      ["opp", "stage", "1", "contract"],
      ["config", "set", "stage-probabilities", "10,40,90"],
    ]);
    expect((await acctJson<PipelineJson>(db, ["pipeline"])).weighted).toBeCloseTo(100_000 * 0.9 + 10_000 * 0.1, 2);
    await acctAll(db, [["undo"]]);
    expect((await acctJson<{ value: string }>(db, ["config", "get", "stage-probabilities"])).value).toBe("10,40,80");
    expect((await acctJson<PipelineJson>(db, ["pipeline"])).weighted).toBeCloseTo(100_000 * 0.8 + 10_000 * 0.1, 2);
  });

  it("config unset stages is refused while open deals are in a stage the default stages leave out", async () => {
    const db = tempDb();
    await acctAll(db, [
      ["config", "set", "stages", "lead,demo,contract"],
      ["opp", "add", "Acme", "--value", "100k", "--stage", "demo"],
    ]);
    const before = fingerprint(db);
    expectUsageError(await acct(db, ["config", "unset", "stages"]), /open deals are in 'demo'/);
    expect(fingerprint(db)).toBe(before);
  });
});

describe("export → restore", () => {
  async function richDb(): Promise<string> {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["config", "set", "idle-days", "10"], ["log", "call", "20", "--date", "2026-03-02"]], { now: "2026-03-02" });
    await acctAll(
      db,
      [
        ["opp", "add", "Acme renewal", "--value", "120k", "--close", "2026-04-30", "--contact", "Jane Roe", "--note", "renewal + upsell"],
        ["opp", "add", "Globex", "--value", "80k", "--stage", "discovery", "--date", "2026-02-02"],
        ["opp", "add", "Initech", "--value", "50k", "--date", "2026-01-05"],
        ["opp", "review", "1", "--gap", "no champion", "--action", "meet the CFO", "--due", "2026-03-04"],
        ["opp", "review", "2", "--gap", "no budget", "--action", "book 2 demos", "--due", "2026-03-06", "--metric", "meeting", "--target", "2"],
      ],
      { now: "2026-03-02" },
    );
    await acctAll(
      db,
      [
        ["opp", "stage", "2", "proposal"],
        ["opp", "review", "1", "--gap", "No Champion"],
      ],
      { now: "2026-03-05" },
    );
    await acctAll(db, [
      ["opp", "won", "2", "--amount", "85k"],
      ["opp", "lost", "3", "--reason", "no budget"],
      ["opp", "review", "1", "--gap", "no champion"],
    ]);
    return db;
  }

  it("keeps deals, moves, reviews, commitments and links", async () => {
    const db = await richDb();
    const file = join(dirname(db), "export.json");
    await acctAll(db, [["export", "--out", file]]);
    const restored = tempDb();
    const result = await acct(restored, ["import", file]);
    expect(result.code, result.stderr).toBe(0);
    // The summary names what came back in words: "3 deals, 2 stage moves, …".
    expect(result.stdout).toMatch(/\d+ deals?, \d+ stage moves?, \d+ deal reviews?/);
    for (const args of [
      ["opp", "list", "--status", "all"],
      ["opp", "show", "1"],
      ["opp", "show", "2"],
      ["opp", "show", "3"],
      ["log", "list"],
      ["commit", "list"],
      ["pipeline"],
    ]) {
      expect(await acctJson(restored, args), args.join(" ")).toEqual(await acctJson(db, args));
    }
    expect((await acctJson<AuditJson>(restored, ["audit"])).pipeline).toEqual((await acctJson<AuditJson>(db, ["audit"])).pipeline);
    const entries = await acctJson<EntryJson[]>(restored, ["log", "list"]);
    expect(
      entries
        .filter((e) => e.opp !== null)
        .map((e) => [e.type, e.opp])
        .sort(),
    ).toEqual([
      ["deal", 2],
      ["opportunity", 1],
      ["opportunity", 2],
      ["opportunity", 3],
    ]);
    const acme = await acctJson<DealJson>(restored, ["opp", "show", "1"]);
    expect(acme.reviews.map((r) => r.stalled)).toEqual([false, true, true]);
    expect(acme.stalledReviews).toBe(2);
    const globex = await acctJson<DealJson>(restored, ["opp", "show", "2"]);
    expect(globex.moves.map((m) => [m.from, m.to])).toEqual([["discovery", "proposal"]]);
  });

  it("a file whose deal was re-dated after its reviews still restores", async () => {
    const db = tempDb();
    await acctAll(db, [["opp", "add", "Acme", "--value", "10k"]], { now: "2026-03-02" });
    await acctAll(db, [["opp", "review", "1", "--gap", "no champion"]], { now: "2026-03-05" });
    // Moving the opening after the review either is refused or leaves a file that restores.
    await acct(db, ["opp", "edit", "1", "--date", "2026-03-10"]);
    const file = join(dirname(db), "export.json");
    await acctAll(db, [["export", "--out", file]]);
    const restored = await acct(tempDb(), ["import", file]);
    expect(restored.code, restored.stderr).toBe(0);
  });

  it("a file with stages unset under open deals still restores", async () => {
    const db = tempDb();
    await acctAll(db, [
      ["config", "set", "stages", "lead,demo,contract"],
      ["opp", "add", "Acme", "--value", "100k", "--stage", "demo"],
    ]);
    await acct(db, ["config", "unset", "stages"]);
    const file = join(dirname(db), "export.json");
    await acctAll(db, [["export", "--out", file]]);
    const restored = await acct(tempDb(), ["import", file]);
    expect(restored.code, restored.stderr).toBe(0);
  });

  describe("a broken opportunity row exits 2 with nothing written", () => {
    let base = "";
    beforeAll(async () => {
      const db = await richDb();
      const file = join(dirname(db), "export.json");
      await acctAll(db, [["export", "--out", file]]);
      base = readFileSync(file, "utf8");
    });
    const row = (doc: ExportDoc, table: string, match: (r: Record<string, string | number | null>) => boolean) => {
      const found = doc.tables[table]?.find(match);
      if (!found) throw new Error(`no such row in ${table}`);
      return found;
    };

    it.each<[string, (doc: ExportDoc) => void, RegExp]>([
      ["an open deal with closed_on", (d) => void (row(d, "opportunities", (r) => r.id === 1).closed_on = "2026-03-10"), /open deal has no closed_on/],
      ["a won deal without its amount", (d) => void (row(d, "opportunities", (r) => r.id === 2).amount = null), /won deal needs its amount/],
      ["a lost deal without its reason", (d) => void (row(d, "opportunities", (r) => r.id === 3).lost_reason = null), /lost deal needs its lost_reason/],
      ["a deal closed before it opened", (d) => void (row(d, "opportunities", (r) => r.id === 2).closed_on = "2026-01-01"), /before opened_on/],
      ["an entry linked to a missing deal", (d) => void (row(d, "entries", (r) => r.opp === 1).opp = 99), /99 is not an opportunity of the file/],
      ["a call linked to a deal", (d) => void (row(d, "entries", (r) => r.type === "call").opp = 1), /only its opportunity and deal entries/],
      ["a review of a missing deal", (d) => void (row(d, "opp_reviews", (r) => r.id === 1).opp = 42), /42 is not an opportunity of the file/],
      ["a move of a missing deal", (d) => void (row(d, "opp_moves", () => true).opp = 42), /42 is not an opportunity of the file/],
      ["a review whose gaps are not a list", (d) => void (row(d, "opp_reviews", (r) => r.id === 1).gaps = "no champion"), /not a JSON list of texts/],
      ["a commitment of a missing review", (d) => void (row(d, "commitments", (r) => r.review === 1).review = 77), /77 is not a deal review of the file/],
      // The deals and the activity counts stay one truth: the entries a deal logged are exactly those.
      [
        "a won deal's entry for another amount",
        (d) => void (row(d, "entries", (r) => r.opp === 2 && r.type === "deal").amount = 1),
        /has amount 1, not the \d+ it was won for/,
      ],
      [
        "a deal entry on an open deal",
        (d) => void (row(d, "entries", (r) => r.opp === 2 && r.type === "deal").opp = 1),
        /the deal is open, and only a won deal logs one/,
      ],
      [
        "a won deal without its deal entry",
        (d) => void (d.tables.entries = (d.tables.entries ?? []).filter((r) => !(r.opp === 2 && r.type === "deal"))),
        /^acct: tables\.opportunities\[1\]: deal 2 has no deal entry/,
      ],
      [
        "a second opportunity entry",
        (d) => void d.tables.entries?.push({ ...row(d, "entries", (r) => r.opp === 1 && r.type === "opportunity"), id: 999 }),
        /deal 1 has a second opportunity entry/,
      ],
      [
        "a removed linked entry",
        (d) => void (row(d, "entries", (r) => r.opp === 1).deleted_at = "2026-03-11T10:00:00"),
        /is removed: a deal's entries go with the deal/,
      ],
      ["a linked entry counting 2", (d) => void (row(d, "entries", (r) => r.opp === 1).count = 2), /has count 2: a deal logs one/],
      [
        "stage probabilities fewer than the stages",
        (d) => void d.tables.settings?.push({ key: "stage-probabilities", value: "10,20" }),
        /^acct: tables\.settings\[\d+\]: 2 stage probabilities for 4 stages \(qualify, discovery, proposal, negotiation\)/,
      ],
      [
        "an opportunity entry on another day",
        (d) => void (row(d, "entries", (r) => r.opp === 1 && r.type === "opportunity").date = "2026-03-11"),
        /not 2026-03-\d\d when it was opened/,
      ],
    ])("%s", async (_name, mutate, pattern) => {
      const doc = JSON.parse(base) as ExportDoc;
      mutate(doc);
      const db = tempDb();
      const file = join(dirname(db), "bad.json");
      writeFileSync(file, JSON.stringify(doc));
      expectUsageError(await acct(db, ["import", file]), pattern);
      expect(fingerprint(db)).toBe("absent");
    });
  });
});

describe("the entries and actions follow the deal", () => {
  it("a renamed or re-dated deal renames and re-dates the entries it logged; a won amount corrected corrects its deal entry", async () => {
    const db = tempDb();
    await acctAll(db, [
      EXAMPLE_PLAN,
      ["opp", "add", "Acme", "--value", "50k", "--contact", "Jane", "--date", "2026-03-02"],
      ["opp", "won", "1", "--amount", "45k", "--date", "2026-03-10"],
      ["opp", "edit", "1", "--name", "Acme renewal", "--contact", "Jo", "--date", "2026-03-03", "--amount", "48k"],
    ]);
    const entries = await acctJson<EntryJson[]>(db, ["log", "list"]);
    expect(entries.map((e) => [e.type, e.date, e.amount, e.contact, e.note, e.opp])).toEqual([
      ["opportunity", "2026-03-03", null, "Jo", "Acme renewal", 1],
      ["deal", "2026-03-10", 48_000, "Jo", "Acme renewal", 1],
    ]);
    // One undo step puts the deal and both entries back.
    await acct(db, ["undo"]);
    expect((await acctJson<EntryJson[]>(db, ["log", "list"])).map((e) => [e.date, e.amount, e.note])).toEqual([
      ["2026-03-02", null, "Acme"],
      ["2026-03-10", 45_000, "Acme"],
    ]);
  });

  it("closing a deal drops its actions still open; kept and missed ones stay as they were", async () => {
    const db = tempDb();
    await acctAll(db, [["opp", "add", "Acme", "--value", "50k", "--date", "2026-03-02"]], { now: "2026-03-02" });
    await acctAll(db, [["opp", "review", "1", "--action", "send pricing", "--due", "2026-03-04"]], { now: "2026-03-02" }); // #1: missed by the 12th
    await acctAll(db, [
      ["opp", "review", "1", "--action", "meet the CFO", "--due", "fri", "--action", "book 2 demos", "--due", "fri", "--metric", "meeting", "--target", "2"],
      ["log", "meeting", "2"], // keeps #3
      ["opp", "lost", "1", "--reason", "no budget"],
    ]);
    const list = await acctJson<CommitmentJson[]>(db, ["commit", "list"]);
    expect(list.map((c) => [c.id, c.status])).toEqual([
      [1, "missed"],
      [2, "dropped"],
      [3, "kept"],
    ]);
    await acct(db, ["undo"]);
    expect((await acctJson<CommitmentJson[]>(db, ["commit", "list"])).map((c) => c.status)).toEqual(["missed", "open", "kept"]);
  });
});

describe("found by a new user's trial", () => {
  it("the demo's summary counts every commitment, the deal reviews' actions included", async () => {
    const db = tempDb();
    const demo = await acctJson<{ seeded: { commitments: number } }>(db, ["demo"]);
    const listed = await acctJson<unknown[]>(db, ["commit", "list"]);
    expect(demo.seeded.commitments).toBe(listed.length);
    expect((await acct(tempDb(), ["demo"])).stdout).toContain(`${listed.length} commitments, six deals`);
  });

  it("a stalled deal's name is escaped once in the HTML report", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["opp", "add", "A<1>", "--value", "1k"], ["opp", "review", "1", "--gap", "g"]]);
    await acctAll(db, [["opp", "review", "1", "--gap", "g"]], { now: "2026-03-13T10:00" });
    const out = join(dirname(db), "r.html");
    expect((await acct(db, ["report", "--out", out], { now: "2026-03-13T10:00" })).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("Same deal, same gaps: A&lt;1&gt;");
    expect(html).not.toContain("&amp;lt;");
  });

  it("unset probabilities follow the number of stages in config get", async () => {
    const db = tempDb();
    await acctAll(db, [["config", "set", "stages", "qualify,discovery,proposal,negotiation,closing"]]);
    // 1/6 … 5/6 of 100, rounded.
    expect((await acct(db, ["config", "get", "stage-probabilities"])).stdout).toBe("17,33,50,67,83\n");
  });

  it("undo names the review it takes back", async () => {
    const db = tempDb();
    await acctAll(db, [
      ["opp", "add", "Acme", "--value", "1k"],
      ["opp", "add", "Globex", "--value", "1k"],
      ["opp", "review", "2", "--gap", "g"],
    ]);
    expect((await acct(db, ["undo"])).stdout).toMatch(/^undid: opp review #1 of #2 Globex/);
  });

  it("renaming a deal keeps a contact changed by hand on its entry", async () => {
    const db = tempDb();
    await acctAll(db, [
      ["opp", "add", "Acme", "--value", "1k", "--contact", "Jane"],
      ["log", "edit", "1", "--contact", "Zoe"],
      ["opp", "edit", "1", "--name", "Acme renewal"],
    ]);
    const [entry] = await acctJson<EntryJson[]>(db, ["log", "list"]);
    expect([entry?.contact, entry?.note]).toEqual(["Zoe", "Acme renewal"]);
  });

  it("a small coverage keeps its figure: 0.04×, not 0×", async () => {
    const db = tempDb();
    await acctAll(db, [EXAMPLE_PLAN, ["opp", "add", "Acme", "--value", "48k"]]);
    // 48,000 ÷ 1,200,000 = 0.04.
    expect((await acct(db, ["pipeline"])).stdout).toMatch(/0\.04× the \$1,200,000 still needed/);
  });
});

describe("bad input exits 2 and writes nothing", () => {
  let db = "";
  beforeAll(async () => {
    db = tempDb();
    await acctAll(db, [
      EXAMPLE_PLAN,
      ["opp", "add", "Acme renewal", "--value", "120k", "--date", "2026-03-02"], // #1, entry 1
      ["opp", "add", "Globex", "--value", "80k"], // #2, entry 2
      ["opp", "won", "2"], // entry 3
      ["opp", "add", "Initech", "--value", "50k"], // #3, entry 4
      ["opp", "lost", "3", "--reason", "timing"],
      ["log", "call", "5"], // entry 5
      ["opp", "add", "Umbrella", "--value", "10k", "--date", "2026-03-02"], // #4, entry 6
      ["opp", "review", "4", "--gap", "no champion"], // reviewed today, 2026-03-12
    ]);
  });

  it.each<[string, string[], RegExp]>([
    ["show: unknown id", ["opp", "show", "99"], /^acct: no opportunity with id 99/],
    ["stage: unknown id", ["opp", "stage", "99", "proposal"], /^acct: no opportunity with id 99/],
    ["edit: unknown id", ["opp", "edit", "99", "--value", "1k"], /^acct: no opportunity with id 99/],
    ["review: unknown id", ["opp", "review", "99", "--gap", "x"], /^acct: no opportunity with id 99/],
    ["won: unknown id", ["opp", "won", "99"], /^acct: no opportunity with id 99/],
    ["lost: unknown id", ["opp", "lost", "99", "--reason", "x"], /^acct: no opportunity with id 99/],
    ["an id that is no number", ["opp", "show", "abc"], /^acct: opportunity id 'abc' is not a whole number/],
    ["stage: unknown stage, with the closest", ["opp", "stage", "1", "propsal"], /^acct: unknown stage 'propsal'\nhint: did you mean 'proposal'\?/],
    ["add: unknown stage", ["opp", "add", "X", "--value", "1k", "--stage", "closing"], /^acct: unknown stage 'closing'/],
    ["edit: unknown stage", ["opp", "edit", "1", "--stage", "won"], /^acct: unknown stage 'won'/],
    ["list: unknown stage", ["opp", "list", "--stage", "demo"], /^acct: unknown stage 'demo'/],
    ["list: unknown status", ["opp", "list", "--status", "closed"], /^acct: unknown --status 'closed'/],
    ["stage: the stage it is in", ["opp", "stage", "1", "qualify"], /^acct: opportunity #1 is already in qualify/],
    ["review: an empty gap", ["opp", "review", "1", "--gap", ""], /^acct: gap must not be empty/],
    ["review: a blank gap after a good one", ["opp", "review", "1", "--gap", "no champion", "--gap", "   "], /^acct: gap must not be empty/],
    ["review: an empty action", ["opp", "review", "1", "--action", "", "--due", "fri"], /^acct: action must not be empty/],
    ["review: an action without --due", ["opp", "review", "1", "--action", "meet the CFO"], /^acct: action 'meet the CFO' needs --due/],
    [
      "review: the second action without --due",
      ["opp", "review", "1", "--action", "meet the CFO", "--due", "fri", "--action", "send pricing"],
      /^acct: action 'send pricing' needs --due/,
    ],
    ["review: --due in the past", ["opp", "review", "1", "--action", "meet the CFO", "--due", "2026-03-11"], /^acct: due date 2026-03-11 is in the past/],
    ["review: --due yesterday", ["opp", "review", "1", "--action", "meet the CFO", "--due", "yesterday"], /in the past/],
    [
      "review: --due before any --action",
      ["opp", "review", "1", "--due", "fri", "--action", "meet the CFO"],
      /^acct: --due comes after the --action it is for/,
    ],
    [
      "review: --metric without --target",
      ["opp", "review", "1", "--action", "book demos", "--due", "fri", "--metric", "meeting"],
      /--metric and --target go together/,
    ],
    ["review: nothing to review", ["opp", "review", "1"], /^acct: a review names its gaps or its actions/],
    ["add: no --value", ["opp", "add", "Umbrella"], /^acct: opp add needs --value/],
    ["add: a value of zero", ["opp", "add", "Umbrella", "--value", "0"], /^acct: --value must be more than zero/],
    ["add: an empty name", ["opp", "add", "", "--value", "1k"], /^acct: opportunity name must not be empty/],
    ["add: a close date in the past", ["opp", "add", "Umbrella", "--value", "1k", "--close", "2026-03-01"], /^acct: close date 2026-03-01 is in the past/],
    ["add: opened in the future", ["opp", "add", "Umbrella", "--value", "1k", "--date", "2026-03-20"], /in the future/],
    ["won: already won", ["opp", "won", "2"], /^acct: opportunity #2 is already won/],
    ["lost: already won", ["opp", "lost", "2", "--reason", "x"], /^acct: opportunity #2 is already won/],
    ["won: already lost", ["opp", "won", "3"], /^acct: opportunity #3 is already lost/],
    ["review: a closed deal", ["opp", "review", "2", "--gap", "x"], /^acct: opportunity #2 is already won/],
    ["stage: a closed deal", ["opp", "stage", "3", "proposal"], /^acct: opportunity #3 is already lost/],
    ["lost: no --reason", ["opp", "lost", "1"], /^acct: opp lost needs --reason/],
    ["lost: an empty reason", ["opp", "lost", "1", "--reason", ""], /^acct: reason must not be empty/],
    ["won: before it was opened", ["opp", "won", "1", "--date", "2026-03-01"], /^acct: date 2026-03-01 is before opportunity #1 was opened/],
    ["won: in the future", ["opp", "won", "1", "--date", "2026-03-13"], /in the future/],
    [
      "won: before its last review",
      ["opp", "won", "4", "--date", "2026-03-05"],
      /^acct: date 2026-03-05 is before opportunity #4's last review or stage move \(2026-03-12\)\nhint: a deal closes after it is reviewed/,
    ],
    [
      "lost: before its last review",
      ["opp", "lost", "4", "--reason", "x", "--date", "2026-03-11"],
      /^acct: date 2026-03-11 is before opportunity #4's last review/,
    ],
    ["edit: nothing to change", ["opp", "edit", "1"], /^acct: nothing to change in opportunity #1/],
    ["log rm: a deal's opportunity entry", ["log", "rm", "1"], /^acct: entry #1 is the opportunity of opportunity #1/],
    ["log rm: a deal's deal entry", ["log", "rm", "3"], /^acct: entry #3 is the deal of opportunity #2/],
    ["log rm: a deal's entry among others", ["log", "rm", "5", "4"], /^acct: entry #4 is the opportunity of opportunity #3/],
    ["log edit: a deal entry's amount", ["log", "edit", "3", "--amount", "1k"], /^acct: entry #3 is the deal of opportunity #2/],
    ["log edit: an opportunity entry's date", ["log", "edit", "1", "--date", "2026-03-05"], /^acct: entry #1 is the opportunity of opportunity #1/],
    ["edit: an amount on an open deal", ["opp", "edit", "1", "--amount", "1k"], /^acct: opportunity #1 is open: only a won deal has an amount/],
    ["edit: a reason on a won deal", ["opp", "edit", "2", "--reason", "x"], /^acct: opportunity #2 is won: only a lost deal has a reason/],
  ])("%s", async (_name, args, pattern) => {
    const before = fingerprint(db);
    expectUsageError(await acct(db, args), pattern);
    expect(fingerprint(db)).toBe(before);
  });

  it("reading or failing on a file that does not exist creates none", async () => {
    const fresh = tempDb();
    expectUsageError(await acct(fresh, ["opp", "show", "1"]), /no opportunity with id 1/);
    expectUsageError(await acct(fresh, ["opp", "add", "Acme"]), /needs --value/);
    expectUsageError(await acct(fresh, ["opp", "review", "1", "--gap", "x"]), /no opportunity with id 1/);
    expect((await acct(fresh, ["pipeline", "--json"])).code).toBe(0);
    expect((await acct(fresh, ["opp", "list", "--json"])).code).toBe(0);
    expect(fingerprint(fresh)).toBe("absent");
  });
});

/** Deals, their reviews and the pipeline: JSON objects with the spec's field names, and the text pages. */
import type { CommitmentJson } from "../domain/commitments.js";
import { ordinal, type DealView, type Pipeline, type ReviewView } from "../domain/pipeline.js";
import { visibleControls as v } from "./escape.js";
import { formatCompactMoney, formatMoney, formatNumber, formatRate, formatTimes, round } from "./format.js";
import type { RenderOptions } from "./options.js";
import { renderTable } from "./table.js";
import { cutLines, wrapToWidth } from "./text-width.js";

/** How text from the data file is made safe for the page (shown controls, or a markup's escaping). */
type Escape = (text: string) => string;

const n2 = (x: number) => round(x, 2);
const r4 = (x: number) => round(x, 4);
const money = (cents: number | null) => (cents === null ? null : cents / 100);

/** The spec's opportunity object. */
export function oppToJson(d: DealView) {
  return {
    id: d.id,
    name: d.name,
    value: d.valueCents / 100,
    stage: d.stage,
    close: d.close,
    contact: d.contact,
    note: d.note,
    status: d.status,
    openedOn: d.openedOn,
    closedOn: d.closedOn,
    amount: money(d.amountCents),
    lostReason: d.lostReason,
    stalledReviews: d.stalledReviews,
    idle: d.idle,
    overdue: d.overdue,
  };
}

/** The spec's review object `{id, opp, date, stage, gaps, actions, stalled}`, with what changed since the review before. */
export function reviewToJson(r: ReviewView, commitment: (id: number) => CommitmentJson | undefined) {
  return {
    id: r.id,
    opp: r.opp,
    date: r.date,
    stage: r.stage,
    gaps: r.gaps,
    actions: r.actions.map((a) => commitment(a.id)).filter((c): c is CommitmentJson => c !== undefined),
    stalled: r.stalled,
    sameGaps: r.sameGaps,
    repeatedActions: r.repeatedActions,
    changes: r.changes,
  };
}

/** One deal's history: the deal, its reviews (each against the one before), its stage moves and its commitments. */
export function dealToJson(d: DealView, commitment: (id: number) => CommitmentJson | undefined) {
  return {
    ...oppToJson(d),
    lastActivity: d.lastActivity,
    reviews: d.reviews.map((r) => reviewToJson(r, commitment)),
    moves: d.moves.map((m) => ({ id: m.id, date: m.date, from: m.from, to: m.to })),
    commitments: d.actions.map((a) => commitment(a.id)).filter((c): c is CommitmentJson => c !== undefined),
  };
}

export type PipelineJson = ReturnType<typeof pipelineToJson>;

/** The spec's pipeline object: money to 2 decimals, rates to 4. */
export function pipelineToJson(p: Pipeline) {
  return {
    open: p.open,
    value: n2(p.value),
    weighted: n2(p.weighted),
    needed: p.needed === null ? null : n2(p.needed),
    coverage: p.coverage === null ? null : r4(p.coverage),
    coverageGoal: p.coverageGoal,
    byCloseMonth: p.byCloseMonth.map((m) => ({ month: m.month, value: n2(m.value), plan: m.plan === null ? null : n2(m.plan) })),
    stalled: p.stalled,
    idle: p.idle,
    overdue: p.overdue,
    winRate: p.winRate === null ? null : r4(p.winRate),
    cycleDays: p.cycleDays,
    won: p.won,
    lost: p.lost,
  };
}

/** The headline: open value, weighted, and the coverage of what is still needed against the goal. */
export function describeCoverage(p: Pipeline, currency: string): string {
  const deals = `${p.open} open ${p.open === 1 ? "deal" : "deals"}`;
  const worth = p.open === 0 ? deals : `${deals} worth ${formatMoney(p.value, currency)} (weighted ${formatMoney(Math.round(p.weighted), currency)})`;
  if (p.needed === null) return `${worth}; no revenue plan to cover`;
  if (p.coverage === null) return `${worth}; the year's revenue target is reached`;
  return `${worth}: ${formatTimes(p.coverage)} the ${formatMoney(Math.round(p.needed), currency)} still needed (goal ${formatTimes(p.coverageGoal)})`;
}

/** Win rate and cycle of the year's closed deals, or null when none closed. */
export function describeWinRate(p: Pipeline): string | null {
  if (p.winRate === null) return null;
  const cycle = p.cycleDays === null ? "" : `; median cycle ${formatNumber(p.cycleDays, 1)} days from opened to won`;
  return `win rate ${formatRate(p.winRate)} (${p.won} won, ${p.lost} lost)${cycle}`;
}

/**
 * "Same deal, same gaps: Acme renewal — 3rd review in a row with the same
 * gaps and no stage move" (or, stalled by an action repeated while not kept,
 * "… repeating an action not kept …").
 */
export function stalledLine(d: { name: string; reviews: number; sameGaps: boolean }, esc: Escape = v): string {
  const what = d.sameGaps ? "with the same gaps" : "repeating an action not kept";
  return `Same deal, same gaps: ${esc(d.name)} — ${ordinal(d.reviews + 1)} review in a row ${what} and no stage move`;
}

/** What the pipeline's warnings tell the seller to do, one sentence each (stalled, idle, overdue). */
export function pipelineWarnings(p: Pipeline, esc: Escape = v): { mark: string; text: string }[] {
  const out: { mark: string; text: string }[] = [];
  for (const d of p.stalled) {
    out.push({
      mark: "!",
      text: `${stalledLine(d, esc)}. Change the approach (a new action, another contact, a higher sponsor) or close it: acct opp lost ${d.id} --reason …`,
    });
  }
  for (const d of p.idle)
    out.push({ mark: "·", text: `Idle: ${esc(d.name)} — nothing on it for ${d.days} days. Review it: acct opp review ${d.id} --gap … --action … --due …` });
  for (const d of p.overdue)
    out.push({
      mark: "·",
      text: `Past its close date: ${esc(d.name)} — was due to close ${d.close}. Move the date (acct opp edit ${d.id} --close D) or close it.`,
    });
  return out;
}

/** `acct pipeline` as text: the headline, open value by close month beside the plan's, win rate and cycle, then what needs doing. */
export async function renderPipelineText(p: Pipeline, { style, currency, width }: RenderOptions): Promise<string> {
  const out: string[] = [];
  const say = (text: string, first = "  ", rest = "    ") => out.push(...wrapToWidth(text, width, first, rest));
  out.push(style.bold("Pipeline"));
  const low = p.coverage !== null && p.coverage < p.coverageGoal;
  say(low ? style.yellow(describeCoverage(p, currency)) : describeCoverage(p, currency));
  const win = describeWinRate(p);
  say(win === null ? "no deal closed this year yet" : `${win.charAt(0).toUpperCase()}${win.slice(1)}`);
  if (p.byCloseMonth.some((m) => m.value > 0 || m.plan !== null)) {
    out.push("", style.bold("Open value by close month"));
    const rows = p.byCloseMonth.map((m) => [
      m.month ?? "no date",
      formatCompactMoney(m.value, currency),
      m.plan === null ? "–" : formatCompactMoney(m.plan, currency),
    ]);
    out.push(await renderTable(["Month", "Open", "Plan"], rows, style, ["left", "right", "right"], { width, shrink: [0] }));
  }
  const warnings = pipelineWarnings(p);
  if (warnings.length > 0) {
    out.push("", style.bold("To do"));
    for (const w of warnings) say(w.text, `  ${w.mark === "!" ? style.yellow("!") : w.mark} `, "    ");
  }
  return cutLines(out.join("\n"), width);
}

/** `acct opp list` as a table. */
export async function renderOppList(deals: readonly DealView[], { style, currency, width }: RenderOptions): Promise<string> {
  const flags = (d: DealView) =>
    [d.stalledReviews > 0 ? style.yellow("stalled") : "", d.idle ? "idle" : "", d.overdue ? style.red("overdue") : ""].filter(Boolean).join(" ");
  const rows = deals.map((d) => [
    d.id,
    v(d.name),
    d.status === "open" ? v(d.stage) : d.status === "won" ? style.green("won") : style.dim("lost"),
    formatCompactMoney((d.status === "won" && d.amountCents !== null ? d.amountCents : d.valueCents) / 100, currency),
    d.status === "open" ? (d.close ?? "") : (d.closedOn ?? ""),
    flags(d),
  ]);
  return renderTable(["ID", "Opportunity", "Stage", "Value", "Close", ""], rows, style, ["right", "left", "left", "right", "left", "left"], {
    width,
    shrink: [1],
  });
}

/** How an item of a review compares with the review before it. */
function marked(text: string, mark: "new" | "same"): string {
  return `${v(text)} (${mark})`;
}

/** `acct opp show` as text: the deal, then each review beside the one before it, its moves and commitments. */
export function renderDealText(d: DealView, commitment: (id: number) => CommitmentJson | undefined, { style, currency, width }: RenderOptions): string {
  const out: string[] = [];
  const say = (text: string, first = "  ", rest = "    ") => out.push(...wrapToWidth(text, width, first, rest));
  const worth = formatMoney(d.valueCents / 100, currency);
  const state =
    d.status === "open"
      ? `open in ${v(d.stage)}${d.close === null ? "" : `, to close ${d.close}`}`
      : d.status === "won"
        ? `won ${d.closedOn} for ${formatMoney((d.amountCents ?? d.valueCents) / 100, currency)}`
        : `lost ${d.closedOn}: ${v(d.lostReason ?? "")}`;
  out.push(...wrapToWidth(`${style.bold(`#${d.id} ${v(d.name)}`)} · ${worth} · ${state}`, width, "", "  "));
  say(`opened ${d.openedOn}; last activity ${d.lastActivity}`);
  if (d.contact !== null) say(`contact: ${v(d.contact)}`);
  if (d.note !== null) say(`note: ${v(d.note)}`);
  if (d.stalledReviews > 0)
    say(style.yellow(stalledLine({ name: d.name, reviews: d.stalledReviews, sameGaps: d.reviews.at(-1)?.sameGaps === true })), `  ${style.yellow("!")} `);
  if (d.idle) say(`idle: nothing on it since ${d.lastActivity}`, "  · ");
  if (d.overdue) say(`past its close date ${d.close}`, "  · ");

  out.push("", style.bold("Reviews"));
  if (d.reviews.length === 0) say(`none yet (acct opp review ${d.id} --gap … --action … --due …)`);
  for (const r of d.reviews) {
    const moved = r.changes.moves.map((m) => `${v(m.from)} → ${v(m.to)}`).join(", ");
    const head = `${r.date} #${r.id} in ${v(r.stage)}${moved === "" ? "" : `, moved ${moved}`}`;
    const why = r.sameGaps ? "same gaps, no stage move" : r.repeatedActions.length > 0 ? "an unkept action repeated, no stage move" : "";
    say(r.stalled ? `${head} — ${style.yellow(`stalled: ${why}`)}` : head);
    const first = d.reviews[0] === r;
    const gaps = first ? r.gaps.map((g) => v(g)) : [...r.changes.gaps.same.map((g) => marked(g, "same")), ...r.changes.gaps.new.map((g) => marked(g, "new"))];
    say(`gaps: ${gaps.length === 0 ? "none named" : gaps.join("; ")}`, "    ", "      ");
    if (!first && r.changes.gaps.dropped.length > 0) say(`gaps dropped: ${r.changes.gaps.dropped.map((g) => v(g)).join("; ")}`, "    ", "      ");
    for (const a of r.actions) {
      const c = commitment(a.id);
      const mark = first ? "" : r.changes.actions.same.some((t) => t === a.text) ? " (same)" : " (new)";
      const status = c === undefined ? "" : `: ${c.status === "kept" ? style.green(c.status) : c.status === "missed" ? style.red(c.status) : c.status}`;
      say(`action #${a.id} ${v(a.text)}${mark}, due ${a.due}${status}`, "    ", "      ");
    }
    if (!first && r.changes.actions.dropped.length > 0) say(`actions dropped: ${r.changes.actions.dropped.map((t) => v(t)).join("; ")}`, "    ", "      ");
  }
  if (d.moves.length > 0) {
    out.push("", style.bold("Stage moves"));
    for (const m of d.moves) say(`${m.date} ${v(m.from)} → ${v(m.to)}`);
  }
  return cutLines(out.join("\n"), width);
}

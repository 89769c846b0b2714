/** Text and JSON shapes of time blocks, their day, and a suggestion. */
import type { RenderOptions } from "./options.js";
import { weeklyMinutes, type Adherence, type Block, type DayItem, type Proposal, type ProposedBlock, type UnmarkedOccurrence } from "../domain/blocks.js";
import { formatTime } from "../domain/parse.js";
import { inWeekOrder, weekdayOf, type Weekday } from "../domain/dates.js";
import { visibleControls as v } from "./escape.js";
import { formatCount, formatNumber, round } from "./format.js";
import { renderTable } from "./table.js";
import { cutLines, wrapToWidth } from "./text-width.js";

/** The JSON of a block: `{id, label, days, start, end, activity}`. */
export interface BlockJson {
  id: number;
  label: string;
  days: Weekday[];
  start: string;
  end: string;
  activity: string | null;
}

type Slot = Omit<Block, "id">;

function slotJson(slot: Slot): Omit<BlockJson, "id"> {
  return { label: slot.label, days: [...slot.days], start: formatTime(slot.startMin), end: formatTime(slot.endMin), activity: slot.activity };
}

export function blockJson(block: Block): BlockJson {
  return { id: block.id, ...slotJson(block) };
}

/** `#1 Prospecting tue,thu 08:00–09:30 (call)`; days in the order of a week starting on `weekStart`. */
export function describeBlock(block: Block, { weekStart }: Pick<RenderOptions, "weekStart">): string {
  return `#${block.id} ${v(block.label)} ${inWeekOrder(block.days, weekStart).join(",")} ${formatTime(block.startMin)}–${formatTime(block.endMin)}${block.activity ? ` (${v(block.activity)})` : ""}`;
}

const hours = (minutes: number) => `${formatNumber(minutes / 60, 2)} h`;

/** The block list as a table, with each block's hours a week; on a narrow terminal labels and activities are cut. */
export async function renderBlockList(blocks: readonly Block[], { style, weekStart, width }: RenderOptions): Promise<string> {
  const rows = blocks.map((b) => [
    b.id,
    v(b.label),
    inWeekOrder(b.days, weekStart).join(","),
    `${formatTime(b.startMin)}–${formatTime(b.endMin)}`,
    v(b.activity ?? ""),
    hours(weeklyMinutes(b)),
  ]);
  const total = blocks.reduce((s, b) => s + weeklyMinutes(b), 0);
  const table = await renderTable(["ID", "Label", "Days", "Time", "Activity", "A week"], rows, style, ["right", "left", "left", "left", "left", "right"], {
    width,
    shrink: [1, 4],
  });
  return `${table}\n${hours(total)} a week in ${blocks.length} block${blocks.length === 1 ? "" : "s"}`;
}

/** The command that marks an unmarked occurrence kept (`skip` in its place marks it skipped). */
export function markCommand(o: Pick<UnmarkedOccurrence, "blockId" | "date">): string {
  return `acct block done ${o.blockId} --date ${o.date}`;
}

/** The JSON of block figures (the audit's `blocks`, the status's `blocks`): the spec's five fields, then what names the unmarked ones. */
export function adherenceJson(a: Adherence) {
  return {
    scheduled: a.scheduled,
    kept: a.kept,
    skipped: a.skipped,
    unmarked: a.unmarked,
    adherence: a.adherence === null ? null : round(a.adherence, 4),
    keptByLog: a.keptByLog,
    unmarkedOccurrences: a.unmarkedOccurrences.map((o) => ({
      id: o.blockId,
      label: o.label,
      date: o.date,
      start: formatTime(o.startMin),
      end: formatTime(o.endMin),
      command: markCommand(o),
    })),
  };
}

export type AdherenceJson = ReturnType<typeof adherenceJson>;

/** `3 of 5 kept (1 by what was logged), 1 skipped, 1 unmarked`. */
export function describeAdherence(a: Adherence): string {
  const logged = a.keptByLog > 0 ? ` (${a.keptByLog} by what was logged)` : "";
  return `${a.kept} of ${a.scheduled} kept${logged}, ${a.skipped} skipped, ${a.unmarked} unmarked`;
}

/**
 * One line per unmarked occurrence, the command that marks it first (the
 * label last, so a narrow line loses the label, not the command), at most
 * `limit` of them and then how many more.
 */
export function unmarkedLines(a: Adherence, limit: number, esc: (text: string) => string = v): string[] {
  const lines = a.unmarkedOccurrences
    .slice(0, limit)
    .map((o) => `${markCommand(o)} (or skip)  ${weekdayOf(o.date)} ${formatTime(o.startMin)}–${formatTime(o.endMin)} #${o.blockId} ${esc(o.label)}`);
  const more = a.unmarkedOccurrences.length - lines.length;
  return more > 0 ? [...lines, `… and ${more} more`] : lines;
}

export interface DayJson {
  date: string;
  dayOff: boolean;
  blocks: (BlockJson & { status: DayItem["status"]; keptBy: DayItem["keptBy"]; reason: string | null })[];
}

export function dayJson(date: string, dayOff: boolean, items: readonly DayItem[]): DayJson {
  return { date, dayOff, blocks: items.map((i) => ({ ...blockJson(i.block), status: i.status, keptBy: i.keptBy, reason: i.reason })) };
}

/** Today's blocks, one line each with its state (wrapped under its time); an unmarked one with the commands that mark it. */
export function renderDay(day: DayJson, { style, width }: RenderOptions): string {
  if (day.dayOff) return `${day.date} is a day off: no blocks`;
  if (day.blocks.length === 0) return `no blocks on ${day.date}`;
  const state = (b: DayJson["blocks"][number]) => {
    if (b.status === "kept") return style.green(b.keptBy === "log" ? "kept (logged)" : "kept");
    if (b.status === "skipped") return style.yellow("skipped");
    if (b.status === "unmarked") return `${style.red("unmarked")} ${style.dim(`— acct block done ${b.id} (or skip)`)}`;
    return style.dim("pending");
  };
  const lines = day.blocks.flatMap((b) =>
    wrapToWidth(
      `#${b.id} ${v(b.label)}${b.activity ? ` (${v(b.activity)})` : ""}  ${state(b)}${b.reason ? ` — ${v(b.reason)}` : ""}`,
      width,
      `${b.start}–${b.end}  `,
      " ".repeat(13),
    ),
  );
  return cutLines([`blocks on ${day.date}:`, ...lines].join("\n"), width);
}

export interface SuggestionJson {
  month: string;
  weeklyCalls: number;
  weeklyMeetings: number;
  callsPerHour: number;
  hoursPerMeeting: number;
  callHours: number;
  meetingHours: number;
  existingCallHours: number;
  existingMeetingHours: number;
  blocks: (Omit<BlockJson, "id"> & { weeklyHours: number })[];
  /** Ids of the blocks added (with --accept), else null. */
  added: number[] | null;
}

export function suggestionJson(
  facts: { month: string; weeklyCalls: number; weeklyMeetings: number; callsPerHour: number; hoursPerMeeting: number },
  proposal: Proposal,
  added: number[] | null,
): SuggestionJson {
  return {
    month: facts.month,
    weeklyCalls: round(facts.weeklyCalls, 2),
    weeklyMeetings: round(facts.weeklyMeetings, 2),
    callsPerHour: facts.callsPerHour,
    hoursPerMeeting: facts.hoursPerMeeting,
    callHours: round(proposal.callHours, 2),
    meetingHours: round(proposal.meetingHours, 2),
    existingCallHours: round(proposal.existingCallHours, 2),
    existingMeetingHours: round(proposal.existingMeetingHours, 2),
    blocks: proposal.blocks.map((b: ProposedBlock) => ({ ...slotJson(b), weeklyHours: round(weeklyMinutes(b) / 60, 2) })),
    added,
  };
}

/** The arithmetic behind a suggestion, then the proposed blocks as a table. */
export async function renderSuggestion(s: SuggestionJson, { style, weekStart, width }: RenderOptions): Promise<string> {
  // Hours to the quarter of an hour they are planned in (two decimals); counts as everywhere.
  const n = (x: number) => formatNumber(x, 2);
  const lines = [
    `plan for ${s.month}, a typical week:`,
    `  calls     ${formatCount(s.weeklyCalls)} ÷ ${n(s.callsPerHour)} calls an hour = ${n(s.callHours)} h`,
    `  meetings  ${formatCount(s.weeklyMeetings)} × ${n(s.hoursPerMeeting)} h a meeting = ${n(s.meetingHours)} h`,
  ];
  if (s.existingCallHours > 0 || s.existingMeetingHours > 0) {
    lines.push(`  already blocked: ${n(s.existingCallHours)} h of calls, ${n(s.existingMeetingHours)} h of meetings`);
  }
  if (s.blocks.length === 0) return [...lines, "your blocks already give the plan enough time: nothing to add"].join("\n");
  const rows = s.blocks.map((b) => [
    v(b.label),
    inWeekOrder(b.days, weekStart).join(","),
    `${b.start}–${b.end}`,
    v(b.activity ?? ""),
    `${b.days.length} × ${hours((b.weeklyHours * 60) / b.days.length)} = ${hours(b.weeklyHours * 60)}`,
  ]);
  const table = await renderTable(["Label", "Days", "Time", "Activity", "A week"], rows, style, ["left", "left", "left", "left", "right"], {
    width,
    shrink: [0, 3],
  });
  return cutLines([...lines, "proposed blocks:", table].join("\n"), width);
}

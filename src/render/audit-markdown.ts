/** The audit as a Markdown summary for a buddy: heading, metrics table, then the other sections. */
import { describeForecast } from "./forecast.js";
import { describeLag } from "./coach.js";
import { describeCoverage, describeWinRate, pipelineWarnings } from "./pipeline.js";
import type { Audit } from "../domain/audit.js";
import { formatBuffer, formatMoney, formatRate } from "./format.js";
import { singularOf } from "../domain/metrics.js";
import {
  auditTitle,
  celebrationLines,
  changeRepeatedLine,
  ownReviewLines,
  periodName,
  reviewLines,
  commitmentLine,
  describeStageCost,
  describeVerdict,
  formatMinutes,
  formatValue,
  STATUS_MARK,
  UNMARKED_SHOWN,
} from "./audit-text.js";
import { describeAdherence, markCommand } from "./blocks.js";
import { weekdayOf } from "../domain/dates.js";
import { formatTime } from "../domain/parse.js";
import type { RenderOptions } from "./options.js";
import { escapeMarkdown as md } from "./escape.js";

export interface MarkdownOptions {
  /** The buddy it is addressed to, if any. */
  to?: string | null;
}

export function renderAuditMarkdown(audit: Audit, { currency }: RenderOptions, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  out.push(`# ${auditTitle(audit)} (${audit.from} – ${audit.to})`, "");
  if (options.to) out.push(`Hi ${md(options.to)}, here is my week, as of ${audit.asOf}.`, "");
  else out.push(`As of ${audit.asOf}.`, "");
  out.push(`**${STATUS_MARK[audit.status]} ${describeVerdict(audit.verdict, md)}**`, "");

  out.push(`| Metric | ${periodName(audit)} plan | ${periodName(audit)} actual | YTD plan | YTD actual | Annual | Status | Buffer days |`);
  out.push("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |");
  for (const m of audit.metrics) {
    const v = (x: number) => formatValue(m.metric, x, currency);
    out.push(
      `| ${md(m.metric)} | ${v(m.period.plan)} | ${v(m.period.actual)} | ${v(m.ytd.plan)} | ${v(m.ytd.actual)} | ${v(m.annual)} | ${m.status} | ${formatBuffer(m.bufferDays)} |`,
    );
  }

  out.push("", "## Effectiveness (year to date)", "");
  for (const s of audit.conversion.stages) {
    out.push(`- ${singularOf(s.from)} → ${singularOf(s.to)}: ${s.actual === null ? "no data yet" : formatRate(s.actual)} (plan ${formatRate(s.planned)})`);
  }
  const ds = audit.conversion.dealSize;
  if (ds.planned !== null || ds.actual !== null) {
    out.push(
      `- average deal: ${ds.actual === null ? "no deals yet" : formatMoney(Math.round(ds.actual), currency)} (plan ${ds.planned === null ? "–" : formatMoney(ds.planned, currency)})`,
    );
  }
  const cost = describeStageCost(audit.conversion);
  if (cost !== null) out.push(`- weakest stage: ${md(cost)}`);
  else if (audit.conversion.stages.every((stage) => stage.actual === null)) out.push("- no conversions to compare yet");
  else out.push("- every stage converts at or above plan");

  const ct = audit.customerTime;
  out.push("", "## Customer time", "");
  out.push(
    ct.share === null
      ? `No working time yet this ${audit.period.kind}.`
      : `${formatMinutes(ct.minutes)} of ${formatMinutes(ct.workingMinutes)}: ${formatRate(ct.share)}${ct.goal === null ? "" : ` (goal ${formatRate(ct.goal)})`}.`,
  );

  if (audit.blocks.scheduled > 0) {
    const b = audit.blocks;
    out.push("", "## Time blocks", "", `${describeAdherence(b)}${b.adherence === null ? "" : ` (${formatRate(b.adherence)})`}.`);
    if (b.unmarked > 0) {
      out.push("", "Not marked yet:", "");
      for (const o of b.unmarkedOccurrences.slice(0, UNMARKED_SHOWN)) {
        const when = `${weekdayOf(o.date)} ${o.date} ${formatTime(o.startMin)}–${formatTime(o.endMin)}`;
        out.push(`- ${when} #${o.blockId} ${md(o.label)}: \`${markCommand(o)}\` (or skip)`);
      }
      if (b.unmarked > UNMARKED_SHOWN) out.push(`- … and ${b.unmarked - UNMARKED_SHOWN} more`);
    }
  }

  const c = audit.commitments;
  out.push("", "## Commitments", "");
  if (c.due.length === 0 && c.overdue.length === 0 && c.repeated.length === 0) out.push(`None due this ${audit.period.kind}.`);
  if (c.due.length > 0) {
    out.push(`Due this ${audit.period.kind}: ${c.kept} kept, ${c.missed} missed, ${c.open} open.`, "");
    for (const item of c.due) out.push(`- ${commitmentLine(item, md)}`);
  }
  if (c.overdue.length > 0) {
    out.push("", "Overdue from earlier weeks:", "");
    for (const item of c.overdue) out.push(`- ${commitmentLine(item, md)}`);
  }
  if (c.repeated.length > 0) {
    out.push("", "Carried over twice or more:", "");
    for (const item of c.repeated) out.push(`- ${commitmentLine(item, md)}`);
  }

  if (audit.pipeline !== null && audit.hasDeals) {
    const p = audit.pipeline;
    out.push("", "## Pipeline", "", `${describeCoverage(p, currency)}.`);
    const win = describeWinRate(p);
    if (win !== null) out.push("", `${win.charAt(0).toUpperCase()}${win.slice(1)}.`);
    const warnings = pipelineWarnings(p, md);
    if (warnings.length > 0) out.push("");
    for (const w of warnings) out.push(`- ${w.text}`);
  }

  if (audit.forecast !== null) out.push("", "## Forecast", "", `${describeForecast(audit.forecast, currency)}.`);
  const lag = audit.lag && describeLag(audit.lag);
  if (lag) out.push("", "## Sales-cycle lag", "", lag);

  const celebrations = celebrationLines(audit, currency, md);
  if (celebrations.length > 0) {
    out.push("", "## Celebrations", "");
    for (const line of celebrations) out.push(`- ${line}`);
  }
  if (audit.reviews.length > 0) {
    out.push("", "## The weeks' reviews", "");
    for (const line of reviewLines(audit, md)) out.push(`- ${line}`);
  }
  if (audit.lastChange !== null) out.push("", "## What I said I would change", "", `> ${md(audit.lastChange)}`);
  const own = ownReviewLines(audit, md);
  if (own.length > 0) {
    out.push("", "## My review of the week", "");
    for (const { label, text } of own) out.push(`- ${label}: ${text}`);
    const repeated = changeRepeatedLine(audit, md);
    if (repeated !== null) out.push("", `**${repeated}**`);
  }
  if (audit.nextWeek.length > 0) {
    out.push("", "## Due next week", "");
    for (const item of audit.nextWeek) out.push(`- ${commitmentLine(item, md)}`);
  }
  if (audit.buddyNote !== null) out.push("", `## Your buddy said (week ${audit.buddyNote.week})`, "", `> ${md(audit.buddyNote.text)}`);
  return `${out.join("\n")}\n`;
}

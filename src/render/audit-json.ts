/** The audit's JSON document: the spec's field names, counts and money to 2 decimals, rates to 4. */
import { forecastToJson } from "./forecast.js";
import type { Audit } from "../domain/audit.js";
import { describeStageCost, describeVerdict } from "./audit-text.js";
import { adherenceJson } from "./blocks.js";
import { round } from "./format.js";
import { pipelineToJson } from "./pipeline.js";
import { describeLag } from "./coach.js";

const n2 = (x: number) => round(x, 2);
const r4 = (x: number) => round(x, 4);
const opt = (x: number | null, f: (x: number) => number) => (x === null ? null : f(x));

export type AuditJson = ReturnType<typeof auditToJson>;

export function auditToJson(audit: Audit) {
  const isWeek = audit.period.kind === "week";
  return {
    ...(isWeek ? { week: audit.week } : {}),
    from: audit.from,
    to: audit.to,
    asOf: audit.asOf,
    year: audit.year,
    status: audit.status,
    period: { kind: audit.period.kind, id: audit.period.id, from: audit.from, to: audit.to },
    verdict: {
      ...audit.verdict,
      ofPlan: opt(audit.verdict.ofPlan, r4),
      activity: {
        ...audit.verdict.activity,
        furthest: audit.verdict.activity.furthest && { ...audit.verdict.activity.furthest, bufferDays: opt(audit.verdict.activity.furthest.bufferDays, n2) },
      },
    },
    headline: describeVerdict(audit.verdict, (text) => text),
    metrics: audit.metrics.map((m) => {
      const period = { plan: n2(m.period.plan), planToDate: n2(m.period.planToDate), actual: n2(m.period.actual) };
      return {
        metric: m.metric,
        period,
        ...(isWeek ? { week: period } : {}),
        ytd: { plan: n2(m.ytd.plan), actual: n2(m.ytd.actual) },
        annual: n2(m.annual),
        status: m.status,
        bufferDays: opt(m.bufferDays, n2),
        projection: opt(m.projection, n2),
        requiredPerWeek: opt(m.requiredPerWeek, n2),
      };
    }),
    conversion: {
      stages: audit.conversion.stages.map((s) => ({ from: s.from, to: s.to, planned: r4(s.planned), actual: opt(s.actual, r4) })),
      dealSize: { planned: opt(audit.conversion.dealSize.planned, n2), actual: opt(audit.conversion.dealSize.actual, n2) },
      weakest: audit.conversion.weakest,
      cost: audit.conversion.cost && { ...audit.conversion.cost, rate: r4(audit.conversion.cost.rate), text: describeStageCost(audit.conversion) },
    },
    customerTime: { ...audit.customerTime, share: opt(audit.customerTime.share, r4) },
    blocks: adherenceJson(audit.blocks),
    commitments: audit.commitments,
    celebrations: audit.celebrations,
    lastChange: audit.lastChange,
    reviews: audit.reviews,
    review: audit.review,
    nextWeek: audit.nextWeek,
    buddyNote: audit.buddyNote,
    changeRepeated: audit.changeRepeated,
    pipeline: audit.pipeline && pipelineToJson(audit.pipeline),
    forecast: audit.forecast && forecastToJson(audit.forecast),
    lastUsefulDay: audit.lag?.lastUsefulDay ?? null,
    lag: audit.lag && { ...audit.lag, text: describeLag(audit.lag) },
  };
}

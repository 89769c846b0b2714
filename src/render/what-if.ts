/** `acct plan what-if`: the plan in effect beside the changed one, as JSON and as a table. */
import { CASCADE_METRICS, type CascadeMetric } from "../domain/cascade.js";
import type { WhatIf, WhatIfSide } from "../domain/coach.js";
import { formatCount, formatMoney, formatNumber, formatRate, round } from "./format.js";
import type { RenderOptions } from "./options.js";
import { inputsToJson } from "./plan.js";
import { renderTable } from "./table.js";
import { cutLines, wrapToWidth } from "./text-width.js";

const n2 = (x: number | null) => (x === null ? null : round(x, 2));

function sideToJson(side: WhatIfSide) {
  return {
    inputs: inputsToJson(side.input),
    annual: side.annual,
    perWeek: Object.fromEntries(CASCADE_METRICS.map((m) => [m, n2(side.perWeek[m])])) as Record<CascadeMetric, number | null>,
  };
}

export function whatIfToJson(w: WhatIf) {
  return {
    year: w.year,
    asOf: w.asOf,
    remainingWeeks: n2(w.remainingWeeks),
    done: Object.fromEntries(CASCADE_METRICS.map((m) => [m, n2(w.done[m])])),
    current: sideToJson(w.current),
    whatIf: sideToJson(w.whatIf),
    applied: false,
  };
}

export async function renderWhatIfText(w: WhatIf, { style, currency, width }: RenderOptions): Promise<string> {
  const value = (metric: CascadeMetric, x: number | null) => (x === null ? "–" : metric === "revenue" ? formatMoney(Math.round(x), currency) : formatCount(x));
  const input = (side: WhatIfSide) => {
    const i = side.input;
    const target = i.unit === "revenue" ? formatMoney(i.target / 100, currency) : `${i.target} deals`;
    const size = i.dealSizeCents === null ? "" : ` · deal ${formatMoney(i.dealSizeCents / 100, currency)}`;
    return `${target}${size} · win ${formatRate(i.winRate)} · meeting ${formatRate(i.meetingRate)} · call ${formatRate(i.callRate)}`;
  };
  const out = [
    style.bold(`What if, ${w.year} (as of ${w.asOf}, ${formatNumber(w.remainingWeeks, 1)} working weeks left)`),
    ...wrapToWidth(`now:     ${input(w.current)}`, width, "  ", "           "),
    ...wrapToWidth(`what if: ${input(w.whatIf)}`, width, "  ", "           "),
    "",
  ];
  const rows = CASCADE_METRICS.filter((m) => w.current.annual[m] !== null || w.whatIf.annual[m] !== null).map((m) => [
    m,
    value(m, w.current.annual[m]),
    value(m, w.whatIf.annual[m]),
    value(m, w.current.perWeek[m]),
    value(m, w.whatIf.perWeek[m]),
  ]);
  out.push(
    await renderTable(["", "Year now", "Year what-if", "Week now", "Week what-if"], rows, style, ["left", "right", "right", "right", "right"], {
      width,
      shrink: [0],
    }),
  );
  out.push(...wrapToWidth(style.dim("Week: what the rest of the year needs each week after what is done so far."), width));
  return cutLines(out.join("\n"), width);
}

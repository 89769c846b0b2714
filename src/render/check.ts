/** Text of `acct check`. */
import type { ChalkInstance } from "chalk";
import type { CheckReport } from "../domain/check.js";
import { formatNumber } from "./format.js";

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
}

/** The verdict first, then what the file holds, then any problems. */
export function renderCheckText(report: CheckReport, style: ChalkInstance): string {
  const lines = [`${report.path}: ${report.ok ? style.green("ok") : style.red("NOT OK")}`];
  const s = report.summary;
  if (s) {
    const schema =
      s.schemaVersion === s.currentSchemaVersion
        ? String(s.schemaVersion)
        : `${s.schemaVersion} (older: the next command that may write upgrades it to ${s.currentSchemaVersion})`;
    lines.push(
      `  schema version  ${schema}`,
      `  entries         ${formatNumber(s.entries)}${s.removedEntries ? ` (+${formatNumber(s.removedEntries)} removed, recoverable)` : ""}`,
      `  dates           ${s.firstDate ? `${s.firstDate} .. ${s.lastDate}` : "none"}`,
      `  plans           ${s.plans.length ? s.plans.join(", ") : "none"}`,
      `  days off        ${formatNumber(s.daysOff)}`,
      `  blocks          ${formatNumber(s.blocks)}`,
      `  commitments     ${formatNumber(s.commitments)}`,
      `  reviews         ${formatNumber(s.reviews)}`,
      `  file size       ${formatBytes(s.bytes)}`,
    );
  }
  for (const problem of report.integrity) lines.push(`  integrity: ${problem}`);
  for (const problem of report.foreignKeys) lines.push(`  foreign key: ${problem}`);
  return lines.join("\n");
}

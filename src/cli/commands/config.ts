/** `acct config get|set|unset|list`: preferences stored in the data file's settings table. */
import { Argument, Command } from "commander";
import { completes } from "../completes.js";
import type { App } from "../app.js";
import { withDefaultAction, withExamples } from "../app.js";
import type { Context } from "../context.js";
import { usageError } from "../../domain/errors.js";
import { DEFAULT_STAGES, SETTINGS, settingSpec, type SettingSpec } from "../../domain/settings.js";
import { openStages } from "../../store/opportunities.js";
import { stagesFrom } from "../../domain/pipeline.js";
import { getSetting, setSetting } from "../../store/settings.js";
import { visibleControls } from "../../render/escape.js";

interface SettingJson {
  key: string;
  value: string;
  default: string;
  set: boolean;
  description: string;
}

function settingJson(ctx: Context, spec: SettingSpec): SettingJson {
  const db = ctx.read();
  const stored = getSetting(db, spec.key);
  // Unset probabilities follow the stages: four take the defaults, any other number is spread evenly.
  const fallback =
    spec.key === "stage-probabilities"
      ? stagesFrom(getSetting(db, "stages"), null)
          .map((s) => String(Math.round(s.probability * 100)))
          .join(",")
      : spec.default;
  return { key: spec.key, value: stored ?? fallback, default: fallback, set: stored !== null, description: spec.description };
}

function describe(setting: SettingJson): string {
  return `${setting.key} = ${visibleControls(setting.value)}${setting.set ? "" : " (default)"}`;
}

/**
 * The stages and their probabilities go together: as many probabilities as
 * stages once both are set, and no open deal left in a stage that goes away.
 */
function checkStages(ctx: Context, key: string, value: string): void {
  if (key !== "stages" && key !== "stage-probabilities") return;
  const db = ctx.read();
  const stages = (key === "stages" ? value : (getSetting(db, "stages") ?? DEFAULT_STAGES.join(","))).split(",");
  const probabilities = key === "stage-probabilities" ? value : getSetting(db, "stage-probabilities");
  if (probabilities !== null && probabilities.split(",").length !== stages.length) {
    throw usageError(
      `${probabilities.split(",").length} stage probabilities for ${stages.length} stages`,
      key === "stages"
        ? "set as many probabilities too (acct config set stage-probabilities …), or unset them first: then they are spread evenly"
        : `give one per stage: ${stages.join(", ")}`,
    );
  }
  const stranded = key === "stages" ? openStages(db).filter((s) => !stages.includes(s)) : [];
  if (stranded.length > 0) {
    throw usageError(
      `open deals are in ${stranded.map((s) => `'${s}'`).join(", ")}, which the new stages leave out`,
      "move them first (acct opp stage ID STAGE) or keep the stage",
    );
  }
}

export function configCommand(app: App): Command {
  const config = new Command("config").description("settings you change once: currency, week start, hours per day, calls per hour");

  const get = config
    .command("get")
    .addArgument(completes(new Argument("<key>"), "setting"))
    .description("print one setting's value (its default when not set)")
    .action((key: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const setting = settingJson(ctx, settingSpec(key));
      if (ctx.json) ctx.printJson(setting);
      else ctx.print(visibleControls(setting.value));
    });
  withExamples(get, ["acct config get currency", "acct config get hours-per-day --json"]);

  const set = config
    .command("set")
    .addArgument(completes(new Argument("<key>"), "setting"))
    .argument("<value>")
    .description("change a setting (undo with acct undo)")
    .action((key: string, value: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const spec = settingSpec(key);
      const stored = spec.parse(value);
      checkStages(ctx, spec.key, stored);
      ctx.transaction(`config set ${spec.key}`, (db, journal) => setSetting(db, spec.key, stored, journal));
      const setting = settingJson(ctx, spec);
      if (ctx.json) ctx.printJson(setting);
      else ctx.print(describe(setting));
    });
  withExamples(set, ["acct config set currency €", "acct config set hours-per-day 7.5", "acct config set week-start sun"]);

  const unset = config
    .command("unset")
    .addArgument(completes(new Argument("<key>"), "setting"))
    .description("go back to a setting's default (undo with acct undo)")
    .action((key: string, _flags: object, command: Command) => {
      const ctx = app.context(command);
      const spec = settingSpec(key);
      // Back to the default stages: no open deal may be left in a custom one. (Unset probabilities are spread evenly, which always fits.)
      if (spec.key === "stages") checkStages(ctx, spec.key, spec.default);
      if (getSetting(ctx.read(), spec.key) !== null) {
        ctx.transaction(`config unset ${spec.key}`, (db, journal) => setSetting(db, spec.key, null, journal));
      }
      const setting = settingJson(ctx, spec);
      if (ctx.json) ctx.printJson(setting);
      else ctx.print(describe(setting));
    });
  withExamples(unset, ["acct config unset calls-per-hour"]);

  const listAction = (command: Command) => {
    const ctx = app.context(command);
    const settings = SETTINGS.map((spec) => settingJson(ctx, spec));
    if (ctx.json) return ctx.printJson(settings);
    // A value written into the file some other way is shown, never obeyed.
    for (const s of settings) s.value = visibleControls(s.value);
    const width = Math.max(...settings.map((s) => s.key.length)) + 2;
    const valueWidth = Math.max(...settings.map((s) => s.value.length + (s.set ? 0 : " (default)".length))) + 2;
    for (const s of settings) {
      const value = `${s.value}${s.set ? "" : ctx.style.dim(" (default)")}`;
      const pad = " ".repeat(valueWidth - s.value.length - (s.set ? 0 : " (default)".length));
      ctx.print(`${s.key.padEnd(width)}${value}${pad}${ctx.style.dim(s.description)}`);
    }
  };
  const list = config
    .command("list")
    .description("every setting with its value (the default)")
    .action((_flags: object, command: Command) => listAction(command));
  withDefaultAction(config, listAction);
  withExamples(list, ["acct config list", "acct config --json"]);

  return config;
}

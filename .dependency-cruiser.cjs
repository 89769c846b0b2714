/**
 * The shape of acct (STYLE.md): argv → command → report loader → domain
 * (+ store) → renderer → stdout. `npm test` runs this check.
 */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment: "The domain reads no clock, file or database and renders nothing: it imports none of store, reports, render or cli.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/(store|reports|render|cli)/" },
    },
    {
      name: "render-reads-no-store",
      comment: "Renderers turn report data into strings; they never read the store or call commands.",
      severity: "error",
      from: { path: "^src/render/" },
      to: { path: "^src/(store|reports|cli)/" },
    },
    {
      name: "store-serves-no-one-above",
      comment: "The store maps rows to domain types; it knows nothing of reports, renderers or the CLI.",
      severity: "error",
      from: { path: "^src/store/" },
      to: { path: "^src/(reports|render|cli)/" },
    },
    {
      name: "reports-load-and-compute",
      comment: "A report loader reads the store and calls the domain; it neither renders nor knows the CLI.",
      severity: "error",
      from: { path: "^src/reports/" },
      to: { path: "^src/(render|cli)/" },
    },
    {
      name: "commands-are-independent",
      comment: "A command never imports another command: what two commands share lives in reports/, domain/ or render/.",
      severity: "error",
      from: { path: "^src/cli/commands/([^/]+)$" },
      to: { path: "^src/cli/commands/", pathNot: "^src/cli/commands/$1$" },
    },
    {
      name: "date-fns-by-path",
      comment:
        "Import each date-fns function by its own path (date-fns/addDays): the root barrel alone costs about 88 ms at start-up (STYLE.md, habit 6). Types may come from the root.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^node_modules/date-fns/index\\.", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { pathNot: "^node_modules" } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // node_modules is not followed but stays visible, so rules can name what is imported from it.
    exclude: { path: "^dist/" },
  },
};

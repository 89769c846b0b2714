import { defineConfig } from "vitest/config";

// Three levels (STYLE.md, habit 7): `npx vitest run --project <name>` runs one.
export default defineConfig({
  // The shell completion scripts are imported as text, as the bundle does (scripts/build.mjs).
  plugins: [
    {
      name: "shell-scripts-as-text",
      transform(code, id) {
        if (/\.(bash|zsh|fish)$/.test(id)) return { code: `export default ${JSON.stringify(code)};`, map: null };
      },
    },
  ],
  test: {
    testTimeout: 30_000,
    // Most process tests wait on a spawned acct: two workers keep both cores busy (one is the default on 2 cores).
    maxWorkers: 2,
    hookTimeout: 60_000,
    // A temporary folder per test file, in memory where possible, removed after it.
    setupFiles: ["test/helpers/temp-folder.ts"],
    projects: [
      // Pure domain and render functions, and the store on a real SQLite file.
      { extends: true, test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/store/**/*.test.ts"] } },
      // Commands run in this process: run(argv, deps) with fake streams and a fixed clock.
      { extends: true, test: { name: "cli", include: ["test/cli/**/*.test.ts"] } },
      // The built bin/acct.cjs as a process: what only a process shows. CI runs these on every Node line.
      { extends: true, test: { name: "process", include: ["test/process/**/*.test.ts"] } },
    ],
  },
});

import { defineConfig } from "vitest/config";

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
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

/** Process entry: wires the real streams and environment into `run`. */
import { homedir } from "node:os";
import { run } from "./run.js";
import { isTerminal, standardError, standardOutput } from "./terminal.js";

void run(process.argv.slice(2), {
  env: process.env,
  home: homedir(),
  stdout: standardOutput(),
  stderr: standardError(),
  // Asked only when stdout is a terminal (see Context): a check can load the tty module.
  get stdinIsTTY() {
    return isTerminal(0);
  },
}).then((code) => {
  process.exitCode = code;
});

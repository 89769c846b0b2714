/** Process entry: wires the real streams and environment into `run`. */
import { homedir } from "node:os";
import { isatty } from "node:tty";
import { run } from "./run.js";

// `acct log list | head` closes the pipe early; that is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

void run(process.argv.slice(2), {
  env: process.env,
  home: homedir(),
  stdout: process.stdout,
  stderr: process.stderr,
  // isatty, not process.stdin.isTTY: creating the stdin stream costs every run about 2 ms.
  stdinIsTTY: isatty(0),
}).then((code) => {
  process.exitCode = code;
});

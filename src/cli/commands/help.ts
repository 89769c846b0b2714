/** `acct help [command… | topic]`: a command's help, or one of the concepts behind acct. */
import { Argument, Command } from "commander";
import { completes } from "../completes.js";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { HELP_TOPICS } from "../help-topics.js";
import { usageError } from "../../domain/errors.js";
import { closest } from "../../domain/suggest.js";

export function helpCommand(app: App, program: Command): Command {
  const help = new Command("help")
    .addArgument(completes(new Argument("[topic...]", "a command (plan, plan set, …) or a topic (cascade, buffer, …)"), "help-topic"))
    .description("show the help of a command, or explain a concept (acct help cascade)")
    .action((words: string[], _flags: object, command: Command) => {
      const ctx = app.context(command);
      if (words.length === 0) return program.outputHelp();
      const topic = words.length === 1 ? HELP_TOPICS.find((t) => t.name === words[0]?.toLowerCase()) : undefined;
      if (topic) return ctx.print(topic.text);
      let target = program;
      for (const word of words) {
        const sub = target.commands.find((c) => c.name() === word || c.aliases().includes(word));
        if (!sub) {
          const names = [...target.commands.map((c) => c.name()), ...(target === program ? HELP_TOPICS.map((t) => t.name) : [])];
          const suggestion = closest(word.toLowerCase(), names);
          const path = [...words.slice(0, words.indexOf(word)), suggestion].join(" ");
          throw usageError(`no command or topic '${words.join(" ")}'`, suggestion ? `did you mean 'acct help ${path}'?` : "see acct help");
        }
        target = sub;
      }
      target.outputHelp();
    });
  return withExamples(help, ["acct help cascade", "acct help plan set", "acct help"]);
}

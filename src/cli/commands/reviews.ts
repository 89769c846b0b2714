/** `acct reviews`: the weekly reviews recorded with `acct audit --reflect`. */
import { Command } from "commander";
import type { App } from "../app.js";
import { withExamples } from "../app.js";
import { listReviews } from "../../store/reviews.js";
import { renderTable } from "../../render/table.js";
import { visibleControls } from "../../render/escape.js";

export function reviewsCommand(app: App): Command {
  const reviews = new Command("reviews")
    .description("list your weekly reviews (record one with acct audit --reflect)")
    .action(async (_flags: object, command: Command) => {
      const ctx = app.context(command);
      const db = ctx.read();
      const rows = db ? listReviews(db) : [];
      if (ctx.json) return ctx.printJson(rows);
      if (rows.length === 0) return ctx.print("no reviews yet (record one: acct audit --reflect)");
      ctx.print(
        await renderTable(
          ["ID", "Week", "Rating", "Wins", "Misses", "Change"],
          rows.map((r) => [r.id, r.week, `${r.rating}/5`, ...[r.wins, r.misses, r.change].map((text) => visibleControls(text ?? ""))]),
          ctx.style,
          ["right", "left", "right", "left", "left", "left"],
          // A review is its words: on a narrow terminal they wrap within their column rather than being cut.
          { width: ctx.width, shrink: [3, 4, 5], overflow: "wrap" },
        ),
      );
    });
  return withExamples(reviews, ["acct reviews", "acct reviews --json"]);
}

import { say, TEXT } from "../cli-text.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { readRuleLibrary } from "../read-rules.ts";

/** `ceping rules check`: loads and checks rule files; every problem with its file:line:column. */
export function rulesCheckCommand(context: CommandContext): number {
  if (context.positionals.length === 0) {
    throw new UsageError(
      context.lang === "zh" ? "缺少要检查的路径" : "name the rule files or folders to check",
    );
  }
  const { library, issues } = readRuleLibrary(context.positionals);
  printIssues(issues, context.lang, context.output);
  context.output.out(
    `${say(TEXT.checkOk, context.lang, { tables: library.ruleSets.size, levels: library.levels.length })}\n`,
  );
  return 0;
}

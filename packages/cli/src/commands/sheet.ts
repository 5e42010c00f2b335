import { writeScoreSheets } from "@ceping/workbook";
import { say, TEXT } from "../cli-text.ts";
import { progressLine } from "../progress-line.ts";
import { InputError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { assessmentDate, readCandidateFiles, required } from "../read-inputs.ts";
import { readRuleLibrary } from "../read-rules.ts";

/** `ceping sheet`: one reviewer's score sheets, one printable 评分表 per candidate. */
export async function sheetCommand(context: CommandContext): Promise<number> {
  const reviewer = required(context, "reviewer");
  const target = required(context, "output");
  const on = assessmentDate(context);
  const { library, issues: ruleIssues } = readRuleLibrary([required(context, "rules")]);
  const { candidates, issues } = await readCandidateFiles(context, library);
  const all = [...ruleIssues, ...issues];
  if (all.some((issue) => issue.severity === "error")) {
    throw new InputError(all);
  }
  printIssues(all, context.lang, context.output);
  const progress = progressLine(context.output, context.lang, TEXT.writingLines);
  try {
    await writeScoreSheets(target, library, candidates, reviewer, {
      on,
      ...(progress.onProgress && { onProgress: progress.onProgress }),
    });
  } finally {
    progress.done();
  }
  context.output.err(`${say(TEXT.written, context.lang, { file: target })}\n`);
  return 0;
}

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { writeScoreSheets } from "@ceping/workbook";
import { say, TEXT } from "../cli-text.ts";
import { progressLine } from "../progress-line.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { splitNames } from "../parse-reviewers.ts";
import { assessmentDate, readCandidateFiles, required } from "../read-inputs.ts";
import { readRuleLibrary } from "../read-rules.ts";

/** A reviewer's name as part of a file name: what no file system takes becomes `_`. */
function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, "_");
}

/**
 * `ceping sheet`: a reviewer's score sheets, one printable 评分表 per candidate. With several
 * reviewers (`--reviewer 甲,乙,丙`), -o is a folder and each gets `评分表-姓名.xlsx` in it.
 */
export async function sheetCommand(context: CommandContext): Promise<number> {
  const reviewers = splitNames(required(context, "reviewer"));
  const output = required(context, "output");
  if (reviewers.length === 0) {
    throw new UsageError(context.lang === "zh" ? "--reviewer 缺少姓名" : "--reviewer: no name");
  }
  const on = assessmentDate(context);
  const { library, issues: ruleIssues } = readRuleLibrary([required(context, "rules")]);
  const { candidates, issues } = await readCandidateFiles(context, library);
  const all = [...ruleIssues, ...issues];
  if (all.some((issue) => issue.severity === "error")) {
    throw new InputError(all);
  }
  printIssues(all, context.lang, context.output);
  const several = reviewers.length > 1;
  if (several) {
    mkdirSync(output, { recursive: true });
  }
  for (const reviewer of reviewers) {
    const target = several ? join(output, `评分表-${fileSafe(reviewer)}.xlsx`) : output;
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
  }
  return 0;
}

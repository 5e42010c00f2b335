import { parseLevel } from "@ceping/engine";
import { createAssessment } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { parseReviewers } from "../parse-reviewers.ts";
import { assessmentDate, readCandidateFiles, required } from "../read-inputs.ts";
import { findRuleFiles, readRuleLibrary } from "../read-rules.ts";

/** `ceping init`: a new assessment file from rules and candidates, with its panel. */
export async function initCommand(context: CommandContext): Promise<number> {
  const file = context.positionals[0];
  if (file === undefined) {
    throw new UsageError(
      context.lang === "zh" ? "缺少评审文件名（*.ceping）" : "name the assessment file (*.ceping)",
    );
  }
  const rulesPath = required(context, "rules");
  const rules = findRuleFiles([rulesPath]);
  const { library } = readRuleLibrary([rulesPath]);
  const levelText = context.values.level as string | undefined;
  const level = levelText === undefined ? undefined : parseLevel(levelText);
  if (levelText !== undefined && !level) {
    throw new UsageError(`--level: county | prefecture | province | national`);
  }
  const on = assessmentDate(context);
  const { candidates, issues } = await readCandidateFiles(context, library);
  if (issues.some((issue) => issue.severity === "error")) {
    throw new InputError(issues);
  }
  const given = context.values.reviewers;
  const reviewers = typeof given === "string" ? parseReviewers(given) : undefined;
  const chair = context.values.chair as string | undefined;
  const made = createAssessment(file, {
    rules: { sources: rules.sources, selected: rules.selected },
    candidates,
    on,
    ...(level && { level }),
    ...(reviewers && { reviewers }),
    ...(chair && { chair }),
  });
  if (!made.ok) {
    throw new InputError([...issues, ...made.issues]);
  }
  printIssues([...issues, ...made.issues], context.lang, context.output);
  const info = made.value.info();
  made.value.close();
  context.output.out(
    `${say(TEXT.created, context.lang, { file, candidates: candidates.length, hash: info.finalHash })}\n`,
  );
  return 0;
}

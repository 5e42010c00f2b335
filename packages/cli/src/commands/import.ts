import type { Issue, ScoreEntry } from "@ceping/engine";
import { openAssessment } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { readScoreFile } from "../read-inputs.ts";

/** `ceping import`: adds reviewers' scores (score sheets or JSON) to an assessment, all or none. */
export async function importCommand(context: CommandContext): Promise<number> {
  const file = context.positionals[0];
  const paths = (context.values.scores as string[] | undefined) ?? [];
  if (file === undefined || paths.length === 0) {
    throw new UsageError(
      context.lang === "zh"
        ? "用法：ceping import 评审文件 --scores 文件 ..."
        : "usage: ceping import FILE --scores FILE ...",
    );
  }
  const opened = openAssessment(file);
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  const assessment = opened.value;
  try {
    const entries: ScoreEntry[] = [];
    const issues: Issue[] = [];
    const reviewers = assessment.info().reviewers;
    for (const path of paths) {
      const read = await readScoreFile(path, assessment.library(), {
        ...(reviewers.length > 0 && { reviewers }),
        output: context.output,
        lang: context.lang,
      });
      entries.push(...read.entries);
      issues.push(...read.issues);
    }
    if (issues.some((issue) => issue.severity === "error")) {
      throw new InputError(issues);
    }
    const reason = context.values.reason as string | undefined;
    const imported = assessment.importScores({
      actor: (context.values.as as string | undefined) ?? "secretariat",
      entries,
      ...(reason && { reason }),
    });
    if (!imported.ok) {
      throw new InputError([...issues, ...imported.issues]);
    }
    printIssues([...issues, ...imported.issues], context.lang, context.output);
    const summary = imported.value;
    context.output.out(
      `${say(TEXT.imported, context.lang, {
        entered: summary.entered,
        revised: summary.revised,
        unchanged: summary.unchanged,
        submitted: summary.submitted,
        hash: assessment.info().finalHash,
      })}\n`,
    );
    return 0;
  } finally {
    assessment.close();
  }
}

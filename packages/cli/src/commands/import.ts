import { readScoreEntries } from "@ceping/engine";
import type { Issue, ScoreEntry } from "@ceping/engine";
import { openAssessment } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { readText } from "../read-rules.ts";

/** `ceping import`: adds reviewers' scores to an assessment, all of them or none. */
export function importCommand(context: CommandContext): number {
  const file = context.positionals[0];
  const paths = (context.values.scores as string[] | undefined) ?? [];
  if (file === undefined || paths.length === 0) {
    throw new UsageError(
      context.lang === "zh"
        ? "用法：ceping import 评审文件 --scores 文件 ..."
        : "usage: ceping import FILE --scores FILE ...",
    );
  }
  const entries: ScoreEntry[] = [];
  const issues: Issue[] = [];
  for (const path of paths) {
    const read = readScoreEntries(readText(path));
    entries.push(...read.entries);
    issues.push(...read.issues);
  }
  if (issues.some((issue) => issue.severity === "error")) {
    throw new InputError(issues);
  }
  const opened = openAssessment(file);
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  const assessment = opened.value;
  try {
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

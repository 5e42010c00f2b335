import { CONFLICT_KINDS, openAssessment } from "@ceping/store";
import type { ConflictKind } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { required } from "../read-inputs.ts";

/**
 * `ceping conflict`: a reviewer declares, or the chair records, a conflict (回避) with a
 * candidate; with --dismiss the chair sets a proposed one aside, with a reason.
 */
export function conflictCommand(context: CommandContext): number {
  const file = context.positionals[0];
  if (file === undefined) {
    throw new UsageError(context.lang === "zh" ? "缺少评审文件名" : "name the assessment file");
  }
  const actor = required(context, "as");
  const reviewer = required(context, "reviewer");
  const candidate = required(context, "candidate");
  const kind = context.values.kind as string | undefined;
  if (!context.values.dismiss && !CONFLICT_KINDS.includes(kind as ConflictKind)) {
    throw new UsageError(`--kind: ${CONFLICT_KINDS.join(" | ")}`);
  }
  const opened = openAssessment(file);
  if (!opened.ok) {
    throw new InputError(opened.issues);
  }
  const assessment = opened.value;
  try {
    const note = context.values.note as string | undefined;
    const done = context.values.dismiss
      ? assessment.dismissConflict({
          actor,
          reviewer,
          candidate,
          reason: required(context, "reason"),
        })
      : assessment.declareConflict({
          actor,
          reviewer,
          candidate,
          kind: kind as ConflictKind,
          ...(note && { note }),
        });
    if (!done.ok) {
      throw new InputError(done.issues);
    }
    printIssues(done.issues, context.lang, context.output);
    context.output.out(
      `${say(
        context.values.dismiss ? TEXT.conflictDismissed : TEXT.conflictRecorded,
        context.lang,
        {
          reviewer,
          candidate,
          hash: assessment.info().finalHash,
        },
      )}\n`,
    );
    return 0;
  } finally {
    assessment.close();
  }
}

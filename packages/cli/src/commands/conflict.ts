import { CONFLICT_KINDS } from "@ceping/store";
import type { ConflictKind } from "@ceping/store";
import { say, TEXT } from "../cli-text.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/**
 * `ceping conflict`: a reviewer declares, or the chair records, a conflict (回避) with a
 * candidate; with --dismiss the chair sets a proposed one aside, with a reason.
 */
export function conflictCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  const reviewer = required(context, "reviewer");
  const candidate = required(context, "candidate");
  const kind = context.values.kind as string | undefined;
  const note = context.values.note as string | undefined;
  if (context.values.dismiss) {
    const reason = required(context, "reason");
    return recordAction(
      context,
      file,
      (assessment) => assessment.dismissConflict({ actor, reviewer, candidate, reason }),
      (hash) => say(TEXT.conflictDismissed, context.lang, { reviewer, candidate, hash }),
    );
  }
  if (!CONFLICT_KINDS.includes(kind as ConflictKind)) {
    throw new UsageError(`--kind: ${CONFLICT_KINDS.join(" | ")}`);
  }
  return recordAction(
    context,
    file,
    (assessment) =>
      assessment.declareConflict({
        actor,
        reviewer,
        candidate,
        kind: kind as ConflictKind,
        ...(note && { note }),
      }),
    (hash) => say(TEXT.conflictRecorded, context.lang, { reviewer, candidate, hash }),
  );
}

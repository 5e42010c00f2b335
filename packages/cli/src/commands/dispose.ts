import { say, TEXT } from "../cli-text.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/** `ceping dispose`: the chair disposes of a divergence flag, kept (with the reviewer's reason) or revised. */
export function disposeCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  // the key as `ceping export` lists it, or its parts with commas: spread,county,GD-01,livelihood
  const typed = required(context, "flag");
  const flag = typed.startsWith("[") ? typed : JSON.stringify(typed.split(","));
  const { kept, revised } = context.values;
  if (kept === revised) {
    throw new UsageError(
      context.lang === "zh"
        ? "--kept 与 --revised 须选且只选一个"
        : "give one of --kept, --revised",
    );
  }
  const reason = required(context, "reason");
  const disposition = kept ? "kept" : "revised";
  return recordAction(
    context,
    file,
    (assessment) => assessment.disposeFlag({ actor, flag, disposition, reason }),
    (hash) =>
      say(TEXT.flagDisposed, context.lang, {
        flag,
        disposition: say(kept ? TEXT.kept : TEXT.revised, context.lang),
        hash,
      }),
  );
}

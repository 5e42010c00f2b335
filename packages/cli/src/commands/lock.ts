import { say, TEXT } from "../cli-text.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/** `ceping lock`: the chair finalizes the assessment once no flag and no tie at a cut line is open. */
export function lockCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  return recordAction(
    context,
    file,
    (assessment) => assessment.lock({ actor }),
    (hash) => say(TEXT.locked, context.lang, { hash }),
  );
}

import { LEVEL_NAMES } from "@ceping/engine";
import type { Level } from "@ceping/engine";
import { say, TEXT } from "../cli-text.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/** `ceping decide`: the chair orders a group of tied candidates at a level, with a reason. */
export function decideCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  const level = required(context, "level") as Level;
  const order = required(context, "order")
    .split(/[\s,，、]+/)
    .filter((id) => id !== "");
  const reason = required(context, "reason");
  return recordAction(
    context,
    file,
    (assessment) => assessment.decideTie({ actor, level, order, reason }),
    (hash) =>
      say(TEXT.tieDecided, context.lang, {
        level: context.lang === "zh" ? (LEVEL_NAMES[level] ?? level) : level,
        order: order.join(context.lang === "zh" ? "、" : ", "),
        hash,
      }),
  );
}

import { say, TEXT } from "../cli-text.ts";
import { UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { parseReviewers } from "../parse-reviewers.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/**
 * `ceping reviewer`: the panel after `init`: --add NAME[:UNIT:TOWNSHIP] adds a reviewer (the
 * store proposes the conflicts their unit or township implies), --chair NAME names the chair.
 */
export function reviewerCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  const add = context.values.add as string | undefined;
  const chair = context.values.chair as string | undefined;
  const [reviewer, ...more] = add === undefined ? [] : parseReviewers(add);
  if ((reviewer === undefined) === (chair === undefined) || more.length > 0) {
    throw new UsageError(
      context.lang === "zh"
        ? "--add 姓名[:单位:乡镇]（一次一位）与 --chair 姓名 须选且只选一个"
        : "give one of --add NAME[:UNIT:TOWNSHIP] (one at a time), --chair NAME",
    );
  }
  if (reviewer) {
    return recordAction(
      context,
      file,
      (assessment) => assessment.addReviewer({ actor, ...reviewer }),
      (hash, events) =>
        say(TEXT.reviewerAdded, context.lang, {
          name: reviewer.name,
          proposed: events.filter((event) => event.kind === "conflict.proposed").length,
          hash,
        }),
    );
  }
  const name = chair as string;
  return recordAction(
    context,
    file,
    (assessment) => assessment.assignChair({ actor, name }),
    (hash) => say(TEXT.chairAssigned, context.lang, { name, hash }),
  );
}

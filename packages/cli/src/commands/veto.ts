import { say, TEXT } from "../cli-text.ts";
import type { CommandContext } from "../main.ts";
import { required } from "../read-inputs.ts";
import { assessmentFile, recordAction } from "../record-action.ts";

/** `ceping veto`: the chair raises a panel veto on a candidate, or with --withdraw withdraws it, with a reason. */
export function vetoCommand(context: CommandContext): number {
  const file = assessmentFile(context);
  const actor = required(context, "as");
  const candidate = required(context, "candidate");
  const veto = required(context, "veto");
  const reason = required(context, "reason");
  const withdraw = context.values.withdraw === true;
  return recordAction(
    context,
    file,
    (assessment) =>
      withdraw
        ? assessment.withdrawVeto({ actor, candidate, veto, reason })
        : assessment.raiseVeto({ actor, candidate, veto, reason }),
    (hash) =>
      say(withdraw ? TEXT.vetoWithdrawn : TEXT.vetoRaised, context.lang, {
        candidate,
        veto,
        hash,
      }),
  );
}

import type { CandidateScore } from "@ceping/engine";
import { askVetoChange, panelVetoes } from "./ask-veto.ts";
import { TEXT } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

/** Asks the chair which of a candidate's raised panel vetoes to withdraw and why, then withdraws it. */
export function askWithdrawVeto(ui: Ui, result: CandidateScore): void {
  askVetoChange(ui, result, {
    act: ui.session.withdrawVeto,
    // a panel veto holds on a level only when it was raised: those are the ones to withdraw
    vetoes: panelVetoes(result).filter((veto) =>
      result.levels.some((score) => score.vetoes.includes(veto.id)),
    ),
    none: TEXT.noRaisedVeto,
    pick: TEXT.vetoWithdrawPick,
    reason: TEXT.vetoWithdrawReason,
    done: TEXT.vetoWithdrawn,
  });
}

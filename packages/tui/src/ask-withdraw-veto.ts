import type { CandidateScore } from "@ceping/engine";
import { panelVetoes } from "./ask-veto.ts";
import { say, TEXT } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

/** Asks the chair which of a candidate's raised panel vetoes to withdraw and why, then withdraws it. */
export function askWithdrawVeto(ui: Ui, result: CandidateScore): void {
  const { lang, session } = ui;
  const { candidate } = result;
  const withdraw = session.withdrawVeto;
  if (!withdraw) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  // a panel veto holds on a level only when it was raised: those are the ones to withdraw
  const raised = panelVetoes(result)
    .filter((veto) => result.levels.some((score) => score.vetoes.includes(veto.id)))
    .slice(0, 9);
  if (raised.length === 0) {
    ui.notify(say(TEXT.noRaisedVeto, lang, { name: candidate.name }), "error");
    return;
  }
  ui.ask({
    kind: "choice",
    label: say(TEXT.vetoWithdrawPick, lang, { name: candidate.name }),
    choices: raised.map((veto, index) => ({ key: String(index + 1), label: veto.title })),
    onChoose: (key) => {
      const veto = raised[Number(key) - 1];
      if (!veto) {
        return;
      }
      ui.ask({
        kind: "text",
        label: say(TEXT.vetoWithdrawReason, lang),
        onSubmit: (reason) =>
          ui.run(
            () => withdraw({ candidate: candidate.id, veto: veto.id, reason }),
            () =>
              ui.notify(
                say(TEXT.vetoWithdrawn, lang, { name: candidate.name, veto: veto.title }),
                "ok",
              ),
          ),
      });
    },
  });
}

import type { CandidateScore } from "@ceping/engine";
import { say, TEXT } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

/** The vetoes the panel raises on a candidate's tables, each once. */
export function panelVetoes(result: CandidateScore): { id: string; title: string }[] {
  const vetoes = new Map<string, string>();
  for (const score of result.levels) {
    for (const { veto } of score.compiled.vetoes) {
      if (veto.raisedBy === "panel" && !vetoes.has(veto.id)) {
        vetoes.set(veto.id, veto.title);
      }
    }
  }
  return [...vetoes].map(([id, title]) => ({ id, title }));
}

/** Asks the chair which veto to raise on a candidate and why, then raises it. */
export function askVeto(ui: Ui, result: CandidateScore): void {
  const { lang, session } = ui;
  const { candidate } = result;
  const raise = session.raiseVeto;
  if (!raise) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  const vetoes = panelVetoes(result).slice(0, 9);
  if (vetoes.length === 0) {
    ui.notify(say(TEXT.noPanelVeto, lang, { name: candidate.name }), "error");
    return;
  }
  ui.ask({
    kind: "choice",
    label: say(TEXT.vetoPick, lang, { name: candidate.name }),
    choices: vetoes.map((veto, index) => ({ key: String(index + 1), label: veto.title })),
    onChoose: (key) => {
      const veto = vetoes[Number(key) - 1];
      if (!veto) {
        return;
      }
      ui.ask({
        kind: "text",
        label: say(TEXT.vetoReason, lang),
        onSubmit: (reason) =>
          ui.run(
            () => raise({ candidate: candidate.id, veto: veto.id, reason }),
            () =>
              ui.notify(
                say(TEXT.vetoRaised, lang, { name: candidate.name, veto: veto.title }),
                "ok",
              ),
          ),
      });
    },
  });
}

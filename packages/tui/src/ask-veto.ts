import type { CandidateScore, Lang } from "@ceping/engine";
import type { MaybePromise, Outcome } from "./panel-session.ts";
import { say, TEXT } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

type Text = Readonly<Record<Lang, string>>;

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

/**
 * Asks the chair which of some panel vetoes of a candidate to act on and why, then acts: the one
 * dialogue behind raising and withdrawing a veto.
 */
export function askVetoChange(
  ui: Ui,
  result: CandidateScore,
  change: {
    /** the session's action, absent when the user may not take it */
    readonly act:
      | ((input: {
          candidate: string;
          veto: string;
          reason: string;
        }) => MaybePromise<Outcome<unknown>>)
      | undefined;
    readonly vetoes: readonly { id: string; title: string }[];
    readonly none: Text;
    readonly pick: Text;
    readonly reason: Text;
    readonly done: Text;
  },
): void {
  const { lang } = ui;
  const { candidate } = result;
  const { act } = change;
  if (!act) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  const vetoes = change.vetoes.slice(0, 9);
  if (vetoes.length === 0) {
    ui.notify(say(change.none, lang, { name: candidate.name }), "error");
    return;
  }
  ui.ask({
    kind: "choice",
    label: say(change.pick, lang, { name: candidate.name }),
    choices: vetoes.map((veto, index) => ({ key: String(index + 1), label: veto.title })),
    onChoose: (key) => {
      const veto = vetoes[Number(key) - 1];
      if (!veto) {
        return;
      }
      ui.ask({
        kind: "text",
        label: say(change.reason, lang),
        onSubmit: (reason) =>
          ui.run(
            () => act({ candidate: candidate.id, veto: veto.id, reason }),
            () =>
              ui.notify(say(change.done, lang, { name: candidate.name, veto: veto.title }), "ok"),
          ),
      });
    },
  });
}

/** Asks the chair which veto to raise on a candidate and why, then raises it. */
export function askVeto(ui: Ui, result: CandidateScore): void {
  askVetoChange(ui, result, {
    act: ui.session.raiseVeto,
    vetoes: panelVetoes(result),
    none: TEXT.noPanelVeto,
    pick: TEXT.vetoPick,
    reason: TEXT.vetoReason,
    done: TEXT.vetoRaised,
  });
}

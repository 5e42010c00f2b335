import { CONFLICT_KINDS } from "@ceping/store";
import { CONFLICT_SHORT, CONFLICT_TEXT, say, TEXT } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

/**
 * Asks which kind of conflict (回避) ties a reviewer to a candidate, and what it is when the kind
 * is `other`, then records it: the reviewer's own declaration, or the chair's record for another.
 */
export function askConflict(
  ui: Ui,
  input: { readonly reviewer: string; readonly candidate: { id: string; name: string } },
): void {
  const { lang, session } = ui;
  const declare = session.declareConflict;
  if (!declare) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  const { reviewer, candidate } = input;
  const own = reviewer === session.view().user;
  const kindText = (kind: string) => say(CONFLICT_TEXT[kind] ?? { zh: kind, en: kind }, lang);
  ui.ask({
    kind: "choice",
    label: own
      ? say(TEXT.conflictDeclareAsk, lang, { name: candidate.name })
      : say(TEXT.conflictRecordAsk, lang, { reviewer, name: candidate.name }),
    // the short names: all six kinds and Esc fit on one line of 80 columns
    choices: CONFLICT_KINDS.map((kind, index) => ({
      key: String(index + 1),
      label: say(CONFLICT_SHORT[kind] ?? { zh: kind, en: kind }, lang),
    })),
    onChoose: (key) => {
      const kind = CONFLICT_KINDS[Number(key) - 1];
      if (!kind) {
        return;
      }
      const record = (note?: string) =>
        ui.run(
          () =>
            declare({
              reviewer,
              candidate: candidate.id,
              kind,
              ...(note !== undefined && { note }),
            }),
          () =>
            ui.notify(
              own
                ? say(TEXT.conflictDeclared, lang, { name: candidate.name, kind: kindText(kind) })
                : say(TEXT.conflictRecorded, lang, { reviewer, name: candidate.name }),
              "ok",
            ),
        );
      if (kind === "other") {
        ui.ask({ kind: "text", label: say(TEXT.conflictNote, lang), onSubmit: record });
      } else {
        record();
      }
    },
  });
}

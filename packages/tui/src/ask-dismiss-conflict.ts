import type { ConflictMark } from "./panel-session.ts";
import { say, TEXT } from "./tui-text.ts";
import type { Ui } from "./ui-context.ts";

/** Asks the chair why a reviewer's conflict with a candidate no longer holds, then dismisses it. */
export function askDismissConflict(
  ui: Ui,
  input: {
    readonly reviewer: string;
    readonly candidate: { id: string; name: string };
    readonly conflict: ConflictMark | undefined;
  },
): void {
  const { lang, session } = ui;
  const dismiss = session.dismissConflict;
  const { reviewer, candidate } = input;
  if (!dismiss) {
    ui.notify(say(TEXT.readOnly, lang), "error");
    return;
  }
  // said before the reason is asked for, not after it was typed in vain
  if (!input.conflict) {
    ui.notify(say(TEXT.noConflictHere, lang, { reviewer, name: candidate.name }), "error");
    return;
  }
  ui.ask({
    kind: "text",
    label: say(TEXT.conflictDismissAsk, lang, { reviewer, name: candidate.name }),
    onSubmit: (reason) =>
      ui.run(
        () => dismiss({ reviewer, candidate: candidate.id, reason }),
        () =>
          ui.notify(say(TEXT.conflictDismissed, lang, { reviewer, name: candidate.name }), "ok"),
      ),
  });
}

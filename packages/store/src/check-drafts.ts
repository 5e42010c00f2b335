import { hasErrors } from "@ceping/engine";
import type { Issue, Place } from "@ceping/engine";
import { checkEvent } from "./check-event.ts";
import { computeResults } from "./compute-results.ts";
import type { AssessmentResults } from "./compute-results.ts";
import type { PanelEvent } from "./panel-events.ts";
import type { PanelContext } from "./panel-context.ts";
import { applyPanelEvent, clonePanelState } from "./panel-state.ts";
import type { PanelState } from "./panel-state.ts";

/** An event to record, and who records it. */
export interface Draft {
  readonly actor: string;
  readonly event: PanelEvent;
}

/**
 * Checks drafts one after another, each in the state the ones before it leave (on a copy; the
 * state given is not changed); stops at the first error. `results` may give the results of the
 * state given, when the caller has them already.
 */
export function checkDrafts(
  context: PanelContext,
  state: PanelState,
  drafts: readonly Draft[],
  place: Place,
  at: string,
  results?: () => AssessmentResults,
): Issue[] {
  const issues: Issue[] = [];
  let scratch = state;
  drafts.forEach((draft, index) => {
    if (hasErrors(issues)) {
      return;
    }
    const current = scratch;
    issues.push(
      ...checkEvent(
        context,
        current,
        draft.actor,
        draft.event,
        place,
        current === state && results ? results : () => computeResults(context, current),
      ),
    );
    if (index < drafts.length - 1) {
      if (scratch === state) {
        scratch = clonePanelState(state);
      }
      applyPanelEvent(scratch, draft.event, { seq: scratch.seq + 1, at, actor: draft.actor });
    }
  });
  return issues;
}

import { error } from "@ceping/engine";
import type { Place } from "@ceping/engine";
import type { Conflict, PanelState, ScoreVersion } from "./panel-state.ts";
import { conflictInForce, pairKey } from "./panel-state.ts";
import type { Result } from "./result.ts";

/** One reviewer's scores for a candidate, with every version. */
export interface SheetView {
  readonly reviewer: string;
  readonly submitted: boolean;
  /** indicator id → its versions, oldest first; the last is the current score */
  readonly scores: Readonly<Record<string, readonly ScoreVersion[]>>;
}

/** What one person may see of the reviewers' scores for one candidate. */
export interface VisibleScores {
  readonly candidate: string;
  readonly viewer: string;
  /** the viewer's own conflict with the candidate: they neither score it nor see its scores */
  readonly conflict?: Conflict;
  /** the viewer's own scores, drafts too (absent for a chair who is no reviewer) */
  readonly own?: SheetView;
  /**
   * the other reviewers' submitted scores; `hidden` while a reviewer has not submitted their own
   * for this candidate (or has a conflict with it). Drafts are never shown to anyone else.
   */
  readonly others: readonly SheetView[] | "hidden";
}

/**
 * The independence rule as a query: a reviewer sees other reviewers' scores for a candidate only
 * once they have submitted their own for it; the chair sees them all, except while scoring the
 * candidate as a reviewer. Someone neither reviewer nor chair is refused.
 */
export function visibleScores(
  state: PanelState,
  viewer: string,
  candidate: string,
  place: Place,
): Result<VisibleScores> {
  const isReviewer = state.reviewers.has(viewer);
  const isChair = state.chair === viewer;
  if (!isReviewer && !isChair) {
    return { ok: false, issues: [error("store.not_on_panel", place, { viewer })] };
  }
  const conflict = isReviewer ? conflictInForce(state, candidate, viewer) : undefined;
  const hasSubmitted = state.submitted.has(pairKey(candidate, viewer));
  const mayLook = !conflict && (isReviewer ? hasSubmitted : isChair);
  const others = [...state.reviewers.keys()]
    .filter(
      (reviewer) =>
        reviewer !== viewer &&
        state.submitted.has(pairKey(candidate, reviewer)) &&
        !conflictInForce(state, candidate, reviewer),
    )
    .map((reviewer) => sheetOf(state, candidate, reviewer));
  return {
    ok: true,
    issues: [],
    value: {
      candidate,
      viewer,
      ...(conflict && { conflict }),
      ...(isReviewer && { own: sheetOf(state, candidate, viewer) }),
      others: mayLook ? others : "hidden",
    },
  };
}

function sheetOf(state: PanelState, candidate: string, reviewer: string): SheetView {
  const key = pairKey(candidate, reviewer);
  return {
    reviewer,
    submitted: state.submitted.has(key),
    scores: Object.fromEntries(state.scores.get(key) ?? []),
  };
}

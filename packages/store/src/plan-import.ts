import { error, hasErrors } from "@ceping/engine";
import type { Issue, Place, ScoreEntry } from "@ceping/engine";
import type { ImportSummary, ScoreInput } from "./assessment.ts";
import { checkDrafts } from "./check-drafts.ts";
import type { Draft } from "./check-drafts.ts";
import type { PanelEvent } from "./panel-events.ts";
import type { PanelContext } from "./panel-context.ts";
import { applyPanelEvent, clonePanelState, conflictInForce, pairKey } from "./panel-state.ts";
import type { PanelState } from "./panel-state.ts";
import type { Result } from "./result.ts";

/**
 * Turns score entries into the events that record them: reviewers added to an open roster, new
 * and changed scores, and a submission per reviewer and candidate not yet submitted. Every entry
 * is checked at its own place, so one import lists all of its problems.
 */
export function planImport(
  context: PanelContext,
  state: PanelState,
  input: { actor: string; entries: readonly ScoreEntry[]; reason?: string },
): Result<{ drafts: Draft[]; summary: ImportSummary }> {
  const { actor, entries, reason } = input;
  const issues: Issue[] = [];
  const drafts: Draft[] = [];
  const added: string[] = [];
  let entered = 0;
  let revised = 0;
  let unchanged = 0;
  let submitted = 0;
  const scratch = clonePanelState(state);
  const at = new Date(0).toISOString();
  const take = (draft: Draft, place: Place): boolean => {
    const found = checkDrafts(context, scratch, [draft], place, at);
    issues.push(...found);
    if (hasErrors(found)) {
      return false;
    }
    drafts.push(draft);
    applyPanelEvent(scratch, draft.event, { seq: scratch.seq + 1, at, actor: draft.actor });
    return true;
  };
  const sheets = new Map<string, ScoreEntry[]>();
  for (const entry of entries) {
    const key = pairKey(entry.candidateId, entry.reviewer);
    sheets.set(key, [...(sheets.get(key) ?? []), entry]);
  }
  const unknown = new Set<string>();
  for (const sheet of sheets.values()) {
    const first = sheet[0] as ScoreEntry;
    const { reviewer, candidateId: candidate } = first;
    // what holds for a whole sheet is said once, at its first score
    if (!context.candidateById.has(candidate)) {
      issues.push(error("score.unknown_candidate", first.place, { id: candidate }));
      continue;
    }
    if (!scratch.reviewers.has(reviewer) && !context.created.openRoster) {
      if (!unknown.has(reviewer)) {
        unknown.add(reviewer);
        issues.push(error("store.unknown_reviewer", first.place, { name: reviewer }));
      }
      continue;
    }
    const conflict = conflictInForce(scratch, candidate, reviewer);
    if (conflict) {
      issues.push(
        error("store.conflicted", first.place, { reviewer, candidate, kind: conflict.kind }),
      );
      continue;
    }
    if (!scratch.reviewers.has(reviewer)) {
      if (
        !take(
          { actor, event: { kind: "reviewer.added", payload: { name: reviewer } } },
          first.place,
        )
      ) {
        continue;
      }
      added.push(reviewer);
    }
    const key = pairKey(candidate, reviewer);
    let ok = true;
    for (const entry of sheet) {
      const versions = scratch.scores.get(key)?.get(entry.indicator) ?? [];
      const current = versions[versions.length - 1];
      if (current?.points === entry.points) {
        unchanged += 1;
        continue;
      }
      const draft: Draft = {
        actor,
        event: scoreEvent({
          actor,
          reviewer,
          candidate,
          indicator: entry.indicator,
          points: entry.points,
          ...(reason !== undefined && { reason }),
        }),
      };
      if (take(draft, entry.place)) {
        if (current) {
          revised += 1;
        } else {
          entered += 1;
        }
      } else {
        ok = false;
      }
    }
    if (ok && scratch.scores.has(key) && !scratch.submitted.has(key)) {
      if (
        take(
          { actor, event: { kind: "sheet.submitted", payload: { reviewer, candidate } } },
          first.place,
        )
      ) {
        submitted += 1;
      }
    }
  }
  if (hasErrors(issues)) {
    return { ok: false, issues };
  }
  return {
    ok: true,
    issues,
    value: { drafts, summary: { entered, revised, unchanged, submitted, reviewersAdded: added } },
  };
}

/** The event that records a score. */
export function scoreEvent(input: ScoreInput): PanelEvent {
  const { reviewer, candidate, indicator, points, note, reason } = input;
  return {
    kind: "score.entered",
    payload: {
      reviewer,
      candidate,
      indicator,
      points,
      ...(note !== undefined && { note }),
      ...(reason !== undefined && reason.trim() !== "" && { reason }),
    },
  };
}

import { error, warning } from "@ceping/engine";
import type { Issue, Place } from "@ceping/engine";
import type { AssessmentResults } from "./compute-results.ts";
import { lockedResults } from "./compute-results.ts";
import { canonicalJson } from "@ceping/engine";
import { CONFLICT_KINDS, PROGRAM_ACTOR } from "./panel-events.ts";
import type { LockedResult, PanelEvent } from "./panel-events.ts";
import type { PanelContext } from "./panel-context.ts";
import { conflictInForce, pairKey } from "./panel-state.ts";
import type { PanelState } from "./panel-state.ts";
import { quotaProblems } from "./quota-problems.ts";

/**
 * The rules of the panel: whether an event may happen in a state, as issues (errors refuse it,
 * warnings let it through). Writers check each event before appending it; the verifier replays
 * every stored event through the same checks. `results` gives the results of the state, for the
 * events that depend on them (dispositions, tie decisions, the lock).
 */
export function checkEvent(
  context: PanelContext,
  state: PanelState,
  actor: string,
  event: PanelEvent,
  place: Place,
  results: () => AssessmentResults,
): Issue[] {
  const issues: Issue[] = [];
  const fail = (code: Parameters<typeof error>[0], params: Parameters<typeof error>[2] = {}) => {
    issues.push(error(code, place, params));
    return issues;
  };
  if (event.kind === "assessment.created") {
    return state.seq === 0 ? issues : fail("store.verify_genesis", { seq: state.seq + 1 });
  }
  if (state.locked) {
    return fail("store.locked");
  }
  if (actor.trim() === "") {
    return fail("store.name", { what: "actor", found: "" });
  }
  const chairOnly = (action: string): boolean => {
    if (state.chair === undefined) {
      fail("store.no_chair", { action });
      return false;
    }
    if (actor !== state.chair) {
      fail("store.chair_only", { action, chair: state.chair, actor });
      return false;
    }
    return true;
  };
  const needsReason = (reason: string, action: string) => {
    if (reason.trim() === "") {
      fail("store.reason_missing", { action });
    }
  };
  const knowsReviewer = (name: string) => {
    if (!state.reviewers.has(name)) {
      fail("store.unknown_reviewer", { name });
      return false;
    }
    return true;
  };
  const knowsCandidate = (id: string) => {
    if (!context.candidateById.has(id)) {
      fail("score.unknown_candidate", { id });
      return false;
    }
    return true;
  };

  switch (event.kind) {
    case "reviewer.added": {
      const name = event.payload.name;
      if (name.trim() === "" || name === PROGRAM_ACTOR) {
        return fail("store.name", { what: "reviewer", found: name.trim() === "" ? "" : name });
      }
      if (state.reviewers.has(name)) {
        return fail("store.reviewer_exists", { name });
      }
      return issues;
    }
    case "chair.assigned":
      if (event.payload.name.trim() === "" || event.payload.name === PROGRAM_ACTOR) {
        return fail("store.name", { what: "actor", found: event.payload.name });
      }
      if (state.chair !== undefined) {
        chairOnly("assign_chair");
      }
      return issues;
    case "conflict.proposed":
    case "conflict.declared": {
      const { reviewer, candidate, kind } = event.payload;
      if (!knowsReviewer(reviewer) || !knowsCandidate(candidate)) {
        return issues;
      }
      if (!(CONFLICT_KINDS as readonly string[]).includes(kind)) {
        return fail("store.conflict_kind", { found: kind });
      }
      if (event.kind === "conflict.proposed") {
        return actor === PROGRAM_ACTOR ? issues : fail("store.conflict_actor", { actor, reviewer });
      }
      if (kind === "other" && (event.payload.note ?? "").trim() === "") {
        fail("store.conflict_note");
      }
      if (actor !== reviewer && actor !== state.chair) {
        fail("store.conflict_actor", { actor, reviewer });
      }
      const existing = conflictInForce(state, candidate, reviewer);
      if (existing && existing.source !== "proposed") {
        fail("store.conflict_exists", { reviewer, candidate, kind: existing.kind });
      }
      if (issues.length === 0 && state.submitted.has(pairKey(candidate, reviewer))) {
        issues.push(warning("store.conflict_set_aside", place, { reviewer, candidate }));
      }
      return issues;
    }
    case "conflict.dismissed": {
      const { reviewer, candidate, reason } = event.payload;
      if (!chairOnly("dismiss_conflict")) {
        return issues;
      }
      needsReason(reason, "dismiss_conflict");
      if (!conflictInForce(state, candidate, reviewer)) {
        fail("store.no_conflict", { reviewer, candidate });
      }
      return issues;
    }
    case "score.entered":
    case "sheet.submitted": {
      const { reviewer, candidate } = event.payload;
      if (!knowsReviewer(reviewer) || !knowsCandidate(candidate)) {
        return issues;
      }
      if (actor === state.chair && actor !== reviewer) {
        return fail("store.chair_not_scorer", { reviewer });
      }
      const conflict = conflictInForce(state, candidate, reviewer);
      if (conflict) {
        return fail("store.conflicted", { reviewer, candidate, kind: conflict.kind });
      }
      const key = pairKey(candidate, reviewer);
      if (event.kind === "sheet.submitted") {
        if (state.submitted.has(key)) {
          return fail("store.already_submitted", { reviewer, candidate });
        }
        return state.scores.has(key)
          ? issues
          : fail("store.nothing_to_submit", { reviewer, candidate });
      }
      const { indicator, points, reason } = event.payload;
      const limits = context.judged.get(candidate)?.get(indicator);
      if (!limits) {
        return fail("score.unknown_indicator", { reviewer, indicator });
      }
      const cents = Math.round(points * 100);
      for (const limit of limits) {
        if (points < 0 || cents > limit.max || Math.abs(points * 100 - cents) > 1e-6) {
          return fail("score.range", { reviewer, indicator, max: limit.max / 100, found: points });
        }
        if (cents % limit.step !== 0) {
          return fail("score.step", { reviewer, indicator, step: limit.step / 100, found: points });
        }
      }
      if (state.submitted.has(key) && (reason ?? "").trim() === "") {
        const versions = state.scores.get(key)?.get(indicator);
        const from = versions?.[versions.length - 1]?.points;
        fail("store.revision_reason", {
          reviewer,
          candidate,
          indicator,
          from: from ?? "",
          to: points,
        });
      }
      return issues;
    }
    case "veto.raised":
    case "veto.withdrawn": {
      const { candidate, veto, reason } = event.payload;
      const action = event.kind === "veto.raised" ? "raise_veto" : "withdraw_veto";
      if (!chairOnly(action) || !knowsCandidate(candidate)) {
        return issues;
      }
      needsReason(reason, action);
      const raised = state.vetoes.get(candidate)?.has(veto) ?? false;
      if (event.kind === "veto.raised" && !context.panelVetoes.get(candidate)?.has(veto)) {
        fail("store.veto_not_panel", { candidate, veto });
      } else if (event.kind === "veto.raised" && raised) {
        fail("store.veto_raised", { candidate, veto });
      } else if (event.kind === "veto.withdrawn" && !raised) {
        fail("store.veto_not_raised", { candidate, veto });
      }
      return issues;
    }
    case "flag.disposed": {
      const { flag, basis, disposition, reason } = event.payload;
      if (!chairOnly("dispose_flag")) {
        return issues;
      }
      needsReason(reason, "dispose_flag");
      if (disposition !== "kept" && disposition !== "revised") {
        fail("store.flag_disposition", { found: String(disposition) });
      }
      const current = results()
        .levels.flatMap((view) => view.flags)
        .find((candidate) => candidate.key === flag && candidate.basis === basis);
      if (!current) {
        fail("store.flag_unknown", { flag });
      }
      return issues;
    }
    case "tie.decided": {
      const { level, order, reason } = event.payload;
      if (!chairOnly("decide_tie")) {
        return issues;
      }
      needsReason(reason, "decide_tie");
      const ids = new Set(order);
      const view = results().levels.find((candidate) => candidate.level === level);
      const group = view?.ties.find(
        (tie) =>
          tie.length === order.length &&
          ids.size === order.length &&
          tie.every((id) => ids.has(id)),
      );
      if (!group) {
        fail("store.tie_unknown", { level, candidates: order.join("、") });
      }
      return issues;
    }
    case "quota.set": {
      for (const problem of quotaProblems(event.payload, context.levels)) {
        fail("store.quota", { id: event.payload.id, ...problem });
      }
      return issues;
    }
    case "assessment.locked": {
      if (!chairOnly("lock")) {
        return issues;
      }
      const now = results();
      const open = now.levels.flatMap((view) => view.flags).filter((flag) => !flag.disposition);
      if (open.length > 0) {
        fail("store.lock_open_flags", { count: open.length, first: describeFlag(open[0]) });
      }
      const cut = now.levels
        .flatMap((view) => view.quotas)
        .find((quota) => quota.tiedAtCut !== undefined);
      if (cut?.tiedAtCut) {
        fail("store.lock_open_ties", { candidates: cut.tiedAtCut.candidates.join("、") });
      }
      const difference = firstDifference(event.payload.results, lockedResults(now));
      if (difference) {
        fail("store.verify_result", difference);
      }
      return issues;
    }
  }
}

function describeFlag(
  flag: { kind: string; candidate?: string; reviewer?: string; indicator?: string } | undefined,
): string {
  return flag
    ? [flag.kind, flag.candidate, flag.reviewer ?? flag.indicator].filter(Boolean).join(" ")
    : "";
}

/** The first field in which recorded and recomputed lock results differ, for a message. */
export function firstDifference(
  recorded: readonly LockedResult[],
  recomputed: readonly LockedResult[],
):
  | { candidate: string; level: string; field: string; recorded: string; recomputed: string }
  | undefined {
  const key = (result: LockedResult) => `${result.candidate}|${result.level}`;
  const byKey = new Map(recomputed.map((result) => [key(result), result]));
  for (const before of recorded) {
    const after = byKey.get(key(before));
    if (!after) {
      return {
        candidate: before.candidate,
        level: before.level,
        field: "-",
        recorded: "✓",
        recomputed: "-",
      };
    }
    for (const field of Object.keys(after) as (keyof LockedResult)[]) {
      const a = canonicalJson(before[field]);
      const b = canonicalJson(after[field]);
      if (a !== b) {
        return {
          candidate: before.candidate,
          level: before.level,
          field,
          recorded: a,
          recomputed: b,
        };
      }
    }
    byKey.delete(key(before));
  }
  const extra = [...byKey.values()][0];
  return extra
    ? { candidate: extra.candidate, level: extra.level, field: "-", recorded: "-", recomputed: "✓" }
    : undefined;
}

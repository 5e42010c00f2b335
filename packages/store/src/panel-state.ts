import type { Level } from "@ceping/engine";
import type { Quota } from "./admit-by-quota.ts";
import type { ConflictKind, CreatedPayload, PanelEvent } from "./panel-events.ts";

/** Who did something, when, in which event. */
export interface Stamp {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
}

/** A member of the panel. */
export interface Reviewer extends Stamp {
  readonly name: string;
  readonly unit?: string;
  readonly township?: string;
}

/** A conflict between a reviewer and a candidate, and whether it is in force. */
export interface Conflict extends Stamp {
  readonly reviewer: string;
  readonly candidate: string;
  readonly kind: ConflictKind;
  /** proposed by the program (a match), declared by the reviewer, or recorded by the chair */
  readonly source: "proposed" | "declared" | "recorded";
  readonly note?: string;
  readonly match?: string;
  /** set when the chair dismissed it, with the reason */
  readonly dismissed?: Stamp & { readonly reason: string };
}

/** One version of a reviewer's score for an indicator; the last is the current one. */
export interface ScoreVersion extends Stamp {
  readonly points: number;
  readonly note?: string;
  readonly reason?: string;
}

/** A veto the chair raised, with the reason. */
export interface RaisedVeto extends Stamp {
  readonly reason: string;
}

/** The chair's disposition of a divergence flag; it holds while the flag's basis is unchanged. */
export interface Disposition extends Stamp {
  readonly flag: string;
  readonly basis: string;
  readonly disposition: "kept" | "revised";
  readonly reason: string;
}

/** The chair's order for a group of tied candidates at a level. */
export interface TieDecision extends Stamp {
  readonly level: Level;
  readonly order: readonly string[];
  readonly reason: string;
}

/** The current state of an assessment, derived from its events and nothing else. */
export interface PanelState {
  readonly created: CreatedPayload;
  /** the last event applied */
  seq: number;
  readonly reviewers: Map<string, Reviewer>;
  chair: string | undefined;
  /** by candidate and reviewer (`pairKey`) */
  readonly conflicts: Map<string, Conflict>;
  /** by candidate and reviewer (`pairKey`), then indicator: every version, oldest first */
  readonly scores: Map<string, Map<string, ScoreVersion[]>>;
  /** by candidate and reviewer (`pairKey`): when the reviewer submitted their scores */
  readonly submitted: Map<string, Stamp>;
  /** by candidate, then veto id: the vetoes in force */
  readonly vetoes: Map<string, Map<string, RaisedVeto>>;
  /** by flag key: the latest disposition */
  readonly dispositions: Map<string, Disposition>;
  readonly ties: TieDecision[];
  readonly quotas: Map<string, Quota & Stamp>;
  locked: Stamp | undefined;
}

/** The key of a reviewer's work on a candidate. */
export function pairKey(candidate: string, reviewer: string): string {
  return `${candidate}\u0000${reviewer}`;
}

/** The state right after the first event. */
export function createPanelState(created: CreatedPayload): PanelState {
  return {
    created,
    seq: 1,
    reviewers: new Map(),
    chair: undefined,
    conflicts: new Map(),
    scores: new Map(),
    submitted: new Map(),
    vetoes: new Map(),
    dispositions: new Map(),
    ties: [],
    quotas: new Map(),
    locked: undefined,
  };
}

/** A copy to try events on without touching the original. */
export function clonePanelState(state: PanelState): PanelState {
  return structuredClone(state);
}

/** The conflict in force between a reviewer and a candidate, if any. */
export function conflictInForce(
  state: PanelState,
  candidate: string,
  reviewer: string,
): Conflict | undefined {
  const conflict = state.conflicts.get(pairKey(candidate, reviewer));
  return conflict && !conflict.dismissed ? conflict : undefined;
}

/** Applies one event to the state (in place). It never fails: checking is `checkEvent`'s job. */
export function applyPanelEvent(state: PanelState, event: PanelEvent, stamp: Stamp): void {
  state.seq = stamp.seq;
  switch (event.kind) {
    case "assessment.created":
      return;
    case "reviewer.added": {
      const { name, unit, township } = event.payload;
      state.reviewers.set(name, {
        ...stamp,
        name,
        ...(unit !== undefined && { unit }),
        ...(township !== undefined && { township }),
      });
      return;
    }
    case "chair.assigned":
      state.chair = event.payload.name;
      return;
    case "conflict.proposed": {
      const { reviewer, candidate, kind, match } = event.payload;
      state.conflicts.set(pairKey(candidate, reviewer), {
        ...stamp,
        reviewer,
        candidate,
        kind,
        source: "proposed",
        match,
      });
      return;
    }
    case "conflict.declared": {
      const { reviewer, candidate, kind, note } = event.payload;
      state.conflicts.set(pairKey(candidate, reviewer), {
        ...stamp,
        reviewer,
        candidate,
        kind,
        source: stamp.actor === reviewer ? "declared" : "recorded",
        ...(note !== undefined && { note }),
      });
      return;
    }
    case "conflict.dismissed": {
      const key = pairKey(event.payload.candidate, event.payload.reviewer);
      const conflict = state.conflicts.get(key);
      if (conflict) {
        state.conflicts.set(key, {
          ...conflict,
          dismissed: { ...stamp, reason: event.payload.reason },
        });
      }
      return;
    }
    case "score.entered": {
      const { reviewer, candidate, indicator, points, note, reason } = event.payload;
      const key = pairKey(candidate, reviewer);
      const sheet = state.scores.get(key) ?? new Map<string, ScoreVersion[]>();
      const versions = sheet.get(indicator) ?? [];
      versions.push({
        ...stamp,
        points,
        ...(note !== undefined && { note }),
        ...(reason !== undefined && { reason }),
      });
      sheet.set(indicator, versions);
      state.scores.set(key, sheet);
      return;
    }
    case "sheet.submitted":
      state.submitted.set(pairKey(event.payload.candidate, event.payload.reviewer), stamp);
      return;
    case "veto.raised": {
      const { candidate, veto, reason } = event.payload;
      const raised = state.vetoes.get(candidate) ?? new Map<string, RaisedVeto>();
      raised.set(veto, { ...stamp, reason });
      state.vetoes.set(candidate, raised);
      return;
    }
    case "veto.withdrawn":
      state.vetoes.get(event.payload.candidate)?.delete(event.payload.veto);
      return;
    case "flag.disposed":
      state.dispositions.set(event.payload.flag, { ...stamp, ...event.payload });
      return;
    case "tie.decided":
      state.ties.push({ ...stamp, ...event.payload });
      return;
    case "quota.set":
      state.quotas.set(event.payload.id, { ...stamp, ...event.payload });
      return;
    case "assessment.locked":
      state.locked = stamp;
      return;
  }
}

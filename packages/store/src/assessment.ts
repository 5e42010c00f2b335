import type { Lang, Level, RuleLibrary, ScoreEntry } from "@ceping/engine";
import type { Quota } from "./admit-by-quota.ts";
import type { CandidateRecord, StoredEvent } from "./assessment-store.ts";
import type { AssessmentResults } from "./compute-results.ts";
import type { ConflictKind } from "./panel-events.ts";
import type { PanelPolicy } from "./panel-policy.ts";
import type { PanelState } from "./panel-state.ts";
import type { Result } from "./result.ts";
import type { VisibleScores } from "./visible-scores.ts";

/** What an assessment is, at a glance. */
export interface AssessmentInfo {
  readonly id: string;
  readonly title?: string;
  /** the file (or other place) it lives in */
  readonly location: string;
  /** the assessment date */
  readonly on: string;
  /** the one level it scores, when it scores one */
  readonly level?: Level;
  /** the levels it scores */
  readonly levels: readonly Level[];
  /** SHA-256 of its rule files, as snapshot at creation */
  readonly rulesHash: string;
  readonly policy: PanelPolicy;
  /** the number of events */
  readonly events: number;
  /** the hash of the last event: it pins everything before it */
  readonly finalHash: string;
  readonly chair?: string;
  readonly reviewers: readonly string[];
  readonly locked: boolean;
}

/** A reviewer's score for one judged indicator of one candidate. */
export interface ScoreInput {
  /** who types it in: the reviewer, or the secretariat reading back a paper sheet; never the chair for another */
  readonly actor: string;
  readonly reviewer: string;
  readonly candidate: string;
  readonly indicator: string;
  readonly points: number;
  readonly note?: string;
  /** required to change a score the reviewer has submitted */
  readonly reason?: string;
}

/** A score as the file holds it after the call returned. */
export interface ScoreReceipt {
  /** the event's sequence number: the score's id (the current one's, when nothing changed) */
  readonly seq: number;
  /** the score's version: 1 for the first, 2 for its first revision … */
  readonly version: number;
  readonly changed: boolean;
}

/** What an import of score sheets did. */
export interface ImportSummary {
  readonly entered: number;
  readonly revised: number;
  readonly unchanged: number;
  /** reviewer–candidate sheets submitted by this import */
  readonly submitted: number;
  /** reviewers added because the assessment was created without a list of them */
  readonly reviewersAdded: readonly string[];
}

/**
 * An open assessment: every change is checked against the panel's rules, recorded as an event
 * and committed to the file before the call returns; the state and results are derived from the
 * events. Problems come back as issues (nothing is written then); StoreError subclasses are
 * thrown only for exceptional conditions (a full disk, the file in use).
 */
export interface Assessment {
  info(): AssessmentInfo;
  /** the rules it scores with, as loaded from its snapshot */
  library(): RuleLibrary;
  candidates(): readonly CandidateRecord[];
  /**
   * The whole current state, for the chair and the secretariat. A reviewer's screen must use
   * `scoresFor`, which keeps other reviewers' scores hidden until the reviewer has submitted.
   */
  state(): Readonly<PanelState>;
  /** the log, from a sequence number on */
  events(after?: number): StoredEvent[];

  addReviewer(input: {
    actor: string;
    name: string;
    unit?: string;
    township?: string;
  }): Result<readonly StoredEvent[]>;
  assignChair(input: { actor: string; name: string }): Result<StoredEvent>;
  /** declared by the reviewer, or recorded by the chair */
  declareConflict(input: {
    actor: string;
    reviewer: string;
    candidate: string;
    kind: ConflictKind;
    note?: string;
  }): Result<StoredEvent>;
  /** by the chair, with a reason: a proposed (or mistaken) conflict no longer holds */
  dismissConflict(input: {
    actor: string;
    reviewer: string;
    candidate: string;
    reason: string;
  }): Result<StoredEvent>;
  enterScore(input: ScoreInput): Result<ScoreReceipt>;
  /** the reviewer is done with this candidate: their scores count, and they may see the others' */
  submitSheet(input: { actor: string; reviewer: string; candidate: string }): Result<StoredEvent>;
  /**
   * Adds read-back score sheets (the engine's score entries) and submits them, all or nothing.
   * Re-importing the same values changes nothing; changed submitted values need `reason`.
   */
  importScores(input: {
    actor: string;
    entries: readonly ScoreEntry[];
    reason?: string;
  }): Result<ImportSummary>;
  raiseVeto(input: {
    actor: string;
    candidate: string;
    veto: string;
    reason: string;
  }): Result<StoredEvent>;
  withdrawVeto(input: {
    actor: string;
    candidate: string;
    veto: string;
    reason: string;
  }): Result<StoredEvent>;
  /** the chair's disposition of a current flag (by its key): kept with the reviewer's written reason, or revised */
  disposeFlag(input: {
    actor: string;
    flag: string;
    disposition: "kept" | "revised";
    reason: string;
  }): Result<StoredEvent>;
  /** the chair's order for exactly one group of unbroken ties at a level */
  decideTie(input: {
    actor: string;
    level: Level;
    order: readonly string[];
    reason: string;
  }): Result<StoredEvent>;
  /** sets (or replaces, by id) a quota */
  setQuota(input: { actor: string } & Quota): Result<StoredEvent>;
  /** the chair finalizes: no open flags, no undecided tie at a cut line; the results are recorded */
  lock(input: { actor: string }): Result<StoredEvent>;

  /** what `viewer` may see of the scores for a candidate (the independence rule) */
  scoresFor(viewer: string, candidate: string): Result<VisibleScores>;
  /** the results, flags, agreement and ranking of the current state */
  results(): AssessmentResults;
  /** the export: `resultsToJson`'s shape plus the assessment, its final hash, flags, agreement, ranking */
  toJson(lang?: Lang): Record<string, unknown>;
  close(): void;
}

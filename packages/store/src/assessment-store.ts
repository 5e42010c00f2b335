import type { Title, UnitType } from "@ceping/engine";

/** One entry of the event log as stored, chained to the one before it by hashes. */
export interface StoredEvent {
  /** 1, 2, 3 … without gaps */
  readonly seq: number;
  /** ISO 8601 time it was recorded */
  readonly at: string;
  /** who did it: a reviewer, the chair, the secretariat, or `ceping` for what the program proposes */
  readonly actor: string;
  /** what happened (`score.entered`, `conflict.declared` …); text, so a reader copes with any */
  readonly kind: string;
  /** what it says, as JSON */
  readonly payload: unknown;
  /** the hash of the event before it; 64 zeros for the first */
  readonly prev: string;
  /** SHA-256 of the canonical JSON of `{ v, seq, at, actor, kind, payload, prev }` */
  readonly hash: string;
}

/** The last event's sequence number and hash: where the next event continues the chain. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** A rule file as the assessment keeps it, so it re-loads exactly the rules it was made with. */
export interface RuleFileRecord {
  readonly file: string;
  readonly text: string;
  /** scored with (the others only serve `extends` and level settings) */
  readonly selected: boolean;
}

/** A candidate as the assessment keeps it: the engine's candidate without places or scores. */
export interface CandidateRecord {
  readonly id: string;
  readonly name: string;
  readonly unitType: UnitType;
  readonly data: Readonly<Record<string, unknown>>;
  readonly titles: readonly Title[];
  /** for quotas per region */
  readonly region?: string;
  /** for conflicts: a reviewer living in the candidate's township */
  readonly township?: string;
  /** for conflicts: a reviewer of the same unit (the candidate's own name when not given) */
  readonly unit?: string;
}

/** What an assessment is made from, written once when it is created and never changed. */
export interface Snapshot {
  readonly ruleFiles: readonly RuleFileRecord[];
  readonly candidates: readonly CandidateRecord[];
}

/**
 * Where an assessment lives: a snapshot written once and an append-only, hash-chained event log.
 * Small on purpose, so that another backend (PostgreSQL for several terminals) can implement it;
 * `store-contract.test.ts` holds the tests every implementation must pass.
 */
export interface AssessmentStore {
  /** the file or other place, for messages */
  readonly location: string;
  /** the snapshot, or undefined while the store is empty */
  readSnapshot(): Snapshot | undefined;
  /** writes the snapshot and the first events, all or nothing; only into an empty store */
  initialize(snapshot: Snapshot, events: readonly StoredEvent[]): void;
  /** the events after a sequence number (default: all), in order */
  readEvents(after?: number): StoredEvent[];
  /** the last event, or seq 0 and the genesis hash when there is none */
  head(): ChainHead;
  /**
   * Appends events that continue the chain at the head, all or none, durably before it returns.
   * StoreConflictError when the first does not follow the head (someone else wrote meanwhile).
   */
  append(events: readonly StoredEvent[]): void;
  /** releases the file; further calls throw StoreClosedError */
  close(): void;
}

import { error, hasErrors } from "@ceping/engine";
import type { Lang, Level, Place, RuleLibrary, ScoreEntry } from "@ceping/engine";
import type { Quota } from "./admit-by-quota.ts";
import type {
  Assessment,
  AssessmentInfo,
  ImportSummary,
  ScoreInput,
  ScoreReceipt,
} from "./assessment.ts";
import type { AssessmentStore, ChainHead, StoredEvent } from "./assessment-store.ts";
import { assessmentToJson } from "./assessment-to-json.ts";
import { chainEvents } from "./chain-events.ts";
import { checkDrafts } from "./check-drafts.ts";
import type { Draft } from "./check-drafts.ts";
import { computeResults, createResultsMemo, lockedResults } from "./compute-results.ts";
import type { AssessmentResults } from "./compute-results.ts";
import { StoreNotAssessmentError } from "./errors.ts";
import { PROGRAM_ACTOR, toPanelEvent } from "./panel-events.ts";
import type { ConflictKind, PanelEvent } from "./panel-events.ts";
import { loadPanelContext } from "./panel-context.ts";
import type { PanelContext } from "./panel-context.ts";
import { applyPanelEvent, pairKey } from "./panel-state.ts";
import type { PanelState } from "./panel-state.ts";
import { planImport, scoreEvent } from "./plan-import.ts";
import { proposeConflicts } from "./propose-conflicts.ts";
import { replayEvents } from "./replay-events.ts";
import type { Result } from "./result.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import { visibleScores } from "./visible-scores.ts";

/** How to open an assessment. */
export interface OpenOptions {
  /** the clock events are stamped with @default () => new Date() */
  readonly now?: () => Date;
}

/**
 * Opens an assessment file (or any store): re-loads its rules from the snapshot and derives the
 * state from the events. Issues when the rules no longer load; StoreError subclasses when the
 * file cannot be opened (StoreInUseError while another program has it).
 */
export function openAssessment(
  target: string | AssessmentStore,
  options: OpenOptions = {},
): Result<Assessment> {
  const store = typeof target === "string" ? openSqliteStore(target) : target;
  try {
    const snapshot = store.readSnapshot();
    const events = store.readEvents();
    const genesis = events[0] && toPanelEvent(events[0].kind, events[0].payload).event;
    if (!snapshot || genesis?.kind !== "assessment.created") {
      throw new StoreNotAssessmentError(store.location);
    }
    const loaded = loadPanelContext(store.location, snapshot, genesis.payload);
    if (!loaded.context) {
      store.close();
      return { ok: false, issues: loaded.issues };
    }
    const state = replayEvents(genesis.payload, events);
    const last = events[events.length - 1] as StoredEvent;
    return {
      ok: true,
      issues: [],
      value: new LiveAssessment(
        store,
        loaded.context,
        state,
        last,
        options.now ?? (() => new Date()),
      ),
    };
  } catch (cause) {
    store.close();
    throw cause;
  }
}

class LiveAssessment implements Assessment {
  readonly #store: AssessmentStore;
  readonly #context: PanelContext;
  readonly #state: PanelState;
  readonly #now: () => Date;
  #head: ChainHead;
  #cached: { seq: number; results: AssessmentResults } | undefined;
  // what the last results were computed from, so that the next event rescores only what it changed
  readonly #memo = createResultsMemo();

  constructor(
    store: AssessmentStore,
    context: PanelContext,
    state: PanelState,
    head: ChainHead,
    now: () => Date,
  ) {
    this.#store = store;
    this.#context = context;
    this.#state = state;
    this.#head = { seq: head.seq, hash: head.hash };
    this.#now = now;
  }

  info(): AssessmentInfo {
    this.#sync();
    const created = this.#context.created;
    return {
      id: created.assessment,
      ...(created.title !== undefined && { title: created.title }),
      location: this.#store.location,
      on: created.on,
      ...(created.level !== undefined && { level: created.level }),
      levels: this.#context.levels,
      rulesHash: created.rules.hash,
      policy: created.policy,
      events: this.#head.seq,
      finalHash: this.#head.hash,
      ...(this.#state.chair !== undefined && { chair: this.#state.chair }),
      reviewers: [...this.#state.reviewers.keys()],
      locked: this.#state.locked !== undefined,
    };
  }

  library(): RuleLibrary {
    return this.#context.library;
  }

  candidates() {
    return this.#context.candidates;
  }

  state(): Readonly<PanelState> {
    this.#sync();
    return this.#state;
  }

  events(after = 0): StoredEvent[] {
    return this.#store.readEvents(after);
  }

  addReviewer(input: { actor: string; name: string; unit?: string; township?: string }) {
    this.#sync();
    const { actor, name, unit, township } = input;
    const drafts: Draft[] = [
      {
        actor,
        event: {
          kind: "reviewer.added",
          payload: {
            name,
            ...(unit !== undefined && { unit }),
            ...(township !== undefined && { township }),
          },
        },
      },
      ...proposeConflicts({ unit, township }, this.#context.candidates).map((proposal): Draft => ({
        actor: PROGRAM_ACTOR,
        event: { kind: "conflict.proposed", payload: { reviewer: name, ...proposal } },
      })),
    ];
    return this.#record(drafts, this.#place(`reviewers.${name}`), (events) => events);
  }

  assignChair(input: { actor: string; name: string }) {
    this.#sync();
    return this.#one(
      input.actor,
      { kind: "chair.assigned", payload: { name: input.name } },
      "chair",
    );
  }

  declareConflict(input: {
    actor: string;
    reviewer: string;
    candidate: string;
    kind: ConflictKind;
    note?: string;
  }) {
    this.#sync();
    const { actor, reviewer, candidate, kind, note } = input;
    return this.#one(
      actor,
      {
        kind: "conflict.declared",
        payload: { reviewer, candidate, kind, ...(note !== undefined && { note }) },
      },
      `conflicts.${candidate}.${reviewer}`,
    );
  }

  dismissConflict(input: { actor: string; reviewer: string; candidate: string; reason: string }) {
    this.#sync();
    const { actor, reviewer, candidate, reason } = input;
    return this.#one(
      actor,
      { kind: "conflict.dismissed", payload: { reviewer, candidate, reason } },
      `conflicts.${candidate}.${reviewer}`,
    );
  }

  enterScore(input: ScoreInput): Result<ScoreReceipt> {
    this.#sync();
    const { actor, reviewer, candidate, indicator, points, note } = input;
    const place = this.#place(`scores.${candidate}.${reviewer}.${indicator}`);
    const versions = this.#state.scores.get(pairKey(candidate, reviewer))?.get(indicator) ?? [];
    const current = versions[versions.length - 1];
    const count = versions.length;
    if (current && current.points === points && (note === undefined || note === current.note)) {
      const unchanged = checkDrafts(
        this.#context,
        this.#state,
        [{ actor, event: scoreEvent(input) }],
        place,
        this.#now().toISOString(),
      ).filter((issue) => issue.code !== "store.revision_reason");
      return hasErrors(unchanged)
        ? { ok: false, issues: unchanged }
        : {
            ok: true,
            issues: unchanged,
            value: { seq: current.seq, version: count, changed: false },
          };
    }
    return this.#record([{ actor, event: scoreEvent(input) }], place, ([event]) => ({
      seq: (event as StoredEvent).seq,
      version: count + 1,
      changed: true,
    }));
  }

  submitSheet(input: { actor: string; reviewer: string; candidate: string }) {
    this.#sync();
    const { actor, reviewer, candidate } = input;
    return this.#one(
      actor,
      { kind: "sheet.submitted", payload: { reviewer, candidate } },
      `scores.${candidate}.${reviewer}`,
    );
  }

  importScores(input: {
    actor: string;
    entries: readonly ScoreEntry[];
    reason?: string;
  }): Result<ImportSummary> {
    this.#sync();
    const planned = planImport(this.#context, this.#state, input);
    if (!planned.ok) {
      return planned;
    }
    const { drafts, summary } = planned.value;
    if (drafts.length === 0) {
      return { ok: true, issues: planned.issues, value: summary };
    }
    // the plan checked every entry at the place it was read: keep those issues
    const recorded = this.#record(drafts, this.#place("scores"), () => summary);
    return recorded.ok ? { ...recorded, issues: planned.issues } : recorded;
  }

  raiseVeto(input: { actor: string; candidate: string; veto: string; reason: string }) {
    this.#sync();
    const { actor, candidate, veto, reason } = input;
    return this.#one(
      actor,
      { kind: "veto.raised", payload: { candidate, veto, reason } },
      `vetoes.${candidate}.${veto}`,
    );
  }

  withdrawVeto(input: { actor: string; candidate: string; veto: string; reason: string }) {
    this.#sync();
    const { actor, candidate, veto, reason } = input;
    return this.#one(
      actor,
      { kind: "veto.withdrawn", payload: { candidate, veto, reason } },
      `vetoes.${candidate}.${veto}`,
    );
  }

  disposeFlag(input: {
    actor: string;
    flag: string;
    disposition: "kept" | "revised";
    reason: string;
  }) {
    this.#sync();
    const { actor, flag, disposition, reason } = input;
    const current = this.results()
      .levels.flatMap((view) => view.flags)
      .find((candidate) => candidate.key === flag);
    return this.#one(
      actor,
      {
        kind: "flag.disposed",
        payload: { flag, basis: current?.basis ?? "", disposition, reason },
      },
      `flags.${flag}`,
    );
  }

  decideTie(input: { actor: string; level: Level; order: readonly string[]; reason: string }) {
    this.#sync();
    const { actor, level, order, reason } = input;
    return this.#one(
      actor,
      { kind: "tie.decided", payload: { level, order: [...order], reason } },
      `ties.${level}`,
    );
  }

  setQuota(input: { actor: string } & Quota) {
    this.#sync();
    const { actor, id, level, scope, seats } = input;
    return this.#one(
      actor,
      { kind: "quota.set", payload: { id, level, scope, seats } },
      `quotas.${id}`,
    );
  }

  lock(input: { actor: string }) {
    this.#sync();
    const results = this.results();
    const admitted = Object.fromEntries(
      results.levels.flatMap((view) =>
        view.quotas.map((outcome) => [outcome.quota.id, outcome.admitted]),
      ),
    );
    return this.#one(
      input.actor,
      { kind: "assessment.locked", payload: { results: lockedResults(results), admitted } },
      "lock",
    );
  }

  scoresFor(viewer: string, candidate: string) {
    this.#sync();
    if (!this.#context.candidateById.has(candidate)) {
      return {
        ok: false as const,
        issues: [
          error("score.unknown_candidate", this.#place(`scores.${candidate}`), { id: candidate }),
        ],
      };
    }
    return visibleScores(this.#state, viewer, candidate, this.#place(`scores.${candidate}`));
  }

  results(): AssessmentResults {
    this.#sync();
    if (this.#cached?.seq !== this.#head.seq) {
      this.#cached = {
        seq: this.#head.seq,
        results: computeResults(this.#context, this.#state, this.#memo),
      };
    }
    return this.#cached.results;
  }

  toJson(lang: Lang = "zh"): Record<string, unknown> {
    return assessmentToJson(this.info(), this.results(), lang);
  }

  close(): void {
    this.#store.close();
  }

  #place(path: string): Place {
    return { file: this.#store.location, path };
  }

  #one(actor: string, event: PanelEvent, path: string): Result<StoredEvent> {
    return this.#record([{ actor, event }], this.#place(path), ([first]) => first as StoredEvent);
  }

  /** Checks drafts against the panel's rules and, when none is an error, commits them together. */
  #record<T>(
    drafts: readonly Draft[],
    place: Place,
    value: (events: readonly StoredEvent[]) => T,
  ): Result<T> {
    const at = this.#now().toISOString();
    const issues = checkDrafts(this.#context, this.#state, drafts, place, at, () => this.results());
    if (hasErrors(issues)) {
      return { ok: false, issues };
    }
    const events = chainEvents(
      this.#head,
      drafts.map(({ actor, event }) => ({ actor, kind: event.kind, payload: event.payload })),
      at,
    );
    this.#store.append(events);
    this.#apply(events);
    return { ok: true, issues, value: value(events) };
  }

  #apply(events: readonly StoredEvent[]): void {
    for (const stored of events) {
      const { event } = toPanelEvent(stored.kind, stored.payload);
      if (event) {
        applyPanelEvent(this.#state, event, stored);
      }
      this.#head = { seq: stored.seq, hash: stored.hash };
    }
  }

  // another writer (a future shared backend) may have appended since: catch up before deciding
  #sync(): void {
    const head = this.#store.head();
    if (head.seq !== this.#head.seq || head.hash !== this.#head.hash) {
      this.#apply(this.#store.readEvents(this.#head.seq));
    }
  }
}

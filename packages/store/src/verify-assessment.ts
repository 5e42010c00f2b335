import { error, hasErrors, warning } from "@ceping/engine";
import type { Issue, Place } from "@ceping/engine";
import type { AssessmentStore, StoredEvent } from "./assessment-store.ts";
import { canonicalJson } from "@ceping/engine";
import { GENESIS_HASH, hashEvent } from "./chain-events.ts";
import { checkEvent } from "./check-event.ts";
import { computeResults, createResultsMemo } from "./compute-results.ts";
import { snapshotHash } from "./create-assessment.ts";
import { toPanelEvent } from "./panel-events.ts";
import type { PanelContext } from "./panel-context.ts";
import { loadPanelContext } from "./panel-context.ts";
import { applyPanelEvent, createPanelState } from "./panel-state.ts";
import type { PanelState } from "./panel-state.ts";
import { openSqliteStore } from "./sqlite-store.ts";

/** What `ceping verify` found. */
export interface VerifyReport {
  /** no errors: the chain holds, every event was valid where it stands, the results recompute */
  readonly ok: boolean;
  readonly events: number;
  /** the last event's hash, as exports and the public notice carry it */
  readonly finalHash: string;
  readonly locked: boolean;
  /** the first mismatch (an error naming its event and what differs), and any warnings */
  readonly issues: readonly Issue[];
}

/**
 * Recomputes an assessment from scratch: every event's hash and link to the one before, the
 * snapshot's hashes, every event against the panel's rules in the state before it, and the
 * results (those recorded at the lock must come out the same). Stops at the first mismatch and
 * names it. With `expectedHash` (a printed final hash, or its first 16 digits) it also checks
 * that the file ends where the published copy did.
 */
export function verifyAssessment(
  target: string | AssessmentStore,
  options: { readonly expectedHash?: string } = {},
): VerifyReport {
  const store = typeof target === "string" ? openSqliteStore(target) : target;
  try {
    return verifyStore(store, options.expectedHash);
  } finally {
    if (typeof target === "string") {
      store.close();
    }
  }
}

function verifyStore(store: AssessmentStore, expectedHash: string | undefined): VerifyReport {
  const location = store.location;
  const events = store.readEvents();
  const snapshot = store.readSnapshot();
  const last = events[events.length - 1];
  const issues: Issue[] = [];
  let state: PanelState | undefined;
  const report = (): VerifyReport => {
    // the published hash is an anchor outside the file: compare it whatever else was found
    const expected = expectedHash?.trim().toLowerCase();
    if (expected !== undefined && (expected.length < 16 || !last?.hash.startsWith(expected))) {
      issues.push(
        error("store.verify_head", { file: location }, { expected, found: last?.hash ?? "-" }),
      );
    }
    return {
      ok: !hasErrors(issues),
      events: events.length,
      finalHash: last?.hash ?? GENESIS_HASH,
      locked: state?.locked !== undefined,
      issues,
    };
  };
  if (!last || !snapshot) {
    issues.push(error("store.verify_empty", { file: location }));
    return report();
  }
  let context: PanelContext | undefined;
  // the chair's events are checked against the results of the state before them: rescoring
  // only what each event changed keeps a long log of a big assessment quick to verify
  const memo = createResultsMemo();
  let before: StoredEvent | undefined;
  for (const [index, stored] of events.entries()) {
    const place: Place = { file: location, path: `events[${stored.seq}]` };
    const about = { seq: stored.seq, kind: stored.kind, actor: stored.actor, at: stored.at };
    if (stored.seq !== index + 1) {
      issues.push(error("store.verify_seq", place, { seq: stored.seq, expected: index + 1 }));
      return report();
    }
    if (stored.prev !== (before?.hash ?? GENESIS_HASH)) {
      issues.push(error("store.verify_prev", place, { ...about, before: index }));
      return report();
    }
    const computed = hashEvent(stored);
    if (computed !== stored.hash) {
      issues.push(
        error("store.verify_hash", place, {
          ...about,
          content: abbreviate(canonicalJson(stored.payload)),
          stored: stored.hash.slice(0, 16),
          computed: computed.slice(0, 16),
        }),
      );
      return report();
    }
    const read = toPanelEvent(stored.kind, stored.payload);
    if (!read.event) {
      issues.push(
        read.problem === "kind"
          ? error("store.verify_kind", place, about)
          : error("store.verify_payload", place, { ...about, field: read.problem }),
      );
      return report();
    }
    const event = read.event;
    if (index === 0) {
      if (event.kind !== "assessment.created") {
        issues.push(error("store.verify_genesis", place, { seq: 1 }));
        return report();
      }
      const created = event.payload;
      for (const [part, recorded, actual] of [
        ["rules", created.rules.hash, snapshotHash(snapshot.ruleFiles)],
        ["candidates", created.candidates.hash, snapshotHash(snapshot.candidates)],
      ] as const) {
        if (recorded !== actual) {
          issues.push(
            error("store.verify_snapshot", place, {
              part,
              stored: String(recorded).slice(0, 16),
              computed: actual.slice(0, 16),
            }),
          );
          return report();
        }
      }
      const loaded = loadPanelContext(location, snapshot, created);
      if (!loaded.context) {
        issues.push(...loaded.issues);
        return report();
      }
      context = loaded.context;
      const hashes = new Map(
        context.library.levels.flatMap((rules) =>
          rules.tables.map(({ ruleSet }) => [ruleSet.id, ruleSet.hash]),
        ),
      );
      for (const recorded of created.rules.ruleSets) {
        if (hashes.get(recorded.id) !== recorded.hash) {
          issues.push(warning("store.verify_rule_set", place, { id: recorded.id }));
        }
      }
      state = createPanelState(created);
    } else if (context && state) {
      const current: PanelState = state;
      const found = checkEvent(context, current, stored.actor, event, place, () =>
        computeResults(context as PanelContext, current, memo),
      );
      if (hasErrors(found) || event.kind === "assessment.created") {
        issues.push(
          error("store.verify_invalid", place, about),
          ...(event.kind === "assessment.created"
            ? [error("store.verify_genesis", place, { seq: stored.seq })]
            : found.filter((issue) => issue.severity === "error")),
        );
        return report();
      }
      applyPanelEvent(current, event, stored);
    }
    before = stored;
  }
  if (context && state) {
    issues.push(
      ...computeResults(context, state, memo).issues.filter((issue) => issue.severity === "error"),
    );
  }
  return report();
}

function abbreviate(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

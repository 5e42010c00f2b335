import type { ChainHead, StoredEvent } from "./assessment-store.ts";
import { canonicalJson, sha256Hex } from "@ceping/engine";

/** The `prev` of the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The version of the hashed form of an event. */
const EVENT_FORMAT = 1;

/** An event before it is chained: who, what, and what it says. */
export interface EventDraft {
  readonly actor: string;
  readonly kind: string;
  readonly payload: unknown;
}

/** The SHA-256 of an event's canonical JSON, over everything but the hash itself. */
export function hashEvent(event: Omit<StoredEvent, "hash">): string {
  return sha256Hex(
    canonicalJson({
      v: EVENT_FORMAT,
      seq: event.seq,
      at: event.at,
      actor: event.actor,
      kind: event.kind,
      payload: event.payload,
      prev: event.prev,
    }),
  );
}

/** Numbers, times and hashes drafts so that they continue the chain after `head`. */
export function chainEvents(
  head: ChainHead,
  drafts: readonly EventDraft[],
  at: string,
): StoredEvent[] {
  const events: StoredEvent[] = [];
  let { seq, hash: prev } = head;
  for (const draft of drafts) {
    seq += 1;
    // stored as canonical JSON: keep exactly what a reader will get back (no undefined members)
    const payload: unknown = JSON.parse(canonicalJson(draft.payload));
    const unhashed = { seq, at, actor: draft.actor, kind: draft.kind, payload, prev };
    const hash = hashEvent(unhashed);
    events.push({ ...unhashed, hash });
    prev = hash;
  }
  return events;
}

/**
 * Where events fail to continue the chain at `head` (sequence numbers and `prev` links; their own
 * hashes are the verifier's business): what sequence number was expected and what was found.
 */
export function breakInChain(
  head: ChainHead,
  events: readonly StoredEvent[],
): { expected: number; found: number } | undefined {
  let { seq, hash } = head;
  for (const event of events) {
    if (event.seq !== seq + 1 || event.prev !== hash) {
      return { expected: seq + 1, found: event.seq };
    }
    seq = event.seq;
    hash = event.hash;
  }
  return undefined;
}

import type { AssessmentStore, ChainHead, Snapshot, StoredEvent } from "./assessment-store.ts";
import { canonicalJson } from "@ceping/engine";
import { breakInChain, GENESIS_HASH } from "./chain-events.ts";
import { StoreClosedError, StoreConflictError } from "./errors.ts";

/**
 * An assessment store in memory: for tests and previews, and the second implementation that keeps
 * the store interface honest. It copies what it is given, as a database would.
 */
export function createMemoryStore(location = ":memory:"): AssessmentStore {
  let snapshot: Snapshot | undefined;
  const events: StoredEvent[] = [];
  let closed = false;
  const open = () => {
    if (closed) {
      throw new StoreClosedError(location);
    }
  };
  const head = (): ChainHead => {
    const last = events[events.length - 1];
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  };
  const append = (added: readonly StoredEvent[]) => {
    const broken = breakInChain(head(), added);
    if (broken) {
      throw new StoreConflictError(location, broken.expected, broken.found);
    }
    events.push(...added.map(copy));
  };
  return {
    location,
    readSnapshot: () => {
      open();
      return snapshot && copy(snapshot);
    },
    initialize: (given, first) => {
      open();
      if (snapshot || events.length > 0) {
        throw new StoreConflictError(location, 0, head().seq);
      }
      append(first);
      snapshot = copy(given);
    },
    readEvents: (after = 0) => {
      open();
      return events.filter((event) => event.seq > after).map(copy);
    },
    head: () => {
      open();
      return head();
    },
    append: (added) => {
      open();
      append(added);
    },
    close: () => {
      closed = true;
    },
  };
}

function copy<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

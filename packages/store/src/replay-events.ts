import type { StoredEvent } from "./assessment-store.ts";
import { toPanelEvent } from "./panel-events.ts";
import type { CreatedPayload } from "./panel-events.ts";
import { applyPanelEvent, createPanelState } from "./panel-state.ts";
import type { PanelState } from "./panel-state.ts";

/** The state the events add up to; events that are not panel events are skipped (`verify` names them). */
export function replayEvents(created: CreatedPayload, events: readonly StoredEvent[]): PanelState {
  const state = createPanelState(created);
  for (const stored of events.slice(1)) {
    const { event } = toPanelEvent(stored.kind, stored.payload);
    if (event) {
      applyPanelEvent(state, event, stored);
    } else {
      state.seq = stored.seq;
    }
  }
  return state;
}

import { useCallback, useSyncExternalStore } from "react";
import type { PanelSession, SessionView } from "../panel-session.ts";

/** The session's current view, re-rendering after every change. */
export function useSessionView(session: PanelSession): SessionView {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const snapshot = useCallback(() => session.view(), [session]);
  return useSyncExternalStore(subscribe, snapshot);
}

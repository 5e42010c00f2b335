import type { Issue } from "@ceping/engine";
import type { PanelSession, SessionView } from "./panel-session.ts";

/** A session that can be rebuilt in place, keeping the screen that shows it. */
export interface ReloadingSession extends PanelSession {
  /** builds the session again (after its rules changed); on failure keeps the last one and shows why */
  reload(): void;
}

/**
 * Wraps a session that is built from files which may change while the UI is open (a rule
 * author's view): `reload` rebuilds it, and when the new rules do not load, the last good
 * results stay on screen with the problems in the status line.
 */
export function createReloadingSession(
  build: () => { session?: PanelSession; issues: readonly Issue[] },
): ReloadingSession {
  const first = build();
  if (!first.session) {
    throw new Error("the first build of a reloading session must succeed");
  }
  let inner: PanelSession = first.session;
  let problems: readonly Issue[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) {
      listener();
    }
  };
  let unsubscribe = inner.subscribe(notify);
  // the same object until something changes, as useSyncExternalStore needs
  let cached: { view: SessionView; problems: readonly Issue[]; combined: SessionView } | undefined;

  const session: ReloadingSession = {
    get library() {
      return inner.library;
    },
    view() {
      const view = inner.view();
      if (cached?.view !== view || cached.problems !== problems) {
        const combined =
          problems.length === 0 ? view : { ...view, issues: [...problems, ...view.issues] };
        cached = { view, problems, combined };
      }
      return cached.combined;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    explain: (candidate) => inner.explain(candidate),
    sheets: (candidate) => inner.sheets(candidate),
    visibleScores: (candidate) => inner.visibleScores(candidate),
    reload() {
      const next = build();
      if (next.session) {
        unsubscribe();
        inner = next.session;
        unsubscribe = inner.subscribe(notify);
        problems = [];
      } else {
        problems = next.issues;
      }
      notify();
    },
  };
  for (const action of [
    "saveScore",
    "submitSheet",
    "declareConflict",
    "dismissConflict",
    "raiseVeto",
    "withdrawVeto",
    "disposeFlag",
    "decideTie",
    "setQuota",
    "lock",
    "exportResults",
  ] as const) {
    Object.defineProperty(session, action, {
      enumerable: true,
      get: () => inner[action]?.bind(inner),
    });
  }
  return session;
}

import type { Key } from "ink";
import { useCallback, useMemo, useState } from "react";

/** A scroll position over lines, and the keys that move it. */
export interface Scroll {
  readonly offset: number;
  /** moves the offset for ▴▾ j k PgUp PgDn Home End g G; true when the key was one of them */
  keys(input: string, key: Key): boolean;
}

/** Scrolls `total` lines in a window of `height`; back to the top whenever `reset` changes. */
export function useScroll(total: number, height: number, reset?: unknown): Scroll {
  const [state, setState] = useState({ offset: 0, reset });
  const max = Math.max(0, total - height);
  const offset = state.reset === reset ? Math.min(state.offset, max) : 0;
  const keys = useCallback(
    (input: string, key: Key): boolean => {
      let next: number;
      if (key.upArrow || input === "k") {
        next = offset - 1;
      } else if (key.downArrow || input === "j") {
        next = offset + 1;
      } else if (key.pageUp) {
        next = offset - Math.max(1, height - 1);
      } else if (key.pageDown) {
        next = offset + Math.max(1, height - 1);
      } else if (key.home || input === "g") {
        next = 0;
      } else if (key.end || input === "G") {
        next = max;
      } else {
        return false;
      }
      setState({ offset: Math.max(0, Math.min(max, next)), reset });
      return true;
    },
    [offset, height, max, reset],
  );
  return useMemo(() => ({ offset, keys }), [offset, keys]);
}

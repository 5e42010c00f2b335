import { useLayoutEffect } from "react";
import type { KeySet } from "../keys-help.ts";
import type { KeyHandler } from "../ui-context.ts";
import { useUi } from "../ui-context.ts";

/** Makes `handler` the key handler of the screen on show, and `set` the keys its help bar shows. */
export function useKeys(handler: KeyHandler, set: KeySet): void {
  const { setKeys } = useUi();
  useLayoutEffect(() => {
    setKeys(handler, set);
    return () => setKeys(undefined);
  }, [handler, set, setKeys]);
}

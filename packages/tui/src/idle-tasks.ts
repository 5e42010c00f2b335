/**
 * Runs tasks one after another, each in a turn of the event loop of its own, so that a key that
 * comes meanwhile waits for one task at most; returns what stops the ones not run yet.
 */
export function runAhead(tasks: readonly (() => unknown)[]): () => void {
  let next = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = () => {
    tasks[next++]?.();
    timer = next < tasks.length ? setImmediate(step) : undefined;
  };
  timer = tasks.length > 0 ? setImmediate(step) : undefined;
  return () => {
    if (timer) {
      clearImmediate(timer);
      timer = undefined;
    }
  };
}

import type { Lang } from "@ceping/engine";
import type { OnWorkbookProgress } from "@ceping/workbook";
import { say } from "./cli-text.ts";
import type { Output } from "./output.ts";

/** A line on stderr that says how far long work has come; `done` clears it. */
export interface ProgressLine {
  /** to give the reader or writer; undefined when nobody watches a terminal */
  readonly onProgress: OnWorkbookProgress | undefined;
  done(): void;
}

// work that ends within this long shows no line at all, so quick commands print nothing extra
const QUIET_MS = 300;
// redrawn at most this often: a reader reports every batch of rows
const REDRAW_MS = 100;

/**
 * A progress line for long reads and writes: drawn only when stderr is a terminal (a person
 * watches), only once the work has lasted a moment, at most ten times a second, and cleared when
 * done. In a pipe or a file it writes nothing.
 */
export function progressLine(
  output: Output,
  lang: Lang,
  text: Readonly<Record<Lang, string>>,
  now: () => number = () => performance.now(),
): ProgressLine {
  if (!output.isErrorTerminal) {
    return { onProgress: undefined, done: () => {} };
  }
  const started = now();
  let drawn = false;
  let last = -Infinity;
  return {
    onProgress: ({ sheet, done, total }) => {
      const at = now();
      if (at - started < QUIET_MS || at - last < REDRAW_MS) {
        return;
      }
      last = at;
      drawn = true;
      output.err(`\r\u001B[K${say(text, lang, { sheet, done, total: total ?? "?" })}`);
    },
    done: () => {
      if (drawn) {
        output.err("\r\u001B[K");
        drawn = false;
      }
    },
  };
}

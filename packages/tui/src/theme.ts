import type { Status } from "@ceping/engine";

/** The colour of each status, as the command line paints it. */
export const STATUS_COLOR: Readonly<Record<Status, string>> = {
  eligible: "green",
  below_threshold: "yellow",
  vetoed: "red",
  precondition_failed: "red",
  incomplete: "yellow",
  pending_panel: "cyan",
};

/** Marks the selected row where colour is off too (NO_COLOR): East Asian width neutral. */
export const POINTER = "❯";

/** Keys as the help bar writes them, in characters every terminal draws one column wide. */
export const KEY = {
  upDown: "▴▾",
  leftRight: "◂▸",
  enter: "⏎",
} as const;

/** A bar of `width` cells, filled in proportion: characters of neutral East Asian width. */
export function bar(points: number, max: number, width: number): string {
  if (width <= 0) {
    return "";
  }
  const filled = max > 0 ? Math.round((Math.max(0, Math.min(points, max)) / max) * width) : 0;
  return "▰".repeat(filled) + "▱".repeat(width - filled);
}

import { meanCents } from "./points.ts";
import type { Cents } from "./points.ts";
import type { PanelSettings } from "./rule-set.ts";

/** A judged indicator's panel score, and which reviewers' scores it kept (by index). */
export interface Aggregate {
  readonly points: Cents;
  readonly kept: readonly number[];
}

/**
 * Combines reviewers' scores for one indicator as the panel settings say; undefined while fewer
 * than `minReviewers` have scored (the indicator is pending).
 */
export function aggregateScores(
  scores: readonly Cents[],
  panel: PanelSettings,
): Aggregate | undefined {
  const n = scores.length;
  if (n === 0 || n < panel.minReviewers) {
    return undefined;
  }
  const order = scores
    .map((_, index) => index)
    .sort((a, b) => (scores[a] as Cents) - (scores[b] as Cents));
  let kept = order;
  if (panel.aggregate === "trimmed_mean" && n >= panel.trimFrom) {
    kept = order.slice(1, -1);
  } else if (panel.aggregate === "median") {
    const middle = Math.floor(n / 2);
    kept = n % 2 === 1 ? order.slice(middle, middle + 1) : order.slice(middle - 1, middle + 1);
  }
  return {
    points: meanCents(kept.map((index) => scores[index] as Cents)),
    kept: [...kept].sort((a, b) => a - b),
  };
}

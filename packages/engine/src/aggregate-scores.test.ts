import { describe, expect, it } from "vitest";
import { aggregateScores } from "./aggregate-scores.ts";

const PANEL = { aggregate: "trimmed_mean", trimFrom: 5, minReviewers: 3 } as const;
const cents = (points: number[]) => points.map((p) => Math.round(p * 100));

describe("aggregateScores", () => {
  it("reproduces the spec's worked check: 86 88 84 95 87 62 85 give 86.00 trimmed", () => {
    expect(aggregateScores(cents([86, 88, 84, 95, 87, 62, 85]), PANEL)).toEqual({
      points: 8600,
      kept: [0, 1, 2, 4, 6],
    });
  });

  it("takes the plain mean under five scores: 4.5 5 4 give 4.50", () => {
    expect(aggregateScores(cents([4.5, 5, 4]), PANEL)).toEqual({ points: 450, kept: [0, 1, 2] });
  });

  it("rounds the mean half up to hundredths exactly", () => {
    expect(aggregateScores(cents([1, 1, 1.5]), PANEL)?.points).toBe(117);
    expect(aggregateScores(cents([0.01, 0.02]), { ...PANEL, minReviewers: 2 })?.points).toBe(2);
  });

  it("is pending below minReviewers", () => {
    expect(aggregateScores(cents([5, 4]), PANEL)).toBeUndefined();
    expect(aggregateScores([], { ...PANEL, minReviewers: 0 })).toBeUndefined();
  });

  it("takes the median when asked, the mean of the middle two for an even count", () => {
    const median = { ...PANEL, aggregate: "median" } as const;
    expect(aggregateScores(cents([3, 1, 2]), median)).toEqual({ points: 200, kept: [2] });
    expect(aggregateScores(cents([4, 1, 2, 3.5]), median)).toEqual({ points: 275, kept: [2, 3] });
  });
});

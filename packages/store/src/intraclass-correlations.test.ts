import { describe, expect, it } from "vitest";
import { intraclassCorrelations } from "./intraclass-correlations.ts";

// Shrout and Fleiss (1979), 6 targets × 4 judges
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

// panels.md §2.6, worked example 2: 6 villages × 5 reviewers, reviewer 4 much harsher
const HARSH_FOURTH = [
  [52, 50, 55, 41, 53],
  [45, 44, 47, 30, 46],
  [38, 40, 41, 28, 39],
  [50, 49, 53, 35, 51],
  [30, 33, 35, 20, 31],
  [44, 46, 45, 33, 47],
];

const round3 = (value: number | undefined) => Number(value?.toFixed(3));

describe("intraclassCorrelations", () => {
  it("reproduces Shrout and Fleiss: ICC(1,1) .166, (A,1) .290, (C,1) .715, (1,4) .443, (A,4) .620, (C,4) .909", () => {
    const icc = intraclassCorrelations(SHROUT_FLEISS);
    expect(
      icc &&
        Object.fromEntries(
          (Object.entries(icc) as [string, number][]).map(([k, v]) => [k, round3(v)]),
        ),
    ).toEqual({
      oneWay: 0.166,
      agreement: 0.29,
      consistency: 0.715,
      oneWayMean: 0.443,
      agreementMean: 0.62,
      consistencyMean: 0.909,
    });
  });

  it("reproduces worked example 2: C,1 .965, A,1 .590, C,k .993, A,k .878", () => {
    const icc = intraclassCorrelations(HARSH_FOURTH);
    expect(
      [icc?.consistency, icc?.agreement, icc?.consistencyMean, icc?.agreementMean].map(round3),
    ).toEqual([0.965, 0.59, 0.993, 0.878]);
  });

  it("has no value for one row, one column, a ragged matrix or no variance", () => {
    expect(intraclassCorrelations([[1, 2, 3]])).toBeUndefined();
    expect(intraclassCorrelations([[1], [2]])).toBeUndefined();
    expect(intraclassCorrelations([[1, 2], [3]])).toBeUndefined();
    expect(
      intraclassCorrelations([
        [4, 4],
        [4, 4],
      ]),
    ).toBeUndefined();
  });
});

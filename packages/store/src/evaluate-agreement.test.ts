import { describe, expect, it } from "vitest";
import { evaluateAgreement } from "./evaluate-agreement.ts";
import type { Statistic } from "./evaluate-agreement.ts";
import { DEFAULT_PANEL_POLICY } from "./panel-policy.ts";

const REVIEWERS = ["r1", "r2", "r3", "r4", "r5"];
const EXAMPLE_2 = [
  [52, 50, 55, 41, 53],
  [45, 44, 47, 30, 46],
  [38, 40, 41, 28, 39],
  [50, 49, 53, 35, 51],
  [30, 33, 35, 20, 31],
  [44, 46, 45, 33, 47],
];

function totals(rows: readonly (readonly (number | undefined)[])[]) {
  return new Map(
    rows.map((row, i) => [
      `V${i + 1}`,
      new Map(
        row.flatMap((value, j) =>
          value === undefined ? [] : [[REVIEWERS[j] as string, value] as const],
        ),
      ),
    ]),
  );
}

const values = (agreement: ReturnType<typeof evaluateAgreement>) =>
  Object.fromEntries(
    (Object.entries(agreement) as [string, number | Statistic][]).map(([key, stat]) => [
      key,
      typeof stat === "number"
        ? stat
        : stat.value === null
          ? stat.reason.code
          : Number(stat.value.toFixed(3)),
    ]),
  );

describe("evaluateAgreement", () => {
  it("shows every statistic on worked example 2", () => {
    expect(values(evaluateAgreement(totals(EXAMPLE_2), DEFAULT_PANEL_POLICY.agreement))).toEqual({
      candidates: 6,
      reviewers: 5,
      complete: 6,
      agreementMean: 0.878,
      consistencyMean: 0.993,
      agreement: 0.59,
      consistency: 0.965,
      gap: 0.375,
      oneWay: 0.555,
      alpha: 0.518,
      kendallW: 0.973,
    });
  });

  it("says there is too little data instead of a number under 5 candidates or 3 reviewers", () => {
    const four = evaluateAgreement(totals(EXAMPLE_2.slice(0, 4)), DEFAULT_PANEL_POLICY.agreement);
    expect(four.agreementMean).toEqual({
      value: null,
      reason: {
        code: "store.agreement_few",
        params: { candidates: 4, reviewers: 5, minCandidates: 5, minReviewers: 3 },
      },
    });
    expect(four.alpha.value).toBeNull();
    const two = evaluateAgreement(
      totals(EXAMPLE_2.map((row) => row.slice(0, 2))),
      DEFAULT_PANEL_POLICY.agreement,
    );
    expect(two.kendallW.value).toBeNull();
  });

  it("keeps alpha where conflicts leave gaps, and withholds the ICCs and W without 5 complete rows", () => {
    const gaps = EXAMPLE_2.map((row, i) => (i < 2 ? [undefined, ...row.slice(1)] : row));
    const agreement = evaluateAgreement(totals(gaps), DEFAULT_PANEL_POLICY.agreement);
    expect(agreement.complete).toBe(4);
    expect(agreement.alpha.value).toBeCloseTo(0.5, 1);
    expect(agreement.consistencyMean).toMatchObject({
      value: null,
      reason: { params: { candidates: 4 } },
    });
  });

  it("says so when the scores do not vary", () => {
    const same = EXAMPLE_2.map(() => [40, 40, 40]);
    const agreement = evaluateAgreement(totals(same), DEFAULT_PANEL_POLICY.agreement);
    expect(agreement.alpha).toEqual({
      value: null,
      reason: { code: "store.agreement_flat", params: {} },
    });
    expect(agreement.agreementMean.value).toBeNull();
  });
});

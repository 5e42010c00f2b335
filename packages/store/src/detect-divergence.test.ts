import { aggregateScores } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import { detectDivergence, judgedTotals } from "./detect-divergence.ts";
import type { JudgedCandidate } from "./detect-divergence.ts";
import { DEFAULT_PANEL_POLICY } from "./panel-policy.ts";

const LIMITS = DEFAULT_PANEL_POLICY.divergence;
const REVIEWERS = ["A", "B", "C", "D", "E", "F", "G"];

/** A candidate whose judged part is one indicator of the given maximum, scored as given. */
function oneIndicator(id: string, max: number, points: readonly number[]): JudgedCandidate {
  return {
    id,
    judged: [{ id: "panel", max: max * 100 }],
    sheets: new Map(points.map((p, i) => [REVIEWERS[i] ?? `R${i}`, new Map([["panel", p * 100]])])),
  };
}

const summary = (flags: ReturnType<typeof detectDivergence>) =>
  flags.map((flag) => [
    flag.kind,
    flag.candidate ?? flag.reviewer,
    flag.reviewer ?? flag.indicator ?? null,
  ]);

describe("detectDivergence", () => {
  it("panel.md's worked check: totals 86 88 84 95 87 62 85 flag the 62 as outlier, and the range", () => {
    const flags = detectDivergence(
      "county",
      [oneIndicator("V1", 100, [86, 88, 84, 95, 87, 62, 85])],
      LIMITS,
    );
    expect(summary(flags)).toEqual([
      ["range", "V1", null],
      ["outlier", "V1", "F"],
    ]);
    const outlier = flags[1];
    expect(outlier).toMatchObject({ value: -24.5, limit: 15, z: -8.09 });
    expect(flags[0]).toMatchObject({ value: 33, limit: 20 });
  });

  it("sits beside the engine's aggregate of the same totals: 86.00 trimmed", () => {
    const panel = { aggregate: "trimmed_mean", trimFrom: 5, minReviewers: 3 } as const;
    expect(
      aggregateScores(
        [86, 88, 84, 95, 87, 62, 85].map((p) => p * 100),
        panel,
      )?.points,
    ).toBe(8600);
  });

  it("leaves the 95 alone: modified z 3.04 is under 3.5 and 9.5 points under 15", () => {
    const flags = detectDivergence(
      "county",
      [oneIndicator("V1", 100, [86, 88, 84, 95, 87, 70, 85])],
      LIMITS,
    );
    expect(flags.filter((flag) => flag.reviewer === "D")).toEqual([]);
  });

  it("flags the spread of one indicator above half its maximum, not at it", () => {
    const above = detectDivergence("county", [oneIndicator("V1", 10, [2, 7.5, 5])], LIMITS);
    expect(summary(above.filter((flag) => flag.kind === "spread"))).toEqual([
      ["spread", "V1", "panel"],
    ]);
    const at = detectDivergence("county", [oneIndicator("V1", 10, [2, 7, 5])], LIMITS);
    expect(at.filter((flag) => flag.kind === "spread")).toEqual([]);
  });

  it("uses the modified z-score only from five reviewers on", () => {
    // four reviewers: 80 against 90 90 91 is 10 below the others' median, under the 15 limit
    expect(
      detectDivergence("county", [oneIndicator("V1", 100, [90, 90, 91, 80])], LIMITS).map(
        (f) => f.kind,
      ),
    ).toEqual([]);
    // five: the same gap is a modified z of 0.6745 · 10 / 2 = 3.37, still under 3.5
    expect(
      detectDivergence("county", [oneIndicator("V1", 100, [90, 90, 91, 80, 90])], LIMITS).map(
        (f) => f.kind,
      ),
    ).toEqual([]);
    // 79 gives 3.71: an outlier by z alone
    const flags = detectDivergence(
      "county",
      [oneIndicator("V1", 100, [90, 90, 91, 79, 90])],
      LIMITS,
    );
    expect(summary(flags)).toEqual([["outlier", "V1", "D"]]);
  });

  it("reproduces worked example 2: reviewer 4's mean deviation of −13.1 points is a leniency flag", () => {
    const rows = [
      [52, 50, 55, 41, 53],
      [45, 44, 47, 30, 46],
      [38, 40, 41, 28, 39],
      [50, 49, 53, 35, 51],
      [30, 33, 35, 20, 31],
      [44, 46, 45, 33, 47],
    ];
    const flags = detectDivergence(
      "county",
      rows.map((row, i) => oneIndicator(`V${i + 1}`, 60, row)),
      LIMITS,
    );
    const leniency = flags.filter((flag) => flag.kind === "leniency");
    expect(leniency).toHaveLength(1);
    expect(leniency[0]).toMatchObject({ reviewer: "D", value: -13.08, limit: 6 });
    expect(flags.filter((flag) => flag.kind === "outlier").map((flag) => flag.reviewer)).toEqual([
      "D",
      "D",
      "D",
      "D",
      "D",
      "D",
    ]);
  });

  it("needs five candidates for leniency", () => {
    const rows = [
      [52, 50, 55, 41],
      [45, 44, 47, 30],
      [38, 40, 41, 28],
      [50, 49, 53, 35],
    ];
    const flags = detectDivergence(
      "county",
      rows.map((row, i) => oneIndicator(`V${i}`, 60, row)),
      LIMITS,
    );
    expect(flags.filter((flag) => flag.kind === "leniency")).toEqual([]);
  });

  it("counts a reviewer's total only when their sheet scores every judged indicator", () => {
    const candidate: JudgedCandidate = {
      id: "V1",
      judged: [
        { id: "a", max: 1000 },
        { id: "b", max: 1000 },
      ],
      sheets: new Map([
        [
          "A",
          new Map([
            ["a", 800],
            ["b", 700],
          ]),
        ],
        ["B", new Map([["a", 900]])],
      ]),
    };
    expect(judgedTotals(candidate)).toEqual(new Map([["A", 1500]]));
  });

  it("keeps a flag's key when scores change, and changes its basis", () => {
    const before = detectDivergence(
      "county",
      [oneIndicator("V1", 100, [86, 88, 84, 95, 87, 62, 85])],
      LIMITS,
    );
    const after = detectDivergence(
      "county",
      [oneIndicator("V1", 100, [86, 88, 84, 95, 87, 60, 85])],
      LIMITS,
    );
    expect(after.map((flag) => flag.key)).toEqual(before.map((flag) => flag.key));
    expect(after[1]?.basis).not.toBe(before[1]?.basis);
  });
});

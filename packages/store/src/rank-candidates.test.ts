import { aggregateScores } from "@ceping/engine";
import { describe, expect, it } from "vitest";
import { admitByQuota } from "./admit-by-quota.ts";
import type { Quota } from "./admit-by-quota.ts";
import { rankCandidates } from "./rank-candidates.ts";
import type { RankInput } from "./rank-candidates.ts";

const CHAIN = ["judged", "first_category", "chair"] as const;

function entry(id: string, total: number, judged = 0, first = 0): RankInput {
  return {
    id,
    total: total * 100,
    judged: judged * 100,
    categories: [
      { id: "leadership", points: first * 100 },
      { id: "outcomes", points: 0 },
    ],
  };
}

const line = (ranked: ReturnType<typeof rankCandidates>) =>
  ranked.map(
    (r) => `${r.rank} ${r.id}${r.tied ? " tied" : ""}${r.brokenBy ? ` by ${r.brokenBy}` : ""}`,
  );

describe("rankCandidates", () => {
  it("ranks by total, higher first", () => {
    expect(
      line(rankCandidates([entry("B", 90), entry("A", 95.5), entry("C", 91)], CHAIN, [])),
    ).toEqual(["1 A", "2 C", "3 B"]);
  });

  it("breaks equal totals by the judged part, then the first category", () => {
    const ranked = rankCandidates(
      [entry("V2", 45, 30, 10), entry("V6", 45, 31, 9), entry("V7", 45, 30, 12), entry("V1", 50)],
      CHAIN,
      [],
    );
    expect(line(ranked)).toEqual(["1 V1", "2 V6", "3 V7 by judged", "4 V2 by first_category"]);
  });

  it("leaves a tie the chain cannot break shared, by id, until the chair records an order", () => {
    const tied = [entry("V6", 45, 30, 10), entry("V2", 45, 30, 10), entry("V1", 50)];
    expect(line(rankCandidates(tied, CHAIN, []))).toEqual(["1 V1", "2 V2 tied", "2 V6 tied"]);
    expect(line(rankCandidates(tied, CHAIN, [{ order: ["V6", "V2"] }]))).toEqual([
      "1 V1",
      "2 V6",
      "3 V2 by chair",
    ]);
  });

  it("applies a chair's order only to exactly the group it names", () => {
    const tied = [entry("V6", 45), entry("V2", 45), entry("V3", 45)];
    expect(line(rankCandidates(tied, CHAIN, [{ order: ["V6", "V2"] }]))).toEqual([
      "1 V2 tied",
      "1 V3 tied",
      "1 V6 tied",
    ]);
  });

  it("consults the chair even when the declared chain leaves the chair out", () => {
    const tied = [entry("V6", 45), entry("V2", 45)];
    expect(line(rankCandidates(tied, ["judged"], [{ order: ["V6", "V2"] }]))).toEqual([
      "1 V6",
      "2 V2 by chair",
    ]);
  });

  it("panels.md's vector: villages 2 and 6 of worked example 2 tie at a trimmed 45.00, and wait for the chair", () => {
    const panel = { aggregate: "trimmed_mean", trimFrom: 5, minReviewers: 3 } as const;
    const trimmed = (row: number[]) =>
      aggregateScores(
        row.map((p) => p * 100),
        panel,
      )?.points ?? 0;
    const v2 = trimmed([45, 44, 47, 30, 46]);
    const v6 = trimmed([44, 46, 45, 33, 47]);
    expect([v2, v6]).toEqual([4500, 4500]);
    const input = (id: string, points: number): RankInput => ({
      id,
      total: points,
      judged: points,
      categories: [{ id: "panel", points }],
    });
    const ranked = rankCandidates([input("V2", v2), input("V6", v6)], CHAIN, []);
    expect(line(ranked)).toEqual(["1 V2 tied", "1 V6 tied"]);
  });

  it("can break on a named category", () => {
    const a = {
      ...entry("A", 80),
      categories: [
        { id: "x", points: 1 },
        { id: "outcomes", points: 5 },
      ],
    };
    const b = {
      ...entry("B", 80),
      categories: [
        { id: "x", points: 9 },
        { id: "outcomes", points: 6 },
      ],
    };
    expect(line(rankCandidates([a, b], ["category:outcomes"], []))).toEqual([
      "1 B",
      "2 A by category:outcomes",
    ]);
  });
});

describe("admitByQuota", () => {
  const quota: Quota = { id: "q", level: "county", scope: { kind: "level" }, seats: 2 };

  it("admits in rank order up to the seats", () => {
    const ranked = rankCandidates([entry("A", 95), entry("B", 93), entry("C", 91)], CHAIN, []);
    expect(admitByQuota(ranked, quota, () => true)).toEqual({
      quota,
      admitted: ["A", "B"],
      unsettled: [],
    });
  });

  it("shows a tie at the cut line as such and admits none of it", () => {
    const ranked = rankCandidates([entry("A", 95), entry("B", 93), entry("C", 93)], CHAIN, []);
    expect(admitByQuota(ranked, quota, () => true, ["D"])).toEqual({
      quota,
      admitted: ["A"],
      tiedAtCut: { candidates: ["B", "C"], seats: 1 },
      unsettled: ["D"],
    });
  });

  it("admits a whole tie that fits, and resolves the cut once the chair orders the group", () => {
    const input = [entry("A", 95), entry("B", 93), entry("C", 93)];
    const three = { ...quota, seats: 3 };
    expect(admitByQuota(rankCandidates(input, CHAIN, []), three, () => true).admitted).toEqual([
      "A",
      "B",
      "C",
    ]);
    const decided = rankCandidates(input, CHAIN, [{ order: ["C", "B"] }]);
    expect(admitByQuota(decided, quota, () => true).admitted).toEqual(["A", "C"]);
  });

  it("admits within its scope only", () => {
    const ranked = rankCandidates([entry("A", 95), entry("B", 93), entry("C", 91)], CHAIN, []);
    expect(admitByQuota(ranked, { ...quota, seats: 1 }, (id) => id !== "A").admitted).toEqual([
      "B",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import type { CandidateRecord } from "./assessment-store.ts";
import { proposeConflicts } from "./propose-conflicts.ts";

const candidate = (
  id: string,
  name: string,
  more: Partial<CandidateRecord> = {},
): CandidateRecord => ({
  id,
  name,
  unitType: "village",
  data: {},
  titles: [],
  ...more,
});

const CANDIDATES = [
  candidate("GD-01", "周屯村", { township: "贵德县河西镇" }),
  candidate("GD-02", "上兰角村", { township: "贵德县河西镇", unit: "上兰角村村委会" }),
  candidate("XM-01", "腰路村", { township: "民和县峡门镇" }),
];

describe("proposeConflicts", () => {
  it("proposes the same unit, matching the candidate's unit or else its name", () => {
    expect(proposeConflicts({ unit: "上兰角村村委会" }, CANDIDATES)).toEqual([
      { candidate: "GD-02", kind: "same_unit", match: "上兰角村村委会" },
    ]);
    expect(proposeConflicts({ unit: "腰路村" }, CANDIDATES)).toEqual([
      { candidate: "XM-01", kind: "same_unit", match: "腰路村" },
    ]);
  });

  it("proposes the township for every candidate in it, the unit taking precedence", () => {
    expect(proposeConflicts({ unit: "周屯村", township: "贵德县 河西镇" }, CANDIDATES)).toEqual([
      { candidate: "GD-01", kind: "same_unit", match: "周屯村" },
      { candidate: "GD-02", kind: "township", match: "贵德县 河西镇" },
    ]);
  });

  it("matches full-width and half-width forms alike, and nothing for a reviewer without unit or township", () => {
    const prefecture = [candidate("P1", "民宗委(局)")];
    expect(proposeConflicts({ unit: "民宗委（局）" }, prefecture)).toHaveLength(1);
    expect(proposeConflicts({}, CANDIDATES)).toEqual([]);
  });
});

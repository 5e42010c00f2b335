import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./krippendorff-alpha.ts";

const _ = undefined;
// Krippendorff's reliability data: 4 coders × 12 units with gaps (the irr package's example)
const CODERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const UNITS = (CODERS[0] ?? []).map((_value, unit) => CODERS.map((coder) => coder[unit]));

describe("krippendorffAlpha", () => {
  it("gives 0.849 on Krippendorff's data with missing values (interval)", () => {
    expect(krippendorffAlpha(UNITS)?.toFixed(3)).toBe("0.849");
  });

  it("gives .518 on worked example 2, where one reviewer is much harsher", () => {
    const rows = [
      [52, 50, 55, 41, 53],
      [45, 44, 47, 30, 46],
      [38, 40, 41, 28, 39],
      [50, 49, 53, 35, 51],
      [30, 33, 35, 20, 31],
      [44, 46, 45, 33, 47],
    ];
    expect(krippendorffAlpha(rows)?.toFixed(3)).toBe("0.518");
  });

  it("is 1 for perfect agreement, and skips units with a single value", () => {
    expect(
      krippendorffAlpha([
        [1, 1, _],
        [2, 2, 2],
        [5, _, _],
        [3, _, 3],
      ]),
    ).toBe(1);
  });

  it("has no value without two pairable units or without variance", () => {
    expect(
      krippendorffAlpha([
        [1, 2],
        [3, _],
      ]),
    ).toBeUndefined();
    expect(
      krippendorffAlpha([
        [2, 2],
        [2, 2],
      ]),
    ).toBeUndefined();
  });
});

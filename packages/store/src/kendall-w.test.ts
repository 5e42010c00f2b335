import { describe, expect, it } from "vitest";
import { kendallW } from "./kendall-w.ts";

describe("kendallW", () => {
  it("gives .973 on worked example 2: the harsh reviewer ranks as the others do", () => {
    const rows = [
      [52, 50, 55, 41, 53],
      [45, 44, 47, 30, 46],
      [38, 40, 41, 28, 39],
      [50, 49, 53, 35, 51],
      [30, 33, 35, 20, 31],
      [44, 46, 45, 33, 47],
    ];
    expect(kendallW(rows)?.toFixed(3)).toBe("0.973");
  });

  it("is 1 for perfect agreement", () => {
    expect(
      kendallW([
        [1, 10],
        [2, 20],
        [3, 30],
      ]),
    ).toBe(1);
  });

  it("corrects for ties: identical rankings with a tie still give 1, not 0.9", () => {
    // ranks 1, 2.5, 2.5, 4 for both reviewers: 12·18 / (4·60 − 2·12) = 1; uncorrected 216/240
    expect(
      kendallW([
        [1, 1],
        [2, 2],
        [2, 2],
        [3, 3],
      ]),
    ).toBe(1);
  });

  it("is 0 when two reviewers rank in exactly opposite orders", () => {
    expect(
      kendallW([
        [1, 3],
        [2, 2],
        [3, 1],
      ]),
    ).toBe(0);
  });

  it("has no value when every reviewer ties every candidate", () => {
    expect(
      kendallW([
        [5, 5],
        [5, 5],
      ]),
    ).toBeUndefined();
    expect(kendallW([[5, 5]])).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { rankStrings } from "./string-ranks.ts";

describe("rankStrings", () => {
  it("ranks in the order given, equal ranks for strings the order finds equal", () => {
    const collator = new Intl.Collator("zh");
    const rank = rankStrings((a, b) => collator.compare(a, b));
    // Han by pinyin (阿 a, 周 zhou), then Latin; "é" one code point or two is the same letter
    expect([...rank(["周", "阿", "é", "e\u0301", "阿", "b"])]).toEqual([1, 0, 3, 3, 0, 2]);
  });

  it("keeps its ranks while the strings are known, and makes them again for a new one", () => {
    let compared = 0;
    const rank = rankStrings((a, b) => {
      compared += 1;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    expect([...rank(["c", "a", "b"])]).toEqual([2, 0, 1]);
    const before = compared;
    expect([...rank(["b", "a"])]).toEqual([1, 0]);
    expect(compared).toBe(before);
    expect([...rank(["b", "aa", "a"])]).toEqual([2, 1, 0]);
    expect(compared).toBeGreaterThan(before);
  });
});

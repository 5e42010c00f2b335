import jsonLogic from "json-logic-js";
import type { AdditionalOperation, RulesLogic } from "json-logic-js";
import { describe, expect, it } from "vitest";
import { evaluateReference } from "./evaluate-reference.ts";

const ON = "2026-11-29";
const DATA = {
  population: 1240,
  activities: [
    { date: "2026-03-02", kind: "联谊", participants: 80 },
    { date: "2023-11-29", kind: "宣讲", participants: "20" },
  ],
};

describe("evaluateReference", () => {
  it("is json-logic-js's apply for its own operations", () => {
    const expressions: RulesLogic<AdditionalOperation>[] = [
      { "+": [{ var: "population" }, "1"] },
      { if: [{ ">": [{ var: "population" }, 1000] }, "large", "small"] },
      { map: [{ var: "activities" }, { var: "kind" }] },
      { reduce: [{ var: "activities" }, { "+": [{ var: "accumulator" }, 1] }, 0] },
      { and: [] },
      { "*": ["abc"] },
    ];
    for (const expression of expressions) {
      expect(evaluateReference(expression, DATA, ON)).toEqual(jsonLogic.apply(expression, DATA));
    }
  });

  it("adds ratio, years_since, within_years and round, with the assessment date", () => {
    expect(evaluateReference({ ratio: [1, 4] }, DATA, ON)).toBe(0.25);
    expect(evaluateReference({ ratio: [1, 0] }, DATA, ON)).toBe(null);
    expect(evaluateReference({ years_since: ["2023-12-20"] }, DATA, ON)).toBe(2);
    expect(evaluateReference({ years_since: "2023-12-20" }, DATA, "2026-12-20")).toBe(3);
    expect(evaluateReference({ within_years: ["2023-11-30", 3] }, DATA, ON)).toBe(true);
    expect(evaluateReference({ within_years: ["2023-11-29", 3] }, DATA, ON)).toBe(false);
    expect(evaluateReference({ round: [2.675, 2] }, DATA, ON)).toBe(2.68);
    expect(evaluateReference({ round: [2.5] }, DATA, ON)).toBe(3);
  });

  it("spells count and sum out in reduce, filter and map", () => {
    const kind = { "==": [{ var: "kind" }, "宣讲"] };
    expect(evaluateReference({ count: [{ var: "activities" }] }, DATA, ON)).toBe(2);
    expect(evaluateReference({ count: { var: "activities" } }, DATA, ON)).toBe(2);
    expect(evaluateReference({ count: [{ var: "activities" }, kind] }, DATA, ON)).toBe(1);
    expect(evaluateReference({ count: [{ var: "population" }, kind] }, DATA, ON)).toBe(0);
    expect(
      evaluateReference({ sum: [{ var: "activities" }, { var: "participants" }] }, DATA, ON),
    ).toBe(100);
    expect(evaluateReference({ sum: [{ var: "population" }, 1] }, DATA, ON)).toBe(0);
    const nested = {
      if: [
        { ">": [{ count: [{ var: "activities" }, kind] }, 0] },
        { sum: [[1, "2"], { var: "" }] },
        0,
      ],
    };
    expect(evaluateReference(nested, DATA, ON)).toBe(3);
  });

  it("reads $on as the assessment date, even over data that has one", () => {
    expect(evaluateReference({ var: "$on" }, DATA, ON)).toBe(ON);
    expect(evaluateReference({ var: "$on" }, { $on: "1999-01-01" }, ON)).toBe(ON);
  });

  it("does not change the data it was given", () => {
    const data = { population: 5 };
    evaluateReference({ var: "$on" }, data, ON);
    expect(data).toEqual({ population: 5 });
  });

  it("uses each call's own date, also after a call that threw", () => {
    expect(() => evaluateReference({ round: [1, 0.5] }, DATA, "2000-01-01")).toThrow(RangeError);
    expect(evaluateReference({ years_since: ["2023-12-20"] }, DATA, ON)).toBe(2);
    expect(evaluateReference({ years_since: ["2023-12-20"] }, DATA, "2026-12-20")).toBe(3);
  });

  it("keeps json-logic-js's refusals and its unguarded reads, which checkExpression must catch", () => {
    expect(() => evaluateReference({ frobnicate: [1] }, DATA, ON)).toThrow(
      "Unrecognized operation frobnicate",
    );
    expect(() => evaluateReference({ constructor: [1] }, DATA, ON)).toThrow(
      "Unrecognized operation constructor",
    );
    expect(evaluateReference({ var: "constructor" }, DATA, ON)).toBe(Object);
  });
});

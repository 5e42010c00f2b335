import { describe, expect, it } from "vitest";
import { compileExpression, compileExpressions } from "./compile-expression.ts";
import { evaluateReference } from "./evaluate-reference.ts";

const ON = "2026-11-29";

const DATA: Readonly<Record<string, unknown>> = {
  population: 1240,
  text: "3.5abc",
  flag: true,
  nothing: null,
  awarded: "2023-12-20",
  activities: [
    { date: "2026-03-02", kind: "联谊", participants: 80 },
    { date: "2023-11-29", kind: "宣讲", participants: "20" },
    { date: "2024-02-29", kind: "宣讲", participants: null },
  ],
  empty: [],
  numbers: [1, 2, 3],
};

/** The compiled value, after checking that json-logic-js (with the spec's operations) agrees. */
function run(
  expression: unknown,
  data: Readonly<Record<string, unknown>> = DATA,
  on = ON,
): unknown {
  const compiled = compileExpression(expression)(data, on);
  expect(compiled).toStrictEqual(evaluateReference(expression, data, on));
  // toStrictEqual treats -0 and 0 alike inside numbers; Object.is does not
  if (typeof compiled === "number") {
    expect(Object.is(compiled, evaluateReference(expression, data, on))).toBe(true);
  }
  return compiled;
}

describe("compileExpression", () => {
  describe("arithmetic as json-logic-js does it", () => {
    it("folds + with parseFloat from 0", () => {
      expect(run({ "+": [] })).toBe(0);
      expect(run({ "+": ["1", "2"] })).toBe(3);
      expect(run({ "+": [{ var: "text" }] })).toBe(3.5);
      expect(run({ "+": [{ var: "flag" }, 1] })).toBeNaN();
      expect(run({ "+": [{ var: "missing_field" }, 1] })).toBeNaN();
      expect(Object.is(run({ "+": [-0] }), 0)).toBe(true);
      expect(Object.is(run({ "+": ["-0", -0] }), 0)).toBe(true);
      expect(run({ "+": [0.1, 0.2] })).toBe(0.30000000000000004);
    });

    it("returns a lone * argument unparsed, and parses the running product again", () => {
      expect(run({ "*": ["abc"] })).toBe("abc");
      expect(run({ "*": [{ var: "activities" }] })).toBe(DATA.activities);
      expect(run({ "*": ["2", "3"] })).toBe(6);
      expect(Object.is(run({ "*": [-1, 0] }), -0)).toBe(true);
      expect(Object.is(run({ "*": [-1, 0, 5] }), 0)).toBe(true);
      expect(Object.is(run({ "*": [{ "-": [1] }, { "-": [0] }, 5] }), 0)).toBe(true);
      expect(Object.is(run({ "*": [-0, 5] }), 0)).toBe(true);
    });

    it("throws for * without arguments, as json-logic-js does", () => {
      expect(() => compileExpression({ "*": [] })(DATA, ON)).toThrow(
        '"*" needs at least one argument',
      );
      expect(() => evaluateReference({ "*": [] }, DATA, ON)).toThrow(TypeError);
    });

    it("negates with one - argument, also when the second is undefined", () => {
      expect(run({ "-": ["3"] })).toBe(-3);
      expect(Object.is(run({ "-": [null] }), -0)).toBe(true);
      expect(run({ "-": [] })).toBeNaN();
      expect(run({ "-": [5, { and: [] }] })).toBe(-5);
      expect(run({ "-": [5, "2"] })).toBe(3);
    });

    it("divides and takes remainders with JavaScript's coercions", () => {
      expect(run({ "/": [1, 0] })).toBe(Infinity);
      expect(run({ "/": ["6", "3"] })).toBe(2);
      expect(run({ "%": [7, 3] })).toBe(1);
      expect(run({ min: [] })).toBe(Infinity);
      expect(run({ max: [] })).toBe(-Infinity);
      expect(run({ max: [1, "5", null] })).toBe(5);
      expect(run({ min: [1, "x"] })).toBeNaN();
    });
  });

  describe("comparisons", () => {
    it("reads < and <= with three arguments as between", () => {
      expect(run({ "<": [1, 2, 3] })).toBe(true);
      expect(run({ "<": [1, 3, 3] })).toBe(false);
      expect(run({ "<=": [1, 3, 3] })).toBe(true);
      expect(run({ "<=": [0, { var: "population" }, 1000] })).toBe(false);
      expect(run({ "<": [1, 2, { and: [] }] })).toBe(true);
      expect(run({ "<=": [2, 1, { and: [] }] })).toBe(false);
    });

    it("compares loosely and strictly, with missing arguments undefined", () => {
      expect(run({ "==": [1, "1"] })).toBe(true);
      expect(run({ "===": [1, "1"] })).toBe(false);
      expect(run({ "!=": [null, { var: "missing_field" }] })).toBe(false);
      expect(run({ "==": [1] })).toBe(false);
      expect(run({ "==": [] })).toBe(true);
      expect(run({ ">": ["abc", 3] })).toBe(false);
      expect(run({ ">": [3, 2, "ignored"] })).toBe(true);
    });

    it("still runs an ignored argument, and throws when it throws", () => {
      expect(() => compileExpression({ "==": [1, 1, { "*": [] }] })(DATA, ON)).toThrow(TypeError);
      expect(() => evaluateReference({ "==": [1, 1, { "*": [] }] }, DATA, ON)).toThrow(TypeError);
    });
  });

  describe("logic", () => {
    it("returns the deciding value from and and or", () => {
      expect(run({ and: [1, "a", 0, 2] })).toBe(0);
      expect(run({ and: [1, "a"] })).toBe("a");
      expect(run({ and: [[], 1] })).toEqual([]);
      expect(run({ or: [0, "", [], "x", 0] })).toBe("x");
      expect(run({ or: [0, ""] })).toBe("");
      expect(run({ and: [] })).toBe(undefined);
      expect(run({ or: [] })).toBe(undefined);
    });

    it("takes the last if argument as else when the count is odd, and gives null otherwise", () => {
      expect(run({ if: [] })).toBe(null);
      expect(run({ if: ["only"] })).toBe("only");
      expect(run({ if: [false, 1] })).toBe(null);
      expect(run({ if: [false, 1, 2] })).toBe(2);
      expect(run({ if: [false, 1, [], 2, 0, 3] })).toBe(null);
      expect(run({ if: [false, 1, [0], 2, 3] })).toBe(2);
      expect(run({ "?:": [{ var: "flag" }, "yes", "no"] })).toBe("yes");
    });

    it("uses json-logic-js truthiness: an empty array is false", () => {
      expect(run({ "!!": [[]] })).toBe(false);
      expect(run({ "!!": [[0]] })).toBe(true);
      expect(run({ "!": [] })).toBe(true);
      expect(run({ "!": { var: "empty" } })).toBe(true);
      expect(run({ "!!": "0" })).toBe(true);
      expect(run({ if: [{ var: "empty" }, "full", "empty"] })).toBe("empty");
    });
  });

  describe("var", () => {
    it("reads fields, gives null for missing ones and the default only for undefined", () => {
      expect(run({ var: "population" })).toBe(1240);
      expect(run({ var: "missing_field" })).toBe(null);
      expect(run({ var: ["missing_field", 7] })).toBe(7);
      expect(run({ var: ["nothing", 7] })).toBe(null);
      expect(run({ var: ["missing_field", { "+": [1, 2] }] })).toBe(3);
      expect(run({ var: ["missing_field", { and: [] }] })).toBe(null);
      expect(run({ var: ["population", { "+": [1, 2] }] })).toBe(1240);
    });

    it("evaluates a default even when the field is there, as json-logic-js does", () => {
      expect(() => compileExpression({ var: ["population", { "*": [] }] })(DATA, ON)).toThrow(
        TypeError,
      );
    });

    it("reads $on as the assessment date, whatever the data says", () => {
      expect(run({ var: "$on" })).toBe(ON);
      expect(run({ var: "$on" }, { $on: "1999-01-01" })).toBe(ON);
    });

    it("walks dotted paths from reduce's current", () => {
      const participants = {
        reduce: [
          { var: "activities" },
          { "+": [{ var: "accumulator" }, { var: ["current.participants", 1] }] },
          0,
        ],
      };
      // the third row's participants is null, not undefined, so the default does not apply
      expect(run(participants)).toBeNaN();
      const missing = {
        reduce: [
          { var: "activities" },
          { "+": [{ var: "accumulator" }, { var: ["current.people", 1] }] },
          0,
        ],
      };
      expect(run(missing)).toBe(3);
      const rows = { rows: [null, 5, "text", { x: 1 }, { x: null }] };
      const list = { map: [{ var: "rows" }, { var: ["x", "default"] }] };
      expect(run(list, rows)).toEqual(["default", "default", "default", 1, null]);
      const walked = {
        reduce: [
          { var: "rows" },
          { cat: [{ var: "accumulator" }, { var: ["current.x", "-"] }] },
          "",
        ],
      };
      expect(run(walked, rows)).toBe("---1");
      const whole = { reduce: [{ var: "numbers" }, { var: "" }, 0] };
      expect(run(whole)).toEqual({
        current: 3,
        accumulator: { current: 2, accumulator: { current: 1, accumulator: 0 } },
      });
    });
  });

  describe("iteration", () => {
    it("gives [] for filter and map of a non-array, and handles empty lists", () => {
      expect(run({ filter: [{ var: "population" }, true] })).toEqual([]);
      expect(run({ map: [{ var: "missing_field" }, 1] })).toEqual([]);
      expect(run({ map: [{ var: "numbers" }, { "*": [{ var: "" }, 2] }] })).toEqual([2, 4, 6]);
      expect(run({ filter: [{ var: "numbers" }, { "%": [{ var: "" }, 2] }] })).toEqual([1, 3]);
    });

    it("says all of an empty list is false, none is true and some is false", () => {
      expect(run({ all: [{ var: "empty" }, true] })).toBe(false);
      expect(run({ none: [{ var: "empty" }, true] })).toBe(true);
      expect(run({ some: [{ var: "empty" }, true] })).toBe(false);
      expect(run({ all: [{ var: "population" }, true] })).toBe(false);
      expect(run({ none: [{ var: "population" }, true] })).toBe(true);
      expect(run({ all: [{ var: "numbers" }, { ">": [{ var: "" }, 0] }] })).toBe(true);
      expect(run({ some: [{ var: "activities" }, { "==": [{ var: "kind" }, "宣讲"] }] })).toBe(
        true,
      );
      expect(run({ none: [{ var: "activities" }, { "==": [{ var: "kind" }, "宣讲"] }] })).toBe(
        false,
      );
    });

    it("evaluates reduce's initial value, null when absent, and returns it for a non-array", () => {
      expect(
        run({
          reduce: [
            { var: "numbers" },
            { "+": [{ var: "accumulator" }, { var: "current" }] },
            { "+": [1, 1] },
          ],
        }),
      ).toBe(8);
      // without an initial value the accumulator starts as null, and parseFloat(null) is NaN
      expect(
        run({
          reduce: [{ var: "numbers" }, { "+": [{ var: "accumulator" }, { var: "current" }] }],
        }),
      ).toBeNaN();
      expect(
        run({
          reduce: [{ var: "numbers" }, { cat: [{ var: "accumulator" }, { var: "current" }] }],
        }),
      ).toBe("123");
      expect(run({ reduce: [{ var: "empty" }, 1] })).toBe(null);
      expect(run({ reduce: [{ var: "population" }, 1, "initial"] })).toBe("initial");
      expect(run({ reduce: [{ var: "population" }, 1, { and: [] }] })).toBe(undefined);
      // an undefined accumulator reads as var's not-found value, null
      expect(run({ reduce: [{ var: "numbers" }, { var: "accumulator" }, { and: [] }] })).toBe(null);
    });

    it("counts rows, or those for which the condition holds", () => {
      expect(run({ count: [{ var: "activities" }] })).toBe(3);
      expect(run({ count: { var: "activities" } })).toBe(3);
      expect(run({ count: [{ var: "activities" }, { "==": [{ var: "kind" }, "宣讲"] }] })).toBe(2);
      expect(run({ count: [{ var: "activities" }, { var: "participants" }] })).toBe(2);
      expect(run({ count: [{ var: "population" }] })).toBe(0);
      expect(run({ count: [{ var: "missing_field" }, true] })).toBe(0);
    });

    it("sums as + would: strings parse, null and booleans give NaN", () => {
      expect(run({ sum: [{ var: "numbers" }, { var: "" }] })).toBe(6);
      expect(run({ sum: [{ var: "activities" }, { var: ["participants", 0] }] })).toBeNaN();
      expect(
        run({
          sum: [
            { filter: [{ var: "activities" }, { var: "participants" }] },
            { var: "participants" },
          ],
        }),
      ).toBe(100);
      expect(run({ sum: [[true], { var: "" }] })).toBeNaN();
      expect(run({ sum: [{ var: "population" }, 1] })).toBe(0);
      expect(run({ sum: [{ var: "numbers" }, { and: [] }] })).toBeNaN();
    });

    it("sums and counts over a filter in one loop, its condition still run on every row first", () => {
      const recent = { filter: [{ var: "activities" }, { within_years: [{ var: "date" }, 3] }] };
      expect(run({ sum: [recent, { var: ["participants", 1] }] })).toBeNaN();
      expect(
        run({ sum: [{ filter: [{ var: "numbers" }, { ">": [{ var: "" }, 1] }] }, { var: "" }] }),
      ).toBe(5);
      expect(run({ count: [recent, { var: "participants" }] })).toBe(1);
      expect(run({ count: [recent, { "==": [{ var: "kind" }, "宣讲"] }] })).toBe(1);
      // a condition that throws on a row still throws, though the sum's body never runs
      const throwing = { filter: [{ var: "numbers" }, { "*": [] }] };
      expect(() => compileExpression({ sum: [throwing, 1] })(DATA, ON)).toThrow(TypeError);
      expect(() => evaluateReference({ sum: [throwing, 1] }, DATA, ON)).toThrow(TypeError);
    });

    it("uses the assessment date inside rows", () => {
      const recent = { count: [{ var: "activities" }, { within_years: [{ var: "date" }, 3] }] };
      expect(run(recent)).toBe(2);
      expect(run(recent, DATA, "2027-03-01")).toBe(1);
      expect(run({ map: [{ var: "activities" }, { years_since: { var: "date" } }] })).toEqual([
        0, 3, 2,
      ]);
    });
  });

  describe("strings, lists and the spec's operations", () => {
    it("matches json-logic-js's in, cat, substr and merge", () => {
      expect(run({ in: ["b", "abc"] })).toBe(true);
      expect(run({ in: ["宣讲", { map: [{ var: "activities" }, { var: "kind" }] }] })).toBe(true);
      expect(run({ in: [1, { var: "population" }] })).toBe(false);
      // a literal list is compared element by element, as indexOf does: strictly, NaN never
      expect(run({ in: [{ var: "flag" }, [1, true, "x"]] })).toBe(true);
      expect(run({ in: ["1", [1, 2]] })).toBe(false);
      expect(run({ in: [{ "-": [0] }, [0]] })).toBe(true);
      expect(run({ in: [{ "/": [0, 0] }, [{ "/": [0, 0] }, null]] })).toBe(false);
      expect(run({ in: [null, [null]] })).toBe(true);
      expect(run({ in: [{ var: "missing_field" }, []] })).toBe(false);
      expect(() => compileExpression({ in: [{ "*": [] }, []] })(DATA, ON)).toThrow(TypeError);
      expect(run({ cat: ["a", null, 1, [1, 2], true, { var: "missing_field" }] })).toBe(
        "a11,2true",
      );
      expect(run({ cat: [] })).toBe("");
      expect(run({ substr: ["abcdef", 1, -2] })).toBe("bcd");
      expect(run({ substr: ["abcdef", -2] })).toBe("ef");
      expect(run({ merge: [1, [2, [3]], { var: "numbers" }] })).toEqual([1, 2, [3], 1, 2, 3]);
      expect(run({ merge: [] })).toEqual([]);
    });

    it("computes ratio, years_since, within_years and round", () => {
      expect(run({ ratio: [1, 4] })).toBe(0.25);
      expect(run({ ratio: [1, 0] })).toBe(null);
      expect(run({ ratio: [{ var: "missing_field" }, 4] })).toBe(null);
      expect(run({ years_since: [{ var: "awarded" }] })).toBe(2);
      expect(run({ years_since: "2023-11-29" })).toBe(3);
      expect(run({ years_since: [{ var: "population" }] })).toBe(null);
      expect(run({ within_years: ["2023-11-30", 3] })).toBe(true);
      expect(run({ within_years: ["2023-11-29", 3] })).toBe(false);
      expect(run({ within_years: ["garbage", 3] })).toBe(false);
      expect(run({ round: [1.005, 2] })).toBe(1.01);
      expect(run({ round: { "+": [0.1, 0.2] } })).toBe(0);
      expect(run({ round: [{ "+": [0.1, 0.2] }, 2] })).toBe(0.3);
      expect(run({ round: [-0.125, 2] })).toBe(-0.13);
      expect(run({ round: [{ var: "missing_field" }, 2] })).toBe(null);
    });
  });

  describe("safety", () => {
    it("keeps any string literal a string", () => {
      const hostile = [
        '"); throw new Error("x"); ("',
        "\\",
        "\u2028\u2029",
        "</script>",
        "${d}",
        "\ud800",
      ];
      for (const text of hostile) {
        expect(run({ cat: [text] })).toBe(text);
        expect(run([text])).toEqual([text]);
      }
      const data = { '"]; throw 1; //': 5 };
      expect(compileExpression({ var: '"]; throw 1; //' })(data, ON)).toBe(5);
    });

    it("refuses operations that are not on the list, inherited names included", () => {
      const refused: unknown[] = [
        JSON.parse('{"__proto__": [1]}'),
        { constructor: [1] },
        { toString: [] },
        { hasOwnProperty: ["x"] },
        { log: "x" },
        { missing: ["a"] },
        { missing_some: [1, ["a"]] },
        { method: [{ var: "population" }, "toFixed", [2]] },
        { "+": [1, { frobnicate: [] }] },
      ];
      for (const expression of refused) {
        expect(() => compileExpression(expression)).toThrow(
          /^cannot compile the unknown operation /,
        );
      }
    });

    it("refuses var paths into prototypes and computed paths", () => {
      expect(() => compileExpression({ var: "constructor" })).toThrow(
        'cannot compile a var path into prototypes: "constructor"',
      );
      expect(() => compileExpression({ var: "a.constructor.constructor" })).toThrow(
        /into prototypes/,
      );
      expect(() => compileExpression(JSON.parse('{"var": "__proto__"}'))).toThrow(
        /into prototypes/,
      );
      expect(() => compileExpression({ var: { cat: ["a", "b"] } })).toThrow(
        "cannot compile a computed var path",
      );
    });

    it("refuses objects that are not exactly one operation, and values JSON cannot hold", () => {
      expect(() => compileExpression({})).toThrow(
        "cannot compile an object that is not one operation",
      );
      expect(() => compileExpression({ var: "a", "+": [] })).toThrow("not one operation");
      expect(() => compileExpression(new Date(0))).toThrow("not one operation");
      expect(() => compileExpression({ "+": [undefined] })).toThrow(
        "cannot compile a undefined value",
      );
      expect(() => compileExpression(10n)).toThrow("cannot compile a bigint value");
    });

    it("keeps NaN, infinities and -0 literals", () => {
      expect(run({ "+": [NaN] })).toBeNaN();
      expect(run([Infinity, -Infinity])).toEqual([Infinity, -Infinity]);
      expect(Object.is(compileExpression(-0)(DATA, ON), -0)).toBe(true);
      expect(Object.is(compileExpression({ "*": [-0] })(DATA, ON), -0)).toBe(true);
    });
  });
});

describe("compileExpressions", () => {
  it("compiles many expressions in one module, one function each, in order", () => {
    const compiled = compileExpressions([
      { count: [{ var: "activities" }, { "==": [{ var: "kind" }, "宣讲"] }] },
      { var: "population" },
      { sum: [{ var: "numbers" }, { var: "" }] },
      { count: [{ var: "activities" }, { "==": [{ var: "kind" }, "联谊"] }] },
    ]);
    expect(compiled.map((evaluate) => evaluate(DATA, ON))).toEqual([2, 1240, 6, 1]);
  });

  it("gives an empty list for no expressions", () => {
    expect(compileExpressions([])).toEqual([]);
  });
});

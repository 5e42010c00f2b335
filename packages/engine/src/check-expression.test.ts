import { describe, expect, it } from "vitest";
import { checkExpression } from "./check-expression.ts";
import type { ExpressionScope } from "./check-expression.ts";
import type { Issue, Place } from "./issue.ts";
import { OPERATION_NAMES } from "./operations.ts";
import type { Locator, SourceRef } from "./rule-set.ts";

const FILE = "rules/prefecture/village.yaml";
const AT: SourceRef = { file: FILE, path: ["categories", 0, "indicators", 2, "points"] };
const KNOWN = OPERATION_NAMES.join(", ");

// a place is the path joined with "/", plus a line per path depth so a test sees it pass through
const locate: Locator = (ref) => ({
  file: ref.file,
  line: ref.path.length,
  column: 1,
  path: ref.path.join("/"),
});

const scope: ExpressionScope = {
  label: "候选单位数据",
  names: new Set(["population", "surveyed", "satisfied", "rate", "$on"]),
  lists: new Map([
    ["activities", { label: "活动台账", fields: new Set(["date", "kind", "participants"]) }],
    ["incidents", { label: "事件记录", fields: new Set(["date", "kind"]) }],
  ]),
};

function check(expression: unknown): { issues: readonly Issue[]; reads: string[] } {
  const result = checkExpression(expression, scope, AT, locate);
  return { issues: result.issues, reads: [...result.reads].sort() };
}

function at(...path: (string | number)[]): Place {
  const full = [...AT.path, ...path];
  return { file: FILE, line: full.length, column: 1, path: full.join("/") };
}

function issue(code: Issue["code"], place: Place, params: Issue["params"] = {}): Issue {
  return { severity: "error", code, place, params };
}

describe("checkExpression", () => {
  it("accepts a well-formed expression and lists the top-level names it reads", () => {
    const expression = {
      if: [
        { ">=": [{ ratio: [{ var: "satisfied" }, { var: "surveyed" }] }, 0.9] },
        {
          count: [
            { var: "activities" },
            { and: [{ "==": [{ var: "kind" }, "宣讲"] }, { within_years: [{ var: "date" }, 3] }] },
          ],
        },
        { round: [{ "*": [{ var: ["population", 0] }, 0.001] }, 2] },
      ],
    };
    expect(check(expression)).toEqual({
      issues: [],
      reads: ["activities", "population", "satisfied", "surveyed"],
    });
  });

  it("accepts literals, arrays and $on", () => {
    expect(check([1, "a", null, true, { var: "$on" }])).toEqual({ issues: [], reads: ["$on"] });
  });

  describe("security", () => {
    it("refuses {var: constructor}", () => {
      expect(check({ var: "constructor" }).issues).toEqual([
        issue("expr.forbidden_name", at("var"), { name: "constructor" }),
      ]);
    });

    it("refuses {var: __proto__}", () => {
      expect(check(JSON.parse('{"var": "__proto__"}')).issues).toEqual([
        issue("expr.forbidden_name", at("var"), { name: "__proto__" }),
      ]);
    });

    it("refuses a forbidden name anywhere in a dotted path", () => {
      expect(check({ var: "a.constructor.constructor" }).issues).toEqual([
        issue("expr.forbidden_name", at("var"), { name: "a.constructor.constructor" }),
      ]);
      expect(check({ and: [true, { var: "a.constructor.constructor" }] }).issues).toEqual([
        issue("expr.forbidden_name", at("and", 1, "var"), { name: "a.constructor.constructor" }),
      ]);
      expect(check({ var: ["population.prototype", 0] }).issues).toEqual([
        issue("expr.forbidden_name", at("var", 0), { name: "population.prototype" }),
      ]);
    });

    it("refuses a forbidden name inside rows", () => {
      expect(check({ some: [{ var: "activities" }, { var: "toString" }] }).issues).toEqual([
        issue("expr.forbidden_name", at("some", 1, "var"), { name: "toString" }),
      ]);
      const reduce = {
        reduce: [{ var: "activities" }, { var: "current.valueOf" }, 0],
      };
      expect(check(reduce).issues).toEqual([
        issue("expr.forbidden_name", at("reduce", 1, "var"), { name: "current.valueOf" }),
      ]);
    });

    it("treats inherited names as unknown operations", () => {
      const names = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];
      for (const name of names) {
        // JSON.parse makes "__proto__" an own key, as a YAML or JSON rule file does
        const expression: unknown = JSON.parse(`{${JSON.stringify(name)}: [1]}`);
        expect(check(expression).issues).toEqual([
          issue("expr.unknown_operation", at(name), { op: name, known: KNOWN }),
        ]);
      }
      expect(check({ toString: [] }).issues).toEqual([
        issue("expr.unknown_operation", at("toString"), { op: "toString", known: KNOWN }),
      ]);
    });

    it("refuses log, missing, missing_some and method", () => {
      expect(check({ log: "x" }).issues).toEqual([
        issue("expr.unknown_operation", at("log"), { op: "log", known: KNOWN }),
      ]);
      expect(check({ missing: ["a"] }).issues).toEqual([
        issue("expr.unknown_operation", at("missing"), { op: "missing", known: KNOWN }),
      ]);
      expect(check({ missing_some: [1, ["a", "b"]] }).issues).toEqual([
        issue("expr.unknown_operation", at("missing_some"), { op: "missing_some", known: KNOWN }),
      ]);
      expect(check({ method: [{ var: "population" }, "toFixed", [2]] }).issues).toEqual([
        issue("expr.unknown_operation", at("method"), { op: "method", known: KNOWN }),
      ]);
    });

    it("refuses computed var paths, and still checks the expression that computes them", () => {
      expect(check({ var: { cat: ["popu", "lation"] } }).issues).toEqual([
        issue("expr.dynamic_var", at("var")),
      ]);
      expect(check({ var: [{ var: "nope" }, 0] }).issues).toEqual([
        issue("expr.dynamic_var", at("var", 0)),
        issue("expr.unknown_var", at("var", 0, "var"), { name: "nope", scope: "候选单位数据" }),
      ]);
      expect(check({ var: [["population"]] }).issues).toEqual([
        issue("expr.dynamic_var", at("var", 0)),
      ]);
    });
  });

  describe("names at the top level", () => {
    it("reports a name that is no field, list or computed value", () => {
      expect(check({ "+": [{ var: "populaton" }, 1] })).toEqual({
        issues: [
          issue("expr.unknown_var", at("+", 0, "var"), {
            name: "populaton",
            scope: "候选单位数据",
          }),
        ],
        reads: [],
      });
    });

    it("refuses dotted paths and the whole candidate: fields are flat", () => {
      expect(check({ var: "activities.0.date" }).issues).toEqual([
        issue("expr.unknown_var", at("var"), { name: "activities.0.date", scope: "候选单位数据" }),
      ]);
      expect(check({ var: "" }).issues).toEqual([
        issue("expr.unknown_var", at("var"), { name: "", scope: "候选单位数据" }),
      ]);
      expect(check({ var: [null] }).issues).toEqual([
        issue("expr.unknown_var", at("var", 0), { name: "", scope: "候选单位数据" }),
      ]);
    });

    it("reads a number path as its text, as json-logic-js does", () => {
      expect(check({ var: 1 }).issues).toEqual([
        issue("expr.unknown_var", at("var"), { name: "1", scope: "候选单位数据" }),
      ]);
    });

    it("checks a default in the same scope as the path", () => {
      expect(check({ var: ["population", { var: "surveyd" }] }).issues).toEqual([
        issue("expr.unknown_var", at("var", 1, "var"), { name: "surveyd", scope: "候选单位数据" }),
      ]);
    });
  });

  describe("iteration", () => {
    it("lets the condition read the list's row fields, and not the candidate's", () => {
      const expression = {
        count: [
          { var: "activities" },
          {
            and: [
              { ">": [{ var: "participants" }, { var: "population" }] },
              { "==": [{ var: "kind" }, "宣讲"] },
            ],
          },
        ],
      };
      expect(check(expression)).toEqual({
        issues: [
          issue("expr.unknown_var", at("count", 1, "and", 0, ">", 1, "var"), {
            name: "population",
            scope: "活动台账",
          }),
        ],
        reads: ["activities"],
      });
    });

    it("keeps the rows of a filter, and of a list with a default", () => {
      const expression = {
        sum: [
          { filter: [{ var: ["activities", []] }, { "==": [{ var: "kind" }, "联谊"] }] },
          { var: "participant" },
        ],
      };
      expect(check(expression).issues).toEqual([
        issue("expr.unknown_var", at("sum", 1, "var"), { name: "participant", scope: "活动台账" }),
      ]);
    });

    it("allows only the whole row over rows of unknown shape", () => {
      const dates = { map: [{ var: "activities" }, { var: "date" }] };
      expect(check({ some: [dates, { within_years: [{ var: "" }, 3] }] }).issues).toEqual([]);
      expect(check({ some: [dates, { var: "date" }] }).issues).toEqual([
        issue("expr.unknown_var", at("some", 1, "var"), { name: "date", scope: "结构未知的行" }),
      ]);
      expect(check({ all: [[1, 2, 3], { ">": [{ var: "" }, 0] }] }).issues).toEqual([]);
      expect(check({ none: [{ var: "rate" }, { var: "x" }] }).issues).toEqual([
        issue("expr.unknown_var", at("none", 1, "var"), { name: "x", scope: "结构未知的行" }),
      ]);
    });

    it("lets reduce read current, accumulator and current's row fields", () => {
      const total = {
        reduce: [
          { var: "activities" },
          { "+": [{ var: "accumulator" }, { var: "current.participants" }, { var: "current" }] },
          { var: "population" },
        ],
      };
      expect(check(total)).toEqual({ issues: [], reads: ["activities", "population"] });
      const wrong = {
        reduce: [
          { var: "activities" },
          { "+": [{ var: "participants" }, { var: "current.people" }, { var: "accumulator.x" }] },
        ],
      };
      expect(check(wrong).issues).toEqual([
        issue("expr.unknown_var", at("reduce", 1, "+", 0, "var"), {
          name: "participants",
          scope: "reduce 的 current 和 accumulator",
        }),
        issue("expr.unknown_var", at("reduce", 1, "+", 1, "var"), {
          name: "current.people",
          scope: "活动台账",
        }),
        issue("expr.unknown_var", at("reduce", 1, "+", 2, "var"), {
          name: "accumulator.x",
          scope: "reduce 的 current 和 accumulator",
        }),
      ]);
    });

    it("nests: an inner iteration's rows come from the outer row", () => {
      const expression = {
        map: [{ var: "activities" }, { some: [{ var: "kind" }, { "==": [{ var: "" }, "宣"] }] }],
      };
      expect(check(expression).issues).toEqual([]);
    });

    it("reports a literal that is not a list", () => {
      expect(check({ count: [5] }).issues).toEqual([
        issue("expr.list_expected", at("count", 0), { op: "count" }),
      ]);
      expect(check({ filter: ["activities", true] }).issues).toEqual([
        issue("expr.list_expected", at("filter", 0), { op: "filter" }),
      ]);
      expect(check({ count: null }).issues).toEqual([
        issue("expr.list_expected", at("count"), { op: "count" }),
      ]);
    });
  });

  describe("arity", () => {
    it("refuses literal round digits that are no whole number", () => {
      expect(check({ round: [{ var: "population" }, 0.5] }).issues).toEqual([
        issue("expr.round_digits", at("round", 1), { found: "0.5" }),
      ]);
      expect(check({ round: [{ var: "population" }, 2] }).issues).toEqual([]);
    });

    it("checks the spec's operations and the iterations", () => {
      const cases: [unknown, string, string, number][] = [
        [{ ratio: [1] }, "ratio", "2", 1],
        [{ years_since: [] }, "years_since", "1", 0],
        [{ within_years: [{ var: "$on" }] }, "within_years", "2", 1],
        [{ count: [] }, "count", "1–2", 0],
        [{ sum: [{ var: "activities" }] }, "sum", "2", 1],
        [{ round: [1, 2, 3] }, "round", "1–2", 3],
        [{ filter: [{ var: "activities" }] }, "filter", "2", 1],
        [{ map: [[1], 1, 2] }, "map", "2", 3],
        [{ all: [] }, "all", "2", 0],
        [{ some: [[1]] }, "some", "2", 1],
        [{ none: [[1]] }, "none", "2", 1],
        [{ reduce: [[1]] }, "reduce", "2–3", 1],
        [{ var: [] }, "var", "1–2", 0],
        [{ var: ["population", 1, 2] }, "var", "1–2", 3],
      ];
      for (const [expression, op, expected, found] of cases) {
        expect(check(expression).issues).toEqual([
          issue("expr.arity", at(op), { op, expected, found }),
        ]);
      }
    });

    it("accepts one argument written without an array", () => {
      expect(check({ years_since: { var: "$on" } }).issues).toEqual([]);
      expect(check({ round: 2.5 }).issues).toEqual([]);
    });
  });

  describe("shape", () => {
    it("reports objects that are not exactly one operation", () => {
      expect(check({ "+": [1, {}] }).issues).toEqual([
        issue("expr.not_an_expression", at("+", 1), { keys: "{}" }),
      ]);
      expect(check({ var: "population", "+": [1] }).issues).toEqual([
        issue("expr.not_an_expression", at(), { keys: "var, +" }),
      ]);
      expect(check(new Date(0)).issues).toEqual([
        issue("expr.not_json", at(), { found: "[object Date]" }),
      ]);
      expect(check({ "+": [undefined] }).issues).toEqual([
        issue("expr.not_json", at("+", 0), { found: "(undefined)" }),
      ]);
    });

    it("collects every problem, not just the first", () => {
      const expression = {
        and: [
          { var: "nope" },
          { frobnicate: [1] },
          { ratio: [1] },
          { count: [{ var: "activities" }, { var: "population" }] },
          { x: 1, y: 2 },
        ],
      };
      expect(check(expression).issues).toEqual([
        issue("expr.unknown_var", at("and", 0, "var"), { name: "nope", scope: "候选单位数据" }),
        issue("expr.unknown_operation", at("and", 1, "frobnicate"), {
          op: "frobnicate",
          known: KNOWN,
        }),
        issue("expr.arity", at("and", 2, "ratio"), { op: "ratio", expected: "2", found: 1 }),
        issue("expr.unknown_var", at("and", 3, "count", 1, "var"), {
          name: "population",
          scope: "活动台账",
        }),
        issue("expr.not_an_expression", at("and", 4), { keys: "x, y" }),
      ]);
    });
  });

  it("places issues through the locator, from where the expression stands", () => {
    const calls: SourceRef[] = [];
    const recording: Locator = (ref) => {
      calls.push(ref);
      return { file: ref.file, line: 12, column: 7 };
    };
    const result = checkExpression({ var: "nope" }, scope, AT, recording);
    expect(calls).toEqual([{ file: FILE, path: [...AT.path, "var"] }]);
    expect(result.issues).toEqual([
      issue(
        "expr.unknown_var",
        { file: FILE, line: 12, column: 7 },
        { name: "nope", scope: "候选单位数据" },
      ),
    ]);
  });
});

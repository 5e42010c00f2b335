import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkExpression } from "./check-expression.ts";
import type { ExpressionScope } from "./check-expression.ts";
import { compileExpression } from "./compile-expression.ts";
import { evaluateReference } from "./evaluate-reference.ts";

const scope: ExpressionScope = {
  label: "候选单位数据",
  names: new Set(["n1", "n2", "s1", "b1", "d1", "xs", "$on"]),
  lists: new Map([["acts", { label: "活动台账", fields: new Set(["date", "kind", "p"]) }]]),
};

/** Where a generated expression stands: what its `var`s may read. */
type Context = "top" | "rowList" | "rowUnknown" | "reduceList" | "reduceUnknown";

const VAR_NAMES: Readonly<Record<Context, readonly string[]>> = {
  top: ["n1", "n2", "s1", "b1", "d1", "xs", "$on", "acts"],
  rowList: ["date", "kind", "p", ""],
  rowUnknown: [""],
  reduceList: ["current", "accumulator", "current.date", "current.kind", "current.p", ""],
  reduceUnknown: ["current", "accumulator", ""],
};

const DATE_VARS: Readonly<Record<Context, readonly string[]>> = {
  top: ["d1", "$on", "s1"],
  rowList: ["date", ""],
  rowUnknown: [""],
  reduceList: ["current.date", "current"],
  reduceUnknown: ["current"],
};

const dateText = fc.oneof(
  fc.constantFrom(
    "2024-02-29",
    "2023-11-29",
    "2023-11-30",
    "2026-11-29",
    "2025-03-01",
    "2023-02-29",
  ),
  fc
    .date({
      min: new Date("2015-01-01T00:00:00Z"),
      max: new Date("2030-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(0.1, 0.2, 1.005, 2.5, -0.125, -0, 1e21, 0.5),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  fc.constantFrom("", "0", "1", "2.5", "-0", "abc", " 3 ", "1e3", "宣讲", "a.b"),
  dateText,
  fc.boolean(),
  fc.constant(null),
);

// data may also hold what JSON cannot: computed values can be NaN or infinite
const dataValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: scalar, weight: 8 },
  { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity), weight: 1 },
  { arbitrary: fc.array(scalar, { maxLength: 3 }), weight: 1 },
);

const row: fc.Arbitrary<unknown> = fc.oneof(
  {
    arbitrary: fc.record(
      {
        date: fc.oneof(dateText, scalar),
        kind: fc.constantFrom("宣讲", "联谊", "", null, 3),
        p: dataValue,
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
    weight: 8,
  },
  { arbitrary: fc.constantFrom(null, 3, "row"), weight: 1 },
);

const data: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    n1: dataValue,
    n2: dataValue,
    s1: fc.oneof(scalar, dateText),
    b1: fc.oneof(fc.boolean(), scalar),
    d1: fc.oneof(dateText, scalar),
    xs: fc.oneof(fc.array(dataValue, { maxLength: 4 }), scalar),
    acts: fc.oneof(
      { arbitrary: fc.array(row, { maxLength: 5 }), weight: 6 },
      { arbitrary: scalar, weight: 1 },
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
);

const on = fc
  .date({
    min: new Date("2020-01-01T00:00:00Z"),
    max: new Date("2030-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

const literal: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 10 }),
  fc.constantFrom(0, -0, 0.5, 1.005, 2.675, 0.1, NaN, Infinity),
  fc.constantFrom("", "0", "2", "2.5", "abc", "宣讲", "2024-02-29", "a"),
  fc.boolean(),
  fc.constant(null),
);

const ROW_CONTEXT: Readonly<
  Record<Context, { readonly list: Context; readonly unknown: Context }>
> = {
  top: { list: "rowList", unknown: "rowUnknown" },
  rowList: { list: "rowUnknown", unknown: "rowUnknown" },
  rowUnknown: { list: "rowUnknown", unknown: "rowUnknown" },
  reduceList: { list: "rowUnknown", unknown: "rowUnknown" },
  reduceUnknown: { list: "rowUnknown", unknown: "rowUnknown" },
};

const memo = new Map<string, fc.Arbitrary<unknown>>();

function varOf(context: Context, defaults: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const name = fc.constantFrom(...VAR_NAMES[context]);
  return fc.oneof(
    { arbitrary: name.map((path) => ({ var: path })), weight: 4 },
    { arbitrary: name.map((path) => ({ var: [path] })), weight: 1 },
    {
      arbitrary: fc.tuple(name, defaults).map(([path, fallback]) => ({ var: [path, fallback] })),
      weight: 2,
    },
  );
}

function call(op: string, args: fc.Arbitrary<unknown[]>): fc.Arbitrary<unknown> {
  return args.map((values) => ({ [op]: values }));
}

function ops(...names: string[]): fc.Arbitrary<string> {
  return fc.constantFrom(...names);
}

/** Expressions that read only what the context offers, nested `depth` operations deep. */
function expression(context: Context, depth: number): fc.Arbitrary<unknown> {
  const key = `${context}:${depth}`;
  const known = memo.get(key);
  if (known !== undefined) {
    return known;
  }
  // {"and": []} is json-logic-js's only way to make undefined, which some operations test for
  const leaf = fc.oneof(
    { arbitrary: literal, weight: 5 },
    { arbitrary: varOf(context, literal), weight: 5 },
    { arbitrary: fc.constant({ and: [] }), weight: 1 },
  );
  if (depth === 0) {
    memo.set(key, leaf);
    return leaf;
  }
  const sub = expression(context, depth - 1);
  const some = (min: number, max: number) => fc.array(sub, { minLength: min, maxLength: max });
  const dateArg = fc.oneof(
    fc.constantFrom(...DATE_VARS[context]).map((path) => ({ var: path })),
    dateText,
    sub,
  );
  const result = fc.oneof(
    { arbitrary: leaf, weight: 6 },
    {
      arbitrary: fc
        .tuple(ops("==", "===", "!=", "!==", ">", ">=", "<", "<="), some(1, 3))
        .map(([op, args]) => ({ [op]: args })),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(ops("!", "!!"), sub, fc.boolean())
        .map(([op, arg, bare]) => (bare && !Array.isArray(arg) ? { [op]: arg } : { [op]: [arg] })),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(ops("+", "*", "-", "/", "%", "min", "max"), some(0, 3))
        .map(([op, args]) => ({ [op]: args })),
      weight: 4,
    },
    {
      arbitrary: fc.oneof(
        call("cat", some(0, 3)),
        call("substr", some(1, 3)),
        call("in", some(2, 2)),
        call("merge", some(0, 3)),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(ops("if", "?:"), some(0, 7)).map(([op, args]) => ({ [op]: args })),
      weight: 3,
    },
    {
      arbitrary: fc.tuple(ops("and", "or"), some(0, 4)).map(([op, args]) => ({ [op]: args })),
      weight: 3,
    },
    { arbitrary: varOf(context, sub), weight: 1 },
    { arbitrary: some(0, 3), weight: 1 },
    {
      arbitrary: fc.oneof(
        call("ratio", fc.tuple(sub, sub)),
        dateArg.map((date) => ({ years_since: [date] })),
        fc
          .tuple(dateArg, fc.oneof(fc.integer({ min: 0, max: 5 }), sub))
          .map((args) => ({ within_years: args })),
        sub.map((value) => ({ round: [value] })),
        // literal digits that are no whole number are refused by the checker; computed ones throw
        fc
          .tuple(
            sub,
            fc.oneof(
              { arbitrary: fc.integer({ min: -1, max: 3 }), weight: 5 },
              {
                arbitrary: sub.filter(
                  (digits) =>
                    !["number", "string"].includes(typeof digits) ||
                    Number.isInteger(Number(digits)),
                ),
                weight: 1,
              },
            ),
          )
          .map((args) => ({ round: args })),
      ),
      weight: 3,
    },
    { arbitrary: iteration(context, depth), weight: 4 },
  );
  memo.set(key, result);
  return result;
}

function iteration(context: Context, depth: number): fc.Arbitrary<unknown> {
  const rows = ROW_CONTEXT[context];
  const listBody = expression(rows.list, depth - 1);
  const unknownBody = expression(rows.unknown, depth - 1);
  const reduceList: Context = context === "top" ? "reduceList" : "reduceUnknown";
  const listed: fc.Arbitrary<unknown>[] =
    context === "top"
      ? [
          fc.constant({ var: "acts" }),
          fc.constant({ var: ["acts", []] }),
          expression("rowList", depth - 1).map((condition) => ({
            filter: [{ var: "acts" }, condition],
          })),
        ]
      : [];
  // an iterated value whose rows are not a list's: anything but a literal that is not an array
  const other = expression(context, depth - 1).filter(
    (value) => typeof value === "object" && value !== null,
  );
  const outer = expression(context, depth - 1);
  const withBody = (
    list: fc.Arbitrary<unknown>,
    body: fc.Arbitrary<unknown>,
    reduceBody: fc.Arbitrary<unknown>,
  ) =>
    fc.oneof(
      {
        arbitrary: fc
          .tuple(ops("filter", "map", "all", "some", "none", "count", "sum"), list, body)
          .map(([op, values, each]) => ({ [op]: [values, each] })),
        weight: 5,
      },
      { arbitrary: list.map((values) => ({ count: [values] })), weight: 1 },
      {
        arbitrary: fc.tuple(list, reduceBody).map(([values, step]) => ({ reduce: [values, step] })),
        weight: 1,
      },
      {
        arbitrary: fc
          .tuple(list, reduceBody, outer)
          .map(([values, step, initial]) => ({ reduce: [values, step, initial] })),
        weight: 1,
      },
    );
  const choices = [withBody(other, unknownBody, expression("reduceUnknown", depth - 1))];
  if (listed.length > 0) {
    choices.push(withBody(fc.oneof(...listed), listBody, expression(reduceList, depth - 1)));
  }
  return fc.oneof(...choices);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function same(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) {
    return true;
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((value, index) => same(value, right[index]));
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && same(left[key], right[key]))
    );
  }
  return false;
}

type Outcome = { readonly threw: false; readonly value: unknown } | { readonly threw: true };

function outcome(run: () => unknown): Outcome {
  try {
    return { threw: false, value: run() };
  } catch {
    return { threw: true };
  }
}

const locate = (ref: { file: string; path: readonly (string | number)[] }) => ({
  file: ref.file,
  path: ref.path.join("/"),
});

describe("compiled expressions", () => {
  it("give what json-logic-js gives, on random checked expressions and data", () => {
    const where = { file: "property.yaml", path: [] };
    fc.assert(
      fc.property(expression("top", 4), data, on, (generated, candidate, date) => {
        expect(checkExpression(generated, scope, where, locate).issues).toEqual([]);
        const compiled = outcome(() => compileExpression(generated)(candidate, date));
        const reference = outcome(() => evaluateReference(generated, candidate, date));
        if (compiled.threw || reference.threw) {
          expect(compiled.threw).toBe(reference.threw);
          return;
        }
        if (!same(compiled.value, reference.value)) {
          expect.fail(
            `compiled ${String(compiled.value)} but json-logic-js ${String(reference.value)}`,
          );
        }
      }),
      { numRuns: 5000 },
    );
  });
});

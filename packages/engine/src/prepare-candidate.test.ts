import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Candidate } from "./candidate.ts";
import { compileDataShape } from "./compile-data-shape.ts";
import { loadRuleLibrary } from "./load-rule-library.ts";
import {
  checkFieldValue,
  INVALID_VALUE,
  prepareCandidate,
  readFieldValue,
} from "./prepare-candidate.ts";
import type { FieldSpec, RuleSet } from "./rule-set.ts";

const SOURCE = { file: "rules/county/village.yaml", path: [] };
const PLACE = { file: "candidates.json", path: "candidates[0].data.x" };

const spec: fc.Arbitrary<FieldSpec> = fc.oneof(
  fc.record(
    {
      label: fc.constant("数"),
      type: fc.constantFrom("integer" as const, "number" as const, "ratio" as const),
      min: fc.option(fc.constantFrom(-1, 0, 0.5, 10), { nil: undefined }),
      max: fc.option(fc.constantFrom(0.8, 1, 100), { nil: undefined }),
      source: fc.constant(SOURCE),
    },
    { requiredKeys: ["label", "type", "source"] },
  ),
  fc.record({
    label: fc.constant("项"),
    type: fc.constantFrom("boolean" as const, "string" as const, "date" as const),
    source: fc.constant(SOURCE),
  }),
  fc.record({
    label: fc.constant("类"),
    type: fc.constant("enum" as const),
    values: fc.constant(["农区", "牧区", " 城镇"]),
    source: fc.constant(SOURCE),
  }),
);

const value = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 200 }),
  fc.constantFrom(0.5, 1, 1.5, -0, NaN, Infinity),
  fc.constantFrom("62%", " 62.5 % ", "-3%", "150%", "1e2", "", " ", "12", "农区", " 牧区 ", "城镇"),
  fc.constantFrom("2024-02-29", "2023-02-29", " 2026-11-29 ", "2026-1-9", "today"),
  fc.boolean(),
  fc.constantFrom(null, undefined, [], {}, [1]),
  fc.string(),
);

describe("readFieldValue", () => {
  it("accepts exactly what checkFieldValue accepts, as the same value", () => {
    fc.assert(
      fc.property(spec, value, (field, raw) => {
        const checked = checkFieldValue(raw, field, PLACE);
        const read = readFieldValue(raw, field);
        expect(read === INVALID_VALUE).toBe(checked.issue !== undefined);
        if (checked.issue === undefined) {
          expect(Object.is(read, checked.value)).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

const TABLE = `format: ceping/1
id: county.village
title: 县级示范村测评表
level: county
appliesTo: [village]
version: "1"
scale: { base: 2, bonus: 0 }
fields:
  people: { label: 人口, type: integer, min: 0, required: true }
  share: { label: 占比, type: ratio }
  note: { label: 备注, type: string }
lists:
  activities:
    label: 活动台账
    fields:
      date: { label: 日期, type: date, required: true }
      kind: { label: 类别, type: enum, values: [宣讲, 联谊] }
categories:
  - id: one
    title: 一
    max: 2
    indicators:
      - { id: share, title: 占比, max: 1, points: { "var": "share" } }
      - { id: many, title: 活动, max: 1, count: { value: { "count": [{ "var": "activities" }] }, each: 0.5 } }
award: { threshold: 1, nearMiss: 0 }
`;

function table() {
  const loaded = loadRuleLibrary([
    {
      file: "rules/county/level.yaml",
      text: "level: county\nvalidity: { years: 3, renewal: zero_base }\n",
    },
    { file: "rules/county/village.yaml", text: TABLE },
  ]);
  expect(loaded.issues).toEqual([]);
  const compiled = loaded.library?.ruleSets.get("county.village");
  if (compiled === undefined) {
    throw new Error("the table did not load");
  }
  return compiled;
}

function candidate(data: Record<string, unknown>): Candidate {
  return {
    id: "C1",
    name: "村",
    unitType: "village",
    data,
    titles: [],
    scores: {},
    place: { file: "candidates.json", path: "candidates[0]" },
  };
}

describe("prepareCandidate", () => {
  const compiled = table();

  it("gives every candidate's data the table's names in order, a blank or wrong value undefined", () => {
    const complete = prepareCandidate(
      candidate({
        people: 12,
        share: "50%",
        note: 7,
        activities: [{ date: " 2026-01-02 ", kind: "宣讲" }],
      }),
      compiled,
    );
    expect(complete.issues).toEqual([]);
    expect(Object.entries(complete.prepared.data)).toEqual([
      ["people", 12],
      ["share", 0.5],
      ["note", "7"],
      ["activities", [{ date: "2026-01-02", kind: "宣讲" }]],
    ]);
    expect(complete.prepared.isComplete).toBe(true);

    const partial = prepareCandidate(
      candidate({ people: "many", activities: [{ date: "2026-01-02" }, 3] }),
      compiled,
    );
    expect(Object.keys(partial.prepared.data)).toEqual(["people", "share", "note", "activities"]);
    expect(partial.prepared.data.people).toBe(undefined);
    expect(partial.prepared.data.activities).toEqual([
      { date: "2026-01-02", kind: undefined },
      { date: undefined, kind: undefined },
    ]);
    expect(partial.issues.map((issue) => [issue.code, issue.place.path])).toEqual([
      ["data.integer", "candidates[0].data.people"],
      ["data.row", "candidates[0].data.activities[1]"],
    ]);
    expect(partial.prepared.missing).toEqual(["share"]);
    expect(partial.prepared.isComplete).toBe(false);
  });

  it("is not complete while a field the table reads is missing", () => {
    const { prepared, issues } = prepareCandidate(candidate({ people: 3 }), compiled);
    expect(issues).toEqual([]);
    expect(prepared.missing).toEqual(["share"]);
    expect(prepared.isComplete).toBe(false);
  });
});

describe("compileDataShape", () => {
  const ruleSet = (names: readonly string[]): RuleSet =>
    ({
      fields: Object.fromEntries(names.map((name) => [name, { label: name, type: "number" }])),
      lists: {},
    }) as unknown as RuleSet;

  it("generates a factory only for plain names, and otherwise leaves blank values out", () => {
    expect(compileDataShape(ruleSet(["population", "share_2"])).isFixed).toBe(true);
    for (const name of ["__proto__", "constructor", "a-b", "0", "Population", "toString"]) {
      const shape = compileDataShape(ruleSet(["population", name]));
      expect(shape.isFixed).toBe(false);
      const data = shape.createData(
        shape.fields.map(([field]) => (field === name ? undefined : 1)),
      );
      expect(Object.keys(data)).toEqual(["population"]);
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    }
  });
});

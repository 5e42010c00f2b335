import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Candidate, Title } from "./candidate.ts";
import { centsOf } from "./compile-scorer.ts";
import { loadRuleLibrary } from "./load-rule-library.ts";
import type { RuleLibrary } from "./load-rule-library.ts";
import { toCents } from "./points.ts";
import { prepareCandidate } from "./prepare-candidate.ts";
import { scoreCandidate } from "./score-candidate.ts";
import type { LevelScore, ScoreOptions } from "./score-candidate.ts";
import type { Level } from "./vocabulary.ts";

const LEVEL = `level: county\nvalidity: { years: 3, renewal: zero_base }\n`;

// every scoring kind, and the expressions the generated scorer treats specially: typed reads,
// `in` a literal list, ratio, within_years with literal and computed years, passes over lists
// (count, sum, some, all, none, sum and count over a filter), reduce, map, merge, defaults
const TABLE = `format: ceping/1
id: county.village
title: 县级示范村测评表（生成的计分函数对照用）
level: county
appliesTo: [village]
version: "1"
scale: { base: 32, bonus: 3 }
missing: zero
fields:
  households: { label: 户数, type: integer, min: 1, required: true }
  people: { label: 人口, type: integer, min: 0 }
  share: { label: 占比, type: ratio }
  budget: { label: 经费, type: number }
  group: { label: 领导小组, type: boolean }
  plan: { label: 计划, type: boolean }
  since: { label: 成立日期, type: date }
  planned: { label: 计划日期, type: date }
  area: { label: 类别, type: enum, values: [农区, 牧区, 城镇] }
  note: { label: 备注, type: string }
  years: { label: 年限, type: number }
lists:
  activities:
    label: 活动台账
    fields:
      date: { label: 日期, type: date, required: true }
      kind: { label: 类别, type: enum, values: [宣讲, 联谊, "引号\\"'\`\${x}"] }
      people: { label: 人数, type: integer, min: 0 }
      day: { label: 补记日期, type: date }
  incidents:
    label: 事件
    fields:
      date: { label: 日期, type: date }
      kind: { label: 类别, type: enum, values: [群体性事件, 其他], required: true }
      resolved: { label: 已处置, type: boolean }
computed:
  rate: { "ratio": [{ "var": "people" }, { "var": "households" }] }
  insured: { "round": [{ "/": [{ "+": [{ "var": "share" }, { "var": "budget" }] }, 3] }, 2] }
  recent: { "sum": [{ "filter": [{ "var": "activities" }, { "within_years": [{ "var": "date" }, 1] }] }, { "var": "people" }] }
  recent_count: { "count": [{ "filter": [{ "var": "activities" }, { "within_years": [{ "var": "day" }, 2.5] }] }, { "var": "kind" }] }
  reach: { "ratio": [{ "var": "recent" }, { "var": "people" }] }
  tenure: { "years_since": [{ "var": "since" }] }
  kinds: { "merge": [{ "map": [{ "var": "activities" }, { "var": ["kind", "无"] }] }, ["末"]] }
  total_people: { "reduce": [{ "var": "activities" }, { "+": [{ "var": "accumulator" }, { "var": ["current.people", 0] }] }, 0] }
categories:
  - id: one
    title: 一
    max: 12
    indicators:
      - { id: lead, title: 领导, max: 3, judged: { step: 0.5 } }
      - id: mechanisms
        title: 机制
        max: 3
        checklist:
          - { id: group, label: 小组, points: 1.5, field: group }
          - { id: plan, label: 计划, points: 0.5, field: plan }
          - { id: both, label: 都有, points: 0.25, when: { "and": [{ "var": "group" }, { "var": "plan" }] } }
          - { id: area, label: 牧区农区, points: 0.75, when: { "in": [{ "var": "area" }, ["农区", "牧区"]] } }
          - { id: talk, label: 宣讲, points: 0.15, when: { "some": [{ "var": "activities" }, { "in": [{ "var": "kind" }, ["宣讲", "引号\\"'\`\${x}"]] }] } }
      - id: tenure
        title: 年限
        max: 2
        bands: { value: { "var": "tenure" }, steps: [{ min: 5, points: 2 }, { min: 3, points: 1.5 }, { min: 0.5, points: 1 }] }
      - id: rate
        title: 比例
        max: 2
        linear: { value: { "var": "rate" }, zeroAt: 0.6, fullAt: 0.95 }
      - id: activity
        title: 活动
        max: 2
        count: { value: { "count": [{ "var": "activities" }, { "and": [{ "==": [{ "var": "kind" }, "宣讲"] }, { "within_years": [{ "var": "date" }, "1"] }] }] }, each: 0.35 }
  - id: two
    title: 二
    max: 8
    indicators:
      - id: disputes
        title: 事件
        max: 3
        deduct:
          items:
            - { label: 近两年事件, each: 1.25, count: { "count": [{ "var": "incidents" }, { "within_years": [{ "var": "date" }, 2] }] } }
            - { label: 未处置, each: 0.5, count: { "count": [{ "var": "incidents" }, { "!": { "var": ["resolved", false] } }] } }
            - { label: 按年限, each: 0.1, count: { "count": [{ "var": "incidents" }, { "within_years": [{ "var": "date" }, { "if": [{ "var": "resolved" }, 1, "2"] }] }] } }
      - id: plan_current
        title: 计划
        max: 2
        points: { "if": [{ "within_years": [{ "var": "planned" }, 1] }, 2, { "within_years": [{ "var": "planned" }, 0] }, 9, 0.5] }
      - id: insured
        title: 保障
        max: 3
        points: { "*": [{ "var": "insured" }, 2] }
  - id: three
    title: 三
    max: 12
    indicators:
      - { id: turnout, title: 人数, max: 1, points: { "min": [1, { "/": [{ "var": "total_people" }, 1000] }] } }
      - { id: resolved, title: 处置, max: 1, points: { "if": [{ "all": [{ "var": "incidents" }, { "var": "resolved" }] }, 0.125, 0] } }
      - { id: quiet, title: 平静, max: 1, points: { "if": [{ "none": [{ "var": "activities" }, { "within_years": [{ "var": "date" }, 3] }] }, 0.5, 0] } }
      - { id: reach, title: 覆盖, max: 1, points: { "if": [{ "<": [0, { "var": "reach" }, 0.5] }, 0.005, 0] } }
      - { id: kinds, title: 类别, max: 1, points: { "if": [{ "in": ["末", { "var": "kinds" }] }, 0.01, 0] } }
      - { id: recent, title: 近期, max: 1, points: { "%": [{ "var": "recent_count" }, 2] } }
      - { id: note, title: 备注, max: 1, points: { "if": [{ "==": [{ "cat": [{ "var": "note" }, "!"] }, "好!"] }, 0.3, 0] } }
      - { id: budget, title: 经费, max: 1, points: { "-": [{ "var": ["budget", 0] }] } }
      - { id: since, title: 年限内, max: 1, points: { "if": [{ "within_years": [{ "var": "since" }, { "var": "years" }] }, 0.02, 0] } }
      - { id: nobody, title: 无人, max: 1, points: { "if": [{ "===": [{ "ratio": [{ "var": "households" }, { "var": "people" }] }, null] }, 0.05, 0.01] } }
      - { id: ancient, title: 久远, max: 1, points: { "if": [{ "within_years": [{ "var": "since" }, 3000] }, 0.04, 0] } }
      - { id: every, title: 每项, max: 1, points: { "sum": [{ "var": "activities" }, { "if": [{ "within_years": [{ "var": "day" }, 2] }, 0.0125, 0] }] } }
bonus:
  - { id: innovation, title: 创新, max: 2, judged: { step: 0.5 } }
  - id: reports
    title: 报道
    max: 2
    count: { value: { "var": "recent" }, each: 0.015 }
vetoes:
  - id: incident
    title: 群体性事件
    when: { "some": [{ "var": "incidents" }, { "and": [{ "==": [{ "var": "kind" }, "群体性事件"] }, { "within_years": [{ "var": "date" }, 3] }] }] }
  - id: discipline
    title: 违纪
    raisedBy: panel
award:
  threshold: 12
  nearMiss: 1.5
  requires:
    - title: { level: county, minYears: 1 }
    - when: { ">=": [{ "var": "rate" }, 0.5] }
      message: 比例不低于一半
`;

function library(): RuleLibrary {
  const loaded = loadRuleLibrary([
    { file: "rules/county/level.yaml", text: LEVEL },
    { file: "rules/county/village.yaml", text: TABLE },
  ]);
  expect(loaded.issues).toEqual([]);
  return loaded.library as RuleLibrary;
}

const dayText = (offset: number): string =>
  new Date(Date.UTC(2024, 1, 29) + offset * 86_400_000).toISOString().slice(0, 10);

// days around 29 February 2024 and the years after it, where within_years has its edges
const date = fc.oneof(
  fc.integer({ min: -1500, max: 1900 }).map(dayText),
  fc.constantFrom("2023-02-28", "2025-02-28", "2025-03-01", "2027-02-28", "2028-02-29"),
);
// complete data mostly; now and then a blank or wrong value, which both paths must score alike
const blankOr = <T>(value: fc.Arbitrary<T>, noisy: boolean) =>
  noisy ? fc.oneof(value, fc.constantFrom(null, "")) : value;
const wrongOr = <T>(value: fc.Arbitrary<T>, noisy: boolean) =>
  noisy ? fc.oneof(value, fc.constantFrom("x", -3, true)) : value;

function candidateData(noisy: boolean) {
  const activity = fc.record(
    {
      date: wrongOr(date, noisy),
      kind: fc.constantFrom("宣讲", "联谊", "引号\"'`${x}", null),
      people: fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(null)),
      day: fc.oneof(date, fc.constant("")),
    },
    { requiredKeys: ["date"], noNullPrototype: true },
  );
  const incident = fc.record(
    {
      date: fc.oneof(date, fc.constant(null)),
      kind: fc.constantFrom("群体性事件", "其他"),
      resolved: fc.oneof(fc.boolean(), fc.constant(null)),
    },
    { requiredKeys: ["kind"], noNullPrototype: true },
  );
  return fc.record(
    {
      households: wrongOr(fc.integer({ min: 1, max: 5000 }), noisy),
      people: blankOr(fc.oneof(fc.integer({ min: 0, max: 9000 }), fc.constant(0)), noisy),
      share: blankOr(
        fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant("62.5%")),
        noisy,
      ),
      budget: blankOr(
        fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constantFrom(0.005, 1.005)),
        noisy,
      ),
      group: blankOr(fc.boolean(), noisy),
      plan: wrongOr(fc.boolean(), noisy),
      since: blankOr(date, noisy),
      planned: blankOr(date, noisy),
      area: blankOr(fc.constantFrom("农区", "牧区", "城镇"), noisy),
      note: fc.constantFrom("好", "差", ""),
      years: blankOr(fc.constantFrom(0, 1, 2.5, 3, -1), noisy),
      activities: fc.array(activity, { maxLength: 6 }),
      incidents: fc.array(incident, { maxLength: 4 }),
    },
    { noNullPrototype: true },
  );
}

const data = fc.oneof(
  { arbitrary: candidateData(false), weight: 3 },
  { arbitrary: candidateData(true), weight: 1 },
);

const step = fc.integer({ min: 0, max: 6 }).map((half) => half / 2);
const reviewers = fc.dictionary(
  fc.constantFrom("甲", "乙", "丙", "丁", "戊"),
  fc.record(
    {
      lead: step.map((points) => Math.min(points, 3)),
      innovation: step.map((points) => Math.min(points, 2)),
    },
    { requiredKeys: [] },
  ),
  { maxKeys: 5 },
);
const panel = fc.option(
  fc.record(
    { lead: fc.double({ min: -1, max: 4, noNaN: true }), innovation: step },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const titles: fc.Arbitrary<Title[]> = fc.array(
  fc.record({
    level: fc.constantFrom<Level>("county", "prefecture"),
    awarded: date,
    revoked: fc.boolean(),
  }),
  { maxLength: 2 },
);
const on = fc.constantFrom("2026-11-29", "2025-02-28", "2028-02-29", "2027-03-01", "2024-02-29");

const scoredCase = fc.record({
  data,
  scores: reviewers,
  panel,
  titles,
  on,
  raised: fc.option(fc.constantFrom(["discipline"], ["incident"], []), { nil: undefined }),
  scoredAs: fc.option(fc.constant("village" as const), { nil: undefined }),
});

/** A level score as a plain value, every number compared with Object.is (so -0 is not 0). */
function plain(score: LevelScore): unknown {
  // the traces are the traced path's own, and the table is the same object in both
  const rest = Object.fromEntries(
    Object.entries(score).filter(([key]) => key !== "traces" && key !== "compiled"),
  );
  return JSON.parse(
    JSON.stringify(rest, (_, value: unknown) =>
      typeof value === "number" ? (Object.is(value, -0) ? "-0" : String(value)) : value,
    ),
  ) as unknown;
}

describe("the generated scorer of a whole table", () => {
  const compiled = library().ruleSets.get("county.village");

  it("exists for a table of plain names", () => {
    expect(compiled?.scorer).toBeDefined();
  });

  it("gives what the traced path gives, on random candidates, dates and panels", () => {
    let complete = 0;
    fc.assert(
      fc.property(scoredCase, (generated) => {
        if (compiled === undefined) {
          throw new Error("the table did not load");
        }
        const candidate: Candidate = {
          id: "C1",
          name: "村",
          unitType: "village",
          data: generated.data,
          titles: generated.titles,
          scores: generated.scores,
          place: { file: "candidates.json" },
        };
        const { prepared } = prepareCandidate(candidate, compiled);
        const options: ScoreOptions = {
          on: generated.on,
          ...(generated.panel && { panel: generated.panel }),
          ...(generated.raised && { raisedVetoes: generated.raised }),
          ...(generated.scoredAs && { scoredAs: generated.scoredAs }),
        };
        const fast = scoreCandidate(prepared, options);
        const traced = scoreCandidate(prepared, { ...options, explain: true });
        expect(plain(fast)).toStrictEqual(plain(traced));
        if (prepared.isComplete) {
          complete += 1;
        }
      }),
      { numRuns: 3000 },
    );
    // most runs must exercise the generated scorer, not compare the traced path with itself
    expect(complete).toBeGreaterThan(1000);
  });

  it("writes rule text into its source only as JSON string literals", () => {
    const source = compiled?.scorer?.run.toString() ?? "";
    expect(source).toContain(JSON.stringify("引号\"'`${x}"));
    expect(source.split(JSON.stringify("引号\"'`${x}")).join("")).not.toContain("引号");
  });
});

describe("centsOf", () => {
  it("is toCents for every number", () => {
    const near = fc
      .tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -40, max: 40 }))
      .map(([whole, ulps]) => {
        // the doubles around a half hundredth, where the decimal written decides
        const half = (whole + 0.5) / 100;
        return half + ulps * Number.EPSILON * half;
      });
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      near,
      near.map((x) => -x),
      fc.constantFrom(
        0,
        -0,
        1.005,
        -1.005,
        2.675,
        0.125,
        1e7,
        1e7 + 0.005,
        Infinity,
        -Infinity,
        NaN,
      ),
    );
    fc.assert(
      fc.property(value, (x) => {
        expect(Object.is(centsOf(x), toCents(x))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

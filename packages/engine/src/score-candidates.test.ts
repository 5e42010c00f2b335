import { describe, expect, it } from "vitest";
import { loadRuleLibrary } from "./load-rule-library.ts";
import type { RuleLibrary } from "./load-rule-library.ts";
import { formatMessage } from "./messages.ts";
import { readCandidates } from "./read-candidates.ts";
import { resultsToJson } from "./results-to-json.ts";
import { scoreCandidates } from "./score-candidates.ts";

const LEVELS = {
  "rules/county/level.yaml": `level: county\nvalidity: { years: 3, renewal: zero_base }\n`,
  "rules/prefecture/level.yaml": `level: prefecture
validity: { years: 3, renewal: zero_base }
fallback: { hospital: village }
`,
};

// one table with every scoring kind, small numbers so that each expectation can be checked by hand
const TABLE = `format: ceping/1
id: prefecture.village
title: 州级示范村测评表
level: prefecture
appliesTo: [village]
version: "2026.1"
scale: { base: 20, bonus: 2 }
fields:
  surveyed: { label: 样本数, type: integer, min: 0, required: true }
  satisfied: { label: 满意人数, type: integer, min: 0 }
  awareness: { label: 政策知晓率, type: ratio }
  group: { label: 成立领导小组, type: boolean }
  extra: { label: 附加分, type: number }
  disputes: { label: 未调处纠纷, type: integer, min: 0 }
lists:
  activities:
    label: 活动台账
    fields:
      date: { label: 日期, type: date, required: true }
  incidents:
    label: 事件记录
    fields:
      date: { label: 日期, type: date, required: true }
      kind: { label: 类别, type: enum, values: [民族因素群体性事件, 其他] }
computed:
  rate: { "ratio": [ { "var": "satisfied" }, { "var": "surveyed" } ] }
categories:
  - id: leadership
    title: 组织领导
    max: 8
    indicators:
      - id: lead
        title: 领导小组
        max: 5
        judged: { step: 0.5 }
      - id: mechanisms
        title: 工作机制
        max: 3
        checklist:
          - { id: group, label: 领导小组, points: 0.1, field: group }
          - { id: many, label: 活动多, points: 0.2, when: { ">=": [ { "count": [ { "var": "activities" } ] }, 1 ] } }
          - { id: aware, label: 知晓, points: 2.7, when: { ">=": [ { "var": "awareness" }, 0.9 ] } }
  - id: results
    title: 创建成效
    max: 12
    indicators:
      - id: satisfaction
        title: 群众满意度
        max: 3
        bands: { value: { "var": "rate" }, steps: [ { min: 0.95, points: 3 }, { min: 0.9, points: 2 } ] }
      - id: activity
        title: 活动开展
        max: 3
        count: { value: { "count": [ { "var": "activities" }, { "within_years": [ { "var": "date" }, 1 ] } ] }, each: 0.5 }
      - id: awareness_score
        title: 政策知晓
        max: 2
        linear: { value: { "var": "awareness" }, zeroAt: 0.6, fullAt: 0.95 }
      - id: mediation
        title: 矛盾调处
        max: 2
        deduct: { items: [ { label: 未调处纠纷, each: 0.5, count: { "var": "disputes" } } ] }
      - id: other
        title: 其他
        max: 2
        points: { "var": "extra" }
bonus:
  - id: innovation
    title: 特色创新
    max: 3
    points: { "var": "extra" }
vetoes:
  - id: mass_incident
    title: 发生涉及民族因素的群体性事件
    when: { "some": [ { "var": "incidents" }, { "and": [ { "==": [ { "var": "kind" }, "民族因素群体性事件" ] }, { "within_years": [ { "var": "date" }, 3 ] } ] } ] }
  - id: discipline
    title: 领导班子成员严重违纪违法
    raisedBy: panel
award:
  threshold: 15
  nearMiss: 1
  requires:
    - title: { level: county, minYears: 1 }
    - when: { ">=": [ { "var": "rate" }, 0.8 ] }
      message: 群众满意度不低于80%
`;

function library(table = TABLE): RuleLibrary {
  const sources = [
    ...Object.entries(LEVELS).map(([file, text]) => ({ file, text })),
    { file: "rules/prefecture/village.yaml", text: table },
  ];
  const loaded = loadRuleLibrary(sources);
  expect(loaded.issues).toEqual([]);
  return loaded.library as RuleLibrary;
}

const FULL = {
  surveyed: 100,
  satisfied: 95,
  awareness: 0.95,
  group: true,
  extra: 1,
  disputes: 1,
  activities: [{ date: "2026-03-02" }, { date: "2025-11-30" }, { date: "2025-11-29" }],
  incidents: [],
};
const COUNTY_TITLE = [{ level: "county", awarded: "2024-06-01", revoked: false }];
const PANEL = { 甲: { lead: 5 }, 乙: { lead: 4.5 }, 丙: { lead: 4 } };

function score(
  candidate: Record<string, unknown>,
  options: { on?: string; raisedVetoes?: Map<string, string[]>; table?: string } = {},
) {
  const text = JSON.stringify({
    candidates: [
      {
        id: "T1",
        name: "测试村",
        unitType: "village",
        titles: COUNTY_TITLE,
        scores: PANEL,
        ...candidate,
      },
    ],
  });
  const read = readCandidates({ file: "candidates.json", text });
  expect(read.issues).toEqual([]);
  const result = scoreCandidates(library(options.table), read.candidates, {
    on: options.on ?? "2026-11-29",
    ...(options.raisedVetoes && { raisedVetoes: options.raisedVetoes }),
  });
  expect(result.issues).toEqual([]);
  const json = resultsToJson(result.results, options.on ?? "2026-11-29");
  return (json.candidates as { levels: Record<string, unknown>[] }[])[0]?.levels[0] as Record<
    string,
    unknown
  >;
}

describe("scoreCandidates", () => {
  it("scores every kind exactly and adds in hundredths", () => {
    const result = score({ data: FULL });
    expect(result).toMatchObject({
      status: "eligible",
      indicators: {
        lead: 4.5,
        mechanisms: 3,
        satisfaction: 3,
        activity: 1,
        awareness_score: 2,
        mediation: 1.5,
        other: 1,
        innovation: 1,
      },
      categories: { leadership: 7.5, results: 8.5 },
      base: 16,
      bonus: 1,
      total: 17,
      vetoes: [],
      missing: [],
      reasons: [],
      nearMiss: false,
    });
  });

  it("adds 0.1 + 0.2 as 0.3, not 0.30000000000000004", () => {
    const result = score({ data: { ...FULL, awareness: 0.6 } });
    expect((result.indicators as Record<string, number>).mechanisms).toBe(0.3);
    expect(result.total).toBe(12.3);
  });

  it("compares a ratio as computed: 0.895 is below the 0.9 band, 0.9 exactly is in it", () => {
    const below = score({ data: { ...FULL, surveyed: 200, satisfied: 179 } });
    expect((below.indicators as Record<string, number>).satisfaction).toBe(0);
    const at = score({ data: { ...FULL, surveyed: 30, satisfied: 27 } });
    expect((at.indicators as Record<string, number>).satisfaction).toBe(2);
  });

  it("rounds points half up at .xx5 and clamps to the maximum", () => {
    expect(
      (score({ data: { ...FULL, extra: 1.005 } }).indicators as Record<string, number>).other,
    ).toBe(1.01);
    expect(
      (score({ data: { ...FULL, extra: 2.675 } }).indicators as Record<string, number>).innovation,
    ).toBe(2.68);
    expect(
      (score({ data: { ...FULL, extra: 1.995 } }).indicators as Record<string, number>).other,
    ).toBe(2);
    expect(
      (score({ data: { ...FULL, extra: 9 } }).indicators as Record<string, number>).other,
    ).toBe(2);
  });

  it("caps the bonus at scale.bonus", () => {
    const result = score({ data: { ...FULL, extra: 3 } });
    expect(result).toMatchObject({ bonus: 2, base: 17, total: 19 });
  });

  it("never lets 14.99 pass 15, and lets 15 exactly pass", () => {
    // awareness 0.94825 scores 2 × 0.34825 / 0.35 = 1.99 on the line: 7.5 + 7.49 + 0 bonus
    const under = score({ data: { ...FULL, awareness: 0.94825, extra: 0 } });
    expect(under).toMatchObject({ total: 14.99, status: "below_threshold", nearMiss: true });
    expect(under.reasons).toEqual(["总分14.99，距测评标准15.00分仅差0.01分"]);
    const at = score({ data: { ...FULL, extra: 0 } });
    expect(at).toMatchObject({ total: 15, status: "eligible", nearMiss: false, reasons: [] });
  });

  it("counts rows within n years: a date exactly n years back is outside", () => {
    const result = score({
      data: { ...FULL, activities: [{ date: "2025-11-29" }, { date: "2025-11-30" }] },
    });
    expect((result.indicators as Record<string, number>).activity).toBe(0.5);
  });

  it("vetoes whatever the score, still showing the score, and lists every reason", () => {
    const result = score(
      {
        data: { ...FULL, incidents: [{ date: "2023-11-30", kind: "民族因素群体性事件" }] },
        titles: [],
      },
      { raisedVetoes: new Map([["T1", ["discipline"]]]) },
    );
    expect(result).toMatchObject({
      status: "vetoed",
      total: 17,
      vetoes: ["mass_incident", "discipline"],
    });
    expect(result.reasons).toEqual([
      "一票否决：发生涉及民族因素的群体性事件",
      "一票否决：领导班子成员严重违纪违法",
      "未获得县级命名（须获命名满1年且在有效期内）",
    ]);
  });

  it("lets an incident exactly three years back pass the veto", () => {
    const result = score({
      data: { ...FULL, incidents: [{ date: "2023-11-29", kind: "民族因素群体性事件" }] },
    });
    expect(result.vetoes).toEqual([]);
  });

  it("holds a lower title back when it is too recent, expired or revoked", () => {
    const reasons = (titles: unknown[]) => score({ data: FULL, titles }).reasons;
    expect(reasons([{ level: "county", awarded: "2025-11-30", revoked: false }])).toEqual([
      "县级命名于2025-11-30，已满0年，须满1年",
    ]);
    expect(reasons([{ level: "county", awarded: "2025-11-29", revoked: false }])).toEqual([]);
    expect(reasons([{ level: "county", awarded: "2023-11-29", revoked: false }])).toEqual([
      "县级命名（2023-11-29）已于2026-11-29期满，须重新测评命名",
    ]);
    expect(reasons([{ level: "county", awarded: "2023-11-30", revoked: false }])).toEqual([]);
    expect(reasons([{ level: "county", awarded: "2024-06-01", revoked: true }])).toEqual([
      "县级命名（2024-06-01）已被撤销",
    ]);
    expect(score({ data: FULL, titles: [] }).status).toBe("precondition_failed");
  });

  it("fails a `when` requirement with the author's message", () => {
    const result = score({ data: { ...FULL, satisfied: 79 } });
    expect(result).toMatchObject({
      status: "precondition_failed",
      total: 14,
      reasons: ["不符合申报条件：群众满意度不低于80%", "总分14.00，距测评标准15.00分仅差1.00分"],
    });
  });

  it("blocks on missing data, scoring what depends on it 0", () => {
    const result = score({ data: { ...FULL, satisfied: null, awareness: undefined } });
    expect(result).toMatchObject({
      status: "incomplete",
      missing: ["satisfied", "awareness"],
      indicators: { satisfaction: 0, awareness_score: 0, mechanisms: 0.3 },
    });
    expect(result.reasons).toEqual([
      "资料不全，缺少：满意人数(satisfied)、政策知晓率(awareness)",
      "不符合申报条件：群众满意度不低于80%",
    ]);
  });

  it("with missing: zero, scores a missing value 0 and decides on the rest", () => {
    const result = score(
      { data: { ...FULL, disputes: undefined } },
      { table: `${TABLE}missing: zero\n` },
    );
    expect(result).toMatchObject({ status: "eligible", missing: ["disputes"], total: 15.5 });
    const required = score(
      { data: { ...FULL, surveyed: undefined } },
      { table: `${TABLE}missing: zero\n` },
    );
    expect(required.status).toBe("incomplete");
  });

  it("waits for the panel while fewer than three reviewers have scored", () => {
    const result = score({ data: FULL, scores: { 甲: { lead: 5 }, 乙: { lead: 4 } } });
    expect(result).toMatchObject({
      status: "pending_panel",
      pending: ["lead"],
      indicators: { lead: 0 },
    });
    expect(result.reasons).toEqual(["1项评审指标评分人数不足3人：lead"]);
  });

  it("trims the highest and lowest score from five reviewers on", () => {
    const scores = Object.fromEntries(
      [5, 4.5, 4, 3, 1].map((points, i) => [`评委${i}`, { lead: points }]),
    );
    const result = score({ data: FULL, scores });
    // drop 5 and 1: (4.5 + 4 + 3) / 3 = 3.833… → 3.83
    expect((result.indicators as Record<string, number>).lead).toBe(3.83);
  });

  it("scores a unit type without a table on the fallback table and says so", () => {
    const result = score({ data: FULL, unitType: "医院" });
    expect(result).toMatchObject({ status: "eligible", scoredAs: "village" });
    expect(result.reasons).toEqual(["本级无医院测评表，按村测评表（州级示范村测评表）测评"]);
  });

  it("refuses scores out of range or off the step, with their place", () => {
    const read = readCandidates({
      file: "c.json",
      text: JSON.stringify({
        candidates: [
          {
            id: "T1",
            name: "测试村",
            unitType: "village",
            data: FULL,
            scores: { 甲: { lead: 5.5, nope: 1 }, 乙: { lead: 4.2 } },
          },
        ],
      }),
    });
    const result = scoreCandidates(library(), read.candidates, { on: "2026-11-29" });
    expect(result.results).toEqual([]);
    expect(
      result.issues.map((issue) => [issue.code, issue.place.path, formatMessage(issue)]),
    ).toEqual([
      [
        "score.range",
        "candidates[0].scores.甲.lead",
        '评委 甲 对"lead"打了 5.5 分，应在 0 到 5 之间（最多两位小数）',
      ],
      [
        "score.step",
        "candidates[0].scores.乙.lead",
        '评委 乙 对"lead"打了 4.2 分，应为 0.5 的整数倍',
      ],
      [
        "score.unknown_indicator",
        "candidates[0].scores.甲.nope",
        '评委 甲 评了"nope"，但测评表中没有这项评审指标',
      ],
    ]);
  });

  it("refuses wrong data types and a unit type no table scores, all at once", () => {
    const read = readCandidates({
      file: "c.json",
      text: JSON.stringify({
        candidates: [
          {
            id: "T1",
            name: "测试村",
            unitType: "village",
            data: { ...FULL, surveyed: "many", awareness: 1.2, group: "是" },
          },
          { id: "T2", name: "测试校", unitType: "school", data: FULL },
        ],
      }),
    });
    const result = scoreCandidates(library(), read.candidates, { on: "2026-11-29" });
    expect(result.issues.map((issue) => `${issue.place.path}: ${formatMessage(issue)}`)).toEqual([
      'candidates[0].data.surveyed: 样本数：应为整数，实为 "many"',
      "candidates[0].data.awareness: 政策知晓率：应在 0 到 1 之间，实为 1.2",
      'candidates[0].data.group: 成立领导小组：应为是或否，实为 "是"',
      'candidates[1].unitType: 没有测评表适用于单位类型"学校"（也没有在 level.yaml 中转按其他类型测评）',
    ]);
  });
});

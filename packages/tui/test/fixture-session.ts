import { loadRuleLibrary, readCandidates } from "@ceping/engine";
import type { Candidate, RuleLibrary, SourceText } from "@ceping/engine";
import { createMemorySession } from "../src/memory-session.ts";
import type { MemorySessionInput } from "../src/memory-session.ts";
import type { PanelSession } from "../src/panel-session.ts";

/** A small county table: every way of scoring, a bonus, a computed and a panel veto, a precondition. */
export const FIXTURE_RULES: SourceText[] = [
  {
    file: "rules/county/level.yaml",
    text: `format: ceping/1
level: county
title: 县级民族团结进步示范单位
panel: { aggregate: trimmed_mean, trimFrom: 5, minReviewers: 3 }
validity: { years: 3, renewal: zero_base }
`,
  },
  {
    file: "rules/county/village.yaml",
    text: `format: ceping/1
id: county.village
title: 县级示范村测评表
level: county
appliesTo: [village, community]
version: "2026.1"
scale: { base: 40, bonus: 2 }
missing: block
fields:
  households: { label: 户数, type: integer, min: 1, required: true }
  has_plan: { label: 有年度计划, type: boolean, required: true }
  activities: { label: 活动次数, type: integer, min: 0, required: true }
  satisfaction: { label: 群众满意度, type: ratio, required: true }
  incidents: { label: 群体性事件次数, type: integer, min: 0 }
categories:
  - id: leadership
    title: 组织领导
    max: 20
    indicators:
      - id: lead
        title: 领导小组
        max: 10
        methods: [查阅资料, 座谈]
        judged:
          step: 0.5
          rubric:
            - { label: 好：书记任组长、每季度研究, points: 10 }
            - { label: 较好：组织健全、研究不够经常, points: 7.5 }
            - { label: 一般：有组织、少研究, points: 5 }
            - { label: 差：形同虚设, points: 0 }
      - id: plan
        title: 年度计划
        max: 4
        methods: [查阅资料]
        checklist:
          - { id: has, label: 有年度计划, points: 4, field: has_plan }
      - id: events
        title: 宣讲和培训活动
        max: 6
        hint: 每次计 1 分
        methods: [查阅资料]
        count: { value: { "var": "activities" }, each: 1 }
  - id: results
    title: 创建成效
    max: 20
    indicators:
      - id: life
        title: 民生改善
        max: 10
        methods: [实地察看, 入户走访]
        judged: { step: 0.5 }
      - id: satisfied
        title: 群众满意度
        max: 10
        methods: [问卷调查]
        bands: { value: { "var": "satisfaction" }, steps: [ { min: 0.95, points: 10 }, { min: 0.9, points: 8 }, { min: 0.8, points: 5 } ] }
bonus:
  - { id: innovation, title: 创新做法, max: 2, methods: [查阅资料], judged: { step: 0.5 } }
vetoes:
  - { id: discipline, title: 领导班子严重违纪, raisedBy: panel }
  - id: incident
    title: 发生民族因素群体性事件
    when: { ">": [{ "var": "incidents" }, 0] }
award:
  threshold: 30
  nearMiss: 2
`,
  },
];

const CANDIDATES = {
  candidates: [
    {
      id: "C-01",
      name: "周屯村",
      unitType: "village",
      data: { households: 412, has_plan: true, activities: 6, satisfaction: 0.97, incidents: 0 },
      titles: [],
    },
    {
      id: "C-02",
      name: "上兰角村",
      unitType: "village",
      data: { households: 356, has_plan: true, activities: 4, satisfaction: 0.92, incidents: 0 },
      titles: [],
    },
    {
      id: "C-03",
      name: "阿依古丽社区",
      unitType: "community",
      data: { households: 1200, has_plan: false, activities: 2, satisfaction: 0.85, incidents: 0 },
      titles: [],
    },
    {
      id: "C-04",
      name: "xx街道甲社区",
      unitType: "community",
      data: { households: 3300, has_plan: true, activities: 6, satisfaction: 0.96, incidents: 1 },
      titles: [],
    },
    {
      id: "C-05",
      name: "小分子村",
      unitType: "village",
      data: { households: 210, has_plan: true, activities: 3 },
      titles: [],
    },
    {
      id: "C-06",
      name: "大泉村",
      unitType: "village",
      data: { households: 180, has_plan: true, activities: 5, satisfaction: 0.91, incidents: 0 },
      titles: [],
    },
    {
      id: "C-07",
      name: "拉德村",
      unitType: "village",
      data: { households: 240, has_plan: true, activities: 3, satisfaction: 0.9, incidents: 0 },
      titles: [],
    },
    {
      id: "C-08",
      name: "下兰角村",
      unitType: "village",
      data: { households: 356, has_plan: true, activities: 4, satisfaction: 0.92, incidents: 0 },
      titles: [],
    },
  ],
};

/** The panel: three reviewers, the first of them the chair. 王五 has C-06 still to score. */
export const REVIEWERS = ["张三", "李四", "王五"];

const SCORES: Record<string, Record<string, Record<string, number>>> = {
  张三: {
    "C-01": { lead: 9, life: 8.5, innovation: 1.5 },
    "C-02": { lead: 8, life: 8, innovation: 1 },
    "C-03": { lead: 6, life: 7, innovation: 0 },
    "C-04": { lead: 9, life: 9, innovation: 2 },
    "C-05": { lead: 7, life: 7, innovation: 0.5 },
    "C-06": { lead: 6, life: 6.5, innovation: 0 },
    "C-07": { lead: 7, life: 6.5, innovation: 0 },
    "C-08": { lead: 8, life: 8, innovation: 1 },
  },
  李四: {
    "C-01": { lead: 9.5, life: 9, innovation: 2 },
    "C-02": { lead: 7.5, life: 8, innovation: 1 },
    "C-03": { lead: 6.5, life: 6, innovation: 0.5 },
    "C-04": { lead: 9, life: 8.5, innovation: 1.5 },
    "C-05": { lead: 7, life: 6.5, innovation: 0 },
    "C-06": { lead: 6.5, life: 6, innovation: 0.5 },
    "C-07": { lead: 7, life: 6.5, innovation: 0 },
    "C-08": { lead: 7.5, life: 8, innovation: 1 },
  },
  王五: {
    "C-01": { lead: 9, life: 9, innovation: 2 },
    "C-02": { lead: 8, life: 7.5, innovation: 1.5 },
    "C-04": { lead: 8.5, life: 9, innovation: 2 },
    "C-05": { lead: 6.5, life: 7, innovation: 0.5 },
    "C-07": { lead: 7, life: 6.5, innovation: 0 },
    "C-08": { lead: 8, life: 7.5, innovation: 1.5 },
  },
};

/** The fixture's rules, loaded. */
export function fixtureLibrary(): RuleLibrary {
  const loaded = loadRuleLibrary(FIXTURE_RULES);
  if (!loaded.library) {
    throw new Error(JSON.stringify(loaded.issues, null, 2));
  }
  return loaded.library;
}

/** The fixture's candidates with the reviewers' submitted scores (王五 recused from C-03). */
export function fixtureCandidates(): Candidate[] {
  const read = readCandidates({ file: "candidates.json", text: JSON.stringify(CANDIDATES) });
  return read.candidates.map((candidate) => ({
    ...candidate,
    scores: Object.fromEntries(
      Object.entries(SCORES).flatMap(([reviewer, byCandidate]) => {
        const scores = byCandidate[candidate.id];
        return scores ? [[reviewer, scores]] : [];
      }),
    ),
  }));
}

/** A memory session on the fixture, as a user of the panel (the chair 张三 by default). */
export function fixtureSession(more: Partial<MemorySessionInput> = {}): PanelSession {
  return createMemorySession({
    library: fixtureLibrary(),
    candidates: fixtureCandidates(),
    on: "2026-11-29",
    title: "县级示范村评审（测试）",
    user: "张三",
    reviewers: REVIEWERS,
    chair: "张三",
    conflicts: [{ reviewer: "王五", candidate: "C-03", kind: "township", source: "recorded" }],
    now: () => new Date(Date.UTC(2026, 10, 29, 9, 0, 0)),
    ...more,
  });
}

/** Two divergence flags at the county level: an outlier and a spread. */
export const FIXTURE_FLAGS: MemorySessionInput["flags"] = [
  {
    key: "outlier|county|C-02|王五",
    kind: "outlier",
    level: "county",
    candidate: "C-02",
    reviewer: "王五",
    value: -1.5,
    limit: 1.2,
  },
  {
    key: "spread|county|C-01|life",
    kind: "spread",
    level: "county",
    candidate: "C-01",
    indicator: "life",
    value: 6,
    limit: 5,
  },
];

/** Agreement at the county level: too few candidates for the ICCs, an alpha nonetheless. */
export const FIXTURE_AGREEMENT: MemorySessionInput["agreement"] = {
  county: {
    candidates: 4,
    reviewers: 3,
    complete: 3,
    ...Object.fromEntries(
      [
        "agreementMean",
        "consistencyMean",
        "agreement",
        "consistency",
        "gap",
        "oneWay",
        "kendallW",
      ].map((name) => [
        name,
        {
          value: null,
          reason: {
            code: "store.agreement_few",
            params: { candidates: 3, reviewers: 3, minCandidates: 5, minReviewers: 3 },
          },
        },
      ]),
    ),
    alpha: { value: 0.8123 },
  } as NonNullable<MemorySessionInput["agreement"]>["county"] & object,
};

/** Many villages, for long lists: copies of the first fixture candidate with fewer activities each. */
export function manyCandidates(count: number): Candidate[] {
  const [first] = fixtureCandidates();
  if (!first) {
    throw new Error("no fixture candidate");
  }
  return Array.from({ length: count }, (_, index) => ({
    ...first,
    id: `V-${String(index + 1).padStart(4, "0")}`,
    name: `第${index + 1}村`,
    data: { ...first.data, activities: index % 7 },
  }));
}

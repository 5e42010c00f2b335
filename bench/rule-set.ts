/** The table the benchmark scores with, written as a rule author would write it. */
export const BENCH_RULE_SET_ID = "bench.township";

/** The name the table's text is loaded under; its folder is no level, so no level is implied. */
export const BENCH_RULE_FILE = "bench/township.yaml";

/** The assessment date every approach scores on. */
export const ASSESSMENT_DATE = "2026-11-29";

export const ACTIVITY_KINDS = ["宣讲", "联谊", "文体", "结对", "培训"] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const INCIDENT_KINDS = [
  "民族因素群体性事件",
  "越级上访",
  "综治考核不达标",
  "刑事案件",
  "其他",
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Judged indicators and their maxima: the generator gives each candidate a panel score for these. */
export const JUDGED_MAXIMA = {
  leading_group: 3,
  ideology_education: 4,
  embedded_living: 3,
  development_projects: 2,
  lawful_governance: 2,
  service_quality: 2,
  public_recognition: 2,
  innovation: 3,
} as const;
export type JudgedId = keyof typeof JUDGED_MAXIMA;

/** The vetoes in the table's order; a candidate's veto set is kept as bits in this order. */
export const VETO_IDS = ["mass_incident", "public_order", "serious_crime"] as const;

function json(value: unknown): string {
  return JSON.stringify(value);
}

const within = (years: number) => ({ within_years: [{ var: "date" }, years] });
const kindIs = (kind: string) => ({ "==": [{ var: "kind" }, kind] });

// one `some` per activity kind: how many kinds the unit held in the last year
function varietyExpression(): string {
  const held = ACTIVITY_KINDS.map((kind) => ({
    if: [{ some: [{ var: "activities" }, { and: [kindIs(kind), within(1)] }] }, 1, 0],
  }));
  return json({ "*": [{ "+": held }, 0.4] });
}

/**
 * The YAML text of a county township table of 50 indicators (47 in 7 categories adding up to
 * 100, 3 bonus items capped at 5) with 16 computed values, 2 lists and 3 vetoes. It uses every
 * scoring kind and the operations real tables use; the numbers are invented for the benchmark.
 */
export function benchRuleSetText(): string {
  return `# 基准测试用表：县级民族团结进步示范乡镇(街道)测评指标（分值、档位均为虚构）
format: ceping/1
id: ${BENCH_RULE_SET_ID}
title: 县级民族团结进步示范乡镇(街道)测评指标（基准测试用）
level: county
appliesTo: [township]
version: "bench.1"
effective: 2026-01-01
source:
  title: 基准测试用表
  note: 仿照县级村(社区)表的结构与计分方式编写，分值和档位没有出处
scale: { base: 100, bonus: 5, assumption: true }
missing: block
panel: { aggregate: trimmed_mean, trimFrom: 5, minReviewers: 3 }
validity: { years: 3, renewal: zero_base }

fields:
  households: { label: 户数, type: integer, min: 1, required: true }
  population: { label: 户籍人口, type: integer, min: 1, required: true }
  minority_population: { label: 少数民族人口, type: integer, min: 0, required: true }
  ethnic_groups: { label: 民族成分数, type: integer, min: 1, required: true }
  area_type: { label: 乡镇(街道)类别, type: enum, values: [农区, 牧区, 城镇], required: true }
  villages: { label: 下辖村(社区)数, type: integer, min: 1, required: true }
  model_villages: { label: 已命名示范村(社区)数, type: integer, min: 0, required: true }
  leading_group_since: { label: 创建工作领导小组成立日期, type: date, required: true }
  plan_date: { label: 最近一次年度创建计划印发日期, type: date, required: true }
  has_leading_group: { label: 成立创建工作领导小组, type: boolean, required: true }
  has_annual_plan: { label: 有年度创建工作计划, type: boolean, required: true }
  meeting_system: { label: 建立民族工作例会制度, type: boolean, required: true }
  responsibility_system: { label: 建立目标责任考核制度, type: boolean, required: true }
  screening_system: { label: 建立不稳定因素排查制度, type: boolean, required: true }
  reporting_system: { label: 建立信息报送制度, type: boolean, required: true }
  archive_keeper: { label: 创建档案管理员, type: enum, values: [专职, 兼职, 无], required: true }
  archive_room: { label: 设有创建档案室, type: boolean, required: true }
  budget: { label: 年度创建工作经费(万元), type: number, min: 0, required: true }
  cadres_tested: { label: 知晓率抽测干部人数, type: integer, min: 1, required: true }
  cadres_aware: { label: 抽测中知晓民族政策人数, type: integer, min: 0, required: true }
  cadres_total: { label: 干部总数, type: integer, min: 1, required: true }
  minority_cadres: { label: 少数民族干部数, type: integer, min: 0, required: true }
  education_base: { label: 建有民族团结进步教育基地, type: boolean, required: true }
  common_language_rate: { label: 国家通用语言文字普及率, type: ratio, required: true }
  star_households: { label: 五星级文明户数, type: integer, min: 0, required: true }
  school_age_children: { label: 适龄儿童数, type: integer, min: 1, required: true }
  enrolled_children: { label: 适龄儿童入学数, type: integer, min: 0, required: true }
  paired_households: { label: 结对认亲户数, type: integer, min: 0, required: true }
  volunteers: { label: 民族团结志愿者人数, type: integer, min: 0, required: true }
  income_per_capita: { label: 居民人均可支配收入(元), type: number, min: 0, required: true }
  income_growth: { label: 人均可支配收入增长率, type: number, min: -1, max: 1, required: true, hint: "-0.02 表示下降 2%" }
  collective_income: { label: 村级集体经济收入合计(万元), type: number, min: 0, required: true }
  medical_coverage: { label: 基本医疗保险参保率, type: ratio, required: true }
  pension_coverage: { label: 基本养老保险参保率, type: ratio, required: true }
  relapse_households: { label: 返贫户数, type: integer, min: 0, required: true }
  disputes: { label: 近一年涉民族因素矛盾纠纷数, type: integer, min: 0, required: true }
  disputes_resolved: { label: 其中已调处化解数, type: integer, min: 0, required: true }
  legal_advisor: { label: 聘请法律顾问, type: boolean, required: true }
  mediation_committee: { label: 设有人民调解委员会, type: boolean, required: true }
  emergency_plan: { label: 制定涉民族因素突发事件应急预案, type: boolean, required: true }
  legal_lectures: { label: 近一年法治宣讲次数, type: integer, min: 0, required: true }
  floating_minority: { label: 流动少数民族人口, type: integer, min: 0, required: true }
  floating_registered: { label: 其中纳入服务管理人数, type: integer, min: 0, required: true }
  grid_workers: { label: 网格员人数, type: integer, min: 0, required: true }
  bilingual_service: { label: 设有双语服务窗口, type: boolean, required: true }
  service_posts: { label: 便民服务站点数, type: integer, min: 0, required: true }
  surveyed: { label: 满意度调查样本数, type: integer, min: 1, required: true }
  satisfied: { label: 表示满意人数, type: integer, min: 0, required: true }
  higher_honors: { label: 近三年获州级以上表彰次数, type: integer, min: 0, required: true }
  media_reports: { label: 近三年省级以上媒体报道次数, type: integer, min: 0, required: true }

lists:
  activities:
    label: 活动台账
    fields:
      date: { label: 日期, type: date, required: true }
      kind: { label: 活动类别, type: enum, values: ${json(ACTIVITY_KINDS)}, required: true }
      participants: { label: 参与人数, type: integer, min: 0, required: true }
      minority_participants: { label: 其中少数民族人数, type: integer, min: 0, required: true }
  incidents:
    label: 事件记录
    fields:
      date: { label: 日期, type: date, required: true }
      kind: { label: 事件类别, type: enum, values: ${json(INCIDENT_KINDS)}, required: true }
      resolved: { label: 已妥善处置, type: boolean, required: true }

# in dependency order
computed:
  minority_share: { "ratio": [{ "var": "minority_population" }, { "var": "population" }] }
  cadre_awareness_rate: { "ratio": [{ "var": "cadres_aware" }, { "var": "cadres_tested" }] }
  cadre_minority_share: { "ratio": [{ "var": "minority_cadres" }, { "var": "cadres_total" }] }
  satisfaction_rate: { "ratio": [{ "var": "satisfied" }, { "var": "surveyed" }] }
  star_share: { "ratio": [{ "var": "star_households" }, { "var": "households" }] }
  pairing_rate: { "ratio": [{ "var": "paired_households" }, { "var": "households" }] }
  model_village_share: { "ratio": [{ "var": "model_villages" }, { "var": "villages" }] }
  enrollment_rate: { "ratio": [{ "var": "enrolled_children" }, { "var": "school_age_children" }] }
  floating_service_rate: { "ratio": [{ "var": "floating_registered" }, { "var": "floating_minority" }] }
  insurance_rate:
    { "round": [{ "/": [{ "+": [{ "var": "medical_coverage" }, { "var": "pension_coverage" }] }, 2] }, 4] }
  unresolved_disputes: { "max": [0, { "-": [{ "var": "disputes" }, { "var": "disputes_resolved" }] }] }
  recent_participants:
    { "sum": [{ "filter": [{ "var": "activities" }, ${json(within(1))}] }, { "var": "participants" }] }
  minority_participation:
    "ratio":
      - { "sum": [{ "filter": [{ "var": "activities" }, ${json(within(1))}] }, { "var": "minority_participants" }] }
      - { "var": "recent_participants" }
  budget_per_household:
    { "round": [{ "ratio": [{ "*": [{ "var": "budget" }, 10000] }, { "var": "households" }] }, 2] }
  group_years: { "years_since": [{ "var": "leading_group_since" }] }
  petitions_last_year:
    { "count": [{ "var": "incidents" }, { "and": [${json(kindIs("越级上访"))}, ${json(within(1))}] }] }

categories:
  - id: leadership
    title: 坚持党的领导，健全创建工作机制
    max: 18
    indicators:
      - id: leading_group
        title: 党委书记任组长的创建工作领导小组定期研究创建工作
        max: 3
        methods: [查阅资料, 座谈]
        evidence: [领导小组成立文件, 会议记录]
        judged:
          step: 0.5
          rubric:
            - { label: 好, points: 3 }
            - { label: 较好, points: 2 }
            - { label: 一般, points: 1 }
            - { label: 差, points: 0 }
      - id: mechanisms
        title: 建立创建工作机制
        max: 6
        methods: [查阅资料, 实地察看]
        evidence: [各项制度文本, 创建档案]
        checklist:
          - id: overall
            label: 有领导小组、有年度计划
            points: 1.5
            when: { "and": [{ "var": "has_leading_group" }, { "var": "has_annual_plan" }] }
          - { id: meeting, label: 民族工作例会制度, points: 1, field: meeting_system }
          - { id: responsibility, label: 目标责任考核制度, points: 1, field: responsibility_system }
          - { id: screening, label: 不稳定因素排查制度, points: 1, field: screening_system }
          - { id: reporting, label: 信息报送制度, points: 0.5, field: reporting_system }
          - id: archive
            label: 有专(兼)职档案管理员
            points: 1
            when: { "in": [{ "var": "archive_keeper" }, ["专职", "兼职"]] }
      - id: group_tenure
        title: 创建工作持续开展
        hint: 领导小组成立满 5 年 2 分，满 3 年 1.5 分，满 1 年 1 分
        max: 2
        methods: [查阅资料]
        bands:
          value: { "var": "group_years" }
          steps: [{ min: 5, points: 2 }, { min: 3, points: 1.5 }, { min: 1, points: 1 }]
      - id: plan_current
        title: 年度创建计划及时印发
        max: 2
        methods: [查阅资料]
        points:
          "if":
            - { "within_years": [{ "var": "plan_date" }, 1] }
            - 2
            - { "within_years": [{ "var": "plan_date" }, 2] }
            - 1
            - 0
      - id: cadre_awareness
        title: 干部民族理论政策知晓率
        max: 2
        methods: [抽查提问]
        linear: { value: { "var": "cadre_awareness_rate" }, zeroAt: 0.6, fullAt: 0.95 }
      - id: funding
        title: 创建工作经费保障
        hint: 每户 50 元及以上 2 分，20 元及以上 1 分
        max: 2
        methods: [查阅资料]
        bands:
          value: { "var": "budget_per_household" }
          steps: [{ min: 50, points: 2 }, { min: 20, points: 1 }]
      - id: cadre_training
        title: 近一年举办干部民族政策培训（30 人以上）
        max: 1
        methods: [查阅资料]
        count:
          value:
            "count":
              - { "var": "activities" }
              - { "and": [${json(kindIs("培训"))}, ${json(within(1))}, { ">=": [{ "var": "participants" }, 30] }] }
          each: 0.5

  - id: education
    title: 宣传教育，铸牢中华民族共同体意识
    max: 16
    indicators:
      - id: ideology_education
        title: 铸牢中华民族共同体意识宣传教育深入人心
        max: 4
        methods: [听取汇报, 实地察看, 入户走访]
        judged: { step: 0.5 }
      - id: publicity_activities
        title: 近一年宣讲、培训活动
        hint: 每次 0.5 分
        max: 3
        methods: [查阅资料]
        count:
          value:
            "count":
              - { "var": "activities" }
              - { "and": [{ "in": [{ "var": "kind" }, ["宣讲", "培训"]] }, ${json(within(1))}] }
          each: 0.5
      - id: education_base
        title: 教育阵地建设
        max: 2
        methods: [实地察看]
        checklist:
          - { id: base, label: 民族团结进步教育基地, points: 1, field: education_base }
          - { id: archive_room, label: 创建档案室, points: 0.5, field: archive_room }
          - id: outreach
            label: 举办过百人以上宣讲
            points: 0.5
            when: { "some": [{ "var": "activities" }, { "and": [${json(kindIs("宣讲"))}, { ">=": [{ "var": "participants" }, 100] }] }] }
      - id: common_language
        title: 国家通用语言文字普及
        max: 2
        methods: [查阅资料, 抽查提问]
        linear: { value: { "var": "common_language_rate" }, zeroAt: 0.7, fullAt: 0.98 }
      - id: star_households
        title: 五星级文明户创评
        hint: 占比 × 5，20% 得满分
        max: 1
        methods: [查阅资料, 入户走访]
        points: { "*": [{ "var": "star_share" }, 5] }
      - id: enrollment
        title: 适龄儿童入学率
        max: 2
        methods: [查阅资料]
        bands:
          value: { "var": "enrollment_rate" }
          steps: [{ min: 0.99, points: 2 }, { min: 0.97, points: 1.5 }, { min: 0.95, points: 1 }]
      - id: activity_reach
        title: 近一年活动覆盖面
        max: 1
        methods: [查阅资料]
        points: { "min": [1, { "*": [{ "/": [{ "var": "recent_participants" }, { "var": "population" }] }, 20] }] }
      - id: learning_sessions
        title: 近两年宣讲场次
        hint: 每场 0.2 分
        max: 1
        methods: [查阅资料]
        count:
          value: { "count": [{ "var": "activities" }, { "and": [${json(kindIs("宣讲"))}, ${json(within(2))}] }] }
          each: 0.2

  - id: exchange
    title: 促进各民族交往交流交融
    max: 16
    indicators:
      - id: embedded_living
        title: 各族群众共居共学共事共乐
        max: 3
        methods: [实地察看, 入户走访]
        judged: { step: 0.5 }
      - id: exchange_activities
        title: 近一年联谊、文体、结对活动
        hint: 每次 0.5 分
        max: 3
        methods: [查阅资料]
        count:
          value:
            "count":
              - { "var": "activities" }
              - { "and": [{ "in": [{ "var": "kind" }, ["联谊", "文体", "结对"]] }, ${json(within(1))}] }
          each: 0.5
      - id: pairing_coverage
        title: 结对认亲覆盖面
        max: 3
        methods: [查阅资料, 入户走访]
        linear: { value: { "var": "pairing_rate" }, zeroAt: 0.1, fullAt: 0.5 }
      - id: minority_participation
        title: 少数民族群众参与活动
        max: 2
        methods: [查阅资料]
        bands:
          value: { "var": "minority_participation" }
          steps: [{ min: 0.3, points: 2 }, { min: 0.15, points: 1 }]
      - id: diversity
        title: 多民族聚居
        max: 1
        methods: [查阅资料]
        points:
          { "if": [{ ">=": [{ "var": "ethnic_groups" }, 5] }, 1, { ">=": [{ "var": "ethnic_groups" }, 3] }, 0.5, 0] }
      - id: activity_variety
        title: 近一年活动类别齐全
        hint: 每类 0.4 分
        max: 2
        methods: [查阅资料]
        points: ${varietyExpression()}
      - id: volunteers
        title: 民族团结志愿服务队伍
        hint: 每人 0.05 分
        max: 1
        methods: [查阅资料]
        count: { value: { "var": "volunteers" }, each: 0.05 }
      - id: mixed_community
        title: 互嵌式社区和结对
        max: 1
        methods: [实地察看]
        points:
          "if":
            - { "and": [{ "==": [{ "var": "area_type" }, "城镇"] }, { ">=": [{ "var": "minority_share" }, 0.2] }] }
            - 1
            - { "and": [{ "!=": [{ "var": "area_type" }, "城镇"] }, { ">=": [{ "var": "pairing_rate" }, 0.2] }] }
            - 1
            - 0.5

  - id: development
    title: 共同团结奋斗，共同繁荣发展
    max: 14
    indicators:
      - id: income_level
        title: 居民人均可支配收入
        max: 3
        methods: [查阅资料]
        bands:
          value: { "var": "income_per_capita" }
          steps: [{ min: 20000, points: 3 }, { min: 15000, points: 2 }, { min: 10000, points: 1 }]
      - id: income_growth
        title: 人均可支配收入增长
        max: 2
        methods: [查阅资料]
        linear: { value: { "var": "income_growth" }, zeroAt: 0, fullAt: 0.08 }
      - id: collective_economy
        title: 村级集体经济
        hint: 每 25 万元 1 分
        max: 2
        methods: [查阅资料]
        points: { "min": [2, { "/": [{ "var": "collective_income" }, 25] }] }
      - id: model_villages
        title: 示范村(社区)创建
        max: 2
        methods: [查阅资料]
        linear: { value: { "var": "model_village_share" }, zeroAt: 0, fullAt: 0.6 }
      - id: insurance
        title: 社会保障
        max: 2
        methods: [查阅资料]
        linear: { value: { "var": "insurance_rate" }, zeroAt: 0.85, fullAt: 0.98 }
      - id: development_projects
        title: 民生项目和基础设施建设
        max: 2
        methods: [实地察看]
        judged: { step: 0.5 }
      - id: poverty_relapse
        title: 巩固脱贫成果
        max: 1
        methods: [查阅资料]
        deduct:
          items:
            - { label: 返贫户, each: 0.5, count: { "var": "relapse_households" } }

  - id: governance
    title: 依法治理民族事务，防范化解风险
    max: 14
    indicators:
      - id: dispute_handling
        title: 矛盾纠纷排查调处
        max: 3
        methods: [查阅资料, 日常掌握]
        deduct:
          items:
            - { label: 未化解纠纷, each: 1, count: { "var": "unresolved_disputes" } }
            - { label: 近一年越级上访, each: 1, count: { "var": "petitions_last_year" } }
      - id: no_mass_incident
        title: 未发生涉及民族因素的群体性事件
        max: 3
        veto: mass_incident
        methods: [日常掌握]
        points:
          "if":
            - { "some": [{ "var": "incidents" }, { "and": [${json(kindIs("民族因素群体性事件"))}, ${json(within(3))}] }] }
            - 0
            - 3
      - id: legal_services
        title: 法律服务和调解组织
        max: 2
        methods: [查阅资料]
        checklist:
          - { id: advisor, label: 法律顾问, points: 0.5, field: legal_advisor }
          - { id: mediation, label: 人民调解委员会, points: 0.5, field: mediation_committee }
          - { id: emergency, label: 应急预案, points: 0.5, field: emergency_plan }
          - { id: lectures, label: 法治宣讲 4 次以上, points: 0.5, when: { ">=": [{ "var": "legal_lectures" }, 4] } }
      - id: law_education
        title: 法治宣传教育
        hint: 每次 0.25 分
        max: 1
        methods: [查阅资料]
        count: { value: { "var": "legal_lectures" }, each: 0.25 }
      - id: public_order
        title: 社会治安
        max: 2
        methods: [日常掌握]
        deduct:
          items:
            - label: 近两年刑事案件
              each: 1
              count: { "count": [{ "var": "incidents" }, { "and": [${json(kindIs("刑事案件"))}, ${json(within(2))}] }] }
            - label: 近一年其他事件
              each: 0.5
              count: { "count": [{ "var": "incidents" }, { "and": [${json(kindIs("其他"))}, ${json(within(1))}] }] }
      - id: lawful_governance
        title: 依法治理民族事务
        max: 2
        methods: [查阅资料, 座谈]
        judged: { step: 0.5 }
      - id: early_warning
        title: 风险预警
        max: 1
        methods: [查阅资料]
        points:
          "if":
            - { "and": [{ "var": "screening_system" }, { "var": "emergency_plan" }] }
            - 1
            - { "or": [{ "var": "screening_system" }, { "var": "emergency_plan" }] }
            - 0.5
            - 0

  - id: services
    title: 服务管理
    max: 10
    indicators:
      - id: floating_services
        title: 流动少数民族人口服务管理
        max: 3
        methods: [查阅资料, 抽查提问]
        points:
          "if":
            - { "==": [{ "var": "floating_minority" }, 0] }
            - 3
            - { ">=": [{ "var": "floating_service_rate" }, 0.95] }
            - 3
            - { ">=": [{ "var": "floating_service_rate" }, 0.8] }
            - 2
            - { ">=": [{ "var": "floating_service_rate" }, 0.6] }
            - 1
            - 0
      - id: grid_management
        title: 网格化服务管理
        hint: 每百户 1 名网格员得满分
        max: 2
        methods: [查阅资料]
        points: { "min": [2, { "*": [{ "ratio": [{ "var": "grid_workers" }, { "var": "households" }] }, 200] }] }
      - id: bilingual
        title: 便民服务
        max: 2
        methods: [实地察看]
        checklist:
          - { id: window, label: 双语服务窗口, points: 1, field: bilingual_service }
          - { id: coverage, label: 服务站点覆盖各村(社区), points: 1, when: { ">=": [{ "var": "service_posts" }, { "var": "villages" }] } }
      - id: service_quality
        title: 服务质量
        max: 2
        methods: [实地察看, 问卷调查]
        judged: { step: 0.5 }
      - id: service_network
        title: 便民服务站点
        hint: 每个 0.05 分
        max: 1
        methods: [查阅资料]
        count: { value: { "var": "service_posts" }, each: 0.05 }

  - id: outcomes
    title: 创建成效，群众满意
    max: 12
    indicators:
      - id: satisfaction
        title: 群众满意度
        max: 5
        methods: [问卷调查]
        bands:
          value: { "var": "satisfaction_rate" }
          steps: [{ min: 0.95, points: 5 }, { min: 0.9, points: 3.5 }, { min: 0.85, points: 2 }]
      - id: public_recognition
        title: 社会认可
        max: 2
        methods: [座谈]
        judged: { step: 0.5 }
      - id: stable_year
        title: 近一年平安稳定
        max: 2
        methods: [日常掌握]
        points:
          "if":
            - { "none": [{ "var": "incidents" }, ${json(within(1))}] }
            - 2
            - { "all": [{ "var": "incidents" }, { "var": "resolved" }] }
            - 1
            - 0
      - id: activity_turnout
        title: 活动平均参与人数
        hint: 平均每次百人得 1 分
        max: 1.5
        methods: [查阅资料]
        points:
          "min":
            - 1.5
            - "/":
                - { "reduce": [{ "var": "activities" }, { "+": [{ "var": "accumulator" }, { "var": "current.participants" }] }, 0] }
                - { "*": [{ "max": [1, { "count": [{ "var": "activities" }] }] }, 100] }
      - id: cadre_representation
        title: 少数民族干部配备
        max: 1.5
        methods: [查阅资料]
        points:
          "min":
            - 1.5
            - { "round": [{ "*": [1.5, { "/": [{ "var": "cadre_minority_share" }, { "max": [{ "var": "minority_share" }, 0.05] }] }] }, 1] }

bonus:
  - id: innovation
    title: 特色创新
    max: 3
    methods: [听取汇报]
    judged: { step: 0.5 }
  - id: higher_honors
    title: 近三年获州级以上表彰
    max: 2
    methods: [查阅资料]
    count: { value: { "var": "higher_honors" }, each: 1 }
  - id: media_reports
    title: 近三年省级以上媒体报道
    max: 2
    methods: [查阅资料]
    count: { value: { "var": "media_reports" }, each: 0.5 }

vetoes:
  - id: mass_incident
    title: 近三年发生涉及民族因素的群体性事件
    when: { "some": [{ "var": "incidents" }, { "and": [${json(kindIs("民族因素群体性事件"))}, ${json(within(3))}] }] }
  - id: public_order
    title: 近一年社会治安综合治理考核不达标
    when: { "some": [{ "var": "incidents" }, { "and": [${json(kindIs("综治考核不达标"))}, ${json(within(1))}] }] }
  - id: serious_crime
    title: 近一年发生刑事案件未妥善处置
    when:
      ">=":
        - { "count": [{ "var": "incidents" }, { "and": [${json(kindIs("刑事案件"))}, ${json(within(1))}, { "!": { "var": "resolved" } }] }] }
        - 1

award:
  threshold: 85
  nearMiss: 1
  requires:
    - when: { ">=": [{ "var": "satisfaction_rate" }, 0.9] }
      message: 群众满意度不低于90%
`;
}

import { formatText, LEVEL_NAMES, STATUS_NAMES, UNIT_TYPE_NAMES } from "@ceping/engine";
import type { Lang, Level, Status, UnitType } from "@ceping/engine";

type Text = Readonly<Record<Lang, string>>;

/** Status names in full, as the candidate screen gives them (the engine's list). */
export const STATUS_TEXT = STATUS_NAMES;

/** Status names short enough for a column. */
export const STATUS_SHORT: Readonly<Record<Status, Text>> = {
  eligible: { zh: "达标", en: "eligible" },
  below_threshold: { zh: "未达标", en: "below" },
  vetoed: { zh: "否决", en: "vetoed" },
  precondition_failed: { zh: "不符条件", en: "precond." },
  incomplete: { zh: "资料不全", en: "incomplete" },
  pending_panel: { zh: "待评审", en: "pending" },
};

/** The kinds of conflict (回避). */
export const CONFLICT_TEXT: Readonly<Record<string, Text>> = {
  same_unit: { zh: "同一单位", en: "same unit" },
  supervisory: { zh: "上下级或监管关系", en: "supervisory relation" },
  family_employment: { zh: "亲属或雇佣关系", en: "family or employment ties" },
  helped_prepare: { zh: "参与准备其申报材料", en: "helped prepare its application" },
  township: { zh: "居住在其所在乡镇", en: "lives in its township" },
  other: { zh: "其他", en: "other" },
};

/** The kinds of conflict, short enough for a pick list on one line. */
export const CONFLICT_SHORT: Readonly<Record<string, Text>> = {
  same_unit: { zh: "同单位", en: "unit" },
  supervisory: { zh: "上下级", en: "supervisor" },
  family_employment: { zh: "亲属雇佣", en: "family" },
  helped_prepare: { zh: "协助申报", en: "helped" },
  township: { zh: "同乡镇", en: "township" },
  other: { zh: "其他", en: "other" },
};

/** Who put a conflict on record. */
export const CONFLICT_SOURCE: Readonly<Record<string, Text>> = {
  proposed: { zh: "程序提出", en: "proposed" },
  declared: { zh: "本人申报", en: "declared" },
  recorded: { zh: "组长记录", en: "recorded by the chair" },
};

/** The divergence flags. */
export const FLAG_TEXT: Readonly<Record<string, Text>> = {
  spread: { zh: "单项分差", en: "spread" },
  range: { zh: "总分极差", en: "range" },
  outlier: { zh: "离群", en: "outlier" },
  leniency: { zh: "宽严", en: "leniency" },
};

/** How an indicator gets its points. */
export const KIND_TEXT: Readonly<Record<string, Text>> = {
  judged: { zh: "评审打分", en: "judged" },
  checklist: { zh: "逐项核查", en: "checklist" },
  count: { zh: "按数计分", en: "count" },
  bands: { zh: "分档计分", en: "bands" },
  linear: { zh: "按比例计分", en: "linear" },
  deduct: { zh: "扣分", en: "deduct" },
  points: { zh: "按数据计分", en: "points" },
};

/** Words of the terminal UI, in both languages side by side. */
export const TEXT = {
  // screens
  candidates: { zh: "候选单位", en: "Candidates" },
  scoring: { zh: "评分", en: "Scoring" },
  panel: { zh: "评审组", en: "Panel" },
  results: { zh: "结果", en: "Results" },
  rules: { zh: "测评表", en: "Rules" },
  candidate: { zh: "候选单位详情", en: "Candidate" },
  help: { zh: "帮助", en: "Help" },
  // roles
  chair: { zh: "组长", en: "chair" },
  reviewer: { zh: "评委", en: "reviewer" },
  observer: { zh: "查看", en: "viewer" },
  userRole: { zh: "{user}（{role}）", en: "{user} ({role})" },
  // columns
  rank: { zh: "排名", en: "rank" },
  id: { zh: "编号", en: "id" },
  name: { zh: "名称", en: "name" },
  unitType: { zh: "类型", en: "type" },
  total: { zh: "总分", en: "total" },
  status: { zh: "结论", en: "status" },
  progress: { zh: "进度", en: "progress" },
  marks: { zh: "标记", en: "marks" },
  level: { zh: "级别", en: "level" },
  sort: { zh: "排序", en: "sort" },
  search: { zh: "搜索", en: "search" },
  all: { zh: "全部", en: "all" },
  none: { zh: "-", en: "-" },
  count: { zh: "{shown}/{total} 个", en: "{shown} of {total}" },
  noCandidates: { zh: "没有符合条件的候选单位", en: "no candidate matches" },
  // sort keys
  sortRank: { zh: "总分", en: "total" },
  sortId: { zh: "编号", en: "id" },
  sortName: { zh: "名称", en: "name" },
  sortStatus: { zh: "结论", en: "status" },
  // marks
  nearMiss: { zh: "近线", en: "near" },
  flagged: { zh: "分歧{count}", en: "flags {count}" },
  tied: { zh: "并列", en: "tied" },
  recused: { zh: "回避", en: "recused" },
  submitted: { zh: "已提交", en: "done" },
  notSubmitted: { zh: "未提交", en: "open" },
  // candidate screen
  titleLine: { zh: "{name}（{id}，{type}）", en: "{name} ({id}, {type})" },
  tableLine: {
    zh: "{level} | {title} | {ruleset} {version}",
    en: "{level} | {title} | {ruleset} {version}",
  },
  totalLine: {
    zh: "总分 {total} = 基础分 {base} + 加分 {bonus}",
    en: "total {total} = base {base} + bonus {bonus}",
  },
  highest: { zh: "最高可达 {level}", en: "highest {level}" },
  ladder: { zh: "阶梯", en: "ladder" },
  scoredAs: { zh: "按{type}测评表测评", en: "scored as {type}" },
  reasons: { zh: "结论原因", en: "reasons" },
  indicator: { zh: "指标", en: "indicator" },
  max: { zh: "满分", en: "max" },
  points: { zh: "得分", en: "points" },
  why: { zh: "依据", en: "why" },
  bonusItems: { zh: "加分项", en: "bonus items" },
  bonusCap: {
    zh: "加分合计 {uncapped}，上限 {cap}，计 {points}",
    en: "bonus {uncapped}, capped at {cap}: {points}",
  },
  categoryCap: { zh: "小计 {sum}，封顶 {points}", en: "sum {sum}, capped at {points}" },
  vetoes: { zh: "否决项", en: "vetoes" },
  vetoHolds: { zh: "成立", en: "holds" },
  vetoClear: { zh: "未发生", en: "clear" },
  vetoPanel: { zh: "（由评审组提出）", en: " (raised by the panel)" },
  missing: { zh: "缺少资料", en: "missing data" },
  noReasons: { zh: "无", en: "none" },
  // scoring
  scoringOf: { zh: "评分：{name}（{id}）", en: "Scoring: {name} ({id})" },
  myProgress: { zh: "我的进度 {scored}/{judged}", en: "mine {scored}/{judged}" },
  myScore: { zh: "我的评分", en: "mine" },
  others: { zh: "其他评委", en: "others" },
  othersHidden: { zh: "其他评委（提交后可见）", en: "others (after you submit)" },
  note: { zh: "备注", en: "note" },
  limits: { zh: "满分 {max}，步长 {step}", en: "max {max}, step {step}" },
  rubric: { zh: "评分标准", en: "rubric" },
  scoreField: { zh: "得分", en: "score" },
  notNumber: { zh: "请输入数字", en: "type a number" },
  outOfRange: { zh: "应在 0 到 {max} 之间", en: "must be within 0..{max}" },
  offStep: { zh: "应为 {step} 的整数倍", en: "must be a multiple of {step}" },
  nowIs: { zh: "现为 {points}，直接回车不改", en: "now {points}; Enter keeps it" },
  saved: {
    zh: "已保存：{indicator} {points} 分（第 {version} 版）",
    en: "saved: {indicator} {points} (version {version})",
  },
  unchanged: { zh: "未改变：{indicator} {points} 分", en: "unchanged: {indicator} {points}" },
  noteSaved: { zh: "已保存备注：{indicator}", en: "note saved: {indicator}" },
  noteNeedsScore: { zh: "请先打分，再加备注", en: "score it before adding a note" },
  recusedNotice: {
    zh: "回避：你与该单位有利害关系（{kind}），不能为其评分，也不能查看其他评委的评分",
    en: "recused: you have a conflict with this unit ({kind}); you may neither score it nor see its scores",
  },
  noJudged: {
    zh: "该单位的测评表没有需要评审打分的指标",
    en: "its tables have no judged indicators",
  },
  notReviewer: {
    zh: "只有评委可以评分；你以{role}身份打开",
    en: "only reviewers score; you opened it as {role}",
  },
  submitAsk: {
    zh: "提交对 {name} 的评分？提交后其他评委的评分可见，修改须写明原因",
    en: "submit your scores for {name}? you will see the others' scores; changes will need a reason",
  },
  submitIncomplete: {
    zh: "还有 {left} 项未评分。仍要提交对 {name} 的评分？",
    en: "{left} indicator(s) unscored. submit your scores for {name} anyway?",
  },
  submittedDone: { zh: "已提交对 {name} 的评分", en: "submitted your scores for {name}" },
  reviseReason: { zh: "修改已提交的评分，请写明原因", en: "reason for revising a submitted score" },
  pickBand: { zh: "选择评分档（1-{count}）", en: "pick a band (1-{count})" },
  recusedProposed: {
    zh: "此回避由程序按单位或乡镇自动提出；如不属实，请组长撤销",
    en: "the program proposed it from a matching unit or township; if it does not hold, the chair can dismiss it",
  },
  // conflicts
  conflictDeclareAsk: {
    zh: "申报回避：你与 {name} 的关系",
    en: "declare a conflict: how you are tied to {name}",
  },
  conflictRecordAsk: {
    zh: "记录回避：{reviewer} 与 {name} 的关系",
    en: "record a conflict: how {reviewer} is tied to {name}",
  },
  conflictNote: { zh: "具体情况", en: "what it is" },
  conflictDeclared: {
    zh: "已申报回避：{name}（{kind}），不再为其评分",
    en: "conflict declared: {name} ({kind}); you no longer score it",
  },
  conflictRecorded: {
    zh: "已记录回避：{reviewer} 不评 {name}",
    en: "conflict recorded: {reviewer} does not score {name}",
  },
  conflictDismissAsk: {
    zh: "撤销 {reviewer} 与 {name} 的回避，理由",
    en: "reason to dismiss the conflict of {reviewer} with {name}",
  },
  conflictDismissed: {
    zh: "已撤销回避：{reviewer} 可评 {name}",
    en: "conflict dismissed: {reviewer} may score {name}",
  },
  noConflictHere: {
    zh: "{reviewer} 与 {name} 之间没有回避",
    en: "{reviewer} has no conflict with {name}",
  },
  recusedAuto: { zh: "拟回避", en: "auto" },
  cellLine: { zh: "{reviewer} 与 {id} {name}：{state}", en: "{reviewer} on {id} {name}: {state}" },
  cellConflict: { zh: "回避（{what}）", en: "recused ({what})" },
  cellProgress: {
    zh: "已评 {scored}/{judged} 项，未提交",
    en: "{scored} of {judged} scored, not submitted",
  },
  cellSubmitted: { zh: "已提交", en: "submitted" },
  cellNone: { zh: "尚未评分", en: "not scored yet" },
  // panel
  panelHead: {
    zh: "评委 {reviewers} 人 | 组长 {chair} | 已提交 {submitted}/{expected} | 待处置分歧 {open}",
    en: "{reviewers} reviewers | chair {chair} | submitted {submitted}/{expected} | open flags {open}",
  },
  lockedMark: { zh: "已定稿", en: "locked" },
  gridView: { zh: "进度", en: "progress" },
  flagsView: { zh: "分歧", en: "flags" },
  agreementView: { zh: "一致性", en: "agreement" },
  flagKind: { zh: "类型", en: "kind" },
  flagWhere: { zh: "对象", en: "where" },
  flagValue: { zh: "数值/限值", en: "value/limit" },
  disposition: { zh: "处置", en: "disposition" },
  open: { zh: "待处置", en: "open" },
  kept: { zh: "维持", en: "kept" },
  revised: { zh: "已修改", en: "revised" },
  noFlags: { zh: "没有分歧提示", en: "no divergence flags" },
  disposeAsk: {
    zh: "处置分歧：k 维持原分（附评委书面说明） r 已修改",
    en: "dispose: k kept (with the reviewer's reason)  r revised",
  },
  disposeReason: { zh: "处置理由", en: "reason for the disposition" },
  disposed: { zh: "已处置分歧：{flag}", en: "disposed of flag {flag}" },
  vetoPick: { zh: "提出否决项（{name}）：", en: "raise a veto ({name}): " },
  vetoReason: { zh: "否决理由", en: "reason for the veto" },
  vetoRaised: { zh: "已对 {name} 提出否决项：{veto}", en: "veto raised for {name}: {veto}" },
  vetoWithdrawPick: { zh: "撤回否决项（{name}）：", en: "withdraw a veto ({name}): " },
  vetoWithdrawReason: { zh: "撤回理由", en: "reason for withdrawing the veto" },
  vetoWithdrawn: {
    zh: "已撤回 {name} 的否决项：{veto}",
    en: "veto withdrawn for {name}: {veto}",
  },
  noRaisedVeto: {
    zh: "{name} 没有由评审组提出、可撤回的否决项",
    en: "{name} has no veto raised by the panel to withdraw",
  },
  noPanelVeto: {
    zh: "{name} 的测评表没有由评审组提出的否决项",
    en: "the tables of {name} have no veto the panel raises",
  },
  lockAsk: {
    zh: "定稿后不能再更改任何评分和决定。确认定稿？",
    en: "once locked, no score or decision can change. lock the assessment?",
  },
  lockDone: { zh: "评审已定稿", en: "the assessment is locked" },
  agreementFor: {
    zh: "{level}：{candidates} 个单位、{reviewers} 位评委，完整 {complete} 个",
    en: "{level}: {candidates} candidates, {reviewers} reviewers, {complete} complete",
  },
  statAgreementMean: {
    zh: "ICC(A,k) 绝对一致（用于达标线）",
    en: "ICC(A,k) absolute agreement (thresholds)",
  },
  statConsistencyMean: {
    zh: "ICC(C,k) 排序一致（用于排名）",
    en: "ICC(C,k) consistency (ranking)",
  },
  statAgreement: { zh: "ICC(A,1) 单个评委", en: "ICC(A,1) single reviewer" },
  statConsistency: { zh: "ICC(C,1) 单个评委", en: "ICC(C,1) single reviewer" },
  statGap: { zh: "差值 C-A（偏宽或偏严）", en: "gap C-A (lenient or harsh)" },
  statOneWay: { zh: "ICC(1,1) 单向", en: "ICC(1,1) one-way" },
  statAlpha: { zh: "Krippendorff α（区间）", en: "Krippendorff's alpha (interval)" },
  statKendall: { zh: "Kendall W 排序一致", en: "Kendall's W" },
  noAgreement: { zh: "本级别没有一致性统计", en: "no agreement statistics at this level" },
  // results
  resultsHead: {
    zh: "{level} | {type} | 达标 {eligible} 个 | 近线 {near} 个 | 并列待定 {ties} 组",
    en: "{level} | {type} | {eligible} eligible | {near} near misses | {ties} ties open",
  },
  margin: { zh: "超线", en: "margin" },
  threshold: { zh: "达标线", en: "threshold" },
  quota: { zh: "名额", en: "quota" },
  admitted: { zh: "入选", en: "admitted" },
  outOfQuota: { zh: "未入选", en: "not admitted" },
  cutLine: {
    zh: "---- 名额线：{quota} {seats} 个 ----",
    en: "---- cut line: {quota}, {seats} seats ----",
  },
  quotaLine: {
    zh: "名额 {quota}（{scope}）{seats} 个：入选 {admitted} 个",
    en: "quota {quota} ({scope}) {seats} seats: {admitted} admitted",
  },
  quotaTie: {
    zh: "  名额线上并列：{candidates} 争 {seats} 个名额，待组长决定",
    en: "  tie at the cut line: {candidates} for {seats} seat(s), waiting for the chair",
  },
  quotaUnsettled: { zh: "  尚未定论：{candidates}", en: "  not settled yet: {candidates}" },
  nearMisses: {
    zh: "近线（未达标，差距在近线范围内）",
    en: "near misses (below the threshold, within reach)",
  },
  nearMissLine: { zh: "{id} {name} {total}，差 {gap}", en: "{id} {name} {total}, {gap} short" },
  tiesOpen: { zh: "并列待组长决定", en: "ties waiting for the chair" },
  tieLine: { zh: "并列第 {rank} 名：{candidates}", en: "tied at rank {rank}: {candidates}" },
  noneEligible: { zh: "本级别没有达标单位", en: "no eligible candidate at this level" },
  exported: { zh: "已导出：{file}", en: "exported: {file}" },
  exportWorkbook: { zh: "结果工作簿", en: "results workbook" },
  exportNotice: { zh: "公示名单", en: "notice list" },
  tieAsk: {
    zh: "并列名次（按先后写编号，空格分开）",
    en: "order of the tied (ids, the first first)",
  },
  reason: { zh: "理由", en: "reason" },
  quotaScopeAsk: { zh: "设定{level}名额，范围：", en: "set a quota at {level} for: " },
  quotaWholeLevel: { zh: "本级全部", en: "the whole level" },
  quotaWholeOf: { zh: "{level}全部", en: "all at {level}" },
  quotaRegion: { zh: "地区", en: "a region" },
  quotaRegionAsk: { zh: "地区名称", en: "the region" },
  quotaRegionPick: { zh: "选择地区：", en: "pick a region: " },
  quotaSeatsAsk: { zh: "名额数（{scope}）", en: "seats ({scope})" },
  seatsNotNumber: {
    zh: "名额数应为正整数，实为 {found}",
    en: "seats must be a whole number above 0, found {found}",
  },
  quotaSet: { zh: "已设定名额 {quota}：{seats} 个", en: "quota {quota} set: {seats} seats" },
  tieDone: { zh: "已决定并列名次", en: "tie decided" },
  // rules
  tableHead: {
    zh: "{title} | {id} {version} | 适用：{types}",
    en: "{title} | {id} {version} | for: {types}",
  },
  scaleLine: {
    zh: "满分 {base} + 加分 {bonus} | 达标线 {threshold} | 近线 {nearMiss} 分内",
    en: "max {base} + bonus {bonus} | threshold {threshold} | near miss within {nearMiss}",
  },
  requires: { zh: "申报条件", en: "requirements" },
  requiresTitle: {
    zh: "持有有效的{level}称号满 {years} 年",
    en: "a valid {level} title held for {years} year(s)",
  },
  methods: { zh: "方法", en: "methods" },
  judgedStep: { zh: "评审打分，步长 {step}", en: "judged, step {step}" },
  checklistItem: { zh: "{label} {points} 分", en: "{label}: {points}" },
  countEach: { zh: "每项 {each} 分", en: "{each} each" },
  bandStep: { zh: "达 {min} 得 {points}", en: ">={min}: {points}" },
  linearLine: { zh: "{zeroAt} 得 0 分，{fullAt} 得满分", en: "0 at {zeroAt}, full at {fullAt}" },
  deductItem: { zh: "{label} 每次扣 {each}", en: "{label}: -{each} each" },
  pointsLine: { zh: "按数据计分", en: "points from the data" },
  panelSettings: {
    zh: "评审：{aggregate}，至少 {min} 位评委，{trim} 位起去掉最高最低",
    en: "panel: {aggregate}, at least {min} reviewers, trimmed from {trim}",
  },
  // common
  version: { zh: "第 {version} 版", en: "version {version}" },
  itemTitle: { zh: "{title}（{id}）", en: "{title} ({id})" },
  labelled: { zh: "{label}：{value}", en: "{label}: {value}" },
  yesNo: { zh: "y 确认  n 取消", en: "y yes  n no" },
  cancelled: { zh: "已取消", en: "cancelled" },
  readOnly: { zh: "只读：此操作不可用", en: "read only: not available here" },
  locked: { zh: "评审已定稿，不能更改", en: "the assessment is locked" },
  problems: { zh: "{message}（另有 {more} 个问题）", en: "{message} ({more} more)" },
  dataProblems: {
    zh: "有 {count} 个问题：{first}",
    en: "{count} problem(s): {first}",
  },
  tooSmall: {
    zh: "终端太小：至少需要 {columns}×{rows}，现在是 {width}×{height}",
    en: "the terminal is too small: {columns}x{rows} needed, {width}x{height} now",
  },
  crashed: {
    zh: "出错了：{message}。已保存的评分不受影响。按 q 退出",
    en: "something went wrong: {message}. saved scores are safe. press q to quit",
  },
  actionFailed: { zh: "操作失败：{message}", en: "the action failed: {message}" },
  working: { zh: "处理中", en: "working" },
  withWarning: { zh: "{text}；{warning}", en: "{text}; {warning}" },
  scrollAt: { zh: "{from}-{to}/{total} 行", en: "lines {from}-{to} of {total}" },
  helpTitle: { zh: "按键说明（Esc 或 ? 关闭）", en: "keys (Esc or ? to close)" },
} satisfies Record<string, Text>;

/** Fills `{name}` placeholders of a text in a language. */
export const say = formatText;

/** A level's name in a language. */
export function levelName(level: string, lang: Lang): string {
  return lang === "zh" ? (LEVEL_NAMES[level as Level] ?? level) : level;
}

/** A unit type's name in a language. */
export function unitTypeName(type: string, lang: Lang): string {
  return lang === "zh" ? (UNIT_TYPE_NAMES[type as UnitType] ?? type) : type.replace(/_/g, " ");
}

// the names longer than a list's type column (8 columns in Chinese, 10 in English), shortened as
// panels shorten them, so that no row of the list shows a cut name such as 乡镇(街~
const SHORT_TYPE: Readonly<Partial<Record<UnitType, { zh: string; en: string }>>> = {
  township: { zh: "乡镇", en: "township" },
  religious_site: { zh: "宗教场所", en: "religious" },
  military: { zh: "军营", en: "military" },
  scenic_area: { zh: "景区", en: "scenic" },
  social_org: { zh: "社会组织", en: "social org" },
};

/** A unit type's name for a narrow column of a list. */
export function unitTypeShort(type: string, lang: Lang): string {
  return SHORT_TYPE[type as UnitType]?.[lang] ?? unitTypeName(type, lang);
}

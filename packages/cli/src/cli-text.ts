import { formatText, STATUS_NAMES } from "@ceping/engine";
import type { Lang } from "@ceping/engine";

type Text = Readonly<Record<Lang, string>>;

/** Status names as a panel reads them (the engine's list, shared with the UI and workbooks). */
export const STATUS_TEXT = STATUS_NAMES;

/** Words of the command line's own output, in both languages side by side. */
export const TEXT = {
  id: { zh: "编号", en: "id" },
  name: { zh: "名称", en: "name" },
  unitType: { zh: "类型", en: "type" },
  level: { zh: "级别", en: "level" },
  total: { zh: "总分", en: "total" },
  base: { zh: "基础分", en: "base" },
  bonus: { zh: "加分", en: "bonus" },
  status: { zh: "结论", en: "status" },
  highest: { zh: "最高可达", en: "highest" },
  rank: { zh: "排名", en: "rank" },
  ruleChanges: { zh: "测评表变化（{count} 处）：", en: "rule changes ({count}):" },
  candidateChanges: {
    zh: "受影响的候选单位（{count} 个，共 {of} 个）：",
    en: "candidates that move ({count} of {of}):",
  },
  none: { zh: "—", en: "—" },
  reasons: { zh: "原因", en: "reasons" },
  indicator: { zh: "指标", en: "indicator" },
  max: { zh: "满分", en: "max" },
  points: { zh: "得分", en: "points" },
  why: { zh: "依据", en: "why" },
  bonusItems: { zh: "加分项", en: "bonus items" },
  bonusCap: {
    zh: "加分合计 {uncapped}，上限 {cap}，计 {points}",
    en: "bonus {uncapped}, capped at {cap}: {points}",
  },
  vetoes: { zh: "否决项", en: "vetoes" },
  vetoHolds: { zh: "成立", en: "holds" },
  vetoClear: { zh: "未发生", en: "clear" },
  vetoPanel: { zh: "（由评审组长记录）", en: " (raised by the chair)" },
  scoredAs: { zh: "按{type}测评表测评", en: "scored as {type}" },
  nearMiss: { zh: "近线", en: "near miss" },
  errors: { zh: "{count} 个错误", en: "{count} errors" },
  warnings: { zh: "{count} 个警告", en: "{count} warnings" },
  moreIssues: {
    zh: "……另有 {count} 条未在终端列出（重定向到文件可看全部：2> 问题.txt）",
    en: "… {count} more not shown on the terminal (redirect to see all: 2> issues.txt)",
  },
  checkOk: {
    zh: "✓ {tables} 张测评表、{levels} 个级别，检查通过",
    en: "✓ {tables} tables on {levels} levels: no problems",
  },
  testsSummary: {
    zh: "{passed} 个用例通过，{failed} 个失败",
    en: "{passed} passed, {failed} failed",
  },
  caseFailed: { zh: "✗ {file} {name}", en: "✗ {file} {name}" },
  expected: { zh: "期望 {expected}，实际 {actual}", en: "expected {expected}, got {actual}" },
  coverage: {
    zh: "覆盖率 {ruleset}：{exercised}/{total}（{share}）",
    en: "coverage {ruleset}: {exercised}/{total} ({share})",
  },
  unexercised: { zh: "  没有用例覆盖：{items}", en: "  no case exercised: {items}" },
  rerun: {
    zh: "—— {time} 文件已更改，重新测试 ——",
    en: "—— {time} files changed, testing again ——",
  },
  noTests: { zh: "没有找到测试文件（*.test.yaml）", en: "no test files (*.test.yaml) found" },
  unknownCandidate: { zh: "没有编号为 {id} 的候选单位", en: "no candidate with id {id}" },
  notYet: {
    zh: "“{command}”尚未实现，将随后续版本提供",
    en: "“{command}” is not implemented yet",
  },
  internal: {
    zh: "内部错误：{message}\n这是 ceping 的缺陷，请报告（设置 CEPING_DEBUG=1 可看详情）",
    en: "internal error: {message}\nthis is a bug in ceping; please report it (CEPING_DEBUG=1 shows details)",
  },
  written: { zh: "已写入 {file}", en: "wrote {file}" },
  readingRows: { zh: "正在读取 {sheet}：{done} 行", en: "reading {sheet}: {done} rows" },
  readingSheets: {
    zh: "正在读取评分表：第 {done} 张（{sheet}）",
    en: "reading score sheets: {done} ({sheet})",
  },
  writingLines: { zh: "正在写入 {sheet}：{done}/{total}", en: "writing {sheet}: {done}/{total}" },
  demoFile: {
    zh: "演示评审：{file}（以评审组长 {user} 身份打开；再次运行 ceping 仍打开此文件，删除它可从头开始）",
    en: "demo assessment: {file} (opened as the chair, {user}; ceping opens it again next time; delete it to start afresh)",
  },
  created: {
    zh: "已建立评审 {file}：{candidates} 个候选单位；日志哈希 {hash}",
    en: "created {file}: {candidates} candidates; log hash {hash}",
  },
  imported: {
    zh: "已导入：新增 {entered} 项评分，修改 {revised} 项，未变 {unchanged} 项，提交 {submitted} 张评分表；日志哈希 {hash}",
    en: "imported: {entered} scores entered, {revised} revised, {unchanged} unchanged, {submitted} sheets submitted; log hash {hash}",
  },
  conflictRecorded: {
    zh: "已记录回避：评委 {reviewer} 不评 {candidate}；日志哈希 {hash}",
    en: "conflict recorded: {reviewer} does not score {candidate}; log hash {hash}",
  },
  conflictDismissed: {
    zh: "已撤销回避：评委 {reviewer} 可评 {candidate}；日志哈希 {hash}",
    en: "conflict dismissed: {reviewer} may score {candidate}; log hash {hash}",
  },
  vetoRaised: {
    zh: "已对 {candidate} 提出否决项 {veto}；日志哈希 {hash}",
    en: "veto {veto} raised for {candidate}; log hash {hash}",
  },
  vetoWithdrawn: {
    zh: "已撤回 {candidate} 的否决项 {veto}；日志哈希 {hash}",
    en: "veto {veto} withdrawn for {candidate}; log hash {hash}",
  },
  kept: { zh: "维持原分", en: "kept" },
  revised: { zh: "已修改", en: "revised" },
  flagDisposed: {
    zh: "已处置分歧 {flag}：{disposition}；日志哈希 {hash}",
    en: "flag {flag} disposed of: {disposition}; log hash {hash}",
  },
  tieDecided: {
    zh: "已决定{level}并列名次：{order}；日志哈希 {hash}",
    en: "tie decided at {level}: {order}; log hash {hash}",
  },
  quotaWholeLevel: { zh: "本级全部", en: "the whole level" },
  quotaSet: {
    zh: "已设定{level}名额 {id}（{scope}）{seats} 个；日志哈希 {hash}",
    en: "quota {id} at {level} ({scope}) set to {seats} seats; log hash {hash}",
  },
  reviewerAdded: {
    zh: "已加入评委 {name}，拟回避 {proposed} 个单位；日志哈希 {hash}",
    en: "added reviewer {name}, {proposed} conflicts proposed; log hash {hash}",
  },
  chairAssigned: {
    zh: "评审组长为 {name}；日志哈希 {hash}",
    en: "{name} chairs the panel; log hash {hash}",
  },
  locked: {
    zh: "评审已定稿，不能再更改；最终哈希 {hash}",
    en: "the assessment is locked and cannot change; final hash {hash}",
  },
  verified: {
    zh: "✓ 事件链完整，{events} 个事件，所有结果复算一致；最终哈希 {hash}",
    en: "✓ the chain holds: {events} events, every result recomputes; final hash {hash}",
  },
  scoring: { zh: "正在测评 {count} 个候选单位…", en: "scoring {count} candidates…" },
} satisfies Record<string, Text>;

/** Fills `{name}` placeholders of a text in a language. */
export const say = formatText;

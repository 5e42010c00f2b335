import type { Issue, Message, MessageParams, Place } from "./issue.ts";
import { STORE_MESSAGES } from "./messages-store.ts";
import { WORKBOOK_MESSAGES } from "./messages-workbook.ts";

/** Languages a person can read ceping in. */
export type Lang = "zh" | "en";

/** A message's text from its parameters. */
export type Template = (p: MessageParams) => string;

// the yaml library's error codes, said in Chinese; its English text follows in brackets
// why a file could not be read, as a clerk would say it (the system's code otherwise)
const UNREADABLE_ZH: Readonly<Record<string, string>> = {
  EISDIR: "这是一个目录，这里要的是文件",
  EACCES: "没有读取权限",
  EPERM: "没有读取权限",
  EMFILE: "同时打开的文件过多，请稍后再试",
  EIO: "磁盘读取出错",
};
const UNREADABLE_EN: Readonly<Record<string, string>> = {
  EISDIR: "it is a folder, and a file is wanted here",
  EACCES: "no permission to read it",
  EPERM: "no permission to read it",
  EMFILE: "too many files are open; try again",
  EIO: "the disk could not be read",
};

const YAML_HINTS: Readonly<Record<string, string>> = {
  BAD_INDENT: "缩进不对",
  TAB_AS_INDENT: "不能用 Tab 缩进，请用空格",
  DUPLICATE_KEY: "同一层有重复的键",
  MISSING_CHAR: "缺少配对的括号、引号或逗号",
  UNEXPECTED_TOKEN: "这里出现了不该有的符号",
  BLOCK_IN_FLOW: "方括号或花括号里不能换行写块",
  MULTILINE_IMPLICIT_KEY: "键不能跨行",
  BAD_SCALAR_START: "这个值不能以此字符开头，请加引号",
  ALIAS_PROPS: "别名不能带标签或锚点",
  BAD_ALIAS: "别名不存在",
  IMPOSSIBLE: "无法解析",
};

// Each message in both languages side by side, so a new one cannot be added in one language only.
// The catalog of every package lives here, so that any issue renders the same way wherever it
// is shown; the workbook's and the store's own messages are in files of their own.
const ENGINE_MESSAGES = {
  // expressions
  "expr.unknown_operation": {
    zh: (p) => `未知运算"${p.op}"（可用：${p.known}）`,
    en: (p) => `unknown operation "${p.op}" (known: ${p.known})`,
  },
  "expr.forbidden_name": {
    zh: (p) => `不允许读取"${p.name}"：它不是字段、列表或计算值`,
    en: (p) => `"${p.name}" may not be read: it is no field, list or computed value`,
  },
  "expr.unknown_var": {
    zh: (p) => `"${p.name}"不是${p.scope}中的字段`,
    en: (p) => `"${p.name}" is not a field of ${p.scope}`,
  },
  "expr.dynamic_var": {
    zh: () => `var 的路径须是写明的文字，不能由运算得出`,
    en: () => `a var path must be written out, not computed`,
  },
  "expr.not_an_expression": {
    zh: (p) => `对象只能有一个键（运算名），这里有：${p.keys}`,
    en: (p) => `an object must have exactly one key (the operation), found: ${p.keys}`,
  },
  "expr.arity": {
    zh: (p) => `"${p.op}"需要${p.expected}个参数，这里有${p.found}个`,
    en: (p) => `"${p.op}" takes ${p.expected} argument(s), found ${p.found}`,
  },
  "expr.list_expected": {
    zh: (p) => `"${p.op}"的第一个参数须是列表`,
    en: (p) => `the first argument of "${p.op}" must be a list`,
  },
  "expr.not_json": {
    zh: (p) => `表达式中不能有"${p.found}"这样的值，只能是 JSON 值`,
    en: (p) => `an expression holds only JSON values, found ${p.found}`,
  },
  "expr.round_digits": {
    zh: (p) => `"round"的小数位数须是整数，这里是：${p.found}`,
    en: (p) => `the digits of "round" must be a whole number, found ${p.found}`,
  },
  "expr.eval_failed": {
    zh: (p) => `表达式计算出错：${p.reason}`,
    en: (p) => `the expression failed: ${p.reason}`,
  },
  // rule files
  "source.syntax": {
    zh: (p) => `语法错误：${YAML_HINTS[String(p.code)] ?? "无法解析"}（${p.reason}）`,
    en: (p) => `syntax error: ${p.reason}`,
  },
  "source.not_found": {
    zh: () => `文件或目录不存在`,
    en: () => `no such file or folder`,
  },
  "source.unreadable": {
    zh: (p) => `无法读取：${UNREADABLE_ZH[String(p.reason)] ?? String(p.reason)}`,
    en: (p) => `cannot be read: ${UNREADABLE_EN[String(p.reason)] ?? String(p.reason)}`,
  },
  "source.too_large": {
    zh: (p) => `文件过大（${p.size}），上限为 ${p.limit}`,
    en: (p) => `the file is too large (${p.size}); the limit is ${p.limit}`,
  },
  "rule.unknown_key": {
    zh: (p) => `未知的键"${p.key}"（位于 ${p.at}）`,
    en: (p) => `unknown key "${p.key}" (in ${p.at})`,
  },
  "rule.required_key": {
    zh: (p) => `缺少"${p.key}"（位于 ${p.at}）`,
    en: (p) => `"${p.key}" is missing (in ${p.at})`,
  },
  "rule.wrong_type": {
    zh: (p) => `${p.at} 应为 ${p.expected}，实为 ${p.found}`,
    en: (p) => `${p.at} should be ${p.expected}, found ${p.found}`,
  },
  "rule.not_allowed": {
    zh: (p) => `${p.at} 只能是 ${p.allowed} 之一，实为 ${p.found}`,
    en: (p) => `${p.at} must be one of ${p.allowed}, found ${p.found}`,
  },
  "rule.bad_name": {
    zh: (p) => `${p.at} 中的名称 ${p.name} 不合规：须以小写字母开头，只含小写字母、数字和下划线`,
    en: (p) =>
      `the name ${p.name} in ${p.at} is not valid: lower-case letters, digits and _ only, starting with a letter`,
  },
  "rule.schema": {
    zh: (p) => `${p.at}：${p.reason}`,
    en: (p) => `${p.at}: ${p.reason}`,
  },
  "rule.remove_unknown": {
    zh: (p) => `要删除的"${p.id}"在所继承的测评表中不存在`,
    en: (p) => `"${p.id}" is removed but the inherited table has no such item`,
  },
  "rule.scoring_kinds": {
    zh: (p) =>
      `指标"${p.id}"须有且只有一种计分方式（judged、checklist、count、bands、linear、deduct、points），这里有：${p.found}`,
    en: (p) =>
      `indicator "${p.id}" needs exactly one scoring key (judged, checklist, count, bands, linear, deduct, points), found: ${p.found}`,
  },
  "rule.veto_without_condition": {
    zh: (p) => `否决项"${p.id}"须有条件 when，或写明 raisedBy: panel`,
    en: (p) => `veto "${p.id}" needs a condition (when) or raisedBy: panel`,
  },
  "rule.requirement_kind": {
    zh: () => `申报条件须是 title（已获称号）或 when（条件及 message），二者取一`,
    en: () => `a requirement is either a title or a when condition with a message`,
  },
  "rule.no_validity": {
    zh: (p) => `测评表"${p.id}"（${p.level}）未规定称号有效期：在本表或 level.yaml 中写明 validity`,
    en: (p) =>
      `table "${p.id}" (${p.level}) has no title validity: give validity here or in level.yaml`,
  },
  "rule.categories_sum": {
    zh: (p) => `一级指标分值合计 ${p.sum}，应等于 scale.base ${p.base}`,
    en: (p) => `the categories add up to ${p.sum}, not scale.base ${p.base}`,
  },
  "rule.indicators_sum": {
    zh: (p) => `一级指标"${p.id}"下各指标分值合计 ${p.sum}，应等于其分值 ${p.max}`,
    en: (p) => `the indicators of category "${p.id}" add up to ${p.sum}, not its max ${p.max}`,
  },
  "rule.threshold_unreachable": {
    zh: (p) => `测评标准 ${p.threshold} 分高于可得的最高分`,
    en: (p) => `the threshold ${p.threshold} is above the highest possible total`,
  },
  "rule.reserved_name": {
    zh: (p) => `"${p.name}"是保留名称，不能用作字段、列表或计算值的名称`,
    en: (p) => `"${p.name}" is reserved and cannot name a field, list or computed value`,
  },
  "rule.duplicate_id": {
    zh: (p) => `"${p.id}"重复（已用作 ${p.kind}）`,
    en: (p) => `"${p.id}" is used twice (already a ${p.kind})`,
  },
  "rule.unknown_veto": {
    zh: (p) => `指标"${p.id}"关联的否决项"${p.veto}"不存在`,
    en: (p) => `indicator "${p.id}" names veto "${p.veto}", which does not exist`,
  },
  "rule.max_off_step": {
    zh: (p) => `指标"${p.id}"的满分不是步长 ${p.step} 的整数倍，评委打不出满分`,
    en: (p) => `the max of indicator "${p.id}" is not a multiple of its step ${p.step}`,
  },
  "rule.rubric_points": {
    zh: (p) =>
      `指标"${p.id}"的评分档"${p.label}"为 ${p.points} 分，须在 0 到 ${p.max} 之间且为 ${p.step} 的整数倍`,
    en: (p) =>
      `rubric level "${p.label}" of indicator "${p.id}" gives ${p.points}; it must be within 0..${p.max} in steps of ${p.step}`,
  },
  "rule.checklist_item_kind": {
    zh: (p) => `指标"${p.id}"的检查项"${p.item}"须有 when 或 field，二者取一`,
    en: (p) =>
      `checklist item "${p.item}" of indicator "${p.id}" needs exactly one of when and field`,
  },
  "rule.checklist_field": {
    zh: (p) => `指标"${p.id}"的检查项"${p.item}"引用的"${p.field}"不是是/否字段`,
    en: (p) =>
      `checklist item "${p.item}" of indicator "${p.id}" names "${p.field}", which is no boolean field`,
  },
  "rule.bands_order": {
    zh: (p) => `指标"${p.id}"的分档须按 min 从高到低排列，且不能重复`,
    en: (p) =>
      `the bands of indicator "${p.id}" must run from the highest min to the lowest, without repeats`,
  },
  "rule.band_points": {
    zh: (p) => `指标"${p.id}"的分档给 ${p.points} 分，高于满分 ${p.max}`,
    en: (p) => `a band of indicator "${p.id}" gives ${p.points}, above its max ${p.max}`,
  },
  "rule.linear_range": {
    zh: (p) => `指标"${p.id}"的 zeroAt 与 fullAt 不能相同`,
    en: (p) => `zeroAt and fullAt of indicator "${p.id}" must differ`,
  },
  "rule.enum_values": {
    zh: (p) => `枚举字段"${p.name}"须列出 values`,
    en: (p) => `enum field "${p.name}" needs values`,
  },
  "rule.field_range": {
    zh: (p) => `字段"${p.name}"的 min 大于 max`,
    en: (p) => `field "${p.name}" has min above max`,
  },
  "rule.computed_cycle": {
    zh: (p) => `计算值相互引用成环：${p.cycle}`,
    en: (p) => `computed values depend on each other in a cycle: ${p.cycle}`,
  },
  "rule.level_folder": {
    zh: (p) => `级别为 ${p.level}，但文件在 ${p.folder} 目录中`,
    en: (p) => `the level is ${p.level} but the file is in the ${p.folder} folder`,
  },
  "rule.duplicate_level_file": {
    zh: (p) => `级别 ${p.level} 有不止一个 level.yaml`,
    en: (p) => `level ${p.level} has more than one level file`,
  },
  "rule.duplicate_rule_set": {
    zh: (p) => `测评表 id "${p.id}" 重复（已见于 ${p.file}）`,
    en: (p) => `rule set id "${p.id}" is used twice (also in ${p.file})`,
  },
  "rule.extends_cycle": {
    zh: (p) => `extends 成环：${p.cycle}`,
    en: (p) => `extends forms a cycle: ${p.cycle}`,
  },
  "rule.extends_unknown": {
    zh: (p) => `extends 的测评表"${p.id}"不存在`,
    en: (p) => `extends names "${p.id}", which is not loaded`,
  },
  "rule.unit_type_twice": {
    zh: (p) => `本级有两张测评表适用于 ${p.unitType}：${p.id} 与 ${p.other}`,
    en: (p) => `two tables of this level apply to ${p.unitType}: ${p.id} and ${p.other}`,
  },
  "rule.fallback_unscored": {
    zh: (p) => `${p.level} 级把 ${p.from} 转按 ${p.to} 测评，但本级没有适用于 ${p.to} 的测评表`,
    en: (p) =>
      `level ${p.level} scores ${p.from} as ${p.to}, but no table of that level applies to ${p.to}`,
  },
  "rule.no_rules": {
    zh: (p) => `在 ${p.path} 中没有找到测评表`,
    en: (p) => `no rule files found in ${p.path}`,
  },
  // candidates and scores
  "cand.no_list": {
    zh: (p) => `应为含"${p.key}"的对象`,
    en: (p) => `expected an object with "${p.key}"`,
  },
  "cand.duplicate_id": {
    zh: (p) => `编号"${p.id}"重复（已见于 ${p.other}）`,
    en: (p) => `id "${p.id}" appears twice (also at ${p.other})`,
  },
  "cand.not_object": {
    zh: (p) => `应为对象，实为 ${p.found}`,
    en: (p) => `expected an object, found ${p.found}`,
  },
  "cand.not_list": {
    zh: (p) => `"${p.key}"应为列表，实为 ${p.found}`,
    en: (p) => `"${p.key}" should be a list, found ${p.found}`,
  },
  "cand.required": {
    zh: (p) => `缺少"${p.key}"，实为 ${p.found}`,
    en: (p) => `"${p.key}" is required, found ${p.found}`,
  },
  "cand.unit_type": {
    zh: (p) => `未知的单位类型"${p.found}"`,
    en: (p) => `unknown unit type "${p.found}"`,
  },
  "cand.title_level": {
    zh: (p) => `称号级别应为县级、州(市)级、省(区)级或国家级，实为 ${p.found}`,
    en: (p) => `a title level must be county, prefecture, province or national, found ${p.found}`,
  },
  "cand.unscored_unit_type": {
    zh: (p) => `没有测评表适用于单位类型"${p.unitType}"（也没有在 level.yaml 中转按其他类型测评）`,
    en: (p) => `no table scores unit type "${p.unitType}" (and no level.yaml falls back for it)`,
  },
  "data.integer": {
    zh: (p) => `${p.label}：应为整数，实为 ${p.found}`,
    en: (p) => `${p.label}: expected a whole number, found ${p.found}`,
  },
  "data.number": {
    zh: (p) => `${p.label}：应为数字，实为 ${p.found}`,
    en: (p) => `${p.label}: expected a number, found ${p.found}`,
  },
  "data.ratio": {
    zh: (p) => `${p.label}：应为0到1之间的比例（或百分数），实为 ${p.found}`,
    en: (p) => `${p.label}: expected a ratio from 0 to 1 (or a percentage), found ${p.found}`,
  },
  "data.range": {
    zh: (p) => `${p.label}：应在 ${p.min} 到 ${p.max} 之间，实为 ${p.found}`,
    en: (p) => `${p.label}: expected ${p.min} to ${p.max}, found ${p.found}`,
  },
  "data.min": {
    zh: (p) => `${p.label}：应不小于 ${p.min}，实为 ${p.found}`,
    en: (p) => `${p.label}: expected at least ${p.min}, found ${p.found}`,
  },
  "data.max": {
    zh: (p) => `${p.label}：应不大于 ${p.max}，实为 ${p.found}`,
    en: (p) => `${p.label}: expected at most ${p.max}, found ${p.found}`,
  },
  "data.boolean": {
    zh: (p) => `${p.label}：应为是或否，实为 ${p.found}`,
    en: (p) => `${p.label}: expected yes or no, found ${p.found}`,
  },
  "data.string": {
    zh: (p) => `${p.label}：应为文字，实为 ${p.found}`,
    en: (p) => `${p.label}: expected text, found ${p.found}`,
  },
  "data.date": {
    zh: (p) => `${p.label}：应为日期（如 2024-05-01），实为 ${p.found}`,
    en: (p) => `${p.label}: expected a date (like 2024-05-01), found ${p.found}`,
  },
  "data.enum": {
    zh: (p) => `${p.label}：应为 ${p.allowed} 之一，实为 ${p.found}`,
    en: (p) => `${p.label}: expected one of ${p.allowed}, found ${p.found}`,
  },
  "data.list": {
    zh: (p) => `${p.label}：应为行的列表，实为 ${p.found}`,
    en: (p) => `${p.label}: expected a list of rows, found ${p.found}`,
  },
  "data.row": {
    zh: (p) => `${p.label}：每行应为对象，实为 ${p.found}`,
    en: (p) => `${p.label}: each row must be an object, found ${p.found}`,
  },
  "data.row_required": {
    zh: (p) => `${p.list}：缺少必填的${p.label}`,
    en: (p) => `${p.list}: ${p.label} is required`,
  },
  "data.unknown_field": {
    zh: (p) => `"${p.key}"不是测评表 ${p.table} 的字段，不参与计分`,
    en: (p) => `"${p.key}" is no field of table ${p.table} and is not scored`,
  },
  "score.not_number": {
    zh: (p) => `评委 ${p.reviewer} 对"${p.indicator}"的评分应为数字，实为 ${p.found}`,
    en: (p) =>
      `reviewer ${p.reviewer}'s score for "${p.indicator}" should be a number, found ${p.found}`,
  },
  "score.unknown_candidate": {
    zh: (p) => `没有编号为"${p.id}"的候选单位`,
    en: (p) => `there is no candidate with id "${p.id}"`,
  },
  "score.unknown_indicator": {
    zh: (p) => `评委 ${p.reviewer} 评了"${p.indicator}"，但测评表中没有这项评审指标`,
    en: (p) =>
      `reviewer ${p.reviewer} scored "${p.indicator}", which is no judged indicator of the tables`,
  },
  "score.range": {
    zh: (p) =>
      `评委 ${p.reviewer} 对"${p.indicator}"打了 ${p.found} 分，应在 0 到 ${p.max} 之间（最多两位小数）`,
    en: (p) =>
      `reviewer ${p.reviewer} gave "${p.indicator}" ${p.found}; it must be within 0..${p.max} (two decimals at most)`,
  },
  "score.step": {
    zh: (p) => `评委 ${p.reviewer} 对"${p.indicator}"打了 ${p.found} 分，应为 ${p.step} 的整数倍`,
    en: (p) =>
      `reviewer ${p.reviewer} gave "${p.indicator}" ${p.found}; it must be a multiple of ${p.step}`,
  },
  // reasons for a status
  "reason.missing": {
    zh: (p) => `资料不全，缺少：${p.fields}`,
    en: (p) => `data missing: ${p.fields}`,
  },
  "reason.pending": {
    zh: (p) => `${p.count}项评审指标评分人数不足${p.min}人：${p.ids}`,
    en: (p) => `${p.count} judged indicators have fewer than ${p.min} reviewers' scores: ${p.ids}`,
  },
  "reason.veto": {
    zh: (p) => `一票否决：${p.title}`,
    en: (p) => `veto: ${p.title}`,
  },
  "reason.requirement": {
    zh: (p) => `不符合申报条件：${p.message}`,
    en: (p) => `requirement not met: ${p.message}`,
  },
  "reason.title_none": {
    zh: (p) => `未获得${p.level}命名（须获命名满${p.years}年且在有效期内）`,
    en: (p) => `holds no ${p.level} title (needs one held ${p.years} years and still valid)`,
  },
  "reason.title_too_recent": {
    zh: (p) => `${p.level}命名于${p.awarded}，已满${p.held}年，须满${p.years}年`,
    en: (p) => `${p.level} title awarded ${p.awarded}, held ${p.held} years, needs ${p.years}`,
  },
  "reason.title_revoked": {
    zh: (p) => `${p.level}命名（${p.awarded}）已被撤销`,
    en: (p) => `the ${p.level} title of ${p.awarded} was revoked`,
  },
  "reason.title_expired": {
    zh: (p) => `${p.level}命名（${p.awarded}）已于${p.expired}期满，须重新测评命名`,
    en: (p) => `the ${p.level} title of ${p.awarded} expired on ${p.expired} and must be renewed`,
  },
  "reason.below_threshold": {
    zh: (p) => `总分${p.total}，低于测评标准${p.threshold}分`,
    en: (p) => `total ${p.total} is below the threshold ${p.threshold}`,
  },
  "reason.near_miss": {
    zh: (p) => `总分${p.total}，距测评标准${p.threshold}分仅差${p.gap}分`,
    en: (p) => `total ${p.total} misses the threshold ${p.threshold} by only ${p.gap}`,
  },
  "reason.fallback": {
    zh: (p) => `本级无${p.unitType}测评表，按${p.table}测评表（${p.title}）测评`,
    en: (p) =>
      `no table of this level for ${p.unitType}: scored on the ${p.table} table (${p.title})`,
  },
  "explain.panel": {
    zh: (p) => `评审组评分 ${p.points}`,
    en: (p) => `panel score ${p.points}`,
  },
  "explain.pending": {
    zh: (p) => `已有${p.count}位评委评分，至少需${p.min}位，待评审`,
    en: (p) => `${p.count} reviewers have scored, ${p.min} needed: pending`,
  },
  "explain.judged": {
    zh: (p) =>
      `评委评分：${p.scores}；${p.aggregate === "median" ? "取中位数" : "取平均"} ${p.points}`,
    en: (p) => `reviewers: ${p.scores}; ${p.aggregate} ${p.points}`,
  },
  "explain.judged_trimmed": {
    zh: (p) =>
      `评委评分：${p.scores}（✗ 为去掉的分数）；其余取${p.aggregate === "median" ? "中位数" : "平均"} ${p.points}`,
    en: (p) => `reviewers: ${p.scores} (✗ dropped); ${p.aggregate} of the rest ${p.points}`,
  },
  "explain.checklist": {
    zh: (p) => `符合：${p.held}；不符合：${p.notHeld}`,
    en: (p) => `held: ${p.held}; not held: ${p.notHeld}`,
  },
  "explain.count": {
    zh: (p) => `计数 ${p.value} × 每项 ${p.each} 分`,
    en: (p) => `count ${p.value} × ${p.each} each`,
  },
  "explain.band": {
    zh: (p) => `数值 ${p.value}，达到 ≥${p.min} 档，得 ${p.points} 分`,
    en: (p) => `value ${p.value} reaches the band ≥${p.min}: ${p.points}`,
  },
  "explain.band_none": {
    zh: (p) => `数值 ${p.value}，未达最低档 ${p.min}，得 0 分`,
    en: (p) => `value ${p.value} is below the lowest band ${p.min}: 0`,
  },
  "explain.linear": {
    zh: (p) => `${p.max} × (${p.value} − ${p.zeroAt}) ÷ (${p.fullAt} − ${p.zeroAt})`,
    en: (p) => `${p.max} × (${p.value} − ${p.zeroAt}) / (${p.fullAt} − ${p.zeroAt})`,
  },
  "explain.deduct": {
    zh: (p) => `${p.items}；${p.max} − ${p.deducted}`,
    en: (p) => `${p.items}; ${p.max} − ${p.deducted}`,
  },
  "explain.points": {
    zh: (p) => `表达式结果 ${p.value}`,
    en: (p) => `the expression gives ${p.value}`,
  },
  "explain.clamped": {
    zh: (p) => `计得 ${p.raw}，按 0 到 ${p.max} 分计`,
    en: (p) => `computed ${p.raw}, clamped to 0..${p.max}`,
  },
  "explain.missing": {
    zh: (p) => `缺少数据（${p.fields}），计0分`,
    en: (p) => `data missing (${p.fields}): scores 0`,
  },
  // rule tests
  "test.shape": {
    zh: () => `测试文件应含 ruleset（测评表 id）、on（测评日期）和 cases（用例列表）`,
    en: () => `a test file needs ruleset (a table id), on (the assessment date) and cases`,
  },
  "test.unknown_ruleset": {
    zh: (p) => `测试文件指向的测评表"${p.id}"未加载`,
    en: (p) => `the tests name table "${p.id}", which is not loaded`,
  },
  "test.on": {
    zh: (p) => `on 应为测评日期（如 2026-11-29），实为 ${p.found}`,
    en: (p) => `on should be the assessment date (like 2026-11-29), found ${p.found}`,
  },
  "test.case_shape": {
    zh: () => `用例应含 name、candidate 和 expect`,
    en: () => `a case needs name, candidate and expect`,
  },
} satisfies Record<string, { zh: Template; en: Template }>;

const MESSAGES = { ...ENGINE_MESSAGES, ...WORKBOOK_MESSAGES, ...STORE_MESSAGES };

/** Every message ceping can show, by code. */
export type MessageCode = keyof typeof MESSAGES;

/** Renders a message in a language. */
export function formatMessage(message: Message, lang: Lang = "zh"): string {
  const entry: { zh: Template; en: Template } = MESSAGES[message.code];
  return entry[lang](message.params);
}

/** Fills `{name}` placeholders of a text given in both languages (the CLI's and the UI's own words). */
export function formatText(
  text: Readonly<Record<Lang, string>>,
  lang: Lang,
  params: MessageParams = {},
): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Renders a place as `file:line:column`, or `file path` without a line. */
export function formatPlace(place: Place): string {
  let text = place.file;
  if (place.line !== undefined) {
    text += `:${place.line}`;
    if (place.column !== undefined) {
      text += `:${place.column}`;
    }
  }
  if (place.path) {
    text += text ? ` ${place.path}` : place.path;
  }
  return text;
}

/** Renders an issue as one line: place, severity, message. */
export function formatIssue(issue: Issue, lang: Lang = "zh"): string {
  const severity =
    issue.severity === "error"
      ? lang === "zh"
        ? "错误"
        : "error"
      : lang === "zh"
        ? "警告"
        : "warning";
  return `${formatPlace(issue.place)}: ${severity}: ${formatMessage(issue, lang)}`;
}

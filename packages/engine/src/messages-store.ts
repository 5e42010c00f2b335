import type { MessageParams } from "./issue.ts";
import type { Template } from "./messages.ts";

// the kinds of conflict (回避) of panel.md, as their codes are written in events
const CONFLICT_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  same_unit: { zh: "同一单位", en: "same unit" },
  supervisory: { zh: "上下级或监管关系", en: "supervisory relation" },
  family_employment: { zh: "亲属或雇佣关系", en: "family or employment ties" },
  helped_prepare: { zh: "参与准备其申报材料", en: "helped prepare its application" },
  township: { zh: "居住在其所在乡镇", en: "lives in its township" },
  other: { zh: "其他", en: "other" },
};

// what a person tried to do, for messages that say who may do it or what it needs
const ACTIONS: Readonly<Record<string, { zh: string; en: string }>> = {
  assign_chair: { zh: "指定评审组长", en: "assign the chair" },
  declare_conflict: { zh: "记录回避", en: "record a conflict" },
  dismiss_conflict: { zh: "排除回避", en: "dismiss a conflict" },
  revise_score: { zh: "修改已提交的评分", en: "revise a submitted score" },
  raise_veto: { zh: "提出否决项", en: "raise a veto" },
  withdraw_veto: { zh: "撤回否决项", en: "withdraw a veto" },
  dispose_flag: { zh: "处理分歧提示", en: "dispose of a divergence flag" },
  decide_tie: { zh: "决定并列名次", en: "decide a tie" },
  lock: { zh: "定稿（锁定评审）", en: "finalize (lock) the assessment" },
};

const kind = (p: MessageParams, lang: "zh" | "en") =>
  CONFLICT_KINDS[String(p.kind)]?.[lang] ?? String(p.kind);
const action = (p: MessageParams, lang: "zh" | "en") =>
  ACTIONS[String(p.action)]?.[lang] ?? String(p.action);

/** Messages of the assessment store, in both languages; codes start with their area. */
export const STORE_MESSAGES = {
  // the file
  "store.in_use": {
    zh: (p) => `评审文件 ${p.file} 正被另一个程序使用：请先关闭那个程序（本次没有读写任何内容）`,
    en: (p) =>
      `the assessment ${p.file} is in use by another program: close it first (nothing was read or written)`,
  },
  "store.full": {
    zh: (p) => `磁盘已满，无法写入 ${p.file}：刚才的操作没有保存，文件保持原样；腾出空间后再试`,
    en: (p) =>
      `the disk is full: ${p.file} could not be written; the last action was not saved and the file is as it was; free some space and try again`,
  },
  "store.not_assessment": {
    zh: (p) => `${p.file} 不是评审文件（.ceping）`,
    en: (p) => `${p.file} is not an assessment file (.ceping)`,
  },
  "store.too_new": {
    zh: (p) =>
      `${p.file} 由较新版本的 ceping 写成（文件格式 ${p.version}，本版本只认到 ${p.supported}）：请升级 ceping`,
    en: (p) =>
      `${p.file} was written by a newer ceping (file format ${p.version}; this one knows up to ${p.supported}): upgrade ceping`,
  },
  "store.exists": {
    zh: (p) => `${p.file} 已存在，不会覆盖：请换一个文件名`,
    en: (p) => `${p.file} exists already and is not overwritten: choose another name`,
  },
  "store.not_found": {
    zh: (p) => `找不到评审文件 ${p.file}`,
    en: (p) => `there is no assessment file ${p.file}`,
  },
  "store.conflict": {
    zh: (p) =>
      `${p.file} 在此期间已由别处写入（应接第 ${p.expected} 条事件，实为第 ${p.found} 条）：请重新读取后再试`,
    en: (p) =>
      `${p.file} was written elsewhere meanwhile (event ${p.expected} expected, found ${p.found}): read it again and retry`,
  },
  "store.closed": {
    zh: (p) => `评审文件 ${p.file} 已关闭`,
    en: (p) => `the assessment ${p.file} is closed`,
  },
  "store.io": {
    zh: (p) => `读写 ${p.file} 失败：${p.reason}`,
    en: (p) => `reading or writing ${p.file} failed: ${p.reason}`,
  },
  // creating an assessment
  "store.on": {
    zh: (p) => `测评日期应为 2026-11-29 这样的日期，实为 ${p.found}`,
    en: (p) => `the assessment date must be a date like 2026-11-29, found ${p.found}`,
  },
  "store.level_unknown": {
    zh: (p) => `所给测评规则中没有 ${p.level} 级的测评表（有：${p.levels}）`,
    en: (p) => `the rules hold no table of level ${p.level} (they have: ${p.levels})`,
  },
  "store.no_candidates": {
    zh: () => `没有候选单位`,
    en: () => `there are no candidates`,
  },
  "store.policy": {
    zh: (p) => `评审设置 ${p.path} 的值 ${p.found} 无效`,
    en: (p) => `the panel setting ${p.path} cannot be ${p.found}`,
  },
  "store.name": {
    zh: (p) =>
      `${p.what === "actor" ? "操作人" : "评委"}姓名不能为空${p.found ? `，也不能是 ${p.found}` : ""}`,
    en: (p) =>
      `${p.what === "actor" ? "the actor's" : "a reviewer's"} name must not be empty${p.found ? ` nor ${p.found}` : ""}`,
  },
  // the panel
  "store.locked": {
    zh: () => `评审已定稿（锁定），不能再更改`,
    en: () => `the assessment is finalized (locked) and cannot change`,
  },
  "store.unknown_reviewer": {
    zh: (p) => `"${p.name}"不在本次评审的评委名单中`,
    en: (p) => `"${p.name}" is not on this assessment's panel`,
  },
  "store.reviewer_exists": {
    zh: (p) => `评委 ${p.name} 已在名单中`,
    en: (p) => `reviewer ${p.name} is on the panel already`,
  },
  "store.no_chair": {
    zh: (p) => `本次评审还没有指定评审组长，无法${action(p, "zh")}`,
    en: (p) => `the assessment has no chair yet, so no one can ${action(p, "en")}`,
  },
  "store.chair_only": {
    zh: (p) => `只有评审组长（${p.chair}）可以${action(p, "zh")}，${p.actor} 不能`,
    en: (p) => `only the chair (${p.chair}) may ${action(p, "en")}, not ${p.actor}`,
  },
  "store.chair_not_scorer": {
    zh: (p) => `评审组长不能录入或修改评委 ${p.reviewer} 的评分`,
    en: (p) => `the chair never enters or changes reviewer ${p.reviewer}'s scores`,
  },
  "store.reason_missing": {
    zh: (p) => `${action(p, "zh")}须写明理由`,
    en: (p) => `to ${action(p, "en")} a reason must be given`,
  },
  "store.conflicted": {
    zh: (p) =>
      `评委 ${p.reviewer} 与候选单位 ${p.candidate} 须回避（${kind(p, "zh")}），不能为其评分，也不看其他评委的评分`,
    en: (p) =>
      `reviewer ${p.reviewer} has a conflict with candidate ${p.candidate} (${kind(p, "en")}) and may neither score it nor see its scores`,
  },
  "store.conflict_actor": {
    zh: (p) => `回避由评委本人申报或由评审组长记录，${p.actor} 不能代评委 ${p.reviewer} 申报`,
    en: (p) =>
      `a conflict is declared by the reviewer or recorded by the chair; ${p.actor} cannot declare one for ${p.reviewer}`,
  },
  "store.conflict_kind": {
    zh: (p) =>
      `回避类型应为 same_unit（同一单位）、supervisory（上下级或监管）、family_employment（亲属或雇佣）、helped_prepare（参与准备申报）、township（居住在其乡镇）或 other（其他），实为 ${p.found}`,
    en: (p) =>
      `a conflict's kind is same_unit, supervisory, family_employment, helped_prepare, township or other, found ${p.found}`,
  },
  "store.conflict_note": {
    zh: () => `回避类型为"其他"时须写明具体情况`,
    en: () => `a conflict of kind "other" needs a note saying what it is`,
  },
  "store.conflict_exists": {
    zh: (p) => `评委 ${p.reviewer} 与 ${p.candidate} 的回避已有记录（${kind(p, "zh")}）`,
    en: (p) =>
      `the conflict of ${p.reviewer} with ${p.candidate} is recorded already (${kind(p, "en")})`,
  },
  "store.no_conflict": {
    zh: (p) => `评委 ${p.reviewer} 与 ${p.candidate} 之间没有有效的回避记录`,
    en: (p) => `there is no conflict in force between ${p.reviewer} and ${p.candidate}`,
  },
  "store.conflict_set_aside": {
    zh: (p) => `评委 ${p.reviewer} 已为 ${p.candidate} 打的分因回避不再计入`,
    en: (p) => `the scores ${p.reviewer} gave ${p.candidate} no longer count (conflict)`,
  },
  "store.revision_reason": {
    zh: (p) =>
      `评委 ${p.reviewer} 已提交对 ${p.candidate} 的评分：把"${p.indicator}"${p.from === "" ? `补评为 ${p.to}` : `从 ${p.from} 改为 ${p.to}`}，须写明理由`,
    en: (p) =>
      `reviewer ${p.reviewer} has submitted their scores for ${p.candidate}: ${p.from === "" ? `adding "${p.indicator}" as ${p.to}` : `changing "${p.indicator}" from ${p.from} to ${p.to}`} needs a reason`,
  },
  "store.already_submitted": {
    zh: (p) => `评委 ${p.reviewer} 已提交过对 ${p.candidate} 的评分`,
    en: (p) => `reviewer ${p.reviewer} has submitted their scores for ${p.candidate} already`,
  },
  "store.nothing_to_submit": {
    zh: (p) => `评委 ${p.reviewer} 还没有为 ${p.candidate} 打分，无可提交`,
    en: (p) => `reviewer ${p.reviewer} has no scores for ${p.candidate} to submit`,
  },
  "store.not_on_panel": {
    zh: (p) => `${p.viewer} 不是本次评审的评委或组长，不能查看逐位评委的评分`,
    en: (p) => `${p.viewer} is neither a reviewer nor the chair and cannot see reviewers' scores`,
  },
  "store.veto_not_panel": {
    zh: (p) => `候选单位 ${p.candidate} 适用的测评表中没有由评审组提出的否决项"${p.veto}"`,
    en: (p) =>
      `the tables of candidate ${p.candidate} have no veto "${p.veto}" that the panel raises`,
  },
  "store.veto_raised": {
    zh: (p) => `已对 ${p.candidate} 提出否决项"${p.veto}"`,
    en: (p) => `veto "${p.veto}" is raised for ${p.candidate} already`,
  },
  "store.veto_not_raised": {
    zh: (p) => `没有对 ${p.candidate} 提出过否决项"${p.veto}"`,
    en: (p) => `veto "${p.veto}" has not been raised for ${p.candidate}`,
  },
  "store.flag_unknown": {
    zh: (p) => `当前没有这项分歧提示：${p.flag}（评分可能已变，请重新查看）`,
    en: (p) => `there is no such divergence flag now: ${p.flag} (the scores may have changed)`,
  },
  "store.flag_disposition": {
    zh: (p) => `处理结果应为 kept（维持原分，附评委书面说明）或 revised（已修改），实为 ${p.found}`,
    en: (p) =>
      `a disposition is kept (with the reviewer's written reason) or revised, found ${p.found}`,
  },
  "store.tie_unknown": {
    zh: (p) =>
      `${p.candidates} 不是 ${p.level} 级一组未分先后的并列（须恰为并列的全部单位，各一次）`,
    en: (p) =>
      `${p.candidates} is not a group of unbroken ties at level ${p.level} (name exactly the tied candidates, each once)`,
  },
  "store.quota": {
    zh: (p) =>
      `名额 ${p.id}：${p.problem === "seats" ? `名额数应为正整数，实为 ${p.found}` : p.problem === "level" ? `本次评审没有 ${p.found} 级` : `范围应为 level、unit_type 或 region，实为 ${p.found}`}`,
    en: (p) =>
      `quota ${p.id}: ${p.problem === "seats" ? `seats must be a whole number above 0, found ${p.found}` : p.problem === "level" ? `this assessment has no level ${p.found}` : `its scope is level, unit_type or region, found ${p.found}`}`,
  },
  "store.lock_open_flags": {
    zh: (p) => `还有 ${p.count} 项分歧提示未经组长处理（如 ${p.first}），不能定稿`,
    en: (p) =>
      `${p.count} divergence flag(s) still need the chair's disposition (such as ${p.first}); the assessment cannot be finalized`,
  },
  "store.lock_open_ties": {
    zh: (p) => `名额线上有并列未决（${p.candidates}），须组长决定名次后才能定稿`,
    en: (p) =>
      `a tie at the cut line is undecided (${p.candidates}); the chair must decide it before finalizing`,
  },
  // agreement
  "store.agreement_few": {
    zh: (p) =>
      `数据不足，不计算：需要至少 ${p.minCandidates} 个候选单位和 ${p.minReviewers} 位评委的完整评分（现有 ${p.candidates} 个、${p.reviewers} 位）`,
    en: (p) =>
      `not enough data: needs complete scores for at least ${p.minCandidates} candidates from ${p.minReviewers} reviewers (there are ${p.candidates} and ${p.reviewers})`,
  },
  "store.agreement_flat": {
    zh: () => `评分没有差异，无法计算`,
    en: () => `the scores do not vary, so it cannot be computed`,
  },
  // verify
  "store.verify_empty": {
    zh: () => `评审文件中没有任何事件`,
    en: () => `the assessment holds no events`,
  },
  "store.verify_seq": {
    zh: (p) => `事件序号不连续：应为第 ${p.expected} 条，实为第 ${p.seq} 条（有事件被删除或插入）`,
    en: (p) =>
      `event numbers jump: ${p.expected} expected, found ${p.seq} (events deleted or inserted)`,
  },
  "store.verify_prev": {
    zh: (p) =>
      `第 ${p.seq} 条事件（${p.kind}）所记的前一条哈希与第 ${p.before} 条的不符：其前的事件被改动、删除或插入`,
    en: (p) =>
      `event ${p.seq} (${p.kind}) does not chain to event ${p.before}: an earlier event was changed, deleted or inserted`,
  },
  "store.verify_hash": {
    zh: (p) =>
      `第 ${p.seq} 条事件（${p.kind}，${p.actor}，${p.at}）写入后被改动：内容与其哈希不符（现内容 ${p.content}；记录的哈希 ${p.stored}，按现内容重算为 ${p.computed}）`,
    en: (p) =>
      `event ${p.seq} (${p.kind} by ${p.actor} at ${p.at}) was changed after it was written: it no longer matches its hash (it now says ${p.content}; stored hash ${p.stored}, computed ${p.computed})`,
  },
  "store.verify_kind": {
    zh: (p) => `第 ${p.seq} 条事件的类型"${p.kind}"未知`,
    en: (p) => `event ${p.seq} is of an unknown kind "${p.kind}"`,
  },
  "store.verify_payload": {
    zh: (p) => `第 ${p.seq} 条事件（${p.kind}）的内容缺项或格式不对：${p.field}`,
    en: (p) => `event ${p.seq} (${p.kind}) is incomplete or malformed: ${p.field}`,
  },
  "store.verify_genesis": {
    zh: (p) =>
      p.seq === 1 ? `第 1 条事件应为评审的创建记录` : `第 ${p.seq} 条事件不能是评审的创建记录`,
    en: (p) =>
      p.seq === 1
        ? `event 1 must be the assessment's creation`
        : `event ${p.seq} cannot be the assessment's creation`,
  },
  "store.verify_snapshot": {
    zh: (p) =>
      `文件中的${p.part === "rules" ? "测评规则文件" : "候选单位"}与创建时记录的哈希不符：写入后被改动（记录 ${p.stored}，重算 ${p.computed}）`,
    en: (p) =>
      `the ${p.part === "rules" ? "rule files" : "candidates"} in the file do not match the hash recorded at creation: changed since (recorded ${p.stored}, computed ${p.computed})`,
  },
  "store.verify_rule_set": {
    zh: (p) =>
      `测评表 ${p.id} 今天加载后的哈希与创建时不同：规则文件未变，可能是 ceping 版本不同，结果可能随之不同`,
    en: (p) =>
      `table ${p.id} loads with another hash than at creation: its files are unchanged, so ceping's version differs and results may too`,
  },
  "store.verify_invalid": {
    zh: (p) => `第 ${p.seq} 条事件（${p.kind}，${p.actor}）在其位置上不成立，原因见下条`,
    en: (p) => `event ${p.seq} (${p.kind} by ${p.actor}) is not valid where it stands; why follows`,
  },
  "store.verify_result": {
    zh: (p) =>
      `定稿时记录的结果与重算不符：${p.candidate}（${p.level}）的 ${p.field} 记为 ${p.recorded}，重算为 ${p.recomputed}`,
    en: (p) =>
      `the results recorded at finalizing differ from the recomputed ones: ${p.candidate} (${p.level}) ${p.field} recorded ${p.recorded}, recomputed ${p.recomputed}`,
  },
  "store.verify_head": {
    zh: (p) =>
      `最后一条事件的哈希为 ${p.found}，与给定的 ${p.expected} 不符：文件在公布后被改动或替换`,
    en: (p) =>
      `the last event's hash is ${p.found}, not the ${p.expected} given: the file was changed or replaced since`,
  },
} satisfies Record<string, { zh: Template; en: Template }>;

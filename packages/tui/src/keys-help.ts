import type { Lang } from "@ceping/engine";
import type { KeyHelp } from "./components/help-bar.tsx";
import { KEY } from "./theme.ts";

type Text = Readonly<Record<Lang, string>>;

/** A key of a screen: what it does, who has it, and whether the help bar shows it. */
export interface KeyEntry {
  readonly key: string;
  readonly does: Text;
  /** only for reviewers or only for the chair */
  readonly for?: "reviewer" | "chair";
  /** in the full help (`?`) only, not on the help bar */
  readonly fullOnly?: boolean;
  /** fewer words for the help bar, where 80 columns hold every key of the screen */
  readonly short?: Text;
}

/** The sets of keys: one per screen, and one per mode a screen can be in. */
export type KeySet =
  | "candidates"
  | "searching"
  | "candidate"
  | "scoring"
  | "editing"
  | "panel.grid"
  | "panel.flags"
  | "panel.agreement"
  | "results"
  | "rules"
  | "help";

const k = (key: string, zh: string, en: string, more: Partial<KeyEntry> = {}): KeyEntry => ({
  key,
  does: { zh, en },
  ...more,
});

// the arrows speak for themselves on an English bar, where every word costs: 80 columns then
// hold all the list's keys
const MOVE = k(KEY.upDown, "移动", "move", { short: { zh: "移动", en: "" } });
const PAGE = k("PgUp/PgDn", "翻页", "page", { fullOnly: true });
const ENDS = k("g/G", "首/尾", "first/last", { fullOnly: true });
const SCROLL = k(KEY.upDown, "滚动", "scroll");
const NEXT = k("[ ]", "上/下一个单位", "previous/next candidate", {
  short: { zh: "换单位", en: "next" },
});

/** Every key of every screen, the most useful first. */
export const KEYS: Readonly<Record<KeySet, readonly KeyEntry[]>> = {
  candidates: [
    MOVE,
    k(KEY.enter, "详情", "open"),
    k("s", "评分", "score", { for: "reviewer" }),
    k("/", "搜索", "search", { short: { zh: "搜索", en: "find" } }),
    k("t", "类型", "type"),
    k("f", "结论", "status"),
    k("l", "级别", "level"),
    k("o", "排序", "sort"),
    PAGE,
    ENDS,
    k("Esc", "清除搜索", "clear the search", { fullOnly: true }),
  ],
  searching: [
    k("abc", "输入名称或编号", "type a name or an id"),
    k(KEY.enter, "完成", "done"),
    k("Esc", "清除", "clear"),
  ],
  candidate: [
    SCROLL,
    k(KEY.leftRight, "级别", "level"),
    NEXT,
    k("s", "评分", "score", { for: "reviewer" }),
    k("v", "提出否决项", "raise a panel veto", {
      for: "chair",
      short: { zh: "否决", en: "veto" },
    }),
    k("w", "撤回由评审组提出的否决项（写明理由）", "withdraw a panel veto (with a reason)", {
      for: "chair",
      short: { zh: "撤回", en: "withdraw" },
    }),
    k("Esc", "返回", "back"),
    PAGE,
  ],
  scoring: [
    MOVE,
    k(KEY.enter, "打分", "score"),
    k("r", "评分档", "band"),
    k("n", "备注", "note"),
    k("S", "提交", "submit"),
    k("c", "申报回避（与该单位有利害关系）", "declare a conflict with this candidate", {
      short: { zh: "回避", en: "recuse" },
    }),
    NEXT,
    k("Esc", "返回", "back", { fullOnly: true }),
  ],
  editing: [
    k("0-9 .", "输入分数", "type the score"),
    k(KEY.enter, "确认并下一项", "confirm, next"),
    k("Tab", "备注", "note"),
    k("Esc", "取消", "cancel"),
  ],
  "panel.grid": [
    MOVE,
    k(KEY.leftRight, "选评委列", "pick a reviewer's column", {
      short: { zh: "评委", en: "column" },
    }),
    k("c", "为选中的评委与单位记录回避", "record a conflict for the reviewer and candidate", {
      short: { zh: "回避", en: "recuse" },
    }),
    k("d", "撤销回避（写明理由）", "dismiss a conflict, with a reason", {
      short: { zh: "撤销回避", en: "dismiss" },
    }),
    k("v", "提出否决项", "raise a panel veto", { short: { zh: "否决", en: "veto" } }),
    k("L", "定稿", "lock"),
    k("Tab", "分歧/一致性", "flags/agreement", { short: { zh: "切换", en: "next" } }),
    k(KEY.enter, "详情", "open"),
    PAGE,
  ],
  "panel.flags": [
    MOVE,
    k("d", "处置", "dispose"),
    k("Tab", "一致性", "agreement"),
    k(KEY.enter, "单位详情", "open"),
    k("L", "定稿", "lock"),
  ],
  "panel.agreement": [SCROLL, k("Tab", "进度", "progress"), k("L", "定稿", "lock")],
  results: [
    SCROLL,
    k("l", "级别", "level"),
    k("t", "类型", "type"),
    k("x", "导出结果工作簿", "export the results workbook", {
      short: { zh: "导出", en: "export" },
    }),
    k("p", "导出公示名单", "export the notice list", { short: { zh: "导出公示", en: "notice" } }),
    k("d", "决定并列", "decide a tie", { for: "chair", short: { zh: "决定并列", en: "tie" } }),
    k("m", "设定名额（本级、所示类型或地区）", "set a quota (level, the type on show, a region)", {
      for: "chair",
      short: { zh: "名额", en: "quota" },
    }),
    PAGE,
  ],
  rules: [SCROLL, k(KEY.leftRight, "测评表", "table"), PAGE],
  help: [SCROLL, k("Esc", "关闭", "close")],
};

/** The keys every screen has. */
export const GLOBAL_KEYS: readonly KeyEntry[] = [
  k("1-5", "切换页面", "switch screens"),
  k("?", "帮助", "help"),
  k("q", "退出", "quit"),
  k("Ctrl+C", "退出", "quit"),
];

/** The keys of a set for a user, as the help bar shows them. */
export function barKeys(
  set: KeySet,
  lang: Lang,
  user: { isReviewer: boolean; isChair: boolean },
): KeyHelp[] {
  return KEYS[set]
    .filter(
      (entry) =>
        !entry.fullOnly &&
        (entry.for === undefined || (entry.for === "reviewer" ? user.isReviewer : user.isChair)),
    )
    .map((entry) => ({ key: entry.key, does: (entry.short ?? entry.does)[lang] }));
}

import {
  diffResults,
  diffRuleSets,
  formatCents,
  LEVEL_NAMES,
  scoreCandidates,
} from "@ceping/engine";
import type { CandidateChange, Lang, RuleChange, Standing } from "@ceping/engine";
import { say, STATUS_TEXT, TEXT } from "../cli-text.ts";
import { InputError, UsageError } from "../errors.ts";
import type { CommandContext } from "../main.ts";
import { printIssues } from "../main.ts";
import { assessmentDate, readCandidateFiles } from "../read-inputs.ts";
import { readRuleLibrary } from "../read-rules.ts";
import { renderTable } from "../table.ts";

const KIND_TEXT = {
  table: { zh: "测评表", en: "table" },
  category: { zh: "一级指标", en: "category" },
  indicator: { zh: "指标", en: "indicator" },
  bonus: { zh: "加分项", en: "bonus item" },
  veto: { zh: "否决项", en: "veto" },
  field: { zh: "字段", en: "field" },
  award: { zh: "命名条件", en: "award" },
  scale: { zh: "分值", en: "scale" },
  settings: { zh: "设置", en: "settings" },
} as const;

const CHANGE_TEXT = {
  added: { zh: "新增", en: "added" },
  removed: { zh: "删除", en: "removed" },
  changed: { zh: "修改", en: "changed" },
} as const;

function shown(value: unknown): string {
  return typeof value === "object" && value !== null ? "…" : String(value);
}

/** One line per rule change: where, what, and for plain values before → after. */
export function ruleChangeLines(changes: readonly RuleChange[], lang: Lang): string[] {
  return changes.map((change) => {
    const what = change.id === change.kind ? "" : ` ${change.id}`;
    const head = `${change.ruleset} ${KIND_TEXT[change.kind][lang]}${what}：${CHANGE_TEXT[change.change][lang]}`;
    if (change.change !== "changed") {
      return head;
    }
    const before = change.before as Record<string, unknown>;
    const after = change.after as Record<string, unknown>;
    const keys = change.keys.map((key) =>
      typeof before[key] === "object" || typeof after[key] === "object"
        ? key
        : `${key} ${shown(before[key])} → ${shown(after[key])}`,
    );
    return `${head} ${keys.join("，")}`;
  });
}

function standing(
  value: Standing | undefined,
  lang: Lang,
  pick: "status" | "total" | "rank",
): string {
  if (!value) {
    return "—";
  }
  if (pick === "status") {
    return say(STATUS_TEXT[value.status], lang);
  }
  return pick === "total" ? formatCents(value.total) : String(value.rank);
}

/** The candidates that move, as a table: level, status, total, rank, before → after. */
export function candidateChangeTable(changes: readonly CandidateChange[], lang: Lang): string {
  const rows: string[][] = [];
  for (const change of changes) {
    const highest = change.highest
      ? `${change.highest.before ? LEVEL_NAMES[change.highest.before] : "—"} → ${change.highest.after ? LEVEL_NAMES[change.highest.after] : "—"}`
      : "";
    if (change.levels.length === 0) {
      rows.push([change.id, change.name, "", "", "", "", highest]);
    }
    change.levels.forEach((level, index) => {
      const pair = (pick: "status" | "total" | "rank") =>
        level.changed.includes(pick)
          ? `${standing(level.before, lang, pick)} → ${standing(level.after, lang, pick)}`
          : standing(level.after, lang, pick);
      rows.push([
        index === 0 ? change.id : "",
        index === 0 ? change.name : "",
        lang === "zh" ? LEVEL_NAMES[level.level] : level.level,
        pair("status"),
        pair("total"),
        pair("rank"),
        index === 0 ? highest : "",
      ]);
    });
  }
  const header = [TEXT.id, TEXT.name, TEXT.level, TEXT.status, TEXT.total, TEXT.rank, TEXT.highest];
  return renderTable(
    header.map((text) => say(text, lang)),
    rows,
  );
}

/** `ceping rules diff`: what changed between two versions of the rules, and whom it moves. */
export async function rulesDiffCommand(context: CommandContext): Promise<number> {
  const [oldPath, newPath] = context.positionals;
  if (oldPath === undefined || newPath === undefined || context.positionals.length > 2) {
    throw new UsageError(
      context.lang === "zh"
        ? "用法：ceping rules diff 旧规则 新规则 --candidates 文件"
        : "usage: ceping rules diff OLD NEW --candidates FILE",
    );
  }
  const format = (context.values.format as string | undefined) ?? "table";
  if (format !== "table" && format !== "json") {
    throw new UsageError(`--format: table | json`);
  }
  const { lang, output } = context;
  const on = assessmentDate(context);
  const before = readRuleLibrary([oldPath]);
  const after = readRuleLibrary([newPath]);
  const { candidates, issues } = await readCandidateFiles(context, after.library);
  const old = scoreCandidates(before.library, candidates, { on });
  const next = scoreCandidates(after.library, candidates, { on });
  const all = [...issues, ...old.issues, ...next.issues];
  if (all.some((issue) => issue.severity === "error")) {
    throw new InputError(all);
  }
  const rules = diffRuleSets(before.library, after.library);
  const moved = diffResults(old.results, next.results);
  if (format === "json") {
    output.out(
      `${JSON.stringify(
        {
          on,
          rules,
          candidates: moved.map((change) => ({
            ...change,
            levels: change.levels.map((level) => ({
              ...level,
              ...(level.before && { before: { ...level.before, total: level.before.total / 100 } }),
              ...(level.after && { after: { ...level.after, total: level.after.total / 100 } }),
            })),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  printIssues(all, lang, output);
  output.out(`${say(TEXT.ruleChanges, lang, { count: rules.length })}\n`);
  for (const line of ruleChangeLines(rules, lang)) {
    output.out(`  ${line}\n`);
  }
  output.out(
    `${say(TEXT.candidateChanges, lang, { count: moved.length, of: candidates.length })}\n`,
  );
  if (moved.length > 0) {
    output.out(candidateChangeTable(moved, lang));
  }
  return 0;
}

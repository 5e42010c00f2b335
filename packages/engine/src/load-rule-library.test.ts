import { describe, expect, it } from "vitest";
import { loadRuleLibrary } from "./load-rule-library.ts";
import type { SourceText } from "./load-rule-library.ts";
import { formatIssue } from "./messages.ts";
import { fromCents } from "./points.ts";

const LEVEL = {
  file: "rules/county/level.yaml",
  text: "level: county\nvalidity: { years: 3, renewal: zero_base }\n",
};

/** A small valid county table; `patch` replaces lines to make one fault at a known line. */
function table(lines: Record<number, string> = {}, extra = ""): string {
  const base = [
    /* 1 */ "format: ceping/1",
    /* 2 */ "id: county.village",
    /* 3 */ "title: 县级示范村",
    /* 4 */ "level: county",
    /* 5 */ "appliesTo: [village]",
    /* 6 */ 'version: "1"',
    /* 7 */ "scale: { base: 10, bonus: 2 }",
    /* 8 */ "fields:",
    /* 9 */ "  surveyed: { label: 样本数, type: integer }",
    /* 10 */ "  satisfied: { label: 满意数, type: integer }",
    /* 11 */ "computed:",
    /* 12 */ '  rate: { "ratio": [ { "var": "satisfied" }, { "var": "surveyed" } ] }',
    /* 13 */ "categories:",
    /* 14 */ "  - id: a",
    /* 15 */ "    title: 甲",
    /* 16 */ "    max: 10",
    /* 17 */ "    indicators:",
    /* 18 */ "      - id: lead",
    /* 19 */ "        title: 领导",
    /* 20 */ "        max: 6",
    /* 21 */ "        judged: { step: 0.5 }",
    /* 22 */ "      - id: sat",
    /* 23 */ "        title: 满意度",
    /* 24 */ "        max: 4",
    /* 25 */ '        bands: { value: { "var": "rate" }, steps: [ { min: 0.95, points: 4 }, { min: 0.9, points: 2 } ] }',
    /* 26 */ "award: { threshold: 8 }",
  ];
  for (const [line, text] of Object.entries(lines)) {
    base[Number(line) - 1] = text;
  }
  return `${base.join("\n")}\n${extra}`;
}

function problems(sources: SourceText[]): string[] {
  const { library, issues } = loadRuleLibrary([LEVEL, ...sources]);
  expect(library).toBeUndefined();
  return issues.map((issue) => formatIssue(issue));
}

const FILE = "rules/county/village.yaml";
const one = (text: string) => problems([{ file: FILE, text }]);

describe("loadRuleLibrary", () => {
  it("loads a valid table and fills the level's defaults", () => {
    const { library, issues } = loadRuleLibrary([LEVEL, { file: FILE, text: table() }]);
    expect(issues).toEqual([]);
    const compiled = library?.ruleSets.get("county.village");
    expect(compiled?.ruleSet).toMatchObject({
      level: "county",
      missing: "block",
      panel: { aggregate: "trimmed_mean", trimFrom: 5, minReviewers: 3 },
      validity: { years: 3, renewal: "zero_base" },
    });
    expect(compiled?.ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(library?.levels.map((level) => level.level)).toEqual(["county"]);
  });

  it("reports a YAML syntax error at its line and column", () => {
    expect(one(table({ 16: "    max: [10" }))).toEqual([
      "rules/county/village.yaml:17:5: 错误: 语法错误：缩进不对（Flow sequence in block collection must be sufficiently indented and end with a ]）",
    ]);
  });

  it("reports schema violations where they stand: wrong type, unknown key, value not allowed", () => {
    expect(
      one(table({ 4: "level: city", 20: "        max: five", 19: "        titel: 领导" })),
    ).toEqual([
      'rules/county/village.yaml:4:8: 错误: level 只能是 county, prefecture, province, national 之一，实为 "city"',
      'rules/county/village.yaml:19:9: 错误: 未知的键"titel"（位于 categories.0.indicators.0）',
      'rules/county/village.yaml:20:14: 错误: categories.0.indicators.0.max 应为 number，实为 "five"',
    ]);
  });

  it("refuses unknown operations and reads of prototype properties", () => {
    expect(one(table({ 12: '  rate: { "frobnicate": [ { "var": "satisfied" } ] }' }))).toEqual([
      expect.stringMatching(
        /^rules\/county\/village\.yaml:12:25: 错误: 未知运算"frobnicate"（可用：==, ===/,
      ),
    ]);
    expect(
      one(
        table({ 12: '  rate: { "ratio": [ { "var": "constructor" }, { "var": "__proto__" } ] }' }),
      ),
    ).toEqual([
      'rules/county/village.yaml:12:31: 错误: 不允许读取"constructor"：它不是字段、列表或计算值',
      'rules/county/village.yaml:12:57: 错误: 不允许读取"__proto__"：它不是字段、列表或计算值',
    ]);
  });

  it("refuses a var that names no field", () => {
    expect(
      one(table({ 12: '  rate: { "ratio": [ { "var": "satisfied" }, { "var": "survey" } ] }' })),
    ).toEqual(['rules/county/village.yaml:12:55: 错误: "survey"不是候选单位数据中的字段']);
  });

  it("refuses computed values that depend on each other in a cycle", () => {
    expect(
      one(table({ 12: '  rate: { "var": "other" }\n  other: { "+": [ { "var": "rate" }, 1 ] }' })),
    ).toEqual(["rules/county/village.yaml:12:9: 错误: 计算值相互引用成环：rate → other → rate"]);
  });

  it("refuses points that do not add up", () => {
    expect(one(table({ 7: "scale: { base: 12, bonus: 2 }", 24: "        max: 3" }))).toEqual([
      "rules/county/village.yaml:14:3: 错误: 一级指标分值合计 10.00，应等于 scale.base 12.00",
      'rules/county/village.yaml:14:5: 错误: 一级指标"a"下各指标分值合计 9.00，应等于其分值 10.00',
      'rules/county/village.yaml:22:9: 错误: 指标"sat"的分档给 4 分，高于满分 3',
    ]);
  });

  it("refuses duplicate ids, two scoring keys and bands out of order", () => {
    expect(
      one(
        table({
          22: "      - id: lead",
          21: "        judged: { step: 0.5 }\n        points: 3",
          25: '        bands: { value: { "var": "rate" }, steps: [ { min: 0.9, points: 2 }, { min: 0.95, points: 4 } ] }',
        }),
      ),
    ).toEqual([
      'rules/county/village.yaml:18:9: 错误: 指标"lead"须有且只有一种计分方式（judged、checklist、count、bands、linear、deduct、points），这里有：judged, points',
      'rules/county/village.yaml:23:9: 错误: "lead"重复（已用作 indicator）',
      'rules/county/village.yaml:23:9: 错误: 指标"lead"的分档须按 min 从高到低排列，且不能重复',
    ]);
  });

  it("refuses extends that names nothing, or goes round in a cycle", () => {
    const child = (id: string, parent: string) => ({
      file: `rules/county/${id}.yaml`,
      text: `format: ceping/1\nid: ${id}\nextends: ${parent}\n`,
    });
    expect(problems([child("a", "b"), child("b", "a"), child("c", "nowhere")])).toEqual([
      "rules/county/b.yaml:3:10: 错误: extends 成环：a → b → a",
      'rules/county/c.yaml:3:10: 错误: extends 的测评表"nowhere"不存在',
    ]);
  });

  it("merges a child over its parent by id: overrides, removals, additions", () => {
    const parent = { file: FILE, text: table() };
    const child = {
      file: "rules/prefecture/village.yaml",
      text: [
        "format: ceping/1",
        "id: prefecture.village",
        "extends: county.village",
        "level: prefecture",
        "categories:",
        "  - id: a",
        "    indicators:",
        "      - id: lead",
        "        max: 4",
        "      - id: sat",
        "        remove: true",
        "      - id: count_sat",
        "        title: 满意人数",
        "        max: 6",
        '        count: { value: { "var": "satisfied" }, each: 0.01 }',
        "award: { threshold: 9, requires: [ { title: { level: county, minYears: 2 } } ] }",
        "",
      ].join("\n"),
    };
    const prefectureLevel = {
      file: "rules/prefecture/level.yaml",
      text: "level: prefecture\nvalidity: { years: 3, renewal: zero_base }\n",
    };
    const { library, issues } = loadRuleLibrary([LEVEL, prefectureLevel, parent, child]);
    expect(issues).toEqual([]);
    const merged = library?.ruleSets.get("prefecture.village")?.ruleSet;
    expect(
      merged?.categories[0]?.indicators.map((item) => [
        item.id,
        item.title,
        item.max,
        item.scoring.kind,
      ]),
    ).toEqual([
      ["lead", "领导", 4, "judged"],
      ["count_sat", "满意人数", 6, "count"],
    ]);
    expect(merged).toMatchObject({
      title: "县级示范村",
      level: "prefecture",
      award: { threshold: 9, nearMiss: 0 },
    });
    expect(
      library?.levels.map((level) => [level.level, level.tables.map((t) => t.ruleSet.id)]),
    ).toEqual([
      ["county", ["county.village"]],
      ["prefecture", ["prefecture.village"]],
    ]);
    expect(merged?.hash).not.toBe(library?.ruleSets.get("county.village")?.ruleSet.hash);
    expect(fromCents(library?.ruleSets.get("prefecture.village")?.categoryMax[0] ?? 0)).toBe(10);
  });

  it("places a problem of an inherited item in the file that wrote it", () => {
    const child = {
      file: "rules/prefecture/village.yaml",
      text: "format: ceping/1\nid: prefecture.village\nextends: county.village\nlevel: prefecture\nfields:\n  satisfied: { remove: true }\n",
    };
    const prefectureLevel = {
      file: "rules/prefecture/level.yaml",
      text: "level: prefecture\nvalidity: { years: 3, renewal: zero_base }\n",
    };
    const { issues } = loadRuleLibrary([
      LEVEL,
      prefectureLevel,
      { file: FILE, text: table() },
      child,
    ]);
    expect(issues.map((issue) => formatIssue(issue))).toEqual([
      'rules/county/village.yaml:12:31: 错误: "satisfied"不是候选单位数据中的字段',
    ]);
  });

  it("says where a level has no validity and where a table sits in the wrong folder", () => {
    expect(problems([{ file: "rules/prefecture/village.yaml", text: table() }])).toEqual([
      "rules/prefecture/village.yaml:4:8: 错误: 级别为 county，但文件在 prefecture 目录中",
    ]);
    expect(
      loadRuleLibrary([{ file: "t/village.yaml", text: table() }]).issues.map((issue) =>
        formatIssue(issue),
      ),
    ).toEqual([
      't/village.yaml:1:1: 错误: 测评表"county.village"（county）未规定称号有效期：在本表或 level.yaml 中写明 validity',
    ]);
  });
});

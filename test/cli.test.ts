import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { error } from "../packages/engine/src/index.ts";
import { printIssues } from "../packages/cli/src/main.ts";
import { memoryOutput } from "../packages/cli/src/output.ts";
import { ceping, cepingProcess } from "./helpers/run-cli.ts";

const DEMO = [
  "--rules",
  "rules",
  "--candidates",
  "fixtures/demo/candidates.json",
  "--scores",
  "fixtures/demo/scores.json",
  "--on",
  "2026-11-29",
];
const LEVEL_KEYS = [
  "level",
  "ruleset",
  "version",
  "status",
  "total",
  "base",
  "bonus",
  "categories",
  "indicators",
  "vetoes",
  "reasons",
  "missing",
  "nearMiss",
];

function lineOf(text: string, start: string): string | undefined {
  return text.split("\n").find((line) => line.startsWith(start));
}

describe("ceping score", () => {
  it("runs on the demo data with no arguments and prints a table that lines up", async () => {
    const { code, stdout, stderr } = await ceping();
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      "编号    名称            类型  级别        总分  基础分  加分  结论            最高可达  原因",
    );
    expect(lineOf(stdout, "GD-01")).toBe(
      "GD-01   周屯村          村    县级       99.34   94.67  4.67  达标            州(市)级",
    );
    expect(lineOf(stdout, "GD-05")).toBe(
      "GD-05   下岗查村        村    县级       91.28   90.11  1.17  达标            县级",
    );
    expect(lines[lines.indexOf(lineOf(stdout, "GD-05") ?? "") + 1]).toBe(
      "                              州(市)级   89.38   88.21  1.17  未达标（近线）            总分89.38，距测评标准90.00分仅差0.62分",
    );
  });

  it("prints the JSON contract, the same figures as the table", async () => {
    const { code, stdout } = await ceping("score", ...DEMO, "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      on: string;
      candidates: { id: string; highest: string | null; levels: Record<string, unknown>[] }[];
    };
    expect(json.on).toBe("2026-11-29");
    expect(json.candidates).toHaveLength(13);
    for (const candidate of json.candidates) {
      expect(Object.keys(candidate)).toEqual(["id", "name", "unitType", "highest", "levels"]);
      for (const level of candidate.levels) {
        expect(Object.keys(level)).toEqual(expect.arrayContaining(LEVEL_KEYS));
      }
    }
    const first = json.candidates[0];
    expect(first).toMatchObject({
      id: "GD-01",
      name: "周屯村",
      unitType: "village",
      highest: "prefecture",
    });
    expect(
      first?.levels.map((level) => [
        level.level,
        level.ruleset,
        level.status,
        level.total,
        level.base,
        level.bonus,
      ]),
    ).toEqual([
      ["county", "county.village", "eligible", 99.34, 94.67, 4.67],
      ["prefecture", "prefecture.village", "eligible", 93.62, 88.95, 4.67],
      ["province", "province.village", "precondition_failed", 91.62, 86.95, 4.67],
    ]);
    expect(first?.levels[2]?.reasons).toEqual([
      "州(市)级命名（2018-12-20）已于2021-12-20期满，须重新测评命名",
    ]);
    const gd05 = json.candidates.find((candidate) => candidate.id === "GD-05");
    expect(gd05?.levels[1]).toMatchObject({
      status: "below_threshold",
      nearMiss: true,
      reasons: ["总分89.38，距测评标准90.00分仅差0.62分"],
    });
  });

  it("speaks English with --lang en", async () => {
    const { stdout } = await ceping("score", ...DEMO, "--format", "json", "--lang", "en");
    const json = JSON.parse(stdout) as {
      candidates: { id: string; levels: { reasons: string[] }[] }[];
    };
    expect(json.candidates.find((c) => c.id === "GD-05")?.levels[1]?.reasons).toEqual([
      "total 89.38 misses the threshold 90.00 by only 0.62",
    ]);
    const table = await ceping("score", ...DEMO, "--lang", "en");
    expect(table.stdout.split("\n")[0]).toBe(
      "id      name            type       level        total   base  bonus  status                       highest     reasons",
    );
  });

  it("writes -o whole, and writes nothing when the input has errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-"));
    const good = join(dir, "results.json");
    expect((await ceping("score", ...DEMO, "--format", "json", "-o", good)).code).toBe(0);
    expect(JSON.parse(readFileSync(good, "utf8"))).toMatchObject({ on: "2026-11-29" });
    const bad = join(dir, "bad.json");
    const result = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/bad-candidates/wrong-types.json",
      "-o",
      bad,
    );
    expect(result.code).toBe(1);
    expect(existsSync(bad)).toBe(false);
  });

  it("says in plain words why a file cannot be read", async () => {
    const folder = await ceping("score", "--rules", "rules", "--candidates", "fixtures");
    expect([folder.code, folder.stderr]).toEqual([
      1,
      "fixtures: 错误: 无法读取：这是一个目录，这里要的是文件\n1 个错误\n",
    ]);
    const missing = await ceping("score", "--rules", "rules", "--candidates", "nowhere.json");
    expect([missing.code, missing.stderr]).toEqual([
      1,
      "nowhere.json: 错误: 文件或目录不存在\n1 个错误\n",
    ]);
  });

  it("lists every problem of a candidates file with its place", async () => {
    const { code, stdout, stderr } = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/bad-candidates/wrong-types.json",
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      [
        'fixtures/bad-candidates/wrong-types.json:9:23 candidates[0].data.households: 错误: 户数：应为整数，实为 "三百"',
        "fixtures/bad-candidates/wrong-types.json:11:27 candidates[0].data.minority_share: 错误: 少数民族人口占比：应在 0 到 1 之间，实为 1.5",
        'fixtures/bad-candidates/wrong-types.json:15:30 candidates[0].data.has_leading_group: 错误: 成立创建工作领导小组：应为是或否，实为 "是"',
        'fixtures/bad-candidates/wrong-types.json:33:23 candidates[0].data.activities[0].date: 错误: 日期：应为日期（如 2024-05-01），实为 "2026/13/01"',
        "4 个错误",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      "duplicate-id.json",
      'fixtures/bad-candidates/duplicate-id.json:195:13: 错误: 编号"GD-01"重复（已见于 candidates[0]）',
    ],
    [
      "unscored-unit-type.json",
      'fixtures/bad-candidates/unscored-unit-type.json:6:19 candidates[0].unitType: 错误: 没有测评表适用于单位类型"学校"（也没有在 level.yaml 中转按其他类型测评）',
    ],
    [
      "not-json.json",
      "fixtures/bad-candidates/not-json.json:2:1: 错误: 语法错误：缩进不对（Flow sequence in block collection must be sufficiently indented and end with a ]）",
    ],
  ])("refuses %s with a located message", async (file, message) => {
    // the shipped library scores every unit type, so a school is refused by the village table alone
    const { code, stderr } = await ceping(
      "score",
      "--rules",
      "rules/county/village.yaml",
      "--candidates",
      `fixtures/bad-candidates/${file}`,
    );
    expect(code).toBe(1);
    expect(stderr.split("\n")[0]).toBe(message);
  });

  it("checks reviewers' scores cell by cell: range, step, unknown candidate", async () => {
    const { code, stderr } = await ceping(
      "score",
      ...DEMO.slice(0, 4),
      "--scores",
      "fixtures/bad-candidates/scores-out-of-range.json",
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        'fixtures/bad-candidates/scores-out-of-range.json:11:26 scores.李明.GD-99.leading_group: 错误: 没有编号为"GD-99"的候选单位',
        'fixtures/bad-candidates/scores-out-of-range.json:5:26 scores.王建华.GD-01.leading_group: 错误: 评委 王建华 对"leading_group"打了 7 分，应在 0 到 6 之间（最多两位小数）',
        'fixtures/bad-candidates/scores-out-of-range.json:6:32 scores.王建华.GD-01.community_education: 错误: 评委 王建华 对"community_education"打了 9.3 分，应为 0.5 的整数倍',
        "3 个错误",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [["frobnicate"], "ceping: 未知命令：frobnicate"],
    [["score", "--candidates", "x.json"], "ceping: 缺少 --rules"],
    [["score", ...DEMO.slice(0, 4), "--on", "2026-13-40"], "ceping: --on 应为日期，如 2026-11-29"],
    [["score", "--colour"], "ceping: 未知选项 --colour"],
    [["score", "--rules"], "ceping: 选项 --rules 缺少值"],
  ])("exits 2 on wrong usage: %j", async (args, message) => {
    const { code, stderr } = await ceping(...args);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toBe(message);
  });
});

describe("printIssues", () => {
  const issues = Array.from({ length: 250 }, (_, row) =>
    error(
      "data.integer",
      { file: "x.xlsx", path: `申报单位!D${row + 2}` },
      { label: "户数", found: '"三百"' },
    ),
  );

  it("lists the first 200 problems on a terminal and says how many more there are", () => {
    const output = memoryOutput();
    // the copy writes to the same memory; only its stderr counts as a terminal
    printIssues(issues, "zh", { ...output, isErrorTerminal: true });
    const lines = output.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(202);
    expect(lines[0]).toBe('x.xlsx 申报单位!D2: 错误: 户数：应为整数，实为 "三百"');
    expect(lines.slice(200)).toEqual([
      "……另有 50 条未在终端列出（重定向到文件可看全部：2> 问题.txt）",
      "250 个错误",
    ]);
  });

  it("gives a pipe every problem", () => {
    const output = memoryOutput();
    printIssues(issues, "zh", output);
    expect(output.stderr.trimEnd().split("\n")).toHaveLength(251);
  });
});

describe("ceping explain", () => {
  it("explains every number of one candidate", async () => {
    const { code, stdout } = await ceping("explain", ...DEMO, "GD-05");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("下岗查村（GD-05，村）");
    expect(stdout).toContain("总分 89.38 = 基础分 88.21 + 加分 1.17  结论：未达标\n");
    expect(stdout).toContain("  · 总分89.38，距测评标准90.00分仅差0.62分\n");
  });

  it("gives the explanation as JSON, points as numbers", async () => {
    const { stdout } = await ceping("explain", ...DEMO, "GD-05", "--format", "json");
    const json = JSON.parse(stdout) as {
      levels: {
        base: number;
        explanation: {
          indicators: { id: string; points: number; max: number; category: string | null }[];
        };
      }[];
    };
    const county = json.levels[0];
    const base = county?.explanation.indicators
      .filter((item) => item.category !== null)
      .reduce((total, item) => total + Math.round(item.points * 100), 0);
    expect(base).toBe(Math.round((county?.base ?? 0) * 100));
    expect(county?.explanation.indicators.find((item) => item.id === "mechanisms")).toMatchObject({
      max: 14,
    });
  });

  it("says when there is no such candidate", async () => {
    const { code, stderr } = await ceping("explain", ...DEMO, "NOPE");
    expect(code).toBe(1);
    expect(stderr.split("\n")[0]).toBe(
      'fixtures/demo/candidates.json: 错误: 没有编号为"NOPE"的候选单位',
    );
  });
});

describe("ceping rules", () => {
  it("checks the shipped rules", async () => {
    const { code, stdout, stderr } = await ceping("rules", "check", "rules");
    expect([code, stdout, stderr]).toEqual([0, "✓ 18 张测评表、3 个级别，检查通过\n", ""]);
  });

  it.each([
    [
      "yaml-syntax",
      "fixtures/bad-rules/yaml-syntax.yaml:19:5: 错误: 语法错误：缩进不对（Flow sequence in block collection must be sufficiently indented and end with a ]）",
    ],
    [
      "unknown-key",
      'fixtures/bad-rules/unknown-key.yaml:21:9: 错误: 未知的键"titel"（位于 categories.0.indicators.0）',
    ],
    [
      "wrong-type",
      'fixtures/bad-rules/wrong-type.yaml:22:14: 错误: categories.0.indicators.0.max 应为 number，实为 "six"',
    ],
    [
      "unknown-operation",
      'fixtures/bad-rules/unknown-operation.yaml:14:21: 错误: 未知运算"divide"（可用：==, ===, !=, !==, >, >=, <, <=, !!, !, %, in, cat, substr, +, *, -, /, min, max, merge, var, if, ?:, and, or, filter, map, reduce, all, none, some, ratio, years_since, within_years, count, sum, round）',
    ],
    [
      "prototype-access",
      'fixtures/bad-rules/prototype-access.yaml:14:31: 错误: 不允许读取"constructor"：它不是字段、列表或计算值',
    ],
    [
      "unknown-field",
      'fixtures/bad-rules/unknown-field.yaml:14:55: 错误: "sample"不是候选单位数据中的字段',
    ],
    [
      "computed-cycle",
      "fixtures/bad-rules/computed-cycle.yaml:14:9: 错误: 计算值相互引用成环：rate → share → rate",
    ],
    [
      "points-do-not-add-up",
      'fixtures/bad-rules/points-do-not-add-up.yaml:16:5: 错误: 一级指标"leadership"下各指标分值合计 9.00，应等于其分值 10.00',
    ],
    [
      "duplicate-id",
      'fixtures/bad-rules/duplicate-id.yaml:24:9: 错误: "leading_group"重复（已用作 indicator）',
    ],
    [
      "extends-unknown",
      'fixtures/bad-rules/extends-unknown.yaml:8:10: 错误: extends 的测评表"province.village"不存在',
    ],
  ])("refuses a rule file with %s at its line and column", async (fault, message) => {
    const { code, stdout, stderr } = await ceping(
      "rules",
      "check",
      `fixtures/bad-rules/${fault}.yaml`,
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toBe(message);
  });

  it("runs the shipped tests, every case passing and nothing unexercised", async () => {
    const { code, stdout } = await ceping("rules", "test", "rules");
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const coverage = lines.filter((line) => line.startsWith("覆盖率"));
    expect(coverage).toHaveLength(18);
    expect(coverage.filter((line) => !line.endsWith("（100%）"))).toEqual([]);
    expect(lines.filter((line) => !line.startsWith("覆盖率"))).toEqual([
      "169 个用例通过，0 个失败",
    ]);
  });

  it("reports a failing case with expected and actual, and what no case exercised", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-rules-"));
    cpSync("fixtures/bad-rules/valid.yaml", join(dir, "village.yaml"));
    writeFileSync(
      join(dir, "village.test.yaml"),
      [
        "ruleset: county.village",
        "on: 2026-11-29",
        "cases:",
        "  - name: 满意度89.5%不得计入90%档",
        "    candidate: &t1 { id: T1, name: 测试村, unitType: village, data: { surveyed: 200, satisfied: 179 } }",
        "    panel: { leading_group: 5 }",
        "    expect: { status: below_threshold, total: 7, indicators: { satisfaction: 2 } }",
        "  - name: 合并键：同一候选单位，满意度95%",
        "    candidate: { <<: *t1, data: { surveyed: 20, satisfied: 19 } }",
        "    panel: { leading_group: 5 }",
        '    expect: { status: eligible, total: 9, reasons: ["总分9.00"] }',
        "",
      ].join("\n"),
    );
    const { code, stdout } = await ceping("rules", "test", dir);
    expect(code).toBe(1);
    const shown = stdout.replaceAll(dir, "DIR");
    expect(shown.split("\n")).toEqual([
      "✗ DIR/village.test.yaml:4:5 满意度89.5%不得计入90%档",
      "    total: 期望 7，实际 5.00",
      "    indicators.satisfaction: 期望 2，实际 0.00",
      "✗ DIR/village.test.yaml:8:5 合并键：同一候选单位，满意度95%",
      '    reasons: 期望 ["总分9.00"]，实际 []',
      "覆盖率 county.village：3/4（75%）",
      "  没有用例覆盖：band:satisfaction>=0.9",
      "0 个用例通过，2 个失败",
      "",
    ]);
  });
});

describe("ceping rules diff", () => {
  it("names exactly the candidates whose standing a raised threshold changes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-diff-"));
    cpSync("rules", dir, { recursive: true });
    const table = join(dir, "prefecture/village.yaml");
    writeFileSync(
      table,
      readFileSync(table, "utf8").replace(/^ {2}threshold: 90$/m, "  threshold: 95"),
    );
    const { code, stdout } = await ceping("rules", "diff", "rules", dir, ...DEMO.slice(2));
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        "测评表变化（1 处）：",
        "  prefecture.village 命名条件：修改 threshold 90 → 95",
        "受影响的候选单位（1 个，共 13 个）：",
        "编号   名称    级别      结论           总分   排名  最高可达",
        "─────  ──────  ────────  ─────────────  ─────  ────  ───────────────",
        "GD-01  周屯村  州(市)级  达标 → 未达标  93.62  4     州(市)级 → 县级",
        "",
      ].join("\n"),
    );
  });

  it("reports nothing when the rules are the same", async () => {
    const { stdout } = await ceping(
      "rules",
      "diff",
      "rules",
      "rules",
      ...DEMO.slice(2),
      "--format",
      "json",
    );
    expect(JSON.parse(stdout)).toEqual({ on: "2026-11-29", rules: [], candidates: [] });
  });
});

describe("the ceping binary", () => {
  it("exits 1 on bad input with no stack trace, and 0 on the demo", () => {
    const bad = cepingProcess(["rules", "check", "fixtures/bad-rules/prototype-access.yaml"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const demo = cepingProcess([]);
    expect(demo.code).toBe(0);
    expect(demo.stdout.split("\n")[0]?.startsWith("编号")).toBe(true);
  });

  it("prints colour only on a terminal: none in a pipe", () => {
    const piped = cepingProcess(DEMO.length ? ["score", ...DEMO] : []);
    expect(piped.stdout).not.toContain("\u001b[");
  });
});

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openAssessment } from "../packages/store/src/index.ts";
import { ceping } from "./helpers/run-cli.ts";

const REVIEWERS = "王建华,马秀兰,才让扎西,李晓燕,赵志刚";
const DEMO = [
  "--rules",
  "rules",
  "--candidates",
  "fixtures/demo/candidates.json",
  "--on",
  "2026-11-29",
];

describe("ceping init, import, export, verify", () => {
  it("gives the same results as ceping score, with the log's final hash", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ceping-cli-")), "demo.ceping");
    const init = await ceping("init", file, ...DEMO, "--reviewers", REVIEWERS, "--chair", "王建华");
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(
      /^已建立评审 .*demo\.ceping：13 个候选单位；日志哈希 [0-9a-f]{64}\n$/,
    );

    const imported = await ceping("import", file, "--scores", "fixtures/demo/scores.json");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      /^已导入：新增 406 项评分，修改 0 项，未变 0 项，提交 58 张评分表；日志哈希 [0-9a-f]{64}\n$/,
    );
    const again = await ceping("import", file, "--scores", "fixtures/demo/scores.json");
    expect(again.stdout).toMatch(
      /^已导入：新增 0 项评分，修改 0 项，未变 406 项，提交 0 张评分表；/,
    );

    const verified = await ceping("verify", file);
    expect(verified.code).toBe(0);
    const hash = /最终哈希 ([0-9a-f]{64})/.exec(verified.stdout)?.[1];
    expect(verified.stdout).toBe(`✓ 事件链完整，471 个事件，所有结果复算一致；最终哈希 ${hash}\n`);

    const exported = await ceping("export", file);
    const scored = await ceping(
      "score",
      ...DEMO,
      "--scores",
      "fixtures/demo/scores.json",
      "--format",
      "json",
    );
    const exportJson = JSON.parse(exported.stdout) as {
      candidates: unknown;
      assessment: { finalHash: string };
    };
    expect(exportJson.candidates).toEqual(
      (JSON.parse(scored.stdout) as { candidates: unknown }).candidates,
    );
    expect(exportJson.assessment.finalHash).toBe(hash);
    // written piece by piece, it is byte for byte the JSON of the whole export
    const opened = openAssessment(file);
    if (!opened.ok) {
      throw new Error("the assessment does not open");
    }
    expect(exported.stdout).toBe(`${JSON.stringify(opened.value.toJson(), null, 2)}\n`);
    opened.value.close();

    const wrongHash = await ceping("verify", file, "--hash", "0".repeat(64));
    expect(wrongHash.code).toBe(1);
  });

  it("refuses scores from someone not on the panel, and writes none of them", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ceping-cli-")), "demo.ceping");
    await ceping(
      "init",
      file,
      ...DEMO,
      "--reviewers",
      "王建华,马秀兰,才让扎西",
      "--chair",
      "王建华",
    );
    const imported = await ceping("import", file, "--scores", "fixtures/demo/scores.json");
    expect(imported.code).toBe(1);
    expect(imported.stderr.split("\n").slice(0, 2)).toEqual([
      'fixtures/demo/scores.json:44:35 scores.李晓燕.GD-01.leading_group: 错误: "李晓燕"不在本次评审的评委名单中',
      'fixtures/demo/scores.json:58:35 scores.赵志刚.GD-01.leading_group: 错误: "赵志刚"不在本次评审的评委名单中',
    ]);
    const verified = await ceping("verify", file);
    expect(verified.stdout).toMatch(/^✓ 事件链完整，\d+ 个事件/);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it("refuses a conflicted reviewer's scores until the chair sets the conflict aside", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ceping-cli-")), "demo.ceping");
    await ceping("init", file, ...DEMO, "--reviewers", REVIEWERS, "--chair", "王建华");
    const recorded = await ceping(
      "conflict",
      file,
      "--as",
      "王建华",
      "--reviewer",
      "马秀兰",
      "--candidate",
      "GD-01",
      "--kind",
      "township",
    );
    expect(recorded.stdout).toMatch(
      /^已记录回避：评委 马秀兰 不评 GD-01；日志哈希 [0-9a-f]{64}\n$/,
    );
    const refused = await ceping("import", file, "--scores", "fixtures/demo/scores.json");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "fixtures/demo/scores.json:18:35 scores.马秀兰.GD-01.leading_group: 错误: 评委 马秀兰 与候选单位 GD-01 须回避（居住在其所在乡镇），不能为其评分，也不看其他评委的评分\n1 个错误\n",
    );
    const noReason = await ceping(
      "conflict",
      file,
      "--as",
      "王建华",
      "--reviewer",
      "马秀兰",
      "--candidate",
      "GD-01",
      "--dismiss",
    );
    expect([noReason.code, noReason.stderr.split("\n")[0]]).toEqual([2, "ceping: 缺少 --reason"]);
    const dismissed = await ceping(
      "conflict",
      file,
      "--as",
      "王建华",
      "--reviewer",
      "马秀兰",
      "--candidate",
      "GD-01",
      "--dismiss",
      "--reason",
      "已迁出河西镇",
    );
    expect(dismissed.code).toBe(0);
    expect((await ceping("import", file, "--scores", "fixtures/demo/scores.json")).code).toBe(0);
  });

  it("takes a reviewer's unit and township with the name, and proposes the conflicts they imply", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ceping-cli-")), "demo.ceping");
    const made = await ceping(
      "init",
      file,
      ...DEMO,
      "--reviewers",
      "王建华:县民宗局:贵德县河西镇，马秀兰::民和县峡门镇、才让扎西",
      "--chair",
      "王建华",
    );
    expect(made.code).toBe(0);
    const opened = openAssessment(file);
    if (!opened.ok) {
      throw new Error("the assessment does not open");
    }
    try {
      expect(opened.value.info().reviewers).toEqual(["王建华", "马秀兰", "才让扎西"]);
      expect(
        [...opened.value.state().conflicts.values()].map(
          ({ reviewer, candidate, source, match }) => `${reviewer} ${candidate} ${source} ${match}`,
        ),
      ).toEqual([
        ...["GD-01", "GD-02", "GD-03", "GD-04", "GD-05"].map(
          (id) => `王建华 ${id} proposed 贵德县河西镇`,
        ),
        "马秀兰 XM-01 proposed 民和县峡门镇",
        "马秀兰 XM-02 proposed 民和县峡门镇",
      ]);
    } finally {
      opened.value.close();
    }
  });

  it("ceping reviewer adds a reviewer after init, with the conflicts implied, and names the chair", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ceping-cli-")), "demo.ceping");
    expect((await ceping("init", file, ...DEMO)).code).toBe(0);
    const reviewer = ["reviewer", file, "--as", "秘书处"];
    const added = await ceping(...reviewer, "--add", "王建华:县民宗局:贵德县河西镇");
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^已加入评委 王建华，拟回避 5 个单位；日志哈希 [0-9a-f]{64}\n$/);
    const chair = await ceping(...reviewer, "--chair", "王建华");
    expect(chair.stdout).toMatch(/^评审组长为 王建华；日志哈希 [0-9a-f]{64}\n$/);
    const again = await ceping(...reviewer, "--add", "王建华");
    expect([again.code, again.stderr]).toEqual([
      1,
      `${file} reviewers.王建华: 错误: 评委 王建华 已在名单中\n1 个错误\n`,
    ]);
    const both = await ceping(...reviewer, "--add", "马秀兰", "--chair", "马秀兰");
    expect([both.code, both.stderr.split("\n")[0]]).toEqual([
      2,
      "ceping: --add 姓名[:单位:乡镇]（一次一位）与 --chair 姓名 须选且只选一个",
    ]);
  });

  it("tells a second program that the file is in use", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "ceping-cli-")), "demo.ceping");
    await ceping("init", file, ...DEMO, "--reviewers", REVIEWERS, "--chair", "王建华");
    const held = openAssessment(file);
    expect(held.ok).toBe(true);
    try {
      const second = await ceping("import", file, "--scores", "fixtures/demo/scores.json");
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(
        `ceping: 评审文件 ${file} 正被另一个程序使用：请先关闭那个程序（本次没有读写任何内容）\n`,
      );
    } finally {
      if (held.ok) {
        held.value.close();
      }
    }
  });
});

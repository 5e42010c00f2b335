import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRuleLibrary } from "../packages/cli/src/read-rules.ts";
import { readScoreSheets } from "../packages/workbook/src/index.ts";
import { ceping } from "./helpers/run-cli.ts";

const ON = ["--on", "2026-11-29"];
const SCORES = ["--scores", "fixtures/demo/scores.json"];

describe("ceping with workbooks", () => {
  it("scores the demo workbook exactly like the same candidates as JSON", async () => {
    const fromJson = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/demo/candidates.json",
      ...SCORES,
      ...ON,
      "--format",
      "json",
    );
    const fromXlsx = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/demo/candidates.xlsx",
      ...SCORES,
      ...ON,
      "--format",
      "json",
    );
    expect(fromXlsx.code).toBe(0);
    expect(fromXlsx.stderr).toBe("");
    expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromJson.stdout));
  });

  it("scores the 吉木萨尔 batch from its workbook as from its JSON", async () => {
    const args = [
      "--rules",
      "rules",
      "--scores",
      "fixtures/jimsar/scores.json",
      ...ON,
      "--format",
      "json",
    ];
    const fromJson = await ceping(
      "score",
      "--candidates",
      "fixtures/jimsar/candidates.json",
      ...args,
    );
    const fromXlsx = await ceping(
      "score",
      "--candidates",
      "fixtures/jimsar/candidates.xlsx",
      ...args,
    );
    expect(fromXlsx.code).toBe(0);
    expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromJson.stdout));
  });

  it("writes the template, a reviewer's score sheets and the results workbook", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-wb-"));
    const template = await ceping("template", "--rules", "rules", "-o", join(dir, "template.xlsx"));
    const sheet = await ceping(
      "sheet",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/demo/candidates.xlsx",
      "--reviewer",
      "王建华",
      ...ON,
      "-o",
      join(dir, "sheet.xlsx"),
    );
    const results = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/demo/candidates.xlsx",
      ...SCORES,
      ...ON,
      "--format",
      "xlsx",
      "-o",
      join(dir, "results.xlsx"),
    );
    expect([template.code, sheet.code, results.code]).toEqual([0, 0, 0]);
    expect(results.stderr).toBe(`已写入 ${join(dir, "results.xlsx")}\n`);
    for (const name of ["template.xlsx", "sheet.xlsx", "results.xlsx"]) {
      expect(existsSync(join(dir, name))).toBe(true);
    }
  });

  it("writes every reviewer's score sheets into a folder with one command", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ceping-wb-")), "评分表");
    const made = await ceping(
      "sheet",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/demo/candidates.xlsx",
      "--reviewer",
      "王建华,马秀兰、才让扎西",
      ...ON,
      "-o",
      dir,
    );
    expect(made.code).toBe(0);
    const files = ["王建华", "马秀兰", "才让扎西"].map((name) => join(dir, `评分表-${name}.xlsx`));
    expect(made.stderr).toBe(files.map((file) => `已写入 ${file}\n`).join(""));
    // each is its own reviewer's: read back as another's, it is refused
    const { library } = readRuleLibrary(["rules"]);
    const own = await readScoreSheets(files[1] as string, library, { reviewer: "马秀兰" });
    expect(own.issues.filter((issue) => issue.severity === "error")).toEqual([]);
    const other = await readScoreSheets(files[1] as string, library, { reviewer: "王建华" });
    expect(other.issues.some((issue) => issue.severity === "error")).toBe(true);
  });

  it("refuses a workbook with bad values, naming each cell, and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ceping-wb-"));
    const out = join(dir, "results.xlsx");
    const { code, stderr } = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/workbooks/bad-values.xlsx",
      "--format",
      "xlsx",
      "-o",
      out,
    );
    expect(code).toBe(1);
    expect(stderr.split("\n")[0]).toBe(
      "fixtures/workbooks/bad-values.xlsx 申报单位!D2: 错误: 户数：应为整数，实为 12.5",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a file that is no workbook", async () => {
    const { code, stderr } = await ceping(
      "score",
      "--rules",
      "rules",
      "--candidates",
      "fixtures/workbooks/not-an-xlsx.xlsx",
    );
    expect(code).toBe(1);
    expect(stderr).toBe(
      'fixtures/workbooks/not-an-xlsx.xlsx: 错误: 不是 Excel 工作簿（.xlsx），文件开头为 "编号,名称,类型"：请在 Excel 中打开后另存为 .xlsx\n1 个错误\n',
    );
  });
});

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachScoreEntries, formatIssue, scoreCandidates } from "@ceping/engine";
import type { Candidate, RuleLibrary } from "@ceping/engine";
import ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoCandidates, loadDemoLibrary } from "../scripts/demo-inputs.ts";
import { readScoreSheets } from "./read-score-sheets.ts";
import { writeScoreSheets } from "./write-score-sheets.ts";

let library: RuleLibrary;
let candidates: Candidate[];
const dir = mkdtempSync(join(tmpdir(), "ceping-sheets-"));

beforeAll(() => {
  library = loadDemoLibrary();
  candidates = loadDemoCandidates().filter((candidate) =>
    ["GD-03", "XX-01"].includes(candidate.id),
  );
});

/** A reviewer's sheets, generated, then filled in and saved as Excel would (exceljs' full workbook). */
async function filled(
  name: string,
  fill: (sheet: (name: string) => Worksheet) => void,
  reviewer = "张三",
): Promise<string> {
  const blank = join(dir, `${name}-blank.xlsx`);
  await writeScoreSheets(blank, library, candidates, reviewer, { on: "2026-11-29" });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(blank);
  fill((sheetName) => workbook.getWorksheet(sheetName) as Worksheet);
  const path = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
}

function rowOf(sheet: Worksheet, indicator: string): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    if (row.getCell(8).value === indicator) {
      found = number;
    }
  });
  return found;
}

describe("score sheets", () => {
  it("lays out a paper 评分表 per candidate, locked but for scores and notes", async () => {
    const path = join(dir, "layout.xlsx");
    await writeScoreSheets(path, library, candidates, "张三", { on: "2026-11-29" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["拉德村", "xx街道甲社区"]);
    const sheet = workbook.getWorksheet("拉德村") as Worksheet;
    expect(sheet.getCell("A1").value).toBe("民族团结进步示范单位测评评分表");
    expect([
      sheet.getCell("B2").value,
      sheet.getCell("D2").value,
      sheet.getCell("F2").value,
    ]).toEqual(["拉德村", "村", "GD-03"]);
    expect([
      sheet.getCell("A3").value,
      sheet.getCell("B3").value,
      sheet.getCell("D3").value,
    ]).toEqual(["评审专家：", "张三", "县级、州(市)级"]);
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual([
      "一级指标",
      "二级指标",
      "分值",
      "评分方法",
      "得分",
      "备注",
      "单位编号",
      "指标编号",
    ]);
    expect([5, 6, 7, 8, 9, 10, 11].map((row) => sheet.getCell(`H${row}`).value)).toEqual([
      "leading_group",
      "community_education",
      "embedded_living",
      "lawful_governance",
      "population_services",
      "livelihood",
      "innovation",
    ]);
    expect(sheet.getCell("C5").value).toBe(6);
    expect(sheet.getCell("A12").value).toBe("合计");
    // exceljs leaves out a cached 0, so Excel computes the sum on opening
    expect(sheet.getCell("E12").value).toEqual({ formula: "SUM(E5:E11)" });
    expect(sheet.getCell("A14").value).toBe("评审专家签字：");
    expect(sheet.getCell("D14").value).toBe("日期：");
    expect(sheet.getColumn(7).hidden).toBe(true);
    expect(sheet.getColumn(8).hidden).toBe(true);
    expect(sheet.getCell("E5").protection?.locked).toBe(false);
    expect(sheet.getCell("F5").protection?.locked).toBe(false);
    expect(sheet.getCell("C5").protection).toBeUndefined();
    expect(
      (sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    ).toBe(true);
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.printTitlesRow).toBe("1:4");
    expect(sheet.getCell("E5").dataValidation).toMatchObject({
      type: "custom",
      formulae: ["AND(ISNUMBER(E5),E5>=0,E5<=6,ABS(E5/0.5-ROUND(E5/0.5,0))<0.000001)"],
    });
  });

  it("reads scores back by their hidden ids, even from moved rows, with notes", async () => {
    const path = await filled("moved", (sheet) => {
      const laDe = sheet("拉德村");
      laDe.getCell(`E${rowOf(laDe, "leading_group")}`).value = 5.5;
      laDe.getCell(`F${rowOf(laDe, "leading_group")}`).value = "材料齐全";
      laDe.getCell(`E${rowOf(laDe, "community_education")}`).value = "９";
      // the reviewer swaps two rows, ids and all
      const a = laDe.getRow(7).values as ExcelJS.CellValue[];
      const b = laDe.getRow(8).values as ExcelJS.CellValue[];
      laDe.getRow(7).values = b;
      laDe.getRow(8).values = a;
      laDe.getCell(`E${rowOf(laDe, "embedded_living")}`).value = 10;
      laDe.getCell(`E${rowOf(laDe, "lawful_governance")}`).value = 6;
    });
    const read = await readScoreSheets(path, library, { file: "moved.xlsx", reviewer: "张三" });
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      "moved.xlsx 拉德村: 警告: 有 3 项未评分，不计入：拉德村!E9、拉德村!E10、拉德村!E11",
      "moved.xlsx xx街道甲社区: 警告: 有 7 项未评分，不计入：xx街道甲社区!E5、xx街道甲社区!E6、xx街道甲社区!E7、xx街道甲社区!E8、xx街道甲社区!E9、xx街道甲社区!E10、xx街道甲社区!E11",
    ]);
    expect(read.entries).toEqual([
      {
        reviewer: "张三",
        candidateId: "GD-03",
        indicator: "leading_group",
        points: 5.5,
        place: { file: "moved.xlsx", path: "拉德村!E5" },
      },
      {
        reviewer: "张三",
        candidateId: "GD-03",
        indicator: "community_education",
        points: 9,
        place: { file: "moved.xlsx", path: "拉德村!E6" },
      },
      {
        reviewer: "张三",
        candidateId: "GD-03",
        indicator: "lawful_governance",
        points: 6,
        place: { file: "moved.xlsx", path: "拉德村!E7" },
      },
      {
        reviewer: "张三",
        candidateId: "GD-03",
        indicator: "embedded_living",
        points: 10,
        place: { file: "moved.xlsx", path: "拉德村!E8" },
      },
    ]);
    expect(read.notes).toEqual([
      {
        reviewer: "张三",
        candidateId: "GD-03",
        indicator: "leading_group",
        text: "材料齐全",
        place: { file: "moved.xlsx", path: "拉德村!F5" },
      },
    ]);
    const attached = attachScoreEntries(candidates, read.entries);
    expect(attached.issues).toEqual([]);
    expect(attached.candidates[0]?.scores).toEqual({
      张三: {
        leading_group: 5.5,
        community_education: 9,
        lawful_governance: 6,
        embedded_living: 10,
      },
    });
    expect(scoreCandidates(library, attached.candidates, { on: "2026-11-29" }).issues).toEqual([]);
  });

  it("names each wrong score's cell: out of range, off the step, not a number", async () => {
    const path = await filled("wrong", (sheet) => {
      const laDe = sheet("拉德村");
      laDe.getCell("E5").value = 7;
      laDe.getCell("E6").value = 4.3;
      laDe.getCell("E7").value = "优";
      laDe.getCell("E8").value = -1;
    });
    const read = await readScoreSheets(path, library, { file: "wrong.xlsx" });
    expect(read.entries).toEqual([]);
    expect(
      read.issues.filter((issue) => issue.severity === "error").map((issue) => formatIssue(issue)),
    ).toEqual([
      'wrong.xlsx 拉德村!E5: 错误: "成立由村(社区)党组织书记任组长的创建工作领导小组，定期研究创建工作"的得分应在 0 到 6 之间（最多两位小数），实为 7',
      'wrong.xlsx 拉德村!E6: 错误: "开展铸牢中华民族共同体意识宣传教育，“三个离不开”“五个认同”深入人心"的得分应为 0.5 的整数倍，实为 4.3',
      'wrong.xlsx 拉德村!E7: 错误: "各族群众共居共学共事共乐，邻里互帮互助"的得分应为数字，实为 "优"',
      'wrong.xlsx 拉德村!E8: 错误: "依法治理民族事务，是什么问题就按什么问题处理，村规民约健全"的得分应在 0 到 6 之间（最多两位小数），实为 -1',
    ]);
  });

  it("checks the reviewer's name against the expected one and the one the sheet was made for", async () => {
    const path = await filled("reviewer", (sheet) => {
      sheet("拉德村").getCell("E5").value = 5;
      sheet("xx街道甲社区").getCell("B3").value = "李四";
    });
    const expected = await readScoreSheets(path, library, {
      file: "reviewer.xlsx",
      reviewer: "王五",
    });
    expect(expected.entries).toEqual([]);
    expect(expected.issues.map((issue) => formatIssue(issue))).toEqual([
      'reviewer.xlsx 拉德村!B3: 错误: 评审专家应为"王五"，评分表上是"张三"',
      'reviewer.xlsx xx街道甲社区!B3: 错误: 评审专家应为"王五"，评分表上是"李四"',
    ]);
    const own = await readScoreSheets(path, library, { file: "reviewer.xlsx" });
    expect(
      own.issues.filter((issue) => issue.severity === "error").map((issue) => formatIssue(issue)),
    ).toEqual(['reviewer.xlsx xx街道甲社区!B3: 错误: 评审专家应为"张三"，评分表上是"李四"']);
    const panel = await readScoreSheets(path, library, {
      file: "reviewer.xlsx",
      reviewer: "张三",
      reviewers: ["王建华", "马秀兰"],
    });
    expect(
      panel.issues.filter((issue) => issue.severity === "error").map((issue) => formatIssue(issue)),
    ).toEqual([
      'reviewer.xlsx 拉德村!B3: 错误: 评分表上的评审专家"张三"不在本次评审组中（王建华、马秀兰）',
      'reviewer.xlsx xx街道甲社区!B3: 错误: 评审专家应为"张三"，评分表上是"李四"',
    ]);
  });

  it("refuses a workbook with no score sheet", async () => {
    const path = join(dir, "candidates.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("申报单位").addRow(["编号", "名称", "类型"]);
    await workbook.xlsx.writeFile(path);
    const read = await readScoreSheets(path, library, { file: "candidates.xlsx" });
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      "candidates.xlsx: 错误: 没有找到评分表：这不是 ceping 生成的评审专家评分表",
    ]);
  });
});

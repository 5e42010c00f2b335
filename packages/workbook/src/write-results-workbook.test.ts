import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachScoreEntries, scoreCandidates } from "@ceping/engine";
import type { CandidateScore } from "@ceping/engine";
import ExcelJS from "exceljs";
import type { Fill, Worksheet } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoCandidates, loadDemoLibrary, loadDemoScores } from "../scripts/demo-inputs.ts";
import type { WorkbookProgress } from "./workbook-progress.ts";
import { writeResultsWorkbook } from "./write-results-workbook.ts";

const dir = mkdtempSync(join(tmpdir(), "ceping-results-"));
let workbook: ExcelJS.Workbook;
const written = new Map<string, WorkbookProgress>();

function column(sheet: Worksheet, letter: string, from: number, to: number): unknown[] {
  const values: unknown[] = [];
  for (let row = from; row <= to; row++) {
    values.push(sheet.getCell(`${letter}${row}`).value);
  }
  return values;
}

function fillOf(sheet: Worksheet, address: string): string | undefined {
  const fill = sheet.getCell(address).fill as (Fill & { fgColor?: { argb?: string } }) | undefined;
  return fill?.fgColor?.argb;
}

beforeAll(async () => {
  const library = loadDemoLibrary();
  const candidates = attachScoreEntries(loadDemoCandidates(), loadDemoScores()).candidates;
  const results: CandidateScore[] = scoreCandidates(library, candidates, {
    on: "2026-11-29",
  }).results;
  const path = join(dir, "results.xlsx");
  await writeResultsWorkbook(path, results, {
    on: "2026-11-29",
    finalHash: "9f2c…e41a",
    onProgress: (progress) => written.set(progress.sheet, progress),
  });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
});

describe("results workbook", () => {
  it("reports its progress: every line (a candidate at a level) of each sheet", () => {
    // the 13 demo candidates at each level they apply for: 26 lines
    expect([...written.values()]).toEqual(
      ["汇总", "明细", "评委评分", "否决与缺项"].map((sheet) => ({ sheet, done: 26, total: 26 })),
    );
  });

  it("has the five sheets", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "汇总",
      "明细",
      "评委评分",
      "否决与缺项",
      "公示名单",
    ]);
  });

  it("ranks each level by total, marks vetoes and near misses, and prints the hash", () => {
    const sheet = workbook.getWorksheet("汇总") as Worksheet;
    expect(sheet.getCell("A2").value).toBe("测评日期：2026-11-29\u3000\u3000结果校验码：9f2c…e41a");
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      "级别",
      "排名",
      "编号",
      "名称",
      "类型",
      "总分",
      "基础分",
      "加分",
      "结论",
      "原因",
    ]);
    expect(column(sheet, "C", 4, 16)).toEqual([
      "JMS-01",
      "GD-02",
      "GD-04",
      "GD-01",
      "GD-03",
      "GD-05",
      "XM-01",
      "XX-02",
      "XM-02",
      "XX-01",
      "JMS-03",
      "JMS-02",
      "JMS-04",
    ]);
    expect(column(sheet, "A", 4, 4)).toEqual(["州(市)级"]);
    expect(column(sheet, "B", 4, 14)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null, null]);
    expect(column(sheet, "F", 4, 6)).toEqual([101.42, 95.33, 94.81]);
    expect(sheet.getCell("I9").value).toBe("未达标（临界）");
    expect(sheet.getCell("J9").value).toBe("总分89.38，距测评标准90.00分仅差0.62分");
    expect(fillOf(sheet, "A9")).toBe("FFFFEB9C");
    expect(sheet.getCell("I13").value).toBe("一票否决");
    expect(fillOf(sheet, "A13")).toBe("FFFFC7CE");
    expect(sheet.getCell("A17").value).toBe("县级");
    expect(sheet.getCell("C17").value).toBe("JMS-01");
  });

  it("shows every indicator with category subtotals", () => {
    const sheet = workbook.getWorksheet("明细") as Worksheet;
    expect(sheet.getCell("A1").value).toBe(
      "县级民族团结进步示范村(社区)测评指标（county.village，2026.1）",
    );
    expect(sheet.getCell("D2").value).toBe("坚持党的领导，健全创建工作机制（25）");
    expect(sheet.getCell("G3").value).toBe("小计");
    expect((sheet.getRow(4).values as unknown[]).slice(1, 8)).toEqual([
      "GD-01",
      "周屯村",
      "村",
      5.5,
      14,
      5,
      24.5,
    ]);
  });

  it("lists each reviewer's score, the aggregate and the dropped scores", () => {
    const sheet = workbook.getWorksheet("评委评分") as Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "级别",
      "编号",
      "名称",
      "指标",
      "指标编号",
      "满分",
      "王建华",
      "马秀兰",
      "才让扎西",
      "李晓燕",
      "赵志刚",
      "合分",
      "分歧",
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 13)).toEqual([
      "县级",
      "GD-01",
      "周屯村",
      "成立由村(社区)党组织书记任组长的创建工作领导小组，定期研究创建工作",
      "leading_group",
      6,
      5.5,
      6,
      5.5,
      5,
      5.5,
      5.5,
    ]);
    expect(sheet.getCell("H2").font?.strike).toBe(true);
    expect(sheet.getCell("J2").font?.strike).toBe(true);
  });

  it("lists vetoes, missing data and pending indicators", () => {
    const sheet = workbook.getWorksheet("否决与缺项") as Worksheet;
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) {
        rows.push((row.values as unknown[]).slice(1));
      }
    });
    expect(rows).toContainEqual([
      "JMS-03",
      "小分子村",
      "县级",
      "缺项",
      "满意度调查样本数（surveyed）",
      "必填项缺失，结论为资料不全",
    ]);
    expect(rows.filter((row) => row[3] === "一票否决").map((row) => row.slice(0, 3))).toEqual([
      ["XX-01", "xx街道甲社区", "县级"],
      ["XX-01", "xx街道甲社区", "州(市)级"],
    ]);
  });

  it("writes the public notice: the eligible by highest level, a line for the period", () => {
    const sheet = workbook.getWorksheet("公示名单") as Worksheet;
    const lines: unknown[] = [];
    sheet.eachRow((row) =>
      lines.push(
        (row.values as unknown[])
          .slice(1)
          .filter((value, index, all) => all.indexOf(value) === index),
      ),
    );
    expect(lines).toEqual([
      ["民族团结进步示范单位拟命名名单公示"],
      [
        "根据测评结果（测评日期：2026-11-29），以下单位达到相应级别民族团结进步示范单位测评标准，拟予命名，现予以公示。",
      ],
      ["一、州(市)级民族团结进步示范单位（3 个）"],
      ["序号", "名称", "类型"],
      [1, "周屯村", "村"],
      [2, "上兰角村", "村"],
      [3, "柳树河子村", "村"],
      ["二、县级民族团结进步示范单位（4 个）"],
      ["序号", "名称", "类型"],
      [1, "拉德村", "村"],
      [2, "切扎村", "村"],
      [3, "下岗查村", "村"],
      [4, "腰路村", "村"],
      ["公示期：______年____月____日至______年____月____日（共____个工作日）。"],
      [
        "公示期间，如对公示单位有异议，请以书面形式向____________________反映（联系电话：______________）。",
      ],
      ["（盖章）"],
      ["______年____月____日"],
      ["结果校验码：9f2c…e41a"],
    ]);
  });
});

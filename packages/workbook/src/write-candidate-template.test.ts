import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import { describe, expect, it } from "vitest";
import { loadDemoLibrary } from "../scripts/demo-inputs.ts";
import { writeCandidateTemplate } from "./write-candidate-template.ts";

describe("candidate template", () => {
  it("has Chinese headers with notes, drop-downs, ranges, frozen panes and a marked example row", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ceping-template-")), "template.xlsx");
    await writeCandidateTemplate(path, loadDemoLibrary(), {
      unitTypes: ["village"],
      validationRows: 20,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((sheet) => `${sheet.name}:${sheet.state}`)).toEqual([
      "申报单位:visible",
      "已获命名:visible",
      "活动台账:visible",
      "事件记录:visible",
      "填表说明:visible",
    ]);
    const sheet = workbook.getWorksheet("申报单位") as Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 6)).toEqual([
      "编号",
      "名称",
      "类型",
      "所属乡镇(街道)",
      "户数",
      "户籍人口",
    ]);
    expect(sheet.getCell("E1").note).toBe(
      "户数（households）\n整数，不小于 1\n必填：留空则该单位“资料不全”\n常住户数；五星级文明户占比以此为分母",
    );
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 1 });
    expect(sheet.getCell("C5").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"村"'],
    });
    expect(sheet.getCell("E5").dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [1, 1e15],
    });
    const keeper = headers.indexOf("创建档案管理员") + 1;
    expect(sheet.getRow(5).getCell(keeper).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"专职,兼职,无"'],
    });
    const since = headers.indexOf("创建工作领导小组成立日期") + 1;
    expect(sheet.getRow(5).getCell(since).dataValidation?.type).toBe("date");
    expect(sheet.getRow(2).getCell(since).value).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(sheet.getRow(2).getCell(since).numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell("A2").value).toBe("示例-01");
    expect(sheet.getCell("A2").note).toBe(
      "示例行：仅供参考，导入时自动跳过（编号以“示例”开头），可以删除",
    );
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(20);
    const titles = workbook.getWorksheet("已获命名") as Worksheet;
    expect((titles.getRow(1).values as unknown[]).slice(1)).toEqual([
      "编号",
      "级别",
      "命名日期",
      "是否撤销",
    ]);
    expect(titles.getCell("B3").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"县级,州(市)级,省(区)级,国家级"'],
    });
  });
});

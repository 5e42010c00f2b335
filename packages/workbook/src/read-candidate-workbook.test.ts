import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachScoreEntries, formatIssue, resultsToJson, scoreCandidates } from "@ceping/engine";
import type { Candidate, RuleLibrary } from "@ceping/engine";
import ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  loadDemoCandidates,
  loadDemoLibrary,
  loadDemoScores,
  ROOT,
} from "../scripts/demo-inputs.ts";
import { readCandidateWorkbook } from "./read-candidate-workbook.ts";
import { writeCandidateTemplate } from "./write-candidate-template.ts";
import { writeCandidateWorkbook } from "./write-candidate-workbook.ts";

const ON = "2026-11-29";
let library: RuleLibrary;
let demo: Candidate[];
const dir = mkdtempSync(join(tmpdir(), "ceping-workbook-"));

beforeAll(() => {
  library = loadDemoLibrary();
  demo = loadDemoCandidates();
});

async function messages(name: string, lib: RuleLibrary = library): Promise<string[]> {
  const read = await readCandidateWorkbook(join(ROOT, "fixtures", "workbooks", name), lib, {
    file: name,
  });
  return read.issues.map((issue) => formatIssue(issue));
}

function scored(candidates: readonly Candidate[]): unknown {
  const attached = attachScoreEntries(candidates, loadDemoScores());
  const { results, issues } = scoreCandidates(library, attached.candidates, { on: ON });
  expect(issues.filter((issue) => issue.severity === "error")).toEqual([]);
  return resultsToJson(results, ON);
}

describe("malformed workbooks", () => {
  it.each([
    [
      "not-an-xlsx.xlsx",
      [
        'not-an-xlsx.xlsx: 错误: 不是 Excel 工作簿（.xlsx），文件开头为 "编号,名称,类型"：请在 Excel 中打开后另存为 .xlsx',
      ],
    ],
    [
      "encrypted.xlsx",
      [
        "encrypted.xlsx: 错误: 文件设有打开密码（已加密），无法读取：请在 Excel 中取消密码后另存为 .xlsx 再导入",
      ],
    ],
    [
      "legacy-xls.xlsx",
      [
        "legacy-xls.xlsx: 错误: 这是旧版 Excel 97-2003 文件（.xls）：请在 Excel 中另存为 .xlsx 后再导入",
      ],
    ],
    [
      "zip-bomb.xlsx",
      [
        "zip-bomb.xlsx: 错误: xl/worksheets/sheet1.xml 的压缩比为 1016:1，超过上限 100:1（可能是压缩炸弹），已拒绝读取",
      ],
    ],
    [
      "zip-bomb-forged.xlsx",
      [
        "zip-bomb-forged.xlsx: 错误: xl/worksheets/sheet1.xml 解压后超过压缩包中声明的 4 KB：文件已损坏或被篡改，已停止读取",
      ],
    ],
    [
      "empty-sheet.xlsx",
      [
        'empty-sheet.xlsx 申报单位!A1: 错误: 工作表"申报单位"是空的：第 1 行应为表头（编号、名称、类型）',
      ],
    ],
    [
      "too-many-rows.xlsx",
      [
        'too-many-rows.xlsx 申报单位!A1048576: 错误: 工作表"申报单位"超过 100000 行数据的上限，已停止读取',
      ],
    ],
    [
      "too-many-columns.xlsx",
      ['too-many-columns.xlsx 申报单位!IW2: 错误: 工作表"申报单位"超过 256 列的上限，已停止读取'],
    ],
    [
      "duplicate-id.xlsx",
      ['duplicate-id.xlsx 申报单位!A4: 错误: 编号"GD-01"重复（已见于 申报单位!A2）'],
    ],
    [
      "orphan-list-row.xlsx",
      [
        'orphan-list-row.xlsx 已获命名!A3: 错误: 已获命名：编号"GD-07"在申报单位表中没有对应的单位',
        'orphan-list-row.xlsx 活动台账!A3: 错误: 活动台账：编号"GD-09"在申报单位表中没有对应的单位',
      ],
    ],
    [
      "missing-columns.xlsx",
      ['missing-columns.xlsx 申报单位!A1: 错误: 工作表"申报单位"缺少"类型"列（表头在第 1 行）'],
    ],
    [
      "unknown-columns.xlsx",
      [
        'unknown-columns.xlsx 申报单位!E1: 警告: "负责人"不是任何测评表的字段，此列不参与计分',
        'unknown-columns.xlsx 备注: 警告: 工作表"备注"不是申报单位、已获命名或任何列表，已忽略',
      ],
    ],
    [
      "bad-values.xlsx",
      [
        "bad-values.xlsx 申报单位!D2: 错误: 户数：应为整数，实为 12.5",
        "bad-values.xlsx 申报单位!E2: 错误: 户籍人口：应不小于 0，实为 -3",
        "bad-values.xlsx 申报单位!F2: 错误: 少数民族人口占比：应在 0 到 1 之间，实为 1.5",
        'bad-values.xlsx 申报单位!G2: 错误: 文化活动室面积(平方米)：应为数字，实为 "很大"',
        'bad-values.xlsx 申报单位!H2: 错误: 成立创建工作领导小组：应为是或否，实为 "也许"',
        'bad-values.xlsx 申报单位!I2: 错误: 创建工作领导小组成立日期：应为日期（如 2024-05-01），实为 "2024-02-30"',
        'bad-values.xlsx 申报单位!J2: 错误: 创建档案管理员：应为 专职、兼职、无 之一，实为 "兼任"',
        "bad-values.xlsx 申报单位!B3: 错误: 申报单位：缺少必填的名称",
        'bad-values.xlsx 申报单位!C3: 错误: 类型：应为 村、社区、乡镇(街道)、机关、企业、学校、宗教活动场所、军(警)营/连队、医院、景区、园区、社会组织、其他单位 之一，实为 "学堂"',
        "bad-values.xlsx 申报单位!D3: 错误: 户数：单元格是错误值 #DIV/0!，应为整数",
        "bad-values.xlsx 申报单位!E3: 错误: 户籍人口：公式 =SUM(Z1:Z9) 没有计算结果，请在 Excel 中打开、保存后再导入",
        'bad-values.xlsx 活动台账!B2: 错误: 日期：应为日期（如 2024-05-01），实为 "下周"',
        "bad-values.xlsx 活动台账!C2: 错误: 活动台账：缺少必填的活动类别",
      ],
    ],
  ])("%s gives its located messages", async (name, expected) => {
    expect(await messages(name)).toEqual(expected);
  });

  it("refuses a unit type no table scores, at its cell", async () => {
    // the shipped rules score every type (with fallbacks): keep only the village tables
    const villages: RuleLibrary = {
      ...library,
      levels: library.levels.map((level) => ({
        ...level,
        settings: { ...level.settings, fallback: {} },
        tables: level.tables.filter((table) => table.ruleSet.appliesTo.includes("village")),
      })),
    };
    expect(await messages("unscored-unit-type.xlsx", villages)).toEqual([
      'unscored-unit-type.xlsx 申报单位!C3: 错误: 没有测评表适用于单位类型"医院"（也没有在 level.yaml 中转按其他类型测评）',
    ]);
  });

  it("refuses a zip bomb in milliseconds, and by its declared size under a lower limit", async () => {
    const started = performance.now();
    const read = await readCandidateWorkbook(
      join(ROOT, "fixtures", "workbooks", "zip-bomb.xlsx"),
      library,
      { file: "zip-bomb.xlsx", limits: { maxUnpackedBytes: 10 * 1024 * 1024 } },
    );
    expect(performance.now() - started).toBeLessThan(200);
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      "zip-bomb.xlsx: 错误: 解压后内容达 20 MB，超过上限 10 MB（可能是压缩炸弹），已拒绝读取",
    ]);
  });

  it("stops at a lower row limit", async () => {
    const path = join(dir, "rows.xlsx");
    await writeCandidateWorkbook(path, library, demo);
    const read = await readCandidateWorkbook(path, library, {
      file: "rows.xlsx",
      limits: { maxRows: 5 },
    });
    expect(read.candidates).toEqual([]);
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      'rows.xlsx 申报单位!A7: 错误: 工作表"申报单位"超过 5 行数据的上限，已停止读取',
    ]);
  });

  it("names a missing file", async () => {
    const read = await readCandidateWorkbook(join(dir, "nowhere.xlsx"), library, {
      file: "nowhere.xlsx",
    });
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      "nowhere.xlsx: 错误: 文件或目录不存在",
    ]);
  });
});

describe("candidate workbooks", () => {
  it("reads the demo workbook as the same candidates as the JSON, scoring exactly alike", async () => {
    const rowsRead = new Map<string, number>();
    const read = await readCandidateWorkbook(
      join(ROOT, "fixtures", "demo", "candidates.xlsx"),
      library,
      {
        file: "candidates.xlsx",
        onProgress: ({ sheet, done }) => rowsRead.set(sheet, done),
      },
    );
    expect(read.issues).toEqual([]);
    // each sheet's rows, header included, as they were read (填表说明 is not read)
    expect([...rowsRead]).toEqual([
      ["申报单位", 14],
      ["已获命名", 16],
      ["活动台账", 220],
      ["事件记录", 3],
    ]);
    expect(
      read.candidates.map(({ id, name, unitType, data, titles }) => ({
        id,
        name,
        unitType,
        data,
        titles,
      })),
    ).toEqual(
      demo.map(({ id, name, unitType, data, titles }) => ({ id, name, unitType, data, titles })),
    );
    expect(scored(read.candidates)).toEqual(scored(demo));
  });

  it("gives every value the place of its cell", async () => {
    const read = await readCandidateWorkbook(
      join(ROOT, "fixtures", "demo", "candidates.xlsx"),
      library,
      {
        file: "candidates.xlsx",
      },
    );
    const laDe = read.candidates.find((candidate) => candidate.id === "GD-03");
    expect(laDe?.place).toEqual({ file: "candidates.xlsx", path: "申报单位!A4" });
    expect(laDe?.unitTypePlace).toEqual({ file: "candidates.xlsx", path: "申报单位!C4" });
    expect(laDe?.dataPlaces?.households).toEqual({ file: "candidates.xlsx", path: "申报单位!E4" });
    expect(laDe?.dataPlaces?.activities).toEqual({ file: "candidates.xlsx", path: "活动台账" });
  });

  it("reads what a clerk typed (columns in any order, every usual form) as the JSON's data", async () => {
    const read = await readCandidateWorkbook(
      join(ROOT, "fixtures", "workbooks", "clerk-typed.xlsx"),
      library,
      {
        file: "clerk-typed.xlsx",
      },
    );
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      "clerk-typed.xlsx 2026年申报汇总!E2: 警告: 这是模板的示例行，导入时已跳过",
    ]);
    const ids = ["GD-01", "GD-03", "XM-02", "JMS-03", "XX-01"];
    const expected = ids.map((id) => demo.find((candidate) => candidate.id === id) as Candidate);
    expect(
      read.candidates.map(({ id, name, unitType, data, titles }) => ({
        id,
        name,
        unitType,
        data,
        titles,
      })),
    ).toEqual(
      expected.map(({ id, name, unitType, data, titles }) => ({
        id,
        name,
        unitType,
        data,
        titles,
      })),
    );
  });

  it("reads a filled template back: typed values, the example row skipped", async () => {
    const template = join(dir, "template.xlsx");
    await writeCandidateTemplate(template, library, { unitTypes: ["village"], validationRows: 50 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(template);
    const sheetOf = (name: string) => workbook.getWorksheet(name) as Worksheet;
    const put = (sheet: Worksheet, row: number, label: string, value: ExcelJS.CellValue) => {
      const headers = (sheet.getRow(1).values as unknown[]).map(String);
      sheet.getRow(row).getCell(label === "" ? 1 : headers.indexOf(label)).value = value;
    };
    const units = sheetOf("申报单位");
    put(units, 3, "编号", "QD-03");
    put(units, 3, "名称", "=拉德村");
    put(units, 3, "类型", "村");
    put(units, 3, "户数", "１,２４０");
    put(units, 3, "少数民族人口占比", "62%");
    put(units, 3, "成立创建工作领导小组", "√");
    put(units, 3, "创建工作领导小组成立日期", "2016年3月18日");
    put(units, 3, "创建档案管理员", "兼职");
    const titles = sheetOf("已获命名");
    put(titles, 3, "编号", "QD-03");
    put(titles, 3, "级别", "县级");
    put(titles, 3, "命名日期", new Date(Date.UTC(2019, 11, 20)));
    const activities = sheetOf("活动台账");
    put(activities, 3, "编号", "QD-03");
    put(activities, 3, "日期", "2026/3/2");
    put(activities, 3, "活动类别", "联谊");
    put(activities, 3, "参与人数", 80);
    const filled = join(dir, "filled.xlsx");
    await workbook.xlsx.writeFile(filled);

    const read = await readCandidateWorkbook(filled, library, { file: "filled.xlsx" });
    expect(read.issues.map((issue) => formatIssue(issue))).toEqual([
      "filled.xlsx 申报单位!A2: 警告: 这是模板的示例行，导入时已跳过",
      "filled.xlsx 已获命名!A2: 警告: 这是模板的示例行，导入时已跳过",
      "filled.xlsx 活动台账!A2: 警告: 这是模板的示例行，导入时已跳过",
      "filled.xlsx 事件记录!A2: 警告: 这是模板的示例行，导入时已跳过",
    ]);
    expect(read.candidates).toHaveLength(1);
    const [candidate] = read.candidates;
    expect(candidate?.name).toBe("=拉德村");
    expect(candidate?.unitType).toBe("village");
    expect(candidate?.data).toEqual({
      households: 1240,
      minority_share: 0.62,
      has_leading_group: true,
      leading_group_since: "2016-03-18",
      archive_keeper: "兼职",
      activities: [{ date: "2026-03-02", kind: "联谊", participants: 80 }],
      incidents: [],
    });
    expect(candidate?.titles).toEqual([{ level: "county", awarded: "2019-12-20", revoked: false }]);
  });

  it("writes text that looks like a formula so that it never runs", async () => {
    const path = join(dir, "formula.xlsx");
    const [first] = demo;
    await writeCandidateWorkbook(path, library, [
      { ...(first as Candidate), name: '=HYPERLINK("http://x.invalid","点我")' },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const cell = workbook.getWorksheet("申报单位")?.getCell("B2");
    expect(cell?.value).toBe('=HYPERLINK("http://x.invalid","点我")');
    expect(cell?.formula).toBeUndefined();
    expect(cell?.numFmt).toBe("@");
    const read = await readCandidateWorkbook(path, library);
    expect(read.candidates[0]?.name).toBe('=HYPERLINK("http://x.invalid","点我")');
  });
});

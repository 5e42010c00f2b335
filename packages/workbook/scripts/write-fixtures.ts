// Rebuilds the workbook fixtures: `npx tsx packages/workbook/scripts/write-fixtures.ts`.
// fixtures/demo/candidates.xlsx is the demo's candidates.json as a workbook; fixtures/workbooks/
// holds one workbook per fault the import must refuse or report, named after the fault, and a
// clerk-typed workbook whose data must read exactly like the JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LEVEL_NAMES, UNIT_TYPE_NAMES } from "@ceping/engine";
import type { Candidate, FieldSpec, RuleLibrary } from "@ceping/engine";
import ExcelJS from "exceljs";
import type { CellValue } from "exceljs";
import { candidateColumns } from "../src/candidate-columns.ts";
import { writeCandidateWorkbook } from "../src/write-candidate-workbook.ts";
import { loadDemoCandidates, loadDemoLibrary, ROOT } from "./demo-inputs.ts";
import { minimalXlsx, sheetXml } from "./minimal-xlsx.ts";
import type { HandCell } from "./minimal-xlsx.ts";
import { writeCfb } from "./write-cfb.ts";
import { writeZip } from "./write-zip.ts";

const FIXTURES = join(ROOT, "fixtures", "workbooks");
/** the candidates of the clerk-typed workbook */
export const CLERK_IDS = ["GD-01", "GD-03", "XM-02", "JMS-03", "XX-01"];

function label(library: RuleLibrary, id: string): string {
  const spec = candidateColumns(library).fields.get(id);
  if (!spec) {
    throw new Error(`no field ${id}`);
  }
  return spec.label;
}

function save(name: string, data: Buffer): void {
  writeFileSync(join(FIXTURES, name), data);
}

function handmade(
  name: string,
  sheets: readonly { name: string; cells: readonly HandCell[] }[],
): void {
  save(
    name,
    writeZip(
      minimalXlsx(sheets.map((sheet) => ({ name: sheet.name, xml: sheetXml(sheet.cells) }))),
    ),
  );
}

function row(
  number: number,
  values: readonly (string | number | { xml: string } | undefined)[],
): HandCell[] {
  return values.flatMap((value, index) =>
    value === undefined ? [] : [[`${String.fromCharCode(65 + index)}${number}`, value] as HandCell],
  );
}

function writeMalformed(library: RuleLibrary): void {
  const households = label(library, "households");
  const population = label(library, "population");
  const share = label(library, "minority_share");
  const area = label(library, "activity_room_area");
  const group = label(library, "has_leading_group");
  const since = label(library, "leading_group_since");
  const keeper = label(library, "archive_keeper");

  save("not-an-xlsx.xlsx", Buffer.from("编号,名称,类型\nGD-01,周屯村,村\n", "utf8"));
  save(
    "encrypted.xlsx",
    writeCfb([
      {
        name: "EncryptionInfo",
        data: Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
      },
      { name: "EncryptedPackage", data: Buffer.alloc(8192, 0x5a) },
    ]),
  );
  save("legacy-xls.xlsx", writeCfb([{ name: "Workbook", data: Buffer.alloc(4096, 0x09) }]));

  const header = row(1, ["编号", "名称", "类型"]);
  const bombSheet = Buffer.from(sheetXml(header, " ".repeat(20 * 1024 * 1024)));
  save("zip-bomb.xlsx", writeZip(minimalXlsx([{ name: "申报单位", xml: bombSheet }])));
  save(
    "zip-bomb-forged.xlsx",
    writeZip(
      minimalXlsx([{ name: "申报单位", xml: bombSheet }]).map((file) =>
        file.name.startsWith("xl/worksheets/") ? { ...file, declaredSize: 4096 } : file,
      ),
    ),
  );

  handmade("empty-sheet.xlsx", [{ name: "申报单位", cells: [] }]);
  handmade("too-many-rows.xlsx", [
    {
      name: "申报单位",
      cells: [...header, ...row(2, ["GD-01", "周屯村", "村"]), ["A1048576", "GD-99"]],
    },
  ]);
  handmade("too-many-columns.xlsx", [
    {
      name: "申报单位",
      cells: [...header, ...row(2, ["GD-01", "周屯村", "村"]), ["XFD2", "备注"]],
    },
  ]);
  handmade("duplicate-id.xlsx", [
    {
      name: "申报单位",
      cells: [
        ...row(1, ["编号", "名称", "类型", households]),
        ...row(2, ["GD-01", "周屯村", "村", 412]),
        ...row(3, ["GD-02", "上兰角村", "村", 356]),
        ...row(4, ["GD-01", "周屯村（重复）", "村", 412]),
      ],
    },
  ]);
  handmade("orphan-list-row.xlsx", [
    { name: "申报单位", cells: [...header, ...row(2, ["GD-01", "周屯村", "村"])] },
    {
      name: "已获命名",
      cells: [
        ...row(1, ["编号", "级别", "命名日期", "是否撤销"]),
        ...row(2, ["GD-01", "县级", "2024-12-20", "否"]),
        ...row(3, ["GD-07", "县级", "2019-12-20", "否"]),
      ],
    },
    {
      name: "活动台账",
      cells: [
        ...row(1, ["编号", "日期", "活动类别", "参与人数"]),
        ...row(2, ["GD-01", "2026-03-02", "联谊", 80]),
        ...row(3, ["GD-09", "2026-04-12", "宣讲", 45]),
      ],
    },
  ]);
  handmade("unscored-unit-type.xlsx", [
    {
      name: "申报单位",
      cells: [
        ...header,
        ...row(2, ["GD-01", "周屯村", "村"]),
        ...row(3, ["YY-01", "县人民医院", "医院"]),
      ],
    },
  ]);
  handmade("missing-columns.xlsx", [
    {
      name: "申报单位",
      cells: [...row(1, ["编号", "名称", households]), ...row(2, ["GD-01", "周屯村", 412])],
    },
  ]);
  handmade("unknown-columns.xlsx", [
    {
      name: "申报单位",
      cells: [
        ...row(1, ["编号", "名称", "类型", households, "负责人"]),
        ...row(2, ["GD-01", "周屯村", "村", 412, "王某"]),
      ],
    },
    { name: "备注", cells: row(1, ["随便写的"]) },
  ]);
  handmade("bad-values.xlsx", [
    {
      name: "申报单位",
      cells: [
        ...row(1, [
          "编号",
          "名称",
          "类型",
          households,
          population,
          share,
          area,
          group,
          since,
          keeper,
        ]),
        ...row(2, [
          "BV-01",
          "甲村",
          "村",
          "12.5",
          -3,
          "150%",
          "很大",
          "也许",
          "2024-02-30",
          "兼任",
        ]),
        ...row(3, [
          "BV-02",
          undefined,
          "学堂",
          { xml: '<c t="e"><v>#DIV/0!</v></c>' },
          { xml: "<c><f>SUM(Z1:Z9)</f></c>" },
        ]),
      ],
    },
    {
      name: "活动台账",
      cells: [
        ...row(1, ["编号", "日期", "活动类别"]),
        ...row(2, ["BV-01", "下周", undefined]),
        ...row(2, [undefined, undefined, undefined]),
      ],
    },
  ]);
}

type Form = (value: unknown, spec: FieldSpec, turn: number) => CellValue;

const FULL_WIDTH = (text: string) =>
  text.replace(/[0-9.%,]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

function thousands(value: number): string {
  return value.toLocaleString("en-US");
}

// how a clerk types each kind of value, by turn, so that every form appears
const FORMS: Readonly<Record<FieldSpec["type"], Form>> = {
  boolean: (value, _spec, turn) => {
    const yes = value === true;
    switch (turn % 6) {
      case 0:
        return yes ? "是" : "否";
      case 1:
        return yes ? "√" : "×";
      case 2:
        return yes ? "有" : "无";
      case 3:
        return yes;
      case 4:
        return yes ? "TRUE" : "FALSE";
      default:
        return yes ? 1 : 0;
    }
  },
  integer: (value, _spec, turn) => {
    const number = value as number;
    switch (turn % 4) {
      case 0:
        return number;
      case 1:
        return FULL_WIDTH(String(number));
      case 2:
        return thousands(number);
      default:
        // exceljs drops a cached result of 0, which would leave a formula without a value
        return number === 0 ? number : { formula: `${number}+0`, result: number };
    }
  },
  number: (value, _spec, turn) => {
    const number = value as number;
    return turn % 2 === 0 ? number : thousands(number);
  },
  ratio: (value, _spec, turn) => {
    const number = value as number;
    const percent = `${Number((number * 100).toPrecision(12))}%`;
    switch (turn % 4) {
      case 0:
        return number;
      case 1:
        return percent;
      case 2:
        return String(number);
      default:
        return FULL_WIDTH(percent);
    }
  },
  date: (value, _spec, turn) => {
    const [year = 0, month = 1, day = 1] = String(value).split("-").map(Number);
    switch (turn % 4) {
      case 0:
        return new Date(Date.UTC(year, month - 1, day));
      case 1:
        return String(value);
      case 2:
        return `${year}/${month}/${day}`;
      default:
        return `${year}年${month}月${day}日`;
    }
  },
  enum: (value, _spec, turn) =>
    turn % 2 === 0 ? String(value) : { richText: [{ text: String(value), font: { bold: true } }] },
  string: (value, _spec, turn) => {
    const text = String(value);
    const half = Math.ceil(text.length / 2);
    return turn % 2 === 0
      ? text
      : {
          richText: [
            { text: text.slice(0, half), font: { color: { argb: "FFC00000" } } },
            { text: text.slice(half) },
          ],
        };
  },
};

/** A permutation that is the same on every run. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function writeClerkTyped(
  library: RuleLibrary,
  candidates: readonly Candidate[],
): Promise<void> {
  const chosen = CLERK_IDS.map(
    (id) => candidates.find((candidate) => candidate.id === id) as Candidate,
  );
  const columns = candidateColumns(library, ["village", "community"]);
  const workbook = new ExcelJS.Workbook();
  // named otherwise: the candidates are found as the first sheet
  const sheet = workbook.addWorksheet("2026年申报汇总");
  const fields = shuffle([...columns.fields], 7);
  const headers = [
    "类型",
    "名称",
    ...fields.map(([id, spec], index) => (index % 5 === 0 ? id : spec.label)),
  ];
  headers.splice(4, 0, "编号");
  sheet.addRow(headers.map((header) => header.replace("(", "（").replace(")", "）")));
  const cellFor = (candidate: Candidate, header: string, turn: number): CellValue => {
    if (header === "编号") {
      return candidate.id;
    }
    if (header === "名称") {
      return turn % 2 === 0 ? candidate.name : { richText: [{ text: candidate.name }] };
    }
    if (header === "类型") {
      return UNIT_TYPE_NAMES[candidate.unitType];
    }
    const field = fields.find(([id, spec]) => id === header || spec.label === header);
    if (!field) {
      throw new Error(header);
    }
    const value = candidate.data[field[0]];
    return value === undefined ? null : FORMS[field[1].type](value, field[1], turn);
  };
  const example = headers.map((header) =>
    header === "编号" ? "示例-01" : header === "名称" ? "示例村" : null,
  );
  sheet.addRow(example);
  chosen.forEach((candidate, rowIndex) => {
    sheet.addRow(headers.map((header, column) => cellFor(candidate, header, rowIndex + column)));
  });

  const titles = workbook.addWorksheet("已获命名");
  titles.addRow(["命名日期", "编号", "是否撤销", "级别"]);
  let turn = 0;
  for (const candidate of chosen) {
    for (const title of candidate.titles) {
      titles.addRow([
        FORMS.date(
          title.awarded,
          { label: "", type: "date", source: { file: "", path: [] } },
          turn,
        ),
        candidate.id,
        title.revoked ? "是" : turn % 2 === 0 ? null : "×",
        turn % 2 === 0 ? LEVEL_NAMES[title.level] : title.level,
      ]);
      turn++;
    }
  }
  for (const list of columns.lists.values()) {
    const listSheet = workbook.addWorksheet(list.label);
    const listFields = shuffle([...list.fields], 3);
    listSheet.addRow([...listFields.map(([, spec]) => spec.label), "编号"]);
    for (const candidate of chosen) {
      for (const entry of (candidate.data[list.id] ?? []) as Record<string, unknown>[]) {
        listSheet.addRow([
          ...listFields.map(([id, spec]) =>
            entry[id] === undefined ? null : FORMS[spec.type](entry[id], spec, turn++),
          ),
          candidate.id,
        ]);
      }
    }
  }
  await workbook.xlsx.writeFile(join(FIXTURES, "clerk-typed.xlsx"));
}

async function main(): Promise<void> {
  mkdirSync(FIXTURES, { recursive: true });
  const library = loadDemoLibrary();
  const candidates = loadDemoCandidates();
  await writeCandidateWorkbook(
    join(ROOT, "fixtures", "demo", "candidates.xlsx"),
    library,
    candidates,
  );
  writeMalformed(library);
  await writeClerkTyped(library, candidates);
  process.stdout.write(`wrote fixtures/demo/candidates.xlsx and ${FIXTURES}\n`);
}

await main();

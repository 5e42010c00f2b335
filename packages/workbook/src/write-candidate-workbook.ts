import { LEVEL_NAMES, LEVELS, UNIT_TYPE_NAMES } from "@ceping/engine";
import type { Candidate, FieldSpec, RuleLibrary, UnitType } from "@ceping/engine";
import type { DataValidation } from "exceljs";
import {
  CANDIDATE_SHEET,
  candidateColumns,
  CHOICES_SHEET,
  EXAMPLE_ID_PREFIX,
  GUIDE_SHEET,
  ID_HEADER,
  NAME_HEADER,
  TITLE_HEADERS,
  TITLES_SHEET,
  TYPE_HEADER,
  unitTypeChoices,
  unitTypesReading,
} from "./candidate-columns.ts";
import { commitRow } from "./commit-row.ts";
import type { CandidateColumns } from "./candidate-columns.ts";
import { describeField, exampleValue } from "./describe-field.ts";
import { uniqueSheetName } from "./sheet-name.ts";
import { writeTableSheet } from "./write-table-sheet.ts";
import type { TableColumn, ValueKind } from "./write-table-sheet.ts";
import { writeText } from "./write-text.ts";
import { writeWorkbookFile } from "./write-workbook-file.ts";
import type { WorkbookWriter } from "./write-workbook-file.ts";

/** How to write a candidate workbook. */
export interface WriteCandidateWorkbookOptions {
  /** add a filled example row to each sheet, marked as such @default false */
  readonly example?: boolean;
  /** data rows that get drop-downs and range checks @default 1000, or 200 more than the rows */
  readonly validationRows?: number;
  /** only the columns of the tables scoring these unit types @default the candidates' types, or all */
  readonly unitTypes?: readonly UnitType[];
}

const EXAMPLE_ID = `${EXAMPLE_ID_PREFIX}-01`;
const YES_NO = ["是", "否"];

const KINDS: Readonly<Record<FieldSpec["type"], ValueKind>> = {
  integer: "integer",
  number: "number",
  ratio: "ratio",
  boolean: "boolean",
  date: "date",
  string: "text",
  enum: "text",
};

/** Drop-down lists too long to write inline go to a hidden sheet, one column each. */
class Choices {
  readonly columns: (readonly string[])[] = [];

  formula(values: readonly string[]): string {
    const inline = values.join(",");
    // Excel allows 255 characters in an inline list, and no commas or quotes inside values
    if (inline.length <= 250 && !values.some((value) => /[,"]/.test(value))) {
      return `"${inline}"`;
    }
    this.columns.push(values);
    const letter = String.fromCharCode(64 + this.columns.length);
    return `'${CHOICES_SHEET}'!$${letter}$1:$${letter}$${values.length}`;
  }

  write(workbook: WorkbookWriter): void {
    if (this.columns.length === 0) {
      return;
    }
    const sheet = workbook.addWorksheet(CHOICES_SHEET, { state: "hidden" });
    const longest = Math.max(...this.columns.map((values) => values.length));
    for (let index = 0; index < longest; index++) {
      const row = sheet.getRow(index + 1);
      this.columns.forEach((values, column) => {
        const value = values[index];
        if (value !== undefined) {
          writeText(row.getCell(column + 1), value);
        }
      });
      commitRow(row);
    }
    sheet.commit();
  }
}

function listValidation(
  values: readonly string[],
  choices: Choices,
  label: string,
): DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [choices.formula(values)],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: label,
    error: `请从下拉列表中选择：${values.join("、")}`.slice(0, 250),
  };
}

function rangeValidation(spec: FieldSpec): DataValidation | undefined {
  const prompt = {
    showInputMessage: true,
    promptTitle: spec.label.slice(0, 32),
    prompt: describeField(spec).slice(0, 250),
  };
  const error = {
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: spec.label.slice(0, 32),
    error: `${describeField(spec)}`.slice(0, 250),
  } as const;
  if (spec.type === "date") {
    return {
      type: "date",
      operator: "between",
      allowBlank: true,
      formulae: [new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2999, 11, 31))],
      ...prompt,
      ...error,
    };
  }
  if (spec.type !== "integer" && spec.type !== "number" && spec.type !== "ratio") {
    return undefined;
  }
  const min = spec.min ?? (spec.type === "ratio" ? 0 : -1e15);
  const max = spec.max ?? (spec.type === "ratio" ? 1 : 1e15);
  return {
    type: spec.type === "integer" ? "whole" : "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [min, max],
    ...prompt,
    ...error,
  };
}

function fieldNote(spec: FieldSpec, id: string, required: boolean, appliesTo: string): string {
  return [
    `${spec.label}（${id}）`,
    describeField(spec),
    ...(required ? ["必填：留空则该单位“资料不全”"] : ["可空：留空即缺项，不按 0 计"]),
    ...(appliesTo ? [`适用于：${appliesTo}`] : []),
    ...(spec.hint ? [spec.hint] : []),
  ].join("\n");
}

function fieldColumn(
  columns: CandidateColumns,
  id: string,
  spec: FieldSpec,
  choices: Choices,
  list?: string,
): TableColumn {
  const validation =
    spec.type === "enum"
      ? listValidation(spec.values ?? [], choices, spec.label)
      : spec.type === "boolean"
        ? listValidation(YES_NO, choices, spec.label)
        : rangeValidation(spec);
  const readers = unitTypesReading(columns, id, list);
  const required = [...columns.tables.values()].some((tables) =>
    tables.some((table) =>
      list === undefined
        ? table.ruleSet.fields[id]?.required === true
        : table.ruleSet.lists[list]?.fields[id]?.required === true,
    ),
  );
  return {
    header: spec.label,
    note: fieldNote(
      spec,
      id,
      required,
      readers.length < columns.tables.size ? readers.join("、") : "",
    ),
    kind: KINDS[spec.type],
    required,
    ...(validation && { validation }),
  };
}

function guideLines(columns: CandidateColumns, sheets: readonly string[]): string[] {
  return [
    "申报汇总表填写说明",
    "",
    `1. “${CANDIDATE_SHEET}”表每行一个申报单位：${ID_HEADER}（每行唯一）、${NAME_HEADER}、${TYPE_HEADER}必填；其余各列为测评所需数据，表头批注说明了类型、范围和口径。`,
    `2. 类型可选：${unitTypeChoices(columns).join("、")}。`,
    `3. “${TITLES_SHEET}”表每行一个已获得的命名：${ID_HEADER}、${TITLE_HEADERS.level}、${TITLE_HEADERS.awarded}、${TITLE_HEADERS.revoked}（是/否，空白按否）。`,
    ...(sheets.length > 0
      ? [
          `4. ${sheets.map((name) => `“${name}”`).join("、")}表每行一条记录，第一列填写所属单位的${ID_HEADER}。`,
        ]
      : []),
    "",
    "填写方式：",
    "· 是/否可写 是、否、√、×、有、无、TRUE、FALSE、1、0。",
    "· 数字可含千分位（1,240）或全角数字（９０）；比例可写 0.93 或 93%。",
    "· 日期可写 2024-05-01、2024/5/1 或 2024年5月1日。",
    "· 留空表示缺少该项数据，不按 0 计；缺少必填数据的单位结论为“资料不全”。",
    "· 表头可调整顺序，但不要改动表头文字；多出的列不参与计分。",
    `· 编号以“${EXAMPLE_ID_PREFIX}”开头的行是示例，导入时自动跳过，可以删除。`,
  ];
}

function writeGuide(workbook: WorkbookWriter, lines: readonly string[]): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET);
  sheet.columns = [{ width: 110 }];
  lines.forEach((line, index) => {
    const row = sheet.getRow(index + 1);
    const cell = row.getCell(1);
    writeText(cell, line);
    cell.alignment = { wrapText: true, vertical: "top" };
    if (index === 0) {
      cell.font = { bold: true, size: 14 };
    }
    commitRow(row);
  });
  sheet.commit();
}

/**
 * Writes candidates as a candidate workbook in the layout `readCandidateWorkbook` reads: sheet
 * 申报单位 (编号, 名称, 类型, then every field of every table), 已获命名, one sheet per list, a
 * 填表说明 sheet. Headers carry notes (hint, type, range); columns carry drop-downs and range
 * checks; the header row and the first two columns stay in view. Reading the file back gives the
 * same candidates (titles, lists, and data of the tables' fields).
 */
export async function writeCandidateWorkbook(
  path: string,
  library: RuleLibrary,
  candidates: readonly Candidate[],
  options: WriteCandidateWorkbookOptions = {},
): Promise<void> {
  const present = [...new Set(candidates.map((candidate) => candidate.unitType))];
  const columns = candidateColumns(
    library,
    options.unitTypes ?? (present.length > 0 ? present : undefined),
  );
  const fields = [...columns.fields];
  const choices = new Choices();
  const validationRows = options.validationRows ?? Math.max(1000, candidates.length + 200);
  const used = new Set<string>(
    [CANDIDATE_SHEET, TITLES_SHEET, GUIDE_SHEET, CHOICES_SHEET].map((name) => name.toLowerCase()),
  );
  const listSheets = [...columns.lists.values()].map((list) => ({
    list,
    name: uniqueSheetName(list.label, used),
  }));
  const example = options.example === true;

  await writeWorkbookFile(path, (workbook) => {
    writeTableSheet(workbook, {
      name: CANDIDATE_SHEET,
      frozenColumns: 2,
      validationRows,
      columns: [
        {
          header: ID_HEADER,
          note: `单位编号（每行唯一），如 GD-01\n编号以“${EXAMPLE_ID_PREFIX}”开头的行为示例，导入时跳过`,
          kind: "text",
          required: true,
        },
        { header: NAME_HEADER, note: "申报单位全称", kind: "text", required: true },
        {
          header: TYPE_HEADER,
          note: `单位类型：${unitTypeChoices(columns).join("、")}`,
          kind: "text",
          required: true,
          validation: listValidation(unitTypeChoices(columns), choices, TYPE_HEADER),
        },
        ...fields.map(([id, spec]) => fieldColumn(columns, id, spec, choices)),
      ],
      ...(example && {
        example: [
          EXAMPLE_ID,
          "示例村（此行为填写示例）",
          unitTypeChoices(columns)[0] ?? "",
          ...fields.map(([, spec]) => exampleValue(spec)),
        ],
      }),
      rows: candidates.map((candidate) => [
        candidate.id,
        candidate.name,
        UNIT_TYPE_NAMES[candidate.unitType],
        ...fields.map(([id]) => candidate.data[id]),
      ]),
    });

    const levels = LEVELS.map((level) => LEVEL_NAMES[level]);
    writeTableSheet(workbook, {
      name: TITLES_SHEET,
      frozenColumns: 1,
      validationRows,
      columns: [
        {
          header: ID_HEADER,
          note: "已获命名单位的编号，与申报单位表一致",
          kind: "text",
          required: true,
        },
        {
          header: TITLE_HEADERS.level,
          note: `命名级别：${levels.join("、")}`,
          kind: "text",
          required: true,
          validation: listValidation(levels, choices, TITLE_HEADERS.level),
        },
        {
          header: TITLE_HEADERS.awarded,
          note: "命名文件的日期，如 2019-12-20",
          kind: "date",
          required: true,
          validation: rangeValidation({
            label: TITLE_HEADERS.awarded,
            type: "date",
            source: { file: "", path: [] },
          }),
        },
        {
          header: TITLE_HEADERS.revoked,
          note: "是 或 否；空白按“否”",
          kind: "boolean",
          validation: listValidation(YES_NO, choices, TITLE_HEADERS.revoked),
        },
      ],
      ...(example && { example: [EXAMPLE_ID, levels[0], "2023-12-20", false] }),
      rows: candidates.flatMap((candidate) =>
        candidate.titles.map((title) => [
          candidate.id,
          LEVEL_NAMES[title.level],
          title.awarded,
          title.revoked,
        ]),
      ),
    });

    for (const { list, name } of listSheets) {
      const listFields = [...list.fields];
      writeTableSheet(workbook, {
        name,
        frozenColumns: 1,
        validationRows: Math.max(validationRows, candidates.length * 10),
        columns: [
          {
            header: ID_HEADER,
            note: `所属申报单位的编号${list.hint ? `\n${list.hint}` : ""}`,
            kind: "text",
            required: true,
          },
          ...listFields.map(([id, spec]) => fieldColumn(columns, id, spec, choices, list.id)),
        ],
        ...(example && {
          example: [EXAMPLE_ID, ...listFields.map(([, spec]) => exampleValue(spec))],
        }),
        rows: candidates.flatMap((candidate) => {
          const rows = candidate.data[list.id];
          return Array.isArray(rows)
            ? rows.map((row: unknown) => [
                candidate.id,
                ...listFields.map(([id]) =>
                  row !== null && typeof row === "object"
                    ? (row as Record<string, unknown>)[id]
                    : undefined,
                ),
              ])
            : [];
        }),
      });
    }

    writeGuide(
      workbook,
      guideLines(
        columns,
        listSheets.map(({ name }) => name),
      ),
    );
    choices.write(workbook);
  });
}

import type { Borders, DataValidation, Fill, Font } from "exceljs";
import { commitRow } from "./commit-row.ts";
import { addValidation } from "./add-validation.ts";
import { columnLetter } from "./column-letter.ts";
import { columnWidth, displayWidth } from "./display-width.ts";
import type { WorkbookWriter } from "./write-workbook-file.ts";
import { writeText } from "./write-text.ts";

/** How a column's values are written. */
export type ValueKind = "text" | "number" | "integer" | "ratio" | "boolean" | "date";

/** One column of a header-and-rows sheet. */
export interface TableColumn {
  readonly header: string;
  /** the header's note: hint, type, range */
  readonly note: string;
  readonly kind: ValueKind;
  readonly required?: boolean;
  /** a drop-down or range check for every data row */
  readonly validation?: DataValidation;
}

/** A header-and-rows sheet to write. */
export interface TableSheet {
  readonly name: string;
  readonly columns: readonly TableColumn[];
  readonly rows: Iterable<readonly unknown[]>;
  /** a first row of example values, marked as such (the import skips it by its id) */
  readonly example?: readonly unknown[];
  /** columns kept in view when scrolling right */
  readonly frozenColumns: number;
  /** data rows below the header that get drop-downs and range checks */
  readonly validationRows: number;
}

export const HEADER_FILL: Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};
export const EXAMPLE_FILL: Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFFF2CC" },
};
export const THIN_BORDER: Partial<Borders> = {
  top: { style: "thin", color: { argb: "FF9E9E9E" } },
  left: { style: "thin", color: { argb: "FF9E9E9E" } },
  bottom: { style: "thin", color: { argb: "FF9E9E9E" } },
  right: { style: "thin", color: { argb: "FF9E9E9E" } },
};
const HEADER_FONT: Partial<Font> = { bold: true };
const REQUIRED_FONT: Partial<Font> = { bold: true, color: { argb: "FFC00000" } };
const EXAMPLE_FONT: Partial<Font> = { italic: true, color: { argb: "FF7F7F7F" } };
const EXAMPLE_NOTE = "示例行：仅供参考，导入时自动跳过（编号以“示例”开头），可以删除";

const NUMBER_FORMATS: Readonly<Record<ValueKind, string | undefined>> = {
  text: "@",
  boolean: "@",
  date: "yyyy-mm-dd",
  integer: "0",
  number: undefined,
  ratio: undefined,
};

function isoDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** What a value is shown as, for column widths. */
function shown(value: unknown): string {
  if (value === undefined || value === null) {
    return "";
  }
  if (typeof value === "boolean") {
    return value ? "是" : "否";
  }
  return typeof value === "string"
    ? value
    : typeof value === "number"
      ? String(value)
      : JSON.stringify(value);
}

/**
 * Writes a value as a person would have typed it: yes/no as 是/否, ISO dates as Excel dates
 * (at UTC midnight, so no time zone moves them), numbers as numbers, text so that it never runs.
 */
export function writeValue(
  cell: Parameters<typeof writeText>[0],
  value: unknown,
  kind: ValueKind,
): void {
  if (value === undefined || value === null || value === "") {
    return;
  }
  if (typeof value === "boolean") {
    writeText(cell, value ? "是" : "否");
    return;
  }
  if (typeof value === "number") {
    cell.value = value;
    return;
  }
  if (typeof value === "string") {
    const date = kind === "date" ? isoDate(value) : undefined;
    if (date) {
      cell.value = date;
    } else {
      writeText(cell, value);
    }
    return;
  }
  writeText(cell, JSON.stringify(value));
}

/**
 * Writes a sheet of a header row and data rows: headers with notes, number formats, drop-downs
 * and range checks per column, frozen header row and first columns, widths that fit Chinese
 * text, and an optional marked example row.
 */
export function writeTableSheet(workbook: WorkbookWriter, table: TableSheet): void {
  const rows = [...table.rows];
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: "frozen", xSplit: table.frozenColumns, ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
    },
  });
  const sample = [...(table.example ? [table.example] : []), ...rows.slice(0, 500)];
  const widths = table.columns.map((column, index) =>
    columnWidth(
      [column.header, ...sample.map((row) => shown(row[index]))],
      Math.max(8, Math.ceil(displayWidth(column.header) / 2) + 2),
      30,
    ),
  );
  sheet.columns = table.columns.map((column, index) => ({
    width: widths[index] ?? 10,
    ...(NUMBER_FORMATS[column.kind] !== undefined && {
      style: { numFmt: NUMBER_FORMATS[column.kind] },
    }),
  }));

  const header = sheet.getRow(1);
  let lines = 1;
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.note = column.note;
    cell.font = column.required ? REQUIRED_FONT : HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.numFmt = "@";
    lines = Math.max(
      lines,
      Math.ceil(displayWidth(column.header) / Math.max(1, (widths[index] ?? 10) - 1)),
    );
  });
  header.height = 18 * lines;
  commitRow(header);

  const last = table.validationRows + 1;
  table.columns.forEach((column, index) => {
    if (column.validation) {
      const letter = columnLetter(index + 1);
      addValidation(sheet, `${letter}2:${letter}${last}`, column.validation);
    }
  });

  let number = 2;
  if (table.example) {
    const row = sheet.getRow(number++);
    table.columns.forEach((column, index) => {
      const cell = row.getCell(index + 1);
      writeValue(cell, table.example?.[index], column.kind);
      cell.font = EXAMPLE_FONT;
      cell.fill = EXAMPLE_FILL;
      if (NUMBER_FORMATS[column.kind] !== undefined) {
        cell.numFmt = NUMBER_FORMATS[column.kind] as string;
      }
    });
    row.getCell(1).note = EXAMPLE_NOTE;
    commitRow(row);
  }
  for (const values of rows) {
    const row = sheet.getRow(number++);
    // each cell takes its column's number format
    table.columns.forEach((column, index) =>
      writeValue(row.getCell(index + 1), values[index], column.kind),
    );
    commitRow(row);
  }
  sheet.commit();
}

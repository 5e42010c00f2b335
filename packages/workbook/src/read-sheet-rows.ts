import type { Readable } from "node:stream";
import type { CellValue } from "exceljs";
import { SaxesParser } from "saxes";
import type { SaxesTagPlain } from "saxes";
import { isDateFormat } from "./read-cell.ts";

/** A cell that holds something, as exceljs' reader would give its value. */
export interface SheetCell {
  readonly value: CellValue;
  /** the number format of the cell's style, when it has one */
  readonly numFmt: string | undefined;
}

/** A row of a sheet: its number and its non-blank cells by column (1-based). */
export interface SheetRow {
  readonly number: number;
  /** the highest column the row mentions, filled or not */
  readonly cellCount: number;
  /** calls back for each cell that holds a value, left to right */
  eachCell(callback: (cell: SheetCell, column: number) => void): void;
}

/** What a sheet's cells refer to elsewhere in the workbook. */
export interface SheetContext {
  /** the shared strings part, as exceljs parsed it: text or `{ richText }` */
  readonly sharedStrings: readonly unknown[];
  /** the number format of a cell style index */
  numFmtOf(style: number): string | undefined;
  /** dates count from 1904 (old Mac workbooks) */
  readonly date1904: boolean;
}

class Row implements SheetRow {
  readonly number: number;
  cellCount = 0;
  readonly cells: (SheetCell | undefined)[] = [];
  constructor(number: number) {
    this.number = number;
  }
  eachCell(callback: (cell: SheetCell, column: number) => void): void {
    const { cells } = this;
    for (let column = 1; column < cells.length; column++) {
      const cell = cells[column];
      if (cell !== undefined) {
        callback(cell, column);
      }
    }
  }
}

/** `B7` → 2; 0 when the reference has no column letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      column = column * 26 + code - 64;
    } else if (code >= 97 && code <= 122) {
      column = column * 26 + code - 96;
    } else {
      break;
    }
  }
  return column;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** The parts of a `<c>` element gathered while its children stream by. */
interface OpenCell {
  column: number;
  style: number;
  type: string;
  formula: string | undefined;
  value: string | undefined;
}

/**
 * Streams the rows of a worksheet part (`xl/worksheets/sheetN.xml`) in batches, with the values
 * exceljs' streaming reader gives (shared strings looked up, numbers in date formats as dates,
 * formulas as `{ formula, result }`, errors as `{ error }`), but without its row and cell objects:
 * a cell here is its value and number format, which keeps a 50,000-row import within a bounded,
 * small heap. Also reads what exceljs does not: rows and cells without a reference (the next
 * ones), inline rich text, and prefixed element names (`x:c`).
 */
export async function* readSheetRows(
  part: Readable,
  context: SheetContext,
): AsyncGenerator<readonly SheetRow[]> {
  const parser = new SaxesParser();
  // a workbook has a handful of styles and a million cells: look each style up once
  const styles: ({ numFmt: string | undefined; isDate: boolean } | undefined)[] = [];
  const styleOf = (style: number): { numFmt: string | undefined; isDate: boolean } => {
    let known = styles[style];
    if (known === undefined) {
      // style 0 is the workbook's default, never a date format (exceljs does not look it up)
      const numFmt = style === 0 ? undefined : context.numFmtOf(style);
      known = { numFmt, isDate: isDateFormat(numFmt) };
      styles[style] = known;
    }
    return known;
  };
  const dateOffset = 25569 - (context.date1904 ? 1462 : 0);
  let batch: Row[] = [];
  let row: Row | undefined;
  let lastRow = 0;
  let cell: OpenCell | undefined;
  // which text is being gathered: the formula, the value, or an inline string's run
  let gathering: "f" | "v" | "t" | undefined;
  let inPhonetic = false;
  let inSheetData = false;

  parser.on("opentag", (node: SaxesTagPlain) => {
    const name = localName(node.name);
    if (name === "sheetData") {
      inSheetData = true;
    } else if (!inSheetData) {
      return;
    } else if (name === "row") {
      const r = node.attributes.r;
      lastRow = r === undefined ? lastRow + 1 : Number.parseInt(r, 10);
      row = new Row(lastRow);
    } else if (name === "c" && row) {
      const ref = node.attributes.r;
      const column = ref === undefined ? row.cellCount + 1 : columnOf(ref);
      row.cellCount = Math.max(row.cellCount, column);
      const s = node.attributes.s;
      cell = {
        column,
        style: s === undefined ? 0 : Number.parseInt(s, 10),
        type: node.attributes.t ?? "n",
        formula: undefined,
        value: undefined,
      };
    } else if (cell) {
      if (name === "f") {
        gathering = "f";
        cell.formula ??= "";
      } else if (name === "v") {
        gathering = "v";
        cell.value ??= "";
      } else if (name === "rPh") {
        inPhonetic = true;
      } else if (name === "t" && !inPhonetic) {
        gathering = "t";
        cell.value ??= "";
      }
    }
  });
  parser.on("text", (text: string) => {
    if (gathering === undefined || !cell) {
      return;
    }
    if (gathering === "f") {
      cell.formula += text;
    } else {
      cell.value += text;
    }
  });
  parser.on("cdata", (text: string) => {
    if (gathering !== undefined && cell) {
      if (gathering === "f") {
        cell.formula += text;
      } else {
        cell.value += text;
      }
    }
  });
  parser.on("closetag", (node: SaxesTagPlain) => {
    const name = localName(node.name);
    if (name === "f" || name === "v" || name === "t") {
      gathering = undefined;
    } else if (name === "rPh") {
      inPhonetic = false;
    } else if (name === "c" && row && cell) {
      const value = valueOf(cell);
      if (value !== undefined) {
        row.cells[cell.column] = { value, numFmt: styleOf(cell.style).numFmt };
      }
      cell = undefined;
    } else if (name === "row" && row) {
      batch.push(row);
      row = undefined;
    } else if (name === "sheetData") {
      inSheetData = false;
    }
  });

  function valueOf(open: OpenCell): CellValue | undefined {
    const text = open.value;
    if (open.formula !== undefined) {
      if (text === undefined) {
        return { formula: open.formula };
      }
      const result =
        open.type === "str"
          ? text
          : open.type === "b"
            ? Number.parseInt(text, 10) !== 0
            : open.type === "e"
              ? { error: text }
              : Number.parseFloat(text);
      return { formula: open.formula, result } as CellValue;
    }
    if (text === undefined || (text === "" && open.type !== "inlineStr" && open.type !== "str")) {
      return undefined;
    }
    switch (open.type) {
      case "s":
        return context.sharedStrings[Number.parseInt(text, 10)] as CellValue;
      case "inlineStr":
      case "str":
        return text;
      case "e":
        return { error: text } as CellValue;
      case "b":
        return Number.parseInt(text, 10) !== 0;
      case "d":
        return new Date(text);
      default: {
        const number = Number.parseFloat(text);
        return styleOf(open.style).isDate
          ? new Date(Math.round((number - dateOffset) * 86_400_000))
          : number;
      }
    }
  }

  part.setEncoding("utf8");
  for await (const chunk of part) {
    parser.write(chunk as string);
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  parser.close();
  if (batch.length > 0) {
    yield batch;
  }
}

import type { Row, Style } from "exceljs";

// exceljs' streaming writer turns every cell's style into XML to find its id in the styles part,
// unless it has met that very style object before (it keeps a WeakMap). Each cell has a style
// object of its own, so a results workbook of 50,000 candidates took two and a half minutes,
// most of it there. Equal styles are made one shared object per workbook before a row is
// written. The parts of a style (a font, a border …) are set whole and never changed in place
// by our writers, so each part object is numbered once by its content, and a style's key is
// short: the numbers of its parts.
const sharedStyles = new WeakMap<object, Map<string, Partial<Style>>>();
const partNumbers = new WeakMap<object, number>();
const numbersByText = new Map<string, number>();

function partNumber(part: unknown): number {
  if (part === undefined || part === null) {
    return 0;
  }
  const object = typeof part === "object" ? part : undefined;
  let number = object && partNumbers.get(object);
  if (number === undefined) {
    // a number format is its own text
    const text = typeof part === "string" ? part : JSON.stringify(part);
    number = numbersByText.get(text);
    if (number === undefined) {
      number = numbersByText.size + 1;
      numbersByText.set(text, number);
    }
    if (object) {
      partNumbers.set(object, number);
    }
  }
  return number;
}

function styleKey(style: Partial<Style>): string {
  return `${partNumber(style.numFmt)},${partNumber(style.font)},${partNumber(style.alignment)},${partNumber(style.border)},${partNumber(style.fill)},${partNumber(style.protection)}`;
}

/** Writes a streamed row out, its cells' styles shared with equal ones written before. */
export function commitRow(row: Row): void {
  const book = row.worksheet.workbook;
  let styles = sharedStyles.get(book);
  if (styles === undefined) {
    styles = new Map();
    sharedStyles.set(book, styles);
  }
  row.eachCell({ includeEmpty: true }, (cell) => {
    const key = styleKey(cell.style);
    const known = styles.get(key);
    if (known === undefined) {
      styles.set(key, cell.style);
    } else {
      cell.style = known;
    }
  });
  row.commit();
}

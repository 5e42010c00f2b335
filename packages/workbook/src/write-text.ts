import type { Cell } from "exceljs";

// a spreadsheet program runs text starting with these as a formula when the cell is re-entered
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Puts text from input into a cell so that no spreadsheet program ever runs it as a formula:
 * exceljs writes strings as text cells, and text that looks like a formula also gets the Text
 * number format (`@`), so that editing the cell and pressing Enter keeps it text.
 */
export function writeText(cell: Cell, text: string): void {
  cell.value = text;
  if (FORMULA_START.test(text)) {
    cell.numFmt = "@";
  }
}
